//! Damaged files: never a panic, never overwritten, restored from a backup when there is one,
//! and the person is told what happened.

use crate::common;

use common::{Diary, saved_id};
use nape::store::document::{self, ParseError};
use proptest::prelude::*;

const VALID: &str = r#"{
  "schema_version": 1,
  "records": [
    {"id": "01890000-0000-7000-8000-000000000001", "created_at": "2026-05-02T08:00:00Z",
     "updated_at": "2026-05-02T08:00:00Z", "date": "2026-05-02", "at": "2026-05-02T08:00:00Z",
     "pain": 4, "note": "a, b"}
  ]
}"#;

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]
    #[test]
    fn random_bytes_give_a_typed_error(bytes in proptest::collection::vec(any::<u8>(), 0..300)) {
        // Must return, not panic; random bytes are never a valid document.
        prop_assert!(document::parse(&bytes).is_err());
    }

    #[test]
    fn mutated_valid_files_never_panic(cut in 0usize..VALID.len(), flip in 0usize..VALID.len(), byte in any::<u8>()) {
        let mut bytes = VALID.as_bytes().to_vec();
        bytes[flip] = byte;
        let _ = document::parse(&bytes);
        let truncated = &VALID.as_bytes()[..cut];
        prop_assert!(document::parse(truncated).is_err(), "a truncated file parsed");
    }
}

#[test]
fn typed_errors_say_what_is_wrong() {
    assert_eq!(document::parse(b""), Err(ParseError::Empty));
    assert_eq!(document::parse(b"  \n"), Err(ParseError::Empty));
    assert!(matches!(
        document::parse(b"{\"schema_version\":1,"),
        Err(ParseError::Syntax(_))
    ));
    assert!(matches!(
        document::parse(b"[1,2]"),
        Err(ParseError::Shape(_))
    ));
    let newer = VALID.replace("\"schema_version\": 1", "\"schema_version\": 7");
    assert_eq!(
        document::parse(newer.as_bytes()),
        Err(ParseError::Newer {
            found: 7,
            known: nape::store::SCHEMA_VERSION
        })
    );
    let record = r#"{"id": "01890000-0000-7000-8000-000000000001", "created_at": "2026-05-02T08:00:00Z",
        "updated_at": "2026-05-02T08:00:00Z", "date": "2026-05-02", "at": "2026-05-02T08:00:00Z", "pain": 4}"#;
    let twice = format!("{{\"schema_version\": 1, \"records\": [{record}, {record}]}}");
    assert!(matches!(
        document::parse(twice.as_bytes()),
        Err(ParseError::DuplicateId(_))
    ));
}

/// Log entries this month, then damage the month's file in `how`; the next log must keep the
/// damaged bytes, restore the backup, keep every earlier entry and say so.
fn damage_then_log(how: &str, damage: impl Fn(&[u8]) -> Vec<u8>) {
    let diary = Diary::new();
    let ids: Vec<String> = (1..=3)
        .map(|p| saved_id(&diary.ok(&["log", "--pain", &p.to_string()])).unwrap())
        .collect();
    let month = chrono::Utc::now().format("%Y-%m").to_string();
    let file = diary.data().join(format!("checkins/{month}.desk0001.json"));
    let good = std::fs::read(&file).unwrap();
    let damaged = damage(&good);
    std::fs::write(&file, &damaged).unwrap();

    let out = diary.run(&["log", "--pain", "5"]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{how}: {stderr}");
    assert!(stderr.contains("was damaged"), "{how}: {stderr}");
    assert!(stderr.contains("was restored"), "{how}: {stderr}");
    let kept: Vec<_> = std::fs::read_dir(file.parent().unwrap())
        .unwrap()
        .flatten()
        .filter(|e| e.file_name().to_string_lossy().contains(".corrupt-"))
        .collect();
    assert_eq!(kept.len(), 1, "{how}: the damaged file was not kept aside");
    assert_eq!(
        std::fs::read(kept[0].path()).unwrap(),
        damaged,
        "{how}: damaged bytes changed"
    );
    let now = diary.export_ids();
    for id in &ids {
        assert!(
            now.contains(id),
            "{how}: {id} was in the backup but is lost"
        );
    }
    assert_eq!(now.len(), 4, "{how}");
}

#[test]
fn a_truncated_file_is_restored_from_backup() {
    damage_then_log("truncated", |good| good[..good.len() / 2].to_vec());
}

#[test]
fn an_empty_file_is_restored_from_backup() {
    damage_then_log("empty", |_| Vec::new());
}

#[test]
fn a_garbage_file_is_restored_from_backup() {
    damage_then_log("garbage", |good| {
        good.iter().map(|b| b.wrapping_mul(31)).collect()
    });
}

#[test]
fn without_a_backup_writes_are_refused_and_reads_report_the_damage() {
    let diary = Diary::new();
    diary.ok(&["log", "--pain", "2", "--at", "2026-01-05 10:00"]);
    diary.ok(&["log", "--pain", "3", "--at", "2026-02-05 10:00"]);
    std::fs::remove_dir_all(diary.backups()).unwrap();
    let file = diary.data().join("checkins/2026-01.desk0001.json");
    std::fs::write(&file, b"{\"schema_version\": 1, \"records\": [").unwrap();
    let before = diary.snapshot();

    let out = diary.run(&["log", "--pain", "4", "--at", "2026-01-06 10:00"]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.contains("2026-01.desk0001.json is damaged"),
        "{stderr}"
    );
    assert!(stderr.contains("Nothing was written"), "{stderr}");
    assert_eq!(diary.snapshot(), before, "a refused write changed files");

    let check = diary.run(&["check"]);
    assert_eq!(check.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&check.stdout).contains("DAMAGED"));

    let export = diary.run(&["export"]);
    assert_eq!(export.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&export.stderr).contains("2026-01.desk0001.json is damaged"));
    let json: serde_json::Value = serde_json::from_slice(&export.stdout).unwrap();
    assert_eq!(
        json["collections"]["checkins"].as_array().unwrap().len(),
        1,
        "February still exports"
    );
    assert_eq!(diary.snapshot(), before, "reading changed files");
}

