//! The Timers screen through key presses, with a pinned clock; restarts are a new App over the
//! same store at a later time.

use crate::common;
use crate::common::shared::Shared;
use chrono::{DateTime, Duration, TimeZone, Utc};
use nape::app::{App, Focus, Group, Item, Msg, Screen, Status, TimerPrompt};
use nape::domain::therapy::{EndReason, PackKind, State};
use nape::keys;
use nape::store::{DateRange, Store};
use ratatui::crossterm::event::{KeyCode, KeyEvent};

fn t0() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 5, 4, 10, 0, 0).unwrap()
}

fn at(minutes: i64) -> DateTime<Utc> {
    t0() + Duration::minutes(minutes)
}

fn open(store: &Shared, now: DateTime<Utc>) -> App {
    common::app::open(store.clone(), now)
}

fn press(app: &mut App, code: KeyCode, now: DateTime<Utc>) {
    if let Some(msg) = keys::map(app.focus(), KeyEvent::from(code)) {
        app.update(msg, now);
    }
}

/// A welcomed app on the Timers screen; the episode began today.
fn timers(store: &Shared) -> App {
    let mut app = open(store, t0());
    press(&mut app, KeyCode::Enter, t0());
    press(&mut app, KeyCode::Char('i'), t0());
    assert_eq!(app.screen(), Screen::Timers);
    app
}

/// Start a cold session the first time: notes, acknowledge, pain before, go.
fn start_cold(app: &mut App, now: DateTime<Utc>) {
    press(app, KeyCode::Enter, now); // the recommended pack, cold on day one
    assert_eq!(
        app.timers().prompt,
        Some(TimerPrompt::Safety(PackKind::Cold))
    );
    press(app, KeyCode::Char('y'), now);
    assert_eq!(
        app.timers().prompt,
        Some(TimerPrompt::PainBefore(PackKind::Cold))
    );
    press(app, KeyCode::Char('6'), now);
    press(app, KeyCode::Enter, now);
    assert!(app.diary().running().is_some());
}

#[test]
fn a_first_cold_session_shows_the_notes_asks_pain_and_runs() {
    let store = Shared::default();
    let mut app = timers(&store);
    start_cold(&mut app, t0());
    let session = &app.diary().running().unwrap().body;
    assert_eq!(session.pain_before, Some(6));
    assert_eq!(
        session.state(at(5)),
        State::Running {
            left: Duration::minutes(10)
        }
    );
    assert!(
        app.diary()
            .settings()
            .unwrap()
            .body
            .safety_seen
            .contains(&PackKind::Cold),
        "stored"
    );
    // The notes are not shown again.
    press(&mut app, KeyCode::Char('x'), at(1));
    press(&mut app, KeyCode::Enter, at(1)); // skip pain after
    press(&mut app, KeyCode::Char('c'), at(70));
    assert_eq!(
        app.timers().prompt,
        Some(TimerPrompt::PainBefore(PackKind::Cold))
    );
}

#[test]
fn pause_extend_stop_are_saved_as_they_happen() {
    let store = Shared::default();
    let mut app = timers(&store);
    start_cold(&mut app, t0());
    press(&mut app, KeyCode::Char('p'), at(2));
    // Another run over the same store sees the pause at once.
    let other = open(&store, at(3));
    assert!(other.diary().running().unwrap().body.is_paused());
    press(&mut app, KeyCode::Char('p'), at(4));
    for _ in 0..7 {
        press(&mut app, KeyCode::Char('+'), at(4));
    }
    assert_eq!(
        app.diary().running().unwrap().body.planned(),
        Duration::minutes(20),
        "capped"
    );
    press(&mut app, KeyCode::Char('x'), at(6));
    let stopped = app.diary().sessions().last().unwrap().body.clone();
    assert_eq!(stopped.end_reason, Some(EndReason::Stopped));
    assert_eq!(stopped.elapsed(at(60)), Duration::minutes(4));
    assert!(matches!(
        app.timers().prompt,
        Some(TimerPrompt::PainAfter { .. })
    ));
    press(&mut app, KeyCode::Char('3'), at(6));
    press(&mut app, KeyCode::Enter, at(6));
    assert_eq!(
        app.diary().sessions().last().unwrap().body.pain_after,
        Some(3)
    );
}

