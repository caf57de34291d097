//! The store under the faults a real machine has: a lock held by a stuck process, and more.
//! Each case ends with nothing acknowledged lost and a clear word about what happened.

mod common;

use std::fs::{File, OpenOptions};
use std::io::Write;
use std::time::{Duration, Instant};

use common::Diary;
use common::pty::Session;

/// Hold the diary's lock as a stuck nape would, with this process's id written in it.
fn hold_lock(diary: &Diary) -> File {
    std::fs::create_dir_all(diary.data()).unwrap();
    let mut file = OpenOptions::new()
        .read(true)
        .write(true)
        .create(true)
        .truncate(true)
        .open(diary.data().join("nape.lock"))
        .unwrap();
    file.lock().unwrap();
    write!(file, "{}", std::process::id()).unwrap();
    file
}

#[test]
fn a_held_lock_makes_nape_log_give_up_with_a_message_not_hang() {
    let diary = Diary::new();
    diary.ok(&["log", "--pain", "2"]);
    let before = diary.snapshot();
    let lock = hold_lock(&diary);
    let mut child = diary
        .command(&["log", "--pain", "5"])
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let deadline = Instant::now() + Duration::from_secs(30);
    while child.try_wait().unwrap().is_none() && Instant::now() < deadline {
        std::thread::sleep(Duration::from_millis(20));
    }
    if child.try_wait().unwrap().is_none() {
        child.kill().unwrap();
        panic!("nape log waited for the lock for ever");
    }
    let out = child.wait_with_output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    let pid = std::process::id().to_string();
    assert!(
        stderr.contains("another nape is saving") && stderr.contains(&pid),
        "{stderr}"
    );
    drop(lock);
    assert_eq!(diary.snapshot(), before, "nothing was written");
    // Once the lock is free, the same command works.
    diary.ok(&["log", "--pain", "5"]);
}

#[test]
fn a_held_lock_leaves_the_app_responsive_and_saying_it_could_not_save() {
    let diary = Diary::new();
    diary.ok(&["log", "--pain", "2"]);
    let mut app = Session::start(&diary);
    app.wait_for("Welcome to nape");
    app.send("\r");
    app.wait_for("Pain now?");
    let lock = hold_lock(&diary);
    app.send("6\r");
    app.wait_for("another nape is saving");
    // Still answering keys while the lock is held.
    app.send("h");
    app.wait_for("Help");
    drop(lock);
    app.send("t");
    app.wait_for("Pain now?");
    app.send("6\r");
    app.wait_for("pain 6");
    app.send("q");
    app.wait_exit();
}

#[test]
fn a_damaged_settings_file_without_a_backup_can_be_started_afresh_from_the_welcome() {
    let diary = Diary::new();
    diary.ok(&["log", "--pain", "2"]);
    let folder = diary.data().join("settings");
    std::fs::create_dir_all(&folder).unwrap();
    std::fs::write(folder.join("settings.json"), "{garbage").unwrap();
    let mut app = Session::start(&diary);
    app.wait_for("Welcome to nape");
    app.wait_for("settings file is damaged");
    app.send("\r");
    app.wait_for("Pain now?");
    app.wait_for("damaged file was kept aside");
    app.send("q");
    app.wait_exit();
    // Fresh settings are stored, the damaged file is kept beside them, and check is clean.
    let kept: Vec<_> = std::fs::read_dir(&folder)
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.contains("corrupt"))
        .collect();
    assert_eq!(kept.len(), 1, "{kept:?}");
    let kept = std::fs::read(folder.join(&kept[0])).unwrap();
    assert_eq!(kept, b"{garbage");
    let check = diary.run(&["check"]);
    let stdout = String::from_utf8_lossy(&check.stdout);
    assert!(!stdout.contains("DAMAGED"), "{stdout}");
}

