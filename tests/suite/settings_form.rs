//! The Settings form: fixed choices chosen, numbers that take digits only, every bad field named
//! at once, and an onset typed in the same words as a check-in's time.

use crate::common;
use chrono::{DateTime, TimeZone, Utc};
use nape::app::{App, Focus, SettingField};
use nape::domain::settings::CueMode;
use nape::keys;
use nape::store::MemoryStore;
use ratatui::crossterm::event::{KeyCode, KeyEvent};

fn t0() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 3, 10, 9, 30, 0).unwrap()
}

fn press(app: &mut App, code: KeyCode) {
    if let Some(msg) = keys::map(app.focus(), KeyEvent::from(code)) {
        app.update(msg, t0());
    }
}

fn type_text(app: &mut App, text: &str) {
    for c in text.chars() {
        press(app, KeyCode::Char(c));
    }
}

/// The Settings form open for changes, on `field`.
fn settings_on(field: SettingField) -> App {
    let mut app = common::app::open(MemoryStore::new(), t0());
    press(&mut app, KeyCode::Enter); // past the welcome
    type_text(&mut app, "e");
    press(&mut app, KeyCode::Enter);
    while app.settings_form().focused() != field {
        press(&mut app, KeyCode::Tab);
    }
    app
}

#[test]
fn stretch_cues_are_chosen_with_the_arrows_and_space_not_typed() {
    let mut app = settings_on(SettingField::Cues);
    assert_eq!(app.focus(), Focus::SettingsEdit { text: false });
    assert_eq!(app.settings_form().cues, CueMode::Bell);
    press(&mut app, KeyCode::Right);
    assert_eq!(app.settings_form().cues, CueMode::Voice);
    press(&mut app, KeyCode::Char(' '));
    assert_eq!(app.settings_form().cues, CueMode::Off);
    press(&mut app, KeyCode::Left);
    assert_eq!(app.settings_form().cues, CueMode::Voice);
    press(&mut app, KeyCode::Left);
    press(&mut app, KeyCode::Enter);
    let saved = app.diary().settings().unwrap().body.cue_mode();
    assert_eq!(saved, CueMode::Bell);
}

#[test]
fn a_letter_in_a_number_is_refused_at_once_and_changes_nothing() {
    let mut app = settings_on(SettingField::SessionMinutes);
    let before = app.settings_form().session_minutes.value().to_string();
    type_text(&mut app, "x");
    assert_eq!(app.settings_form().session_minutes.value(), before);
    let error = app.settings_form().error.clone().expect("says why");
    assert!(
        error.contains("Session length") && error.contains("digits"),
        "{error}"
    );
    // Digits go in (the first replaces the value shown).
    type_text(&mut app, "12");
    assert_eq!(app.settings_form().session_minutes.value(), "12");
    assert!(app.settings_form().error.is_none());
}

#[test]
fn every_bad_field_is_named_at_once() {
    let mut app = settings_on(SettingField::ColdHours);
    type_text(&mut app, "99"); // cold hours out of bounds
    press(&mut app, KeyCode::Tab);
    type_text(&mut app, "1"); // session length too short
    press(&mut app, KeyCode::Tab);
    type_text(&mut app, "5"); // gap too short
    press(&mut app, KeyCode::Enter);
    // Each under its own field, and the cursor on the first.
    let problems = &app.settings_form().problems;
    let fields: Vec<SettingField> = problems.iter().map(|(f, _)| *f).collect();
    assert_eq!(
        fields,
        [
            SettingField::ColdHours,
            SettingField::SessionMinutes,
            SettingField::GapMinutes
        ]
    );
    for ((_, why), name) in problems.iter().zip([
        "Cold for the first",
        "Session length",
        "Gap between sessions",
    ]) {
        assert!(why.contains(name), "{name}: {why}");
    }
    assert_eq!(app.settings_form().focused(), SettingField::ColdHours);
    let said = app.settings_form().error.clone().unwrap_or_default();
    assert!(said.contains("3 fields to fix"), "{said}");
}

#[test]
fn the_onset_takes_the_same_time_words_as_when() {
    for (typed, date, time) in [
        ("yesterday 08:30", "2026-03-09", Some("08:30:00")),
        ("yesterday", "2026-03-09", None),
        ("07:15", "2026-03-10", Some("07:15:00")),
        ("2026-03-01", "2026-03-01", None),
    ] {
        let mut app = settings_on(SettingField::Onset);
        press(&mut app, KeyCode::Right); // on a date
        press(&mut app, KeyCode::Tab);
        type_text(&mut app, typed);
        press(&mut app, KeyCode::Enter);
        assert_eq!(app.settings_form().error, None, "{typed}");
        let saved = &app.diary().settings().unwrap().body;
        assert_eq!(saved.onset.unwrap().to_string(), date, "{typed}");
        let at = saved.onset_time.map(|t| t.to_string());
        assert_eq!(at.as_deref(), time, "{typed}");
    }
}
