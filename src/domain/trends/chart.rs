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
    /// Days in each point: 1, or more over long spans, where each point is their mean (and
    /// the worst their worst) and the rolling mean is left out.
    pub bin: usize,
}

/// Most points a line holds; longer spans put several days in one point.
pub const MAX_POINTS: i64 = 120;

/// A 0-10 value as one of eight rising blocks, for sparklines.
pub fn spark(value: f64) -> char {
    const LEVELS: [char; 8] = ['▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'];
    LEVELS[(value / 10.0 * 7.0).round().clamp(0.0, 7.0) as usize]
}

/// The window of the rolling mean, in days.
pub const ROLLING_DAYS: i64 = 7;

/// One column of a sparkline.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Column {
    /// The mean pain of its days.
    Pain(f64),
    /// Its days had no check-in.
    NoCheckIn,
    /// No day falls here: padding between the days.
    Between,
}

impl Chart {
    pub fn new(facts: &Facts, from: NaiveDate, to: NaiveDate) -> Chart {
        let x = |date: NaiveDate| (date - from).num_days() as f64;
        let length = (to - from).num_days() + 1;
        let bin = ((length + MAX_POINTS - 1) / MAX_POINTS).max(1);
        let days = facts.days_in(from, to);
        let binned;
        let days = if bin > 1 {
            binned = bins(days, from, to, bin);
            &binned[..]
        } else {
            days
        };
        let mut chart = Chart {
            from,
            to,
            mean: runs(days, bin, |d| (x(d.date), d.mean)),
            worst: runs(days, bin, |d| (x(d.date), f64::from(d.worst))),
            rolling: Vec::new(),
            function: function_points(facts, from, to, bin),
            marks: Vec::new(),
            bin: bin as usize,
        };
        if bin == 1 {
            chart.rolling = runs(days, 1, |d| (x(d.date), rolling_mean(facts.days, d.date)));
        }
        chart.marks = marks(facts, from, to);
        if bin > 1 {
            // A bin's marks together, at its middle: a long span draws no more than its points.
            let mut binned: Vec<(NaiveDate, Marks)> = Vec::new();
            for (date, m) in chart.marks.drain(..) {
                let i = (date - from).num_days() / bin;
                let middle = middle(from, to, i, bin);
                match binned.last_mut() {
                    Some((d, all)) if *d == middle => *all = all.or(m),
                    _ => binned.push((middle, m)),
                }
            }
            chart.marks = binned;
        }
        chart
    }

    /// Days the chart covers.
    pub fn len(&self) -> i64 {
        (self.to - self.from).num_days() + 1
    }

    pub fn is_empty(&self) -> bool {
        self.mean.is_empty() && self.function.is_empty()
    }

    /// The column of day `day` (from the first) when `width` columns show the whole span,
    /// first day in the first column and last in the last, as a chart spreads its x axis.
    fn column(&self, day: i64, width: usize) -> usize {
        let last = (self.len() - 1).max(1) as f64;
        let at = (day.max(0) as f64 * (width.max(1) - 1) as f64 / last).round() as usize;
        at.min(width.max(1) - 1)
    }

    /// What each of `width` columns of a sparkline shows: the mean pain of its days, none (its
    /// days had no check-in), or nothing (no day falls there: the days are fewer than the
    /// columns).
    pub fn columns(&self, width: usize) -> Vec<Column> {
        let mut sums = vec![(0.0, 0usize); width.max(1)];
        let mut days = vec![false; width.max(1)];
        for day in 0..self.len() {
            days[self.column(day, width)] = true;
        }
        for &(x, y) in self.mean.iter().flatten() {
            let slot = &mut sums[self.column(x as i64, width)];
            *slot = (slot.0 + y, slot.1 + 1);
        }
        (sums.into_iter().zip(days))
            .map(|((sum, n), day)| match (n, day) {
                (0, false) => Column::Between,
                (0, true) => Column::NoCheckIn,
                _ => Column::Pain(sum / n as f64),
            })
            .collect()
    }

