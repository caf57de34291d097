//! Guided stretches: exercises and routines (built-in and the person's own files), the player
//! that steps through a routine by the clock, and the record of a routine done.

pub mod breaks;
mod cue;
pub mod library;
pub mod player;
pub mod record;
mod routine;
mod telling;

pub use library::{Library, Problem};
pub use player::{Cue, Phase, PhaseKind, Player, Position};
pub use record::{Feeling, RoutineEnd, RoutineSession, StepDone, StepOutcome};
pub use routine::{
    Exercise, MAX_HOLD_SECS, MAX_REPS, Movement, Routine, Sides, Step, duration_words, gentler,
};
