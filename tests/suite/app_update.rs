//! The model driven through key presses with a pinned clock and the in-memory store.

use crate::common;
use chrono::{DateTime, Duration, FixedOffset, TimeZone, Utc};
use nape::app::{App, Msg, Screen, Status};
use nape::clock::Zone;
use nape::diary::Diary;
use nape::domain::checkin::CheckIn;
use nape::keys;
use nape::store::{DateRange, MemoryStore, Record, Store};
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

fn t0() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 3, 10, 9, 30, 0).unwrap()
}

fn zone() -> Zone {
    Zone::Fixed(FixedOffset::east_opt(0).unwrap())
}

/// An app past its welcome, over a fresh in-memory store.
fn app() -> App {
    let mut app = common::app::open(MemoryStore::new(), t0());
    assert!(app.welcome());
    press(&mut app, KeyCode::Enter);
    assert!(!app.welcome());
    app
}

fn press(app: &mut App, code: KeyCode) {
    if let Some(msg) = keys::map(app.focus(), KeyEvent::from(code)) {
        app.update(msg, t0());
    }
}

/// Ctrl-S: save the check-in form.
fn save_form(app: &mut App) {
    let key = KeyEvent::new(KeyCode::Char('s'), KeyModifiers::CONTROL);
    let msg = keys::map(app.focus(), key).expect("Ctrl-S saves the form");
    app.update(msg, t0());
}

fn type_text(app: &mut App, text: &str) {
    for c in text.chars() {
        press(app, KeyCode::Char(c));
    }
}

fn stored(app: &App) -> Vec<Record<CheckIn>> {
    app.diary().checkins().to_vec()
}

#[test]
fn first_run_suggests_the_number_from_the_locale_and_stores_the_onset() {
    let mut app = App::with_diary(
        Diary::open(Box::new(MemoryStore::new()), zone(), "en_AU.UTF-8", t0()),
        t0(),
        "en_AU.UTF-8",
    );
    assert_eq!(app.settings_form().number.value(), "000");
    // Onset: "on a date", then type it.
    press(&mut app, KeyCode::Tab);
    press(&mut app, KeyCode::Right);
    press(&mut app, KeyCode::Tab);
    type_text(&mut app, "2026-03-02");
    press(&mut app, KeyCode::Enter);
    let settings = &app.diary().settings().expect("saved").body;
    assert_eq!(settings.emergency_number, "000");
    assert_eq!(settings.onset.unwrap().to_string(), "2026-03-02");
}

#[test]
fn a_bad_emergency_number_is_refused_inline() {
    let mut app = App::with_diary(
        Diary::open(Box::new(MemoryStore::new()), zone(), "C", t0()),
        t0(),
        "C",
    );
    assert_eq!(app.settings_form().number.value(), "112");
    // A letter is refused as it is typed.
    type_text(&mut app, "x");
    assert_eq!(app.settings_form().number.value(), "112");
    let said = app.settings_form().error.clone().unwrap_or_default();
    assert!(said.contains("digits only"), "{said}");
    // Too short is refused at the save, under the field.
    press(&mut app, KeyCode::Backspace);
    press(&mut app, KeyCode::Backspace);
    press(&mut app, KeyCode::Enter);
    assert!(app.welcome(), "still on the welcome");
    let problems = &app.settings_form().problems;
    assert!(problems[0].1.contains("2 to 6 digits"), "{problems:?}");
}

#[test]
fn the_fast_path_is_a_digit_and_enter() {
    let mut app = app();
    type_text(&mut app, "7");
    press(&mut app, KeyCode::Enter);
    // A minute later: "1" then "0" is ten.
    let later = t0() + Duration::minutes(1);
    app.update(Msg::Digit('1'), later);
    app.update(Msg::Digit('0'), later);
    app.update(Msg::Enter, later);
    let pains: Vec<u8> = stored(&app).iter().map(|r| r.body.pain).collect();
    assert_eq!(pains, [7, 10]);
    assert_eq!(stored(&app)[0].body.at, t0());
    assert_eq!(stored(&app)[1].body.at, later);
    // A digit that would make no rating is refused, with a message: "10" then "0" stays 10,
    // "7" then "5" stays 7 (never a new rating of 0 or 5 by surprise).
    for (typed, kept) in [("100", "10"), ("75", "7")] {
        type_text(&mut app, typed);
        assert_eq!(app.today_state().quick, kept);
        assert!(matches!(app.status(), Some(Status::Error(e)) if e.contains("0 to 10")));
        press(&mut app, KeyCode::Esc);
    }
    // Esc clears a half-typed rating without saving it.
    type_text(&mut app, "4");
    press(&mut app, KeyCode::Esc);
    press(&mut app, KeyCode::Enter);
    assert_eq!(stored(&app).len(), 2);
}

