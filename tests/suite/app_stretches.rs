//! The Stretches screen through the key table with pinned time: start, pain before, play to
//! the end, feeling and pain after, stored; stop and report; the lock; quitting mid-routine.

use crate::common;
use chrono::{DateTime, Duration, TimeZone, Utc};
use nape::app::{App, Msg, Screen, Stage};
use nape::domain::stretch::{Feeling, RoutineEnd};
use nape::keys;
use nape::store::MemoryStore;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

fn t(secs: i64) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 3, 10, 9, 30, 0).unwrap() + Duration::seconds(secs)
}

fn app() -> App {
    let mut app = common::app::open(MemoryStore::new(), t(0));
    app.update(Msg::Enter, t(0)); // the welcome
    app.update(Msg::Goto(Screen::Stretches), t(0));
    app
}

fn press(app: &mut App, code: KeyCode, at: i64) {
    if let Some(msg) = keys::map(app.focus(), KeyEvent::from(code)) {
        app.update(msg, t(at));
    }
}

fn playing(app: &App) -> bool {
    matches!(app.stretches().stage, Stage::Playing { .. })
}

#[test]
fn a_routine_played_to_the_end_is_stored_with_pain_before_and_after_and_how_it_felt() {
    let mut app = app();
    press(&mut app, KeyCode::Enter, 0); // desk reset
    press(&mut app, KeyCode::Char('6'), 0);
    press(&mut app, KeyCode::Enter, 0);
    assert!(playing(&app));
    let stored = app.diary().routines()[0].body.clone();
    assert_eq!(
        (stored.routine.as_str(), stored.pain_before),
        ("desk-reset", Some(6))
    );
    assert!(stored.ended_at.is_none(), "stored from its start");
    // Ticks each second to the end, with a pause of a minute in the middle.
    for s in 1..=60 {
        app.update(Msg::Tick, t(s));
    }
    press(&mut app, KeyCode::Char(' '), 60);
    press(&mut app, KeyCode::Char(' '), 120);
    let total = i64::from(stored.planned_secs);
    for s in 121..=total + 61 {
        app.update(Msg::Tick, t(s));
    }
    assert!(matches!(app.stretches().stage, Stage::Feeling { .. }));
    press(&mut app, KeyCode::Char('1'), total + 61);
    press(&mut app, KeyCode::Char('3'), total + 61);
    press(&mut app, KeyCode::Enter, total + 61);
    let done = &app.diary().routines()[0].body;
    assert_eq!(done.end, Some(RoutineEnd::Finished));
    assert_eq!(done.steps_done, done.steps_total);
    assert_eq!(
        done.duration_secs(t(0)),
        total + 60,
        "the pause is not a hold"
    );
    assert_eq!(done.pauses.len(), 1);
    assert_eq!(
        (done.feeling, done.pain_after),
        (Some(Feeling::Better), Some(3))
    );
}

#[test]
fn stop_and_report_ends_the_routine_and_opens_a_check_in_whose_sign_then_locks() {
    let mut app = app();
    press(&mut app, KeyCode::Enter, 0);
    press(&mut app, KeyCode::Esc, 0); // no rating
    app.update(Msg::Tick, t(10));
    press(&mut app, KeyCode::Char('!'), 10);
    assert_eq!(
        app.diary().routines()[0].body.end,
        Some(RoutineEnd::Reported)
    );
    assert_eq!(app.screen(), Screen::Today);
    let form = app.form().expect("a check-in opens");
    assert!(form.reporting);
    assert!(matches!(
        form.focused(),
        nape::app::Item::Choice(nape::app::Group::Symptom, 0)
    ));
    // Pain, then down to dizziness... the first warning sign is further on: tick it and save.
    for _ in 0..12 {
        press(&mut app, KeyCode::Down, 11);
    }
    assert!(matches!(
        app.form().unwrap().focused(),
        nape::app::Item::Choice(nape::app::Group::Warning, _)
    ));
    press(&mut app, KeyCode::Char(' '), 11);
    press(&mut app, KeyCode::BackTab, 11);
    press(&mut app, KeyCode::BackTab, 11);
    press(&mut app, KeyCode::BackTab, 11);
    press(&mut app, KeyCode::Char('4'), 11);
    let key = KeyEvent::new(KeyCode::Char('s'), KeyModifiers::CONTROL);
    let msg = keys::map(app.focus(), key).unwrap();
    app.update(msg, t(11));
    assert!(app.diary().locked(), "the reported sign locks as usual");
    // And a new routine cannot start.
    press(&mut app, KeyCode::Enter, 12); // the message about the sign, read
    app.update(Msg::Goto(Screen::Stretches), t(12));
    press(&mut app, KeyCode::Enter, 12);
    assert!(!playing(&app));
    assert!(matches!(app.stretches().stage, Stage::List));
    assert_eq!(app.diary().routines().len(), 1);
}

