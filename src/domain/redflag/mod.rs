//! Warning signs: the built-in list, and `evaluate`, which says which are active now and why.
//! Pure: the history, the settings and the time come in as arguments. The time-based rules
//! live in `rules`.

pub mod catalog;
mod course;
mod earlier;
mod jump;
pub mod notes;
mod rules;
mod words;

use chrono::{DateTime, Duration, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

pub use catalog::{FlagDef, Level, Trigger, answered, catalog, find, questions, raised_by, rule};
pub use earlier::{Earlier, Mark, Raise, Raised};
pub use jump::{SUDDEN_SEVERE, sudden_jump};
pub use words::{named, safety_line, sounds_like_a_sign, unlock};

pub use super::checkin::Dated;
use super::settings::Settings;
use super::trends;

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

/// Which warning signs are active at `now` (`today` is its local date), most urgent first.
pub fn evaluate(evidence: &Evidence, now: DateTime<Utc>, today: NaiveDate) -> Vec<ActiveFlag> {
    evaluate_after(evidence, None, now, today)
}

/// As `evaluate`, where `evidence.history` is only the check-ins dated from `earlier.from` on and
/// `earlier` sums up those before (see `Earlier`).
pub fn evaluate_after(
    evidence: &Evidence,
    earlier: Option<&Earlier>,
    now: DateTime<Utc>,
    today: NaiveDate,
) -> Vec<ActiveFlag> {
    let worked_out;
    let days = match evidence.days {
        Some(days) => days,
        None => {
            worked_out = trends::daily(evidence.history);
            &worked_out
        }
    };
    let mut raised = earlier.map_or_else(Raised::default, |e| e.raised.clone());
    let seam = earlier.and_then(|e| e.seam);
    let mut raise = |id: &str, reason: String, at: DateTime<Utc>, entered: DateTime<Utc>| {
        let id = id.to_string();
        raised.add(Raise {
            id,
            reason,
            at,
            entered,
        });
    };
    rules::from_history(evidence.history, &mut |id, reason, at, entered| {
        // Up to the seam, `earlier` has them.
        if seam.is_none_or(|seam| at > seam) {
            raise(id, reason, at, entered);
        }
    });
    course::from_latest(evidence, earlier, days, now, today, &mut raise);
    finish(raised, evidence.assessments, now)
}

/// The signs raised, settled by the assessments and faded when shown long enough.
fn finish(raised: Raised, assessments: &[DateTime<Utc>], now: DateTime<Utc>) -> Vec<ActiveFlag> {
    let mut flags: Vec<ActiveFlag> = (raised.0.into_iter())
        .filter_map(|r| {
            let def = find(&r.id)?;
            let (reason, raised_at) = (r.reason, r.at);
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
    // Signs as urgent and as recent as each other go in the catalog's order, however raised.
    flags.sort_by_key(|f| {
        (
            f.assessed_at.is_some(),
            std::cmp::Reverse(f.def.level),
            std::cmp::Reverse(f.raised_at),
            catalog().iter().position(|d| d.id == f.def.id),
        )
    });
    flags
}
