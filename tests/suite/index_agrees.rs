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
    let date = history::with_old_sign(&d.data(), 200, 150);
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
    // Read with it, not made again: a new index is a new file.
    let made = inode(&index);
    assert_eq!(answers(&d), whole);
    assert_eq!(inode(&index), made, "the index served and was kept");

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

/// Which file is at `path`: its inode and when it was written.
fn inode(path: &std::path::Path) -> (u64, std::time::SystemTime) {
    use std::os::unix::fs::MetadataExt;
    let meta = std::fs::metadata(path).unwrap();
    (meta.ino(), meta.modified().unwrap())
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

/// Add `entry` (a record, or a deletion when it has `deleted_at`) to the data file at
/// `relative`, made if need be, as a hand edit or another desk's nape would.
fn put(d: &Diary, relative: &str, entry: serde_json::Value) {
    let path = d.data().join(relative);
    let mut doc: serde_json::Value = std::fs::read(&path)
        .map(|b| serde_json::from_slice(&b).unwrap())
        .unwrap_or_else(|_| serde_json::json!({"schema_version": 2, "records": []}));
    let key = if entry.get("deleted_at").is_some() {
        "deleted"
    } else {
        "records"
    };
    let list = doc
        .as_object_mut()
        .unwrap()
        .entry(key)
        .or_insert(serde_json::json!([]));
    list.as_array_mut().unwrap().push(entry);
    std::fs::write(&path, serde_json::to_vec_pretty(&doc).unwrap()).unwrap();
    set_mode(&path, 0o600); // as nape and sync tools keep them
}

/// A check-in of pain 2 only, at `at`, entered at `made`.
fn pain_only(
    id: &str,
    at: chrono::DateTime<Utc>,
    made: chrono::DateTime<Utc>,
) -> serde_json::Value {
    serde_json::json!({"id": id, "created_at": stamp(made), "updated_at": stamp(made),
        "date": at.format("%Y-%m-%d").to_string(), "at": stamp(at), "pain": 2})
}

fn stamp(at: chrono::DateTime<Utc>) -> String {
    at.format("%Y-%m-%dT%H:%M:%SZ").to_string()
}

/// An emergency (numbness in both arms) dated `days_ago`, entered now.
fn numb(id: &str, days_ago: i64) -> serde_json::Value {
    let at = Utc::now() - Duration::days(days_ago);
    serde_json::json!({"id": id, "created_at": stamp(at), "updated_at": stamp(Utc::now()),
        "date": at.format("%Y-%m-%d").to_string(), "at": stamp(at), "pain": 4,
        "symptoms": ["numbness"], "locations": ["left-arm", "right-arm"]})
}

fn month(days_ago: i64) -> String {
    (Utc::now() - Duration::days(days_ago))
        .format("%Y-%m")
        .to_string()
}

/// An entry kept in a month file that is not its date's (by hand) is read as reading
/// everything reads it: an emergency in it is never lost.
#[test]
fn an_entry_in_another_months_file_is_not_lost() {
    let (d, _) = diary();
    // Recent, in the file of a month long summed up.
    let old_file = Diary::own("checkins", &month(150));
    put(
        &d,
        &old_file,
        numb("019a9f00-0000-7000-8000-000000000001", 10),
    );
    let whole = read_whole(&d);
    assert_eq!(answers(&d), whole, "recent, in an older month's file");
    // Older, in this month's file, once the index is made.
    let (d, _) = diary();
    answers(&d);
    answers(&d);
    let new_file = Diary::own("checkins", &month(0));
    put(
        &d,
        &new_file,
        numb("019a9f00-0000-7000-8000-000000000002", 80),
    );
    let indexed = answers(&d);
    assert!(indexed.0.contains("numbness of both arms"), "{}", indexed.0);
    assert_eq!(indexed, read_whole(&d), "older, in this month's file");
}

/// A check-in moved into this month on this desk, and deleted in its old month on another
/// desk before the two met: it stays deleted, with the index as without.
#[test]
fn a_check_in_moved_across_months_and_deleted_elsewhere_stays_deleted() {
    let (d, _) = diary();
    let id = "019a9f00-0000-7000-8000-0000000000aa";
    let moved = Utc::now() - Duration::days(3);
    put(
        &d,
        &Diary::own("checkins", &month(3)),
        serde_json::json!({"id": id,
        "created_at": stamp(moved), "updated_at": stamp(moved),
        "date": moved.format("%Y-%m-%d").to_string(), "at": stamp(moved), "pain": 4,
        "symptoms": ["numbness"], "locations": ["left-arm", "right-arm"]}),
    );
    let before = (Utc::now() - Duration::days(170))
        .format("%Y-%m-%d")
        .to_string();
    put(
        &d,
        &Diary::own("checkins", &month(170)),
        serde_json::json!({"id": id,
        "date": before, "deleted_at": stamp(moved)}),
    );
    let elsewhere = format!("checkins/{}.otherdsk.json", month(170));
    put(
        &d,
        &elsewhere,
        serde_json::json!({"id": id, "date": before,
        "deleted_at": stamp(Utc::now() - Duration::days(2))}),
    );
    let whole = read_whole(&d);
    assert_eq!(answers(&d), whole, "with the index");
    assert_eq!(answers(&d), whole, "with the index, again");
}

/// An edit that keeps a file's size, with its modification time put back (cp -p, rsync -t),
/// is seen all the same.
#[test]
fn an_edit_with_its_time_put_back_is_seen() {
    let (d, old_file) = diary();
    d.edit_file(&old_file, r#""numbness""#, r#""clicking""#);
    answers(&d);
    answers(&d);
    let path = d.data().join(&old_file);
    let modified = std::fs::metadata(&path).unwrap().modified().unwrap();
    d.edit_file(&old_file, r#""clicking""#, r#""numbness""#);
    std::fs::File::options()
        .write(true)
        .open(&path)
        .unwrap()
        .set_modified(modified)
        .unwrap();
    let edited = answers(&d);
    assert!(edited.0.contains(r#""level":"emergency""#), "{}", edited.0);
    assert_eq!(edited, read_whole(&d));
}

/// `nape list` names entries by the same short ids with the index as without: long enough to
/// tell every entry apart, the older ones too.
#[test]
fn list_names_entries_as_reading_everything_does() {
    let (d, _) = diary();
    let old = Utc::now() - Duration::days(150);
    let new = Utc::now() - Duration::hours(1);
    for (id, at) in [
        ("01a2456e-8000-7000-8000-000000000001", old),
        ("01a2456e-9000-7000-8000-000000000002", new),
    ] {
        put(
            &d,
            &Diary::own("checkins", &at.format("%Y-%m").to_string()),
            pain_only(id, at, at),
        );
    }
    read_whole(&d);
    let indexed = d.ok(&["list", "--days", "1"]);
    assert!(indexed.contains("01a2456e9"), "{indexed}");
    std::fs::remove_file(d.local().join("index.json")).unwrap();
    assert_eq!(indexed, d.ok(&["list", "--days", "1"]));
}

/// A check-in moved from an older month into this one (`nape edit --at`) leaves the index
/// serving once it is made again: its old month keeps only a deletion older than the move.
#[test]
fn a_check_in_moved_on_this_desk_keeps_the_index_serving() {
    let (d, old_file) = diary();
    read_whole(&d);
    let text = std::fs::read_to_string(d.data().join(&old_file)).unwrap();
    let doc: serde_json::Value = serde_json::from_str(&text).unwrap();
    let id = doc["records"][0]["id"].as_str().unwrap().to_string();
    let at = (Utc::now() - Duration::hours(2))
        .format("%Y-%m-%d %H:%M")
        .to_string();
    d.ok(&["edit", &id[..13], "--at", &at]);
    let whole = read_whole(&d);
    let index = d.local().join("index.json");
    let made = inode(&index);
    assert_eq!(answers(&d), whole);
    assert_eq!(inode(&index), made, "the index served and was kept");
}

/// The month read both with the index and sealed by it: the one before last.
fn overlap_month() -> String {
    (cutoff() - Duration::days(1)).format("%Y-%m").to_string()
}

/// `nape list --days 1` with the index, then reading everything.
fn list_both(d: &Diary) -> (String, String) {
    let indexed = d.ok(&["list", "--days", "1"]);
    let _ = std::fs::remove_file(d.local().join("index.json"));
    (indexed, d.ok(&["list", "--days", "1"]))
}

/// What a command said on standard error.
fn said(d: &Diary, args: &[&str]) -> String {
    String::from_utf8_lossy(&d.run(args).stderr).into_owned()
}

/// A damaged month file that reading with the index repairs from its backup is told of, as
/// reading everything tells of it.
#[test]
fn a_repair_made_while_reading_with_the_index_is_told() {
    let (d, _) = diary();
    answers(&d);
    answers(&d);
    let file = d.data().join(Diary::own("checkins", &overlap_month()));
    std::fs::write(&file, "{ damaged").unwrap();
    let told = said(&d, &["status"]);
    assert!(told.contains("was damaged"), "{told}");
}

/// An older ratings file that cannot be read is told of with the index as without it.
#[test]
fn an_older_ratings_file_damaged_is_told() {
    let (d, _) = diary();
    answers(&d);
    answers(&d);
    let folder = d.data().join("function");
    let old = std::fs::read_dir(&folder)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.to_string_lossy().contains(&month(150)))
        .find(|p| std::fs::read_to_string(p).unwrap().contains("scores"))
        .expect("a ratings file 150 days old");
    std::fs::write(&old, "{ damaged").unwrap();
    let told = said(&d, &["status"]);
    assert!(told.contains("damaged"), "{told}");
}

/// A deletion kept in another month's file, as nape writes one where a moved entry's copies
/// are, leaves the index to be made.
#[test]
fn a_deletion_kept_in_another_month_leaves_the_index_made() {
    let (d, old_file) = diary();
    put(
        &d,
        &old_file,
        serde_json::json!({"id": "019a9f00-0000-7000-8000-0000000000dd",
        "date": Utc::now().date_naive().format("%Y-%m-%d").to_string(),
        "deleted_at": stamp(Utc::now() - Duration::hours(1))}),
    );
    read_whole(&d);
    assert!(d.local().join("index.json").exists(), "the index was made");
}

/// An emergency number that is not one (edited by hand) leaves the index to be made: it is
/// told of, and has nothing to do with the older months.
#[test]
fn a_bad_emergency_number_leaves_the_index_made() {
    let (d, _) = diary();
    let settings = std::fs::read_dir(d.data().join("settings")).unwrap();
    let file = settings.map(|e| e.unwrap().path()).find(|p| {
        std::fs::read_to_string(p)
            .unwrap()
            .contains("emergency_number")
    });
    let file = file.expect("a settings file");
    let text = std::fs::read_to_string(&file).unwrap();
    let text = text.replace(
        r#""emergency_number": "112""#,
        r#""emergency_number": "1x2""#,
    );
    assert!(text.contains("1x2"), "{text}");
    std::fs::write(&file, text).unwrap();
    read_whole(&d);
    assert!(d.local().join("index.json").exists(), "the index was made");
}

/// Another desk's newer copy of an older check-in, moved into this month there, arriving
/// before that desk's older month: the newest version counts, once.
#[test]
fn a_moved_copy_arriving_first_counts_once() {
    let (d, old_file) = diary();
    let text = std::fs::read_to_string(d.data().join(&old_file)).unwrap();
    let doc: serde_json::Value = serde_json::from_str(&text).unwrap();
    let record = doc["records"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| {
            r["symptoms"]
                .as_array()
                .is_some_and(|s| s.iter().any(|s| s == "numbness"))
        })
        .expect("the numbness check-in")
        .clone();
    answers(&d);
    answers(&d);
    let mut moved = record.clone();
    let now = Utc::now() - Duration::hours(1);
    moved["date"] = serde_json::json!(now.format("%Y-%m-%d").to_string());
    moved["at"] = serde_json::json!(stamp(now));
    moved["updated_at"] = serde_json::json!(stamp(Utc::now() + Duration::seconds(1)));
    moved["symptoms"] = serde_json::json!(["fever", "headache", "stiff-neck"]);
    moved["locations"] = serde_json::json!([]);
    put(&d, &format!("checkins/{}.otherdsk.json", month(0)), moved);
    let indexed = answers(&d);
    assert_eq!(indexed, read_whole(&d));
}

/// `nape list`'s short ids tell a newer entry from an older one made in the same minute (its
/// id begins alike) with the index as without it.
#[test]
fn short_ids_tell_apart_entries_made_in_the_same_minute() {
    let (d, _) = diary();
    let id = nape::record::new_id(Utc::now()).to_string();
    // Alike up to the version digit, as ids made in one moment are.
    let (old_id, new_id) = (
        format!("{}0{}", &id[..15], &id[16..]),
        format!("{}f{}", &id[..15], &id[16..]),
    );
    let old = Utc::now() - Duration::days(150);
    put(
        &d,
        &Diary::own("checkins", &month(150)),
        pain_only(&old_id, old, Utc::now()),
    );
    read_whole(&d);
    let new = Utc::now() - Duration::hours(1);
    put(
        &d,
        &format!("checkins/{}.otherdsk.json", month(0)),
        pain_only(&new_id, new, Utc::now()),
    );
    let (indexed, whole) = list_both(&d);
    assert_eq!(indexed, whole);
}

/// The first of last month: what is dated before it is sealed in the index.
fn cutoff() -> chrono::NaiveDate {
    let today = Utc::now().date_naive();
    let first = today - Duration::days(i64::from(chrono::Datelike::day(&today)) - 1);
    let last_month = first - Duration::days(1);
    last_month - Duration::days(i64::from(chrono::Datelike::day(&last_month)) - 1)
}

/// A check-in of the weeks both sealed and read, moved into this month on another desk, whose
/// new file arrives before its old one: the newest version counts, once.
#[test]
fn a_check_in_of_the_sealed_weeks_moved_elsewhere_counts_once() {
    let (d, _) = diary();
    let date = cutoff() - Duration::days(15);
    let at = Utc.from_utc_datetime(&date.and_hms_opt(11, 0, 0).unwrap());
    let id = nape::record::new_id(at).to_string();
    put(
        &d,
        &Diary::own("checkins", &date.format("%Y-%m").to_string()),
        serde_json::json!({
        "id": id, "created_at": stamp(at), "updated_at": stamp(at),
        "date": date.format("%Y-%m-%d").to_string(), "at": stamp(at), "pain": 5,
        "symptoms": ["fever", "headache", "stiff-neck"]}),
    );
    read_whole(&d);
    let moved = Utc::now() - Duration::hours(2);
    put(
        &d,
        &format!("checkins/{}.otherdsk.json", month(0)),
        serde_json::json!({
        "id": id, "created_at": stamp(at), "updated_at": stamp(Utc::now()),
        "date": moved.format("%Y-%m-%d").to_string(), "at": stamp(moved), "pain": 2}),
    );
    assert_eq!(answers(&d), read_whole(&d));
}

/// A deletion nape keeps in this month's file for an entry moved from last month, and an
/// assessment kept in another month's file: the index goes on serving.
#[test]
fn entries_nape_keeps_in_other_months_leave_the_index_serving() {
    let (d, _) = diary();
    let last = cutoff() + Duration::days(3);
    put(
        &d,
        &Diary::own("checkins", &month(0)),
        serde_json::json!({
        "id": "019a9f00-0000-7000-8000-0000000000ee",
        "date": last.format("%Y-%m-%d").to_string(), "deleted_at": stamp(Utc::now())}),
    );
    let old = Utc::now() - Duration::days(150);
    std::fs::create_dir_all(d.data().join("assessments")).unwrap();
    put(
        &d,
        &Diary::own("assessments", &month(120)),
        serde_json::json!({
        "id": "019a9f00-0000-7000-8000-0000000000ef", "created_at": stamp(old),
        "updated_at": stamp(old), "date": old.format("%Y-%m-%d").to_string(),
        "at": stamp(old)}),
    );
    let whole = read_whole(&d);
    let index = d.local().join("index.json");
    assert!(index.exists(), "the index was made");
    let made = inode(&index);
    assert_eq!(answers(&d), whole);
    assert_eq!(inode(&index), made, "the index served and was kept");
}

/// Short ids after one of two check-ins made in the same moment is deleted: as short as
/// reading everything makes them.
#[test]
fn short_ids_after_a_delete_are_as_reading_everything_gives() {
    let (d, _) = diary();
    let id = nape::record::new_id(Utc::now()).to_string();
    let ids = [
        format!("{}0{}", &id[..15], &id[16..]),
        format!("{}f{}", &id[..15], &id[16..]),
    ];
    for (n, id) in ids.iter().enumerate() {
        let at = Utc::now() - Duration::minutes(10 + n as i64);
        put(
            &d,
            &Diary::own("checkins", &month(0)),
            pain_only(id, at, at),
        );
    }
    read_whole(&d);
    d.ok(&["delete", &ids[1], "--yes"]);
    let (indexed, whole) = list_both(&d);
    assert_eq!(indexed, whole);
}
