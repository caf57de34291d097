//! Every screen drawn into a test terminal: snapshots at 80x24 and 40x12, no panic at any size,
//! the banner always on top, and levels visible without colour.

use crate::common;

use chrono::{DateTime, Duration, FixedOffset, TimeZone, Utc};
use nape::app::{App, Msg, Screen};
use nape::clock::Zone;
use nape::diary::Diary;
use nape::domain::checkin::CheckIn;
use nape::domain::therapy::{PackKind, Skin};
use nape::store::{MemoryStore, Record, Store};
use nape::ui;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::style::{Color, Modifier};

fn t0() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 3, 10, 9, 30, 0).unwrap()
}

fn checkin(hours_ago: i64, pain: u8, symptoms: &[&str], note: Option<&str>) -> Record<CheckIn> {
    let at = t0() - Duration::hours(hours_ago);
    let body = CheckIn {
        worst: Some(pain + 1),
        locations: vec!["left-side".into()],
        symptoms: symptoms.iter().map(|s| s.to_string()).collect(),
        treatments: vec!["ice".into()],
        note: note.map(str::to_string),
        ..CheckIn::new(at, pain)
    };
    Record::new(body, at.date_naive(), at)
}

/// A welcomed app with two check-ins today; `flagged` adds an emergency answer.
fn app(flagged: bool) -> App {
    let store = MemoryStore::new();
    let s: &dyn Store = &store;
    s.add(&checkin(
        2,
        4,
        &["spasm"],
        Some("stiff after a long call, better with a walk"),
    ))
    .unwrap();
    s.add(&checkin(1, 3, &[], None)).unwrap();
    if flagged {
        s.add(&checkin(0, 6, &["worst-headache"], None)).unwrap();
    }
    let mut app = common::app::open(store, t0());
    app.update(Msg::Enter, t0()); // through the welcome, onset today
    app.update(Msg::Down, t0());
    app
}

fn draw(app: &App, width: u16, height: u16) -> Terminal<TestBackend> {
    let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
    terminal.draw(|frame| ui::view(app, frame)).unwrap();
    terminal
}

/// Each screen and state worth seeing, by name.
fn states() -> Vec<(&'static str, App)> {
    let mut states = Vec::new();
    let welcome = App::with_diary(
        Diary::open(
            Box::new(MemoryStore::new()),
            Zone::Fixed(FixedOffset::east_opt(0).unwrap()),
            "en_US.UTF-8",
            t0(),
        ),
        t0(),
        "en_US.UTF-8",
    );
    states.push(("welcome", welcome));
    for screen in enum_iterator::all::<Screen>() {
        let mut a = app(false);
        a.update(Msg::Goto(screen), t0());
        states.push((screen_name(screen), a));
    }
    let mut form = app(false);
    form.update(Msg::NewCheckin, t0());
    states.push(("form", form));
    let mut note = app(false);
    note.update(Msg::NewCheckin, t0());
    while note.form().unwrap().focused() != nape::app::Item::Note {
        note.update(Msg::NextSection, t0());
    }
    for c in "stiff on waking, eased by noon after a warm shower".chars() {
        note.update(Msg::Edit(tui_input::InputRequest::InsertChar(c)), t0());
    }
    note.update(Msg::Enter, t0());
    for c in "left side worse".chars() {
        note.update(Msg::Edit(tui_input::InputRequest::InsertChar(c)), t0());
    }
    states.push(("form_note", note));
    let mut flagged = app(true);
    flagged.update(Msg::Goto(Screen::Flags), t0());
    states.push(("flags_active", flagged));
    let mut locked = app(true);
    locked.update(Msg::Goto(Screen::Timers), t0());
    states.push(("timers_locked", locked));
    let minutes = |m: i64| t0() + Duration::seconds(m * 60 + 30);
    let running = || {
        let mut a = app(false);
        a.update(Msg::Goto(Screen::Timers), t0());
        a.update(Msg::StartTimer(Some(PackKind::Cold)), t0());
        a.update(Msg::Yes, t0()); // the safety notes
        a.update(Msg::Digit('5'), t0());
        a.update(Msg::Enter, t0()); // pain before
        a.update(Msg::Tick, minutes(3));
        a
    };
    states.push(("timers_running", running()));
    let mut paused = running();
    paused.update(Msg::PauseResume, minutes(3));
    states.push(("timers_paused", paused));
    let mut finished = running();
    finished.update(Msg::Tick, minutes(5));
    finished.update(Msg::Skin(Skin::Burning), minutes(5)); // skin check
    finished.update(Msg::Tick, minutes(10));
    finished.update(Msg::Skin(Skin::Cold), minutes(10));
    finished.update(Msg::Tick, minutes(16));
    states.push(("timers_finished", finished));
    let stretching = || {
        let mut a = app(false);
        a.update(Msg::Goto(Screen::Stretches), t0());
        a.update(Msg::Enter, t0()); // the desk reset
        a
    };
    states.push(("stretch_pain_before", stretching()));
    let playing = || {
        let mut a = stretching();
        a.update(Msg::Cancel, t0()); // no rating: start
        a.update(Msg::Tick, t0() + Duration::seconds(30));
        a
    };
    states.push(("stretch_playing", playing()));
    let mut done = playing();
    done.update(Msg::Tick, t0() + Duration::seconds(400));
    states.push(("stretch_feeling", done));
    let mut elsewhere = running();
    elsewhere.update(Msg::Goto(Screen::Today), minutes(3));
    states.push(("today_with_timer", elsewhere));
    states
}

