//! The person's settings: their emergency number and when this episode of neck pain began.

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use chrono::NaiveDate;

#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
pub struct Settings {
    pub emergency_number: String,
    /// The first day of this episode; `None` when it has been going on for a while.
    #[serde(default)]
    pub onset: Option<NaiveDate>,
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

impl Settings {
    pub fn new(emergency_number: &str, onset: Option<NaiveDate>) -> Self {
        Settings {
            emergency_number: emergency_number.to_string(),
            onset,
            extra: Map::new(),
        }
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

/// Onset as typed: a date not in the future, or empty for "going on for a while".
pub fn parse_onset(text: &str, today: NaiveDate) -> Result<Option<NaiveDate>, String> {
    let text = text.trim();
    if text.is_empty() {
        return Ok(None);
    }
    let date = NaiveDate::parse_from_str(text, "%Y-%m-%d")
        .map_err(|_| format!("must be a date like 2026-03-14 (got \"{text}\")"))?;
    if date > today {
        return Err(format!("{date} is in the future"));
    }
    Ok(Some(date))
}