#[test]
fn the_end_rings_and_waits_for_acknowledgement() {
    let store = Shared::default();
    let mut app = timers(&store);
    start_cold(&mut app, t0());
    // Skin checks at 5 and 10 minutes: answered 1-3, numb stops.
    app.update(Msg::Tick, at(5));
    assert_eq!(app.timers().prompt, Some(TimerPrompt::SkinCheck(5)));
    press(&mut app, KeyCode::Char('2'), at(5));
    app.update(Msg::Tick, at(10));
    assert_eq!(app.timers().prompt, Some(TimerPrompt::SkinCheck(10)));
    press(&mut app, KeyCode::Char('1'), at(10));
    let bell = app.bell();
    app.update(Msg::Tick, at(15));
    assert_eq!(app.bell(), bell + 1, "the bell rings at the end");
    let ended = app.diary().sessions().last().unwrap().body.clone();
    assert_eq!(ended.ended_at, Some(at(15)));
    assert_eq!(ended.skin_checks, [5, 10]);
    // The message stays on any screen until answered on Timers.
    app.update(Msg::Goto(Screen::Today), at(16));
    app.update(Msg::Tick, at(20));
    assert!(matches!(
        app.timers().prompt,
        Some(TimerPrompt::PainAfter { .. })
    ));
    app.update(Msg::Goto(Screen::Timers), at(20));
    press(&mut app, KeyCode::Enter, at(20));
    assert_eq!(app.timers().prompt, None);
}

#[test]
fn numb_skin_stops_the_session() {
    let store = Shared::default();
    let mut app = timers(&store);
    start_cold(&mut app, t0());
    app.update(Msg::Tick, at(5));
    press(&mut app, KeyCode::Char('4'), at(5));
    let session = app.diary().sessions().last().unwrap().body.clone();
    assert_eq!(session.end_reason, Some(EndReason::Numb));
    assert_eq!(session.ended_at, Some(at(5)));
}

#[test]
fn a_session_that_ended_while_closed_is_closed_at_its_end_and_reported() {
    let store = Shared::default();
    let mut app = timers(&store);
    start_cold(&mut app, t0());
    drop(app); // nape is closed (or killed) mid-session
    let later = open(&store, at(40));
    let session = later.diary().sessions().last().unwrap().body.clone();
    assert_eq!(
        session.ended_at,
        Some(at(15)),
        "closed at its planned end, not when seen"
    );
    assert_eq!(session.end_reason, Some(EndReason::Finished));
    match &later.timers().prompt {
        Some(TimerPrompt::PainAfter { message, .. }) => {
            assert_eq!(message, "Cold session ended 25 minutes ago.")
        }
        other => panic!("no report: {other:?}"),
    }
}

#[test]
fn heat_in_the_first_48_hours_and_an_early_start_ask_first() {
    let store = Shared::default();
    let mut app = timers(&store);
    press(&mut app, KeyCode::Char('w'), t0());
    press(&mut app, KeyCode::Char('y'), t0()); // heat notes
    let reasons = match app.confirm() {
        Some(question) => question.details.clone(),
        other => panic!("no question: {other:?}"),
    };
    assert!(reasons[0].contains("first 48 hours"), "{reasons:?}");
    press(&mut app, KeyCode::Char('n'), t0());
    assert!(app.diary().running().is_none());
    press(&mut app, KeyCode::Char('w'), t0());
    press(&mut app, KeyCode::Char('y'), t0());
    press(&mut app, KeyCode::Enter, t0()); // skip pain before
    assert_eq!(app.diary().running().unwrap().body.kind, PackKind::Heat);
}

#[test]
fn an_unassessed_emergency_locks_the_timers() {
    let store = Shared::default();
    let mut app = timers(&store);
    app.update(Msg::Goto(Screen::Today), t0());
    app.update(Msg::NewCheckin, t0());
    app.update(Msg::Edit(tui_input::InputRequest::InsertChar('3')), t0());
    // Down to the meningitis question, and tick it.
    while !matches!(
        app.form().unwrap().focused(),
        Item::Choice(Group::Warning, i) if Group::Warning.terms()[i].id == "meningitis-signs"
    ) {
        app.update(Msg::Down, t0());
    }
    app.update(Msg::Toggle, t0());
    app.update(Msg::Save, t0());
    assert!(app.diary().locked());
    app.update(Msg::Goto(Screen::Timers), t0());
    press(&mut app, KeyCode::Char('c'), t0());
    assert!(app.diary().running().is_none());
    assert!(app.timers().prompt.is_none());
}

