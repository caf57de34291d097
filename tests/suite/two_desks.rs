//! Two computers, one diary: two desks' data folders kept in step as Syncthing does (whole files
//! copied, conflict copies named as Syncthing names them), with no sync tool installed.

use std::os::unix::fs::PermissionsExt;

use chrono::{Duration, NaiveDate, TimeZone, Utc};
use nape::domain::checkin::CheckIn;
use nape::domain::settings::{self, CueMode, Settings};
use nape::store::{DateRange, Kind, Record, Store};

use crate::common::sync::{Sync, conflict_copies};
use crate::common::{Diary, disk_store};

fn desks() -> (Diary, Diary, Sync) {
    (
        Diary::at_desk("deskaaaa"),
        Diary::at_desk("deskbbbb"),
        Sync::default(),
    )
}

fn sorted(mut ids: Vec<String>) -> Vec<String> {
    ids.sort();
    ids
}

fn checkins(diary: &Diary) -> Vec<Record<CheckIn>> {
    let (store, _) = disk_store(&diary.data());
    let store: &dyn Store = &store;
    store.load_kind::<CheckIn>(DateRange::ALL).unwrap().records
}

/// Both desks show the same entries, and no conflict copy is left on either.
fn in_step(a: &Diary, b: &Diary) -> Vec<String> {
    let (on_a, on_b) = (sorted(a.export_ids()), sorted(b.export_ids()));
    assert_eq!(on_a, on_b, "the desks disagree");
    assert_eq!(conflict_copies(&a.data()), Vec::<std::path::PathBuf>::new());
    assert_eq!(conflict_copies(&b.data()), Vec::<std::path::PathBuf>::new());
    on_a
}

#[test]
fn two_desks_logging_at_once_never_change_the_same_file() {
    let (a, b, mut sync) = desks();
    for round in 0..5 {
        let pain = round.to_string();
        a.ok(&["log", "--pain", &pain]);
        b.ok(&["log", "--pain", &pain]);
        assert_eq!(
            sync.run(&a.data(), &b.data()),
            0,
            "round {round}: a file changed on both desks"
        );
    }
    assert_eq!(in_step(&a, &b).len(), 10);
}

#[test]
fn offline_logs_a_delete_and_edits_all_come_through_by_time() {
    let (a, b, mut sync) = desks();
    for day in 1..=3 {
        let at = format!("2026-11-0{day} 09:00");
        a.ok(&["log", "--pain", &day.to_string(), "--at", &at]);
    }
    sync.run(&a.data(), &b.data());
    let shared = checkins(&a);
    let (first, second, third) = (&shared[0], &shared[1], &shared[2]);

    // Apart: four check-ins on each desk; desk b edits the second and moves the third to
    // December; desk a, later, deletes the first and the third.
    for pain in ["4", "5", "6", "7"] {
        a.ok(&["log", "--pain", pain]);
        b.ok(&["log", "--pain", pain]);
    }
    let edited = Utc::now();
    let (on_b, _) = disk_store(&b.data());
    let on_b: &dyn Store = &on_b;
    let mut changed = second.clone();
    changed.body.pain = 9;
    changed.updated_at = edited;
    on_b.update(&changed).unwrap();
    let mut moved = third.clone();
    moved.date = NaiveDate::from_ymd_opt(2026, 12, 1).unwrap();
    moved.body.at = Utc.with_ymd_and_hms(2026, 12, 1, 9, 0, 0).unwrap();
    moved.updated_at = edited;
    on_b.update(&moved).unwrap();
    let (on_a, _) = disk_store(&a.data());
    let on_a: &dyn Store = &on_a;
    on_a.delete(first, edited + Duration::seconds(1)).unwrap();
    on_a.delete(third, edited + Duration::seconds(2)).unwrap();

    assert_eq!(sync.run(&a.data(), &b.data()), 0);
    let ids = in_step(&a, &b);
    assert_eq!(
        ids.len(),
        3 + 8 - 2,
        "every offline entry, less the two deleted"
    );
    for desk in [&a, &b] {
        let records = checkins(desk);
        assert!(!records.iter().any(|r| r.id == first.id), "a delete holds");
        assert!(
            !records.iter().any(|r| r.id == third.id),
            "deleted after it was moved: the delete wins"
        );
        let second = records.iter().find(|r| r.id == second.id).unwrap();
        assert_eq!(second.body.pain, 9, "the other desk's edit holds");
    }
}

