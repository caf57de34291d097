//! The shell as people type it: pain as a plain number, short options, the same time words as
//! the form, ids in any case, a suggestion for a typo, and status templates checked.

use crate::common;

use common::Diary;

fn last_checkin(diary: &Diary) -> serde_json::Value {
    let json: serde_json::Value = serde_json::from_str(&diary.ok(&["export"])).unwrap();
    let all = json["collections"]["checkins"].as_array().unwrap().clone();
    all.into_iter()
        .max_by_key(|c| c["created_at"].as_str().unwrap().to_string())
        .unwrap()
}

#[test]
fn pain_as_a_plain_number_and_short_options() {
    let diary = Diary::new();
    diary.ok(&[
        "log",
        "6",
        "-w",
        "left-side",
        "-s",
        "headache",
        "-n",
        "after work",
    ]);
    let c = last_checkin(&diary);
    assert_eq!(c["pain"], 6);
    assert_eq!(c["locations"][0], "left-side");
    assert_eq!(c["symptoms"][0], "headache");
    assert_eq!(c["note"], "after work");
    // Both ways at once is one too many.
    let out = diary.run(&["log", "6", "--pain", "5"]);
    assert_eq!(out.status.code(), Some(2));
    let out = diary.run(&["log"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("pain"));
}

#[test]
fn at_takes_the_same_words_as_the_form() {
    let diary = Diary::new();
    let now = chrono::Utc::now();
    diary.ok(&["log", "3", "--at", "now"]);
    assert_eq!(
        last_checkin(&diary)["date"],
        now.format("%Y-%m-%d").to_string()
    );
    diary.ok(&["log", "3", "--at", "yesterday 08:30"]);
    let yesterday = (now - chrono::Duration::days(1))
        .format("%Y-%m-%d")
        .to_string();
    let c = last_checkin(&diary);
    assert_eq!(c["date"], yesterday);
    assert!(c["at"].as_str().unwrap().contains("08:30"), "{c}");
    diary.ok(&["log", "3", "--at", "00:00"]);
    assert_eq!(
        last_checkin(&diary)["date"],
        now.format("%Y-%m-%d").to_string()
    );
    let out = diary.run(&["log", "3", "--at", "tomorrow"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("HH:MM"));
}

#[test]
fn ids_in_any_case_and_a_typo_gets_a_suggestion() {
    let diary = Diary::new();
    diary.ok(&[
        "log",
        "4",
        "--symptom",
        "Pins-And-Needles",
        "--where",
        "LEFT-ARM",
    ]);
    let c = last_checkin(&diary);
    assert_eq!(c["symptoms"][0], "pins-and-needles");
    assert_eq!(c["locations"][0], "left-arm");
    let out = diary.run(&["log", "4", "--symptom", "pins-and-needle"]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr.contains("did you mean \"pins-and-needles\""),
        "{stderr}"
    );
    let out = diary.run(&["exprot"]);
    assert!(String::from_utf8_lossy(&out.stderr).contains("'export'"));
}

#[test]
fn status_refuses_an_unknown_placeholder_and_documents_each() {
    let diary = Diary::new();
    diary.ok(&["log", "4"]);
    let out = diary.run(&["status", "--format", "{pain} {colour}"]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(stderr.contains("{colour}"), "{stderr}");
    assert_eq!(
        diary.ok(&["status", "--format", "pain={pain}"]).trim(),
        "pain=4"
    );
    let help = diary.ok(&["status", "--help"]);
    for placeholder in [
        "{timer}", "{kind}", "{left}", "{state}", "{pain}", "{flag}", "{signs}",
    ] {
        assert!(help.contains(placeholder), "{placeholder} in {help}");
    }
}

#[test]
fn a_status_template_with_nothing_to_say_prints_nothing() {
    let diary = Diary::new();
    let out = diary.ok(&["status", "--format", "{timer}|{state}|{flag}"]);
    assert_eq!(out, "", "{out:?}");
    diary.ok(&["log", "4"]);
    let out = diary.ok(&["status", "--format", "{timer}|{pain}"]);
    assert_eq!(out.trim(), "|4");
}

#[test]
fn a_day_and_time_after_at_need_no_quotes() {
    let diary = Diary::new();
    diary.ok(&["log", "4", "--at", "yesterday", "08:30"]);
    let c = last_checkin(&diary);
    assert_eq!(c["pain"], 4);
    let yesterday = chrono::Local::now().date_naive() - chrono::Duration::days(1);
    assert_eq!(c["date"], yesterday.to_string());
    diary.ok(&["log", "-a", "2026-01-05", "07:15", "--pain", "2"]);
    let c = last_checkin(&diary);
    assert_eq!(
        (c["pain"].clone(), c["date"].clone()),
        (2.into(), "2026-01-05".into())
    );
    // A time alone is one value: the pain after it stays the pain.
    diary.ok(&["log", "--at", "00:01", "3"]);
    assert_eq!(last_checkin(&diary)["pain"], 3);
}

#[test]
fn words_after_the_pain_are_the_note_and_an_editor_can_write_a_longer_one() {
    let diary = Diary::new();
    diary.ok(&["log", "5", "stiff", "after", "standup"]);
    diary.ok(&["log", "4", "woke stiff, better after a walk"]);
    // Both ways at once is one too many.
    let both = diary.run(&["log", "3", "a note", "-n", "another"]);
    assert_eq!(both.status.code(), Some(2));
    // -e opens $VISUAL (or $EDITOR) on a private file and takes what it leaves.
    let script = diary.dir.path().join("editor.sh");
    std::fs::write(
        &script,
        "#!/bin/sh\nprintf 'line one\\nline two\\n' > \"$1\"\n",
    )
    .unwrap();
    std::fs::set_permissions(&script, std::os::unix::fs::PermissionsExt::from_mode(0o755)).unwrap();
    common::succeeds(diary.command(&["log", "6", "-e"]).env("VISUAL", &script));
    // An editor that fails saves nothing.
    let out = diary
        .command(&["log", "7", "-e"])
        .env("VISUAL", "false")
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let json: serde_json::Value = serde_json::from_str(&diary.ok(&["export"])).unwrap();
    let notes: Vec<&str> = (json["collections"]["checkins"].as_array().unwrap().iter())
        .filter_map(|r| r["note"].as_str())
        .collect();
    assert!(notes.contains(&"stiff after standup"), "{notes:?}");
    assert!(
        notes.contains(&"woke stiff, better after a walk"),
        "{notes:?}"
    );
    assert!(notes.contains(&"line one\nline two"), "{notes:?}");
    assert_eq!(notes.len(), 3);
}

#[test]
fn status_json_gives_a_status_bar_everything_it_needs() {
    let diary = Diary::new();
    diary.write_settings(r#""emergency_number": "112", "onset": null"#);
    let empty: serde_json::Value = serde_json::from_str(&diary.ok(&["status", "--json"])).unwrap();
    assert_eq!(empty["level"], serde_json::Value::Null);
    assert_eq!(empty["emergency_number"], "112");
    assert_eq!(empty["session"], serde_json::Value::Null);

    diary.ok(&["timer", "start", "cold", "--minutes", "10", "--anyway"]);
    // An emergency answer pauses it.
    diary.ok(&["log", "4", "--symptom", "injury"]);
    let json: serde_json::Value = serde_json::from_str(&diary.ok(&["status", "--json"])).unwrap();
    assert_eq!(json["level"], "emergency", "{json}");
    assert!(json["why"].as_array().unwrap().len() == 1, "{json}");
    assert_eq!(json["last_checkin"]["pain"], 4, "{json}");
    let session = &json["session"];
    assert_eq!(session["kind"], "cold", "{json}");
    assert_eq!(session["state"], "paused", "{json}");
    assert!(session["left_secs"].as_i64().unwrap() > 500, "{json}");
    assert!(json["prompts"].is_array(), "{json}");
    // Not both at once.
    let both = diary.run(&["status", "--json", "--format", "{pain}"]);
    assert_eq!(both.status.code(), Some(2));
}

#[test]
fn completions_for_every_shell_complete_the_ids_and_the_man_page_is_roff() {
    let diary = Diary::new();
    for shell in ["bash", "zsh", "fish", "elvish", "powershell"] {
        let out = diary.ok(&["completions", shell]);
        assert!(
            out.contains("timer") && out.contains("--symptom"),
            "{shell}"
        );
    }
    let bash = diary.ok(&["completions", "bash"]);
    assert!(
        bash.contains("between-shoulder-blades"),
        "ids of --where complete"
    );
    assert!(
        bash.contains("restricted-turning"),
        "ids of --symptom complete"
    );
    let man = diary.ok(&["man"]);
    assert!(
        man.starts_with(".ie") || man.contains(".TH nape"),
        "{}",
        &man[..200]
    );
    assert!(
        man.contains("SUBCOMMANDS") || man.contains("nape\\-log"),
        "{man}"
    );
    // The routines built in complete after `routines play`; edit completes ids as log does.
    assert!(
        bash.contains("desk-reset") && bash.contains("evening-unwind"),
        "routine ids"
    );
    assert!(
        bash.matches("restricted-turning").count() >= 2,
        "edit completes as log does"
    );
    assert!(!bash.contains("--speed"), "no option for tests only");
    // Every page the main one refers to, written into a folder.
    let pages = diary.dir.path().join("man1");
    let said = diary.ok(&["man", "--dir", pages.to_str().unwrap()]);
    assert!(said.contains("written to"), "{said}");
    for page in [
        "nape.1",
        "nape-log.1",
        "nape-undo.1",
        "nape-routines-play.1",
    ] {
        let text = std::fs::read_to_string(pages.join(page)).unwrap_or_default();
        assert!(text.contains(".TH"), "{page}");
    }
    assert!(
        !pages.join("nape-waiter.1").exists(),
        "no page for the hidden waiter"
    );
    // Nothing was made in the data folder: these read nothing of the diary.
    assert!(!diary.data().exists());
    let bad = diary.run(&["completions", "tcsh"]);
    assert_eq!(bad.status.code(), Some(2));
}

#[test]
fn list_show_and_delete_from_the_shell_by_a_short_id() {
    let diary = Diary::new();
    diary.ok(&[
        "log",
        "3",
        "--at",
        "2026-12-01 09:00",
        "-w",
        "left-side",
        "woke stiff",
    ]);
    diary.ok(&[
        "log",
        "6",
        "--at",
        "2026-12-01 09:00",
        "-s",
        "spasm",
        "after the gym",
    ]);
    diary.ok(&["log", "2", "--at", "2026-11-20 08:00"]);
    let list = diary.ok(&["list", "--on", "2026-12-01"]);
    let lines: Vec<&str> = list.lines().collect();
    assert_eq!(lines.len(), 2, "{list}");
    assert!(
        lines[0].contains("09:00") && lines[0].contains("pain 3"),
        "{list}"
    );
    assert!(
        lines[0].contains("left side") && lines[0].contains("woke stiff"),
        "{list}"
    );
    assert!(
        lines[1].contains("spasm") && lines[1].contains("after the gym"),
        "{list}"
    );
    // Two entries made in the same minute have short ids that differ.
    let short = |line: &str| line.split_whitespace().next().unwrap().to_string();
    let (first, second) = (short(lines[0]), short(lines[1]));
    assert_ne!(first, second);
    assert!(first.len() >= 8 && first.len() < 36, "{first}");
    let json: serde_json::Value =
        serde_json::from_str(&diary.ok(&["list", "--days", "30", "--json"])).unwrap();
    assert_eq!(json.as_array().unwrap().len(), 3);

    let shown = diary.ok(&["show", &second]);
    assert!(
        shown.contains("pain 6") && shown.contains("after the gym"),
        "{shown}"
    );
    let unknown = diary.run(&["show", "ffffffff"]);
    assert_eq!(unknown.status.code(), Some(2));

    // Not on a terminal: deleting needs --yes.
    let asked = diary.run(&["delete", &first]);
    assert_eq!(asked.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&asked.stderr).contains("--yes"));
    let deleted = diary.ok(&["delete", &first, "--yes"]);
    assert!(deleted.contains("Deleted"), "{deleted}");
    assert_eq!(diary.export_ids().len(), 2);
}

#[test]
fn edit_changes_only_what_is_given_and_keeps_the_rest() {
    let diary = Diary::new();
    diary.ok(&[
        "log",
        "3",
        "--at",
        "2026-12-01 09:00",
        "-w",
        "left-side",
        "-m",
        "ibuprofen",
        "woke stiff",
    ]);
    let id = diary.ok(&["list", "--on", "2026-12-01"]);
    let id = id.split_whitespace().next().unwrap().to_string();
    let out = diary.ok(&["edit", &id, "--pain", "5", "-s", "spasm"]);
    assert!(out.contains("pain 5"), "{out}");
    let json: serde_json::Value = serde_json::from_str(&diary.ok(&["export"])).unwrap();
    let r = &json["collections"]["checkins"][0];
    assert_eq!(r["pain"], 5);
    assert_eq!(r["symptoms"][0], "spasm");
    assert_eq!(r["locations"][0], "left-side", "kept");
    assert_eq!(r["medicines"][0], "ibuprofen", "kept");
    assert_eq!(r["note"], "woke stiff", "kept");
    assert_eq!(r["at"], "2026-12-01T09:00:00Z", "kept");
    // Moved in time with --at.
    diary.ok(&["edit", &id, "--at", "2026-11-30 21:00"]);
    let json: serde_json::Value = serde_json::from_str(&diary.ok(&["export"])).unwrap();
    let r = &json["collections"]["checkins"][0];
    assert_eq!(r["date"], "2026-11-30");
    assert_eq!(r["pain"], 5);
    // A bad value changes nothing.
    let bad = diary.run(&["edit", &id, "--pain", "42"]);
    assert_eq!(bad.status.code(), Some(2));
}

#[test]
fn one_is_said_in_the_singular_and_status_makes_no_folder() {
    let diary = Diary::new();
    // Status on a diary that does not exist yet prints nothing and makes nothing.
    let out = diary.run(&["status"]);
    assert!(out.status.success());
    assert!(!diary.data().exists(), "status made the data folder");
    diary.ok(&["log", "3"]);
    let check = diary.ok(&["check"]);
    assert!(check.contains("checkins: 1 record in 1 file"), "{check}");
    let help = diary.ok(&["--help"]);
    let config = help
        .lines()
        .find(|l| l.contains("--config-dir"))
        .unwrap_or("");
    assert!(
        config.contains("routine files") && !config.contains("routines and settings"),
        "settings live in the data folder: {config}"
    );
}
