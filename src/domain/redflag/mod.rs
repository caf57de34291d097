//! Warning signs: the built-in list, and `evaluate`, which says which are active now and why.
//! Pure: the history, the settings and the time come in as arguments. The time-based rules
//! live in `rules`.

pub mod catalog;
mod rules;
mod words;

use chrono::{DateTime, Duration, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

pub use catalog::{FlagDef, Level, Trigger, catalog, find, questions, rule};
pub use words::UNLOCK;

pub use super::checkin::Dated;
use super::settings::Settings;
use super::trends;
use super::vocabulary::symptom;

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
/// Which warning signs are active at `now` (`today` is its local date), most urgent first.
pub fn evaluate(
    history: &[Dated],
    assessments: &[DateTime<Utc>],
    settings: &Settings,
    now: DateTime<Utc>,
    today: NaiveDate,
) -> Vec<ActiveFlag> {
    let days = trends::daily(history);
    evaluate_with_days(history, &days, assessments, settings, now, today)
}

/// `evaluate`, given the daily series of `history` (`trends::daily`), kept by a caller that
/// already has it.
pub fn evaluate_with_days(
    history: &[Dated],
    days: &[trends::Day],
    assessments: &[DateTime<Utc>],
    settings: &Settings,
    now: DateTime<Utc>,
    today: NaiveDate,
) -> Vec<ActiveFlag> {
    let mut raised: Vec<(&'static FlagDef, String, DateTime<Utc>)> = Vec::new();
    let mut raise = |id: &str, reason: String, at: DateTime<Utc>| {
        let def = find(id).expect("rule ids are in the catalog");
        // Keep only the latest reason per sign.
        raised.retain(|(d, _, t)| d.id != def.id || *t > at);
        if !raised.iter().any(|(d, _, _)| d.id == def.id) {
            raised.push((def, reason, at));
        }
    };

    for (date, c) in history.iter().filter(|(_, c)| !c.symptoms.is_empty()) {
        for def in questions().filter(|q| c.symptoms.contains(&q.id)) {
            raise(
                &def.id,
                format!("you reported {} on {date}", def.short),
                c.at,
            );
        }
        if c.symptoms.iter().any(|s| s == symptom::DIZZINESS) {
            raise(
                rule::DIZZINESS,
                format!("you reported dizziness on {date}"),
                c.at,
            );
        }
    }
    rules::manipulation(history, &mut raise);
    rules::spasm(history, now, &mut raise);
    rules::severe_days(days, today, &mut raise);
    rules::trends(history, days, settings, today, &mut raise);
    rules::episode(history, settings, now, today, &mut raise);

    let mut flags: Vec<ActiveFlag> = raised
        .into_iter()
        .filter_map(|(def, reason, raised_at)| {
            let assessed_at = assessments
                .iter()
                .copied()
                .filter(|a| *a >= raised_at)
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
