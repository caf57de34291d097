//! The disk store and the in-memory store keep the same contract.

use chrono::{NaiveDate, TimeZone, Utc};
use nape::domain::checkin::CheckIn;
use nape::domain::settings::Settings;
use nape::store::{DateRange, Kind, MemoryStore, Op, Record, Store, StoreError};

fn checkin(pain: u8, date: NaiveDate) -> Record<CheckIn> {
    let at = Utc.from_utc_datetime(&date.and_hms_opt(9, 0, 0).unwrap());
    let body = CheckIn::new(at, pain);
    Record::new(body, date, at)
}

fn day(m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, m, d).unwrap()
}

fn contract(store: &dyn Store) {
    let a = checkin(3, day(1, 10));
    let b = checkin(5, day(2, 10));
    store.add(&a).unwrap();
    store.add(&b).unwrap();
    assert_eq!(
        store.add(&a).unwrap().changed,
        0,
        "re-adding the same record is a no-op"
    );
    let mut clash = a.clone();
    clash.body.pain = 9;
    assert!(matches!(store.add(&clash), Err(StoreError::Duplicate(_))));

    // An edit that moves a record to another month.
    let mut moved = a.clone();
    moved.date = day(3, 1);
    moved.body.at = checkin(4, day(3, 1)).body.at;
    moved.body.pain = 4;
    moved.updated_at = a.updated_at + chrono::Duration::minutes(1);
    store.update(&moved).unwrap();
    let all = store.load_kind::<CheckIn>(DateRange::ALL).unwrap().records;
    assert_eq!(all.len(), 2);
    assert_eq!(all[1], moved);

    let february = DateRange {
        since: Some(day(2, 1)),
        until: Some(day(2, 28)),
    };
    let feb = store.load_kind::<CheckIn>(february).unwrap().records;
    assert_eq!(feb, std::slice::from_ref(&b));

    // Merge keeps the newer copy.
    assert_eq!(
        store
            .apply(CheckIn::COLLECTION, vec![Op::Merge(a.to_raw())])
            .unwrap()
            .changed,
        0
    );
    // Each write moves the collection's stamp, and only that collection's.
    let (checkins, settings) = (
        store.stamp(CheckIn::COLLECTION),
        store.stamp(Settings::COLLECTION),
    );
    store.delete(&moved, Utc::now()).unwrap();
    assert_ne!(
        store.stamp(CheckIn::COLLECTION),
        checkins,
        "a write is noticed"
    );
    assert_eq!(
        store.stamp(Settings::COLLECTION),
        settings,
        "other collections are left alone"
    );
    assert!(matches!(
        store.delete(&moved, Utc::now()),
        Err(StoreError::NotFound(_))
    ));
    assert_eq!(
        store.load_kind::<CheckIn>(DateRange::ALL).unwrap().records,
        [b]
    );
}

#[test]
fn memory_store_keeps_the_contract() {
    let store = MemoryStore::new();
    contract(&store);
}

#[test]
fn disk_store_keeps_the_contract() {
    let dir = tempfile::tempdir().unwrap();
    let (store, _) = crate::common::disk_store(&dir.path().join("data"));
    contract(&store);
}

/// A delete leaves a tombstone: an older copy merged back (an old export) stays deleted, an
/// imported tombstone deletes only what was not changed after it, and loads carry tombstones.
fn tombstones(store: &dyn Store) {
    let a = checkin(3, day(4, 10));
    let b = checkin(5, day(4, 11));
    store.add(&a).unwrap();
    store.add(&b).unwrap();
    let deleted_at = a.updated_at + chrono::Duration::hours(1);
    store.delete(&a, deleted_at).unwrap();
    let merged = store
        .apply(CheckIn::COLLECTION, vec![Op::Merge(a.to_raw())])
        .unwrap();
    assert_eq!(merged.changed, 0, "an older copy does not come back");
    let loaded = store.load(CheckIn::COLLECTION, DateRange::ALL).unwrap();
    assert!(loaded.records.iter().all(|r| r.id != a.id));
    assert!(
        loaded
            .deleted
            .iter()
            .any(|t| t.id == a.id && t.deleted_at == deleted_at),
        "{:?}",
        loaded.deleted
    );

    // A tombstone from elsewhere: it removes b only if b was not changed after it.
    let mut tomb = loaded.deleted[0].clone();
    tomb.id = b.id;
    tomb.date = b.date;
    tomb.deleted_at = b.updated_at - chrono::Duration::minutes(1);
    let kept = store
        .apply(CheckIn::COLLECTION, vec![Op::Bury(tomb.clone())])
        .unwrap();
    assert_eq!(kept.changed, 0, "b was changed after that delete: kept");
    tomb.deleted_at = b.updated_at + chrono::Duration::minutes(1);
    store
        .apply(CheckIn::COLLECTION, vec![Op::Bury(tomb)])
        .unwrap();
    let left = store.load(CheckIn::COLLECTION, DateRange::ALL).unwrap();
    assert!(left.records.iter().all(|r| r.id != b.id), "b deleted");

    // Moved to another month, then deleted: an old copy in its first month stays deleted.
    let c = checkin(4, day(5, 10));
    store.add(&c).unwrap();
    let mut moved = c.clone();
    moved.date = day(6, 2);
    moved.updated_at = c.updated_at + chrono::Duration::minutes(1);
    store.update(&moved).unwrap();
    store
        .delete(&moved, moved.updated_at + chrono::Duration::minutes(1))
        .unwrap();
    let merged = store
        .apply(CheckIn::COLLECTION, vec![Op::Merge(c.to_raw())])
        .unwrap();
    assert_eq!(
        merged.changed, 0,
        "the old copy from May does not come back"
    );
}

#[test]
fn both_stores_keep_tombstones() {
    tombstones(&MemoryStore::new());
    let dir = tempfile::tempdir().unwrap();
    let (disk, _) = crate::common::disk_store(&dir.path().join("data"));
    tombstones(&disk);
}
