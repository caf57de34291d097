//! The command line as a person meets it: bad input exits 2, names the field, writes nothing.

use crate::common;

use common::{Diary, saved_id};

#[test]
fn bad_values_exit_2_name_the_field_and_write_nothing() {
    let diary = Diary::new();
    diary.ok(&["log", "--pain", "3"]);
    let cases: &[(&[&str], &str)] = &[
        (
            &["log", "--pain", "11"],
            "pain must be a whole number from 0 to 10",
        ),
        (
            &["log", "--pain", "-1"],
            "pain must be a whole number from 0 to 10",
        ),
        (
            &["log", "--pain", "x"],
            "pain must be a whole number from 0 to 10",
        ),
        (
            &["log", "--pain", "2", "--worst", "12"],
            "worst must be a whole number from 0 to 10",
        ),
        (
            &["log", "--pain", "5", "--worst", "2"],
            "worst (2) cannot be lower",
        ),
        (&["log", "--pain", "2", "--note", "   "], "note is empty"),
        (
            &["log", "--pain", "2", "--at", "yesterday"],
            "at must be \"now\", \"HH:MM\" (today)",
        ),
        (
            &["log", "--pain", "2", "--at", "2999-01-01 10:00"],
            "is in the future",
        ),
        (
            &["log", "--pain", "2", "--where", "knee"],
            "where \"knee\" is not known; use one of: base-of-skull",
        ),
        (
            &["log", "--pain", "2", "--symptom", "x"],
            "symptom \"x\" is not known",
        ),
        (
            &["log", "--pain", "2", "--context", "x"],
            "context \"x\" is not known",
        ),
        (
            &["log", "--pain", "2", "--treatment", "x"],
            "treatment \"x\" is not known",
        ),
        (&["log"], "--pain"),
        (&["export", "--since", "2026-13-01"], "must be a date like"),
        (&["export", "--format", "xml"], "json, csv"),
        (
            &["export", "--since", "2026-02-01", "--until", "2026-01-01"],
            "is after --until",
        ),
        (&["frobnicate"], "unrecognized subcommand"),
    ];
    assert_bad_input(&diary, cases);
}

#[test]
fn help_and_version_work() {
    let diary = Diary::new();
    assert!(diary.ok(&["--version"]).starts_with("nape "));
    let help = diary.ok(&["--help"]);
    for word in [
        "log",
        "export",
        "import",
        "check",
        "--data-dir",
        "--config-dir",
    ] {
        assert!(help.contains(word), "--help lacks {word}");
    }
    let log_help = diary.ok(&["log", "--help"]);
    for id in ["base-of-skull", "pins-and-needles", "manipulation", "ice"] {
        assert!(log_help.contains(id), "log --help lacks the id {id}");
    }
}

#[test]
fn log_prints_the_id_it_saved_and_export_holds_it() {
    let diary = Diary::new();
    let out = diary.ok(&[
        "log",
        "--pain",
        "4",
        "--worst",
        "6",
        "--stiffness",
        "3",
        "--where",
        "left-side",
        "--symptom",
        "spasm",
        "--context",
        "stress",
        "--treatment",
        "ice",
        "--medicine",
        "ibuprofen",
        "--note",
        "after a long call",
    ]);
    let id = saved_id(&out).expect("a confirming line with the id");
    assert_eq!(out.lines().count(), 1);
    let json: serde_json::Value = serde_json::from_str(&diary.ok(&["export"])).unwrap();
    let record = &json["collections"]["checkins"][0];
    assert_eq!(record["id"], id.as_str());
    assert_eq!(record["pain"], 4);
    assert_eq!(record["worst"], 6);
    assert_eq!(record["locations"][0], "left-side");
    assert_eq!(record["medicines"][0], "ibuprofen");
    assert_eq!(record["note"], "after a long call");
}

#[test]
fn backfill_dst_rules_in_a_real_zone() {
    let diary = Diary::new();
    let log_at = |at: &str| {
        diary
            .command(&["log", "--pain", "2", "--at", at])
            .env("TZ", "Europe/London")
            .output()
            .unwrap()
    };
    // Clocks went forward at 01:00 on 29 March 2026: 01:30 never happened.
    let gap = log_at("2026-03-29 01:30");
    assert_eq!(gap.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&gap.stderr).contains("daylight saving"));
    // Clocks went back at 02:00 on 25 October 2026: 01:30 happened twice. Which is asked, with
    // both readings named; an offset given picks one.
    let twice = log_at("2026-10-25 01:30");
    let stderr = String::from_utf8_lossy(&twice.stderr);
    assert_eq!(twice.status.code(), Some(2), "{stderr}");
    assert!(
        stderr.contains("happened twice")
            && stderr.contains("2026-10-25 01:30 +01:00")
            && stderr.contains("2026-10-25 01:30 +00:00"),
        "{stderr}"
    );
    assert!(log_at("2026-10-25 01:30 +00:00").status.success());
    let json: serde_json::Value = serde_json::from_str(&diary.ok(&["export"])).unwrap();
    let record = &json["collections"]["checkins"][0];
    assert_eq!(record["at"], "2026-10-25T01:30:00Z", "the second 01:30");
    assert_eq!(record["date"], "2026-10-25");
}

