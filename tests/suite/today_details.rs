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
