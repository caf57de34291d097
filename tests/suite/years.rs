//! Older years in one file each: a desk puts its months of a year long past into one file, so a
//! shell command has tens of files to look at, not hundreds; every entry reads as before, on
//! every desk, whatever was in the months.

use chrono::{DateTime, Duration, TimeZone, Utc};
use nape::domain::checkin::CheckIn;
use nape::store::{DateRange, Kind, Record, Store};

use crate::common::sync::Sync;
use crate::common::{Diary, disk_store, history, saved_id};

/// The check-in files, as `Diary::own` names them.
fn files(d: &Diary) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(d.data().join("checkins"))
        .unwrap()
        .map(|e| format!("checkins/{}", e.unwrap().file_name().to_string_lossy()))
        .collect();
    names.sort();
    names
}

fn own(stems: &[&str]) -> Vec<String> {
    stems.iter().map(|s| Diary::own("checkins", s)).collect()
}

fn checkins(d: &Diary) -> Vec<Record<CheckIn>> {
    let (store, _) = disk_store(&d.data());
    (&store as &dyn Store)
        .load_kind::<CheckIn>(DateRange::ALL)
        .unwrap()
        .records
}

fn log(d: &Diary, pain: &str, at: &str) -> String {
    saved_id(&d.ok(&["log", "--pain", pain, "--at", at])).expect("saved")
}

#[test]
fn older_years_are_kept_in_one_file_each_and_read_as_before() {
    let d = Diary::new();
    let first = log(&d, "3", "2019-03-01 09:00");
    log(&d, "4", "2019-07-01 09:00");
    // Until a newer year comes, 2019 is the newest and stays in months.
    assert_eq!(files(&d), own(&["2019-03", "2019-07"]));
    log(&d, "5", "2023-05-01 09:00");
    log(&d, "6", "2026-11-02 09:00");
    // The years before the year before the newest are put together; the last two stay in months.
    assert_eq!(files(&d), own(&["2019", "2023", "2026-11"]));
    let read: Vec<_> = checkins(&d).iter().map(|r| (r.date, r.body.pain)).collect();
    let day = |y, m, d| chrono::NaiveDate::from_ymd_opt(y, m, d).unwrap();
    assert_eq!(
        read,
        [
            (day(2019, 3, 1), 3),
            (day(2019, 7, 1), 4),
            (day(2023, 5, 1), 5),
            (day(2026, 11, 2), 6)
        ]
    );
    // Changed and deleted where they are: no month file comes back.
    d.ok(&["edit", &first, "--pain", "9"]);
    assert_eq!(checkins(&d)[0].body.pain, 9);
    d.ok(&["delete", &first, "--yes"]);
    assert_eq!(checkins(&d).len(), 3);
    assert_eq!(files(&d), own(&["2019", "2023", "2026-11"]));
    let out = d.ok(&["check"]);
    assert!(out.contains("All files read correctly."), "{out}");
}

#[test]
fn a_diary_from_before_years_loses_its_older_months_and_their_stubs_at_the_next_save() {
    // As an earlier nape left it: a month file and a stub for each month.
    let d = Diary::new();
    log(&d, "3", "2019-03-01 09:00");
    log(&d, "4", "2019-07-01 09:00");
    let stub = r#"{"schema_version": 2, "records": [], "note": "Each computer now keeps its own files beside this one; update nape to read them."}"#;
    for month in ["2019-03", "2019-07"] {
        std::fs::write(d.data().join(format!("checkins/{month}.json")), stub).unwrap();
    }
    log(&d, "5", "2026-11-02 09:00");
    assert_eq!(files(&d), own(&["2019", "2026-11"]));
    assert_eq!(checkins(&d).len(), 3);
}