#[test]
fn a_newer_file_opens_read_only() {
    let diary = Diary::new();
    diary.ok(&["log", "--pain", "2", "--at", "2026-01-05 10:00"]);
    let file = diary.data().join("checkins/2026-01.desk0001.json");
    let text = std::fs::read_to_string(&file)
        .unwrap()
        .replace("\"schema_version\": 2", "\"schema_version\": 3");
    std::fs::write(&file, &text).unwrap();
    let before = diary.snapshot();
    let out = diary.run(&["log", "--pain", "4", "--at", "2026-01-06 10:00"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("written by a newer nape"));
    assert_eq!(diary.snapshot(), before);
    let export = diary.run(&["export"]);
    assert!(String::from_utf8_lossy(&export.stderr).contains("read-only"));
    assert_eq!(
        diary.export_ids().len(),
        1,
        "its records are still readable"
    );
}

#[cfg(unix)]
#[test]
fn files_are_private_and_loose_ones_are_tightened() {
    use std::os::unix::fs::PermissionsExt;
    let diary = Diary::new();
    diary.ok(&["log", "--pain", "2"]);
    let mode = |p: &std::path::Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
    let month = chrono::Utc::now().format("%Y-%m").to_string();
    let file = diary.data().join(format!("checkins/{month}.desk0001.json"));
    assert_eq!(mode(&diary.data()), 0o700);
    assert_eq!(mode(&diary.data().join("checkins")), 0o700);
    assert_eq!(mode(&file), 0o600);
    for (path, _) in diary.snapshot() {
        assert_eq!(
            mode(&path) & 0o077,
            0,
            "{} is open to others",
            path.display()
        );
    }

    std::fs::set_permissions(&file, std::fs::Permissions::from_mode(0o644)).unwrap();
    std::fs::set_permissions(diary.data(), std::fs::Permissions::from_mode(0o755)).unwrap();
    // A file the next command does not read is tightened at start too.
    let other = diary.data().join("checkins/2020-01.json");
    std::fs::write(&other, b"{\"schema_version\": 1, \"records\": []}").unwrap();
    std::fs::set_permissions(&other, std::fs::Permissions::from_mode(0o644)).unwrap();
    let out = diary.run(&["log", "--pain", "1"]);
    assert!(out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("could be read by other users"), "{stderr}");
    assert_eq!(mode(&file), 0o600);
    assert_eq!(mode(&other), 0o600);
    assert_eq!(mode(&diary.data()), 0o700);
}

#[test]
fn temp_files_left_by_a_killed_save_are_removed_at_the_next_save() {
    let diary = Diary::new();
    diary.ok(&["log", "--pain", "2"]);
    let stale = diary
        .data()
        .join("checkins/.2026-01.desk0001.json.Xy12ab.tmp");
    std::fs::write(&stale, b"{\"schema_version\": 1, \"rec").unwrap();
    let check = diary.ok(&["check"]);
    assert!(check.contains("unfinished save"), "{check}");
    diary.ok(&["log", "--pain", "3"]);
    assert!(!stale.exists());
}