#[test]
fn export_filters_by_date_and_csv_survives_commas_quotes_and_newlines() {
    let diary = Diary::new();
    let note = "left side, \"sharp\"\nthen dull";
    diary.ok(&[
        "log",
        "--pain",
        "3",
        "--at",
        "2026-01-10 09:00",
        "--note",
        note,
    ]);
    diary.ok(&["log", "--pain", "5", "--at", "2026-02-10 09:00"]);
    diary.ok(&["log", "--pain", "7", "--at", "2026-03-10 09:00"]);

    let csv = diary.ok(&[
        "export",
        "--format",
        "csv",
        "--since",
        "2026-01-01",
        "--until",
        "2026-02-28",
    ]);
    let mut reader = csv::Reader::from_reader(csv.as_bytes());
    let headers = reader.headers().unwrap().clone();
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), 2, "March is outside the range");
    let col = |name: &str| headers.iter().position(|h| h == name).unwrap();
    assert_eq!(&rows[0][col("note")], note);
    assert_eq!(&rows[0][col("pain")], "3");
    assert_eq!(&rows[1][col("date")], "2026-02-10");

    let json: serde_json::Value =
        serde_json::from_str(&diary.ok(&["export", "--since", "2026-03-01"])).unwrap();
    assert_eq!(json["collections"]["checkins"].as_array().unwrap().len(), 1);
}

#[test]
fn import_merges_by_id_and_twice_changes_nothing() {
    let source = Diary::new();
    source.ok(&[
        "log",
        "--pain",
        "3",
        "--at",
        "2026-01-10 09:00",
        "--note",
        "ünïcode ✓",
    ]);
    source.ok(&["log", "--pain", "6", "--at", "2026-02-11 10:00"]);
    let export = source.dir.path().join("export.json");
    std::fs::write(&export, source.ok(&["export"])).unwrap();

    let target = Diary::new();
    target.ok(&["log", "--pain", "1"]);
    let first = target.ok(&["import", export.to_str().unwrap()]);
    assert!(first.contains("Imported 2 new"), "{first}");
    let after_first = target.snapshot();
    let second = target.ok(&["import", export.to_str().unwrap()]);
    assert!(second.contains("Imported 0 new"), "{second}");
    let data_files = |s: Vec<(std::path::PathBuf, Vec<u8>)>| -> Vec<_> {
        s.into_iter()
            .filter(|(p, _)| !p.to_string_lossy().contains("backups"))
            .collect()
    };
    assert_eq!(data_files(target.snapshot()), data_files(after_first));
    let ids = target.export_ids();
    for id in source.export_ids() {
        assert!(ids.contains(&id), "imported record {id} missing");
    }
    assert_eq!(ids.len(), 3);
}

#[test]
fn a_bad_import_file_is_refused_with_the_reason_and_writes_nothing() {
    let diary = Diary::new();
    diary.ok(&["log", "--pain", "2"]);
    let before = diary.snapshot();
    let bad = diary.dir.path().join("bad.json");
    let cases = [
        ("{not json", "is not a nape JSON export"),
        (
            r#"{"nape_export":1,"exported_at":"2026-01-01T00:00:00Z","collections":{"recipes":[]}}"#,
            "\"recipes\"",
        ),
        (
            r#"{"nape_export":1,"exported_at":"2026-01-01T00:00:00Z","collections":{"checkins":[
               {"id":"01890000-0000-7000-8000-000000000001","created_at":"2026-01-01T00:00:00Z",
                "updated_at":"2026-01-01T00:00:00Z","date":"2026-01-01","at":"2026-01-01T00:00:00Z","pain":"lots"}]}}"#,
            "does not fit",
        ),
    ];
    for (content, expected) in cases {
        std::fs::write(&bad, content).unwrap();
        let out = diary.run(&["import", bad.to_str().unwrap()]);
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{stderr}");
        assert!(
            stderr.contains(expected),
            "expected {expected:?} in {stderr}"
        );
        assert!(stderr.contains("nothing was imported"));
        assert_eq!(diary.snapshot(), before);
    }
}

