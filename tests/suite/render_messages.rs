//! A message longer than the status line is never cut: it wraps, and where even that does not
//! fit it opens in a panel over the screen until the next key.

use crate::common;

use chrono::{DateTime, FixedOffset, TimeZone, Utc};
use nape::app::{App, Msg, Status};
use nape::clock::Zone;
use nape::diary::Diary;
use nape::store::MemoryStore;

fn now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 3, 10, 9, 30, 0).unwrap()
}

fn app() -> App {
    let mut app = common::app::open(MemoryStore::new(), now());
    app.update(Msg::Enter, now());
    app
}

fn words_on_screen(app: &App, width: u16, height: u16) -> String {
    let rows = common::draw::rows(app, width, height).join(" ");
    rows.split_whitespace().collect::<Vec<_>>().join(" ")
}

const LONG: &str = "Not saved: /home/someone/.local/share/nape/checkins/2026-03.json is damaged \
    (the file is not valid JSON (expected value at line 1 column 1)) and there is no good backup \
    of it. Nothing was written. Repair the file or move it aside, then try again (`nape check` \
    lists damaged files).";

#[test]
fn a_long_message_is_shown_whole_at_every_size() {
    let mut app = app();
    app.tell(Status::Error(LONG.into()));
    for (width, height) in [(80, 24), (40, 12), (36, 10), (120, 40)] {
        let screen = words_on_screen(&app, width, height);
        // Long paths may be broken anywhere; compare without spaces or a panel's sides.
        let want: String = LONG.split_whitespace().collect();
        let got: String = screen.replace('│', "").split_whitespace().collect();
        assert!(got.contains(&want), "{width}x{height}: {screen}");
    }
}

#[test]
fn the_panel_closes_at_the_next_key_even_one_with_no_binding() {
    for key in [Msg::Goto(nape::app::Screen::Help), Msg::Other] {
        let mut app = app();
        app.tell(Status::Error(LONG.into()));
        app.update(key, now());
        let screen = words_on_screen(&app, 40, 12);
        assert!(!screen.contains("Repair the file"), "{screen}");
    }
}

#[test]
fn a_standing_problem_never_covers_the_screen() {
    use nape::store::{Collection, Store};
    // A store whose check-ins cannot be read: the problem stays until it is fixed.
    struct Broken(MemoryStore);
    impl Store for Broken {
        fn load(
            &self,
            c: Collection,
            range: nape::store::DateRange,
        ) -> Result<nape::store::Loaded, nape::store::StoreError> {
            if c.name == "checkins" {
                return Err(nape::store::StoreError::NoDataDir(LONG.into()));
            }
            self.0.load(c, range)
        }
        fn apply(
            &self,
            c: Collection,
            ops: Vec<nape::store::Op>,
        ) -> Result<nape::store::Applied, nape::store::StoreError> {
            self.0.apply(c, ops)
        }
        fn stamp(&self, c: Collection) -> u64 {
            self.0.stamp(c)
        }
        fn location(&self) -> String {
            self.0.location()
        }
    }
    let zone = Zone::Fixed(FixedOffset::east_opt(0).unwrap());
    let mut app = App::with_diary(
        Diary::open(
            Box::new(Broken(MemoryStore::new())),
            zone,
            "en_GB.UTF-8",
            now(),
        ),
        now(),
        "en_GB.UTF-8",
    );
    app.update(Msg::Enter, now());
    app.update(Msg::Goto(nape::app::Screen::Today), now());
    assert!(app.problem().is_some());
    let screen = words_on_screen(&app, 40, 12);
    assert!(screen.contains("Pain now?"), "{screen}");
    // Two rows at most, ending with where to read all of it.
    assert!(screen.contains("(all of it: nape check)"), "{screen}");
    assert!(screen.contains("No check-ins yet today"), "{screen}");
}

#[test]
fn the_day_shown_is_named_in_words() {
    let mut app = app();
    app.update(Msg::PrevDay, now());
    let screen = words_on_screen(&app, 80, 24);
    assert!(screen.contains("(yesterday)"), "{screen}");
    app.update(Msg::PrevDay, now());
    let screen = words_on_screen(&app, 80, 24);
    assert!(screen.contains("(2 days ago)"), "{screen}");
}

