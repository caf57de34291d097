//! The shared diary's own questions, over the in-memory store.

use chrono::{FixedOffset, NaiveDate, TimeZone, Utc};
use nape::clock::Zone;
use nape::diary::Diary;
use nape::domain::checkin::CheckIn;
use nape::store::{MemoryStore, Record, Store};

#[test]
fn a_day_lists_its_check_ins_even_when_time_order_and_date_order_disagree() {
    // Saved while travelling: the later entry (by time) belongs to the earlier local date.
    let store = MemoryStore::new();
    let s: &dyn Store = &store;
    let first = Utc.with_ymd_and_hms(2026, 5, 2, 1, 0, 0).unwrap(); // 2 May, east of UTC
    let second = Utc.with_ymd_and_hms(2026, 5, 2, 3, 0, 0).unwrap(); // 1 May, west of UTC
    let may = |d| NaiveDate::from_ymd_opt(2026, 5, d).unwrap();
    s.add(&Record::new(CheckIn::new(first, 4), may(2), first))
        .unwrap();
    s.add(&Record::new(CheckIn::new(second, 6), may(1), second))
        .unwrap();
    let zone = Zone::Fixed(FixedOffset::east_opt(0).unwrap());
    let diary = Diary::open(Box::new(store), zone, "C", second);
    let pains = |d| -> Vec<u8> { diary.checkins_on(may(d)).map(|r| r.body.pain).collect() };
    assert_eq!(pains(1), [6]);
    assert_eq!(pains(2), [4]);
}
