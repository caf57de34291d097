//! Warning signs: the built-in list, and `evaluate`, which says which are active now and why.
//! Pure: the history, the settings and the time come in as arguments.

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
    let catalog: Catalog = serde_json::from_str(include_str!("../../assets/red_flags.json"))
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
/// A meaningful change on the 0-10 scale (S11): 2 points or 30%.
fn meaningful_drop(from: f64, to: f64) -> bool {
    from - to >= 2.0 || (from > 0.0 && (from - to) / from >= 0.3)
}

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
    manipulation_rules(history, &mut raise);
    spasm_rule(history, now, &mut raise);
    severe_days_rule(history, today, &mut raise);
    trend_rules(history, settings, today, &mut raise);
    episode_rules(history, settings, now, today, &mut raise);

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

type Raise<'r> = dyn FnMut(&str, String, DateTime<Utc>) + 'r;

fn manipulation_rules(history: &[Dated], raise: &mut Raise) {
    for (m_date, m) in history
        .iter()
        .filter(|(_, c)| c.context.iter().any(|x| x == "manipulation"))
    {
        let after = history.iter().filter(|(_, c)| c.at >= m.at);
        for (date, c) in after
            .clone()
            .filter(|(_, c)| c.at - m.at <= Duration::days(7))
        {
            if let Some(s) = c
                .symptoms
                .iter()
                .find(|s| ["dizziness", "numbness", "pins-and-needles"].contains(&s.as_str()))
            {
                raise(
                    "manipulation-then-nerve-symptoms",
                    format!("{s} on {date}, after neck manipulation on {m_date}"),
                    c.at,
                );
            }
        }
        let later = after
            .clone()
            .rfind(|(_, c)| c.at - m.at > Duration::hours(48));
        if let Some((date, c)) =
            later.filter(|(_, c)| c.pain > 0 && c.at - m.at <= Duration::days(SHOW_DAYS))
        {
            raise(
                "manipulation-pain-48h",
                format!(
                    "pain {} on {date}, more than 48 hours after manipulation on {m_date}",
                    c.pain
                ),
                c.at,
            );
        }
    }
}

fn spasm_rule(history: &[Dated], now: DateTime<Utc>, raise: &mut Raise) {
    let Some((last_date, last)) = history.last() else {
        return;
    };
    if !last.symptoms.iter().any(|s| s == "spasm") || now - last.at > Duration::days(3) {
        return;
    }
    let streak = history
        .iter()
        .rev()
        .take_while(|(_, c)| c.symptoms.iter().any(|s| s == "spasm"));
    let Some((first_date, first)) = streak.last() else {
        return;
    };
    if last.at - first.at >= Duration::days(7)
        && !meaningful_drop(f64::from(first.pain), f64::from(last.pain))
    {
        raise(
            "spasm-7-days",
            format!("spasm reported from {first_date} to {last_date}"),
            last.at,
        );
    }
}

/// Highest pain of each day that has check-ins, in date order.
fn daily(history: &[Dated], f: impl Fn(&[u8]) -> f64) -> Vec<(NaiveDate, f64, DateTime<Utc>)> {
    let mut days: Vec<(NaiveDate, Vec<u8>, DateTime<Utc>)> = Vec::new();
    for (date, c) in history {
        match days.iter_mut().find(|(d, _, _)| d == date) {
            Some((_, pains, at)) => {
                pains.push(c.pain);
                *at = (*at).max(c.at);
            }
            None => days.push((*date, vec![c.pain], c.at)),
        }
    }
    days.sort_by_key(|(d, _, _)| *d);
    days.into_iter().map(|(d, p, at)| (d, f(&p), at)).collect()
}

fn mean(pains: &[u8]) -> f64 {
    pains.iter().map(|&p| f64::from(p)).sum::<f64>() / pains.len().max(1) as f64
}

fn severe_days_rule(history: &[Dated], today: NaiveDate, raise: &mut Raise) {
    let days = daily(history, |p| f64::from(*p.iter().max().unwrap_or(&0)));
    for w in days.windows(3) {
        let consecutive =
            w[1].0 - w[0].0 == Duration::days(1) && w[2].0 - w[1].0 == Duration::days(1);
        if consecutive && w.iter().all(|d| d.1 >= 8.0) && today - w[2].0 <= Duration::days(6) {
            raise(
                "severe-three-days",
                format!("pain 8 or more on {}, {} and {}", w[0].0, w[1].0, w[2].0),
                w[2].2,
            );
        }
    }
}

fn trend_rules(history: &[Dated], settings: &Settings, today: NaiveDate, raise: &mut Raise) {
    let days = daily(history, mean);
    // Worse over the last 7 days although something was done for it.
    let week: Vec<_> = days
        .iter()
        .filter(|d| today - d.0 <= Duration::days(6))
        .collect();
    let cared = history
        .iter()
        .any(|(d, c)| today - *d <= Duration::days(6) && !c.treatments.is_empty());
    if let (Some(first), Some(last)) = (week.first(), week.last())
        && last.0 - first.0 >= Duration::days(2)
        && last.1 - first.1 >= 2.0
        && cared
    {
        raise(
            "worsening-despite-self-care",
            format!(
                "average pain rose from {:.1} on {} to {:.1} on {}",
                first.1, first.0, last.1, last.0
            ),
            last.2,
        );
    }
    // No real improvement 14 days into the episode: first three logged days against the last three.
    let start = settings.onset.or(days.first().map(|d| d.0));
    let Some(start) = start else { return };
    let logged: Vec<_> = days.iter().filter(|d| d.0 >= start).collect();
    let (Some(first), Some(last)) = (logged.first(), logged.last()) else {
        return;
    };
    if today - start < Duration::days(14)
        || last.0 - first.0 < Duration::days(14)
        || today - last.0 > Duration::days(2)
    {
        return;
    }
    let early: Vec<f64> = logged.iter().take(3).map(|d| d.1).collect();
    let recent: Vec<f64> = logged
        .iter()
        .filter(|d| last.0 - d.0 <= Duration::days(2))
        .map(|d| d.1)
        .collect();
    let (early, recent) = (avg(&early), avg(&recent));
    if recent > 0.0 && !meaningful_drop(early, recent) {
        raise(
            "no-improvement-14-days",
            format!(
                "average pain {early:.1} at the start ({}) and {recent:.1} now",
                first.0
            ),
            last.2,
        );
    }
}

fn avg(values: &[f64]) -> f64 {
    values.iter().sum::<f64>() / values.len().max(1) as f64
}

fn episode_rules(
    history: &[Dated],
    settings: &Settings,
    now: DateTime<Utc>,
    today: NaiveDate,
    raise: &mut Raise,
) {
    let Some(onset) = settings.onset else { return };
    let Some((_, last)) = history.last() else {
        return;
    };
    if last.pain == 0 || now - last.at > Duration::days(7) {
        return;
    }
    let age = today - onset;
    let at = |days: i64| {
        let date = onset + Duration::days(days);
        date.and_hms_opt(0, 0, 0).map_or(now, |d| d.and_utc())
    };
    if age >= Duration::weeks(12) {
        raise(
            "past-12-weeks",
            format!("it began on {onset}, {} weeks ago", age.num_weeks()),
            at(84),
        );
    } else if age >= Duration::weeks(4) {
        raise(
            "still-present-4-weeks",
            format!("it began on {onset}, {} weeks ago", age.num_weeks()),
            at(28),
        );
    }
}
