//! What the player says as a routine plays, by bell and voice: each exercise introduced with
//! its side, what to do and for how long; holds and movements; rests, and changes of position.

use super::routine::Step;

/// What the player says at a change, by bell and voice.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Cue {
    /// Get ready: at an exercise's first rep on a side, its name, the side, what to do and for
    /// how long; the rep after.
    Ready {
        exercise: String,
        side: &'static str,
        rep: u32,
        reps: u32,
        /// What to do, for this side ("" for an exercise that gives no sentence).
        say: String,
        /// How long or how many ("Hold 20 seconds.", "5 slow circles backward.").
        then: String,
    },
    Hold,
    /// Start moving: how many slow movements, and which.
    Move {
        count: u32,
        what: String,
    },
    /// The last seconds of a hold.
    Count(u32),
    Rest {
        next: String,
        /// Lying down, or sitting up, for the next exercise.
        change: Option<Position>,
    },
    Paused,
    Resumed,
    Done,
    /// A desk break is due.
    Break,
}

impl Cue {
    /// The words spoken for it.
    pub fn words(&self) -> String {
        match self {
            Cue::Ready {
                exercise,
                side,
                rep: 1,
                say,
                then,
                ..
            } => {
                let side = match *side {
                    "" => String::new(),
                    "Left" | "Right" => format!(", {} side", side.to_lowercase()),
                    way => format!(", {}", way.to_lowercase()),
                };
                let say = if say.is_empty() {
                    String::new()
                } else {
                    format!(" {say}")
                };
                format!("{exercise}{side}.{say} {then}")
            }
            Cue::Ready { rep, reps, .. } => format!("Relax. Rep {rep} of {reps}."),
            Cue::Hold => "Hold.".into(),
            Cue::Move { count, what } => format!("Move: {count} {what}."),
            Cue::Count(n) => n.to_string(),
            Cue::Rest { next, change } => match change {
                None => format!("Relax. Next: {next}."),
                Some(Position::LieDown) => {
                    format!("Relax. Next: {next}. Lie down on your back now.")
                }
                Some(Position::SitUp) => format!("Relax. Next: {next}. Sit up slowly now."),
            },
            Cue::Paused => "Paused.".into(),
            Cue::Resumed => "Resumed.".into(),
            Cue::Done => "Routine done. How does your neck feel?".into(),
            Cue::Break => "Time for a desk break: the desk reset takes a few minutes.".into(),
        }
    }

    /// Whether the bell rings for it (every change of phase, not each second counted).
    pub fn rings(&self) -> bool {
        !matches!(self, Cue::Count(_))
    }
}

/// A change of position between two exercises.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Position {
    LieDown,
    SitUp,
}

/// The least rest before an exercise done in another position: time to lie down or get up.
pub(super) const POSITION_SECS: u32 = 20;

pub(super) fn position_change(from: &Step, to: &Step) -> Option<Position> {
    match (from.exercise.lying, to.exercise.lying) {
        (false, true) => Some(Position::LieDown),
        (true, false) => Some(Position::SitUp),
        _ => None,
    }
}

/// Words spoken per second, slowly enough for any speech program's default voice.
pub(super) const WORDS_PER_SEC: f64 = 2.5;

/// What is said as an exercise's side begins: its name, the side, what to do and for how long.
pub(super) fn introduction(step: &Step, side: &'static str, rep: u32) -> Cue {
    let moves = step.moves(side);
    Cue::Ready {
        exercise: step.exercise.name.clone(),
        side,
        rep,
        reps: step.reps,
        say: step.exercise.say_for(side),
        then: match &moves {
            Some((count, what)) => format!("{count} {what}."),
            None => format!("Hold {} seconds.", step.hold_secs),
        },
    }
}
