//! Which pack today, how long, how far apart: the cold-then-heat protocol. Defaults and safety
//! notes come from assets/therapy.json (each with its sources); the person's settings may move
//! them within the limits there.

use std::sync::LazyLock;

use chrono::{DateTime, Duration, Utc};
use serde::Deserialize;

use super::{PackKind, Session};

#[derive(Deserialize, Debug)]
pub struct Bounds {
    pub default_minutes: Option<i64>,
    pub min_minutes: Option<i64>,
    pub max_minutes: Option<i64>,
    pub default_hours: Option<i64>,
    pub min_hours: Option<i64>,
    pub max_hours: Option<i64>,
    pub heat_not_before_hours: Option<i64>,
    pub sources: Vec<String>,
}

#[derive(Deserialize, Debug, Clone)]
pub struct Note {
    pub text: String,
    pub sources: Vec<String>,
}

#[derive(Deserialize, Debug)]
pub struct Notes {
    pub cold: Vec<Note>,
    pub heat: Vec<Note>,
    pub both: Vec<Note>,
}

#[derive(Deserialize, Debug)]
pub struct Defaults {
    pub session: Bounds,
    pub gap: Bounds,
    pub cold_window: Bounds,
    pub skin_check_minutes: Vec<u32>,
    pub notes: Notes,
}

static DEFAULTS: LazyLock<Defaults> = LazyLock::new(|| {
    serde_json::from_str(include_str!(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/assets/therapy.json"
    )))
    .expect("assets/therapy.json is checked by tests")
});

pub fn defaults() -> &'static Defaults {
    &DEFAULTS
}

/// The safety notes shown and acknowledged before a kind is first used.
pub fn notes(kind: PackKind) -> Vec<&'static Note> {
    let d = defaults();
    let own = match kind {
        PackKind::Cold => &d.notes.cold,
        PackKind::Heat => &d.notes.heat,
    };
    own.iter().chain(&d.notes.both).collect()
}

/// The numbers in force: defaults, moved by the person's settings within the allowed bounds.
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
        let d = defaults();
        let (min, max) = (
            d.session.min_minutes.unwrap_or(5),
            d.session.max_minutes.unwrap_or(20),
        );
        let heat_after = d.cold_window.heat_not_before_hours.unwrap_or(48);
        Limits {
            session_minutes: session_minutes
                .unwrap_or(d.session.default_minutes.unwrap_or(15))
                .clamp(min, max),
            max_minutes: max,
            gap_minutes: gap_minutes
                .unwrap_or(d.gap.default_minutes.unwrap_or(60))
                .max(d.gap.min_minutes.unwrap_or(40)),
            cold_hours: cold_hours
                .unwrap_or(d.cold_window.default_hours.unwrap_or(72))
                .clamp(
                    d.cold_window.min_hours.unwrap_or(48),
                    d.cold_window.max_hours.unwrap_or(72),
                ),
            heat_not_before_hours: heat_after,
        }
    }

    /// A session length as typed on the command line or in the app.
    pub fn check_minutes(&self, minutes: i64) -> Result<i64, String> {
        let min = defaults().session.min_minutes.unwrap_or(5);
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

/// Which pack suits now, and why. `episode_start` is the local start of the onset day; unknown
/// ("going on for a while") means the first days are long past.
pub fn recommend(
    episode_start: Option<DateTime<Utc>>,
    now: DateTime<Utc>,
    limits: &Limits,
) -> (PackKind, String) {
    match episode_start {
        Some(start) => {
            let hours = (now - start).num_hours();
            if hours < limits.cold_hours {
                (
                    PackKind::Cold,
                    format!(
                        "cold: this episode is {hours} hours old (cold for the first {})",
                        limits.cold_hours
                    ),
                )
            } else {
                (
                    PackKind::Heat,
                    format!(
                        "heat: this episode is {} days old, past the first {} hours",
                        hours / 24,
                        limits.cold_hours
                    ),
                )
            }
        }
        None => (
            PackKind::Heat,
            "heat: the pain has been going on for a while".into(),
        ),
    }
}

/// When the latest session of `kind` ended (or, if running, will end), for the gap rule.
fn last_of<'a>(
    kind: PackKind,
    sessions: impl IntoIterator<Item = &'a Session>,
) -> Option<DateTime<Utc>> {
    sessions
        .into_iter()
        .filter(|s| s.kind == kind)
        .map(|s| {
            s.ended_at
                .or(s.planned_end())
                .unwrap_or(s.started_at + s.planned())
        })
        .max()
}

/// When the next session of `kind` may start by the gap rule; `None` if any time.
pub fn next_allowed<'a>(
    kind: PackKind,
    sessions: impl IntoIterator<Item = &'a Session>,
    limits: &Limits,
) -> Option<DateTime<Utc>> {
    last_of(kind, sessions).map(|last| last + Duration::minutes(limits.gap_minutes))
}

/// Reasons to ask before starting a session now; empty when it is fine to start.
pub fn cautions<'a>(
    kind: PackKind,
    episode_start: Option<DateTime<Utc>>,
    sessions: impl IntoIterator<Item = &'a Session>,
    now: DateTime<Utc>,
    limits: &Limits,
) -> Vec<String> {
    let mut reasons = Vec::new();
    if kind == PackKind::Heat
        && let Some(start) = episode_start
        && (now - start).num_hours() < limits.heat_not_before_hours
    {
        reasons.push(format!(
            "heat is not advised in the first {} hours of a new episode; this one is {} hours old",
            limits.heat_not_before_hours,
            (now - start).num_hours()
        ));
    }
    if let Some(next) = next_allowed(kind, sessions, limits).filter(|next| *next > now) {
        let wait = (next - now).num_minutes() + 1;
        reasons.push(format!(
            "leave {} minutes between {} sessions; the next is due in {wait} minutes",
            limits.gap_minutes,
            kind.name().to_lowercase()
        ));
    }
    reasons
}
