//! The CSV export is safe to open in a spreadsheet and its lists can be split back exactly.

use crate::common;

use common::Diary;

fn rows(csv: &str) -> (csv::StringRecord, Vec<csv::StringRecord>) {
    let mut reader = csv::Reader::from_reader(csv.as_bytes());
    let headers = reader.headers().unwrap().clone();
    (headers, reader.records().map(Result::unwrap).collect())
}

#[test]
fn a_note_that_looks_like_a_formula_is_defused() {
    let diary = Diary::new();
    for note in [
        "=HYPERLINK(\"http://x\")",
        "+1",
        "-2+3",
        "@SUM(A1)",
        "\tx",
        "fine",
    ] {
        diary.ok(&["log", "--pain", "3", &format!("--note={note}")]);
    }
    diary.ok(&["log", "--pain", "3", "--medicine=-dash", "--medicine==eq"]);
    let (headers, rows) = rows(&diary.ok(&["export", "--format", "csv"]));
    let col = |name: &str| headers.iter().position(|h| h == name).unwrap();
    let notes: Vec<&str> = rows.iter().map(|r| &r[col("note")]).collect();
    for note in &notes {
        assert!(
            !note.starts_with(['=', '+', '-', '@', '\t', '\r']),
            "{note:?} would run as a formula"
        );
    }
    assert!(notes.contains(&"'=HYPERLINK(\"http://x\")"), "{notes:?}");
    assert!(
        notes.contains(&"fine"),
        "plain text is untouched: {notes:?}"
    );
    let medicines = &rows.last().unwrap()[col("medicines")];
    assert!(!medicines.starts_with('-'), "{medicines:?}");
}

#[test]
fn a_medicine_name_holding_the_separator_splits_back_exactly() {
    let diary = Diary::new();
    diary.ok(&[
        "log",
        "--pain",
        "3",
        "--medicine",
        "brand; generic",
        "--medicine",
        "back\\slash",
        "--medicine",
        "plain",
    ]);
    let (headers, rows) = rows(&diary.ok(&["export", "--format", "csv"]));
    let col = headers.iter().position(|h| h == "medicines").unwrap();
    let cell = &rows[0][col];
    // Items are separated by "; "; a ";" or "\" inside a name is escaped with "\".
    let mut items = vec![String::new()];
    let mut chars = cell.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' => items.last_mut().unwrap().extend(chars.next()),
            ';' => {
                chars.next_if_eq(&' ');
                items.push(String::new());
            }
            c => items.last_mut().unwrap().push(c),
        }
    }
    assert_eq!(
        items,
        ["brand; generic", "back\\slash", "plain"],
        "{cell:?}"
    );
}

/// A routine played, as an export holds it (there is no shell command that plays one).
fn import_routine(diary: &Diary) {
    let export = serde_json::json!({
        "nape_export": 1,
        "exported_at": "2026-11-20T10:00:00Z",
        "collections": {"routines": [{
            "id": "01900000-0000-7000-8000-000000000001",
            "created_at": "2026-11-20T10:00:00Z", "updated_at": "2026-11-20T10:04:00Z",
            "date": "2026-11-20", "routine": "desk-reset", "version": 1, "name": "Desk reset",
            "started_at": "2026-11-20T10:00:00Z", "planned_secs": 185, "steps_total": 5,
            "steps_done": 4, "ended_at": "2026-11-20T10:04:00Z", "end": "stopped",
            "pain_before": 5, "pain_after": 3, "feeling": "better"
        }]}
    });
    let path = diary.data().join("../routine.json");
    std::fs::write(&path, export.to_string()).unwrap();
    diary.ok(&["import", path.to_str().unwrap()]);
}

#[test]
fn sessions_and_routines_export_as_their_own_tables() {
    let diary = Diary::new();
    diary.ok(&["timer", "start", "cold", "--minutes", "10", "--pain", "6"]);
    diary.ok(&["timer", "stop", "--pain", "4"]);
    import_routine(&diary);

    let (headers, packs) = rows(&diary.ok(&["export", "--format", "csv", "--kind", "sessions"]));
    let col = |name: &str| headers.iter().position(|h| h == name).unwrap();
    assert_eq!(packs.len(), 1);
    assert_eq!(&packs[0][col("pack")], "cold");
    assert_eq!(&packs[0][col("planned_minutes")], "10");
    assert_eq!(&packs[0][col("end")], "stopped");
    assert_eq!(
        (&packs[0][col("pain_before")], &packs[0][col("pain_after")]),
        ("6", "4")
    );

    let (headers, played) = rows(&diary.ok(&["export", "--format", "csv", "--kind", "routines"]));
    let col = |name: &str| headers.iter().position(|h| h == name).unwrap();
    assert_eq!(played.len(), 1);
    assert_eq!(&played[0][col("name")], "Desk reset");
    // Steps as numbers a spreadsheet can sum.
    assert_eq!(
        (
            &played[0][col("steps_done")],
            &played[0][col("steps_total")]
        ),
        ("4", "5")
    );
    assert_eq!(&played[0][col("minutes")], "4");
    assert_eq!(&played[0][col("end")], "stopped");
    assert_eq!(&played[0][col("feeling")], "better");
}

