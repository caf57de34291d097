//! Rules several kinds share: a rating from 0 to 10, and a span of time that runs forward
//! (ends after it starts, each pause inside it and ending after it begins).

use chrono::{DateTime, Utc};

use crate::domain::therapy::Pause;

/// `value` of the field `name`, if given, is a rating from 0 to 10.
pub fn rating(name: &str, value: Option<u8>) -> Result<(), String> {
    match value {
        Some(v) if v > 10 => Err(format!("{name} must be from 0 to 10 (got {v})")),
        _ => Ok(()),
    }
}

/// Started, maybe ended, paused between: in that order.
pub fn span(
    started: DateTime<Utc>,
    ended: Option<DateTime<Utc>>,
    pauses: &[Pause],
) -> Result<(), String> {
    if let Some(end) = ended.filter(|end| *end < started) {
        return Err(format!("ended_at {end} is before started_at {started}"));
    }
    let mut last = started;
    for pause in pauses {
        if pause.from < last {
            return Err(format!(
                "a pause at {} overlaps the one before it",
                pause.from
            ));
        }
        last = pause.to.unwrap_or(pause.from);
        if pause.from < started || ended.is_some_and(|end| pause.from > end) {
            return Err(format!("a pause at {} is outside the session", pause.from));
        }
        if let Some(to) = pause.to.filter(|to| *to < pause.from) {
            return Err(format!(
                "a pause ends at {to}, before it begins at {}",
                pause.from
            ));
        }
    }
    Ok(())
}
