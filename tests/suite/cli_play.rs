//! `nape routines play` through the real binary in a pseudo-terminal, under a fast clock: a
//! routine in plain lines, in order, recorded as the app records it; Ctrl-C stops it.

use crate::common;

use common::Diary;
use common::pty::Session;

/// The routine played: `NAPE_PLAY_SPEED` makes its minutes seconds.
const FAST: [(&str, &str); 1] = [("NAPE_PLAY_SPEED", "40")];

fn routines(diary: &Diary) -> serde_json::Value {
    let export: serde_json::Value = serde_json::from_str(&diary.ok(&["export"])).unwrap();
    export["collections"]["routines"].clone()
}

#[test]
fn a_routine_plays_in_lines_in_order_and_is_recorded_with_the_answers() {
    let diary = Diary::new();
    diary.write_settings(r#""emergency_number": "999", "onset": null, "cues": "bell""#);
    let mut play = Session::run(&diary, &["routines", "play", "desk-reset"], 200, 200, &FAST);
    play.wait_for("Pain now, 0-10 (Enter skips)?");
    play.send("11\r"); // not a rating: asked again
    play.wait_for("A whole number from 0 to 10");
    play.send("4\r");
    play.wait_for("How does your neck feel now?");
    let lines = play.contents();
    // The cues in the order they come, each on its own line.
    let order = [
        "Desk reset: 4 exercises, about 3 min 30 s. Stop at sharp pain",
        "Shoulder rolls, backward.",
        "Move: 5 slow circles backward.",
        "Relax. Next: Chin tuck.",
        "Chin tuck. Slide your chin straight back",
        "Hold.",
        "Relax. Rep 2 of 3.",
        "Relax. Next: Rotation.",
        "Rotation, left side.",
        "Rotation, right side.",
        "Shoulder blade squeeze.",
        "Routine done.",
        "Desk reset done in",
    ];
    let mut from = 0;
    for line in order {
        let at = lines[from..]
            .find(line)
            .unwrap_or_else(|| panic!("{line:?} after {from}:\n{lines}"));
        from += at + line.len();
    }
    play.send("1\r");
    play.wait_for("And pain now");
    play.send("3\r");
    play.wait_for("Noted.");
    assert!(play.wait_exit().0);

    let routines = routines(&diary);
    let r = &routines[0];
    assert_eq!(r["routine"], "desk-reset");
    assert_eq!(r["end"], "finished");
    assert_eq!(r["steps_done"], 4);
    assert_eq!(r["pain_before"], 4);
    assert_eq!(r["pain_after"], 3);
    assert_eq!(r["feeling"], "better");
    assert_eq!(r["steps"].as_array().unwrap().len(), 4);
}

#[test]
fn ctrl_c_stops_the_routine_and_records_how_far_it_got() {
    let diary = Diary::new();
    let slow = [("NAPE_PLAY_SPEED", "10")];
    let mut play = Session::run(
        &diary,
        &["routines", "play", "desk-reset", "--no-pain"],
        24,
        200,
        &slow,
    );
    play.wait_for("Chin tuck. Slide");
    play.send("\x03");
    play.wait_for("Stopped after 1 of 4 exercises");
    play.wait_exit();
    let r = &routines(&diary)[0];
    assert_eq!(r["end"], "stopped");
    assert_eq!(r["steps_done"], 1);
    assert!(r["ended_at"].is_string());
}

#[test]
fn refused_while_a_warning_sign_locks_stretches_and_for_an_unknown_id() {
    let diary = Diary::new();
    let out = diary.run(&["routines", "play", "desk-rest", "--no-pain"]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("no routine \"desk-rest\"") && err.contains("desk-reset"),
        "{err}"
    );
    diary.ok(&["log", "4", "-s", "stroke-signs"]);
    let out = diary.run(&["routines", "play", "desk-reset", "--no-pain"]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("nape assess"), "{err}");
    assert!(routines(&diary).as_array().is_none_or(|r| r.is_empty()));
}

#[test]
fn after_the_routine_ctrl_c_at_a_question_ends_nape_and_ctrl_d_skips_it() {
    let diary = Diary::new();
    let mut play = Session::run(&diary, &["routines", "play", "desk-reset"], 60, 200, &FAST);
    play.wait_for("Pain now, 0-10 (Enter skips)?");
    play.send("\x04"); // Ctrl-D: skipped, on a line of its own
    play.wait_for("How does your neck feel now?");
    play.send("\x03");
    play.wait_exit();
    let r = &routines(&diary)[0];
    assert_eq!(r["end"], "finished");
    assert!(r["feeling"].is_null() && r["pain_before"].is_null(), "{r}");
}

#[test]
fn a_warning_sign_logged_elsewhere_stops_the_routine_playing() {
    let diary = Diary::new();
    let slow = [("NAPE_PLAY_SPEED", "2")];
    let args = ["routines", "play", "desk-reset", "--no-pain"];
    let mut play = Session::run(&diary, &args, 60, 200, &slow);
    play.wait_for("Shoulder rolls, backward.");
    diary.ok(&["log", "4", "-s", "stroke-signs"]);
    play.wait_for("timers and stretches are locked");
    play.wait_for("Stopped after");
    play.wait_exit();
    assert_eq!(routines(&diary)[0]["end"], "stopped");
}
