//! A short routine of one's own played in the real binary, by eye and by ear (a fake speech
//! program records what it was asked to say), ending with its session in `nape export`.

use crate::common;

use std::os::unix::fs::PermissionsExt;
use std::time::{Duration, Instant};

use common::Diary;
use common::pty::Session;

#[test]
fn a_short_routine_plays_speaks_and_is_exported() {
    let diary = Diary::new();
    diary.write_settings(
        r#""emergency_number": "999", "onset": null, "cues": "voice", "ready_secs": 1"#,
    );
    let root = diary.data().parent().unwrap().to_path_buf();
    let routines = root.join("config/routines");
    std::fs::create_dir_all(&routines).unwrap();
    std::fs::write(
        routines.join("quick.json"),
        r#"{"id": "quick", "name": "Quick one", "steps": [{"exercise": "chin-tuck", "hold_secs": 2, "reps": 1}]}"#,
    )
    .unwrap();
    let said = root.join("said.txt");
    let speaker = root.join("speak.sh");
    std::fs::write(
        &speaker,
        format!("#!/bin/sh\nprintf '%s\\n' \"$1\" >> '{}'\n", said.display()),
    )
    .unwrap();
    std::fs::set_permissions(&speaker, std::fs::Permissions::from_mode(0o755)).unwrap();

    let mut app = Session::start_with(
        &diary,
        24,
        80,
        &[("NAPE_SPEECH", speaker.to_str().unwrap())],
    );
    app.wait_for("Today");
    app.send("s");
    app.wait_for("Quick one");
    // The routines are in order: the four built in, then this one.
    app.send("jjjj\r");
    app.wait_for("Before Quick one: pain now?");
    app.send("4\r");
    app.wait_for("Chin tuck  rep 1 of 1");
    app.wait_for("How does your neck feel now?");
    app.send("1");
    app.wait_for("And pain now?");
    app.send("2\r");
    app.wait_for("Noted: your neck feels better, pain 2.");
    app.send("q");
    let (ok, restored) = app.wait_exit();
    assert!(ok && restored);

    let export: serde_json::Value = serde_json::from_str(&diary.ok(&["export"])).unwrap();
    let session = &export["collections"]["routines"][0];
    assert_eq!(session["routine"], "quick");
    assert_eq!(session["end"], "finished");
    assert_eq!(session["pain_before"], 4);
    assert_eq!(session["pain_after"], 2);
    assert_eq!(session["feeling"], "better");

    // The voice is started without waiting for it: wait for its last words with a deadline,
    // woken by each change to the folder the fake speech program writes in.
    let expected = "Chin tuck. Slide your chin straight back, keeping your head level. Hold 2 \
                    seconds.\nHold.\nRoutine done. How does your neck feel?\n";
    let (tx, rx) = std::sync::mpsc::channel();
    let mut watcher = notify::recommended_watcher(tx).unwrap();
    notify::Watcher::watch(&mut watcher, &root, notify::RecursiveMode::NonRecursive).unwrap();
    let deadline = Instant::now() + Duration::from_secs(10);
    let mut text = std::fs::read_to_string(&said).unwrap_or_default();
    while text != expected {
        let left = deadline.saturating_duration_since(Instant::now());
        if rx.recv_timeout(left).is_err() {
            break;
        }
        text = std::fs::read_to_string(&said).unwrap_or_default();
    }
    assert_eq!(text, expected);
}

/// Skipping through the desk reset with `n` reaches its end, but nothing was held: it is not
/// "4 of 4, finished" in the record.
#[test]
fn skipping_through_a_routine_is_recorded_as_skipped_not_finished() {
    let diary = Diary::new();
    let mut app = desk_reset_playing(&diary);
    app.send("nnnn");
    app.wait_for("How does your neck feel now?");
    app.send("2");
    app.wait_for("And pain now?");
    app.send("\r");
    app.wait_for("Noted");
    app.send("q");
    assert!(app.wait_exit().0);
    let export: serde_json::Value = serde_json::from_str(&diary.ok(&["export"])).unwrap();
    let played = &export["collections"]["routines"][0];
    assert_eq!(played["end"], "incomplete", "{played}");
    assert_eq!(played["steps_done"], 0, "{played}");
    let steps = played["steps"].as_array().expect("each exercise recorded");
    assert_eq!(steps.len(), 4);
    assert!(steps.iter().all(|s| s["outcome"] == "skipped"), "{played}");
}

