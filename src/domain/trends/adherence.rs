//! Keeping to the plan: cold, heat and stretch sessions per week, and the run of days with a
//! check-in.

use chrono::{Days, NaiveDate};

use super::Facts;
use crate::domain::therapy::PackKind;

/// Seven days ending `to`, with what was done in them.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Week {
    pub from: NaiveDate,
    pub to: NaiveDate,
    pub cold: usize,
    pub heat: usize,
    /// Routines with at least one step done.
    pub stretch: usize,
    /// Days with at least one check-in.
    pub checkin_days: usize,
}

/// Weeks from `start` to `today`, oldest first: the first begins on `start` (so an episode's
/// first week is a row of its own), and the newest ends `today`, cut short if need be.
pub fn weeks(facts: &Facts, start: NaiveDate, today: NaiveDate) -> Vec<Week> {
    let count = ((today - start).num_days().max(0) as u64 + 1).div_ceil(7);
    let mut out: Vec<Week> = (0..count)
        .filter_map(|i| {
            let from = start.checked_add_days(Days::new(7 * i))?;
            let to = from.checked_add_days(Days::new(6))?.min(today);
            Some(Week {
                from,
                to,
                checkin_days: facts.days_in(from, to).len(),
                ..Week::default()
            })
        })
        .collect();
    // Week i holds the days 7i to 7i+6 after `start`.
    let slot = |out: &mut Vec<Week>, date: NaiveDate| {
        let after = (date - start).num_days();
        let i = usize::try_from(after / 7).ok()?;
        (after >= 0 && date <= today && i < out.len()).then_some(i)
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
