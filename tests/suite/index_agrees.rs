//! The index the shell commands read instead of the older months gives the answers reading
//! everything gives, whatever happened to the files behind its back: a hand edit, another
//! desk's file arriving, permissions changed, the index deleted or damaged.

use chrono::{Duration, TimeZone, Utc};
use nape::domain::checkin::CheckIn;
use nape::store::{Record, Store};

use crate::common::{Diary, disk_store, history};

/// `nape status --json` and `nape timer status`, as a status bar and a person see them.
fn answers(d: &Diary) -> (String, String) {
    (d.ok(&["status", "--json"]), d.ok(&["timer", "status"]))
}

/// What reading everything says: with no index there is nothing else to read.
fn read_whole(d: &Diary) -> (String, String) {
    let index = d.local().join("index.json");
    let _ = std::fs::remove_file(&index);
    answers(d)
}

/// A diary of 200 days ending today, with an emergency sign reported 150 days ago and never
/// assessed: only the older months hold it.
fn diary() -> (Diary, String) {
    let d = Diary::new();
    let today = Utc::now().date_naive();
    let (store, _) = disk_store(&d.data());
    history::fill(&store, today, 200);
    let date = today - Duration::days(150);
    let at = Utc.from_utc_datetime(&date.and_hms_opt(10, 30, 0).unwrap());
    let numb = CheckIn {
        symptoms: vec!["numbness".into()],
        locations: vec!["left-arm".into(), "right-arm".into()],
        ..CheckIn::new(at, 4)
    };
    // Entered now: after the history's assessment, so it is not settled by it.
    (&store as &dyn Store)
        .add(&Record::new(numb, date, Utc::now()))
        .unwrap();
    (d, Diary::own("checkins", &date.format("%Y-%m").to_string()))
}

#[test]
fn the_index_gives_what_reading_everything_gives() {
    let (d, old_file) = diary();
    let whole = read_whole(&d);
    assert!(whole.0.contains(r#""level":"emergency""#), "{}", whole.0);
    let index = d.local().join("index.json");
    assert!(index.exists(), "reading everything made the index");
    assert_eq!(answers(&d), whole, "read with the index");

    // A hand edit in place of an older month (same length, so only the time tells).
    d.edit_file(&old_file, r#""numbness""#, r#""clicking""#);
    let edited = answers(&d);
    assert!(!edited.0.contains(r#""level":"emergency""#), "{}", edited.0);
    assert_eq!(edited, read_whole(&d), "after a hand edit");

    // Another desk's file for an older month, carried over by a sync tool.
    let month = (Utc::now().date_naive() - Duration::days(120)).format("%Y-%m");
    let at = (Utc::now() - Duration::days(120)).format("%Y-%m-%dT%H:%M:%SZ");
    let date = (Utc::now() - Duration::days(120)).format("%Y-%m-%d");
    let other = format!(
        r#"{{"schema_version": 1, "records": [{{"id": "01581d2f-7800-7ac2-9210-979b927829d4",
        "created_at": "{at}", "updated_at": "{}", "date": "{date}", "at": "{at}", "pain": 6,
        "symptoms": ["fever", "headache", "stiff-neck"]}}]}}"#,
        Utc::now().format("%Y-%m-%dT%H:%M:%SZ")
    );
    answers(&d); // the index made again, before the file arrives
    std::fs::write(
        d.data().join(format!("checkins/{month}.otherdsk.json")),
        other,
    )
    .unwrap();
    let arrived = answers(&d);
    assert!(
        arrived.0.contains("fever with a stiff neck"),
        "{}",
        arrived.0
    );
    assert_eq!(arrived, read_whole(&d), "after another desk's file arrived");

    // An older file made unreadable (reading everything cannot vouch for the signs then).
    answers(&d);
    let path = d.data().join(&old_file);
    set_mode(&path, 0o000);
    assert_eq!(
        answers(&d),
        read_whole(&d),
        "with a file that cannot be read"
    );
    set_mode(&path, 0o600);

    // A damaged index is made again, never trusted.
    answers(&d);
    std::fs::write(&index, "{\"version\": 1, \"seal\": ").unwrap();
    assert_eq!(answers(&d), read_whole(&d), "with a damaged index");
}

#[cfg(unix)]
fn set_mode(path: &std::path::Path, mode: u32) {
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode)).unwrap();
}

/// A check-in logged from the shell for an older month is part of every answer after it.
#[test]
fn a_check_in_logged_for_an_older_month_is_heard() {
    let (d, _) = diary();
    let whole = read_whole(&d);
    answers(&d);
    let day = (Utc::now() - Duration::days(70))
        .format("%Y-%m-%d 09:00")
        .to_string();
    let logged = d.ok(&[
        "log",
        "3",
        "--at",
        &day,
        "--symptom",
        "fever",
        "--symptom",
        "headache",
        "--symptom",
        "stiff-neck",
    ]);
    assert!(logged.contains("Saved"), "{logged}");
    let after = answers(&d);
    assert_ne!(after, whole);
    assert!(after.0.contains("fever with a stiff neck"), "{}", after.0);
    assert_eq!(after, read_whole(&d));
}

/// A diary that never used sessions, routines or activities ratings (their folders were never
/// made) is sealed all the same, so its index serves.
#[test]
fn collections_never_begun_do_not_stop_the_seal() {
    use nape::domain::stretch::RoutineSession;
    use nape::domain::therapy::Session;
    use nape::store::Kind;
    let d = Diary::new();
    let (store, _) = disk_store(&d.data());
    let date = Utc::now().date_naive() - Duration::days(200);
    let at = Utc.from_utc_datetime(&date.and_hms_opt(9, 0, 0).unwrap());
    (&store as &dyn Store)
        .add(&Record::new(CheckIn::new(at, 3), date, at))
        .unwrap();
    let cs = [
        CheckIn::COLLECTION,
        Session::COLLECTION,
        RoutineSession::COLLECTION,
    ];
    let today = Utc::now().date_naive();
    assert!(!d.data().join("therapy").exists());
    let seal = (&store as &dyn Store).seal(&cs, today);
    assert!(seal.is_some());
    // And it moves with the file.
    d.edit_file(
        &Diary::own("checkins", &date.format("%Y-%m").to_string()),
        "\"pain\": 3",
        "\"pain\": 4",
    );
    assert_ne!((&store as &dyn Store).seal(&cs, today), seal);
}
