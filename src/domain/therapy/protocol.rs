//! Which pack today and how far apart: the cold-then-heat protocol, and the safety notes from
//! assets/therapy.json (each with its sources). The numbers themselves live in `limits`.

use std::sync::LazyLock;

use chrono::{DateTime, Duration, Utc};
use serde::Deserialize;

use super::limits::Limits;
use super::{PackKind, Session};

#[derive(Deserialize, Debug, Clone)]
pub struct Note {
    pub text: String,
    pub sources: Vec<String>,
}

#[derive(Deserialize, Debug)]
struct Notes {
    cold: Vec<Note>,
    heat: Vec<Note>,
    both: Vec<Note>,
}

#[derive(Deserialize)]
struct File {
    notes: Notes,
}

static NOTES: LazyLock<Notes> = LazyLock::new(|| {
    let file: File = serde_json::from_str(include_str!(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/assets/therapy.json"
    )))
    .expect("assets/therapy.json is checked by tests");
    file.notes
});

/// The safety notes shown and acknowledged before a kind is first used.
pub fn notes(kind: PackKind) -> Vec<&'static Note> {
    let own = match kind {
        PackKind::Cold => &NOTES.cold,
        PackKind::Heat => &NOTES.heat,
    };
    own.iter().chain(&NOTES.both).collect()
}

/// Which pack suits now, and why. `episode_start` is where the episode's hour counts start (see
/// `Diary::episode_start`); unknown ("going on for a while") means the first days are long past.
pub fn recommend(
    episode_start: Option<DateTime<Utc>>,
    now: DateTime<Utc>,
    limits: &Limits,
) -> (PackKind, String) {
    let cold_for = limits.cold_hours;
    match episode_start {
        Some(start) if now - start < Duration::hours(cold_for) => (
            PackKind::Cold,
            format!("cold: this episode is in its first {cold_for} hours"),
        ),
        Some(_) => (
            PackKind::Heat,
            format!("heat: this episode is past its first {cold_for} hours"),
        ),
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

/// Reasons to ask before starting a session now; empty when it is fine to start. `done_today`
/// counts the sessions of `kind` already started today.
pub fn cautions<'a>(
    kind: PackKind,
    episode_start: Option<DateTime<Utc>>,
    sessions: impl IntoIterator<Item = &'a Session>,
    done_today: usize,
    now: DateTime<Utc>,
    limits: &Limits,
) -> Vec<String> {
    let mut reasons = Vec::new();
    let per_day = super::limits::bounds().heat_per_day;
    if kind == PackKind::Heat && done_today >= per_day {
        reasons.push(format!(
            "heat is advised up to {per_day} times a day; this would be number {} today",
            done_today + 1
        ));
    }
    let no_heat = Duration::hours(limits.heat_not_before_hours);
    if kind == PackKind::Heat
        && let Some(start) = episode_start
        && now - start < no_heat
    {
        // Rounded up, so "1 more hour" never hides a few minutes past it.
        let left = ((start + no_heat - now).num_minutes() + 59).max(60) / 60;
        let hours = limits.heat_not_before_hours;
        let unit = if left == 1 { "hour" } else { "hours" };
        // More hours left than the span has: it counts from the end of the day the episode
        // began (only the date was given), which must be said, or the numbers contradict.
        let from = match left > hours {
            true => ", counted from the end of the day it began, as no time was given",
            false => "",
        };
        reasons.push(format!(
            "heat is not advised in the first {hours} hours of a new episode{from}: they end in \
             {left} {unit}"
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
