//! The binding table is the one source of keys: every key a footer shows does what the table
//! says where it is shown, and Help lists every binding.

use crate::common;
use chrono::{TimeZone, Utc};
use nape::app::{Focus, Msg, Screen};
use nape::keys::{self, Key};
use nape::store::MemoryStore;
use nape::ui;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

fn events(key: Key) -> Vec<(KeyEvent, Option<char>)> {
    match key {
        Key::Code(code) => vec![(KeyEvent::from(code), None)],
        Key::Ctrl(c) => vec![(KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL), None)],
        Key::Digit => ('0'..='9')
            .map(|d| (KeyEvent::from(KeyCode::Char(d)), Some(d)))
            .collect(),
    }
}

#[test]
fn every_footer_key_does_what_the_table_says_where_it_is_shown() {
    let mut checked = 0;
    for focus in enum_iterator::all::<Focus>() {
        let footer = keys::footer(focus);
        assert!(!footer.is_empty(), "{focus:?} shows no keys");
        let shown = keys::table()
            .iter()
            .filter(|b| b.footer.is_some() && keys::applies(b, focus));
        for binding in shown {
            assert!(footer.contains(&(binding.label, binding.footer.unwrap())));
            for key in &binding.keys {
                for (event, digit) in events(*key) {
                    let expected = digit.map_or(binding.msg, Msg::Digit);
                    assert_eq!(
                        keys::map(focus, event),
                        Some(expected),
                        "{focus:?}: {:?} is shown as \"{} {}\"",
                        event.code,
                        binding.label,
                        binding.footer.unwrap()
                    );
                    checked += 1;
                }
            }
        }
    }
    assert!(checked > 50, "only {checked} keys checked");
}

#[test]
fn help_lists_every_binding() {
    let now = Utc.with_ymd_and_hms(2026, 3, 10, 9, 30, 0).unwrap();
    let mut app = common::app::open(MemoryStore::new(), now);
    app.update(Msg::Enter, now); // through the welcome
    app.update(Msg::Goto(Screen::Help), now);
    let text = common::draw::rows(&app, 160, 200).join(
        "
",
    );
    for binding in keys::table() {
        let line = format!("{}  {}", binding.label, binding.help);
        assert!(text.contains(&line), "Help does not list \"{line}\"");
    }
}

#[test]
fn help_explains_the_source_ids_and_lists_the_shell_commands() {
    let now = Utc.with_ymd_and_hms(2026, 3, 10, 9, 30, 0).unwrap();
    let mut app = common::app::open(MemoryStore::new(), now);
    app.update(Msg::Enter, now);
    app.update(Msg::Goto(Screen::Help), now);
    let text = common::draw::rows(&app, 160, 300).join(
        "
",
    );
    // Every source id the red-flag catalog cites is explained.
    for def in nape::domain::redflag::catalog() {
        for source in &def.sources {
            assert!(
                text.contains(&format!("[{source}]")),
                "{source} not explained"
            );
        }
    }
    for command in [
        "nape log",
        "nape timer start",
        "nape status",
        "nape export",
        "nape check",
    ] {
        assert!(text.contains(command), "{command} not listed");
    }
}

#[test]
fn help_stops_scrolling_at_its_end() {
    let now = Utc.with_ymd_and_hms(2026, 3, 10, 9, 30, 0).unwrap();
    let mut app = common::app::open(MemoryStore::new(), now);
    app.update(Msg::Enter, now);
    app.update(Msg::Goto(Screen::Help), now);
    for _ in 0..2000 {
        app.update(Msg::Down, now);
    }
    let mut terminal = Terminal::new(TestBackend::new(80, 24)).unwrap();
    terminal.draw(|frame| ui::view(&app, frame)).unwrap();
    let buffer = terminal.backend().buffer();
    // The body (below banner and tabs, above the footer) still shows text, not an empty page,
    // and the very last line can be reached.
    let body: String = (3..22)
        .map(|y| (0..80).map(|x| buffer[(x, y)].symbol()).collect::<String>())
        .collect();
    assert!(!body.trim().is_empty(), "scrolled past the end");
    assert!(body.contains("[S16]"), "the end is reachable: {body}");
    let mut small = Terminal::new(TestBackend::new(40, 12)).unwrap();
    small.draw(|frame| ui::view(&app, frame)).unwrap();
    let buffer = small.backend().buffer();
    let body: String = (0..12)
        .map(|y| (0..40).map(|x| buffer[(x, y)].symbol()).collect::<String>())
        .collect();
    assert!(
        body.contains("stroke"),
        "the end is reachable at 40x12: {body}"
    );
}

