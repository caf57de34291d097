//! Deleting or editing away the check-in that holds an unassessed emergency or urgent sign
//! lifts its lock: the question says so before, and undo brings it back.

use crate::common;

use chrono::{DateTime, Duration, TimeZone, Utc};
use common::app::{LOCALE, draft, log, utc};
use common::shared::Shared;
use nape::app::App;
use nape::diary::Diary;
use nape::keys;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

fn now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 5, 4, 10, 0, 0).unwrap()
}

fn key(app: &mut App, key: KeyEvent) {
    if let Some(msg) = keys::map(app.focus(), key) {
        app.update(msg, now());
    }
}

fn code(app: &mut App, c: KeyCode) {
    key(app, KeyEvent::from(c));
}

/// An app whose only check-in reported weakness (a stroke sign) an hour ago, not assessed.
fn locked_app() -> App {
    let store = Shared::default();
    let hour_ago = now() - Duration::hours(1);
    let mut writer = Diary::open(Box::new(store.clone()), utc(), LOCALE, hour_ago);
    log(&mut writer, draft(hour_ago, 4, &["weakness"]), hour_ago);
    let mut app = common::app::open(store, now());
    code(&mut app, KeyCode::Enter); // the welcome
    if app.alert().is_some() {
        code(&mut app, KeyCode::Enter); // the message read
    }
    assert!(app.diary().locked());
    app
}

#[test]
fn deleting_the_check_in_that_holds_a_lock_says_so_and_undo_brings_the_lock_back() {
    let mut app = locked_app();
    code(&mut app, KeyCode::Char('t'));
    code(&mut app, KeyCode::Char('d'));
    let question = &app
        .confirm()
        .unwrap_or_else(|| panic!("asks first: {:?}", common::draw::rows(&app, 80, 24)))
        .question;
    assert!(question.contains("stroke signs"), "{question}");
    assert!(question.contains("lock"), "{question}");
    code(&mut app, KeyCode::Char('y'));
    assert!(!app.diary().locked(), "deleted, the lock lifts");
    code(&mut app, KeyCode::Char('u'));
    assert!(app.diary().locked(), "brought back, locked again");
}

#[test]
fn editing_a_lock_away_asks_first_and_no_keeps_it() {
    let mut app = locked_app();
    code(&mut app, KeyCode::Char('t'));
    code(&mut app, KeyCode::Enter); // edit the check-in
    assert!(app.form().is_some());
    code(&mut app, KeyCode::Tab); // where it hurts
    code(&mut app, KeyCode::Tab); // symptoms
    for _ in 0..6 {
        code(&mut app, KeyCode::Down);
    }
    code(&mut app, KeyCode::Char(' ')); // weakness, unticked
    let save = KeyEvent::new(KeyCode::Char('s'), KeyModifiers::CONTROL);
    key(&mut app, save);
    let question = &app.confirm().expect("asks before saving").question;
    assert!(question.contains("stroke signs"), "{question}");
    code(&mut app, KeyCode::Char('n'));
    assert!(app.diary().locked(), "not saved");
    assert_eq!(app.diary().checkins()[0].body.symptoms, ["weakness"]);
    key(&mut app, save);
    code(&mut app, KeyCode::Char('y'));
    assert!(!app.diary().locked(), "saved, the lock lifts");
}