#[test]
fn quitting_mid_routine_records_it_as_interrupted() {
    let mut app = app();
    press(&mut app, KeyCode::Down, 0);
    press(&mut app, KeyCode::Enter, 0);
    press(&mut app, KeyCode::Enter, 0);
    app.update(Msg::Tick, t(40));
    // q during a routine asks first; n plays on.
    press(&mut app, KeyCode::Char('q'), 40);
    let question = &app.confirm().expect("asks first").question;
    assert!(question.contains("routine"), "{question}");
    press(&mut app, KeyCode::Char('n'), 40);
    assert!(
        !app.quit() && app.stretches().player().is_some(),
        "still playing"
    );
    press(&mut app, KeyCode::Char('q'), 40);
    press(&mut app, KeyCode::Char('y'), 40);
    assert!(app.quit());
    let r = &app.diary().routines()[0].body;
    assert_eq!(r.routine, "morning-mobility");
    assert_eq!(r.end, Some(RoutineEnd::Interrupted));
    assert_eq!(r.ended_at, Some(t(40)));
}

#[test]
fn voice_is_chosen_in_settings_and_the_routine_then_speaks_typing_changes_nothing() {
    use nape::app::SettingField;
    let mut app = app();
    app.update(Msg::Goto(Screen::Settings), t(0));
    press(&mut app, KeyCode::Enter, 0);
    while app.settings_form().focused() != SettingField::Cues {
        press(&mut app, KeyCode::Tab, 0);
    }
    // A fixed choice: letters typed change nothing; → chooses (bell, then voice).
    for c in "loud".chars() {
        press(&mut app, KeyCode::Char(c), 0);
    }
    assert_eq!(
        app.settings_form().cues,
        nape::domain::settings::CueMode::Bell
    );
    press(&mut app, KeyCode::Right, 0);
    press(&mut app, KeyCode::Enter, 0);
    assert_eq!(
        app.diary().settings().unwrap().body.cue_mode(),
        nape::domain::settings::CueMode::Voice
    );
    app.update(Msg::Goto(Screen::Stretches), t(0));
    let chimes = app.chime();
    press(&mut app, KeyCode::Enter, 0);
    press(&mut app, KeyCode::Esc, 0);
    assert_eq!(
        app.take_speech(),
        vec![
            "Shoulder rolls, backward. Roll your shoulders up, backward and down, slowly. \
             5 slow circles backward."
                .to_string()
        ]
    );
    assert_eq!(app.chime(), chimes + 1);
}

#[test]
fn a_desk_break_is_suggested_after_the_interval_snoozed_dismissed_and_not_at_night() {
    let mut app = app(); // opened at 09:30
    app.update(Msg::Tick, t(49 * 60));
    assert!(!app.break_due());
    let chimes = app.chime();
    app.update(Msg::Tick, t(50 * 60));
    assert!(app.break_due(), "50 minutes after opening");
    assert_eq!(app.chime(), chimes + 1, "with the bell");
    let screen = common_rows(&app);
    assert!(
        screen.contains("Desk break? s, Enter: the desk reset"),
        "{screen}"
    );
    press(&mut app, KeyCode::Char('z'), 50 * 60);
    assert!(!app.break_due());
    app.update(Msg::Tick, t(59 * 60));
    assert!(!app.break_due(), "snoozed ten minutes");
    app.update(Msg::Tick, t(60 * 60));
    assert!(app.break_due());
    press(&mut app, KeyCode::Char('Z'), 60 * 60);
    assert_eq!(
        app.diary().settings().unwrap().body.break_at,
        Some(t(60 * 60))
    );
    // At night, none: 22:00 is 12.5 hours after 09:30.
    app.update(Msg::Tick, t(12 * 3600 + 30 * 60 + 60));
    assert!(!app.break_due(), "night hours");
}

fn common_rows(app: &App) -> String {
    crate::common::draw::rows(app, 80, 24).join("\n")
}

