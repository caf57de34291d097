//! Two windows on one diary: an edit based on an older copy of a check-in is refused, not
//! allowed to silently undo the other window's change, and the form then shows what is stored.

use crate::common;
use chrono::{DateTime, Duration, TimeZone, Utc};
use nape::app::{App, Msg, Status};
use nape::keys;
use ratatui::crossterm::event::{KeyCode, KeyEvent};

fn t0() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 3, 10, 9, 30, 0).unwrap()
}

fn window(dir: &std::path::Path, now: DateTime<Utc>) -> App {
    let (store, _) = common::disk_store(&dir.join("data"));
    common::app::open(store, now)
}

fn press(app: &mut App, code: KeyCode, now: DateTime<Utc>) {
    if let Some(msg) = keys::map(app.focus(), KeyEvent::from(code)) {
        app.update(msg, now);
    }
}

fn pain(app: &App) -> u8 {
    app.diary().checkins()[0].body.pain
}

#[test]
fn the_second_edit_of_the_same_check_in_is_refused_and_shows_the_stored_values() {
    let dir = tempfile::tempdir().unwrap();
    let dir = dir.path().join("data");
    let mut a = window(&dir, t0());
    press(&mut a, KeyCode::Enter, t0()); // welcome
    press(&mut a, KeyCode::Char('5'), t0());
    press(&mut a, KeyCode::Enter, t0());
    let later = t0() + Duration::minutes(1);
    let mut b = window(&dir, later);
    b.update(Msg::DataChanged, later);

    // Both open the same check-in.
    press(&mut a, KeyCode::Enter, later);
    press(&mut b, KeyCode::Enter, later);
    assert!(a.form().is_some() && b.form().is_some());

    // B changes the pain to 3 and saves.
    press(&mut b, KeyCode::Backspace, later);
    press(&mut b, KeyCode::Char('3'), later);
    b.update(Msg::Save, later); // Ctrl-S
    assert_eq!(pain(&b), 3);

    // A, still on its copy of 5, changes it to 7: refused.
    let after = later + Duration::minutes(1);
    press(&mut a, KeyCode::Backspace, after);
    press(&mut a, KeyCode::Char('7'), after);
    a.update(Msg::Save, after); // Ctrl-S
    match a.status() {
        Some(Status::Error(text)) => assert!(text.contains("changed elsewhere"), "{text}"),
        other => panic!("expected a refusal, got {other:?}"),
    }
    let form = a.form().expect("the form stays open");
    assert_eq!(form.pain.value(), "3", "it now shows what is stored");
    assert_eq!(pain(&a), 3);

    // What is on disk is B's edit.
    let c = window(&dir, after);
    assert_eq!(pain(&c), 3);
}
