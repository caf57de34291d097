//! What seems to help: each treatment's mean change in pain from before to after, and each
//! context factor's mean pain on days with it and without. Only with enough to go on (3 rated
//! sessions; 3 days with and 3 without), and always as an association, never as a cause.

use std::collections::{BTreeMap, HashMap};

use chrono::NaiveDate;

use super::Facts;
use crate::domain::vocabulary;

/// Fewest rated sessions, or days with and without a factor, before anything is shown.
pub const MIN_COUNT: usize = 3;

/// A treatment's measured effect.
#[derive(Clone, Debug, PartialEq)]
pub struct Effect {
    /// "Cold", "Heat" or the routine's name.
    pub name: String,
    /// Sessions in the period, rated or not.
    pub sessions: usize,
    /// Sessions with pain rated before and after.
    pub rated: usize,
    /// Mean of (after - before): below zero is less pain after.
    pub change: f64,
    /// Mean pain before, of the rated sessions.
    pub before: f64,
}

impl Effect {
    pub fn enough(&self) -> bool {
        self.rated >= MIN_COUNT
    }

    /// Whether pain after was less by a meaningful change (the rule associations use too).
    pub fn helps(&self) -> bool {
        self.enough()
            && matches!(
                super::change(self.before, self.before + self.change),
                super::Change::Better(_)
            )
    }

    /// "1.8 points less pain after, on average (5 rated of 6)"; a change smaller than a
    /// meaningful one is said to be none.
    pub fn words(&self) -> String {
        let how = match super::change(self.before, self.before + self.change) {
            super::Change::Same => format!(
                "no meaningful change in pain after ({:+.1} points)",
                self.change
            ),
            super::Change::Better(by) => format!("{by:.1} points less pain after"),
            super::Change::Worse(by) => format!("{by:.1} points more pain after"),
        };
        format!(
            "{how}, on average ({} rated of {} sessions)",
            self.rated, self.sessions
        )
    }
}

/// Cold, heat and each routine played from `from` to `to`, in that order (routines by name).
pub fn effects(facts: &Facts, from: NaiveDate, to: NaiveDate) -> Vec<Effect> {
    let within = |d: &NaiveDate| (from..=to).contains(d);
    let mut out = Vec::new();
    for kind in [
        crate::domain::therapy::PackKind::Cold,
        crate::domain::therapy::PackKind::Heat,
    ] {
        let sessions = facts
            .packs
            .iter()
            .filter(|(d, s)| within(d) && s.kind == kind);
        out.push(effect(
            kind.name(),
            sessions.map(|(_, s)| (s.pain_before, s.pain_after)),
        ));
    }
    let mut routines: BTreeMap<&str, Vec<Rated>> = BTreeMap::new();
    // As adherence counts them: a routine ended before its first step is not a session.
    for (_, r) in (facts.routines.iter()).filter(|(d, r)| within(d) && r.steps_done > 0) {
        routines
            .entry(r.name.as_str())
            .or_default()
            .push((r.pain_before, r.pain_after));
    }
    for (name, ratings) in routines {
        out.push(effect(name, ratings.into_iter()));
    }
    out
}

/// Pain before and after one session, each if given.
type Rated = (Option<u8>, Option<u8>);

fn effect(name: &str, ratings: impl Iterator<Item = Rated>) -> Effect {
    let (mut sessions, mut rated, mut sum, mut before_sum) = (0, 0, 0i32, 0u32);
    for (before, after) in ratings {
        sessions += 1;
        if let (Some(b), Some(a)) = (before, after) {
            rated += 1;
            sum += i32::from(a) - i32::from(b);
            before_sum += u32::from(b);
        }
    }
    Effect {
        name: name.to_string(),
        sessions,
        rated,
        change: f64::from(sum) / rated.max(1) as f64,
        before: f64::from(before_sum) / rated.max(1) as f64,
    }
}

/// A context factor beside the day's pain.
#[derive(Clone, Debug, PartialEq)]
pub struct Association {
    pub label: &'static str,
    pub with_days: usize,
    pub with_mean: f64,
    pub without_days: usize,
    pub without_mean: f64,
}

impl Association {
    pub fn enough(&self) -> bool {
        self.with_days >= MIN_COUNT && self.without_days >= MIN_COUNT
    }

    /// In words that claim no cause, and no difference smaller than a meaningful change.
    pub fn words(&self) -> String {
        let diff = self.with_mean - self.without_mean;
        let how = match super::change(self.without_mean, self.with_mean) {
            super::Change::Same => "no meaningful difference in pain".to_string(),
            _ if diff > 0.0 => format!("associated with {diff:.1} points more pain"),
            _ => format!("associated with {:.1} points less pain", -diff),
        };
        format!(
            "{}: {how} (mean {:.1} on {} days with it, {:.1} on {} without)",
            capitalised(self.label),
            self.with_mean,
            self.with_days,
            self.without_mean,
            self.without_days
        )
    }
}

fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

/// Each context factor seen from `from` to `to`: the mean of daily mean pain on days it was
/// ticked and on days it was not. Only days with a full check-in count (a quick one asks no
/// context, so says nothing of it).
pub fn associations(facts: &Facts, from: NaiveDate, to: NaiveDate) -> Vec<Association> {
    // Per day: the factors ticked that day, if any check-in answered about context: a full one,
    // or one that ticked something (a pain-only one with nothing ticked says nothing).
    let mut asked: HashMap<NaiveDate, Vec<&str>> = HashMap::new();
    // Every check-in is looked at: dates need not be in time order (entries made travelling).
    for c in facts
        .checkins
        .iter()
        .filter(|c| (from..=to).contains(&c.date))
    {
        if !c.checkin.quick || !c.checkin.context.is_empty() {
            let ticked = asked.entry(c.date).or_default();
            ticked.extend(c.checkin.context.iter().map(String::as_str));
        }
    }
    let days = facts.days_in(from, to);
    let mut out = Vec::new();
    for term in vocabulary::CONTEXT {
        let (mut with, mut without) = (Vec::new(), Vec::new());
        for d in days {
            match asked.get(&d.date) {
                Some(ticked) if ticked.contains(&term.id) => with.push(d.mean),
                Some(_) => without.push(d.mean),
                None => {}
            }
        }
        if with.is_empty() {
            continue;
        }
        out.push(Association {
            label: term.label,
            with_days: with.len(),
            with_mean: super::mean(&with),
            without_days: without.len(),
            without_mean: super::mean(&without),
        });
    }
    out
}
