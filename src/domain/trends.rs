//! Pain over time: the daily series the red-flag rules read and the Trends screen will chart.
//! Pure: the history comes in as an argument.

use std::collections::BTreeMap;

use chrono::{DateTime, NaiveDate, Utc};

use super::checkin::Dated;

/// One day with check-ins: the mean and the worst "pain now", and the time of its last entry.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Day {
    pub date: NaiveDate,
    pub mean: f64,
    pub max: u8,
    pub count: usize,
    pub last_at: DateTime<Utc>,
}

/// Each day that has check-ins, in date order. Days without any are absent (gaps, not zeros).
pub fn daily(history: &[Dated]) -> Vec<Day> {
    let mut days: BTreeMap<NaiveDate, (u32, u8, usize, DateTime<Utc>)> = BTreeMap::new();
    for (date, c) in history {
        let day = days.entry(*date).or_insert((0, 0, 0, c.at));
        day.0 += u32::from(c.pain);
        day.1 = day.1.max(c.pain);
        day.2 += 1;
        day.3 = day.3.max(c.at);
    }
    days.into_iter()
        .map(|(date, (sum, max, count, last_at))| Day {
            date,
            mean: f64::from(sum) / count as f64,
            max,
            count,
            last_at,
        })
        .collect()
}

/// The mean of some values; 0 for none.
pub fn mean(values: &[f64]) -> f64 {
    values.iter().sum::<f64>() / values.len().max(1) as f64
}

/// A meaningful change on the 0-10 scale (S11): 2 points or 30%.
pub fn meaningful_drop(from: f64, to: f64) -> bool {
    from - to >= 2.0 || (from > 0.0 && (from - to) / from >= 0.3)
}
