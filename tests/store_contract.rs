//! The disk store and the in-memory store keep the same contract.

use chrono::{NaiveDate, TimeZone, Utc};
use nape::domain::checkin::CheckIn;
use nape::store::{DateRange, DiskStore, MemoryStore, Op, Record, Store, StoreError, kinds};

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
            .apply(kinds::CHECKINS, vec![Op::Merge(a.to_raw())])
            .unwrap()
            .changed,
        0
    );
    // Each write moves the collection's stamp, and only that collection's.
    let (checkins, settings) = (store.stamp(kinds::CHECKINS), store.stamp(kinds::SETTINGS));
    store.delete(&moved).unwrap();
    assert_ne!(store.stamp(kinds::CHECKINS), checkins, "a write is noticed");
    assert_eq!(
        store.stamp(kinds::SETTINGS),
        settings,
        "other collections are left alone"
    );
    assert!(matches!(store.delete(&moved), Err(StoreError::NotFound(_))));
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
    let (store, _) = DiskStore::open(dir.path()).unwrap();
    contract(&store);
}