#[test]
fn a_session_started_from_the_shell_gets_its_skin_check_in_the_app() {
    use nape::domain::therapy::Session;
    use nape::store::Record;
    let store = Shared::default();
    let mut app = timers(&store);
    // Another process (`nape timer start cold`) saves a session; the app hears of it.
    let shell = Record::new(
        Session::new(PackKind::Cold, 15, at(1)),
        t0().date_naive(),
        at(1),
    );
    (&store as &dyn Store).add(&shell).unwrap();
    app.update(Msg::DataChanged, at(2));
    app.update(Msg::Tick, at(5) + Duration::seconds(59));
    assert_eq!(app.timers().prompt, None, "4 minutes 59 in");
    let bell = app.bell();
    app.update(Msg::Tick, at(6));
    assert_eq!(app.timers().prompt, Some(TimerPrompt::SkinCheck(5)));
    assert_eq!(app.bell(), bell + 1, "asked with the bell");
}

/// On Today, a full check-in with the warning-sign question `sign` ticked, saved at `now`.
fn report(app: &mut App, sign: &str, now: DateTime<Utc>) {
    app.update(Msg::Goto(Screen::Today), now);
    app.update(Msg::NewCheckin, now);
    app.update(Msg::Edit(tui_input::InputRequest::InsertChar('3')), now);
    while !matches!(
        app.form().unwrap().focused(),
        Item::Choice(Group::Warning, i) if Group::Warning.terms()[i].id == sign
    ) {
        app.update(Msg::Down, now);
    }
    app.update(Msg::Toggle, now);
    app.update(Msg::Save, now);
}

#[test]
fn reporting_an_emergency_interrupts_rings_and_pauses_the_running_session() {
    let store = Shared::default();
    let mut app = timers(&store);
    start_cold(&mut app, t0());
    let bell = app.bell();
    report(&mut app, "meningitis-signs", at(3));
    let alert = app.alert().expect("a full-width message").clone();
    assert_eq!(alert.title, "‼ EMERGENCY: call 999 now");
    let text = alert.lines.join(" ");
    assert!(
        text.contains("Why: you reported fever with a stiff neck"),
        "{text}"
    );
    assert!(text.contains("session is paused"), "{text}");
    assert_eq!(app.bell(), bell + 1, "the bell rings");
    let session = &app.diary().sessions().last().unwrap().body;
    assert!(matches!(session.state(at(4)), State::Paused { .. }));
    assert_eq!(session.pauses[0].from, at(3), "the pause is recorded");

    // Nothing else happens until it is read; then it is gone and the banner keeps the sign.
    app.update(Msg::Goto(Screen::Timers), at(4));
    assert_eq!(app.screen(), Screen::Today);
    press(&mut app, KeyCode::Enter, at(4));
    assert!(app.alert().is_none());
    assert!(app.diary().locked());

    // The same sign reported again later interrupts again; an urgent one has no call wording.
    report(&mut app, "meningitis-signs", at(30));
    assert!(app.alert().is_some(), "a new report of the same sign");
    press(&mut app, KeyCode::Esc, at(30));
    report(&mut app, "worsening-arm", at(40));
    let urgent = app.alert().expect("urgent interrupts too");
    assert_eq!(urgent.title, "! URGENT: get medical care today");
    assert!(!urgent.lines.join(" ").contains("999"), "{urgent:?}");
}

#[test]
fn a_calmer_answer_does_not_interrupt() {
    let store = Shared::default();
    let mut app = timers(&store);
    report(&mut app, "arm-symptoms", t0());
    assert!(app.alert().is_none());
}

fn said(app: &App) -> String {
    match app.status() {
        Some(Status::Info(text) | Status::Error(text)) => text.clone(),
        None => String::new(),
    }
}

#[test]
fn pause_resume_and_stop_say_what_they_did() {
    let store = Shared::default();
    let mut app = timers(&store);
    start_cold(&mut app, t0());
    press(&mut app, KeyCode::Char('p'), at(2));
    assert!(said(&app).starts_with("Paused"), "{}", said(&app));
    press(&mut app, KeyCode::Char('p'), at(3));
    assert!(said(&app).starts_with("Resumed"), "{}", said(&app));
    // While it counts down, no time left in the words: they stay up, the countdown moves on.
    assert!(!said(&app).contains("left"), "{}", said(&app));
    press(&mut app, KeyCode::Char('+'), at(3));
    assert!(said(&app).contains("16 minutes in all"), "{}", said(&app));
    app.update(Msg::Tick, at(7)); // the 5-minute skin check comes up
    press(&mut app, KeyCode::Char('1'), at(7)); // the skin feels cold
    assert!(
        said(&app).starts_with("Skin check at 5 minutes noted"),
        "{}",
        said(&app)
    );
    assert!(!said(&app).contains("left"), "{}", said(&app));
    press(&mut app, KeyCode::Char('x'), at(7));
    let Some(TimerPrompt::PainAfter { message, .. }) = &app.timers().prompt else {
        panic!("asks pain after");
    };
    assert!(message.contains("stopped after 6 minutes"), "{message}");
}

