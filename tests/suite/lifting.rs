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

/// An edit that moves a check-in to another day can take a same-day sign away: told too.
#[test]
fn moving_a_check_in_to_another_day_can_lift_a_lock_and_says_so() {
    let store = Shared::default();
    let morning = now() - Duration::hours(2);
    let mut diary = Diary::open(Box::new(store), utc(), LOCALE, now());
    let (dizzy, _) = log(&mut diary, draft(morning, 3, &["dizziness"]), now());
    let manipulation = nape::domain::checkin::Draft {
        context: vec!["manipulation".into()],
        ..draft(now() - Duration::hours(1), 3, &[])
    };
    log(&mut diary, manipulation, now());
    assert!(diary.locked(), "the same-day emergency");
    let record = diary.checkins().iter().find(|r| r.id == dizzy).unwrap();
    let moved = nape::domain::checkin::CheckIn {
        at: now() - Duration::hours(30),
        ..record.body.clone()
    };
    let lifted = diary.lifts(dizzy, Some(&moved), now());
    assert!(
        lifted
            .iter()
            .any(|f| f.def.id == "manipulation-then-nerve-symptoms"),
        "{lifted:?}"
    );
}

/// An edit that both jumps to severe pain and takes a sign away asks about the lock first.
#[test]
fn a_jump_question_never_hides_the_lock_question() {
    let store = Shared::default();
    let earlier = now() - Duration::hours(3);
    let hour_ago = now() - Duration::hours(1);
    let mut writer = Diary::open(Box::new(store.clone()), utc(), LOCALE, hour_ago);
    log(&mut writer, draft(earlier, 4, &[]), hour_ago);
    log(&mut writer, draft(hour_ago, 4, &["weakness"]), hour_ago);
    let mut app = common::app::open(store, now());
    code(&mut app, KeyCode::Enter); // the welcome
    if app.alert().is_some() {
        code(&mut app, KeyCode::Enter);
    }
    code(&mut app, KeyCode::Char('t'));
    code(&mut app, KeyCode::Down); // the later check-in
    code(&mut app, KeyCode::Enter);
    code(&mut app, KeyCode::Backspace);
    code(&mut app, KeyCode::Char('9'));
    code(&mut app, KeyCode::Tab);
    code(&mut app, KeyCode::Tab);
    for _ in 0..6 {
        code(&mut app, KeyCode::Down);
    }
    code(&mut app, KeyCode::Char(' ')); // weakness, unticked
    key(
        &mut app,
        KeyEvent::new(KeyCode::Char('s'), KeyModifiers::CONTROL),
    );
    let question = app.confirm().expect("asks").question.clone();
    assert!(question.contains("lock lifts"), "{question}");
    code(&mut app, KeyCode::Char('y'));
    let question = app
        .confirm()
        .expect("then the jump question")
        .question
        .clone();
    assert!(question.contains("4 to 9"), "{question}");
    code(&mut app, KeyCode::Char('n'));
    assert!(!app.diary().locked(), "saved as it is");
}
