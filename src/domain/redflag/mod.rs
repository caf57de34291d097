//! Warning signs: the built-in list, and `evaluate`, which says which are active now and why.
//! Pure: the history, the settings and the time come in as arguments. The time-based rules
//! live in `rules`.

pub mod catalog;
mod jump;
pub mod notes;
mod rules;
mod words;

use chrono::{DateTime, Duration, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

pub use catalog::{FlagDef, Level, Trigger, answered, catalog, find, questions, raised_by, rule};
pub use jump::{SUDDEN_SEVERE, sudden_jump};
pub use words::{named, safety_line, sounds_like_a_sign, unlock};

pub use super::checkin::Dated;
use super::settings::Settings;
use super::trends;
use super::vocabulary::{label, symptom_terms};

/// "A clinician has assessed me", recorded with its time. Kept for good in the history.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
pub struct Assessment {
    pub at: DateTime<Utc>,
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// A warning sign that applies now.
#[derive(Clone, Debug, PartialEq)]
pub struct ActiveFlag {
    pub def: &'static FlagDef,
    /// Which answer or pattern, and when, in words.
    pub reason: String,
    /// When it was raised; an assessment after this settles it.
    pub raised_at: DateTime<Utc>,
    pub assessed_at: Option<DateTime<Utc>>,
}

impl ActiveFlag {
    pub fn locks(&self) -> bool {
        self.def.level.locks() && self.assessed_at.is_none()
    }
}

/// How long an answered question or a settled flag stays on show.
const SHOW_DAYS: i64 = 14;

/// What the rules read: the check-ins in time order and what else the diary knows.
pub struct Evidence<'a> {
    pub history: &'a [Dated<'a>],
    /// The daily series of `history` (`trends::daily`), if the caller keeps it.
    pub days: Option<&'a [trends::Day]>,
    /// When the person recorded that a clinician had assessed them.
    pub assessments: &'a [DateTime<Utc>],
    /// The local dates of nape's own cold, heat and stretch sessions in the last week or so:
    /// self-care, whatever boxes were ticked.
    pub sessions: &'a [NaiveDate],
    pub settings: &'a Settings,
}

impl<'a> Evidence<'a> {
    /// Check-ins and settings only: no assessments, no sessions.
    pub fn new(history: &'a [Dated<'a>], settings: &'a Settings) -> Self {
        Evidence {
            history,
            days: None,
            assessments: &[],
            sessions: &[],
            settings,
        }
    }
}

/// A sign raised: which, why in words, when it happened, and when the answers behind it were
/// entered (an assessment settles only what was entered before it).
struct Raised {
    def: &'static FlagDef,
    reason: String,
    at: DateTime<Utc>,
    entered: DateTime<Utc>,
}

/// Which warning signs are active at `now` (`today` is its local date), most urgent first.
pub fn evaluate(evidence: &Evidence, now: DateTime<Utc>, today: NaiveDate) -> Vec<ActiveFlag> {
    let worked_out;
    let days = match evidence.days {
        Some(days) => days,
        None => {
            worked_out = trends::daily(evidence.history);
            &worked_out
        }
    };
    let history = evidence.history;
    let mut raised: Vec<Raised> = Vec::new();
    let mut raise = |id: &str, reason: String, at: DateTime<Utc>, entered: DateTime<Utc>| {
        let def = find(id).expect("rule ids are in the catalog");
        // Keep only the latest reason per sign, and the latest entry behind it.
        let entered = raised
            .iter()
            .filter(|r| r.def.id == def.id)
            .map(|r| r.entered)
            .fold(entered, DateTime::max);
        raised.retain(|r| r.def.id != def.id || r.at > at);
        match raised.iter_mut().find(|r| r.def.id == def.id) {
            Some(kept) => kept.entered = entered,
            None => raised.push(Raised {
                def,
                reason,
                at,
                entered,
            }),
        }
    };

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
    rules::numb_limbs(history, &mut raise);
    rules::tingling_arms(history, &mut raise);
    rules::meningitis(history, &mut raise);
    rules::manipulation(history, &mut raise);
    rules::spasm(history, now, &mut raise);
    rules::severe_days(days, today, &mut raise);
    rules::trends(evidence, days, today, &mut raise);
    rules::episode(history, evidence.settings, now, today, &mut raise);

    let assessments = evidence.assessments;
    let mut flags: Vec<ActiveFlag> = raised
        .into_iter()
        .filter_map(|r| {
            let (def, reason, raised_at) = (r.def, r.reason, r.at);
            let assessed_at = assessments
                .iter()
                .copied()
                .filter(|a| *a >= r.entered)
                .min();
            // Rules check their own recency; an answered question fades after SHOW_DAYS.
            let stale = def.trigger == Trigger::Question
                && !def.lasting
                && now - raised_at > Duration::days(SHOW_DAYS);
            // An unsettled emergency or urgent sign stays until a clinician has seen it.
            let keep = if def.level.locks() && assessed_at.is_none() {
                true
            } else {
                !stale
            };
            keep.then_some(ActiveFlag {
                def,
                reason,
                raised_at,
                assessed_at,
            })
        })
        .collect();
    flags.sort_by_key(|f| {
        (
            f.assessed_at.is_some(),
            std::cmp::Reverse(f.def.level),
            std::cmp::Reverse(f.raised_at),
        )
    });
    flags
}