    /// The activities score (higher is better) in each of `width` columns, for a row of its own
    /// beside the pain: the latest rating falling in each column.
    pub fn function_columns(&self, width: usize) -> Vec<Option<f64>> {
        let mut out = vec![None; width.max(1)];
        for &(x, y) in &self.function {
            out[self.column(x as i64, width)] = Some(y);
        }
        out
    }

    /// One letter in each of `width` columns for what was done on its days: c cold, h heat,
    /// s stretches, + more than one, A assessed (which wins), a space for nothing.
    pub fn mark_letters(&self, width: usize) -> String {
        let mut columns = vec![Marks::default(); width.max(1)];
        for (date, m) in &self.marks {
            let i = self.column((*date - self.from).num_days(), width);
            columns[i] = columns[i].or(*m);
        }
        (columns.iter())
            .map(|m| {
                let kinds = [m.cold, m.heat, m.stretch].iter().filter(|b| **b).count();
                match () {
                    _ if m.assessed => 'A',
                    _ if kinds > 1 => '+',
                    _ if m.cold => 'c',
                    _ if m.heat => 'h',
                    _ if m.stretch => 's',
                    _ => ' ',
                }
            })
            .collect()
    }
}

/// The activities score at each rating; over long spans, the mean of each bin's ratings.
fn function_points(facts: &Facts, from: NaiveDate, to: NaiveDate, bin: i64) -> Vec<(f64, f64)> {
    let mut out: Vec<(i64, f64, usize)> = Vec::new();
    for (date, r) in facts
        .function
        .iter()
        .filter(|(d, _)| (from..=to).contains(d))
    {
        let i = (*date - from).num_days() / bin;
        match out.last_mut() {
            Some((j, sum, n)) if *j == i => (*sum, *n) = (*sum + r.mean(), *n + 1),
            _ => out.push((i, r.mean(), 1)),
        }
    }
    (out.into_iter())
        .map(|(i, sum, n)| {
            (
                (middle(from, to, i, bin) - from).num_days() as f64,
                sum / n as f64,
            )
        })
        .collect()
}

/// The day a bin is drawn at: its middle, or the span's last day for a last bin cut short.
fn middle(from: NaiveDate, to: NaiveDate, i: i64, bin: i64) -> NaiveDate {
    let offset = if bin == 1 { i } else { i * bin + (bin - 1) / 2 };
    u64::try_from(offset)
        .ok()
        .and_then(|days| from.checked_add_days(chrono::Days::new(days)))
        .map_or(to, |day| day.min(to))
}

/// Days `bin` at a time from `from`: each the mean of its days' means and the worst of their
/// worst, dated at its middle. Bins with no check-in are left out (gaps).
fn bins(days: &[Day], from: NaiveDate, to: NaiveDate, bin: i64) -> Vec<Day> {
    let mut out: Vec<(i64, Vec<&Day>)> = Vec::new();
    for d in days {
        let i = (d.date - from).num_days() / bin;
        match out.last_mut() {
            Some((j, group)) if *j == i => group.push(d),
            _ => out.push((i, vec![d])),
        }
    }
    (out.into_iter())
        .map(|(i, group)| Day {
            date: middle(from, to, i, bin),
            mean: group.iter().map(|d| d.mean).sum::<f64>() / group.len() as f64,
            max: group.iter().map(|d| d.max).max().unwrap_or(0),
            worst: group.iter().map(|d| d.worst).max().unwrap_or(0),
            worst_given: group.iter().any(|d| d.worst_given),
            count: group.iter().map(|d| d.count).sum(),
            last_at: group.iter().map(|d| d.last_at).max().unwrap_or_default(),
        })
        .collect()
}

/// Points from consecutive days (or bins of `bin` days) joined in a run; a missing one starts a
/// new run.
fn runs(days: &[Day], bin: i64, point: impl Fn(&Day) -> (f64, f64)) -> Runs {
    let mut out: Runs = Vec::new();
    let mut last: Option<NaiveDate> = None;
    for d in days {
        // A last bin cut short sits nearer its neighbour than `bin` days.
        let follows = last.is_some_and(|l| (1..=bin).contains(&(d.date - l).num_days()));
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
