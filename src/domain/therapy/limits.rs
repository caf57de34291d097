//! The safe bounds for cold and heat: the one place the numbers live. They come from
//! assets/therapy.json (each with its sources); settings, the welcome, Help and the command line
//! all read them from here.

use std::fmt;
use std::sync::LazyLock;

use serde::Deserialize;

/// A setting's default and the bounds a person may move it within.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Range {
    pub default: i64,
    pub min: i64,
    pub max: i64,
    /// "minutes" or "hours".
    pub unit: &'static str,
}

impl Range {
    pub fn clamp(&self, value: Option<i64>) -> i64 {
        value.unwrap_or(self.default).clamp(self.min, self.max)
    }

    /// A value as typed, or a sentence naming `what` and the allowed range.
    pub fn check(&self, what: &str, text: &str) -> Result<i64, String> {
        let text = text.trim();
        text.parse::<i64>()
            .ok()
            .filter(|n| (self.min..=self.max).contains(n))
            .ok_or_else(|| {
                format!(
                    "{what} must be a whole number from {} to {} (got \"{text}\")",
                    self.min, self.max
                )
            })
    }
}

/// "5-20 minutes", for labels and help.
impl fmt::Display for Range {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}-{} {}", self.min, self.max, self.unit)
    }
}

#[derive(Debug)]
pub struct Bounds {
    pub session_minutes: Range,
    pub gap_minutes: Range,
    pub cold_hours: Range,
    pub heat_not_before_hours: i64,
    pub skin_check_minutes: Vec<u32>,
    /// Heat sessions a day before starting another asks first.
    pub heat_per_day: usize,
}

#[derive(Deserialize)]
struct PerDay {
    max: usize,
}

#[derive(Deserialize)]
struct Minutes {
    default_minutes: i64,
    min_minutes: i64,
    max_minutes: i64,
}

#[derive(Deserialize)]
struct Hours {
    default_hours: i64,
    min_hours: i64,
    max_hours: i64,
    heat_not_before_hours: i64,
}

#[derive(Deserialize)]
struct File {
    session: Minutes,
    gap: Minutes,
    cold_window: Hours,
    skin_check_minutes: Vec<u32>,
    heat_per_day: PerDay,
}

fn minutes(m: &Minutes) -> Range {
    Range {
        default: m.default_minutes,
        min: m.min_minutes,
        max: m.max_minutes,
        unit: "minutes",
    }
}

static BOUNDS: LazyLock<Bounds> = LazyLock::new(|| {
    let file: File = serde_json::from_str(include_str!(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/assets/therapy.json"
    )))
    .expect("assets/therapy.json is checked by tests");
    let w = &file.cold_window;
    Bounds {
        session_minutes: minutes(&file.session),
        gap_minutes: minutes(&file.gap),
        cold_hours: Range {
            default: w.default_hours,
            min: w.min_hours,
            max: w.max_hours,
            unit: "hours",
        },
        heat_not_before_hours: w.heat_not_before_hours,
        skin_check_minutes: file.skin_check_minutes,
        heat_per_day: file.heat_per_day.max,
    }
});

pub fn bounds() -> &'static Bounds {
    &BOUNDS
}

/// The numbers in force: the defaults, moved by the person's settings within the bounds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Limits {
    pub session_minutes: i64,
    pub max_minutes: i64,
    pub gap_minutes: i64,
    pub cold_hours: i64,
    pub heat_not_before_hours: i64,
}

impl Limits {
    pub fn new(
        session_minutes: Option<i64>,
        gap_minutes: Option<i64>,
        cold_hours: Option<i64>,
    ) -> Limits {
        let b = bounds();
        Limits {
            session_minutes: b.session_minutes.clamp(session_minutes),
            max_minutes: b.session_minutes.max,
            gap_minutes: b.gap_minutes.clamp(gap_minutes),
            cold_hours: b.cold_hours.clamp(cold_hours),
            heat_not_before_hours: b.heat_not_before_hours,
        }
    }

    /// A session length as typed on the command line or in the app.
    pub fn check_minutes(&self, minutes: i64) -> Result<i64, String> {
        let min = bounds().session_minutes.min;
        if (min..=self.max_minutes).contains(&minutes) {
            Ok(minutes)
        } else {
            Err(format!(
                "minutes must be from {min} to {} (got {minutes})",
                self.max_minutes
            ))
        }
    }
}

impl Default for Limits {
    fn default() -> Self {
        Limits::new(None, None, None)
    }
}
