//! The Trends screen drawn in a test terminal at 80x24, 120x40 and 40x12, with no data, a week
//! and a year of the lifelike history; each section; the activities questions.

use crate::common;

use chrono::{DateTime, NaiveDate, TimeZone, Utc};
use nape::app::{App, Msg, Screen};
use nape::domain::settings::Settings;
use nape::store::{MemoryStore, Record, Store};

fn now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 22, 21, 0, 0).unwrap()
}

fn today() -> NaiveDate {
    now().date_naive()
}

/// The app on Trends over `days` of history (0: settings only, no entries).
fn app(days: i64) -> App {
    let store = MemoryStore::new();
    let s: &dyn Store = &store;
    if days > 0 {
        common::history::fill(s, today(), days);
    } else {
        let settings = Record::new(Settings::new("112", None), today(), now());
        s.add(&settings).unwrap();
    }
    let mut app = common::app::open(store, now());
    app.set_color(false);
    app.update(Msg::Goto(Screen::Trends), now());
    app
}

fn screen(app: &App, width: u16, height: u16) -> String {
    common::draw::rows(app, width, height).join("\n")
}

#[test]
fn the_chart_at_three_sizes_with_none_a_week_and_a_year() {
    for (name, days) in [("none", 0), ("week", 7), ("year", 365)] {
        let mut app = app(days);
        match days {
            7 => app.update(Msg::Left, now()),
            365 => app.update(Msg::Right, now()) && app.update(Msg::Right, now()),
            _ => true,
        };
        for (w, h) in [(80, 24), (120, 40), (40, 12)] {
            insta::assert_snapshot!(format!("trends_chart_{name}_{w}x{h}"), screen(&app, w, h));
        }
    }
}

#[test]
fn each_section_at_80x24_and_40x12() {
    for (name, days) in [("none", 0), ("month", 30)] {
        let mut app = app(days);
        for section in ["calendar", "progress", "helps", "activities"] {
            app.update(Msg::Down, now());
            for (w, h) in [(80, 24), (40, 12)] {
                insta::assert_snapshot!(
                    format!("trends_{section}_{name}_{w}x{h}"),
                    screen(&app, w, h)
                );
            }
        }
    }
}

#[test]
fn the_activities_questions() {
    let mut app = app(30);
    app.update(Msg::RateActivities, now());
    app.update(Msg::Digit('7'), now());
    insta::assert_snapshot!("trends_rate_80x24", screen(&app, 80, 24));
    app.update(Msg::Cancel, now());
    app.update(Msg::NameActivities, now());
    insta::assert_snapshot!("trends_name_80x24", screen(&app, 80, 24));
    insta::assert_snapshot!("trends_name_40x12", screen(&app, 40, 12));
}

#[test]
fn no_size_panics() {
    let mut app = app(60);
    for _ in 0..5 {
        for w in [10, 20, 36, 41, 59, 80, 133] {
            for h in [3, 5, 10, 13, 24, 41] {
                let _ = screen(&app, w, h);
            }
        }
        app.update(Msg::Down, now());
    }
}

#[test]
fn a_short_calendar_keeps_the_latest_weeks() {
    let mut app = app(30);
    app.update(Msg::Down, now()); // the calendar
    // At 40 columns a month fits alone; with 24 rows all its weeks show, with 12 only the last.
    let tall = common::draw::rows(&app, 40, 30);
    let short = common::draw::rows(&app, 40, 12);
    let weeks = |rows: &[String]| -> Vec<String> {
        let start = rows.iter().position(|r| r.contains("Mo Tu We")).unwrap() + 1;
        rows[start..]
            .iter()
            .take_while(|r| {
                !r.trim().is_empty() && !r.contains("Each day") && !r.contains("check-in")
            })
            .cloned()
            .collect()
    };
    let (all, shown) = (weeks(&tall), weeks(&short));
    assert!(shown.len() < all.len(), "{shown:?}");
    assert_eq!(shown.last(), all.last(), "today's week is in view");
}

#[test]
fn days_still_to_come_are_blank_in_the_calendar() {
    let mut app = app(0);
    app.update(Msg::Down, now()); // the calendar, November alone at 40 columns
    let rows = common::draw::rows(&app, 40, 30);
    let start = rows.iter().position(|r| r.contains("Mo Tu We")).unwrap() + 1;
    let dots: usize = rows[start..]
        .iter()
        .take_while(|r| !r.contains("Each day"))
        .map(|r| r.matches('·').count())
        .sum();
    assert_eq!(
        dots, 22,
        "1 to 22 November without a check-in; 23 to 30 not yet"
    );
}

