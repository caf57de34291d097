//! Import and reading check every kind with the rules the app saves by: impossible values,
//! unknown fields and oversized files are refused or reported, never stored as true.

use crate::common::Diary;

const ID: &str = "01890000-0000-7000-8000-0000000000c1";

fn export(collection: &str, fields: &str) -> String {
    format!(
        r#"{{"nape_export":1,"exported_at":"2026-01-01T00:00:00Z","collections":{{"{collection}":[
           {{"id":"{ID}","created_at":"2026-01-01T00:00:00Z","updated_at":"2026-01-01T00:00:00Z",
             "date":"2026-01-01",{fields}}}]}}}}"#
    )
}

const SESSION: &str = r#""kind":"cold","started_at":"2026-01-01T09:00:00Z","planned_secs":900"#;
const ROUTINE: &str = r#""routine":"desk-reset","version":1,"name":"Desk reset","started_at":"2026-01-01T09:00:00Z","planned_secs":210,"steps_total":4"#;

#[test]
fn every_kind_is_checked_on_import_naming_the_record_and_what_is_wrong() {
    let diary = Diary::new();
    diary.ok(&["log", "2"]);
    let cases = [
        (
            export("therapy", &format!(r#"{SESSION},"pain_before":99"#)),
            "pain_before",
        ),
        (
            export(
                "therapy",
                &format!(r#"{SESSION},"ended_at":"2026-01-01T08:00:00Z""#),
            ),
            "ended_at",
        ),
        (
            export(
                "therapy",
                &format!(
                    r#"{SESSION},"pauses":[{{"from":"2026-01-01T09:05:00Z","to":"2026-01-01T09:01:00Z"}}]"#
                ),
            ),
            "pause",
        ),
        (
            export("therapy", &format!(r#"{SESSION},"colour":"blue""#)),
            "colour",
        ),
        (
            export("routines", &format!(r#"{ROUTINE},"steps_done":9"#)),
            "steps_done",
        ),
        (
            export("routines", &format!(r#"{ROUTINE},"pain_after":11"#)),
            "pain_after",
        ),
        (
            export(
                "settings",
                r#""emergency_number":"999","activities":["reading\u001b[2J"]"#,
            ),
            "activities",
        ),
        (
            export("settings", r#""emergency_number":"999","night":[25,7]"#),
            "night",
        ),
        (
            export("assessments", r#""at":"2026-01-01T09:00:00Z","mood":1"#),
            "mood",
        ),
        (
            export(
                "therapy",
                &format!(
                    r#"{SESSION},"pauses":[{{"from":"2026-01-01T09:02:00Z","to":"2026-01-01T09:06:00Z"}},{{"from":"2026-01-01T09:04:00Z","to":"2026-01-01T09:05:00Z"}}]"#
                ),
            ),
            "overlaps",
        ),
        (
            export(
                "routines",
                &format!(
                    r#"{ROUTINE},"steps":[{{"exercise":"chin-tuck","outcome":"done","held_secs":99999,"planned_secs":40}}]"#
                ),
            ),
            "held",
        ),
        (
            export(
                "checkins",
                r#""at":"2026-01-01T09:00:00Z","pain":2,"offset":99999"#,
            ),
            "offset",
        ),
        (
            export("checkins", r#""at":"2026-03-01T09:00:00Z","pain":2"#),
            "not the day",
        ),
        (
            export(
                "function",
                r#""at":"2026-01-01T09:00:00Z","scores":[{"activity":"reading","score":3},{"activity":"reading","score":4}]"#,
            ),
            "twice",
        ),
    ];
    for (content, expected) in cases {
        let stderr = diary.refused_import(&content);
        assert!(
            stderr.contains(expected) && stderr.contains(ID),
            "{expected}: {stderr}"
        );
    }
    // The same session with nothing wrong goes in.
    let good = diary.dir.path().join("good.json");
    std::fs::write(
        &good,
        export("therapy", &format!(r#"{SESSION},"pain_before":4"#)),
    )
    .unwrap();
    diary.ok(&["import", good.to_str().unwrap()]);
}

#[test]
fn a_session_made_impossible_by_hand_is_reported_by_check_and_not_shown() {
    let diary = Diary::new();
    diary.ok(&["timer", "start", "cold"]);
    diary.ok(&["timer", "stop"]);
    let month = chrono::Local::now().format("%Y-%m").to_string();
    let file = Diary::own("therapy", &month);
    let text = std::fs::read_to_string(diary.data().join(&file)).unwrap();
    let json: serde_json::Value = serde_json::from_str(&text).unwrap();
    let started = json["records"][0]["started_at"]
        .as_str()
        .unwrap()
        .to_string();
    // Ended a day before it started.
    let ended = json["records"][0]["ended_at"].as_str().unwrap().to_string();
    diary.edit_file(
        &file,
        &format!("\"ended_at\": \"{ended}\""),
        "\"ended_at\": \"2000-01-01T00:00:00Z\"",
    );
    let out = diary.run(&["check"]);
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(!out.status.success(), "{stdout}");
    assert!(
        stdout.contains("BAD RECORD") && stdout.contains("ended_at"),
        "{stdout}"
    );
    let _ = started;
}

#[test]
fn a_data_file_past_the_size_limit_is_reported_and_not_read_whole() {
    let diary = Diary::new();
    diary.ok(&["log", "2", "--at", "2026-01-05 10:00"]);
    diary.ok(&["log", "3", "--at", "2026-02-05 10:00"]);
    let file = diary.data().join(Diary::own("checkins", "2026-01"));
    let text = std::fs::read_to_string(&file).unwrap();
    // Valid JSON, padded past 16 MiB with spaces.
    let padded = text.replacen('{', &format!("{{{}", " ".repeat(17 << 20)), 1);
    std::fs::write(&file, padded).unwrap();
    let out = diary.run(&["export"]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("2026-01") && stderr.contains("too large"),
        "{stderr}"
    );
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(
        json["collections"]["checkins"].as_array().unwrap().len(),
        1,
        "February still reads"
    );
}