#[cfg(unix)]
#[test]
fn a_symlinked_month_file_is_reported_and_never_written_through() {
    let diary = Diary::new();
    diary.ok(&["log", "--pain", "2", "--at", "2026-01-05 10:00"]);
    let month = diary.data().join("checkins/2026-01.json");
    let outside = diary.dir.path().join("synced-2026-01.json");
    std::fs::rename(&month, &outside).unwrap();
    std::os::unix::fs::symlink(&outside, &month).unwrap();
    let target = std::fs::read(&outside).unwrap();

    let check = diary.run(&["check"]);
    let stdout = String::from_utf8_lossy(&check.stdout);
    assert!(!check.status.success(), "{stdout}");
    assert!(
        stdout.contains("2026-01.json") && stdout.contains("symbolic link"),
        "{stdout}"
    );
    let export = diary.run(&["export"]);
    let stderr = String::from_utf8_lossy(&export.stderr);
    assert!(stderr.contains("symbolic link"), "export warns: {stderr}");

    let log = diary.run(&["log", "--pain", "4", "--at", "2026-01-07 10:00"]);
    let stderr = String::from_utf8_lossy(&log.stderr);
    assert!(!log.status.success(), "{stderr}");
    assert!(stderr.contains("symbolic link"), "{stderr}");
    assert!(
        std::fs::symlink_metadata(&month)
            .unwrap()
            .file_type()
            .is_symlink(),
        "the link was replaced"
    );
    assert_eq!(std::fs::read(&outside).unwrap(), target, "written through");
}

#[test]
fn a_folder_where_a_file_should_be_and_a_file_where_a_folder_should_be_are_reported() {
    let diary = Diary::new();
    diary.ok(&["log", "--pain", "2"]);
    std::fs::create_dir_all(diary.data().join("checkins/2026-02.json")).unwrap();
    std::fs::write(diary.data().join("assessments"), "oops").unwrap();
    let check = diary.run(&["check"]);
    let stdout = String::from_utf8_lossy(&check.stdout);
    assert!(!check.status.success(), "{stdout}");
    assert!(
        stdout.contains("2026-02.json") && stdout.contains("a folder"),
        "{stdout}"
    );
    assert!(
        stdout.contains("assessments") && stdout.contains("a file"),
        "{stdout}"
    );

    let log = diary.run(&["log", "--pain", "4", "--at", "2026-02-07 10:00"]);
    let stderr = String::from_utf8_lossy(&log.stderr);
    assert!(!log.status.success(), "{stderr}");
    assert!(stderr.contains("a folder"), "{stderr}");
    let export = diary.run(&["export"]);
    assert!(!export.status.success());
}

#[test]
fn a_deleted_check_in_does_not_come_back_from_an_older_export() {
    let diary = Diary::new();
    diary.ok(&["log", "--pain", "2"]);
    diary.ok(&["log", "--pain", "7"]);
    let old = diary.dir.path().join("old.json");
    std::fs::write(&old, diary.ok(&["export"])).unwrap();

    // Delete the newest check-in in the app.
    let mut app = Session::start(&diary);
    app.wait_for("Welcome to nape");
    app.send("\r");
    app.wait_for("Pain now?");
    app.wait_for("pain 7");
    app.send("\x1b[B"); // down to the second check-in of today
    app.send("d");
    app.wait_for("y yes");
    app.send("y");
    app.wait_gone("pain 7");
    app.send("q");
    app.wait_exit();
    assert_eq!(diary.export_ids().len(), 1);

    diary.ok(&["import", old.to_str().unwrap()]);
    assert_eq!(
        diary.export_ids().len(),
        1,
        "the deleted check-in came back"
    );
    // The export carries the deletion, so a second machine importing it deletes it too.
    let export: serde_json::Value = serde_json::from_str(&diary.ok(&["export"])).unwrap();
    assert_eq!(
        export["deleted"]["checkins"].as_array().map(Vec::len),
        Some(1)
    );

    let other = Diary::new();
    other.ok(&["import", old.to_str().unwrap()]);
    assert_eq!(other.export_ids().len(), 2);
    let now = diary.dir.path().join("now.json");
    std::fs::write(&now, diary.ok(&["export"])).unwrap();
    other.ok(&["import", now.to_str().unwrap()]);
    assert_eq!(
        other.export_ids().len(),
        1,
        "the deletion travels with the export"
    );
}
