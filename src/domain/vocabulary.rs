//! The fixed ids a check-in may use for where it hurts, symptoms, context and treatments.
//! Ids are stored; labels are shown. Red-flag answers are symptoms too (see `redflag`).

use std::sync::LazyLock;

use super::redflag::catalog;

/// An id and the words shown for it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Term {
    pub id: &'static str,
    pub label: &'static str,
}

const fn t(id: &'static str, label: &'static str) -> Term {
    Term { id, label }
}

pub const LOCATIONS: &[Term] = &[
    t("base-of-skull", "base of the skull"),
    t("left-side", "left side of the neck"),
    t("right-side", "right side of the neck"),
    t("upper-shoulders", "upper shoulders"),
    t("between-shoulder-blades", "between the shoulder blades"),
    t("left-arm", "down the left arm"),
    t("right-arm", "down the right arm"),
];

/// Symptom ids the rules read, named once.
pub mod symptom {
    pub const HEADACHE: &str = "headache";
    pub const SPASM: &str = "spasm";
    pub const RESTRICTED_TURNING: &str = "restricted-turning";
    pub const CLICKING: &str = "clicking";
    pub const PINS_AND_NEEDLES: &str = "pins-and-needles";
    pub const NUMBNESS: &str = "numbness";
    pub const WEAKNESS: &str = "weakness";
    pub const DIZZINESS: &str = "dizziness";
    pub const FEVER: &str = "fever";
    pub const STIFF_NECK: &str = "stiff-neck";
}

/// Context ids the rules read.
pub mod context {
    pub const MANIPULATION: &str = "manipulation";
}

pub const SYMPTOMS: &[Term] = &[
    t(symptom::HEADACHE, "headache"),
    t(symptom::SPASM, "spasm"),
    t(symptom::RESTRICTED_TURNING, "hard to turn the head"),
    t(symptom::CLICKING, "clicking or grinding"),
    t(symptom::PINS_AND_NEEDLES, "pins and needles"),
    t(symptom::NUMBNESS, "numbness"),
    t(symptom::WEAKNESS, "weakness"),
    t(symptom::DIZZINESS, "dizziness"),
    t(symptom::STIFF_NECK, "stiff neck"),
    t(symptom::FEVER, "fever"),
];

pub const CONTEXT: &[Term] = &[
    t("poor-sleep", "poor sleep"),
    t("screen-hours", "long hours at a screen"),
    t("stress", "stress"),
    t("heavy-bag", "carried a heavy bag"),
    t("awkward-posture", "awkward posture"),
    t("exercise", "exercise"),
    t(
        context::MANIPULATION,
        "neck manipulation or \"cracking\" today",
    ),
    t("massage-today", "massage today"),
];

pub const TREATMENTS: &[Term] = &[
    t("ice", "ice"),
    t("heat", "heat"),
    t("stretches", "stretches"),
    t("medicine", "medicine"),
    t("massage", "massage"),
    t("rest", "rest"),
];

pub fn label(terms: &[Term], id: &str) -> Option<&'static str> {
    terms.iter().find(|t| t.id == id).map(|t| t.label)
}

/// The term whose id is `typed` in any case ("Left-Arm" is "left-arm").
pub fn find(terms: &[Term], typed: &str) -> Option<&'static str> {
    let typed = typed.trim();
    terms
        .iter()
        .find(|t| t.id.eq_ignore_ascii_case(typed))
        .map(|t| t.id)
}

/// The id closest to a typo, if one is close enough to be what was meant.
pub fn nearest(terms: &[Term], typed: &str) -> Option<&'static str> {
    let typed = typed.trim().to_lowercase();
    let close = terms
        .iter()
        .map(|t| (strsim::levenshtein(t.id, &typed), t.id))
        .filter(|(distance, id)| *distance <= 3.min(id.len() / 3 + 1))
        .min()
        .map(|(_, id)| id);
    // A whole word of an id ("stroke" for "stroke-signs"), when nothing is that close.
    let word = || {
        (terms.iter().map(|t| t.id))
            .find(|id| typed.len() >= 4 && id.split('-').any(|part| part == typed))
    };
    close.or_else(word)
}

pub fn ids(terms: &[Term]) -> String {
    terms.iter().map(|t| t.id).collect::<Vec<_>>().join(", ")
}

/// Plain symptoms followed by the warning-sign questions (ids from assets/red_flags.json).
pub fn symptom_terms() -> &'static [Term] {
    static TERMS: LazyLock<Vec<Term>> = LazyLock::new(|| {
        let questions = catalog::questions().map(|q| Term {
            id: q.id.as_str(),
            label: q.short.as_str(),
        });
        SYMPTOMS.iter().copied().chain(questions).collect()
    });
    &TERMS
}

/// The warning-sign questions as the form asks them.
pub fn warning_terms() -> &'static [Term] {
    static TERMS: LazyLock<Vec<Term>> = LazyLock::new(|| {
        catalog::questions()
            .map(|q| Term {
                id: q.id.as_str(),
                label: q.question.as_str(),
            })
            .collect()
    });
    &TERMS
}