#[test]
fn the_form_refuses_bad_fields_and_saves_nothing_until_fixed() {
    let mut app = app();
    type_text(&mut app, "a");
    assert!(app.form().is_some());
    // No pain given (a "12" can no longer be typed: see the rating test below).
    save_form(&mut app);
    let form = app.form().expect("still open");
    assert!(form.errors[0].to_string().contains("0 to 10"));
    assert!(stored(&app).is_empty());
    type_text(&mut app, "6");
    press(&mut app, KeyCode::Down);
    type_text(&mut app, "8");
    // Down to the first "where" box and tick it.
    for _ in 0..3 {
        press(&mut app, KeyCode::Down);
    }
    press(&mut app, KeyCode::Char(' '));
    save_form(&mut app);
    assert!(app.form().is_none());
    let saved = &stored(&app)[0].body;
    assert_eq!((saved.pain, saved.worst), (6, Some(8)));
    assert_eq!(saved.locations, ["base-of-skull"]);
}

#[test]
fn q_types_into_a_text_field_but_quits_elsewhere() {
    let mut app = app();
    type_text(&mut app, "a");
    press(&mut app, KeyCode::Down);
    press(&mut app, KeyCode::Down);
    press(&mut app, KeyCode::Down); // "When"
    type_text(&mut app, "q");
    assert_eq!(app.form().unwrap().when.value(), "q", "typed, not a key");
    assert!(!app.quit());
    press(&mut app, KeyCode::Esc);
    type_text(&mut app, "y"); // discard what was typed
    assert!(app.form().is_none() && stored(&app).is_empty());
    type_text(&mut app, "q");
    assert!(app.quit());
    let mut app2 = self::app();
    let ctrl_c = KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL);
    type_text(&mut app2, "a");
    let msg = keys::map(app2.focus(), ctrl_c).unwrap();
    assert_eq!(msg, Msg::Quit);
}

#[test]
fn edit_keeps_the_id_and_delete_asks_first() {
    let mut app = app();
    type_text(&mut app, "5");
    press(&mut app, KeyCode::Enter);
    let original = stored(&app)[0].clone();
    press(&mut app, KeyCode::Enter); // edit the selected entry
    let form = app.form().expect("edit form");
    assert_eq!(form.pain.value(), "5");
    press(&mut app, KeyCode::Backspace);
    type_text(&mut app, "3");
    save_form(&mut app);
    let edited = stored(&app)[0].clone();
    assert_eq!(edited.id, original.id);
    assert_eq!(edited.body.pain, 3);
    assert_eq!(
        edited.body.at, original.body.at,
        "an untouched time keeps its exact value"
    );

    type_text(&mut app, "d");
    type_text(&mut app, "n");
    assert_eq!(stored(&app).len(), 1, "n keeps it");
    type_text(&mut app, "d");
    type_text(&mut app, "y");
    assert!(stored(&app).is_empty());
}

