//! The fixed ids a check-in may use for where it hurts, symptoms, context and treatments.
//! Ids are stored; labels are shown. Red-flag answers are symptoms too (see `redflag`).

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

pub const SYMPTOMS: &[Term] = &[
    t("headache", "headache"),
    t("spasm", "spasm"),
    t("restricted-turning", "hard to turn the head"),
    t("clicking", "clicking or grinding"),
    t("pins-and-needles", "pins and needles"),
    t("numbness", "numbness"),
    t("weakness", "weakness"),
    t("dizziness", "dizziness"),
];

pub const CONTEXT: &[Term] = &[
    t("poor-sleep", "poor sleep"),
    t("screen-hours", "long hours at a screen"),
    t("stress", "stress"),
    t("heavy-bag", "carried a heavy bag"),
    t("awkward-posture", "awkward posture"),
    t("exercise", "exercise"),
    t("manipulation", "neck manipulation or \"cracking\" today"),
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

pub fn ids(terms: &[Term]) -> String {
    terms.iter().map(|t| t.id).collect::<Vec<_>>().join(", ")
}

/// Plain symptoms followed by the warning-sign questions (ids from assets/red_flags.json).
pub fn symptom_terms() -> Vec<Term> {
    let questions = super::redflag::questions().map(|q| Term {
        id: q.id.as_str(),
        label: q.short.as_str(),
    });
    SYMPTOMS.iter().copied().chain(questions).collect()
}