#[test]
fn help_gives_the_session_numbers_in_force() {
    let now = Utc.with_ymd_and_hms(2026, 3, 10, 9, 30, 0).unwrap();
    let mut app = common::app::open(MemoryStore::new(), now);
    app.update(Msg::Enter, now);
    app.update(Msg::Goto(Screen::Help), now);
    let mut terminal = Terminal::new(TestBackend::new(200, 60)).unwrap();
    terminal.draw(|frame| ui::view(&app, frame)).unwrap();
    let buffer = terminal.backend().buffer();
    let text: String = (0..60)
        .map(|y| {
            (0..200)
                .map(|x| buffer[(x, y)].symbol())
                .collect::<String>()
        })
        .collect();
    let gap = app.diary().limits().gap_minutes;
    assert!(text.contains(&format!("{gap} minutes apart")), "{text}");
}

#[test]
fn every_arrow_a_label_shows_is_a_key_of_that_binding() {
    for binding in keys::table() {
        for (arrow, code) in [
            ('←', KeyCode::Left),
            ('→', KeyCode::Right),
            ('↑', KeyCode::Up),
            ('↓', KeyCode::Down),
        ] {
            if binding.label.contains(arrow) {
                assert!(
                    binding.keys.contains(&Key::Code(code)),
                    "{:?}: label {:?} shows {arrow}, which it does not take",
                    binding.msg,
                    binding.label
                );
            }
        }
    }
}

/// The README's table of keys is written by hand for people; every key of the binding table
/// must still be in its row, so the two cannot drift apart.
#[test]
fn the_readme_names_every_key_of_the_binding_table() {
    use ratatui::crossterm::event::KeyCode;
    let readme = include_str!("../../README.md");
    let row = |start: &str| -> String {
        (readme.lines())
            .find(|l| l.starts_with(&format!("| {start} |")))
            .unwrap_or_else(|| panic!("the README has no keys row for {start}"))
            .to_string()
    };
    let rows = [
        ("Everywhere", "everywhere"),
        ("Today", "Today"),
        ("Check-in form", "check-in form"),
        ("Timers", "Timers"),
        ("Stretches", "Stretches"),
        ("Trends", "Trends"),
        ("Red flags", "Red flags, Help"),
        ("Help", "Red flags, Help"),
        ("Settings and the welcome", "Settings"),
        ("Questions", "a warning sign just reported"),
        (
            "Long pages and lists, and the keys shown in place",
            "long pages and lists",
        ),
    ];
    let mut missing = Vec::new();
    for (section, focuses) in keys::SECTIONS {
        let Some((_, name)) = rows.iter().find(|(s, _)| s == section) else {
            continue;
        };
        let text = row(name);
        for binding in keys::section(focuses) {
            for key in &binding.keys {
                let written = match key {
                    Key::Digit => "`0`-`9`".to_string(),
                    Key::Ctrl(c) => format!("`Ctrl-{}`", c.to_ascii_uppercase()),
                    Key::Code(KeyCode::Char(' ')) => "`Space`".to_string(),
                    Key::Code(KeyCode::Char(c)) => format!("`{c}`"),
                    Key::Code(KeyCode::Up) => "`↑`".to_string(),
                    Key::Code(KeyCode::Down) => "`↓`".to_string(),
                    Key::Code(KeyCode::Left) => "`←`".to_string(),
                    Key::Code(KeyCode::Right) => "`→`".to_string(),
                    Key::Code(KeyCode::BackTab) => "`Shift-Tab`".to_string(),
                    Key::Code(KeyCode::Delete) => "`Delete`".to_string(),
                    Key::Code(code) => format!("`{code}`"),
                };
                // An upper-case letter beside its lower case is the same key with Shift.
                let shifted = matches!(key, Key::Code(KeyCode::Char(c))
                    if c.is_ascii_uppercase()
                        && binding.keys.contains(&Key::Code(KeyCode::Char(c.to_ascii_lowercase()))));
                // A run of digits written "`1`-`4`".
                let in_run = matches!(key, Key::Code(KeyCode::Char(c)) if c.is_ascii_digit()
                && (text.match_indices("`-`").any(|(i, _)| {
                    let (from, to) = (text.as_bytes()[i - 1], text.as_bytes()[i + 3]);
                    (from..=to).contains(&(*c as u8))
                })));
                if !(text.contains(&written) || shifted || in_run) {
                    missing.push(format!("{name}: {written} ({})", binding.help));
                }
            }
        }
    }
    assert!(
        missing.is_empty(),
        "not in the README:\n{}",
        missing.join("\n")
    );
}
