//! How far back the Trends screen looks.

use chrono::{Days, NaiveDate};
use serde::{Deserialize, Serialize};

#[derive(
    Serialize,
    Deserialize,
    Clone,
    Copy,
    Debug,
    Default,
    PartialEq,
    Eq,
    Hash,
    enum_iterator::Sequence,
)]
#[serde(rename_all = "lowercase")]
pub enum Span {
    Week,
    #[default]
    Month,
    Quarter,
    Year,
    All,
}

impl Span {
    /// Its length in days; `None` for everything.
    pub fn days(self) -> Option<u64> {
        match self {
            Span::Week => Some(7),
            Span::Month => Some(30),
            Span::Quarter => Some(90),
            Span::Year => Some(365),
            Span::All => None,
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Span::Week => "7 days",
            Span::Month => "30 days",
            Span::Quarter => "90 days",
            Span::Year => "365 days",
            Span::All => "all",
        }
    }

    /// The first day it covers, ending `today`; for everything, the first day recorded (or
    /// today when nothing is).
    pub fn from(self, today: NaiveDate, first: Option<NaiveDate>) -> NaiveDate {
        match self.days() {
            Some(n) => today.checked_sub_days(Days::new(n - 1)).unwrap_or(today),
            None => first.filter(|f| *f < today).unwrap_or(today),
        }
    }

    /// The next longer span (or the longest).
    pub fn longer(self) -> Span {
        enum_iterator::next(&self).unwrap_or(self)
    }

    /// The next shorter span (or the shortest).
    pub fn shorter(self) -> Span {
        enum_iterator::previous(&self).unwrap_or(self)
    }
}
