//! The person's settings: their emergency number and when this episode of neck pain began.

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use chrono::{NaiveDate, NaiveDateTime, NaiveTime};

use super::therapy::PackKind;
use super::therapy::limits::Limits;

#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
pub struct Settings {
    pub emergency_number: String,
    /// The first day of this episode; `None` when it has been going on for a while.
    #[serde(default)]
    pub onset: Option<NaiveDate>,
    /// The local time on the onset day the pain began, when the person knows it. Without it the
    /// first hours are counted from the end of the onset day, the cautious reading.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub onset_time: Option<NaiveTime>,
    /// Hours of an episode during which cold is the pack to use (48-72).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cold_hours: Option<i64>,
    /// Default length of a cold or heat session, minutes (5-20).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub session_minutes: Option<i64>,
    /// Minimum minutes between two sessions of the same kind (40 or more).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub gap_minutes: Option<i64>,
    /// Pack kinds whose safety notes the person has read and acknowledged.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub safety_seen: Vec<PackKind>,
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

impl Settings {
    pub fn new(emergency_number: &str, onset: Option<NaiveDate>) -> Self {
        Settings {
            emergency_number: emergency_number.to_string(),
            onset,
            onset_time: None,
            cold_hours: None,
            session_minutes: None,
            gap_minutes: None,
            safety_seen: Vec::new(),
            extra: Map::new(),
        }
    }

    /// The cold and heat numbers in force for this person.
    pub fn limits(&self) -> Limits {
        Limits::new(self.session_minutes, self.gap_minutes, self.cold_hours)
    }
}

/// A sensible emergency number from a locale such as "en_GB.UTF-8"; the person can change it.
pub fn emergency_number_for_locale(locale: &str) -> &'static str {
    let country = locale
        .split(['.', '@'])
        .next()
        .and_then(|l| l.split(['_', '-']).nth(1))
        .unwrap_or("")
        .to_ascii_uppercase();
    match country.as_str() {
        "US" | "CA" | "MX" | "PR" => "911",
        "GB" | "IE" => "999",
        "AU" => "000",
        "NZ" => "111",
        _ => "112",
    }
}

/// An emergency number is digits only, 2 to 6 of them.
pub fn validate_emergency_number(text: &str) -> Result<String, String> {
    let text = text.trim();
    if (2..=6).contains(&text.len()) && text.chars().all(|c| c.is_ascii_digit()) {
        Ok(text.to_string())
    } else {
        Err(format!(
            "must be 2 to 6 digits, like 112 or 911 (got \"{text}\")"
        ))
    }
}

/// Onset as typed: a date not in the future, with the time it began if known ("2026-03-14" or
/// "2026-03-14 08:30"), or empty for "going on for a while".
pub fn parse_onset(
    text: &str,
    now: NaiveDateTime,
) -> Result<Option<(NaiveDate, Option<NaiveTime>)>, String> {
    let text = text.trim();
    if text.is_empty() {
        return Ok(None);
    }
    let (date, time) = match NaiveDateTime::parse_from_str(text, "%Y-%m-%d %H:%M") {
        Ok(at) => (at.date(), Some(at.time())),
        Err(_) => NaiveDate::parse_from_str(text, "%Y-%m-%d")
            .map(|d| (d, None))
            .map_err(|_| {
                format!("must be a date like 2026-03-14, with a time if known: 2026-03-14 08:30 (got \"{text}\")")
            })?,
    };
    if date > now.date() || time.is_some_and(|t| date.and_time(t) > now) {
        return Err(format!("{text} is in the future"));
    }
    Ok(Some((date, time)))
}
