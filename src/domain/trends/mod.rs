//! Pain over time: the daily series the red-flag rules read, and what the Trends screen and the
//! report show of it. Pure: the history and `today` come in as arguments.

mod adherence;
mod calendar;
mod chart;
mod helps;
mod span;
mod standing;
mod summary;

pub use adherence::{Week, streak, weeks};
pub use calendar::{Month, month};
pub use chart::{Chart, Column, Marks, spark};
pub use helps::{Association, Effect, MIN_COUNT, associations, effects};
pub use span::Span;
pub use standing::{Change, Standing, change};
pub use summary::Summary;

use chrono::{DateTime, NaiveDate, Utc};

use super::checkin::{CheckIn, Dated};
use super::function::FunctionRating;
use super::stretch::RoutineSession;
use super::therapy::Session;

/// Everything the statistics read, each with the local date it belongs to. The diary builds it.
pub struct Facts<'a> {
    /// Each day with check-ins (see `daily`).
    pub days: &'a [Day],
    /// Check-ins in time order.
    pub checkins: Vec<Dated<'a>>,
    /// Cold and heat sessions, by start.
    pub packs: Vec<(NaiveDate, &'a Session)>,
    /// Routines played, by start.
    pub routines: Vec<(NaiveDate, &'a RoutineSession)>,
    /// Days a clinician assessed the person.
    pub assessments: Vec<NaiveDate>,
    /// The first day of this episode, when the person gave one.
    pub onset: Option<NaiveDate>,
    /// Functional scale ratings, in time order.
    pub function: Vec<(NaiveDate, &'a FunctionRating)>,
}

impl Facts<'_> {
    /// The first day anything was recorded, if anything was.
    pub fn first_day(&self) -> Option<NaiveDate> {
        let firsts = [
            self.days.first().map(|d| d.date),
            self.packs.iter().map(|p| p.0).min(),
            self.routines.iter().map(|r| r.0).min(),
            self.function.iter().map(|f| f.0).min(),
        ];
        firsts.into_iter().flatten().min()
    }

    /// The daily figures from `from` to `to`, both included.
    pub fn days_in(&self, from: NaiveDate, to: NaiveDate) -> &[Day] {
        let start = self.days.partition_point(|d| d.date < from);
        let end = self.days.partition_point(|d| d.date <= to);
        &self.days[start..end.max(start)]
    }
}

/// One day with check-ins: the mean and the highest "pain now", the person's worst (see
/// `worst`), and the time of its last entry.
#[derive(Clone, Copy, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Day {
    pub date: NaiveDate,
    pub mean: f64,
    /// The highest "pain now" (the severe-days rule reads this).
    pub max: u8,
    /// The highest "worst in the last 24 hours" answer, counting a check-in's pain now where it
    /// gave none: what the chart and the report call the worst.
    pub worst: u8,
    /// Whether any check-in that day answered "worst in the last 24 hours".
    pub worst_given: bool,
    pub count: usize,
    pub last_at: DateTime<Utc>,
}

/// A day's figures, added up one check-in at a time.
#[derive(Clone, Copy)]
struct Tally {
    date: NaiveDate,
    sum: u32,
    max: u8,
    worst: u8,
    worst_given: bool,
    count: usize,
    last_at: DateTime<Utc>,
}

impl Tally {
    fn new(date: NaiveDate, at: DateTime<Utc>) -> Tally {
        Tally {
            date,
            sum: 0,
            max: 0,
            worst: 0,
            worst_given: false,
            count: 0,
            last_at: at,
        }
    }

    fn add(&mut self, c: &CheckIn) {
        self.sum += u32::from(c.pain);
        self.max = self.max.max(c.pain);
        self.worst = self.worst.max(c.worst.unwrap_or(c.pain).max(c.pain));
        self.worst_given |= c.worst.is_some();
        self.count += 1;
        self.last_at = self.last_at.max(c.at);
    }

    fn day(self) -> Day {
        Day {
            date: self.date,
            mean: f64::from(self.sum) / self.count.max(1) as f64,
            max: self.max,
            worst: self.worst,
            worst_given: self.worst_given,
            count: self.count,
            last_at: self.last_at,
        }
    }
}

/// Each day that has check-ins, in date order. Days without any are absent (gaps, not zeros).
pub fn daily(history: &[Dated]) -> Vec<Day> {
    // History is in time order, so a day's entries nearly always follow each other: add to the
    // last day when it matches, and search only for the odd backfilled one.
    let mut days: Vec<Tally> = Vec::new();
    for &Dated {
        date, checkin: c, ..
    } in history
    {
        let at = match days.last() {
            Some(last) if last.date == date => days.len() - 1,
            _ => match days.binary_search_by_key(&date, |d| d.date) {
                Ok(i) => i,
                Err(i) => {
                    days.insert(i, Tally::new(date, c.at));
                    i
                }
            },
        };
        days[at].add(c);
    }
    days.into_iter().map(Tally::day).collect()
}

/// One day's figures from its check-ins; `None` when it has none.
pub fn day<'a>(date: NaiveDate, entries: impl Iterator<Item = &'a CheckIn>) -> Option<Day> {
    let mut tally: Option<Tally> = None;
    for c in entries {
        tally.get_or_insert_with(|| Tally::new(date, c.at)).add(c);
    }
    tally.map(Tally::day)
}

/// Put `day`'s figures (or their absence) into a daily series in date order.
pub fn replace(days: &mut Vec<Day>, date: NaiveDate, day: Option<Day>) {
    match (days.binary_search_by_key(&date, |d| d.date), day) {
        (Ok(i), Some(day)) => days[i] = day,
        (Ok(i), None) => {
            days.remove(i);
        }
        (Err(i), Some(day)) => days.insert(i, day),
        (Err(_), None) => {}
    }
}

/// The mean of some values; 0 for none.
pub fn mean(values: &[f64]) -> f64 {
    values.iter().sum::<f64>() / values.len().max(1) as f64
}

/// A meaningful change on the 0-10 scale (S11): 2 points or 30%.
pub fn meaningful_drop(from: f64, to: f64) -> bool {
    from - to >= 2.0 || (from > 0.0 && (from - to) / from >= 0.3)
}