#[test]
fn a_short_screen_still_shows_the_activities_score_and_what_next() {
    let mut app = app(30);
    for _ in 0..4 {
        app.update(Msg::Down, now()); // the activities
    }
    // Five named: the three rated, and two more.
    app.update(Msg::NameActivities, now());
    for _ in 0..3 {
        app.update(Msg::Enter, now());
    }
    for name in ["driving", "cooking"] {
        for ch in name.chars() {
            app.update(Msg::Edit(tui_input::InputRequest::InsertChar(ch)), now());
        }
        app.update(Msg::Enter, now());
    }
    assert_eq!(app.diary().activities().len(), 5);
    let rows = common::draw::rows(&app, 40, 12).join("\n");
    assert!(rows.contains("5. cooking: -"), "{rows}");
    assert!(rows.contains("Score 4.0 → 8.0"), "{rows}");
    assert!(rows.contains("(p rates"), "{rows}");
}

/// Early in a month today's week is the month's first: on a short screen it is the week kept in
/// view, not the blank weeks still to come.
#[test]
fn early_in_a_month_a_short_calendar_shows_todays_week() {
    use ratatui::Terminal;
    use ratatui::backend::TestBackend;
    use ratatui::style::Modifier;
    let early = Utc.with_ymd_and_hms(2026, 12, 2, 21, 0, 0).unwrap();
    let store = MemoryStore::new();
    common::history::fill(&store as &dyn Store, early.date_naive(), 40);
    let mut app = common::app::open(store, early);
    app.set_color(false);
    app.update(Msg::Goto(Screen::Trends), early);
    app.update(Msg::Down, early); // the calendar
    for (w, h) in [(40, 12), (60, 12)] {
        let mut terminal = Terminal::new(TestBackend::new(w, h)).unwrap();
        terminal.draw(|frame| nape::ui::view(&app, frame)).unwrap();
        let buffer = terminal.backend().buffer();
        // Below the banner and tabs: today's cell is the one in reverse video.
        let today_shown = (3..h).any(|y| {
            (0..w).any(|x| {
                let cell = &buffer[(x, y)];
                cell.modifier.contains(Modifier::REVERSED) && cell.symbol().trim() != ""
            })
        });
        assert!(today_shown, "{w}x{h}:\n{}", screen(&app, w, h));
    }
}

/// A section of words taller than the screen says more is below, and PgDn scrolls it to its end
/// and no further; another section starts at its top.
#[test]
fn a_long_section_says_more_is_below_and_scrolls() {
    use ratatui::crossterm::event::{KeyCode, KeyEvent};
    let mut app = app(30);
    app.update(Msg::Down, now());
    app.update(Msg::Down, now()); // Progress
    common::draw::measure(&mut app, 40, 12, now());
    let first = screen(&app, 40, 12);
    assert!(first.contains("↓ more below: PgDn"), "{first}");
    let page_down = |app: &mut App| {
        let msg = nape::keys::map(app.focus(), KeyEvent::from(KeyCode::PageDown)).unwrap();
        app.update(msg, now());
    };
    for _ in 0..40 {
        page_down(&mut app);
    }
    let last = screen(&app, 40, 12);
    assert_ne!(first, last, "scrolled");
    assert!(!last.contains("more below"), "at its end:\n{last}");
    app.update(Msg::Down, now()); // What helps, from its top
    assert_eq!(app.trends().page.scroll, 0);
}

/// The activities score (higher is better) is drawn on a row of its own, named, never among
/// the pain marks, so it cannot be taken for pain without colour.
#[test]
fn activities_have_their_own_row_beside_the_pain_chart() {
    let app = app(30);
    let rows = common::draw::rows(&app, 80, 24);
    let act = rows
        .iter()
        .find(|r| r.starts_with("act"))
        .expect("a row of its own");
    assert!(act.chars().skip(3).any(|c| "▁▂▃▄▅▆▇█".contains(c)), "{act}");
    let text = rows.join("\n");
    assert!(
        text.contains("act: activities 0-10, higher is better"),
        "{text}"
    );
}
