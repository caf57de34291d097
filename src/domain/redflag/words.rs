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

/// Parts of words a person may type for an emergency or urgent sign (CLINICAL.md, S1): typed
/// where nape expected a symptom id, they get the safety line, not only "not known".
const SIGN_WORDS: &[&str] = &[
    "stroke", "numb", "faint", "vision", "sight", "speech", "slur", "swallow", "walk", "droop",
    "weak",
];

/// Whether `typed` (not a known id) reads like a warning sign.
pub fn sounds_like_a_sign(typed: &str) -> bool {
    let typed = typed.to_lowercase();
    SIGN_WORDS.iter().any(|w| typed.contains(w))
}

/// The line for an answer that may be a warning sign but could not be taken as one.
pub fn safety_line(number: &str) -> String {
    format!(
        "If you have a warning sign now (face drooping, weakness or numbness, slurred speech, \
         sudden loss of sight or balance, fainting), call {number} now; then log it again with \
         its id (nape log --help lists them)."
    )
}

/// How to lift a lock, with the keys that do it (from the app's binding table: "f, then a").
pub fn unlock(keys: &str) -> String {
    format!("Once a clinician has assessed you, record it on the Red flags screen ({keys}).")
}

impl ActiveFlag {
    /// "Locked: <sign>", for the Timers and Stretches screens.
    pub fn locked_title(&self) -> String {
        format!("{} Locked: {}", self.def.level.symbol(), self.def.short)
    }

    /// Why starting is refused and what to do; a clause that follows "nape: " or "Not
    /// started: ", before how to lift the lock (`unlock`).
    pub fn lock_sentence(&self, number: &str) -> String {
        format!(
            "timers and stretches are locked: {} ({}). {}",
            self.def.short,
            self.reason,
            self.def.advice(number)
        )
    }
}

/// The locking signs a delete or an edit would take away, named: "‼ EMERGENCY: stroke signs".
pub fn named(flags: &[ActiveFlag]) -> String {
    let each: Vec<String> = (flags.iter())
        .map(|f| {
            format!(
                "{} {}: {}",
                f.def.level.symbol(),
                f.def.level.word(),
                f.def.short
            )
        })
        .collect();
    each.join(", ")
}
