//! Whatever is saved comes back equal, and fields this build does not know survive a save.

use chrono::{DateTime, NaiveDate, TimeZone, Utc};
use nape::domain::checkin::CheckIn;
use nape::store::{DateRange, Record, Store};
use proptest::prelude::*;
use serde_json::{Map, Value};

fn checkin() -> impl Strategy<Value = Record<CheckIn>> {
    (
        0i64..400_000_000,
        0u8..=10,
        proptest::option::of(0u8..=10),
        // A valid check-in: a note holds something, the worst is not below the pain now.
        proptest::option::of("[a-z]\\PC{0,40}(\n\\PC{0,20})?"),
        proptest::collection::vec("[a-z-]{1,12}", 0..3),
        proptest::option::of(("[a-z_]{1,8}", "\\PC{0,10}")),
        any::<bool>(),
    )
        .prop_map(|(secs, pain, worst, note, medicines, extra, quick)| {
            let at: DateTime<Utc> = Utc.timestamp_opt(1_500_000_000 + secs, 0).unwrap();
            let mut extra_map = Map::new();
            if let Some((key, value)) = extra {
                // A field from a newer nape, unknown to this build.
                extra_map.insert(format!("future_{key}"), Value::String(value));
            }
            let body = CheckIn {
                at,
                pain,
                worst: worst.map(|w| w.max(pain)),
                stiffness: None,
                locations: vec![],
                symptoms: vec![],
                context: vec![],
                treatments: vec![],
                medicines,
                note,
                quick,
                offset: (secs % 3 == 0).then_some(3600),
                extra: extra_map,
            };
            Record::new(body, at.date_naive(), at)
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]
    #[test]
    fn saved_records_load_back_equal(records in proptest::collection::vec(checkin(), 0..20)) {
        let dir = tempfile::tempdir().unwrap();
        let (store, _) = crate::common::disk_store(&dir.path().join("data"));
        let store: &dyn Store = &store;
        for record in &records {
            store.add(record).unwrap();
        }
        let mut loaded = store.load_kind::<CheckIn>(DateRange::ALL).unwrap();
        prop_assert!(loaded.damage.is_empty());
        let mut expected = records.clone();
        expected.sort_by_key(|r| (r.date, r.created_at, r.id));
        loaded.records.sort_by_key(|r| (r.date, r.created_at, r.id));
        prop_assert_eq!(loaded.records, expected);
    }
}

#[test]
fn unknown_fields_in_records_and_documents_survive_an_edit() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let at = Utc.with_ymd_and_hms(2026, 5, 2, 8, 0, 0).unwrap();
    let file = data.join("checkins/2026-05.desk0001.json");
    std::fs::create_dir_all(file.parent().unwrap()).unwrap();
    std::fs::write(
        &file,
        r#"{"schema_version":1,"made_by":"nape 9","records":[
            {"id":"01890000-0000-7000-8000-000000000001","created_at":"2026-05-02T08:00:00Z",
             "updated_at":"2026-05-02T08:00:00Z","date":"2026-05-02","at":"2026-05-02T08:00:00Z",
             "pain":4,"mood":{"score":3}}]}"#,
    )
    .unwrap();
    let (store, _) = crate::common::disk_store(&data);
    let store: &dyn Store = &store;
    let mut record = store
        .load_kind::<CheckIn>(DateRange::ALL)
        .unwrap()
        .records
        .remove(0);
    record.body.pain = 2;
    record.updated_at = at + chrono::Duration::hours(1);
    store.update(&record).unwrap();
    // A second record added to the same file must not disturb the first one's extras.
    let other = Record::new(
        record.body.clone(),
        NaiveDate::from_ymd_opt(2026, 5, 3).unwrap(),
        at,
    );
    store.add(&other).unwrap();
    let saved: Value = serde_json::from_slice(&std::fs::read(&file).unwrap()).unwrap();
    assert_eq!(saved["made_by"], "nape 9", "document field lost");
    assert_eq!(saved["records"][0]["mood"]["score"], 3, "record field lost");
    assert_eq!(saved["records"][0]["pain"], 2, "the edit itself was lost");
}

#[test]
fn a_record_touched_by_a_clock_set_back_never_goes_back_in_time() {
    use chrono::Duration;
    let made = Utc.with_ymd_and_hms(2026, 5, 4, 10, 0, 0).unwrap();
    let tick = Duration::microseconds(1);
    let mut record = nape::store::Record::new(serde_json::Map::new(), made.date_naive(), made);
    record.touch(made - Duration::minutes(30));
    assert_eq!(
        record.updated_at,
        made + tick,
        "after the version it replaces"
    );
    record.touch(made + Duration::minutes(5));
    record.touch(made + Duration::minutes(2));
    assert_eq!(
        record.updated_at,
        made + Duration::minutes(5) + tick,
        "a later change is always stamped later than the one before"
    );
}
