//! Text that would act on a terminal (escape sequences, bell, bidi overrides) or on a report
//! (Markdown markup): refused where it comes in, shown escaped where diary text goes out.

use crate::common::Diary;

const ESC_TITLE: &str = "\u{1b}]0;pwned\u{7}";

/// Nothing that would act on a terminal: no ESC, BEL or bidi override.
fn inert(text: &str) -> bool {
    !text.contains(['\u{1b}', '\u{7}', '\u{202e}', '\u{9b}'])
}

#[test]
fn control_characters_are_refused_in_every_field_of_a_check_in_naming_the_field() {
    let diary = Diary::new();
    for (args, field) in [
        (vec!["log", "3", "-n", "fine\u{1b}[2J"], "note"),
        (vec!["log", "3", "-m", "ibu\u{7}profen"], "medicine"),
        (vec!["log", "3", "-n", "right-to-left \u{202e}evil"], "note"),
    ] {
        let out = diary.run(&args);
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {stderr}");
        assert!(
            stderr.contains(field) && stderr.contains("control"),
            "{stderr}"
        );
        assert!(inert(&stderr), "the message itself is inert: {stderr:?}");
    }
    // A new line and a tab in a note are writing, not control.
    diary.ok(&["log", "3", "-n", "first line\nsecond\tline"]);
    assert_eq!(diary.export_ids().len(), 1);
}

#[test]
fn texts_have_length_limits() {
    let diary = Diary::new();
    let long_note = "a".repeat(10_001);
    let out = diary.run(&["log", "3", "-n", &long_note]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("10000 characters"));
    let long_name = "b".repeat(121);
    let out = diary.run(&["log", "3", "-m", &long_name]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("120 characters"));
    diary.ok(&[
        "log",
        "3",
        "-n",
        &"a".repeat(10_000),
        "-m",
        &"b".repeat(120),
    ]);
}

#[test]
fn an_import_with_a_control_character_is_refused_whole() {
    let diary = Diary::new();
    diary.ok(&["log", "2", "-n", "plain"]);
    let export = diary
        .ok(&["export"])
        .replace("plain", "\\u001b]52;c;cHduZWQ=\\u0007");
    let stderr = diary.refused_import(&export);
    assert!(
        stderr.contains("note") && stderr.contains("control"),
        "{stderr}"
    );
}

#[test]
fn a_routine_with_an_escape_in_its_name_is_refused_and_nothing_raw_is_printed() {
    let diary = Diary::new();
    let dir = diary.dir.path().join("config/routines");
    std::fs::create_dir_all(&dir).unwrap();
    let name = format!("Evil{ESC_TITLE}");
    let routine = serde_json::json!({"id": "evil", "name": name,
        "steps": [{"exercise": "chin-tuck"}]});
    std::fs::write(dir.join("evil.json"), routine.to_string()).unwrap();
    let out = diary.run(&["routines", "list"]);
    let all = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(inert(&all), "{all:?}");
    assert!(
        all.contains("evil.json") && all.contains("control"),
        "{all}"
    );
}

