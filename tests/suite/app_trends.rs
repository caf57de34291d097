//! The Trends screen's behaviour: its span and section survive a restart, its figures are only
//! worked out there, and the activities are named and rated (from Today's weekly prompt too).

use crate::common;

use chrono::{DateTime, Duration, FixedOffset, NaiveDate, TimeZone, Utc};
use nape::app::{App, Focus, Msg, Screen};
use nape::clock::Zone;
use nape::diary::Diary;
use nape::domain::settings::{Section, Settings};
use nape::domain::trends::Span;
use nape::store::{MemoryStore, Record, Store};
use tui_input::InputRequest;

fn now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 22, 21, 0, 0).unwrap()
}

fn today() -> NaiveDate {
    now().date_naive()
}

fn utc() -> Zone {
    Zone::Fixed(FixedOffset::east_opt(0).unwrap())
}

fn open(store: Box<dyn Store>, at: DateTime<Utc>) -> App {
    App::with_diary(
        Diary::open(store, utc(), "en_GB.UTF-8", at),
        at,
        "en_GB.UTF-8",
    )
}

fn with_history(days: i64) -> App {
    let store = MemoryStore::new();
    common::history::fill(&store as &dyn Store, today(), days);
    open(Box::new(store), now())
}

#[test]
fn leaving_trends_for_another_screen_keeps_the_view_too() {
    let dir = tempfile::tempdir().unwrap();
    let store = || Box::new(common::disk_store(&dir.path().join("data")).0);
    common::history::fill(&*store() as &dyn Store, today(), 20);
    let mut app = open(store(), now());
    app.update(Msg::Goto(Screen::Trends), now());
    app.update(Msg::Left, now()); // 30 days -> 7
    app.update(Msg::Goto(Screen::Today), now());
    drop(app);
    let again = open(store(), now());
    assert_eq!(again.trends().view(again.diary()).span, Span::Week);
}

#[test]
fn the_span_and_section_survive_a_restart() {
    let dir = tempfile::tempdir().unwrap();
    let store = || Box::new(common::disk_store(&dir.path().join("data")).0);
    common::history::fill(&*store() as &dyn Store, today(), 20);
    let mut app = open(store(), now());
    app.update(Msg::Goto(Screen::Trends), now());
    app.update(Msg::Right, now()); // 30 days -> 90
    app.update(Msg::Down, now()); // chart -> calendar
    app.update(Msg::Down, now()); // -> progress
    let view = app.trends().view(app.diary());
    assert_eq!(
        (view.span, view.section),
        (Span::Quarter, Section::Progress)
    );
    let version = app.diary().version();
    app.update(Msg::Down, now());
    app.update(Msg::Up, now());
    assert_eq!(
        app.diary().version(),
        version,
        "an arrow key writes nothing"
    );
    // Kept on leaving, quietly.
    app.update(Msg::Quit, now());
    assert_eq!(app.status(), None, "keeping the view says nothing");
    drop(app);
    let mut again = open(store(), now() + Duration::hours(1));
    again.update(Msg::Goto(Screen::Trends), now());
    let view = again.trends().view(again.diary());
    assert_eq!(
        (view.span, view.section),
        (Span::Quarter, Section::Progress)
    );
    assert_eq!(again.trends().summary().unwrap().span, Span::Quarter);
}

#[test]
fn figures_are_worked_out_on_trends_only_and_again_when_data_change() {
    let mut app = with_history(30);
    app.update(Msg::Goto(Screen::Today), now());
    assert!(
        app.trends().summary().is_none(),
        "Today never waits for trends"
    );
    app.update(Msg::Goto(Screen::Trends), now());
    let before = app.trends().summary().unwrap().checkins;
    // A check-in from Today changes the figures next time Trends shows.
    app.update(Msg::Goto(Screen::Today), now());
    app.update(Msg::Digit('4'), now());
    app.update(Msg::Enter, now());
    app.update(Msg::Goto(Screen::Trends), now());
    assert_eq!(app.trends().summary().unwrap().checkins, before + 1);
}

#[test]
fn activities_are_rated_from_the_weekly_prompt_on_today() {
    // The fixture's last rating was the day before: a week later one is due.
    let mut app = with_history(30);
    let later = now() + Duration::days(7);
    app.update(Msg::Tick, later);
    let rows = common::draw::rows(&app, 80, 24).join("\n");
    assert!(rows.contains("Weekly: p rates your activities"), "{rows}");
    let key = nape::keys::map(
        app.focus(),
        ratatui::crossterm::event::KeyEvent::from(ratatui::crossterm::event::KeyCode::Char('p')),
    );
    assert_eq!(key, Some(Msg::RateActivities));
    app.update(Msg::RateActivities, later);
    assert_eq!(
        (app.screen(), app.focus()),
        (Screen::Trends, Focus::TrendsRate)
    );
    for digits in ["9", "10", "8"] {
        for d in digits.chars() {
            app.update(Msg::Digit(d), later);
        }
        app.update(Msg::Enter, later);
    }
    let last = &app.diary().function().last().unwrap().body;
    let scores: Vec<u8> = last.scores.iter().map(|s| s.score).collect();
    assert_eq!(scores, [9, 10, 8]);
    assert_eq!(last.scores[0].activity, "turning to reverse the car");
    assert_eq!(app.focus(), Focus::Trends);
    assert!(!app.diary().function_due(later.date_naive()));
    app.update(Msg::Goto(Screen::Today), later);
    let rows = common::draw::rows(&app, 80, 24).join("\n");
    assert!(!rows.contains("Weekly:"), "asked once a week, not again");
}