#[test]
fn the_when_field_keeps_its_hint_and_its_error_names_it_as_the_form_does() {
    let mut app = app();
    app.update(Msg::NewCheckin, now());
    app.update(Msg::Edit(tui_input::InputRequest::InsertChar('4')), now());
    for _ in 0..3 {
        app.update(Msg::NextField, now()); // to When
    }
    let screen = words_on_screen(&app, 80, 24);
    assert!(
        screen.contains("yesterday HH:MM"),
        "hint while focused: {screen}"
    );
    for c in "tomorrow".chars() {
        app.update(Msg::Edit(tui_input::InputRequest::InsertChar(c)), now());
    }
    app.update(Msg::Save, now());
    let screen = words_on_screen(&app, 80, 24);
    assert!(screen.contains("When: must be"), "{screen}");
    assert!(!screen.contains("at must be"), "{screen}");
}

#[test]
fn the_red_flags_list_reads_as_if_you_have_any_of_these() {
    let mut app = app();
    app.update(Msg::Goto(nape::app::Screen::Flags), now());
    let screen = words_on_screen(&app, 80, 24);
    assert!(
        screen.contains("‼ If you have any of these: call 999 now"),
        "{screen}"
    );
}

#[test]
fn todays_prompt_fits_at_40_columns() {
    let app = app();
    let screen = words_on_screen(&app, 40, 12);
    assert!(
        screen.contains("Pain now? 0-10, Enter · a: full form"),
        "{screen}"
    );
    let wide = words_on_screen(&app, 80, 24);
    assert!(
        wide.contains("type 0-10 then Enter · a for the full form"),
        "{wide}"
    );
}

#[test]
fn the_form_says_there_is_more_below_until_the_end() {
    let mut app = app();
    app.update(Msg::NewCheckin, now());
    let screen = words_on_screen(&app, 80, 24);
    assert!(screen.contains("more below"), "{screen}");
    for _ in 0..80 {
        app.update(Msg::Down, now());
    }
    let screen = words_on_screen(&app, 80, 24);
    assert!(!screen.contains("more below"), "{screen}");
    assert!(screen.contains("Note"), "{screen}");
}

#[test]
fn the_welcome_shows_the_emergency_signs() {
    let app = common::app::open(MemoryStore::new(), now());
    assert!(app.welcome());
    let screen = words_on_screen(&app, 80, 24);
    assert!(screen.contains("Face drooping"), "{screen}");
    assert!(screen.contains("call 999 now"), "{screen}");
}

#[test]
fn today_shows_the_picked_check_in_in_full_beside_the_list() {
    use nape::domain::checkin::CheckIn;
    use nape::store::{Record, Store};
    let store = MemoryStore::new();
    let at = now() - chrono::Duration::minutes(20);
    let note = "Stiff after the long drive home; turning left hurts more than right, and it eased \
                a little after the shower. Line two of the note.";
    let body = CheckIn {
        locations: vec!["left-side".into(), "upper-shoulders".into()],
        symptoms: vec!["headache".into()],
        context: vec!["screen-hours".into()],
        treatments: vec!["heat".into()],
        medicines: vec!["ibuprofen".into()],
        note: Some(note.into()),
        ..CheckIn::new(at, 5)
    };
    let s: &dyn Store = &store;
    s.add(&Record::new(body, at.date_naive(), at)).unwrap();
    let mut app = common::app::open(store, now());
    app.update(Msg::Enter, now());
    for (w, h) in [(80, 24), (40, 24)] {
        let screen = words_on_screen(&app, w, h);
        // Without spaces and the pane's rule, as lines wrap anywhere.
        let flat: String = screen.replace(['│', '─'], "").split_whitespace().collect();
        let want: String = note.split_whitespace().collect();
        assert!(flat.contains(&want), "{w}x{h}: the whole note: {screen}");
        for label in [
            "left side of the neck",
            "upper shoulders",
            "headache",
            "ibuprofen",
        ] {
            let label: String = label.split_whitespace().collect();
            assert!(flat.contains(&label), "{w}x{h}: {label} in {screen}");
        }
    }
}

#[test]
fn a_field_error_in_the_form_is_shown_whole() {
    let mut app = app();
    app.update(Msg::NewCheckin, now());
    app.update(Msg::Save, now()); // no pain
    for (w, h) in [(80, 24), (40, 12)] {
        // The map beside the form at 80 columns: read the form's side of each row only.
        let rows = common::draw::rows(&app, w, h);
        let screen: Vec<&str> = rows
            .iter()
            .map(|r| r.split('│').next().unwrap_or(""))
            .collect();
        let flat: String = screen.join(" ").split_whitespace().collect();
        assert!(
            flat.contains("mustbeawholenumberfrom0to10"),
            "{w}x{h}: {screen:?}"
        );
    }
}