#[test]
fn a_deletion_another_desks_month_still_needs_outlives_its_year_put_together() {
    let (a, b, mut sync) = two_desks();
    // An entry made on desk b long ago, in b's month file, deleted on desk a over a year ago.
    let at = Utc.with_ymd_and_hms(2019, 3, 10, 9, 0, 0).unwrap();
    made_on_b_deleted_long_ago_on_a((&a, &b, &mut sync), at);
    let other = log(&a, "2", "2019-05-01 09:00");
    // A new year on desk a puts 2019 together: the deletion must go with it, and stay there
    // when another deletion is made in that year.
    log(&a, "4", "2026-11-02 09:00");
    assert!(a.data().join("checkins/2019.deskaaaa.json").exists());
    assert!(!a.data().join("checkins/2019-03.deskaaaa.json").exists());
    a.ok(&["delete", &other, "--yes"]);
    sync.run(&a.data(), &b.data());
    for desk in [&a, &b] {
        let left: Vec<_> = checkins(desk).iter().map(|r| r.date).collect();
        assert_eq!(
            left,
            [chrono::NaiveDate::from_ymd_opt(2026, 11, 2).unwrap()]
        );
    }
}

#[test]
fn a_save_killed_between_the_year_and_its_months_loses_nothing_and_shows_each_entry_once() {
    let d = Diary::new();
    let id = log(&d, "1", "2019-03-01 09:00");
    log(&d, "5", "2026-11-02 09:00");
    let year = d.data().join(Diary::own("checkins", "2019"));
    let month = d.data().join(Diary::own("checkins", "2019-03"));
    let mut doc: serde_json::Value =
        serde_json::from_slice(&std::fs::read(&year).unwrap()).unwrap();
    let older = doc["records"][0].clone();
    d.ok(&["edit", &id, "--pain", "3"]);
    // As if killed after the year was written: the month back beside it, with an older
    // version of the entry and one the year lacks.
    let mut lost = older.clone();
    lost["id"] = "01694f0c-3c00-7000-8000-00000000abcd".into();
    lost["pain"] = 2.into();
    doc["records"] = serde_json::json!([older, lost]);
    std::fs::write(&month, serde_json::to_vec(&doc).unwrap()).unwrap();

    let pains = |d: &Diary| -> Vec<u8> { checkins(d).iter().map(|r| r.body.pain).collect() };
    assert_eq!(pains(&d), [2, 3, 5], "each entry once, its newest version");
    // The next save puts the month into the year again.
    log(&d, "6", "2026-11-03 09:00");
    assert!(!month.exists());
    assert_eq!(pains(&d), [2, 3, 5, 6]);
    assert!(d.ok(&["list", "--days", "4000"]).contains(&id[..8]));
}

