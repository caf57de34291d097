//! A sudden jump to severe pain is a reason to ask the sudden-severe question (CLINICAL.md), in
//! the app before the check-in is saved and in the shell after it; never a diagnosis.

use chrono::{DateTime, Duration, Utc};

/// The sign asked about after a sudden jump to severe pain.
pub const SUDDEN_SEVERE: &str = "worst-headache";

/// A sudden jump to severe pain: `pain` of 9 or 10, 4 or more above the check-in before it
/// (`before`: when, and its pain) within a day. A reason to ask the sudden-severe question,
/// never taken as an answer. The pain it jumped from, if it is one.
pub fn sudden_jump(before: Option<(DateTime<Utc>, u8)>, at: DateTime<Utc>, pain: u8) -> Option<u8> {
    let (then, was) = before?;
    let within = at >= then && at - then <= Duration::hours(24);
    (pain >= 9 && pain >= was.saturating_add(4) && within).then_some(was)
}