#[test]
fn everything_in_one_table_parses_back_to_the_same_values() {
    let diary = Diary::new();
    let note = "Slept badly, \"again\"; woke at 3\nthen, at 5: stiff";
    diary.ok(&[
        "log",
        "--pain",
        "5",
        "--worst",
        "7",
        &format!("--note={note}"),
    ]);
    diary.ok(&["timer", "start", "cold", "--minutes", "10"]);
    diary.ok(&["timer", "stop"]);
    import_routine(&diary);
    let csv = diary.ok(&["export", "--format", "csv", "--kind", "all"]);
    assert!(
        csv.starts_with("kind,id,") && csv.contains("\r\n"),
        "RFC 4180: CRLF"
    );
    let mut reader = csv::Reader::from_reader(csv.as_bytes());
    let headers = reader.headers().unwrap().clone();
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert!(
        rows.iter().all(|r| r.len() == headers.len()),
        "every row is complete"
    );
    let col = |name: &str| headers.iter().position(|h| h == name).unwrap();
    let kinds: Vec<&str> = rows.iter().map(|r| &r[col("kind")]).collect();
    assert_eq!(kinds, ["checkin", "session", "routine"]);
    let checkin = &rows[0];
    assert_eq!(&checkin[col("note")], note);
    assert_eq!((&checkin[col("pain")], &checkin[col("worst")]), ("5", "7"));
    assert_eq!(&rows[1][col("pack")], "cold");
    assert_eq!(
        &rows[1][col("note")],
        "",
        "a column of another kind is empty"
    );
    assert_eq!(&rows[2][col("name")], "Desk reset");
}

#[test]
fn a_kind_with_json_is_refused_and_changes_nothing() {
    let diary = Diary::new();
    let out = diary.run(&["export", "--kind", "sessions"]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("--kind") && err.contains("csv"), "{err}");
}

/// Times read as local time with their offset, to the second; a skin check with its answer.
#[test]
fn times_are_local_to_the_second_and_skin_checks_carry_their_answers() {
    let diary = Diary::new();
    diary.ok(&["log", "3"]);
    let (headers, checkins) = rows(&diary.ok(&["export", "--format", "csv"]));
    let col = |name: &str| headers.iter().position(|h| h == name).unwrap();
    let created = &checkins[0][col("created_at")];
    // "2026-12-05T08:49:31+00:00": no fraction of a second.
    assert_eq!(created.len(), 25, "{created}");
    assert!(
        created.ends_with("+00:00"),
        "TZ=UTC in the tests: {created}"
    );
    assert!(!created.contains('.'), "{created}");

    // A cold session with a skin check answered: the minute and what the skin felt.
    let store_dir = diary.data();
    let (store, _) = common::disk_store(&store_dir);
    let now = chrono::Utc::now();
    let mut writer = nape::diary::Diary::open(
        Box::new(store),
        nape::clock::Zone::Fixed(chrono::FixedOffset::east_opt(0).unwrap()),
        "C",
        now - chrono::Duration::minutes(6),
    );
    use nape::diary::TimerAction;
    use nape::domain::therapy::{PackKind, Skin};
    let start = TimerAction::Start {
        kind: PackKind::Cold,
        minutes: None,
        pain: None,
        anyway: true,
    };
    writer
        .timer(start, now - chrono::Duration::minutes(6))
        .unwrap();
    writer.timer(TimerAction::Skin(Skin::Aching), now).unwrap();
    let (headers, packs) = rows(&diary.ok(&["export", "--format", "csv", "--kind", "sessions"]));
    let col = |name: &str| headers.iter().position(|h| h == name).unwrap();
    assert_eq!(&packs[0][col("skin_checks")], "5 min: aching", "{packs:?}");
}
