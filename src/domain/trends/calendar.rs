//! A month of daily pain, for the calendar grid.

use chrono::{Datelike, NaiveDate};

use super::Facts;

#[derive(Clone, Debug, PartialEq)]
pub struct Month {
    pub first: NaiveDate,
    /// Each day of the month: its mean pain, or `None` with no check-in.
    pub days: Vec<Option<f64>>,
}

impl Month {
    /// Empty cells before the 1st in a week that starts on Monday.
    pub fn lead(&self) -> usize {
        self.first.weekday().num_days_from_monday() as usize
    }

    /// The month's name and year, "November 2026".
    pub fn title(&self) -> String {
        self.first.format("%B %Y").to_string()
    }
}

/// The month holding `day`.
pub fn month(facts: &Facts, day: NaiveDate) -> Month {
    let first = day.with_day(1).unwrap_or(day);
    let next = first
        .checked_add_months(chrono::Months::new(1))
        .unwrap_or(first);
    let length = (next - first).num_days().max(1) as usize;
    let mut days = vec![None; length];
    for d in facts.days_in(first, next.pred_opt().unwrap_or(first)) {
        days[d.date.day0() as usize] = Some(d.mean);
    }
    Month { first, days }
}
