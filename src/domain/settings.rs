//! The person's settings: their emergency number and when this episode of neck pain began.

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use chrono::{NaiveDate, NaiveDateTime, NaiveTime, Timelike};

use super::therapy::PackKind;
use super::therapy::limits::Limits;
use super::trends::Span;

/// The id of the settings record: every desk's settings are versions of this one record, merged
/// field by field, even when two desks were set up before they first met.
pub const ID: uuid::Uuid = uuid::Uuid::from_u128(0x0000_0000_0000_7000_8000_0000_0000_0001);

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
    /// How the stretch player gives its cues: off, bell or voice (default bell).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cues: Option<CueMode>,
    /// Seconds to get ready before each hold (default 3).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ready_secs: Option<u32>,
    /// Minutes between desk-break reminders while nape is open; 0 is off (default 50).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub break_minutes: Option<u32>,
    /// Local hours with no reminders, from and to (default 22 to 7).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub night: Option<(u32, u32)>,
    /// The last desk-break reminder dismissed: the next is measured from it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub break_at: Option<chrono::DateTime<chrono::Utc>>,
    /// The activities the neck makes hard, for the functional scale (up to 5).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub activities: Vec<String>,
    /// What the Trends screen showed last: its span and section.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub trends_view: Option<TrendsView>,
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// The Trends screen's span and section, kept across restarts.
#[derive(Serialize, Deserialize, Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct TrendsView {
    #[serde(default)]
    pub span: Span,
    #[serde(default)]
    pub section: Section,
}

/// The parts of the Trends screen, one in view at a time.
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
pub enum Section {
    #[default]
    Chart,
    Calendar,
    Progress,
    Helps,
    Function,
}

impl Section {
    pub fn title(self) -> &'static str {
        match self {
            Section::Chart => "Pain chart",
            Section::Calendar => "Calendar",
            Section::Progress => "Progress",
            Section::Helps => "What helps",
            Section::Function => "Activities",
        }
    }

    /// The next section, wrapping round; `back` for the one before.
    pub fn step(self, back: bool) -> Section {
        if back {
            enum_iterator::previous_cycle(&self)
        } else {
            enum_iterator::next_cycle(&self)
        }
    }
}

#[derive(
    Serialize, Deserialize, Clone, Copy, Debug, PartialEq, Eq, Default, enum_iterator::Sequence,
)]
#[serde(rename_all = "lowercase")]
pub enum CueMode {
    Off,
    #[default]
    Bell,
    Voice,
}

impl CueMode {
    pub fn word(self) -> &'static str {
        match self {
            CueMode::Off => "off",
            CueMode::Bell => "bell",
            CueMode::Voice => "voice",
        }
    }

    pub fn parse(text: &str) -> Result<CueMode, String> {
        match text.trim().to_lowercase().as_str() {
            "off" => Ok(CueMode::Off),
            "bell" => Ok(CueMode::Bell),
            "voice" => Ok(CueMode::Voice),
            _ => Err("must be off, bell or voice".into()),
        }
    }
}

pub const DEFAULT_READY_SECS: u32 = 3;
pub const DEFAULT_BREAK_MINUTES: u32 = 50;
pub const DEFAULT_NIGHT: (u32, u32) = (22, 7);

/// "0" (off) or 15 to 180 minutes.
pub fn parse_break_minutes(text: &str) -> Result<u32, String> {
    match text.trim().parse::<u32>() {
        Ok(n) if n == 0 || (15..=180).contains(&n) => Ok(n),
        _ => Err("must be 0 (off) or 15 to 180 minutes".into()),
    }
}

/// "0" to "10" seconds.
pub fn parse_ready_secs(text: &str) -> Result<u32, String> {
    match text.trim().parse::<u32>() {
        Ok(n) if n <= 10 => Ok(n),
        _ => Err("must be 0 to 10 seconds".into()),
    }
}

/// "22-7": from and to, whole hours 0-23.
pub fn parse_night(text: &str) -> Result<(u32, u32), String> {
    let hours = text
        .split_once('-')
        .and_then(|(a, b)| Some((a.trim().parse().ok()?, b.trim().parse().ok()?)))
        .filter(|(a, b): &(u32, u32)| *a < 24 && *b < 24);
    hours.ok_or_else(|| "must be two hours, as in 22-7".into())
}