fn screen_name(screen: Screen) -> &'static str {
    match screen {
        Screen::Today => "today",
        Screen::Timers => "timers",
        Screen::Stretches => "stretches",
        Screen::Trends => "trends",
        Screen::Flags => "flags",
        Screen::Settings => "settings",
        Screen::Help => "help",
    }
}

#[test]
fn snapshots_of_every_screen() {
    for (name, app) in states() {
        for (w, h) in [(80, 24), (40, 12)] {
            insta::assert_snapshot!(format!("{name}_{w}x{h}"), draw(&app, w, h).backend());
        }
    }
}

#[test]
fn every_size_draws_without_panic_and_keeps_the_banner() {
    // The states are split across threads; each thread builds its own (the model is not Send).
    let count = states().len();
    let threads = std::thread::available_parallelism().map_or(2, |n| n.get());
    std::thread::scope(|scope| {
        for t in 0..threads {
            scope.spawn(move || {
                for (i, (name, app)) in states().into_iter().enumerate() {
                    if i % threads == t {
                        sweep(name, &app);
                    }
                }
            });
        }
    });
    assert!(count >= 10);
}

fn sweep(name: &str, app: &App) {
    // One terminal resized to each size, as a person's would be.
    let mut terminal = Terminal::new(TestBackend::new(0, 0)).unwrap();
    for height in 0..=60u16 {
        for width in 0..=200u16 {
            terminal.backend_mut().resize(width, height);
            terminal.draw(|frame| ui::view(app, frame)).unwrap();
            if height >= 2 && width >= 1 {
                let first = terminal.backend().buffer()[(0, 0)].symbol().to_string();
                assert!(
                    ["‼", "!", "•", "✓", "✚"].contains(&first.as_str()),
                    "{name} at {width}x{height}: the banner is missing (first cell {first:?})"
                );
            }
        }
    }
}

#[test]
fn without_colour_levels_show_by_symbol_and_reverse_video() {
    let mut app = app(true);
    app.set_color(false);
    let terminal = draw(&app, 80, 24);
    let buffer = terminal.backend().buffer();
    for cell in buffer.content() {
        assert!(
            cell.fg == Color::Reset && cell.bg == Color::Reset,
            "a colour was used: {cell:?}"
        );
    }
    assert!(
        buffer[(0, 0)].modifier.contains(Modifier::REVERSED),
        "the emergency banner stands out"
    );
    let top: String = (0..20)
        .map(|x| buffer[(x, 0)].symbol().to_string())
        .collect();
    assert!(top.starts_with("‼ EMERGENCY"), "{top}");
}

#[test]
fn a_long_message_wraps_onto_more_rows_instead_of_being_cut() {
    let mut a = app(false);
    for digit in ['1', '0', '0'] {
        a.update(Msg::Digit(digit), t0());
    }
    for (width, height) in [(80, 24), (40, 12)] {
        let rows = common::draw::rows(&a, width, height);
        let text = rows.join("\n");
        assert!(
            text.contains("Backspace changes 10."),
            "the whole message shows at {width}x{height}:\n{text}"
        );
        let footer = &rows[usize::from(height) - 1];
        assert!(footer.contains("check in"), "the footer stays: {footer}");
    }
}

#[test]
fn a_locked_timers_screen_shows_the_whole_lock_and_no_way_to_start() {
    let mut locked = app(true);
    locked.update(Msg::Goto(Screen::Timers), t0());
    for (width, height) in [(80, 24), (40, 12), (36, 14)] {
        let rows = common::draw::rows(&locked, width, height);
        let words = rows
            .join(" ")
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        for part in [
            "Locked: sudden severe headache or neck pain",
            "Why: you reported sudden severe headache or neck pain on 2026-03-10.",
            "record it on the Red flags screen (f, then a).",
        ] {
            assert!(
                words.contains(part),
                "{width}x{height}: {part:?} in {words}"
            );
        }
        assert!(!words.contains("Now:"), "nothing recommended: {words}");
        let footer = &rows[height as usize - 1];
        for key in ["start", "cold", "heat"] {
            assert!(!footer.contains(key), "{width}x{height}: {footer}");
        }
    }
}
