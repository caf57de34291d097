//! Exercises and routines as read from their files, and as checked and resolved for playing.

use serde::Deserialize;

/// A limit on holds: long enough for any stretch in CLINICAL.md, short enough to be a typo past it.
pub const MAX_HOLD_SECS: u32 = 120;
pub const MAX_REPS: u32 = 30;
pub const MAX_REST_SECS: u32 = 120;

#[derive(Deserialize, Clone, Copy, Debug, PartialEq, Eq)]
#[serde(rename_all = "kebab-case")]
pub enum Sides {
    None,
    LeftRight,
    /// A movement done one way, then the other (shoulder rolls).
    BackForward,
}

impl Sides {
    /// The sides in the order they are done ("" when the move has none).
    pub fn each(self) -> &'static [&'static str] {
        match self {
            Sides::None => &[""],
            Sides::LeftRight => &["Left", "Right"],
            Sides::BackForward => &["Backward", "Forward"],
        }
    }
}

/// A step done as a movement, not held still: how long one slow movement takes, and what it is
/// called when counted ("slow circles {side}").
#[derive(Deserialize, Clone, Debug, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Movement {
    pub cadence_secs: u32,
    pub what: String,
}

#[derive(Deserialize, Clone, Debug, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Exercise {
    pub id: String,
    pub name: String,
    pub cues: Vec<String>,
    pub hold_secs: u32,
    pub reps: u32,
    pub sides: Sides,
    /// Done lying down: moving to or from it gets time, and is said.
    #[serde(default)]
    pub lying: bool,
    /// What to do, in a sentence for the voice ({side} and {other} name the sides, as in `cues`).
    #[serde(default)]
    pub say: String,
    /// Present when the exercise is a movement: then "move" is said, with a count, not "hold".
    #[serde(default)]
    pub movement: Option<Movement>,
    #[serde(default)]
    pub cautions: Vec<String>,
    pub sources: Vec<String>,
    /// Goes towards the end of the neck's range (left out of routines for a spasm).
    #[serde(default)]
    pub end_range: bool,
    #[serde(default)]
    pub picture: Vec<String>,
}

#[derive(Deserialize, Debug)]
#[serde(deny_unknown_fields)]
pub(super) struct ExerciseFile {
    #[serde(default, rename = "_comment")]
    _comment: Option<String>,
    pub exercises: Vec<Exercise>,
}

#[derive(Deserialize, Debug)]
#[serde(deny_unknown_fields)]
pub(super) struct RoutineFile {
    pub id: String,
    pub name: String,
    #[serde(default = "first_version")]
    pub version: u32,
    #[serde(default)]
    pub description: String,
    #[serde(default = "default_rest")]
    pub rest_secs: u32,
    pub steps: Vec<StepFile>,
    /// The routine's own exercises, beside the built-in ones.
    #[serde(default)]
    pub exercises: Vec<Exercise>,
}

fn first_version() -> u32 {
    1
}

fn default_rest() -> u32 {
    10
}

#[derive(Deserialize, Debug)]
#[serde(deny_unknown_fields)]
pub(super) struct StepFile {
    pub exercise: String,
    pub hold_secs: Option<u32>,
    pub reps: Option<u32>,
    pub sides: Option<Sides>,
}

/// One exercise as a routine does it.
#[derive(Clone, Debug, PartialEq)]
pub struct Step {
    pub exercise: Exercise,
    pub hold_secs: u32,
    pub reps: u32,
    pub sides: Sides,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Routine {
    pub id: String,
    pub name: String,
    pub version: u32,
    pub description: String,
    pub rest_secs: u32,
    pub steps: Vec<Step>,
    /// Where it came from: "built in", or the user file's path.
    pub origin: String,
}

impl Routine {
    /// How long it takes played straight through, with `ready_secs` before each hold.
    /// Each side's first rep gets time to say what to do (see `player::lay_out`).
    pub fn total_secs(&self, ready_secs: u32) -> u32 {
        let phases = super::player::lay_out(self, ready_secs);
        phases.iter().map(|p| p.secs).sum()
    }

    /// Where the routine has you lie down, in words for its description ("" if it never does).
    pub fn positions(&self) -> String {
        let lying: Vec<&str> = (self.steps.iter())
            .filter(|s| s.exercise.lying)
            .map(|s| s.exercise.name.as_str())
            .collect();
        match lying.is_empty() {
            true => String::new(),
            false => format!("You will lie down for: {}.", lying.join(", ")),
        }
    }

    /// Whether any step goes towards the end of the neck's range.
    pub fn end_range(&self) -> bool {
        self.steps.iter().any(|s| s.exercise.end_range)
    }
}

/// "3 min 20 s", "45 s".
pub fn duration_words(secs: u32) -> String {
    match (secs / 60, secs % 60) {
        (0, s) => format!("{s} s"),
        (m, 0) => format!("{m} min"),
        (m, s) => format!("{m} min {s} s"),
    }
}

/// Pain this high, or a spasm, makes a day one for gentler moves: routines that go to the end
/// of the neck's range are marked, and Spasm relief suggested.
pub const GENTLE_FROM_PAIN: u8 = 7;

/// Whether today's check-ins make it a day for gentler moves.
pub fn gentler<'a>(today: impl IntoIterator<Item = &'a crate::domain::checkin::CheckIn>) -> bool {
    (today.into_iter())
        .any(|c| c.pain >= GENTLE_FROM_PAIN || c.symptoms.iter().any(|s| s == "spasm"))
}