#[test]
fn a_digit_that_makes_no_rating_starts_the_prompt_again_as_at_every_prompt() {
    // "7" then "4" is 4 at the stretch prompt, as at the timers' and the activities' prompts;
    // "1" then "0" is 10.
    let mut app = app();
    press(&mut app, KeyCode::Enter, 0);
    for (key, typed) in [('7', "7"), ('4', "4"), ('1', "1"), ('0', "10"), ('3', "3")] {
        press(&mut app, KeyCode::Char(key), 0);
        assert_eq!(app.stretches().typed, typed, "after {key}");
    }
    app.update(Msg::Goto(Screen::Timers), t(0));
    press(&mut app, KeyCode::Char('c'), 0);
    if app.focus() == nape::app::Focus::TimerNotes {
        press(&mut app, KeyCode::Char('y'), 0);
    }
    for (key, typed) in [('7', "7"), ('4', "4"), ('1', "1"), ('0', "10")] {
        press(&mut app, KeyCode::Char(key), 0);
        assert_eq!(app.timers().typed, typed, "timers, after {key}");
    }
}

/// The loop's wait while a desk break is past due but cannot show: never zero (a zero wait
/// spins a whole core until the reminder can show).
#[test]
fn a_break_that_cannot_show_yet_sleeps_until_it_can() {
    let until = |from: i64, to: i64| std::time::Duration::from_secs((to - from) as u64);
    let (h, m) = (3600, 60);
    // Night: opened at 09:30, the break fell due at 10:20 and was never seen; now it is 22:01.
    let mut a = app();
    let night = 12 * h + 31 * m;
    a.update(Msg::Tick, t(night));
    assert!(!a.break_due(), "night hours");
    let midnight = 14 * h + 30 * m;
    assert_eq!(a.next_wake(t(night)), until(night, midnight));
    // Past midnight it sleeps to 07:00, the end of the night, and shows there.
    let small_hours = midnight + 30;
    a.update(Msg::Tick, t(small_hours));
    let morning = midnight + 7 * h;
    assert_eq!(a.next_wake(t(small_hours)), until(small_hours, morning));
    a.update(Msg::Tick, t(morning));
    assert!(a.break_due(), "shown at 07:00");

    // A paused routine at 10:25, the break due since 10:20: it waits for the routine.
    let mut a = app();
    press(&mut a, KeyCode::Enter, 0);
    press(&mut a, KeyCode::Enter, 0);
    assert!(playing(&a));
    press(&mut a, KeyCode::Char('p'), 1);
    let paused = 55 * m;
    a.update(Msg::Tick, t(paused));
    assert!(!a.break_due(), "not during a routine");
    // Paused, it wakes only to say, every half minute, that the routine still plays (so no
    // other nape takes it for one whose nape died): never at once, never each second.
    assert_eq!(a.next_wake(t(paused)), std::time::Duration::from_secs(30));
    // Playing again, it wakes for the routine's next change, not at once.
    press(&mut a, KeyCode::Char('p'), paused);
    let wake = a.next_wake(t(paused));
    assert!(
        wake >= std::time::Duration::from_millis(500),
        "the routine's next second, not {wake:?}"
    );

    // A paused cold session, the break due: it waits for the session, not at once.
    let mut a = app();
    a.update(Msg::Goto(Screen::Timers), t(0));
    press(&mut a, KeyCode::Char('c'), 0);
    if a.focus() == nape::app::Focus::TimerNotes {
        press(&mut a, KeyCode::Char('y'), 0);
    }
    press(&mut a, KeyCode::Char('5'), 0);
    press(&mut a, KeyCode::Enter, 0);
    assert!(a.diary().running().is_some());
    press(&mut a, KeyCode::Char('p'), 60);
    a.update(Msg::Tick, t(paused));
    assert!(!a.break_due(), "not during a session");
    assert_eq!(a.next_wake(t(paused)), until(paused, midnight));
}

#[test]
fn the_stop_and_report_check_in_saves_at_once_with_the_pain_before_prefilled() {
    let mut a = app();
    press(&mut a, KeyCode::Enter, 0); // the desk reset
    press(&mut a, KeyCode::Char('6'), 0);
    press(&mut a, KeyCode::Enter, 0);
    assert!(playing(&a));
    press(&mut a, KeyCode::Char('!'), 5);
    assert!(a.form().is_some(), "the check-in opens");
    let save = KeyEvent::new(KeyCode::Char('s'), KeyModifiers::CONTROL);
    if let Some(msg) = keys::map(a.focus(), save) {
        a.update(msg, t(6));
    }
    assert!(a.form().is_none(), "saved at the first Ctrl-S");
    let saved = &a.diary().last_checkin().expect("a check-in").body;
    assert_eq!(saved.pain, 6, "the pain given before the routine");
}