#[test]
fn a_year_file_edited_by_hand_is_seen_by_the_shell_commands() {
    let d = Diary::new();
    // An emergency sign reported three years ago, never assessed: only a year file holds it.
    let date = history::with_old_sign(&d.data(), 1200, 1100);
    let year_file = Diary::own("checkins", &date.format("%Y").to_string());
    assert!(d.data().join(&year_file).exists(), "{:?}", files(&d));

    let status = || d.ok(&["status", "--json"]);
    assert!(status().contains(r#""level":"emergency""#));
    let index = d.local().join("index.json");
    assert!(index.exists(), "the index was made");
    assert!(
        status().contains(r#""level":"emergency""#),
        "read with the index"
    );
    // A hand edit in place (same length): seen, as reading everything sees it.
    d.edit_file(&year_file, r#""numbness""#, r#""clicking""#);
    let edited = status();
    assert!(!edited.contains(r#""level":"emergency""#), "{edited}");
    std::fs::remove_file(&index).unwrap();
    assert_eq!(status(), edited);
}

/// An entry made on desk b at `at` (its month file), the desks synced, and the entry deleted
/// on desk a at the start of 2020, over a year ago.
fn made_on_b_deleted_long_ago_on_a((a, b, sync): (&Diary, &Diary, &mut Sync), at: DateTime<Utc>) {
    let (on_b, _) = disk_store(&b.data());
    (&on_b as &dyn Store)
        .add(&Record::new(CheckIn::new(at, 3), at.date_naive(), at))
        .unwrap();
    sync.run(&a.data(), &b.data());
    let (on_a, _) = disk_store(&a.data());
    let long_ago = Utc.with_ymd_and_hms(2020, 1, 1, 9, 0, 0).unwrap();
    (&on_a as &dyn Store)
        .delete(&checkins(a)[0], long_ago)
        .unwrap();
}

fn two_desks() -> (Diary, Diary, Sync) {
    (
        Diary::at_desk("deskaaaa"),
        Diary::at_desk("deskbbbb"),
        Sync::default(),
    )
}

/// The dates `d` shows each check-in at, by id.
fn dated(d: &Diary) -> Vec<(String, chrono::NaiveDate)> {
    checkins(d)
        .iter()
        .map(|r| (r.id.to_string(), r.date))
        .collect()
}

#[test]
fn an_entry_another_desk_keeps_in_a_month_of_a_year_kept_by_year_is_edited_moved_and_deleted_once()
{
    // Desk b wrote the entry in its month file of 2023; desk a keeps 2023 in its year file.
    let (a, b, mut sync) = two_desks();
    let id = log(&b, "3", "2023-02-10 09:00");
    log(&a, "4", "2026-11-02 09:00");
    sync.run(&a.data(), &b.data());
    let day = |y, m, d| chrono::NaiveDate::from_ymd_opt(y, m, d).unwrap();
    let only = |d: &Diary, date| {
        let found: Vec<_> = dated(d).into_iter().filter(|(i, _)| *i == id).collect();
        assert_eq!(found, [(id.clone(), date)]);
    };

    a.ok(&["edit", &id, "--at", "2025-07-11 18:00"]);
    only(&a, day(2025, 7, 11));
    // An export imported again changes nothing: its deletion of b's old copy is older than
    // the entry's move.
    let export = a.dir.path().join("export.json");
    std::fs::write(&export, a.ok(&["export"])).unwrap();
    a.ok(&["import", export.to_str().unwrap()]);
    only(&a, day(2025, 7, 11));
    // Moved again, into the year a keeps by year: not refused as changed elsewhere.
    a.ok(&["edit", &id, "--at", "2024-03-01 10:00"]);
    sync.run(&a.data(), &b.data());
    for desk in [&a, &b] {
        only(desk, day(2024, 3, 1));
    }
    b.ok(&["edit", &id, "--pain", "6"]);
    sync.run(&a.data(), &b.data());
    a.ok(&["delete", &id, "--yes"]);
    sync.run(&a.data(), &b.data());
    for desk in [&a, &b] {
        assert!(dated(desk).iter().all(|(i, _)| *i != id), "deleted");
    }
}

#[test]
fn a_delete_hides_the_newest_version_even_when_another_desks_month_holds_it() {
    let (a, b, mut sync) = two_desks();
    let id = log(&b, "3", "2023-02-10 09:00");
    log(&a, "4", "2026-11-02 09:00");
    sync.run(&a.data(), &b.data());
    a.ok(&["edit", &id, "--pain", "5"]);
    sync.run(&a.data(), &b.data());
    // Changed on desk b with its clock an hour ahead: b's month holds the newest version.
    let month = b.data().join("checkins/2023-02.deskbbbb.json");
    let mut doc: serde_json::Value =
        serde_json::from_slice(&std::fs::read(&month).unwrap()).unwrap();
    let ahead = (Utc::now() + Duration::hours(1)).format("%Y-%m-%dT%H:%M:%SZ");
    doc["records"][0]["updated_at"] = ahead.to_string().into();
    doc["records"][0]["pain"] = 7.into();
    std::fs::write(&month, serde_json::to_vec(&doc).unwrap()).unwrap();
    sync.run(&a.data(), &b.data());

    a.ok(&["delete", &id, "--yes"]);
    assert!(dated(&a).iter().all(|(i, _)| *i != id), "deleted, not left");
}

#[test]
fn a_month_removed_before_its_year_file_arrives_lets_no_deleted_entry_back() {
    // Whether desk a's other entry shares the deleted one's month, and whether b's new year has
    // reached a before a's delete.
    for (other_at, new_arrived) in [
        ("2019-05-01 09:00", true),
        ("2019-03-05 09:00", true),
        ("2019-03-05 09:00", false),
    ] {
        let (a, b, mut sync) = two_desks();
        let at = Utc.with_ymd_and_hms(2019, 3, 1, 9, 0, 0).unwrap();
        made_on_b_deleted_long_ago_on_a((&a, &b, &mut sync), at);
        let other = log(&a, "5", other_at);
        sync.run(&a.data(), &b.data());
        // Desk b puts 2019 together; the sync tool brings the removal of b's month to desk a
        // before b's year file.
        log(&b, "4", "2026-11-02 09:00");
        std::fs::remove_file(a.data().join("checkins/2019-03.deskbbbb.json")).unwrap();
        if new_arrived {
            let new = "checkins/2026-11.deskbbbb.json";
            std::fs::copy(b.data().join(new), a.data().join(new)).unwrap();
        }
        // Desk a deletes its other entry of 2019.
        a.ok(&["delete", &other, "--yes"]);
        sync.run(&a.data(), &b.data());
        for desk in [&a, &b] {
            let left: Vec<_> = dated(desk).into_iter().map(|(_, d)| d).collect();
            let new = chrono::NaiveDate::from_ymd_opt(2026, 11, 2).unwrap();
            assert_eq!(
                left,
                [new],
                "{other_at}, the new year arrived: {new_arrived}"
            );
        }
    }
}

#[test]
fn a_year_too_large_for_one_file_stays_in_months() {
    // Six months of 2019 with long notes, 10 MiB between them: imported before a newer year
    // (they are put together later) and after (they go straight to the year).
    let note: String = "頸".repeat(5000);
    let mut ops = Vec::new();
    for day in 0..180 {
        for hour in [8, 12, 16, 20] {
            let at = Utc.with_ymd_and_hms(2019, 1, 1, hour, 0, 0).unwrap() + Duration::days(day);
            let checkin = CheckIn {
                note: Some(note.clone()),
                ..CheckIn::new(at, 3)
            };
            ops.push(nape::store::Op::Add(
                Record::new(checkin, at.date_naive(), at).to_raw(),
            ));
        }
    }
    for newer_first in [false, true] {
        let d = Diary::new();
        if newer_first {
            log(&d, "4", "2026-11-02 09:00");
        }
        let (store, _) = disk_store(&d.data());
        (&store as &dyn Store)
            .apply(CheckIn::COLLECTION, ops.clone())
            .unwrap();
        log(&d, "5", "2026-11-03 09:00");
        let months = files(&d);
        assert!(
            months.contains(&Diary::own("checkins", "2019-03")),
            "{months:?}"
        );
        assert_eq!(checkins(&d).len(), 721 + usize::from(newer_first));
        let out = d.ok(&["check"]);
        assert!(out.contains("All files read correctly."), "{out}");
    }
}

/// `d`'s own export imported again: it must change nothing.
fn round_trip(d: &Diary) {
    let export = d.dir.path().join("round-trip.json");
    std::fs::write(&export, d.ok(&["export"])).unwrap();
    d.ok(&["import", export.to_str().unwrap()]);
}

#[test]
fn a_move_while_the_other_desk_puts_its_year_together_survives_an_export_imported_again() {
    // Desk a moves b's entry out of 2019 while b, having seen a newer year, puts 2019 together.
    let (a, b, mut sync) = two_desks();
    let id = log(&b, "2", "2019-03-12 13:30");
    log(&a, "5", "2019-05-01 09:00");
    sync.run(&a.data(), &b.data());
    log(&b, "3", "2021-01-13 10:00");
    a.ok(&["edit", &id, "--at", "2020-10-01 21:30"]);
    sync.run(&a.data(), &b.data());
    let day = chrono::NaiveDate::from_ymd_opt(2020, 10, 1).unwrap();
    let shown = |d: &Diary| -> Vec<_> { dated(d).into_iter().filter(|(i, _)| *i == id).collect() };
    assert_eq!(shown(&a), [(id.clone(), day)]);
    round_trip(&a);
    sync.run(&a.data(), &b.data());
    for desk in [&a, &b] {
        assert_eq!(shown(desk), [(id.clone(), day)]);
    }
    // And the same from the other side: b moves a's entry into a year a keeps in months.
    let (a, b, mut sync) = two_desks();
    log(&b, "2", "2018-09-04 17:00");
    let id = log(&a, "1", "2018-08-13 22:30");
    sync.run(&a.data(), &b.data());
    log(&a, "6", "2020-11-14 07:00");
    b.ok(&["edit", &id, "--at", "2019-10-15 10:15"]);
    sync.run(&a.data(), &b.data());
    round_trip(&b);
    sync.run(&a.data(), &b.data());
    let day = chrono::NaiveDate::from_ymd_opt(2019, 10, 15).unwrap();
    for desk in [&a, &b] {
        let shown: Vec<_> = dated(desk).into_iter().filter(|(i, _)| *i == id).collect();
        assert_eq!(shown, [(id.clone(), day)]);
    }
}

#[test]
fn an_entry_moved_out_of_a_year_and_back_is_never_refused_as_changed_elsewhere() {
    // b's entry in b's month of 2019; a moves it to a newer year (2019 then kept by year on a),
    // on, and back into 2019.
    let (a, b, mut sync) = two_desks();
    let id = log(&b, "8", "2019-10-01 07:00");
    sync.run(&a.data(), &b.data());
    for at in ["2021-10-25 13:30", "2020-06-20 08:15", "2019-12-13 14:15"] {
        a.ok(&["edit", &id, "--at", at]);
    }
    sync.run(&a.data(), &b.data());
    let day = chrono::NaiveDate::from_ymd_opt(2019, 12, 13).unwrap();
    for desk in [&a, &b] {
        assert_eq!(dated(desk), [(id.clone(), day)]);
    }
}

#[test]
fn an_older_copy_brought_back_by_an_old_export_never_stops_an_edit() {
    // Desk a moves its entry out of 2020; desk b, before hearing of it, imports an old export
    // holding it in 2020: b's file keeps that older copy, which the newer version outranks.
    let (a, b, mut sync) = two_desks();
    log(&a, "1", "2026-11-02 09:00");
    let id = log(&a, "0", "2020-01-04 20:30");
    let export = a.dir.path().join("old.json");
    std::fs::write(&export, a.ok(&["export"])).unwrap();
    a.ok(&["edit", &id, "--at", "2023-01-09 06:15"]);
    b.ok(&["import", export.to_str().unwrap()]);
    sync.run(&a.data(), &b.data());
    let day = |y, m, d| chrono::NaiveDate::from_ymd_opt(y, m, d).unwrap();
    for desk in [&a, &b] {
        assert!(dated(desk).contains(&(id.clone(), day(2023, 1, 9))));
    }
    b.ok(&["edit", &id, "--at", "2024-02-02 10:00"]);
    sync.run(&a.data(), &b.data());
    a.ok(&["edit", &id, "--pain", "4"]);
    sync.run(&a.data(), &b.data());
    for desk in [&a, &b] {
        let shown: Vec<_> = dated(desk).into_iter().filter(|(i, _)| *i == id).collect();
        assert_eq!(shown, [(id.clone(), day(2024, 2, 2))]);
    }
}
