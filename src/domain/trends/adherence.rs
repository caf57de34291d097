//! Keeping to the plan: cold, heat and stretch sessions per week, and the run of days with a
//! check-in.

use chrono::{Datelike, Days, NaiveDate};

use super::Facts;
use crate::domain::therapy::PackKind;

/// Seven days ending `to`, with what was done in them.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Week {
    /// A Monday, or the first day when the span begins mid-week.
    pub from: NaiveDate,
    pub to: NaiveDate,
    pub cold: usize,
    pub heat: usize,
    /// Routines with at least one step done.
    pub stretch: usize,
    /// Days with at least one check-in.
    pub checkin_days: usize,
}

impl Week {
    /// Fewer than seven days: the span began or ends mid-week.
    pub fn part(&self) -> bool {
        (self.to - self.from).num_days() < 6
    }
}

/// Calendar weeks, Monday to Sunday, from `start` to `today`, oldest first: the first and the
/// last may be part-weeks (see `Week::part`), so a week is the same row whatever the span.
pub fn weeks(facts: &Facts, start: NaiveDate, today: NaiveDate) -> Vec<Week> {
    let mut out: Vec<Week> = Vec::new();
    let mut from = start;
    while from <= today {
        let to_sunday = 6 - u64::from(from.weekday().num_days_from_monday());
        let Some(sunday) = from.checked_add_days(Days::new(to_sunday)) else {
            break;
        };
        let to = sunday.min(today);
        out.push(Week {
            from,
            to,
            checkin_days: facts.days_in(from, to).len(),
            ..Week::default()
        });
        let Some(next) = sunday.succ_opt() else {
            break;
        };
        from = next;
    }
    // Weeks are in date order: the one holding `date`, found by halving.
    let slot = |out: &mut Vec<Week>, date: NaiveDate| {
        let i = out.partition_point(|w| w.to < date);
        (i < out.len() && out[i].from <= date).then_some(i)
    };
    for (date, s) in &facts.packs {
        if let Some(i) = slot(&mut out, *date) {
            match s.kind {
                PackKind::Cold => out[i].cold += 1,
                PackKind::Heat => out[i].heat += 1,
            }
        }
    }
    for (date, r) in &facts.routines {
        if let Some(i) = slot(&mut out, *date).filter(|_| r.steps_done > 0) {
            out[i].stretch += 1;
        }
    }
    out
}

/// Days in a row with a check-in, ending today, or yesterday while today has none yet (the run
/// is not broken before the day is over).
pub fn streak(facts: &Facts, today: NaiveDate) -> usize {
    let days = facts.days_in(NaiveDate::MIN, today);
    let mut expect = match days.last() {
        Some(d) if d.date == today || d.date.succ_opt() == Some(today) => d.date,
        _ => return 0,
    };
    let mut count = 0;
    for d in days.iter().rev() {
        if d.date != expect {
            break;
        }
        count += 1;
        match expect.pred_opt() {
            Some(p) => expect = p,
            None => break,
        }
    }
    count
}
