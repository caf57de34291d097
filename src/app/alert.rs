//! A warning sign just reported: a full-width message over every screen, the bell, and any
//! running cold or heat session paused, so the person acts on it rather than carries on.

use chrono::{DateTime, Utc};

use crate::diary::{Change, Diary};
use crate::domain::redflag::{ActiveFlag, Level, UNLOCK};
use crate::domain::therapy::State;

#[derive(Clone, Debug, PartialEq)]
pub struct Alert {
    pub level: Level,
    pub title: String,
    pub lines: Vec<String>,
}

/// The emergency and urgent signs in force, each with when it was raised: a sign raised again
/// by a new answer has a new time, so it counts as reported anew.
pub fn locking(diary: &Diary) -> Vec<(String, DateTime<Utc>)> {
    (diary.flags().iter())
        .filter(|f| f.locks())
        .map(|f| (f.def.id.clone(), f.raised_at))
        .collect()
}

/// After a save: the alert for the most urgent sign that `before` did not hold, if any, with
/// the running session paused (and the pause recorded). Returns what to say if pausing failed.
pub fn after_save(
    before: &[(String, DateTime<Utc>)],
    diary: &mut Diary,
    now: DateTime<Utc>,
) -> Option<(Alert, Option<String>)> {
    let new = diary
        .flags()
        .iter()
        .find(|f| f.locks() && !before.contains(&(f.def.id.clone(), f.raised_at)))?
        .clone();
    let paused = running_paused(diary, now);
    let alert = alert(&new, diary.emergency_number(), paused.is_some());
    let problem = match paused {
        Some(Err(e)) => Some(format!("The running session could not be paused: {e}")),
        _ => None,
    };
    Some((alert, problem))
}

fn alert(flag: &ActiveFlag, number: &str, paused: bool) -> Alert {
    let level = flag.def.level;
    let title = match level {
        Level::Emergency => format!("{} EMERGENCY: call {number} now", level.symbol()),
        _ => format!(
            "{} {}: get medical care today",
            level.symbol(),
            level.word()
        ),
    };
    // What to do now first: a small terminal may show only the first lines.
    let mut lines = vec![flag.def.advice(number)];
    if paused {
        lines.push("Your cold or heat session is paused: take the pack off.".into());
    }
    lines.push(format!("Why: {}.", flag.reason));
    lines.push(format!("Timers and stretches are locked. {UNLOCK}"));
    Alert {
        level,
        title,
        lines,
    }
}

/// Pause the running session if it is counting down. `None` when there was nothing to pause.
fn running_paused(diary: &mut Diary, now: DateTime<Utc>) -> Option<Result<(), String>> {
    let mut record = diary.running().cloned()?;
    if !matches!(record.body.state(now), State::Running { .. }) {
        return None;
    }
    let saved = record
        .body
        .pause(now)
        .map_err(|e| e.to_string())
        .and_then(|()| {
            record.touch(now);
            let saved = diary.save(Change::update(record), now);
            saved.map(|_| ()).map_err(|e| e.to_string())
        });
    Some(saved)
}