/// A routine file put in the config folder while nape is open shows on the Stretches screen
/// without a restart.
#[test]
fn a_routine_file_added_while_open_is_picked_up() {
    let diary = Diary::new();
    diary.write_settings(r#""emergency_number": "999", "onset": null"#);
    let routines = diary.data().parent().unwrap().join("config/routines");
    std::fs::create_dir_all(&routines).unwrap();
    let mut app = Session::start(&diary);
    app.wait_for("Today");
    app.send("s");
    app.wait_for("Desk reset");
    std::fs::write(
        routines.join("late.json"),
        r#"{"id": "late", "name": "Added later", "steps": [{"exercise": "chin-tuck"}]}"#,
    )
    .unwrap();
    app.wait_for("Added later");
    app.send("q");
    assert!(app.wait_exit().0);
}

/// The same when the routines folder itself is made while nape is open: the folder is watched
/// from then on, not only its making.
#[test]
fn a_routine_file_in_a_routines_folder_made_while_open_is_picked_up() {
    let diary = Diary::new();
    diary.write_settings(r#""emergency_number": "999", "onset": null"#);
    let config = diary.data().parent().unwrap().join("config");
    std::fs::create_dir_all(&config).unwrap();
    let mut app = Session::start(&diary);
    app.wait_for("Today");
    app.send("s");
    app.wait_for("Desk reset");
    std::fs::create_dir(config.join("routines")).unwrap();
    std::fs::write(
        config.join("routines/late.json"),
        r#"{"id": "late", "name": "Added later", "steps": [{"exercise": "chin-tuck"}]}"#,
    )
    .unwrap();
    app.wait_for("Added later");
    std::fs::write(
        config.join("routines/later.json"),
        r#"{"id": "later", "name": "Added later still", "steps": [{"exercise": "chin-tuck"}]}"#,
    )
    .unwrap();
    app.wait_for("Added later still");
    app.send("q");
    assert!(app.wait_exit().0);
}

/// A routine whose nape was killed is ended as interrupted by the next nape that looks: no
/// ghost in `nape status`, no refusal to start another, and what was done so far is kept.
#[test]
fn a_routine_whose_nape_was_killed_is_ended_as_interrupted_by_the_next_look() {
    let diary = Diary::new();
    let mut app = desk_reset_playing(&diary);
    app.send("n"); // skip the first exercise: saved as it happens
    app.wait_for("Chin tuck");
    app.child.kill().expect("kill nape");
    app.child.wait().expect("reaped");

    let status = diary.ok(&["status"]);
    assert!(!status.contains("left"), "a ghost: {status}");
    let export: serde_json::Value = serde_json::from_str(&diary.ok(&["export"])).unwrap();
    let played = &export["collections"]["routines"][0];
    assert_eq!(played["end"], "interrupted", "{played}");
    assert_eq!(played["steps"][0]["outcome"], "skipped", "{played}");

    let mut again = Session::start(&diary);
    again.wait_for("Today");
    again.send("s");
    again.wait_for("Desk reset");
    again.send("\r");
    again.wait_for("pain now?");
    again.send("q");
}

/// The app playing the desk reset, cues off, no pain before given.
fn desk_reset_playing(diary: &Diary) -> Session {
    diary.write_settings(r#""emergency_number": "999", "onset": null, "cues": "off""#);
    let mut app = Session::start(diary);
    app.wait_for("Today");
    app.send("s");
    app.wait_for("Desk reset");
    app.send("\r");
    app.wait_for("pain now?");
    app.send("\r");
    app.wait_for("rep 1 of");
    app
}
