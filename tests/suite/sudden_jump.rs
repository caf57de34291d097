//! A sudden jump to severe pain (9 or 10, 4 or more above the check-in before it within a day)
//! asks the sudden-severe question: in the app before saving, in the shell after.

use crate::common;

use chrono::{DateTime, Duration, TimeZone, Utc};
use common::app::{LOCALE, draft, log, utc};
use common::shared::Shared;
use nape::app::App;
use nape::diary::Diary;
use nape::domain::redflag::sudden_jump;
use nape::keys;
use ratatui::crossterm::event::{KeyCode, KeyEvent};

fn now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 5, 4, 10, 0, 0).unwrap()
}

fn code(app: &mut App, c: KeyCode) {
    if let Some(msg) = keys::map(app.focus(), KeyEvent::from(c)) {
        app.update(msg, now());
    }
}

fn typed(app: &mut App, text: &str) {
    for c in text.chars() {
        code(app, KeyCode::Char(c));
    }
}

#[test]
fn a_jump_is_9_or_10_and_4_or_more_above_the_check_in_before_within_a_day() {
    let t = now();
    let before = |hours: i64, pain| Some((t - Duration::hours(hours), pain));
    assert_eq!(sudden_jump(before(2, 5), t, 9), Some(5));
    assert_eq!(sudden_jump(before(2, 2), t, 10), Some(2));
    assert_eq!(sudden_jump(before(2, 6), t, 9), None, "3 points");
    assert_eq!(sudden_jump(before(2, 3), t, 8), None, "not severe");
    assert_eq!(sudden_jump(before(25, 3), t, 10), None, "more than a day");
    assert_eq!(sudden_jump(None, t, 10), None, "nothing before");
}

/// An app whose last check-in, an hour ago, was pain 3.
fn app_after_pain_3() -> App {
    let store = Shared::default();
    let hour_ago = now() - Duration::hours(1);
    let mut writer = Diary::open(Box::new(store.clone()), utc(), LOCALE, hour_ago);
    log(&mut writer, draft(hour_ago, 3, &[]), hour_ago);
    let mut app = common::app::open(store, now());
    code(&mut app, KeyCode::Enter); // the welcome
    app
}

#[test]
fn a_quick_check_in_that_jumps_asks_and_yes_saves_the_sign() {
    let mut app = app_after_pain_3();
    typed(&mut app, "10");
    code(&mut app, KeyCode::Enter);
    let question = &app.confirm().expect("asked before saving").question;
    assert!(question.contains("3 to 10"), "{question}");
    assert!(question.contains("unlike any before"), "{question}");
    assert_eq!(app.diary().checkins().len(), 1, "not saved yet");
    code(&mut app, KeyCode::Char('y'));
    let last = &app.diary().last_checkin().unwrap().body;
    assert_eq!(
        (last.pain, last.symptoms.as_slice()),
        (10, &["worst-headache".to_string()][..])
    );
    assert!(app.alert().is_some(), "the emergency message follows");
}

#[test]
fn no_saves_the_check_in_as_it_is() {
    let mut app = app_after_pain_3();
    typed(&mut app, "9");
    code(&mut app, KeyCode::Enter);
    assert!(app.confirm().is_some());
    code(&mut app, KeyCode::Char('n'));
    let last = &app.diary().last_checkin().unwrap().body;
    assert_eq!(last.pain, 9);
    assert!(last.symptoms.is_empty());
    assert!(!app.diary().locked());
}

#[test]
fn the_shell_says_the_question_after_a_jump() {
    let diary = common::Diary::new();
    diary.ok(&["log", "3"]);
    let out = diary.ok(&["log", "10"]);
    assert!(out.contains("Pain 3 to 10 within a day"), "{out}");
    assert!(out.contains("-s worst-headache"), "{out}");
    let answered = diary.ok(&["log", "10", "-s", "worst-headache"]);
    assert!(!answered.contains("within a day"), "{answered}");
}
