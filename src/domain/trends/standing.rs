//! Where the episode stands: days since it began, this week's pain against its first week's, the
//! change in words that respect what is meaningful (S11), and the usual course (S2, S7, S13).

use chrono::{Days, NaiveDate};

use super::{Day, Facts, mean};

/// A change between two pain means, as the person should read it.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Change {
    /// Lower by a meaningful amount (2 points or 30%).
    Better(f64),
    /// Higher by a meaningful amount.
    Worse(f64),
    /// Less than a meaningful change either way.
    Same,
}

impl Change {
    pub fn words(self) -> String {
        match self {
            Change::Better(by) => format!("better by {by:.1} points, a meaningful change"),
            Change::Worse(by) => format!("worse by {by:.1} points, a meaningful change"),
            Change::Same => "about the same (less than a meaningful change)".into(),
        }
    }
}

/// From `from` to `to` on the 0-10 scale, either way: 2 points, or 30% of `from` (S11) and at
/// least a whole point (a move from 1 to 0.6 is 40% of very little; for neck pain the smallest
/// change that matters is put at 1.3 points).
pub fn change(from: f64, to: f64) -> Change {
    let by = (from - to).abs();
    let meaningful = by >= 2.0 || (from > 0.0 && by / from >= 0.3 && by >= 1.0);
    match () {
        _ if !meaningful => Change::Same,
        _ if to < from => Change::Better(by),
        _ => Change::Worse(by),
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct Standing {
    /// The episode's first day: the onset the person gave, or else the first check-in.
    pub since: Option<NaiveDate>,
    /// Whether `since` is the onset the person gave.
    pub onset_given: bool,
    /// Days from `since` to today (0 on the first day).
    pub days: Option<i64>,
    /// Mean of daily means over the episode's first 7 days, and over the last 7.
    pub first_week: Option<f64>,
    pub this_week: Option<f64>,
    pub change: Option<Change>,
}

impl Standing {
    pub fn new(facts: &Facts, today: NaiveDate) -> Standing {
        let since = facts.onset.or(facts.days.first().map(|d| d.date));
        let week_mean = |from: NaiveDate| {
            let to = from.checked_add_days(Days::new(6)).unwrap_or(from);
            week(facts.days_in(from, to))
        };
        let first_week = since.and_then(week_mean);
        let this_week = today
            .checked_sub_days(Days::new(6))
            .and_then(|from| week(facts.days_in(from, today)));
        let days = since.map(|s| (today - s).num_days()).filter(|d| *d >= 0);
        // Compare only once the last 7 days no longer share a day with the first 7.
        let change = match (first_week, this_week, days) {
            (Some(a), Some(b), Some(d)) if d >= 13 => Some(change(a, b)),
            _ => None,
        };
        Standing {
            since,
            onset_given: facts.onset.is_some(),
            days,
            first_week,
            this_week,
            change,
        }
    }

    /// The usual course beside this episode's age, with its sources; only for an episode whose
    /// onset the person gave (a first check-in years ago says nothing of this episode's age).
    pub fn course(&self) -> Option<&'static str> {
        if !self.onset_given {
            return None;
        }
        Some(match self.days? {
            0..=20 => {
                "Most neck pain like this eases within 2-3 weeks and settles over 4-6 weeks. \
                 [S2, S7]"
            }
            21..=42 => {
                "Most neck pain eases within 2-3 weeks and settles over 4-6. If yours is not \
                 easing, it is worth seeing a clinician. [S2, S7, S13]"
            }
            _ => {
                "Past 6 weeks: most episodes have settled by now. If yours has not, talk it \
                 over with a clinician. [S2, S7, S13]"
            }
        })
    }
}

fn week(days: &[Day]) -> Option<f64> {
    (!days.is_empty()).then(|| mean(&days.iter().map(|d| d.mean).collect::<Vec<_>>()))
}
