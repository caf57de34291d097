//! The CSV export is safe to open in a spreadsheet and its lists can be split back exactly.

mod common;

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
