//! The app as the tests' person opens it: in UTC, with a British locale (emergency number 999).

use chrono::{DateTime, FixedOffset, Utc};
use nape::app::App;
use nape::clock::Zone;
use nape::diary::Diary;
use nape::store::Store;

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
