//! The real binary in a pseudo-terminal, read through a terminal emulator, as a person sees it.

use crate::common;

use common::Diary;
use common::pty::Session;

const DOWN: &str = "\x1b[B";

#[test]
fn first_run_a_fast_check_in_and_quit_then_export_holds_it() {
    let diary = Diary::new();
    let mut app = Session::start(&diary);
    app.wait_for("Welcome to nape");
    app.wait_for("Emergency number: 999");
    app.send("\r");
    app.wait_for("Pain now?");
    app.send("7");
    app.wait_for("Pain now:  7");
    app.send("\r");
    app.wait_for("pain 7");
    app.send("q");
    let (ok, restored) = app.wait_exit();
    assert!(ok && restored, "quit cleanly and restored the terminal");

    let export: serde_json::Value = serde_json::from_str(&diary.ok(&["export"])).unwrap();
    let checkins = export["collections"]["checkins"].as_array().unwrap();
    assert_eq!(checkins.len(), 1);
    assert_eq!(checkins[0]["pain"], 7);
    assert_eq!(
        export["collections"]["settings"][0]["emergency_number"],
        "999"
    );
}

#[test]
fn an_emergency_answer_in_the_form_raises_the_emergency_banner() {
    let diary = Diary::new();
    let mut app = form_open(&diary);
    app.send("3");
    // Past the other text fields, the places and the symptoms, to the first warning sign.
    app.send(&DOWN.repeat(21));
    app.wait_for("› [ ] Face drooping");
    app.send(" \x13"); // tick it, Ctrl-S to save
    // A full-width message first, until read; the banner keeps the sign after.
    app.wait_for("‼ EMERGENCY: call 999 now");
    app.wait_for("Why: you reported stroke signs");
    app.send("i");
    app.wait_for("Enter I have read this");
    app.send("\r");
    app.wait_gone("Why: you reported stroke signs");
    app.wait_for("‼ EMERGENCY: Call 999 now");
    app.send("i");
    app.wait_for("Locked: stroke signs");
    // SIGTERM ends it cleanly too.
    let pid = app.child.process_id().unwrap();
    std::process::Command::new("kill")
        .args(["-TERM", &pid.to_string()])
        .status()
        .unwrap();
    let (ok, restored) = app.wait_exit();
    assert!(ok, "SIGTERM ends nape with success");
    assert!(restored, "the terminal is restored");
}

#[test]
fn a_check_in_from_the_shell_shows_in_the_open_app() {
    let diary = Diary::new();
    let mut app = Session::start(&diary);
    app.wait_for("Welcome to nape");
    app.send("\r");
    app.wait_for("No check-ins yet today.");
    // How soon: .ci/bench-app.
    diary.ok(&["log", "--pain", "5", "--note", "from another terminal"]);
    app.wait_for("from another terminal");
    app.send("\x03"); // Ctrl-C
    assert!(app.wait_exit().0);
}

#[test]
fn a_refused_setting_says_why_on_a_small_terminal() {
    let diary = Diary::new();
    diary.ok(&["log", "--pain", "2"]);
    let mut app = Session::start_sized(&diary, 12, 40);
    app.wait_for("Welcome to nape");
    app.send("\r");
    app.wait_for("Pain now?");
    app.send("e");
    app.wait_for("Enter edit");
    app.send("\r");
    // Number, onset ("today": no date to give), then the cold hours: make them 99.
    app.send("\t\t");
    app.wait_for("› Cold for the first");
    app.send("\x7f\x7f99\r");
    app.wait_for("from 48 to 72");
}

#[test]
fn a_third_digit_on_the_fast_path_is_refused_not_taken_as_a_new_rating() {
    let diary = Diary::new();
    let mut app = Session::start(&diary);
    app.wait_for("Welcome to nape");
    app.send("\r");
    app.wait_for("Pain now?");
    app.send("10");
    app.wait_for("Pain now:  10");
    app.send("0");
    app.wait_for("Pain is 0 to 10");
    app.send("\r");
    app.wait_for("pain 10");
    app.send("q");
    app.wait_exit();
    let export = diary.ok(&["export"]);
    assert!(export.contains("\"pain\": 10"), "{export}");
    assert!(!export.contains("\"pain\": 0"), "{export}");
}

#[test]
fn a_note_typed_over_several_lines_keeps_its_lines() {
    let diary = Diary::new();
    let mut app = form_open(&diary);
    app.send("4");
    // Shift-Tab from the first section goes nowhere; the note is the last row.
    app.send(&"\t".repeat(7));
    app.wait_for("Enter: new line");
    app.send("woke stiff\rbetter after a walk");
    app.wait_for("better after a walk");
    app.send("\x13");
    app.wait_for("Saved: pain 4");
    app.send("q");
    let (ok, restored) = app.wait_exit();
    assert!(ok && restored);
    let export: serde_json::Value = serde_json::from_str(&diary.ok(&["export"])).unwrap();
    assert_eq!(
        export["collections"]["checkins"][0]["note"],
        "woke stiff\nbetter after a walk"
    );
}

/// Ctrl-C in a form with something typed asks first, as Esc does; a second Ctrl-C quits.
#[test]
fn ctrl_c_in_a_changed_form_asks_first_and_a_second_one_quits() {
    let diary = Diary::new();
    let mut app = form_open(&diary);
    app.send("4");
    app.send("\x03");
    app.wait_for("Quit and lose this check-in?");
    app.send("n");
    app.wait_for("nothing was thrown away");
    app.send("\x03");
    app.wait_for("Quit and lose this check-in?");
    app.send("\x03");
    let (ok, restored) = app.wait_exit();
    assert!(ok && restored);
    assert!(diary.export_ids().is_empty());
}

/// The app past its welcome, with the full check-in form open.
fn form_open(diary: &Diary) -> Session {
    let mut app = Session::start(diary);
    app.wait_for("Welcome to nape");
    app.send("\r");
    app.wait_for("Pain now?");
    app.send("a");
    app.wait_for("New check-in");
    app
}