#[test]
fn diary_text_edited_in_by_hand_never_reaches_the_terminal_raw() {
    let diary = Diary::new();
    diary.ok(&["log", "4", "-n", "NOTE", "-m", "MEDICINE"]);
    let file = Diary::own(
        "checkins",
        &chrono::Local::now().format("%Y-%m").to_string(),
    );
    diary.edit_file(&file, "NOTE", "\\u001b]0;pwned\\u0007");
    diary.edit_file(&file, "MEDICINE", "\\u001b[2J");
    for args in [
        vec!["export", "--format", "csv"],
        vec!["report"],
        vec!["report", "--format", "html"],
        vec!["status"],
        vec!["timer", "status"],
        vec!["check"],
    ] {
        let out = diary.run(&args);
        let all = format!(
            "{}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
        assert!(inert(&all), "{args:?}: {all:?}");
    }
}

#[test]
fn markdown_in_a_note_stays_the_persons_words() {
    let diary = Diary::new();
    diary.ok(&[
        "log",
        "4",
        "-n",
        "stiff\n# not a heading\n> not a quote\n1. not a list *nor bold*",
    ]);
    let md = diary.ok(&["report"]);
    assert!(
        md.contains("\\# not a heading") && md.contains("\\> not a quote"),
        "{md}"
    );
    assert!(md.contains("1\\. not a list \\*nor bold\\*"), "{md}");
}

#[test]
fn every_text_column_of_the_csv_is_kept_from_running_as_a_formula() {
    let diary = Diary::new();
    diary.write_settings(r#""emergency_number": "999", "onset": null"#);
    let routine = r#"{"nape_export":1,"exported_at":"2026-01-01T00:00:00Z","collections":{"routines":[
        {"id":"01890000-0000-7000-8000-0000000000d1","created_at":"2026-01-01T00:00:00Z",
         "updated_at":"2026-01-01T00:00:00Z","date":"2026-01-01","routine":"desk-reset","version":1,
         "name":"Desk reset","started_at":"2026-01-01T09:00:00Z","planned_secs":210,"steps_total":4}]}}"#;
    let file = diary.dir.path().join("routine.json");
    std::fs::write(&file, routine).unwrap();
    diary.ok(&["import", file.to_str().unwrap()]);
    // A routine's name edited into a formula by hand.
    diary.edit_file(
        &Diary::own("routines", "2026-01"),
        "\"name\": \"Desk reset\"",
        "\"name\": \"=HYPERLINK(1)\"",
    );
    let csv = diary.ok(&["export", "--format", "csv", "--kind", "routines"]);
    assert!(csv.contains(",'=HYPERLINK(1),"), "{csv}");
    // Its id made one is not an id at all: reported, not shown.
    diary.edit_file(
        &Diary::own("routines", "2026-01"),
        "\"routine\": \"desk-reset\"",
        "\"routine\": \"=HYPERLINK(1)\"",
    );
    let out = diary.run(&["export", "--format", "csv", "--kind", "routines"]);
    assert!(!String::from_utf8_lossy(&out.stdout).contains("HYPERLINK"));
    assert!(String::from_utf8_lossy(&out.stderr).contains("routine must be an id"));
}

#[test]
fn c1_and_bidi_characters_never_reach_the_terminal_through_json_or_a_file_name() {
    let diary = Diary::new();
    diary.ok(&["log", "4", "-n", "NOTE"]);
    let file = Diary::own(
        "checkins",
        &chrono::Local::now().format("%Y-%m").to_string(),
    );
    diary.edit_file(&file, "NOTE", "\\u009b2J \\u202e \\u2066");
    let json = diary.ok(&["export"]);
    assert!(inert(&json) && !json.contains('\u{2066}'), "{json:?}");
    let parsed: serde_json::Value = serde_json::from_str(&json).unwrap();
    let note = parsed["collections"]["checkins"][0]["note"]
        .as_str()
        .unwrap();
    assert_eq!(
        note, "\u{9b}2J \u{202e} \u{2066}",
        "JSON escapes keep the text whole"
    );
    // A file named with an escape sequence, named in the report's "could not be read" line.
    let odd = diary.data().join("checkins/bad\u{1b}[31m\u{202e}.json");
    std::fs::write(&odd, "{}").unwrap();
    let md = diary.ok(&["report"]);
    assert!(inert(&md), "{md:?}");
}

#[test]
fn an_imported_routine_with_control_characters_in_its_ids_is_refused() {
    let diary = Diary::new();
    diary.ok(&["log", "2"]);
    let routine = r#"{"nape_export":1,"exported_at":"2026-01-01T00:00:00Z","collections":{"routines":[
        {"id":"01890000-0000-7000-8000-0000000000d2","created_at":"2026-01-01T00:00:00Z",
         "updated_at":"2026-01-01T00:00:00Z","date":"2026-01-01","routine":"desk\u001b[2J","version":1,
         "name":"Desk reset","started_at":"2026-01-01T09:00:00Z","planned_secs":210,"steps_total":4}]}}"#;
    let stderr = diary.refused_import(routine);
    assert!(stderr.contains("routine"), "{stderr}");
}

#[test]
fn tables_fences_entities_links_and_indented_code_in_a_note_stay_words() {
    let diary = Diary::new();
    let note = "start\n| a | b |\n|---|---|\n~~~\n~~strike~~ &lt;b&gt;\n\n    indented\nsee http://x.example www.x.example me@x.example";
    diary.ok(&["log", "4", "-n", note]);
    let md = diary.ok(&["report"]);
    for kept in [
        "\\| a \\| b \\|",
        "\\~\\~\\~",
        "\\~\\~strike\\~\\~ \\&lt;b\\&gt;",
        "http\\://x.example",
        "www\\.x.example",
        "me\\@x.example",
    ] {
        assert!(md.contains(kept), "{kept}:\n{md}");
    }
    assert!(!md.contains("    indented"), "{md}");
}
