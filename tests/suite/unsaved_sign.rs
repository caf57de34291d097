//! A warning-sign answer that could not be saved (a damaged file, a full disk) still gets the
//! full message with the number first, then why it was not saved.

use crate::common;

use chrono::{DateTime, TimeZone, Utc};
use common::shared::Shared;
use nape::app::App;
use nape::keys;
use nape::store::{Applied, Collection, DateRange, Loaded, Op, Store, StoreError};
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

fn now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 5, 4, 10, 0, 0).unwrap()
}

/// Check-ins cannot be written: their month file is damaged.
#[derive(Clone, Default)]
struct Spoiled(Shared);

impl Store for Spoiled {
    fn load(&self, c: Collection, r: DateRange) -> Result<Loaded, StoreError> {
        self.0.load(c, r)
    }
    fn apply(&self, c: Collection, ops: Vec<Op>) -> Result<Applied, StoreError> {
        if c.name == "checkins" {
            return Err(StoreError::NotFound(uuid::Uuid::nil()));
        }
        self.0.apply(c, ops)
    }
    fn stamp(&self, c: Collection) -> u64 {
        self.0.stamp(c)
    }
    fn location(&self) -> String {
        self.0.location()
    }
}

fn key(app: &mut App, key: KeyEvent) {
    if let Some(msg) = keys::map(app.focus(), key) {
        app.update(msg, now());
    }
}

#[test]
fn a_sign_the_app_could_not_save_gets_the_message_and_the_number_first() {
    let mut app = common::app::open(Spoiled::default(), now());
    let code = |app: &mut App, c| key(app, KeyEvent::from(c));
    code(&mut app, KeyCode::Enter); // the welcome
    code(&mut app, KeyCode::Char('a')); // the full form
    code(&mut app, KeyCode::Char('4'));
    code(&mut app, KeyCode::Tab); // where it hurts
    code(&mut app, KeyCode::Tab); // symptoms
    for _ in 0..6 {
        code(&mut app, KeyCode::Down);
    }
    code(&mut app, KeyCode::Char(' ')); // weakness: a stroke sign
    key(
        &mut app,
        KeyEvent::new(KeyCode::Char('s'), KeyModifiers::CONTROL),
    );
    assert!(app.diary().checkins().is_empty(), "not saved");
    let alert = app.alert().expect("the message, saved or not");
    assert!(alert.title.contains("call 999"), "{alert:?}");
    assert!(
        alert.lines.iter().any(|l| l.contains("not saved")),
        "{alert:?}"
    );
    assert_eq!(app.bell(), 1);
}
