//! When part of the diary cannot be read, nape cannot know that no warning sign is active: the
//! banner and `nape status` say so, and starting a timer asks first. Through the real binary.

use crate::common;

use common::Diary;
use common::pty::Session;

/// A diary with check-ins in January and February, then January's file spoiled by `spoil`.
fn spoiled(spoil: impl Fn(&std::path::Path)) -> Diary {
    let diary = Diary::new();
    diary.ok(&["log", "--pain", "2", "--at", "2026-01-05 10:00"]);
    diary.ok(&["log", "--pain", "3", "--at", "2026-02-05 10:00"]);
    std::fs::remove_dir_all(diary.backups()).unwrap();
    spoil(&diary.data().join("checkins/2026-01.desk0001.json"));
    diary
}

fn damaged() -> Diary {
    spoiled(|file| std::fs::write(file, b"{\"schema_version\": 1, \"records\": [").unwrap())
}

fn newer() -> Diary {
    spoiled(|file| {
        let text = std::fs::read_to_string(file).unwrap();
        std::fs::write(
            file,
            text.replace("\"schema_version\": 2", "\"schema_version\": 3"),
        )
        .unwrap();
    })
}

/// A file where the check-ins folder should be: the folder cannot be read. (Tests may run as
/// root, for whom no permission bit makes a folder unreadable.)
fn unreadable() -> Diary {
    spoiled(|file| {
        let folder = file.parent().unwrap();
        std::fs::remove_dir_all(folder).unwrap();
        std::fs::write(folder, b"not a folder").unwrap();
    })
}

#[test]
fn nape_status_says_the_signs_could_not_be_checked_and_timers_ask_first() {
    type Case = (&'static str, fn() -> Diary, &'static str);
    let cases: [Case; 3] = [
        ("damaged", damaged, "checkins/2026-01 is damaged"),
        ("newer", newer, "checkins/2026-01 is from a newer nape"),
        (
            "unreadable",
            unreadable,
            "data/checkins is a file, not a folder",
        ),
    ];
    for (name, make, why) in cases {
        let diary = make();
        let status = diary.run(&["status", "--format", "{flag}"]);
        assert_eq!(
            String::from_utf8_lossy(&status.stdout).trim(),
            "! SIGNS NOT CHECKED",
            "{name}"
        );
        let out = diary.run(&["timer", "start", "cold"]);
        let said = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(1), "{name}: {said}");
        assert!(
            said.contains(&format!("warning signs could not be checked: {why}")),
            "{name}: {said}"
        );
        assert!(said.contains("--anyway"), "{name}: {said}");
        let started = diary.ok(&["timer", "start", "cold", "--anyway"]);
        assert!(started.contains("Starting anyway"), "{name}: {started}");
    }
    // A whole diary gives no such message.
    let whole = Diary::new();
    whole.ok(&["log", "--pain", "2"]);
    assert_eq!(whole.ok(&["status", "--format", "{flag}"]).trim(), "");
}

#[test]
fn the_banner_says_the_signs_could_not_be_checked() {
    let diary = damaged();
    diary.write_settings(r#""emergency_number": "999", "onset": null"#);
    let mut app = Session::start(&diary);
    app.wait_for("! Warning signs not checked: checkins/2026-01 is damaged · call 999");
    app.send("q");
    let (ok, restored) = app.wait_exit();
    assert!(ok && restored);

    // An emergency outranks it.
    diary.ok(&["log", "--pain", "5", "--symptom", "injury"]);
    assert_eq!(
        diary.ok(&["status", "--format", "{flag}"]).trim(),
        "‼ EMERGENCY"
    );
}

#[test]
fn a_stretch_routine_asks_first_when_the_signs_could_not_be_checked() {
    let diary = damaged();
    diary.write_settings(r#""emergency_number": "999", "onset": null"#);
    let mut app = Session::start(&diary);
    app.wait_for("Warning signs not checked");
    app.send("s");
    app.wait_for("Desk reset");
    app.send("\r");
    app.wait_for("could not be checked (checkins/2026-01 is damaged). Start anyway?");
    app.send("n");
    app.wait_for("Nothing started.");
    app.send("\r");
    app.wait_for("Start anyway?");
    app.send("y");
    app.wait_for("Before Desk reset: pain now?");
    app.send("n");
    app.wait_for("Nothing started.");
    app.send("q");
    let (ok, restored) = app.wait_exit();
    assert!(ok && restored);
}

#[test]
fn the_report_on_a_damaged_diary_never_says_no_sign_is_in_force() {
    let diary = damaged();
    let md = diary.ok(&["report", "--format", "md", "--until", "2026-02-28"]);
    assert!(!md.contains("No warning sign is in force"), "{md}");
    assert!(md.contains("could not be checked"), "{md}");
    assert!(md.contains("checkins/2026-01 is damaged"), "{md}");
}

#[test]
fn a_warning_sign_the_shell_could_not_save_gets_the_message_and_the_number_first() {
    let diary = damaged();
    let out = diary.run(&[
        "log",
        "4",
        "-s",
        "face-numbness",
        "--at",
        "2026-01-20 09:00",
    ]);
    assert_eq!(out.status.code(), Some(1), "not saved");
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stdout.contains("EMERGENCY: Call 112 now"), "{stdout}");
    assert!(stderr.contains("damaged"), "{stderr}");
}

/// What the rules would make of it, not only the questions ticked: numbness in both arms in
/// one check-in that could not be saved is told as the emergency it is.
#[test]
fn a_pattern_that_could_not_be_saved_is_told_at_its_level() {
    let diary = damaged();
    let args = [
        "log",
        "4",
        "-s",
        "numbness",
        "-w",
        "left-arm",
        "-w",
        "right-arm",
    ];
    let out = diary.run(&[&args[..], &["--at", "2026-01-20 09:00"]].concat());
    assert_eq!(out.status.code(), Some(1));
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(stdout.contains("EMERGENCY"), "{stdout}");
    // A warning sign answered with a mistyped time: the number before anything.
    let out = diary.run(&["log", "4", "-s", "Worst-Headache", "--at", "25:00"]);
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("112"), "{stderr}");
}