#[test]
fn without_a_terminal_the_app_says_what_works_instead() {
    let diary = Diary::new();
    let out = diary.run(&[]);
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("needs a terminal"), "{stderr}");
    for sub in ["nape log", "nape export", "nape import", "nape check"] {
        assert!(stderr.contains(sub), "{sub} missing from: {stderr}");
    }
    assert!(!diary.data().exists(), "nothing was created");
}

#[test]
fn timer_bad_values_exit_2_with_the_allowed_values() {
    let diary = Diary::new();
    let cases: &[(&[&str], &str)] = &[
        (&["timer", "start", "ice"], "possible values: cold, heat"),
        (
            &["timer", "start", "cold", "--minutes", "0"],
            "minutes must be a whole number from 5 to 20",
        ),
        (
            &["timer", "start", "cold", "--minutes", "25"],
            "minutes must be a whole number from 5 to 20",
        ),
        (
            &["timer", "start", "cold", "--minutes", "ten"],
            "minutes must be a whole number from 5 to 20",
        ),
        (
            &["timer", "start", "heat", "--pain", "11"],
            "pain must be a whole number from 0 to 10",
        ),
        (
            &["timer", "stop", "--pain", "x"],
            "pain must be a whole number from 0 to 10",
        ),
    ];
    assert_bad_input(&diary, cases);
}

#[test]
fn timer_commands_follow_one_session_and_status_says_only_what_there_is() {
    let diary = Diary::new();
    let quiet = diary.run(&["status"]);
    assert!(
        quiet.status.success() && quiet.stdout.is_empty(),
        "nothing to say: no output"
    );
    diary.ok(&["timer", "start", "cold", "--minutes", "5", "--pain", "6"]);
    let again = diary.run(&["timer", "start", "cold"]);
    assert_eq!(again.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&again.stderr).contains("already running"));
    let status = diary.ok(&["status"]);
    assert!(
        status.starts_with("❄ 5:00") || status.starts_with("❄ 4:5"),
        "{status}"
    );
    diary.ok(&["log", "--pain", "4"]);
    assert!(diary.ok(&["status"]).contains("pain 4"));
    let custom = diary.ok(&["status", "--format", "[{kind}|{state}|{pain}]"]);
    assert_eq!(
        custom.trim(),
        "[cold||4]",
        "{{kind}} is the word, as its help says"
    );
    diary.ok(&["timer", "pause"]);
    assert!(diary.ok(&["status"]).contains("paused"));
    assert_eq!(
        diary.run(&["timer", "pause"]).status.code(),
        Some(1),
        "already paused"
    );
    diary.ok(&["timer", "resume"]);
    let stopped = diary.ok(&["timer", "stop", "--pain", "2"]);
    assert!(stopped.contains("Cold session stopped"), "{stopped}");
    let export: serde_json::Value = serde_json::from_str(&diary.ok(&["export"])).unwrap();
    let session = &export["collections"]["therapy"][0];
    assert_eq!(
        (
            session["pain_before"].as_u64(),
            session["pain_after"].as_u64()
        ),
        (Some(6), Some(2))
    );
    assert_eq!(session["end_reason"], "stopped");
    // A second cold session within the gap needs --anyway, and says why.
    let early = diary.run(&["timer", "start", "cold"]);
    assert_eq!(early.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&early.stderr).contains("leave 60 minutes"));
    assert!(
        diary
            .ok(&["timer", "start", "cold", "--anyway"])
            .contains("Starting anyway")
    );
}

