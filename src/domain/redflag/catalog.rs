//! The warning signs nape knows: their levels, questions, advice and sources, from
//! assets/red_flags.json. It depends on nothing else in the domain, so the vocabulary and the
//! rules can both use it.

use std::collections::HashMap;
use std::sync::LazyLock;

use serde::{Deserialize, Serialize};

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
    /// Plain symptoms (vocabulary ids) that raise this sign as its question does.
    #[serde(default)]
    pub symptoms: Vec<String>,
    /// Once reported, shown for good (assessed or not), not faded after two weeks.
    #[serde(default)]
    pub lasting: bool,
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

/// The signs a symptom id raises when reported: the question with that id, and every sign that
/// lists it among its plain `symptoms`.
pub fn raised_by(symptom: &str) -> &'static [&'static FlagDef] {
    static BY: LazyLock<HashMap<&'static str, Vec<&'static FlagDef>>> = LazyLock::new(|| {
        let mut by: HashMap<&str, Vec<&FlagDef>> = HashMap::new();
        for def in catalog() {
            let asked = (def.trigger == Trigger::Question).then_some(def.id.as_str());
            for id in asked
                .into_iter()
                .chain(def.symptoms.iter().map(String::as_str))
            {
                by.entry(id).or_default().push(def);
            }
        }
        by
    });
    BY.get(symptom).map_or(&[], Vec::as_slice)
}

/// The emergency and urgent signs a check-in's own answers raise, most urgent first: what to
/// tell the person at once, even when the check-in could not be saved.
pub fn answered(symptoms: &[String]) -> Vec<&'static FlagDef> {
    let mut defs: Vec<&FlagDef> = (symptoms.iter())
        .flat_map(|id| raised_by(id).iter().copied())
        .filter(|def| def.level.locks())
        .collect();
    defs.sort_by_key(|def| std::cmp::Reverse(def.level));
    defs.dedup_by_key(|def| def.id.as_str());
    defs
}

/// The ids of the signs worked out by a rule rather than asked (each is in assets/red_flags.json;
/// a test checks that).
pub mod rule {
    pub const DIZZINESS: &str = "dizziness-reported";
    pub const MANIPULATION_NERVE: &str = "manipulation-then-nerve-symptoms";
    pub const MANIPULATION_PAIN: &str = "manipulation-pain-48h";
    pub const MANIPULATION_PAIN_3_DAYS: &str = "manipulation-pain-3-days";
    pub const SPASM_7_DAYS: &str = "spasm-7-days";
    pub const NO_IMPROVEMENT: &str = "no-improvement-14-days";
    pub const WORSENING: &str = "worsening-despite-self-care";
    pub const SEVERE_DAYS: &str = "severe-three-days";
    pub const FOUR_WEEKS: &str = "still-present-4-weeks";
    pub const TWELVE_WEEKS: &str = "past-12-weeks";
    pub const BOTH_ARMS_TINGLING: &str = "both-arms-tingling";

    pub const ALL: [&str; 11] = [
        DIZZINESS,
        MANIPULATION_NERVE,
        MANIPULATION_PAIN,
        MANIPULATION_PAIN_3_DAYS,
        SPASM_7_DAYS,
        NO_IMPROVEMENT,
        WORSENING,
        SEVERE_DAYS,
        FOUR_WEEKS,
        TWELVE_WEEKS,
        BOTH_ARMS_TINGLING,
    ];
}