impl Settings {
    /// Settings the Settings screen could have saved: each value within what it accepts.
    pub fn check(&self) -> Result<(), String> {
        validate_emergency_number(&self.emergency_number)
            .map_err(|why| format!("emergency_number {why}"))?;
        let b = super::therapy::limits::bounds();
        let ranges = [
            ("cold_hours", self.cold_hours, &b.cold_hours),
            ("session_minutes", self.session_minutes, &b.session_minutes),
            ("gap_minutes", self.gap_minutes, &b.gap_minutes),
        ];
        for (name, value, range) in ranges {
            if let Some(v) = value.filter(|v| !(range.min..=range.max).contains(v)) {
                return Err(format!(
                    "{name} must be from {} to {} (got {v})",
                    range.min, range.max
                ));
            }
        }
        if let Some(n) = self.break_minutes {
            parse_break_minutes(&n.to_string()).map_err(|why| format!("break_minutes {why}"))?;
        }
        if let Some(n) = self.ready_secs {
            parse_ready_secs(&n.to_string()).map_err(|why| format!("ready_secs {why}"))?;
        }
        if let Some((from, to)) = self.night {
            parse_night(&format!("{from}-{to}")).map_err(|why| format!("night {why}"))?;
        }
        if self.activities.len() > super::function::MAX_ACTIVITIES {
            return Err(format!(
                "activities: at most {} (got {})",
                super::function::MAX_ACTIVITIES,
                self.activities.len()
            ));
        }
        for name in &self.activities {
            super::function::check_name(name).map_err(|why| format!("activities: {why}"))?;
        }
        Ok(())
    }

    pub fn cue_mode(&self) -> CueMode {
        self.cues.unwrap_or_default()
    }

    pub fn ready(&self) -> u32 {
        self.ready_secs.unwrap_or(DEFAULT_READY_SECS).min(10)
    }

    pub fn break_every(&self) -> u32 {
        self.break_minutes.unwrap_or(DEFAULT_BREAK_MINUTES)
    }

    pub fn night_hours(&self) -> (u32, u32) {
        self.night.unwrap_or(DEFAULT_NIGHT)
    }

    pub fn new(emergency_number: &str, onset: Option<NaiveDate>) -> Self {
        Settings {
            emergency_number: emergency_number.to_string(),
            onset,
            onset_time: None,
            cold_hours: None,
            session_minutes: None,
            gap_minutes: None,
            safety_seen: Vec::new(),
            cues: None,
            ready_secs: None,
            break_minutes: None,
            night: None,
            break_at: None,
            activities: Vec::new(),
            trends_view: None,
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
    // The words a check-in's time takes ("yesterday 08:30"), and a day alone.
    let today = now.date();
    let clock = |t: &str| NaiveTime::parse_from_str(t.trim(), "%H:%M").ok();
    let lower = text.to_lowercase();
    let yesterday = today.pred_opt().unwrap_or(today);
    let (date, time) = match lower.as_str() {
        "now" => (today, Some(now.time().with_second(0).unwrap_or(now.time()))),
        "today" => (today, None),
        "yesterday" => (yesterday, None),
        _ => match (clock(text), lower.strip_prefix("yesterday").and_then(clock)) {
            (Some(time), _) => (today, Some(time)),
            (None, Some(time)) => (yesterday, Some(time)),
            (None, None) => match NaiveDateTime::parse_from_str(text, "%Y-%m-%d %H:%M") {
                Ok(at) => (at.date(), Some(at.time())),
                Err(_) => NaiveDate::parse_from_str(text, "%Y-%m-%d")
                    .map(|d| (d, None))
                    .map_err(|_| {
                        format!(
                            "must be a date (2026-03-14, with a time if known: 2026-03-14 \
                             08:30), \"today\", \"yesterday\", \"yesterday HH:MM\" or \"HH:MM\" \
                             (got \"{text}\")"
                        )
                    })?,
            },
        },
    };
    if date > now.date() || time.is_some_and(|t| date.and_time(t) > now) {
        return Err(format!("{text} is in the future"));
    }
    Ok(Some((date, time)))
}