#[test]
fn choosing_voice_with_no_speech_program_says_so() {
    use nape::app::SettingField;
    let mut app = app();
    app.set_voice(false);
    app.update(Msg::Goto(Screen::Settings), t(0));
    press(&mut app, KeyCode::Enter, 0);
    while app.settings_form().focused() != SettingField::Cues {
        press(&mut app, KeyCode::Tab, 0);
    }
    press(&mut app, KeyCode::Right, 0); // bell, then voice
    press(&mut app, KeyCode::Enter, 0);
    let said = format!("{:?}", app.status());
    assert!(said.contains("no speech program was found"), "{said}");
    assert!(said.contains("espeak-ng"), "{said}");
}

/// After a spasm today, or pain of 7 or more, the routines that go to the end of the neck's
/// range are marked and Spasm relief is suggested; on a calm day, nothing of the kind.
#[test]
fn after_a_spasm_or_severe_pain_today_end_range_routines_are_marked() {
    let calm = common::draw::rows(&app(), 80, 24).join("\n");
    assert!(!calm.contains("end of range"), "{calm}");
    let store = common::shared::Shared::default();
    let mut writer = nape::diary::Diary::open(
        Box::new(store.clone()),
        common::app::utc(),
        common::app::LOCALE,
        t(0),
    );
    common::app::log(&mut writer, common::app::draft(t(0), 4, &["spasm"]), t(0));
    let mut app = common::app::open(store, t(0));
    app.update(Msg::Enter, t(0));
    app.update(Msg::Goto(Screen::Stretches), t(0));
    let rows = common::draw::rows(&app, 80, 24).join("\n");
    assert!(rows.contains("Spasm relief"), "{rows}");
    assert!(rows.contains("try Spasm relief"), "{rows}");
    let marked = rows
        .lines()
        .filter(|l| l.trim_end().ends_with(" *"))
        .count();
    assert!(marked >= 2, "morning mobility and evening unwind: {rows}");
    assert!(
        !rows
            .lines()
            .any(|l| l.contains("Spasm relief") && l.trim_end().ends_with(" *"))
    );
}

#[test]
fn routines_read_again_while_one_plays_leave_it_playing() {
    let mut app = app();
    press(&mut app, KeyCode::Enter, 0); // the desk reset
    press(&mut app, KeyCode::Enter, 0); // no pain rating
    assert!(playing(&app));
    let file = vec![(
        "late.json".to_string(),
        Ok(
            r#"{"id": "late", "name": "Added later", "steps": [{"exercise": "chin-tuck"}]}"#
                .to_string(),
        ),
    )];
    app.set_library(nape::domain::stretch::Library::with_user(&file));
    assert!(playing(&app), "plays on");
    assert!(
        app.stretches()
            .library
            .routines
            .iter()
            .any(|r| r.name == "Added later")
    );
}

#[test]
fn while_one_side_plays_the_next_shown_is_the_other_side() {
    let mut app = app();
    press(&mut app, KeyCode::Enter, 0); // the desk reset
    press(&mut app, KeyCode::Enter, 0); // no pain rating
    let rows = common::draw::rows(&app, 80, 24).join("\n");
    assert!(rows.contains("Backward - rep 1 of 1"), "{rows}");
    assert!(rows.contains("next: forward"), "{rows}");
}

#[test]
fn routines_read_again_keep_the_one_being_asked_about() {
    let mut app = app();
    press(&mut app, KeyCode::Down, 0); // morning mobility
    press(&mut app, KeyCode::Enter, 0); // pain before?
    // A file of one's own that sorts before it arrives meanwhile.
    let file = vec![(
        "a.json".to_string(),
        Ok(r#"{"id": "desk-reset", "name": "My desk reset", "steps": [{"exercise": "chin-tuck"}]}"#
            .to_string()),
    )];
    app.set_library(nape::domain::stretch::Library::with_user(&file));
    press(&mut app, KeyCode::Enter, 0); // no pain rating: start
    let player = app.stretches().player().expect("started");
    assert_eq!(player.routine.id, "morning-mobility");
}