#[test]
fn an_entry_moved_to_another_month_on_one_desk_shows_once_on_both() {
    let (a, b, mut sync) = desks();
    a.ok(&["log", "--pain", "3", "--at", "2026-11-30 23:30"]);
    sync.run(&a.data(), &b.data());
    let mut record = checkins(&b).remove(0);
    record.date = NaiveDate::from_ymd_opt(2026, 12, 1).unwrap();
    record.body.at = Utc.with_ymd_and_hms(2026, 12, 1, 0, 30, 0).unwrap();
    record.updated_at = Utc::now();
    let (on_b, _) = disk_store(&b.data());
    (&on_b as &dyn Store).update(&record).unwrap();
    sync.run(&a.data(), &b.data());
    for desk in [&a, &b] {
        let (store, _) = disk_store(&desk.data());
        let store: &dyn Store = &store;
        let november = DateRange {
            since: NaiveDate::from_ymd_opt(2026, 11, 1),
            until: NaiveDate::from_ymd_opt(2026, 11, 30),
        };
        let in_november = store.load_kind::<CheckIn>(november).unwrap().records;
        assert!(
            in_november.is_empty(),
            "the old copy in desk a's file is hidden"
        );
        let all = store.load_kind::<CheckIn>(DateRange::ALL).unwrap().records;
        assert_eq!(all.len(), 1);
        assert_eq!(all[0].date, record.date);
    }
}

#[test]
fn settings_changed_on_both_desks_keep_both_changes_and_each_desk_its_own_cues() {
    let (a, b, mut sync) = desks();
    let start = Utc.with_ymd_and_hms(2026, 11, 1, 9, 0, 0).unwrap();
    let mut body = Settings::new("999", None);
    body.cues = Some(CueMode::Bell);
    let first = Record::new_with(settings::ID, body, start.date_naive(), start);
    let (on_a, _) = disk_store(&a.data());
    let on_a: &dyn Store = &on_a;
    on_a.add(&first).unwrap();
    sync.run(&a.data(), &b.data());

    // Apart: desk a changes the emergency number; desk b, later, the onset and its cues.
    let mut number = first.clone();
    number.body.emergency_number = "111".into();
    number.updated_at = start + Duration::hours(1);
    on_a.update(&number).unwrap();
    let (on_b, _) = disk_store(&b.data());
    let on_b: &dyn Store = &on_b;
    let mut onset = first.clone();
    onset.body.onset = NaiveDate::from_ymd_opt(2026, 10, 30);
    onset.body.cues = Some(CueMode::Voice);
    onset.updated_at = start + Duration::hours(2);
    on_b.update(&onset).unwrap();

    assert_eq!(sync.run(&a.data(), &b.data()), 0);
    for (desk, cues) in [(&a, CueMode::Bell), (&b, CueMode::Voice)] {
        let (store, _) = disk_store(&desk.data());
        let store: &dyn Store = &store;
        let loaded = store.load_kind::<Settings>(DateRange::ALL).unwrap().records;
        assert_eq!(loaded.len(), 1, "one settings record");
        let settings = &loaded[0].body;
        assert_eq!(
            settings.emergency_number, "111",
            "not undone by the later save"
        );
        assert_eq!(settings.onset, NaiveDate::from_ymd_opt(2026, 10, 30));
        assert_eq!(settings.cues, Some(cues), "cues belong to the desk");
    }
}

/// The records of a data file, as JSON values.
fn records_of(path: &std::path::Path) -> Vec<serde_json::Value> {
    let doc: serde_json::Value = serde_json::from_slice(&std::fs::read(path).unwrap()).unwrap();
    doc["records"].as_array().unwrap().clone()
}

fn document(records: &[serde_json::Value]) -> String {
    serde_json::json!({"schema_version": 1, "records": records}).to_string()
}