#[test]
fn a_missed_day_is_backfilled_and_the_last_entry_copied() {
    let mut app = app();
    type_text(&mut app, "a");
    type_text(&mut app, "4");
    for _ in 0..12 {
        press(&mut app, KeyCode::Down); // past 3 text fields, 7 places and "headache", to "spasm"
    }
    press(&mut app, KeyCode::Char(' '));
    save_form(&mut app);

    press(&mut app, KeyCode::Left);
    press(&mut app, KeyCode::Left);
    assert_eq!(app.today_state().day.to_string(), "2026-03-08");
    type_text(&mut app, "b");
    assert_eq!(app.form().unwrap().when.value(), "2026-03-08 12:00");
    type_text(&mut app, "6");
    save_form(&mut app);
    let backfilled = stored(&app).into_iter().find(|r| r.body.pain == 6).unwrap();
    assert_eq!(backfilled.date.to_string(), "2026-03-08");
    assert_eq!(
        backfilled.body.at,
        Utc.with_ymd_and_hms(2026, 3, 8, 12, 0, 0).unwrap()
    );

    // "Same as last time" copies the latest entry (by time), not the latest typed.
    type_text(&mut app, "c");
    let form = app.form().unwrap();
    assert_eq!(form.pain.value(), "4");
    assert_eq!(form.chosen[1], ["spasm"]);
    save_form(&mut app);
    assert_eq!(stored(&app).len(), 3);
}

#[test]
fn an_emergency_answer_locks_until_assessed_and_a_new_one_locks_again() {
    let mut app = app();
    type_text(&mut app, "a");
    type_text(&mut app, "3");
    // Down to the first warning sign: 3 more text fields, 7 places, 10 symptoms.
    for _ in 0..21 {
        press(&mut app, KeyCode::Down);
    }
    press(&mut app, KeyCode::Char(' '));
    save_form(&mut app);
    assert_eq!(app.diary().flags()[0].def.id, "stroke-signs");
    assert!(app.diary().locked());
    press(&mut app, KeyCode::Enter); // the message about the sign, read

    type_text(&mut app, "f");
    assert_eq!(app.screen(), Screen::Flags);
    type_text(&mut app, "a");
    type_text(&mut app, "y");
    assert!(!app.diary().locked());
    assert!(
        app.diary().flags()[0].assessed_at.is_some(),
        "shown as assessed, still in view"
    );
    assert_eq!(app.diary().assessments().len(), 1);

    // The same answer later on locks again.
    let later = t0() + Duration::hours(2);
    app.update(Msg::Goto(Screen::Today), later);
    app.update(Msg::NewCheckin, later);
    app.update(Msg::Edit(tui_input::InputRequest::InsertChar('3')), later);
    for _ in 0..21 {
        app.update(Msg::Down, later);
    }
    app.update(Msg::Toggle, later);
    app.update(Msg::Save, later);
    assert!(app.diary().locked());
}

#[test]
fn tab_and_letters_move_between_screens() {
    let mut app = app();
    press(&mut app, KeyCode::Tab);
    assert_eq!(app.screen(), Screen::Timers);
    press(&mut app, KeyCode::BackTab);
    press(&mut app, KeyCode::BackTab);
    assert_eq!(app.screen(), Screen::Help);
    for screen in enum_iterator::all::<Screen>() {
        type_text(&mut app, &keys::screen_key(screen).to_string());
        assert_eq!(app.screen(), screen);
    }
    type_text(&mut app, "?");
    assert_eq!(app.screen(), Screen::Help);
}

#[test]
fn a_record_from_another_process_shows_on_the_next_tick() {
    let dir = tempfile::tempdir().unwrap();
    let (mine, _) = common::disk_store(&dir.path().join("data"));
    let (theirs, _) = common::disk_store(&dir.path().join("data"));
    let mut app = App::with_diary(Diary::open(Box::new(mine), zone(), "C", t0()), t0(), "C");
    assert!(
        !app.update(Msg::DataChanged, t0()),
        "nothing changed, nothing to draw"
    );
    let body = CheckIn::new(t0(), 2);
    (&theirs as &dyn Store)
        .add(&Record::new(body, t0().date_naive(), t0()))
        .unwrap();
    assert!(app.update(Msg::DataChanged, t0() + Duration::seconds(1)));
    assert_eq!(app.diary().checkins().len(), 1);
    let loaded = (&theirs as &dyn Store)
        .load_kind::<CheckIn>(DateRange::ALL)
        .unwrap();
    assert_eq!(loaded.records[0].id, app.diary().checkins()[0].id);
}

