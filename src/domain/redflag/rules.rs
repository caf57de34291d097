//! The rules that read a check-in with the day around it or the week after it: symptoms
//! reported, symptoms that together make a sign, and a nerve symptom after a manipulation. Each
//! calls `raise` with the sign's id, a reason, when it happened and when the answers behind it
//! were entered. The rules of the course over time are in `course`.
//!
//! A quick check-in (pain only) did not ask about symptoms: it is never read as a "no".

use chrono::{DateTime, Duration, Utc};

use crate::domain::checkin::CheckIn;

use super::{Dated, raised_by, rule};
use crate::domain::vocabulary::{context, label, symptom, symptom_terms};

const NERVE_SYMPTOMS: [&str; 4] = [
    symptom::DIZZINESS,
    symptom::NUMBNESS,
    symptom::PINS_AND_NEEDLES,
    symptom::WEAKNESS,
];

/// Reported symptoms that come together within this long count as one picture.
const TOGETHER: Duration = Duration::hours(24);

pub(super) type Raise<'r> = dyn FnMut(&str, String, DateTime<Utc>, DateTime<Utc>) + 'r;

pub(super) fn has(c: &CheckIn, id: &str) -> bool {
    c.symptoms.iter().any(|s| s == id)
}

/// The rules that read a check-in with the day around it or the week after it, over `history`:
/// reported symptoms, those that add up across check-ins, and manipulation with a nerve
/// symptom. A sign they raise never changes once the check-ins of its days are in.
pub(super) fn from_history(history: &[Dated], raise: &mut Raise) {
    for d in history.iter().filter(|d| !d.checkin.symptoms.is_empty()) {
        for id in &d.checkin.symptoms {
            for def in raised_by(id) {
                let what = if def.id == *id {
                    def.short.as_str()
                } else {
                    label(symptom_terms(), id).unwrap_or(id)
                };
                let reason = format!("you reported {what} on {}", d.date);
                raise(&def.id, reason, d.checkin.at, d.entered);
            }
        }
    }
    numb_limbs(history, raise);
    tingling_arms(history, raise);
    meningitis(history, raise);
    manipulation_nerve(history, raise);
}

/// The check-ins within a day either side of `history[i]` (sorted by time, so only as far as a
/// day is looked at), itself included.
fn around<'h, 'a>(history: &'h [Dated<'a>], i: usize) -> &'h [Dated<'a>] {
    let at = history[i].checkin.at;
    let near = |e: &Dated| (e.checkin.at - at).abs() <= TOGETHER;
    let from = history[..i]
        .iter()
        .rposition(|e| !near(e))
        .map_or(0, |p| p + 1);
    let to = i + history[i..].iter().take_while(|e| near(e)).count();
    &history[from..to]
}

/// `symptom` felt in both arms within a day, in one check-in or one arm then the other: the
/// check-in that completed it, the words, and when the last part was entered.
fn both_arms<'h, 'a>(
    history: &'h [Dated<'a>],
    symptom: &str,
) -> Vec<(&'h Dated<'a>, String, DateTime<Utc>)> {
    const ARMS: [&str; 2] = ["left-arm", "right-arm"];
    let in_arm = |d: &Dated, arm: &str| {
        has(d.checkin, symptom) && d.checkin.locations.iter().any(|l| l == arm)
    };
    let mut found = Vec::new();
    for (i, d) in history.iter().enumerate() {
        // Looked at from the later part, so the sign is dated when it was complete.
        if !ARMS.iter().any(|arm| in_arm(d, arm)) {
            continue;
        }
        let earlier = around(history, i)
            .iter()
            .filter(|e| e.checkin.at <= d.checkin.at);
        let earlier: Vec<&Dated> = earlier.collect();
        let first = |arm: &str| earlier.iter().find(|e| in_arm(e, arm));
        if let (Some(left), Some(right)) = (first(ARMS[0]), first(ARMS[1])) {
            let reason = if left.date == right.date && left.checkin.at == right.checkin.at {
                format!("both arms on {}", d.date)
            } else {
                let (a, b) = if left.checkin.at <= right.checkin.at {
                    (("left", left.date), ("right", right.date))
                } else {
                    (("right", right.date), ("left", left.date))
                };
                format!(
                    "the {} arm on {}, then the {} arm on {}",
                    a.0, a.1, b.0, b.1
                )
            };
            let entered = d.entered.max(left.entered).max(right.entered);
            found.push((d, reason, entered));
        }
    }
    found
}

