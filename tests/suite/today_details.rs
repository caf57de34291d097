//! On a terminal too small for the detail pane, `v` shows the picked check-in in full.

use crate::common;

use chrono::{DateTime, TimeZone, Utc};
use nape::app::{App, Msg};
use nape::keys;
use nape::store::MemoryStore;
use ratatui::crossterm::event::{KeyCode, KeyEvent};

fn now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 3, 10, 9, 30, 0).unwrap()
}

fn press(app: &mut App, code: KeyCode) {
    press_at(app, code, now());
}

fn press_at(app: &mut App, code: KeyCode, at: DateTime<Utc>) {
    if let Some(msg) = keys::map(app.focus(), KeyEvent::from(code)) {
        app.update(msg, at);
    }
}

fn screen(app: &App) -> String {
    common::draw::rows(app, 40, 12).join("\n")
}

/// Two check-ins, each with a note of two lines, from the full form.
fn app() -> App {
    let mut app = common::app::open(MemoryStore::new(), now());
    app.update(Msg::Enter, now());
    let entries = [
        ('3', "desk all day", "eased by ice"),
        ('5', "drove", "worse"),
    ];
    for (minutes, (pain, first, second)) in [-20, -10].into_iter().zip(entries) {
        let at = now() + chrono::Duration::minutes(minutes);
        let press = |app: &mut App, code| press_at(app, code, at);
        press(&mut app, KeyCode::Char('a'));
        press(&mut app, KeyCode::Char(pain));
        while app.form().unwrap().focused() != nape::app::Item::Note {
            press(&mut app, KeyCode::Tab);
        }
        for c in first.chars() {
            press(&mut app, KeyCode::Char(c));
        }
        press(&mut app, KeyCode::Enter);
        for c in second.chars() {
            press(&mut app, KeyCode::Char(c));
        }
        app.update(Msg::Save, at);
    }
    app
}

#[test]
fn v_shows_the_picked_entry_in_full_where_no_pane_fits() {
    let mut app = app();
    let list = screen(&app);
    assert!(
        !list.contains("eased by ice"),
        "no room for a pane:\n{list}"
    );
    assert!(
        list.contains("v: details of the picked"),
        "the list says how:\n{list}"
    );
    press(&mut app, KeyCode::Up);
    press(&mut app, KeyCode::Char('v'));
    let details = screen(&app);
    assert!(details.contains("desk all day"), "{details}");
    assert!(details.contains("eased by ice"), "{details}");
    assert!(details.contains("1 of 2"), "{details}");
    press(&mut app, KeyCode::Down);
    let next = screen(&app);
    assert!(next.contains("drove") && next.contains("2 of 2"), "{next}");
    press(&mut app, KeyCode::Esc);
    let back = screen(&app);
    assert!(
        !back.contains("2 of 2") && back.contains("pain 5"),
        "{back}"
    );
}

/// A note in a script whose characters take two columns each is wrapped by what it takes on
/// screen, as ratatui draws it, so none of it is cut off in the form.
#[test]
fn a_note_of_wide_characters_is_wrapped_whole_in_the_form() {
    let note = "首が痛い。".repeat(12);
    let store = MemoryStore::new();
    let at = now() - chrono::Duration::minutes(5);
    let draft = nape::domain::checkin::Draft {
        note: Some(note.clone()),
        ..common::app::draft(at, 4, &[])
    };
    let mut diary = nape::diary::Diary::open(Box::new(store), common::app::utc(), "C", at);
    common::app::log(&mut diary, draft, at);
    let mut app = App::with_diary(diary, now(), common::app::LOCALE);
    app.update(Msg::Enter, now()); // the welcome
    press(&mut app, KeyCode::Enter); // edit the check-in
    assert!(app.form().is_some());
    let rows = common::draw::rows(&app, 60, 150);
    let shown = rows.join("").matches('痛').count();
    assert_eq!(shown, 12, "{}", rows.join("\n"));
}