#[test]
fn the_view_follows_the_person_past_midnight() {
    let mut app = app();
    let tomorrow = Utc.with_ymd_and_hms(2026, 3, 11, 0, 0, 1).unwrap();
    assert!(app.update(Msg::Tick, tomorrow));
    assert_eq!(app.today().to_string(), "2026-03-11");
    assert_eq!(app.today_state().day, app.today());
}

#[test]
fn ticks_know_the_date_at_the_edges_of_the_day_and_when_the_clock_goes_back() {
    let mut app = app();
    let at = |d, h, m, s| Utc.with_ymd_and_hms(2026, 3, d, h, m, s).unwrap();
    let wake = app.next_wake(at(10, 23, 59, 0));
    assert!(
        wake <= std::time::Duration::from_secs(60),
        "wakes by midnight, not {wake:?}"
    );
    app.update(Msg::Tick, at(10, 23, 59, 59));
    assert_eq!(app.today().to_string(), "2026-03-10");
    app.update(Msg::Tick, at(11, 0, 0, 0));
    assert_eq!(app.today().to_string(), "2026-03-11");
    // A clock set back a day is followed at once, not at the next midnight.
    app.update(Msg::Tick, at(10, 12, 0, 0));
    assert_eq!(app.today().to_string(), "2026-03-10");
}

#[test]
fn settings_change_the_timer_numbers_within_bounds_and_keep_the_rest() {
    let app = app();
    // Mark a safety note as seen, so a settings save must keep it.
    let mut record = app.diary().settings().cloned().unwrap();
    record
        .body
        .safety_seen
        .push(nape::domain::therapy::PackKind::Cold);
    let mut app = {
        let store = MemoryStore::new();
        (&store as &dyn Store).add(&record).unwrap();
        App::with_diary(Diary::open(Box::new(store), zone(), "C", t0()), t0(), "C")
    };
    type_text(&mut app, "e");
    press(&mut app, KeyCode::Enter);
    // Number, onset (it began "today": no date to give), then cold hours.
    for _ in 0..2 {
        press(&mut app, KeyCode::Tab);
    }
    press(&mut app, KeyCode::Backspace);
    press(&mut app, KeyCode::Backspace);
    type_text(&mut app, "90");
    press(&mut app, KeyCode::Enter);
    let problems = &app.settings_form().problems;
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert!(problems[0].1.contains("from 48 to 72"), "{problems:?}");
    press(&mut app, KeyCode::Backspace);
    press(&mut app, KeyCode::Backspace);
    type_text(&mut app, "48");
    press(&mut app, KeyCode::Tab);
    press(&mut app, KeyCode::Backspace);
    press(&mut app, KeyCode::Backspace);
    type_text(&mut app, "10");
    press(&mut app, KeyCode::Enter);
    let saved = &app.diary().settings().unwrap().body;
    assert_eq!(
        (saved.cold_hours, saved.session_minutes),
        (Some(48), Some(10))
    );
    assert_eq!(saved.limits().session_minutes, 10);
    assert_eq!(
        saved.safety_seen,
        [nape::domain::therapy::PackKind::Cold],
        "kept"
    );
}

#[test]
fn typing_into_a_prefilled_number_replaces_it() {
    let mut app = App::with_diary(
        Diary::open(Box::new(MemoryStore::new()), zone(), "C", t0()),
        t0(),
        "C",
    );
    assert_eq!(app.settings_form().number.value(), "112");
    type_text(&mut app, "911");
    assert_eq!(app.settings_form().number.value(), "911");
    // Once typed into, it is edited as usual.
    press(&mut app, KeyCode::Backspace);
    type_text(&mut app, "2");
    assert_eq!(app.settings_form().number.value(), "912");
    // Moving to a field and back makes it fresh again.
    press(&mut app, KeyCode::Tab);
    press(&mut app, KeyCode::BackTab);
    type_text(&mut app, "000");
    assert_eq!(app.settings_form().number.value(), "000");
}