#[test]
fn esc_on_pain_before_skips_the_rating_and_n_starts_nothing() {
    let store = Shared::default();
    let mut app = timers(&store);
    press(&mut app, KeyCode::Enter, t0());
    press(&mut app, KeyCode::Char('y'), t0());
    press(&mut app, KeyCode::Esc, t0());
    let running = app.diary().running().expect("started, as 'skip' says");
    assert_eq!(running.body.pain_before, None);
    press(&mut app, KeyCode::Char('x'), at(1));
    press(&mut app, KeyCode::Enter, at(1)); // pain after skipped
    press(&mut app, KeyCode::Char('w'), at(70));
    press(&mut app, KeyCode::Char('y'), at(70)); // the heat notes, read
    press(&mut app, KeyCode::Char('y'), at(70)); // heat this early: start anyway
    assert_eq!(
        app.timers().prompt,
        Some(TimerPrompt::PainBefore(PackKind::Heat))
    );
    press(&mut app, KeyCode::Char('n'), at(70));
    assert!(app.diary().running().is_none(), "n starts nothing");
    assert!(app.timers().prompt.is_none());
}

#[test]
fn a_session_the_shell_saw_end_is_still_reported_in_the_app_once() {
    let store = Shared::default();
    let mut app = timers(&store);
    start_cold(&mut app, t0());
    drop(app);
    // Ended while the app was closed, and `nape timer status` recorded its end first.
    let s: &dyn Store = &store;
    let mut record = s
        .load_kind::<nape::domain::therapy::Session>(DateRange::ALL)
        .unwrap()
        .records
        .remove(0);
    assert!(record.body.finish_if_due(at(40)));
    record.body.pain_after = None;
    s.update(&record).unwrap();

    let mut app = open(&store, at(41));
    app.update(Msg::Goto(Screen::Timers), at(41));
    let Some(TimerPrompt::PainAfter { message, .. }) = app.timers().prompt.clone() else {
        panic!("asks pain after: {:?}", app.timers().prompt);
    };
    assert!(message.contains("ended"), "{message}");
    press(&mut app, KeyCode::Enter, at(41)); // skipped
    drop(app);
    let app = open(&store, at(42));
    assert_eq!(app.timers().prompt, None, "asked once, not at every start");
}

#[test]
fn a_session_stopped_within_a_minute_says_seconds() {
    let store = Shared::default();
    let mut app = timers(&store);
    start_cold(&mut app, t0());
    press(&mut app, KeyCode::Char('x'), t0() + Duration::seconds(16));
    let Some(TimerPrompt::PainAfter { message, .. }) = &app.timers().prompt else {
        panic!("asks pain after");
    };
    assert!(message.contains("stopped after 16 seconds"), "{message}");
}

#[test]
fn with_the_keys_shown_time_goes_on_and_a_question_keeps_the_screen() {
    let store = Shared::default();
    let mut app = timers(&store);
    start_cold(&mut app, t0());
    press(&mut app, KeyCode::Char('?'), at(1));
    assert_eq!(app.focus(), Focus::Keys);
    // Walked away with the keys shown: the skin check still comes, and rings.
    let rung = app.bell();
    app.update(Msg::Tick, at(5));
    assert!(matches!(
        app.timers().prompt,
        Some(TimerPrompt::SkinCheck(_))
    ));
    assert!(app.bell() > rung, "the skin check rings");
    // The question is answered before the whole Help: h from its keys keeps Timers.
    press(&mut app, KeyCode::Esc, at(5));
    assert_eq!(app.focus(), Focus::TimerSkin);
    press(&mut app, KeyCode::Char('?'), at(5));
    press(&mut app, KeyCode::Char('h'), at(5));
    assert_eq!(app.screen(), Screen::Timers);
    assert_eq!(app.focus(), Focus::TimerSkin);
}
