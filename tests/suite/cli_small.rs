//! Smaller things that were wrong: plurals, a repeated phrase, a relative home folder, a backup
//! that could not be made, a schema version of 0.

use crate::common;

use common::Diary;

#[test]
fn a_session_that_ended_a_minute_ago_says_minute() {
    let diary = Diary::new();
    // Started 6 minutes 10 seconds ago for 5 minutes: it ended a minute ago.
    diary.ok(&["timer", "start", "cold", "--minutes", "5"]);
    let file = std::fs::read_dir(diary.data().join("therapy"))
        .unwrap()
        .flatten()
        .find(|e| e.file_name().to_string_lossy().contains(common::DESK))
        .unwrap()
        .path();
    let text = std::fs::read_to_string(&file).unwrap();
    let json: serde_json::Value = serde_json::from_str(&text).unwrap();
    let started = json["records"][0]["started_at"]
        .as_str()
        .unwrap()
        .to_string();
    let earlier = (chrono::Utc::now() - chrono::Duration::seconds(6 * 60 + 10))
        .to_rfc3339_opts(chrono::SecondsFormat::Secs, true);
    std::fs::write(&file, text.replace(&started, &earlier)).unwrap();
    let out = diary.ok(&["timer", "status"]);
    assert!(out.contains("ended 1 minute ago"), "{out}");
}

#[test]
fn the_newer_file_message_says_newer_once() {
    let diary = Diary::new();
    diary.ok(&["log", "--pain", "2", "--at", "2026-01-05 10:00"]);
    diary.edit_file(
        "checkins/2026-01.desk0001.json",
        "\"schema_version\": 2",
        "\"schema_version\": 9",
    );
    let out = diary.run(&["log", "--pain", "3", "--at", "2026-01-06 10:00"]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!out.status.success());
    assert_eq!(stderr.matches("newer").count(), 1, "{stderr}");
}

#[test]
fn schema_version_0_is_refused_like_any_unknown_version() {
    let diary = Diary::new();
    diary.ok(&["log", "--pain", "2", "--at", "2026-01-05 10:00"]);
    diary.edit_file(
        "checkins/2026-01.desk0001.json",
        "\"schema_version\": 2",
        "\"schema_version\": 0",
    );
    let out = diary.run(&["check"]);
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(!out.status.success(), "{stdout}");
    assert!(stdout.contains("schema"), "{stdout}");
}

#[test]
fn a_relative_home_is_not_used_for_the_diary() {
    let diary = Diary::new();
    let out = diary
        .command(&["log", "--pain", "3"])
        .env_remove("NAPE_DATA_DIR")
        .env_remove("XDG_DATA_HOME")
        .env("HOME", "relative/home")
        .current_dir(diary.dir.path())
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!out.status.success(), "{stderr}");
    assert!(stderr.contains("HOME"), "{stderr}");
    assert!(
        !diary.dir.path().join("relative").exists(),
        "wrote into a relative folder"
    );
}

#[test]
fn a_backup_that_cannot_be_made_is_reported() {
    let diary = Diary::new();
    diary.ok(&["log", "--pain", "2"]);
    // A file where the backups folder should be: no backup can be written.
    let backups = diary.backups();
    std::fs::remove_dir_all(&backups).unwrap();
    std::fs::write(&backups, "not a folder").unwrap();
    let out = diary.run(&["log", "--pain", "3"]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "the save itself is fine: {stderr}");
    assert!(stderr.contains("backup could not be made"), "{stderr}");
}

#[test]
fn a_relative_xdg_data_home_is_ignored_as_the_spec_says() {
    let diary = Diary::new();
    let home = diary.dir.path().join("home");
    std::fs::create_dir(&home).unwrap();
    common::succeeds(
        diary
            .command(&["log", "--pain", "3"])
            .env_remove("NAPE_DATA_DIR")
            .env("XDG_DATA_HOME", "relative/share")
            .env("HOME", &home)
            .current_dir(diary.dir.path()),
    );
    assert!(!diary.dir.path().join("relative").exists());
    assert!(home.join(".local/share/nape/checkins").is_dir());
}
