//! One validation for a check-in's values wherever they come from: the form, `nape log`,
//! `nape import` (the whole file refused, naming the record and field) and `nape check`.
//! Ratings 0-10, dates from 1900 and not in the future.

use crate::common;

use common::Diary;

const ID: &str = "01890000-0000-7000-8000-000000000001";

/// An export holding one check-in with `fields` (JSON members) over a valid base.
fn export_with(fields: &str) -> String {
    let fields = if fields.is_empty() {
        String::new()
    } else {
        format!(",{fields}")
    };
    format!(
        r#"{{"nape_export":1,"exported_at":"2026-01-01T00:00:00Z","collections":{{"checkins":[
           {{"id":"{ID}","created_at":"2026-01-01T00:00:00Z","updated_at":"2026-01-01T00:00:00Z",
             "date":"2026-01-01","at":"2026-01-01T09:00:00Z","pain":3{fields}}}]}}}}"#
    )
}

#[test]
fn an_import_with_values_out_of_range_is_refused_whole() {
    let diary = Diary::new();
    diary.ok(&["log", "--pain", "2"]);
    let cases = [
        (r#""worst":42"#, "worst"),
        (r#""stiffness":11"#, "stiffness"),
        (r#""worst":1"#, "worst"),
        (r#""note":"""#, "note"),
        (r#""medicines":[" "]"#, "medicine"),
    ];
    for (fields, field) in cases {
        let stderr = diary.refused_import(&export_with(fields));
        assert!(stderr.contains(ID), "names the record: {stderr}");
        assert!(stderr.contains(field), "names the field {field}: {stderr}");
        assert!(stderr.contains("nothing was imported"), "{stderr}");
    }
    // Pain itself, and dates far in the past or the future.
    for (export, expected) in [
        (
            export_with("").replace(r#""pain":3"#, r#""pain":42"#),
            "pain",
        ),
        (
            export_with("").replace(r#""date":"2026-01-01""#, r#""date":"9999-01-01""#),
            "future",
        ),
        (
            export_with("").replace(
                r#""at":"2026-01-01T09:00:00Z""#,
                r#""at":"1850-01-01T09:00:00Z""#,
            ),
            "1900",
        ),
    ] {
        let stderr = diary.refused_import(&export);
        assert!(stderr.contains(expected), "{expected}: {stderr}");
    }
}

#[test]
fn a_stored_check_in_out_of_range_is_reported_by_check_and_not_shown() {
    let diary = Diary::new();
    diary.ok(&["log", "--pain", "2", "--at", "2026-01-05 10:00"]);
    diary.edit_file(
        "checkins/2026-01.desk0001.json",
        r#""pain": 2"#,
        r#""pain": 42"#,
    );

    let out = diary.run(&["check"]);
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(stdout.contains("BAD RECORD"), "{stdout}");
    assert!(stdout.contains("pain"), "{stdout}");
    assert!(!out.status.success());

    // The export does not pass it on as if it were a check-in with pain 42.
    let out = diary.run(&["export", "--format", "csv"]);
    let csv = String::from_utf8_lossy(&out.stdout);
    assert!(!csv.contains(",42,"), "{csv}");
}

#[test]
fn backfilling_before_1900_is_refused_and_writes_nothing() {
    let diary = Diary::new();
    for at in [
        "0000-01-01 10:00",
        "-262143-01-01 10:00",
        "1899-12-31 23:59",
    ] {
        let out = diary.run(&["log", "--pain", "3", &format!("--at={at}")]);
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{at}: {stderr}");
        assert!(stderr.contains("1900"), "{at}: {stderr}");
        assert!(
            diary.snapshot().is_empty(),
            "{at}: wrote {:?}",
            diary.snapshot()
        );
    }
    diary.ok(&["log", "--pain", "3", "--at", "1900-01-01 10:00"]);
}

#[test]
fn an_import_with_a_repeated_id_or_a_bad_deletion_is_refused_whole() {
    let diary = Diary::new();
    diary.ok(&["log", "--pain", "2"]);
    let twice = export_with("").replace(
        "]}}",
        &format!(
            r#",{{"id":"{ID}","created_at":"2026-01-01T00:00:00Z","updated_at":"2026-01-01T00:00:00Z",
             "date":"2026-02-01","at":"2026-02-01T09:00:00Z","pain":5}}]}}}}"#
        ),
    );
    let deletion = |date: &str, at: &str| {
        export_with("").replace(
            "]}}",
            &format!(
                r#"]}},"deleted":{{"checkins":[{{"id":"{ID}","date":"{date}","deleted_at":"{at}"}}]}}}}"#
            ),
        )
    };
    for (content, expected) in [
        (twice, "twice"),
        (deletion("9999-01-01", "2026-01-02T00:00:00Z"), "future"),
        (deletion("1800-01-01", "2026-01-02T00:00:00Z"), "1900"),
        (deletion("2026-01-01", "9999-01-02T00:00:00Z"), "future"),
    ] {
        let stderr = diary.refused_import(&content);
        assert!(stderr.contains(expected) && stderr.contains(ID), "{stderr}");
    }
}

#[test]
fn a_copy_of_a_month_file_under_a_name_no_sync_tool_gives_is_reported_not_read() {
    let diary = Diary::new();
    diary.ok(&["log", "--pain", "2", "--at", "2026-01-05 10:00"]);
    let month = diary.data().join("checkins/2026-01.desk0001.json");
    let copy = diary.data().join("checkins/2026-01 (copy).json");
    std::fs::copy(&month, &copy).unwrap();
    let check = diary.run(&["check"]);
    let stdout = String::from_utf8_lossy(&check.stdout);
    assert!(!check.status.success(), "{stdout}");
    assert!(
        stdout.contains("(copy)") && stdout.contains("did not name"),
        "{stdout}"
    );
    let status = diary.run(&["status", "--format", "{flag}"]);
    assert_eq!(
        String::from_utf8_lossy(&status.stdout).trim(),
        "! SIGNS NOT CHECKED"
    );
}

#[test]
fn an_import_with_unknown_ids_or_an_impossible_session_is_refused() {
    let diary = Diary::new();
    diary.ok(&["log", "--pain", "2"]);
    let file = diary.dir.path().join("import.json");
    let session = |secs: i64| {
        format!(
            r#"{{"nape_export":1,"exported_at":"2026-01-01T00:00:00Z","collections":{{"therapy":[
               {{"id":"{ID}","created_at":"2026-01-01T00:00:00Z","updated_at":"2026-01-01T00:00:00Z",
                 "date":"2026-01-01","kind":"cold","started_at":"2026-01-01T09:00:00Z","planned_secs":{secs}}}]}}}}"#
        )
    };
    for (content, expected) in [
        (export_with(r#""locations":["neck"]"#), "neck"),
        (export_with(r#""symptoms":["nosuch"]"#), "nosuch"),
        (session(99_999_999), "planned"),
        (session(0), "planned"),
    ] {
        let stderr = diary.refused_import(&content);
        assert!(stderr.contains(expected) && stderr.contains(ID), "{stderr}");
    }
    std::fs::write(&file, session(15 * 60)).unwrap();
    diary.ok(&["import", file.to_str().unwrap()]);
}

#[test]
fn a_csv_export_into_a_closed_pipe_says_nothing() {
    let diary = Diary::new();
    for pain in 0..=9 {
        diary.ok(&["log", &pain.to_string(), "--note", &"x".repeat(2000)]);
    }
    let (reader, writer) = std::io::pipe().unwrap();
    drop(reader);
    let out = diary
        .command(&["export", "--format", "csv"])
        .stdout(std::process::Stdio::from(writer))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(
        out.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}