#[test]
fn an_old_layout_folder_and_its_sync_copies_are_folded_in_and_nothing_is_lost() {
    // Before desks, two installs shared one file per month; Syncthing kept one version and made
    // a conflict copy of the other, each with entries the other lacks.
    let (one, two) = (Diary::at_desk("oldone01"), Diary::at_desk("oldtwo02"));
    for day in 1..=3 {
        let at = format!("2026-11-0{day} 09:00");
        one.ok(&["log", "--pain", "2", "--at", &at]);
    }
    for day in 4..=5 {
        let at = format!("2026-11-0{day} 09:00");
        two.ok(&["log", "--pain", "5", "--at", &at]);
    }
    let kept = records_of(&one.data().join("checkins/2026-11.oldone01.json"));
    let mut copy = records_of(&two.data().join("checkins/2026-11.oldtwo02.json"));
    copy.push(kept[0].clone());

    let (a, b, mut sync) = desks();
    let folder = a.data().join("checkins");
    std::fs::create_dir_all(&folder).unwrap();
    std::fs::write(folder.join("2026-11.json"), document(&kept)).unwrap();
    let copy_name = "2026-11.sync-conflict-20261105-101010-ABCDEFG.json";
    std::fs::write(folder.join(copy_name), document(&copy)).unwrap();
    sync.run(&a.data(), &b.data());

    // The first command on desk b folds the copy into its own file, and says so.
    let out = b.run(&["status"]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{stderr}");
    assert!(
        stderr.contains(copy_name) && stderr.contains("2 entries found only there are back"),
        "{stderr}"
    );
    sync.run(&a.data(), &b.data());
    assert_eq!(in_step(&a, &b).len(), 5);

    // The first save on desk a moves the shared file into its own; in its place a stub that
    // a nape from before desks reads as newer, so it writes nothing there.
    a.ok(&["log", "--pain", "4", "--at", "2026-11-10 09:00"]);
    sync.run(&a.data(), &b.data());
    assert_eq!(in_step(&a, &b).len(), 6);
    for desk in [&a, &b] {
        let shared = desk.data().join("checkins/2026-11.json");
        let stub: serde_json::Value =
            serde_json::from_slice(&std::fs::read(&shared).unwrap()).unwrap();
        assert_eq!(stub["schema_version"], 2);
        assert_eq!(records_of(&shared), Vec::<serde_json::Value>::new());
    }
    // Desk b's first save there writes the same stub: nothing for a sync tool to conflict on.
    b.ok(&["log", "--pain", "5", "--at", "2026-11-11 09:00"]);
    assert_eq!(sync.run(&a.data(), &b.data()), 0);
    assert_eq!(in_step(&a, &b).len(), 7);
}

#[test]
fn a_month_that_never_had_a_file_from_before_desks_gets_no_stub() {
    // The stub stands in for a shared file moved into a desk's own; where there never was one,
    // it would only be one more file for every reader to look at (a shell command seals them).
    let (a, _, _) = desks();
    a.ok(&["log", "--pain", "3", "--at", "2026-10-02 09:00"]);
    a.ok(&["log", "--pain", "4", "--at", "2026-11-02 09:00"]);
    let mut names: Vec<String> = std::fs::read_dir(a.data().join("checkins"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(names, ["2026-10.deskaaaa.json", "2026-11.deskaaaa.json"]);
}

#[test]
fn nape_check_names_the_desks_and_folds_a_copy_it_finds() {
    let (a, b, mut sync) = desks();
    a.ok(&["log", "--pain", "2", "--at", "2026-11-02 09:00"]);
    b.ok(&["log", "--pain", "3", "--at", "2026-11-03 09:00"]);
    sync.run(&a.data(), &b.data());
    // A copy of desk b's file, as a sync tool might leave it, holding one more entry.
    let file = a.data().join("checkins/2026-11.deskbbbb.json");
    let mut records = records_of(&file);
    let mut extra = records[0].clone();
    extra["id"] = "01890000-0000-7000-8000-0000000000aa".into();
    records.push(extra);
    let copy = a
        .data()
        .join("checkins/2026-11.deskbbbb.sync-conflict-20261105-101010-ABCDEFG.json");
    std::fs::write(&copy, document(&records)).unwrap();

    let out = a.ok(&["check"]);
    assert!(
        out.contains("deskaaaa (this computer): last change"),
        "{out}"
    );
    assert!(out.contains("deskbbbb: last change"), "{out}");
    assert!(
        out.contains("folded:") && out.contains("1 entry found only there is back"),
        "{out}"
    );
    assert!(out.contains("All files read correctly."), "{out}");
    assert!(!copy.exists());
    assert_eq!(a.export_ids().len(), 3);
}

#[test]
fn a_sync_tools_own_entries_are_expected_and_its_temp_files_left_alone() {
    let diary = Diary::new();
    diary.ok(&["log", "--pain", "2"]);
    let data = diary.data();
    std::fs::create_dir(data.join(".stfolder")).unwrap();
    std::fs::write(data.join(".stignore"), "").unwrap();
    let theirs = data.join(format!(
        "checkins/.syncthing.2026-11.{}.json.tmp",
        crate::common::DESK
    ));
    std::fs::write(&theirs, "half a file").unwrap();
    let ours = data.join(format!(
        "checkins/.{}.Xy12ab.tmp",
        Diary::own("checkins", "2026-11").trim_start_matches("checkins/")
    ));
    std::fs::write(&ours, "a killed save").unwrap();
    // Others could read the folder: it is still made private.
    std::fs::set_permissions(&data, std::fs::Permissions::from_mode(0o755)).unwrap();

    let out = diary.run(&["log", "--pain", "3", "--at", "2026-11-05 10:00"]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{stderr}");
    assert!(!stderr.contains("holds other things"), "{stderr}");
    assert!(stderr.contains("now private to you"), "{stderr}");
    let mode = std::fs::metadata(&data).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode, 0o700);
    assert!(
        theirs.exists(),
        "a sync tool's temp file is not nape's to remove"
    );
    assert!(!ours.exists(), "nape's own unfinished save is removed");
}

#[test]
fn the_open_app_takes_in_a_sync_copy_and_says_what_came_back() {
    let (a, b, _) = desks();
    let now = Utc::now();
    let (store, _) = disk_store(&a.data());
    let diary = nape::diary::Diary::open(Box::new(store), nape::clock::Zone::Local, "C", now);
    let mut app = nape::app::App::with_diary(diary, now, "C");
    b.ok(&["log", "--pain", "4", "--note", "from home"]);
    let theirs = std::fs::read_dir(b.data().join("checkins")).unwrap();
    let theirs = theirs.flatten().next().unwrap().path();
    let name = theirs.file_stem().unwrap().to_string_lossy().into_owned();
    let copy = a.data().join(format!(
        "checkins/{name}.sync-conflict-20261205-101010-ABCDEFG.json"
    ));
    std::fs::create_dir_all(copy.parent().unwrap()).unwrap();
    std::fs::copy(&theirs, &copy).unwrap();

    assert!(app.update(nape::app::Msg::DataChanged, now + Duration::seconds(1)));
    assert_eq!(app.diary().checkins().len(), 1);
    match app.status() {
        Some(nape::app::Status::Info(text)) => {
            assert!(text.contains("1 entry found only there is back"), "{text}")
        }
        other => panic!("nothing said: {other:?}"),
    }
    assert!(!copy.exists());
}

#[test]
fn an_edit_on_a_desk_whose_clock_is_behind_still_wins_over_the_version_it_replaces() {
    let (a, b, mut sync) = desks();
    b.ok(&["log", "--pain", "6", "--at", "2026-11-02 09:00"]);
    sync.run(&a.data(), &b.data());
    // Desk b's clock ran an hour ahead when it last changed the entry (and desk b's id is the
    // higher, which wins a tie).
    let (on_b, _) = disk_store(&b.data());
    let mut ahead = checkins(&b).remove(0);
    ahead.body.pain = 7;
    ahead.updated_at = Utc::now() + Duration::hours(1);
    (&on_b as &dyn Store).update(&ahead).unwrap();
    sync.run(&a.data(), &b.data());
    // Desk a, with the right time, edits it: its change is the later one.
    let mut edit = checkins(&a).remove(0);
    edit.body.pain = 2;
    edit.touch(Utc::now());
    let (on_a, _) = disk_store(&a.data());
    (&on_a as &dyn Store).update(&edit).unwrap();
    sync.run(&a.data(), &b.data());
    for desk in [&a, &b] {
        assert_eq!(checkins(desk)[0].body.pain, 2, "the edit made last holds");
    }
}

#[test]
fn a_delete_hides_every_copy_even_when_one_month_is_read_alone() {
    let (a, b, mut sync) = desks();
    b.ok(&["log", "--pain", "5", "--at", "2026-11-10 09:00"]);
    sync.run(&a.data(), &b.data());
    let record = checkins(&b).remove(0);
    // Apart: desk b edits it; desk a moves it to October.
    let t = Utc::now();
    let mut edited = record.clone();
    edited.body.pain = 8;
    edited.updated_at = t + Duration::seconds(1);
    let (on_b, _) = disk_store(&b.data());
    (&on_b as &dyn Store).update(&edited).unwrap();
    let mut moved = record.clone();
    moved.date = NaiveDate::from_ymd_opt(2026, 10, 30).unwrap();
    moved.body.at = Utc.with_ymd_and_hms(2026, 10, 30, 9, 0, 0).unwrap();
    moved.updated_at = t + Duration::seconds(2);
    let (on_a, _) = disk_store(&a.data());
    let on_a: &dyn Store = &on_a;
    on_a.update(&moved).unwrap();
    sync.run(&a.data(), &b.data());
    // Then desk a deletes it.
    on_a.delete(&moved, t + Duration::seconds(3)).unwrap();
    sync.run(&a.data(), &b.data());
    let november = DateRange {
        since: NaiveDate::from_ymd_opt(2026, 11, 1),
        until: None,
    };
    for desk in [&a, &b] {
        let (store, _) = disk_store(&desk.data());
        let store: &dyn Store = &store;
        assert!(
            store
                .load_kind::<CheckIn>(november)
                .unwrap()
                .records
                .is_empty()
        );
        assert!(
            store
                .load_kind::<CheckIn>(DateRange::ALL)
                .unwrap()
                .records
                .is_empty()
        );
    }
}

#[test]
fn a_deletion_over_a_year_old_is_kept_while_another_desks_file_holds_the_entry() {
    let (a, b, mut sync) = desks();
    // Two entries made long ago on desk b.
    let (on_b, _) = disk_store(&b.data());
    for day in [10, 11] {
        let at = Utc.with_ymd_and_hms(2025, 11, day, 9, 0, 0).unwrap();
        let record = Record::new(CheckIn::new(at, 3), at.date_naive(), at);
        (&on_b as &dyn Store).add(&record).unwrap();
    }
    sync.run(&a.data(), &b.data());
    let both = checkins(&a);
    let (on_a, _) = disk_store(&a.data());
    let on_a: &dyn Store = &on_a;
    let long_ago = Utc.with_ymd_and_hms(2025, 11, 15, 9, 0, 0).unwrap();
    on_a.delete(&both[0], long_ago).unwrap();
    on_a.delete(&both[1], Utc::now()).unwrap();
    sync.run(&a.data(), &b.data());
    for desk in [&a, &b] {
        assert!(checkins(desk).is_empty(), "the first deletion still holds");
    }
}

#[test]
fn settings_from_before_desks_are_not_undone_by_a_new_desk_set_up_before_the_first_sync() {
    let (a, b, mut sync) = desks();
    // Desk a's settings, from before desks, under an id of their own.
    let made = Utc.with_ymd_and_hms(2025, 6, 1, 9, 0, 0).unwrap();
    let body = Settings::new("112", NaiveDate::from_ymd_opt(2025, 6, 1));
    let old = Record::new(body, made.date_naive(), made);
    let (on_a, _) = disk_store(&a.data());
    (&on_a as &dyn Store).add(&old).unwrap();
    // Desk b, new, goes through the welcome before anything arrives.
    let now = Utc::now();
    let fresh = Record::new_with(
        settings::ID,
        Settings::new("999", None),
        now.date_naive(),
        now,
    );
    let (on_b, _) = disk_store(&b.data());
    (&on_b as &dyn Store).add(&fresh).unwrap();
    sync.run(&a.data(), &b.data());
    for desk in [&a, &b] {
        let (store, _) = disk_store(&desk.data());
        let store: &dyn Store = &store;
        let loaded = store.load_kind::<Settings>(DateRange::ALL).unwrap().records;
        assert_eq!(loaded.len(), 1);
        assert_eq!(loaded[0].body.emergency_number, "112");
        assert_eq!(loaded[0].body.onset, NaiveDate::from_ymd_opt(2025, 6, 1));
    }
}

#[test]
fn a_damaged_sync_copy_is_reported_left_alone_and_never_rewrites_the_month() {
    let (a, _, _) = desks();
    a.ok(&["log", "--pain", "2", "--at", "2026-11-02 09:00"]);
    let folder = a.data().join("checkins");
    let copy = folder.join("2026-11.sync-conflict-20261105-101010-ABCDEFG.json");
    std::fs::write(&copy, "{ half a file").unwrap();
    let own = folder.join("2026-11.deskaaaa.json");
    let before = std::fs::metadata(&own).unwrap().modified().unwrap();
    for _ in 0..2 {
        let out = a.run(&["export"]);
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(
            stderr.contains("sync-conflict") && stderr.contains("damaged"),
            "{stderr}"
        );
        assert!(!stderr.contains("merged"), "{stderr}");
        let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        assert_eq!(json["collections"]["checkins"].as_array().unwrap().len(), 1);
    }
    assert!(copy.exists());
    assert_eq!(std::fs::metadata(&own).unwrap().modified().unwrap(), before);
}

#[test]
fn another_desks_damaged_settings_are_reported_never_moved_and_no_fresh_start_is_offered() {
    let (a, _, _) = desks();
    let now = Utc::now();
    let (store, _) = disk_store(&a.data());
    let mine = Record::new_with(
        settings::ID,
        Settings::new("112", None),
        now.date_naive(),
        now,
    );
    (&store as &dyn Store).add(&mine).unwrap();
    let theirs = a.data().join("settings/settings.deskzzzz.json");
    std::fs::write(&theirs, "{ half").unwrap();
    let diary = nape::diary::Diary::open(Box::new(store), nape::clock::Zone::Local, "C", now);
    assert_eq!(diary.settings().unwrap().body.emergency_number, "112");
    assert_eq!(
        diary.settings_unreadable(),
        None,
        "this desk's settings read fine"
    );
    let (store, _) = disk_store(&a.data());
    let moved = (&store as &dyn Store).set_aside(Settings::COLLECTION, now.date_naive());
    assert_eq!(moved.unwrap(), None);
    assert!(
        theirs.exists(),
        "another desk's file is that desk's to repair"
    );
}

#[test]
fn a_routine_playing_on_another_desk_counts_while_it_beats_and_is_ended_once_it_stops() {
    use nape::domain::stretch::{RoutineEnd, RoutineSession};
    let (a, _, _) = desks();
    let now = Utc::now();
    let playing = |beat_secs_ago: i64| {
        let session: RoutineSession = serde_json::from_value(serde_json::json!({
            "routine": "desk-reset", "version": 1, "name": "Desk reset",
            "started_at": now - Duration::seconds(200), "planned_secs": 210, "steps_total": 4,
            "beat": now - Duration::seconds(beat_secs_ago), "pid": 1, "desk": "deskzzzz"
        }))
        .unwrap();
        Record::new(session, now.date_naive(), now - Duration::seconds(200))
    };
    let (store, _) = disk_store(&a.data());
    (&store as &dyn Store).add(&playing(10)).unwrap();
    let diary = nape::diary::Diary::open(Box::new(store), nape::clock::Zone::Local, "C", now);
    assert!(
        diary.playing(now).is_some(),
        "it beat 10 s ago on its own desk"
    );
    drop(diary);

    let (b, _, _) = desks();
    let (store, _) = disk_store(&b.data());
    let lost = playing(180);
    (&store as &dyn Store).add(&lost).unwrap();
    let diary = nape::diary::Diary::open(Box::new(store), nape::clock::Zone::Local, "C", now);
    assert!(diary.playing(now).is_none(), "no word for three minutes");
    let ended = diary.routines().iter().find(|r| r.id == lost.id).unwrap();
    assert_eq!(ended.body.end, Some(RoutineEnd::Interrupted));
    assert_eq!(ended.body.ended_at, Some(now - Duration::seconds(180)));
}

#[test]
fn a_routine_from_the_future_or_this_very_process_is_judged_rightly() {
    use nape::domain::stretch::RoutineSession;
    let now = Utc::now();
    let session = |beat: chrono::DateTime<Utc>, pid: u32, desk: &str| -> RoutineSession {
        serde_json::from_value(serde_json::json!({
            "routine": "desk-reset", "version": 1, "name": "Desk reset",
            "started_at": now - Duration::seconds(20), "planned_secs": 210, "steps_total": 4,
            "beat": beat, "pid": pid, "desk": desk
        }))
        .unwrap()
    };
    // A heartbeat from years ahead is no sign of life.
    assert!(!session(now + Duration::days(1000), 1, "deskzzzz").playing(now, None));
    // This process's own routine plays, whatever its program is called.
    let (a, _, _) = desks();
    let (store, _) = disk_store(&a.data());
    let own = session(now, std::process::id(), "deskaaaa");
    (&store as &dyn Store)
        .add(&Record::new(own, now.date_naive(), now))
        .unwrap();
    let diary = nape::diary::Diary::open(Box::new(store), nape::clock::Zone::Local, "C", now);
    assert!(diary.playing(now).is_some());
}
