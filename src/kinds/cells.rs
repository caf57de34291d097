//! How values read in a CSV cell: the same for every kind's table.

use chrono::{DateTime, Local, Utc};

pub fn opt(v: Option<u8>) -> String {
    v.map(|n| n.to_string()).unwrap_or_default()
}

pub fn time(at: DateTime<Utc>) -> String {
    at.with_timezone(&Local).format("%H:%M").to_string()
}

/// The clock time of a moment where it was made (`offset`, seconds east of UTC), or in this
/// zone if that is not known.
pub fn made_time(at: DateTime<Utc>, offset: Option<i32>) -> String {
    match offset.and_then(chrono::FixedOffset::east_opt) {
        Some(there) => at.with_timezone(&there).format("%H:%M").to_string(),
        None => time(at),
    }
}

/// The UTC offset a moment was made at ("+01:00"), or this zone's then if not known.
pub fn made_offset(at: DateTime<Utc>, offset: Option<i32>) -> String {
    match offset.and_then(chrono::FixedOffset::east_opt) {
        Some(there) => there.to_string(),
        None => at.with_timezone(&Local).offset().to_string(),
    }
}

/// A moment in local time with its offset, to the second: "2026-12-05T08:49:31+01:00".
pub fn moment(at: DateTime<Utc>) -> String {
    (at.with_timezone(&Local)).to_rfc3339_opts(chrono::SecondsFormat::Secs, false)
}

/// Items joined with "; ", each ";" and "\\" inside an item escaped with "\\", so the list
/// splits back exactly.
pub fn join_escaped(items: &[String]) -> String {
    let escaped: Vec<String> = items
        .iter()
        .map(|item| item.replace('\\', "\\\\").replace(';', "\\;"))
        .collect();
    escaped.join("; ")
}

/// A cell starting with = + - @ (or a tab or carriage return) runs as a formula when opened in a
/// spreadsheet: a leading apostrophe keeps it text, as OWASP advises for CSV exports.
/// Anything that would act on a terminal the CSV is printed to is shown escaped.
pub fn defuse(text: &str) -> String {
    let text = crate::domain::text::shown(text);
    if text.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{text}")
    } else {
        text.into_owned()
    }
}
