//! Where the locale is not UTF-8 (LANG=C), nape sends only ASCII: on every screen and from
//! the command line, with equivalents a person can read ("!!" for the emergency mark).

use crate::common;

use chrono::{DateTime, Duration, FixedOffset, TimeZone, Utc};
use nape::app::{App, Msg, Screen};
use nape::clock::Zone;
use nape::diary::Diary;
use nape::domain::checkin::CheckIn;
use nape::domain::therapy::PackKind;
use nape::store::{MemoryStore, Record, Store};

fn now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 3, 10, 9, 30, 0).unwrap()
}

fn screen(app: &App, width: u16, height: u16) -> Vec<String> {
    common::draw::rows(app, width, height)
}

#[test]
fn every_screen_is_plain_ascii_when_asked() {
    let store = MemoryStore::new();
    let s: &dyn Store = &store;
    let at = now() - Duration::minutes(30);
    let body = CheckIn {
        symptoms: vec!["stiff-neck".into(), "spasm".into()],
        note: Some("left side".into()),
        ..CheckIn::new(at, 4)
    };
    s.add(&Record::new(body, at.date_naive(), at)).unwrap();
    let zone = Zone::Fixed(FixedOffset::east_opt(0).unwrap());
    let mut app = App::with_diary(Diary::open(Box::new(store), zone, "C", now()), now(), "C");
    app.set_ascii(true);
    let welcome = screen(&app, 80, 24).join("\n");
    assert!(welcome.is_ascii(), "{welcome}");
    app.update(Msg::Enter, now());
    app.update(Msg::StartTimer(Some(PackKind::Cold)), now());
    for target in enum_iterator::all::<Screen>() {
        app.update(Msg::Goto(target), now());
        for (w, h) in [(80, 24), (40, 12)] {
            let rows = screen(&app, w, h);
            let text = rows.join("\n");
            assert!(text.is_ascii(), "{target:?} {w}x{h}:\n{text}");
            assert!(rows.iter().all(|r| r.len() == w as usize), "{text}");
        }
    }
    // The emergency mark keeps its meaning in ASCII.
    let store = MemoryStore::new();
    let s: &dyn Store = &store;
    let body = CheckIn {
        symptoms: vec!["injury".into()],
        ..CheckIn::new(at, 4)
    };
    s.add(&Record::new(body, at.date_naive(), at)).unwrap();
    let mut app = App::with_diary(Diary::open(Box::new(store), zone, "C", now()), now(), "C");
    app.set_ascii(true);
    app.update(Msg::Enter, now());
    let rows = screen(&app, 80, 24);
    assert!(rows[0].starts_with("!! EMERGENCY"), "{}", rows[0]);
}

#[test]
fn the_command_line_is_plain_ascii_under_lang_c() {
    let diary = common::Diary::new();
    diary.ok(&["timer", "start", "cold", "--anyway"]);
    diary.ok(&["log", "--pain", "4", "--symptom", "injury"]);
    for args in [&["status"][..], &["timer", "status"], &["check"]] {
        let out = diary.command(args).env("LC_ALL", "C").output().unwrap();
        let stdout = String::from_utf8_lossy(&out.stdout);
        assert!(stdout.is_ascii(), "{args:?}: {stdout}");
    }
    let out = diary
        .command(&["status"])
        .env("LC_ALL", "C")
        .output()
        .unwrap();
    assert!(String::from_utf8_lossy(&out.stdout).contains("!! EMERGENCY"));
}

#[test]
fn the_ascii_banner_keeps_every_letter() {
    let at = now() - Duration::minutes(30);
    let make = |ascii: bool| {
        let store = MemoryStore::new();
        let s: &dyn Store = &store;
        let body = CheckIn {
            symptoms: vec!["worst-headache".into()],
            ..CheckIn::new(at, 4)
        };
        s.add(&Record::new(body, at.date_naive(), at)).unwrap();
        let zone = Zone::Fixed(FixedOffset::east_opt(0).unwrap());
        let mut app = App::with_diary(Diary::open(Box::new(store), zone, "C", now()), now(), "C");
        app.set_ascii(ascii);
        app.update(Msg::Enter, now());
        app
    };
    let words = |rows: &[String]| -> String {
        rows[..2]
            .join(" ")
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
    };
    let plain = words(&screen(&make(false), 80, 24));
    let ascii = words(&screen(&make(true), 80, 24));
    assert_eq!(ascii, nape::ascii::text(&plain));
}

#[test]
fn with_no_locale_set_the_command_line_is_ascii() {
    let diary = common::Diary::new();
    diary.ok(&["log", "--pain", "4", "--symptom", "injury"]);
    let out = diary
        .command(&["status"])
        .env_remove("LANG")
        .env_remove("LC_ALL")
        .env_remove("LC_CTYPE")
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        stdout.is_ascii() && stdout.contains("!! EMERGENCY"),
        "{stdout}"
    );
}

#[test]
fn the_trends_chart_in_ascii_tells_its_lines_apart_and_draws_no_question_marks() {
    let store = MemoryStore::new();
    common::history::fill(&store as &dyn Store, now().date_naive(), 30);
    let zone = Zone::Fixed(FixedOffset::east_opt(0).unwrap());
    let mut app = App::with_diary(Diary::open(Box::new(store), zone, "C", now()), now(), "C");
    app.set_ascii(true);
    app.update(Msg::Goto(Screen::Trends), now());
    let rows = screen(&app, 80, 24);
    let text = rows.join("\n");
    // The chart's rows (the axis bar) and the activities row: no mark left unknown.
    let chart = rows
        .iter()
        .filter(|r| r.contains('|') || r.starts_with("act"));
    assert!(chart.clone().count() > 10, "{text}");
    assert!(chart.clone().all(|r| !r.contains('?')), "{text}");
    for (mark, what) in [("#", "mean"), ("*", "worst"), ("=", "7-day mean")] {
        assert!(
            text.contains(&format!("{mark} {what}")),
            "{mark} {what}:\n{text}"
        );
    }
}
