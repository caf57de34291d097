//! Building histories for the warning-sign rules, with time pinned: nothing reads the clock.

use chrono::{DateTime, Duration, NaiveDate, TimeZone, Utc};
use nape::domain::checkin::{CheckIn, Dated};
use nape::domain::redflag::{self, Evidence, evaluate};
use nape::domain::settings::Settings;

pub fn now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 6, 30, 12, 0, 0).unwrap()
}

/// A check-in `hours` before now.
pub fn c(
    hours_ago: i64,
    pain: u8,
    symptoms: &[&str],
    context: &[&str],
    treatments: &[&str],
) -> CheckIn {
    CheckIn {
        symptoms: symptoms.iter().map(|s| s.to_string()).collect(),
        context: context.iter().map(|s| s.to_string()).collect(),
        treatments: treatments.iter().map(|s| s.to_string()).collect(),
        ..CheckIn::new(now() - Duration::hours(hours_ago), pain)
    }
}

pub fn plain(hours_ago: i64, pain: u8) -> CheckIn {
    c(hours_ago, pain, &[], &[], &[])
}

/// Each check-in dated by its UTC date and entered when it happened.
pub fn dated(history: &[CheckIn]) -> Vec<Dated<'_>> {
    history
        .iter()
        .map(|c| Dated {
            date: c.at.date_naive(),
            entered: c.at,
            checkin: c,
        })
        .collect()
}

pub fn ids(
    history: &[CheckIn],
    onset: Option<NaiveDate>,
    assessed: &[DateTime<Utc>],
) -> Vec<String> {
    let mut sorted = history.to_vec();
    sorted.sort_by_key(|c| c.at);
    let history = dated(&sorted);
    let settings = Settings::new("112", onset);
    let evidence = Evidence {
        assessments: assessed,
        ..Evidence::new(&history, &settings)
    };
    named(evaluate(&evidence, now(), now().date_naive()))
}

pub fn named(flags: Vec<redflag::ActiveFlag>) -> Vec<String> {
    flags
        .into_iter()
        .map(|f| {
            format!(
                "{}{}",
                f.def.id,
                if f.assessed_at.is_some() {
                    " (assessed)"
                } else {
                    ""
                }
            )
        })
        .collect()
}

pub fn day(days_ago: i64) -> NaiveDate {
    now().date_naive() - Duration::days(days_ago)
}