#[test]
fn on_a_terminal_too_small_to_show_anything_only_quit_works() {
    let mut app = app();
    type_text(&mut app, "5");
    press(&mut app, KeyCode::Enter);
    assert_eq!(stored(&app).len(), 1);
    app.update(Msg::Resized(20, 5), t0());
    for key in ['d', 'y', '9', 'a'] {
        press(&mut app, KeyCode::Char(key));
    }
    press(&mut app, KeyCode::Enter);
    assert_eq!(stored(&app).len(), 1, "nothing deleted or added unseen");
    assert_eq!(stored(&app)[0].body.pain, 5);
    assert!(app.form().is_none());
    // Big enough again: keys work as before.
    app.update(Msg::Resized(80, 24), t0());
    type_text(&mut app, "4");
    press(&mut app, KeyCode::Enter);
    assert_eq!(stored(&app).len(), 2);
    app.update(Msg::Resized(20, 5), t0());
    press(&mut app, KeyCode::Char('q'));
    assert!(app.quit());
}

#[test]
fn enter_in_the_form_ticks_or_moves_on_and_never_saves() {
    let mut app = app();
    type_text(&mut app, "a");
    type_text(&mut app, "5");
    press(&mut app, KeyCode::Enter);
    assert!(app.form().is_some(), "still open");
    assert!(stored(&app).is_empty(), "nothing saved by Enter");
    assert_eq!(app.form().unwrap().focus, 1, "moved on to the next row");
    for _ in 0..3 {
        press(&mut app, KeyCode::Enter);
    }
    // On the first place box now: Enter ticks it.
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.form().unwrap().chosen[0], ["base-of-skull"]);
    assert!(stored(&app).is_empty());
    save_form(&mut app);
    assert_eq!(stored(&app).len(), 1);
}

#[test]
fn esc_on_a_changed_form_asks_before_throwing_it_away() {
    let mut app = app();
    type_text(&mut app, "a");
    press(&mut app, KeyCode::Esc);
    assert!(app.form().is_none(), "unchanged: closed at once");
    type_text(&mut app, "a");
    type_text(&mut app, "7");
    press(&mut app, KeyCode::Esc);
    assert!(app.confirm().is_some(), "asks first");
    type_text(&mut app, "n");
    assert_eq!(app.form().expect("kept").pain.value(), "7");
    match app.status() {
        Some(Status::Info(text)) => assert!(text.starts_with("Still editing"), "{text}"),
        other => panic!("says what n did: {other:?}"),
    }
    press(&mut app, KeyCode::Esc);
    type_text(&mut app, "y");
    assert!(app.form().is_none() && stored(&app).is_empty());
}

#[test]
fn a_digit_typed_into_a_prefilled_rating_replaces_it() {
    let mut app = app();
    type_text(&mut app, "6");
    press(&mut app, KeyCode::Enter);
    press(&mut app, KeyCode::Enter); // edit it
    type_text(&mut app, "4");
    assert_eq!(app.form().unwrap().pain.value(), "4", "not 64");
    save_form(&mut app);
    assert_eq!(stored(&app)[0].body.pain, 4);
}

#[test]
fn copy_last_never_copies_warning_sign_answers() {
    let mut app = app();
    type_text(&mut app, "a");
    type_text(&mut app, "3");
    for _ in 0..12 {
        press(&mut app, KeyCode::Down); // to "spasm"
    }
    press(&mut app, KeyCode::Char(' '));
    for _ in 0..9 {
        press(&mut app, KeyCode::Down); // to the first warning sign
    }
    press(&mut app, KeyCode::Char(' '));
    save_form(&mut app);
    press(&mut app, KeyCode::Enter); // the message about the sign, read
    type_text(&mut app, "c");
    let form = app.form().expect("a copy");
    assert_eq!(form.chosen[1], ["spasm"], "plain symptoms are copied");
    assert!(
        form.chosen[2].is_empty(),
        "warning answers are not: {:?}",
        form.chosen[2]
    );
}

