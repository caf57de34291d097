//! The pain chart's data: daily mean and worst, a 7-day rolling mean, the functional score, and
//! which days had cold, heat, stretches or an assessment. x is days since the chart's first day.
//! Lines are split into runs of consecutive days, so a day with no entry is a gap, never a zero.

use chrono::{Days, NaiveDate};

use super::{Day, Facts};

/// A line as runs of points that may be joined.
pub type Runs = Vec<Vec<(f64, f64)>>;

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Marks {
    pub cold: bool,
    pub heat: bool,
    pub stretch: bool,
    pub assessed: bool,
}

impl Marks {
    pub fn any(self) -> bool {
        self.cold || self.heat || self.stretch || self.assessed
    }

    /// Together, as a column of the marker row shows them.
    pub fn or(self, other: Marks) -> Marks {
        Marks {
            cold: self.cold || other.cold,
            heat: self.heat || other.heat,
            stretch: self.stretch || other.stretch,
            assessed: self.assessed || other.assessed,
        }
    }
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Chart {
    pub from: NaiveDate,
    pub to: NaiveDate,
    pub mean: Runs,
    pub worst: Runs,
    pub rolling: Runs,
    /// The functional scale's score (0-10) at each rating, joined.
    pub function: Vec<(f64, f64)>,
    /// Days with something to mark, in date order.
    pub marks: Vec<(NaiveDate, Marks)>,
}

/// The window of the rolling mean, in days.
pub const ROLLING_DAYS: i64 = 7;

impl Chart {
    pub fn new(facts: &Facts, from: NaiveDate, to: NaiveDate) -> Chart {
        let x = |date: NaiveDate| (date - from).num_days() as f64;
        let days = facts.days_in(from, to);
        let mut chart = Chart {
            from,
            to,
            mean: runs(days, |d| (x(d.date), d.mean)),
            worst: runs(days, |d| (x(d.date), f64::from(d.max))),
            rolling: Vec::new(),
            function: (facts.function.iter())
                .filter(|(date, _)| (from..=to).contains(date))
                .map(|(date, r)| (x(*date), r.mean()))
                .collect(),
            marks: Vec::new(),
        };
        chart.rolling = runs(days, |d| (x(d.date), rolling_mean(facts.days, d.date)));
        chart.marks = marks(facts, from, to);
        chart
    }

    /// Days the chart covers.
    pub fn len(&self) -> i64 {
        (self.to - self.from).num_days() + 1
    }

    pub fn is_empty(&self) -> bool {
        self.mean.is_empty() && self.function.is_empty()
    }
}

/// Points from consecutive days joined in a run; a missing day starts a new one.
fn runs(days: &[Day], point: impl Fn(&Day) -> (f64, f64)) -> Runs {
    let mut out: Runs = Vec::new();
    let mut last: Option<NaiveDate> = None;
    for d in days {
        let follows = last.is_some_and(|l| l.succ_opt() == Some(d.date));
        match out.last_mut() {
            Some(run) if follows => run.push(point(d)),
            _ => out.push(vec![point(d)]),
        }
        last = Some(d.date);
    }
    out
}

/// The mean of the daily means over the 7 days ending `date` (days without entries left out).
fn rolling_mean(days: &[Day], date: NaiveDate) -> f64 {
    let start = date
        .checked_sub_days(Days::new(ROLLING_DAYS as u64 - 1))
        .unwrap_or(date);
    let from = days.partition_point(|d| d.date < start);
    let to = days.partition_point(|d| d.date <= date);
    let window = &days[from..to.max(from)];
    window.iter().map(|d| d.mean).sum::<f64>() / window.len().max(1) as f64
}

fn marks(facts: &Facts, from: NaiveDate, to: NaiveDate) -> Vec<(NaiveDate, Marks)> {
    let mut all: Vec<(NaiveDate, Marks)> = Vec::new();
    let mut mark = |date: NaiveDate, set: fn(&mut Marks)| {
        if !(from..=to).contains(&date) {
            return;
        }
        match all.binary_search_by_key(&date, |m| m.0) {
            Ok(i) => set(&mut all[i].1),
            Err(i) => {
                let mut m = Marks::default();
                set(&mut m);
                all.insert(i, (date, m));
            }
        }
    };
    for (date, s) in &facts.packs {
        match s.kind {
            crate::domain::therapy::PackKind::Cold => mark(*date, |m| m.cold = true),
            crate::domain::therapy::PackKind::Heat => mark(*date, |m| m.heat = true),
        }
    }
    for (date, r) in &facts.routines {
        if r.steps_done > 0 {
            mark(*date, |m| m.stretch = true);
        }
    }
    for date in &facts.assessments {
        mark(*date, |m| m.assessed = true);
    }
    all
}
