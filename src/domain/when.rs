//! A time typed for a check-in ("now", "08:30", "yesterday 08:30", "2026-12-01 08:30", with an
//! offset if wanted) as the moment it names, or why it names none.

use chrono::{DateTime, Datelike, LocalResult, NaiveDateTime, Offset, TimeZone, Utc};

use super::checkin::{EARLIEST_YEAR, Field, FieldError};

pub const TIME_FORMAT: &str = "%Y-%m-%d %H:%M";

/// A local wall-clock time, in `tz`, not after `now`: "now", "HH:MM" (today), "yesterday HH:MM"
/// or "YYYY-MM-DD HH:MM", with an offset after it ("+01:00") if wanted. A time that occurs twice
/// when clocks go back is refused naming both readings, with their offsets, so the person says
/// which; a time skipped when clocks go forward does not exist and is refused.
pub fn parse_local_time<Tz: TimeZone>(
    text: &str,
    tz: &Tz,
    now: DateTime<Utc>,
) -> Result<DateTime<Utc>, FieldError> {
    let err = |message: String| FieldError {
        field: Field::At,
        message,
    };
    let text = text.trim();
    // An offset given says which reading of the time is meant.
    let offsets = [
        "%Y-%m-%d %H:%M %:z",
        "%Y-%m-%d %H:%M%:z",
        "%Y-%m-%dT%H:%M%:z",
    ];
    if let Some(at) = offsets
        .iter()
        .find_map(|f| DateTime::parse_from_str(text, f).ok())
    {
        return within(at.with_timezone(&Utc), text, now).map_err(err);
    }
    let today = now.with_timezone(tz).date_naive();
    let clock = |t: &str| chrono::NaiveTime::parse_from_str(t.trim(), "%H:%M").ok();
    let lower = text.to_lowercase();
    let naive = if lower == "now" {
        return Ok(now);
    } else if let Some(time) = clock(text) {
        Some(today.and_time(time))
    } else if let Some(time) = lower.strip_prefix("yesterday").and_then(clock) {
        today.pred_opt().map(|day| day.and_time(time))
    } else {
        NaiveDateTime::parse_from_str(text, TIME_FORMAT)
            .or_else(|_| NaiveDateTime::parse_from_str(text, "%Y-%m-%dT%H:%M"))
            .ok()
    };
    let naive = naive.ok_or_else(|| {
        err(format!(
            "must be \"now\", \"HH:MM\" (today), \"yesterday HH:MM\" or \"YYYY-MM-DD HH:MM\" \
             (got \"{text}\")"
        ))
    })?;
    let at = match tz.from_local_datetime(&naive) {
        LocalResult::Single(t) => t,
        LocalResult::Ambiguous(a, b) => {
            // Not every zone source orders the pair: the earlier first.
            let (first, second) = (a.clone().min(b.clone()), a.max(b));
            let reading = |t: &DateTime<Tz>| {
                let offset = t.offset().fix();
                format!("\"{} {offset}\"", naive.format(TIME_FORMAT))
            };
            return Err(err(format!(
                "\"{text}\" happened twice here, as the clocks went back: give {} for the \
                 first or {} for the second",
                reading(&first),
                reading(&second)
            )));
        }
        LocalResult::None => {
            return Err(err(format!(
                "\"{text}\" does not exist here: the clocks skipped it for daylight saving"
            )));
        }
    }
    .with_timezone(&Utc);
    within(at, text, now).map_err(err)
}

/// A moment a check-in can be about: from 1900, and not in the future.
fn within(at: DateTime<Utc>, text: &str, now: DateTime<Utc>) -> Result<DateTime<Utc>, String> {
    if at.year() < EARLIEST_YEAR {
        return Err(format!(
            "\"{text}\" is too long ago: check-ins must be from {EARLIEST_YEAR} on"
        ));
    }
    if at > now {
        return Err(format!(
            "\"{text}\" is in the future; check-ins can only be backfilled"
        ));
    }
    Ok(at)
}
