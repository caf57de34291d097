//! A routine played, as stored: which routine, how far it got, pauses, pain before and after,
//! and how the neck felt. Stored when it starts (so `nape status` can show it), as it goes (each
//! pause and skip, and a heartbeat) and at its end.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use crate::domain::therapy::Pause;

#[derive(Serialize, Deserialize, Clone, Copy, Debug, PartialEq, Eq)]
#[serde(rename_all = "lowercase")]
pub enum Feeling {
    Better,
    Same,
    Worse,
}

impl Feeling {
    pub fn word(self) -> &'static str {
        match self {
            Feeling::Better => "better",
            Feeling::Same => "the same",
            Feeling::Worse => "worse",
        }
    }
}

/// How far one exercise of a routine got, by the holds actually held.
#[derive(Serialize, Deserialize, Clone, Copy, Debug, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub enum StepOutcome {
    /// Every hold held to its end.
    Done,
    /// Some of it held, then skipped or stopped.
    Partly,
    /// Not held at all.
    Skipped,
}

/// One exercise of a routine played: which, and the seconds held of those planned.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
pub struct StepDone {
    pub exercise: String,
    pub outcome: StepOutcome,
    pub held_secs: u32,
    pub planned_secs: u32,
}

impl StepDone {
    pub fn new(exercise: &str, held_secs: u32, planned_secs: u32) -> StepDone {
        let outcome = match held_secs {
            0 => StepOutcome::Skipped,
            s if s >= planned_secs => StepOutcome::Done,
            _ => StepOutcome::Partly,
        };
        StepDone {
            exercise: exercise.to_string(),
            outcome,
            held_secs,
            planned_secs,
        }
    }
}

#[derive(Serialize, Deserialize, Clone, Copy, Debug, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub enum RoutineEnd {
    Finished,
    /// Ended early by the person.
    Stopped,
    /// Played to its end with exercises skipped or cut short: not "finished".
    Incomplete,
    /// Ended with "stop and report": a symptom came on.
    Reported,
    /// nape closed while it played.
    Interrupted,
}

impl RoutineEnd {
    /// How a routine named `name` ended, in a sentence: `done` of `total` exercises done in
    /// full, after `ran` seconds.
    pub fn words(self, name: &str, done: u32, total: u32, ran: u32) -> String {
        let ran = super::duration_words(ran);
        match self {
            RoutineEnd::Finished if done == total => format!("{name} done in {ran}."),
            RoutineEnd::Finished | RoutineEnd::Incomplete => format!(
                "{name}: {done} of {total} exercises done in full, the rest skipped or cut short ({ran})."
            ),
            RoutineEnd::Reported => {
                "Stopped. Tick what came on: a warning sign is checked as soon as it is saved."
                    .into()
            }
            RoutineEnd::Stopped | RoutineEnd::Interrupted => {
                format!("Stopped after {done} of {total} exercises ({ran}).")
            }
        }
    }
}

#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
pub struct RoutineSession {
    pub routine: String,
    pub version: u32,
    pub name: String,
    pub started_at: DateTime<Utc>,
    /// Played straight through, in seconds.
    pub planned_secs: u32,
    pub steps_total: u32,
    /// Exercises done in full (every hold held).
    #[serde(default)]
    pub steps_done: u32,
    /// Each exercise as it went, in order (empty in records from before nape kept them).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub steps: Vec<StepDone>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub pauses: Vec<Pause>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ended_at: Option<DateTime<Utc>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub end: Option<RoutineEnd>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pain_before: Option<u8>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pain_after: Option<u8>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub feeling: Option<Feeling>,
    /// While it plays: the last time its nape said it was still playing it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub beat: Option<DateTime<Utc>>,
    /// While it plays: the process playing it, and on which desk.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pid: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub desk: Option<String>,
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// How often a playing routine says it is still playing, and how long without a word before
/// it is taken to have stopped (its nape killed, the computer off).
pub const BEAT_SECS: i64 = 30;
pub const BEAT_LOST_SECS: i64 = 120;

impl RoutineSession {
    /// Seconds from start to end (or to `now` while it plays).
    pub fn duration_secs(&self, now: DateTime<Utc>) -> i64 {
        (self.ended_at.unwrap_or(now) - self.started_at)
            .num_seconds()
            .max(0)
    }

    /// Whether it counts as still playing at `now`: not ended, and its nape still at it.
    /// `alive` is whether its process is running, where that can be known (it plays on this
    /// desk); otherwise its heartbeat says, or for a record from before heartbeats, its
    /// planned time with a quarter of an hour to spare.
    pub fn playing(&self, now: DateTime<Utc>, alive: Option<bool>) -> bool {
        if self.ended_at.is_some() || alive == Some(false) {
            return false;
        }
        match self.beat {
            _ if alive == Some(true) => true,
            // A heartbeat from ahead of this clock by more than a minute is no sign of life.
            Some(beat) => (-60..BEAT_LOST_SECS).contains(&(now - beat).num_seconds()),
            None => self.duration_secs(now) < i64::from(self.planned_secs) + 900,
        }
    }
}