#[test]
fn on_a_date_with_no_date_is_refused_never_taken_as_today() {
    let mut app = common::app::open(MemoryStore::new(), t0());
    press(&mut app, KeyCode::Tab);
    press(&mut app, KeyCode::Right); // "on a date"
    press(&mut app, KeyCode::Enter);
    assert!(app.welcome(), "still on the welcome");
    let problems = &app.settings_form().problems;
    assert!(problems[0].1.contains("date"), "{problems:?}");
    // The cursor went to the date, the field to fix.
    assert_eq!(app.settings_form().focused(), nape::app::SettingField::Date);
    type_text(&mut app, "2026-13-40");
    press(&mut app, KeyCode::Enter);
    assert!(app.welcome());
    for _ in 0..10 {
        press(&mut app, KeyCode::Backspace);
    }
    type_text(&mut app, "2026-03-01");
    press(&mut app, KeyCode::Enter);
    assert!(!app.welcome());
    let onset = app.diary().settings().unwrap().body.onset;
    assert_eq!(onset.unwrap().to_string(), "2026-03-01");
}

#[test]
fn delete_names_the_entry_and_u_brings_it_back_for_a_while() {
    let mut app = app();
    type_text(&mut app, "a");
    type_text(&mut app, "6");
    while app.form().unwrap().focused() != nape::app::Item::Note {
        press(&mut app, KeyCode::Tab);
    }
    type_text(&mut app, "stiff after the drive");
    save_form(&mut app);
    let original = stored(&app)[0].clone();
    type_text(&mut app, "d");
    let question = app.confirm().expect("asks first").question.clone();
    assert_eq!(question, "Delete the 09:30 check-in, pain 6, with a note?");
    type_text(&mut app, "y");
    assert!(stored(&app).is_empty());
    type_text(&mut app, "u");
    let back = stored(&app);
    assert_eq!(back.len(), 1, "brought back");
    assert_eq!(back[0].id, original.id);
    assert_eq!(back[0].body, original.body);
    // Only for a while: ten minutes later the delete stands.
    type_text(&mut app, "d");
    type_text(&mut app, "y");
    let later = t0() + Duration::minutes(11);
    if let Some(msg) = keys::map(app.focus(), KeyEvent::from(KeyCode::Char('u'))) {
        app.update(msg, later);
    }
    assert!(stored(&app).is_empty());
}

#[test]
fn tab_jumps_between_sections_of_the_form_and_a_typical_check_in_is_quick() {
    use nape::app::{Group, Item};
    let mut app = app();
    let mut keys = 0;
    let mut key = |app: &mut App, code: KeyCode| {
        keys += 1;
        press(app, code);
    };
    key(&mut app, KeyCode::Char('a'));
    key(&mut app, KeyCode::Char('6'));
    key(&mut app, KeyCode::Down);
    key(&mut app, KeyCode::Char('7'));
    key(&mut app, KeyCode::Tab); // to "where it hurts"
    assert_eq!(app.form().unwrap().focused(), Item::Choice(Group::Where, 0));
    key(&mut app, KeyCode::Down);
    key(&mut app, KeyCode::Char(' ')); // left side
    key(&mut app, KeyCode::Tab); // symptoms
    key(&mut app, KeyCode::Char(' ')); // headache
    key(&mut app, KeyCode::Tab); // warning signs: one key away, never hidden
    assert_eq!(
        app.form().unwrap().focused(),
        Item::Choice(Group::Warning, 0)
    );
    key(&mut app, KeyCode::Tab); // context
    key(&mut app, KeyCode::Down);
    key(&mut app, KeyCode::Char(' ')); // screen hours
    key(&mut app, KeyCode::Tab); // treatments
    key(&mut app, KeyCode::Char(' ')); // ice
    key(&mut app, KeyCode::Tab); // medicines
    assert_eq!(app.form().unwrap().focused(), Item::Medicines);
    type_text(&mut app, "ibuprofen");
    key(&mut app, KeyCode::Down); // note
    type_text(&mut app, "after a long drive");
    save_form(&mut app);
    keys += 1;
    assert!(keys < 25, "{keys} keys besides typing");
    let saved = &stored(&app)[0].body;
    assert_eq!((saved.pain, saved.worst), (6, Some(7)));
    assert_eq!(saved.locations, ["left-side"]);
    assert_eq!(saved.symptoms, ["headache"]);
    assert_eq!(saved.context, ["screen-hours"]);
    assert_eq!(saved.treatments, ["ice"]);
    assert_eq!(saved.medicines, ["ibuprofen"]);
    assert_eq!(saved.note.as_deref(), Some("after a long drive"));
    // Shift-Tab goes back a section.
    type_text(&mut app, "a");
    press(&mut app, KeyCode::Tab);
    press(&mut app, KeyCode::Tab);
    press(&mut app, KeyCode::BackTab);
    assert_eq!(app.form().unwrap().focused(), Item::Choice(Group::Where, 0));
}

