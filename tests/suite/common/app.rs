//! The app as the tests' person opens it: in UTC, with a British locale (emergency number 999).

use chrono::{DateTime, FixedOffset, Utc};
use nape::app::App;
use nape::clock::Zone;
use nape::diary::{Act, Diary, Outcome};
use nape::domain::checkin::Draft;
use nape::store::Store;
use uuid::Uuid;

pub const LOCALE: &str = "en_GB.UTF-8";

pub fn utc() -> Zone {
    Zone::Fixed(FixedOffset::east_opt(0).expect("UTC"))
}

/// The app over `store` opened at `now`.
pub fn open(store: impl Store + 'static, now: DateTime<Utc>) -> App {
    App::with_diary(
        Diary::open(Box::new(store), utc(), LOCALE, now),
        now,
        LOCALE,
    )
}

/// What a person would type for a check-in at `at` (read in UTC, as `utc()` does): the pain
/// and the symptoms ticked.
pub fn draft(at: DateTime<Utc>, pain: u8, symptoms: &[&str]) -> Draft {
    Draft {
        pain: pain.to_string(),
        at: at.format("%Y-%m-%d %H:%M").to_string(),
        symptoms: symptoms.iter().map(ToString::to_string).collect(),
        ..Draft::default()
    }
}

/// A check-in saved through `diary` at `now`, as `nape log` saves one: its id, and what it set
/// off.
pub fn log(diary: &mut Diary, draft: Draft, now: DateTime<Utc>) -> (Uuid, Outcome) {
    let id = nape::record::new_id(now);
    let outcome = diary.act(Act::Log { id, draft }, now).expect("saved");
    (id, outcome)
}
