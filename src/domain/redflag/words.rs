//! The sentences about levels and locks, worded once so the banner, the screens and the command
//! line say the same thing.

use super::{ActiveFlag, Level};

impl Level {
    /// What to do, in a few words (the banner).
    pub fn action(self, number: &str) -> String {
        match self {
            Level::Emergency => format!("Call {number} now"),
            Level::Urgent => "Get care today".into(),
            Level::Soon => "See a clinician".into(),
        }
    }

    /// The heading over the signs of this level (the Red flags screen).
    pub fn heading(self, number: &str) -> String {
        match self {
            Level::Emergency => format!("Call {number} now"),
            Level::Urgent => "Get medical care today".into(),
            Level::Soon => "See a clinician within days".into(),
        }
    }

    /// Symbol and word together, as a status line shows a level.
    pub fn tag(self) -> String {
        format!("{} {}", self.symbol(), self.word())
    }
}

/// How to lift a lock.
pub const UNLOCK: &str =
    "Once a clinician has assessed you, record it on the Red flags screen (f, then a).";

impl ActiveFlag {
    /// "Locked: <sign>", for the Timers and Stretches screens.
    pub fn locked_title(&self) -> String {
        format!("{} Locked: {}", self.def.level.symbol(), self.def.short)
    }

    /// Why starting is refused, what to do, and how to lift the lock; a clause that follows
    /// "nape: " or "Not started: ".
    pub fn lock_sentence(&self, number: &str) -> String {
        format!(
            "timers are locked: {} ({}). {} {UNLOCK}",
            self.def.short,
            self.reason,
            self.def.advice(number)
        )
    }
}