#[test]
fn after_deleting_the_last_row_the_new_last_row_is_picked() {
    let mut app = app();
    for pain in ["3", "4", "5"] {
        type_text(&mut app, pain);
        press(&mut app, KeyCode::Enter);
    }
    press(&mut app, KeyCode::Down);
    press(&mut app, KeyCode::Down);
    type_text(&mut app, "d");
    type_text(&mut app, "y");
    assert_eq!(stored(&app).len(), 2);
    assert_eq!(app.today_state().selected, 1, "on the new last row");
    type_text(&mut app, "d");
    assert!(app.confirm().is_some(), "d works on it at once");
}

#[test]
fn a_copy_left_as_it_is_closes_without_asking() {
    let mut app = app();
    type_text(&mut app, "4");
    press(&mut app, KeyCode::Enter);
    type_text(&mut app, "c");
    assert!(app.form().is_some());
    press(&mut app, KeyCode::Esc);
    assert!(
        app.confirm().is_none(),
        "nothing was changed, so nothing to ask"
    );
    assert!(app.form().is_none());
}

#[test]
fn a_rating_field_takes_only_what_can_make_0_to_10() {
    let mut app = app();
    type_text(&mut app, "a");
    type_text(&mut app, "105");
    assert_eq!(
        app.form().unwrap().pain.value(),
        "5",
        "no 105: the 5 starts it again, as at every prompt"
    );
    press(&mut app, KeyCode::Down);
    type_text(&mut app, "x");
    assert!(
        !app.form().unwrap().errors.is_empty(),
        "a letter is refused, saying why"
    );
    type_text(&mut app, "7");
    assert_eq!(app.form().unwrap().worst.value(), "7");
    assert!(
        app.form().unwrap().errors.is_empty(),
        "a rating again: nothing to fix"
    );
}

/// An onset of today, chosen as "today" on the welcome, shows as "today" in Settings.
#[test]
fn an_onset_of_today_shows_as_today_in_settings() {
    let mut app = common::app::open(MemoryStore::new(), t0());
    app.update(Msg::Enter, t0()); // the welcome, "today" chosen
    assert_eq!(
        app.diary().settings().unwrap().body.onset,
        Some(t0().date_naive())
    );
    app.update(Msg::Goto(Screen::Settings), t0());
    let rows = common::draw::rows(&app, 80, 24).join("\n");
    assert!(rows.contains("(•) today"), "{rows}");
}

#[test]
fn a_form_saved_with_a_bad_field_says_so_without_relying_on_colour() {
    let mut app = app();
    app.set_color(false);
    app.update(Msg::NewCheckin, t0());
    // No pain given: the form cannot be saved.
    app.update(Msg::Save, t0());
    let said = format!("{:?}", app.status());
    assert!(said.contains("Not saved yet"), "{said}");
    assert!(
        !said.contains("red"),
        "under NO_COLOR nothing is red: {said}"
    );
}

#[test]
fn a_digit_over_a_filled_rating_starts_it_again_as_at_every_prompt() {
    let mut app = app();
    type_text(&mut app, "a");
    let pain = |app: &App| app.form().unwrap().pain.value().to_string();
    for (typed, shown) in [
        ("6", "6"),
        ("7", "7"),
        ("1", "1"),
        ("0", "10"),
        ("4", "4"),
        ("5", "5"),
    ] {
        type_text(&mut app, typed);
        assert_eq!(pain(&app), shown, "after {typed}");
        assert!(app.form().unwrap().errors.is_empty(), "after {typed}");
    }
    // A letter is refused, and said.
    type_text(&mut app, "x");
    assert_eq!(pain(&app), "5");
    assert!(!app.form().unwrap().errors.is_empty());
}