#[test]
fn esc_stops_a_rating_and_saves_nothing() {
    let mut app = with_history(30);
    let count = app.diary().function().len();
    app.update(Msg::Goto(Screen::Trends), now());
    app.update(Msg::RateActivities, now());
    app.update(Msg::Digit('5'), now());
    app.update(Msg::Enter, now());
    app.update(Msg::Cancel, now());
    assert_eq!(app.diary().function().len(), count);
    assert_eq!(app.focus(), Focus::Trends);
}

#[test]
fn activities_are_named_then_changed() {
    let store = MemoryStore::new();
    let s: &dyn Store = &store;
    s.add(&Record::new(Settings::new("112", None), today(), now()))
        .unwrap();
    let mut app = open(Box::new(store), now());
    app.update(Msg::Goto(Screen::Trends), now());
    // Rating with none named asks for the names first.
    app.update(Msg::RateActivities, now());
    assert_eq!(app.focus(), Focus::TrendsName);
    let type_in = |app: &mut App, text: &str| {
        for ch in text.chars() {
            app.update(Msg::Edit(InputRequest::InsertChar(ch)), now());
        }
        app.update(Msg::Enter, now());
    };
    type_in(&mut app, "reading");
    type_in(&mut app, "driving");
    type_in(&mut app, "");
    assert_eq!(app.diary().activities(), ["reading", "driving"]);
    assert!(app.diary().function_due(today()));
    // Changed: the first kept, the second typed over, the list ended there.
    app.update(Msg::NameActivities, now());
    app.update(Msg::Enter, now());
    for _ in 0.."driving".len() {
        app.update(Msg::Edit(InputRequest::DeletePrevChar), now());
    }
    type_in(&mut app, "sleeping");
    type_in(&mut app, "");
    assert_eq!(app.diary().activities(), ["reading", "sleeping"]);
    // A name too long is refused with the reason, and nothing changes.
    app.update(Msg::NameActivities, now());
    type_in(&mut app, &"x".repeat(61));
    assert!(format!("{:?}", app.status()).contains("at most 60"));
    assert_eq!(app.diary().activities(), ["reading", "sleeping"]);
}

#[test]
fn a_report_asked_for_over_a_memory_store_says_it_was_not_written() {
    let mut app = with_history(10);
    app.update(Msg::Goto(Screen::Trends), now());
    app.update(Msg::WriteReport, now());
    let said = format!("{:?}", app.status());
    assert!(said.contains("The report was not written"), "{said}");
}

#[test]
fn activities_from_a_hand_edited_file_are_kept_to_five_valid_names() {
    let store = MemoryStore::new();
    let mut settings = Settings::new("112", None);
    settings.activities = [
        "reading", "", "driving", "  ", "sleeping", "lifting", "typing", "cooking",
    ]
    .iter()
    .map(|s| s.to_string())
    .collect();
    (&store as &dyn Store)
        .add(&Record::new(settings, today(), now()))
        .unwrap();
    let mut app = open(Box::new(store), now());
    assert_eq!(
        app.diary().activities(),
        ["reading", "driving", "sleeping", "lifting", "typing"]
    );
    app.update(Msg::RateActivities, now());
    for _ in 0..5 {
        app.update(Msg::Digit('6'), now());
        app.update(Msg::Enter, now());
    }
    assert_eq!(
        app.diary().function().len(),
        1,
        "the rating is saved, not refused"
    );
}

#[test]
fn esc_says_nothing_was_saved_and_a_name_twice_is_refused() {
    let mut app = with_history(30);
    app.update(Msg::Goto(Screen::Trends), now());
    app.update(Msg::RateActivities, now());
    app.update(Msg::Digit('5'), now());
    app.update(Msg::Enter, now());
    app.update(Msg::Cancel, now());
    assert!(format!("{:?}", app.status()).contains("no rating saved"));
    app.update(Msg::NameActivities, now());
    app.update(Msg::Enter, now()); // keeps "turning to reverse the car"
    for _ in 0.."reading".len() {
        app.update(Msg::Edit(InputRequest::DeletePrevChar), now());
    }
    for ch in "Turning To Reverse The Car".chars() {
        app.update(Msg::Edit(InputRequest::InsertChar(ch)), now());
    }
    app.update(Msg::Enter, now());
    assert!(format!("{:?}", app.status()).contains("already in the list"));
    assert_eq!(app.focus(), Focus::TrendsName, "still asking");
}