#[test]
fn an_unassessed_emergency_locks_timer_start_from_the_shell() {
    let diary = Diary::new();
    diary.ok(&["log", "--pain", "5", "--symptom", "injury"]);
    let out = diary.run(&["timer", "start", "cold"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("timers and stretches are locked"));
    assert!(diary.ok(&["status"]).contains("‼ EMERGENCY"));
}

#[test]
fn a_history_of_cancer_reported_weeks_ago_still_shows_in_status() {
    let diary = Diary::new();
    let weeks_ago = (chrono::Local::now() - chrono::Duration::days(30))
        .format("%Y-%m-%d %H:%M")
        .to_string();
    let cancer = ["--symptom", "cancer-weight-night"];
    diary.ok(&[&["log", "--pain", "3", "--at", &weeks_ago][..], &cancer].concat());
    // Pain 0 now, so no rule about pain over time applies.
    diary.ok(&["log", "--pain", "0"]);
    let status = diary.ok(&["status"]);
    assert!(status.contains("SEE A CLINICIAN"), "{status}");
}

#[test]
fn a_hand_edited_emergency_number_that_is_not_a_number_is_reported_and_not_used() {
    let diary = Diary::new();
    diary.write_settings(r#""emergency_number": "call my GP", "onset": null"#);
    diary.ok(&["log", "--pain", "5", "--symptom", "injury"]);
    let out = diary
        .command(&["status"])
        .env("LANG", "en_GB.UTF-8")
        .output()
        .unwrap();
    let (stdout, stderr) = (
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr),
    );
    assert!(stdout.contains("EMERGENCY"), "{stdout}");
    assert!(!format!("{stdout}{stderr}").contains("call call my GP"));
    assert!(
        stderr.contains("\"call my GP\"") && stderr.contains("999"),
        "the bad number is named and the locale's used instead: {stderr}"
    );
}

/// Each command exits 2, says `expected` on stderr, prints nothing and changes no file.
fn assert_bad_input(diary: &Diary, cases: &[(&[&str], &str)]) {
    let before = diary.snapshot();
    for (args, expected) in cases {
        let out = diary.run(args);
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {stderr}");
        assert!(
            stderr.contains(expected),
            "{args:?}: expected {expected:?} in {stderr}"
        );
        assert!(out.stdout.is_empty(), "{args:?} printed to stdout");
        assert_eq!(diary.snapshot(), before, "{args:?} changed the data folder");
    }
}

#[test]
fn a_check_in_keeps_the_zone_it_was_made_in() {
    let diary = Diary::new();
    let in_zone = |tz: &str, args: &[&str]| {
        let out = diary.command(args).env("TZ", tz).output().unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).unwrap()
    };
    in_zone("Europe/London", &["log", "3", "--at", "2026-12-01 22:00"]);
    in_zone("Europe/London", &["log", "4", "--at", "2026-12-01 09:00"]);
    // Read in Tokyo, nine hours ahead: the times and day they were made, the zone said.
    let csv = in_zone(
        "Asia/Tokyo",
        &["export", "--format", "csv", "--kind", "checkins"],
    );
    assert!(
        csv.lines().next().unwrap().contains("date,time,utc_offset"),
        "{csv}"
    );
    assert!(csv.contains(",2026-12-01,22:00,+00:00,3,"), "{csv}");
    assert!(csv.contains(",2026-12-01,09:00,+00:00,4,"), "{csv}");
    let report = in_zone(
        "Asia/Tokyo",
        &["report", "--until", "2026-12-02", "--days", "7"],
    );
    let _ = report;
    let md = in_zone(
        "Asia/Tokyo",
        &["log", "5", "--at", "2026-12-02 08:00", "-n", "in Tokyo"],
    );
    let _ = md;
    let csv = in_zone(
        "Asia/Tokyo",
        &["export", "--format", "csv", "--kind", "checkins"],
    );
    assert!(csv.contains(",2026-12-02,08:00,+09:00,5,"), "{csv}");
}

#[test]
fn today_shows_a_check_in_at_the_time_it_was_made_with_its_zone_when_elsewhere() {
    use chrono::{FixedOffset, TimeZone, Utc};
    use nape::store::{MemoryStore, Record, Store};
    let now = Utc.with_ymd_and_hms(2026, 12, 5, 3, 0, 0).unwrap();
    let store = MemoryStore::new();
    // Made in London at 22:00 on the 4th, and in Tokyo at 11:00 on the 5th (02:00 UTC).
    let london = Utc.with_ymd_and_hms(2026, 12, 4, 22, 0, 0).unwrap();
    let tokyo = Utc.with_ymd_and_hms(2026, 12, 5, 2, 0, 0).unwrap();
    for (at, offset, pain) in [(london, 0, 3), (tokyo, 9 * 3600, 6)] {
        let body = nape::domain::checkin::CheckIn {
            offset: Some(offset),
            ..nape::domain::checkin::CheckIn::new(at, pain)
        };
        let date = at
            .with_timezone(&FixedOffset::east_opt(9 * 3600).unwrap())
            .date_naive();
        (&store as &dyn Store)
            .add(&Record::new(body, date, at))
            .unwrap();
    }
    let zone = nape::clock::Zone::Fixed(FixedOffset::east_opt(9 * 3600).unwrap());
    let diary = nape::diary::Diary::open(Box::new(store), zone, "C", now);
    let mut app = nape::app::App::with_diary(diary, now, "C");
    app.update(nape::app::Msg::Enter, now);
    let text = crate::common::draw::rows(&app, 80, 24).join("\n");
    assert!(text.contains("22:00 UTC+0"), "{text}");
    assert!(
        text.contains("11:00  pain 6"),
        "made here: no zone said\n{text}"
    );
}
