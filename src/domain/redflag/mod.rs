//! Warning signs: the built-in list, and `evaluate`, which says which are active now and why.
//! Pure: the history, the settings and the time come in as arguments. The time-based rules
//! live in `rules`.

mod rules;

use std::sync::LazyLock;

use chrono::{DateTime, Duration, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use super::checkin::CheckIn;
use super::settings::Settings;

#[derive(Deserialize, Serialize, Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[serde(rename_all = "lowercase")]
pub enum Level {
    Soon,
    Urgent,
    Emergency,
}

impl Level {
    pub fn word(self) -> &'static str {
        match self {
            Level::Emergency => "EMERGENCY",
            Level::Urgent => "URGENT",
            Level::Soon => "SEE A CLINICIAN",
        }
    }

    /// Shown beside the word, so the level never rests on colour alone.
    pub fn symbol(self) -> &'static str {
        match self {
            Level::Emergency => "‼",
            Level::Urgent => "!",
            Level::Soon => "•",
        }
    }

    /// Emergency and urgent signs stop timers and stretches until a clinician has seen them.
    pub fn locks(self) -> bool {
        self >= Level::Urgent
    }
}

#[derive(Deserialize, Clone, Copy, Debug, PartialEq, Eq)]
#[serde(rename_all = "lowercase")]
pub enum Trigger {
    /// Asked in the check-in form; the answer is stored as a symptom with this id.
    Question,
    /// Worked out from the history by a rule below.
    Rule,
}

#[derive(Deserialize, Clone, Debug, PartialEq)]
pub struct FlagDef {
    pub id: String,
    pub level: Level,
    pub trigger: Trigger,
    pub short: String,
    pub question: String,
    pub advice: String,
    pub sources: Vec<String>,
    #[serde(default)]
    pub own_rule: bool,
}

impl FlagDef {
    pub fn advice(&self, number: &str) -> String {
        self.advice.replace("{number}", number)
    }
}

#[derive(Deserialize)]
struct Catalog {
    flags: Vec<FlagDef>,
}

static CATALOG: LazyLock<Vec<FlagDef>> = LazyLock::new(|| {
    let catalog: Catalog = serde_json::from_str(include_str!(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/assets/red_flags.json"
    )))
    .expect("assets/red_flags.json is checked by tests");
    catalog.flags
});

/// Every warning sign, most urgent first.
pub fn catalog() -> &'static [FlagDef] {
    &CATALOG
}

pub fn find(id: &str) -> Option<&'static FlagDef> {
    catalog().iter().find(|f| f.id == id)
}

/// The signs the check-in form asks about.
pub fn questions() -> impl Iterator<Item = &'static FlagDef> {
    catalog().iter().filter(|f| f.trigger == Trigger::Question)
}

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

/// A check-in with the local date it belongs to. History is sorted by time.
pub type Dated<'a> = (NaiveDate, &'a CheckIn);

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
    let mut raised: Vec<(&'static FlagDef, String, DateTime<Utc>)> = Vec::new();
    let mut raise = |id: &str, reason: String, at: DateTime<Utc>| {
        let def = find(id).expect("rule ids are in the catalog");
        // Keep only the latest reason per sign.
        raised.retain(|(d, _, t)| d.id != def.id || *t > at);
        if !raised.iter().any(|(d, _, _)| d.id == def.id) {
            raised.push((def, reason, at));
        }
    };

    for (date, c) in history {
        for def in questions().filter(|q| c.symptoms.contains(&q.id)) {
            raise(
                &def.id,
                format!("you reported {} on {date}", def.short),
                c.at,
            );
        }
        if c.symptoms.iter().any(|s| s == "dizziness") {
            raise(
                "dizziness-reported",
                format!("you reported dizziness on {date}"),
                c.at,
            );
        }
    }
    rules::manipulation(history, &mut raise);
    rules::spasm(history, now, &mut raise);
    rules::severe_days(history, today, &mut raise);
    rules::trends(history, settings, today, &mut raise);
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
            let stale =
                def.trigger == Trigger::Question && now - raised_at > Duration::days(SHOW_DAYS);
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