/// Numbness of both arms, at once or one then the other within a day, is an emergency sign
/// (S6); in one arm it is the "see a clinician" arm sign, raised from the symptom itself.
fn numb_limbs(history: &[Dated], raise: &mut Raise) {
    for (d, arms, entered) in both_arms(history, symptom::NUMBNESS) {
        let reason = format!("you reported numbness in {arms}");
        raise("limb-numbness", reason, d.checkin.at, entered);
    }
}

/// Pins and needles in both arms, at once or within a day, is urgent (S2).
fn tingling_arms(history: &[Dated], raise: &mut Raise) {
    for (d, arms, entered) in both_arms(history, symptom::PINS_AND_NEEDLES) {
        let reason = format!("you reported pins and needles in {arms}");
        raise(rule::BOTH_ARMS_TINGLING, reason, d.checkin.at, entered);
    }
}

/// Fever with a headache and a stiff neck, however each was entered and within a day of each
/// other, is the meningitis emergency (S1).
fn meningitis(history: &[Dated], raise: &mut Raise) {
    let fever = |c: &CheckIn| has(c, symptom::FEVER) || has(c, "fever-unwell");
    let headache = |c: &CheckIn| has(c, symptom::HEADACHE) || has(c, "worst-headache");
    let stiff = |c: &CheckIn| {
        has(c, symptom::STIFF_NECK)
            || has(c, symptom::RESTRICTED_TURNING)
            || c.stiffness.is_some_and(|s| s > 0)
    };
    for (i, d) in history.iter().enumerate().filter(|(_, d)| fever(d.checkin)) {
        let window = around(history, i);
        let found = |test: &dyn Fn(&CheckIn) -> bool| window.iter().find(|e| test(e.checkin));
        if let (Some(h), Some(s)) = (found(&headache), found(&stiff)) {
            let entered = d.entered.max(h.entered).max(s.entered);
            let reason = format!(
                "you reported fever, headache and a stiff neck on {}",
                d.date
            );
            raise("meningitis-signs", reason, d.checkin.at, entered);
        }
    }
}

pub(super) fn manipulations<'h, 'a>(
    history: &'h [Dated<'a>],
) -> impl Iterator<Item = &'h Dated<'a>> {
    (history.iter()).filter(|d| d.checkin.context.iter().any(|x| x == context::MANIPULATION))
}

/// A nerve symptom on the day of a neck manipulation or in the week after it.
fn manipulation_nerve(history: &[Dated], raise: &mut Raise) {
    for m in manipulations(history) {
        let (m_at, m_date) = (m.checkin.at, m.date);
        let after = history.iter().filter(|d| d.checkin.at >= m_at);
        // A sign on the day of the manipulation counts whichever was ticked first: the time
        // of a tick says when it was written down, not when it happened.
        let same_day = history
            .iter()
            .filter(|d| d.date == m_date && d.checkin.at < m_at);
        for d in same_day.chain(
            after
                .clone()
                .filter(|d| d.checkin.at - m_at <= Duration::days(7)),
        ) {
            if let Some(s) = d
                .checkin
                .symptoms
                .iter()
                .find(|s| NERVE_SYMPTOMS.contains(&s.as_str()))
            {
                let reason = if d.checkin.at < m_at {
                    format!("{s} and neck manipulation on the same day, {m_date}")
                } else {
                    format!("{s} on {}, after neck manipulation on {m_date}", d.date)
                };
                // Dated when both parts were known.
                let (at, entered) = (d.checkin.at.max(m_at), d.entered.max(m.entered));
                raise(rule::MANIPULATION_NERVE, reason, at, entered);
            }
        }
    }
}
