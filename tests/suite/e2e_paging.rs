//! Paging keys and the keys shown in place, through the real binary in a pseudo-terminal.

use crate::common;

use common::Diary;
use common::pty::Session;

const PAGE_DOWN: &str = "\x1b[6~";
const PAGE_UP: &str = "\x1b[5~";
const HOME: &str = "\x1b[H";
const END: &str = "\x1b[F";
const F1: &str = "\x1bOP";

fn settled(diary: &Diary, rows: u16, cols: u16) -> Session {
    let mut app = Session::start_sized(diary, rows, cols);
    app.wait_for("Welcome to nape");
    app.send("\r");
    app.wait_for("Pain now?");
    app
}

/// The rows of the page between the tab row and the footer, trimmed.
fn body(screen: &str) -> Vec<String> {
    let rows: Vec<&str> = screen.lines().collect();
    rows[2..rows.len().saturating_sub(2)]
        .iter()
        .map(|r| r.trim_end().to_string())
        .collect()
}

#[test]
fn help_pages_down_and_up_and_jumps_to_either_end() {
    for (rows, cols) in [(24, 80), (12, 40)] {
        let diary = Diary::new();
        let mut app = settled(&diary, rows, cols);
        app.send("h");
        // The footer is drawn after the page: once it is Help's, the page is whole.
        let top = app.wait_until("Help", |s| {
            s.contains("nape: a self-care coach") && s.contains("↓ scroll")
        });
        let top = body(&top);
        // A page down puts the last row of the page near the top, not one row further.
        app.send(PAGE_DOWN);
        let last = top.last().unwrap().clone();
        app.wait_until("a page down", |s| body(s).first() == Some(&last));
        app.send(PAGE_UP);
        app.wait_for("nape: a self-care coach");
        // Space pages down as PageDown does; G and End go to the end; g and Home to the top.
        app.send(" ");
        app.wait_gone("nape: a self-care coach");
        app.send("G");
        // Help ends with the last source.
        let last_source = nape::domain::sources::sources().last().unwrap().id.clone();
        let last_source = format!("[{last_source}]");
        let end = app.wait_until("the end of Help", |s| s.contains(&last_source));
        app.send("g");
        app.wait_for("nape: a self-care coach");
        app.send(END);
        app.wait_until("the end again", |s| body(s) == body(&end));
        app.send(HOME);
        app.wait_for("nape: a self-care coach");
        // Ctrl-D is half a page.
        app.send("\x04");
        let half = top[top.len() / 2].clone();
        app.wait_until("half a page", |s| body(s).first() == Some(&half));
        app.send("\x15"); // Ctrl-U
        app.wait_for("nape: a self-care coach");
        app.send("q");
        assert_eq!(app.wait_exit(), (true, true));
    }
}

#[test]
fn question_mark_shows_every_key_of_today_in_place_and_esc_closes() {
    let diary = Diary::new();
    let mut app = settled(&diary, 24, 80);
    // Today's footer, once drawn, ends with the key that shows the rest.
    let last = |s: &str| s.lines().last().unwrap_or("").trim_end().to_string();
    let screen = app.wait_until("Today's footer", |s| last(s).starts_with("0-10 Enter"));
    let footer = last(&screen);
    assert!(footer.ends_with("? keys"), "{footer}");
    // Keys with no room in the footer are in the keys shown.
    for hidden in ["delete", "day before", "backfill", "bring back"] {
        assert!(!footer.contains(hidden), "{footer}");
    }
    app.send("?");
    let keys = [
        "delete the picked entry",
        "the day before",
        "a check-in for the day shown",
        "bring back the check-in deleted last",
    ];
    app.wait_until("the keys", |s| {
        s.contains("Keys here") && keys.iter().all(|k| s.contains(k))
    });
    // While shown, keys do not reach Today: a digit types no pain.
    app.send("7");
    app.send("\x1b");
    app.wait_gone("Keys here");
    assert!(!app.contents().contains("Pain now:  7"));
    // h from there opens the whole Help.
    app.send("?");
    app.wait_for("Keys here");
    app.send("h");
    app.wait_for("nape: a self-care coach");
    app.send("q");
    assert_eq!(app.wait_exit(), (true, true));
}

#[test]
fn in_a_text_field_f1_shows_the_keys_and_a_question_mark_is_text() {
    let diary = Diary::new();
    let mut app = settled(&diary, 12, 40);
    app.send("a");
    app.wait_for("F1 keys");
    app.send("\x1b[B\x1b[B");
    app.send(F1);
    let shown = app.wait_until("the keys", |s| s.contains("Keys here"));
    assert!(shown.contains("Ctrl-S"), "{shown}");
    app.send(F1);
    app.wait_gone("Keys here");
    app.send("\x03\x03");
    assert_eq!(app.wait_exit(), (true, true));
}

#[test]
fn the_whole_help_from_the_keys_of_a_form_leaves_the_form_waiting_on_today() {
    let diary = Diary::new();
    let mut app = settled(&diary, 24, 80);
    app.send("a6");
    app.wait_for("New check-in");
    app.send(F1);
    app.wait_for("Keys here");
    app.send("h");
    // Help, whole and working: it scrolls, and the form is not drawn over it.
    app.wait_until("Help", |s| {
        s.contains("nape: a self-care coach") && !s.contains("New check-in")
    });
    app.send("G");
    app.wait_gone("nape: a self-care coach");
    app.send("t");
    app.wait_until("the form again", |s| {
        s.contains("New check-in") && s.contains("Pain now (0-10)   6")
    });
    app.send("\x03\x03");
    assert_eq!(app.wait_exit(), (true, true));
}

#[test]
fn a_long_list_of_routines_scrolls_to_keep_the_picked_one_in_sight() {
    let diary = Diary::new();
    let dir = diary.dir.path().join("config").join("routines");
    std::fs::create_dir_all(&dir).unwrap();
    for n in 1..=14 {
        let routine = format!(
            r#"{{"id": "mine-{n:02}", "name": "Mine {n:02}", "version": 1,
            "description": "One of many.", "steps": [{{"exercise": "chin-tuck"}}]}}"#
        );
        std::fs::write(dir.join(format!("mine-{n:02}.json")), routine).unwrap();
    }
    let mut app = settled(&diary, 12, 40);
    app.send("s");
    app.wait_for("Desk reset");
    app.send("G");
    app.wait_for("› Mine 14");
    app.send("g");
    app.wait_for("› Desk reset");
    app.send(PAGE_DOWN);
    app.wait_for("› Mine 07"); // ten down: past the four built in
    app.send("q");
    assert_eq!(app.wait_exit(), (true, true));
}
