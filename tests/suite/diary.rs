//! The shared diary's own questions, over the in-memory store.

use crate::common;

use chrono::{Duration, FixedOffset, NaiveDate, TimeZone, Utc};
use nape::clock::Zone;
use nape::diary::{Act, Diary, SettingsAct};
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
    // Days around them, so the day's entries are found among others.
    for (days, pain) in [(-3, 1), (-1, 2), (2, 3), (4, 5)] {
        let at = first + Duration::days(days);
        s.add(&Record::new(CheckIn::new(at, pain), at.date_naive(), at))
            .unwrap();
    }
    let zone = Zone::Fixed(FixedOffset::east_opt(0).unwrap());
    let diary = Diary::open(Box::new(store), zone, "C", second);
    let pains = |d| -> Vec<u8> { diary.checkins_on(may(d)).map(|r| r.body.pain).collect() };
    assert_eq!(pains(1), [2, 6]);
    assert_eq!(pains(2), [4]);
    assert_eq!(pains(4), [3]);
}

#[test]
fn opening_recent_months_first_knows_no_flag_until_the_rest_is_read() {
    // An unassessed emergency answer from 120 days ago, far outside the recent months.
    let now = Utc.with_ymd_and_hms(2026, 11, 22, 12, 0, 0).unwrap();
    let store = || {
        let store = MemoryStore::new();
        let old = now - Duration::days(120);
        let body = CheckIn {
            symptoms: vec!["worst-headache".into()],
            ..CheckIn::new(old, 7)
        };
        let s: &dyn Store = &store;
        s.add(&Record::new(body, old.date_naive(), old)).unwrap();
        store
    };
    let zone = Zone::Fixed(FixedOffset::east_opt(0).unwrap());

    let mut diary = Diary::open_recent(Box::new(store()), zone, "C", now);
    assert!(diary.checking());
    assert!(diary.flags().is_empty() && diary.checkins().is_empty());

    // A save made before the rest is read is kept when it is.
    let (id, _) = common::app::log(&mut diary, common::app::draft(now, 3, &[]), now);
    let fresh = diary
        .checkins()
        .iter()
        .find(|r| r.id == id)
        .unwrap()
        .clone();
    assert!(diary.read_older(now));
    assert!(!diary.checking() && !diary.read_older(now));

    let both = store();
    (&both as &dyn Store).add(&fresh).unwrap();
    let whole = Diary::open(Box::new(both), zone, "C", now);
    assert_eq!(diary.flags(), whole.flags());
    assert!(diary.locked(), "the old emergency is found");
    let pains: Vec<u8> = diary.checkins().iter().map(|r| r.body.pain).collect();
    assert_eq!(pains, [7, 3]);
}

#[test]
fn the_daily_series_follows_every_change_day_by_day() {
    let now = Utc.with_ymd_and_hms(2026, 11, 22, 12, 0, 0).unwrap();
    let zone = Zone::Fixed(FixedOffset::east_opt(0).unwrap());
    let mut diary = Diary::open(Box::new(MemoryStore::new()), zone, "C", now);
    let at = |days: i64, hours: i64| now - Duration::days(days) + Duration::hours(hours);
    let draft = |days, hours, pain| common::app::draft(at(days, hours), pain, &[]);
    let whole = |diary: &Diary| nape::domain::trends::daily(&diary.history());
    let mut ids = Vec::new();
    for (days, hours, pain) in [(3, 0, 6), (3, 2, 2), (1, 0, 9), (5, 0, 4)] {
        ids.push(common::app::log(&mut diary, draft(days, hours, pain), now).0);
        assert_eq!(diary.days(), whole(&diary));
    }
    // Moved to another day, then deleted: the day it left and the day it joined both follow.
    let first = diary.checkins().iter().find(|r| r.id == ids[0]).unwrap();
    let edit = Act::Edit {
        id: first.id,
        base: first.updated_at,
        draft: draft(1, 1, 1),
        moved: true,
    };
    diary.act(edit, now).unwrap();
    assert_eq!(diary.days(), whole(&diary));
    assert_eq!(diary.days().len(), 3);
    diary.act(Act::Delete(ids[0]), now).unwrap();
    assert_eq!(diary.days(), whole(&diary));
    let counts: Vec<usize> = diary.days().iter().map(|d| d.count).collect();
    assert_eq!(counts, [1, 1, 1]);
}

#[test]
fn a_bad_emergency_number_is_reported_until_settings_fix_it() {
    use nape::domain::settings::Settings;
    let now = Utc.with_ymd_and_hms(2026, 11, 22, 12, 0, 0).unwrap();
    let store = MemoryStore::new();
    let s: &dyn Store = &store;
    let bad = Record::new(Settings::new("call my GP", None), now.date_naive(), now);
    s.add(&bad).unwrap();
    let zone = Zone::Fixed(FixedOffset::east_opt(0).unwrap());
    let mut diary = Diary::open(Box::new(store), zone, "en_GB.UTF-8", now);
    assert_eq!(diary.emergency_number(), "999");
    assert!(diary.problem().is_some_and(|p| p.contains("call my GP")));

    let mut fixed = bad.body;
    fixed.emergency_number = "112".into();
    let replace = Act::Settings(SettingsAct::Replace(Box::new(fixed)));
    diary.act(replace, now).unwrap();
    assert_eq!(diary.emergency_number(), "112");
    assert_eq!(
        diary.problem(),
        None,
        "the warning goes once the number is fixed"
    );
}

#[test]
fn heat_waits_48_hours_from_the_end_of_the_onset_day_unless_a_time_was_given() {
    use nape::domain::settings::Settings;
    use nape::domain::therapy::PackKind;
    let onset = NaiveDate::from_ymd_opt(2026, 11, 20).unwrap();
    // Two hours east of UTC, so local midnight is not UTC midnight.
    let zone = Zone::Fixed(FixedOffset::east_opt(2 * 3600).unwrap());
    let local = |d: u32, h: u32, m: u32| {
        zone.at(NaiveDate::from_ymd_opt(2026, 11, d)
            .unwrap()
            .and_hms_opt(h, m, 0)
            .unwrap())
            .unwrap()
    };
    for (time, until) in [
        (None, local(23, 0, 0)),
        (
            chrono::NaiveTime::from_hms_opt(14, 30, 0),
            local(22, 14, 30),
        ),
    ] {
        let mut settings = Settings::new("112", Some(onset));
        settings.onset_time = time;
        let store = MemoryStore::new();
        let early = local(20, 15, 0);
        (&store as &dyn Store)
            .add(&Record::new(settings, onset, early))
            .unwrap();
        let diary = Diary::open(Box::new(store), zone, "C", early);
        assert_eq!(diary.no_heat_until(early), Some(until), "{time:?}");
        let before = until - Duration::minutes(1);
        let heat = |now| diary.cautions(PackKind::Heat, now);
        let said = heat(before);
        assert!(
            said[0].contains("first 48 hours") && said[0].ends_with(": they end in 1 hour"),
            "{time:?} {said:?}"
        );
        // Early on, with a date alone, more than 48 hours are left: why is said.
        let said = heat(early);
        let counted = said[0].contains("counted from the end of the day it began");
        assert_eq!(counted, time.is_none(), "{time:?} {said:?}");
        assert!(heat(until).is_empty(), "{time:?} at the end");
        assert_eq!(diary.no_heat_until(until), None);
        assert_eq!(diary.recommend(before).0, PackKind::Cold);
    }
}

#[test]
fn open_recent_leaves_old_sessions_for_after_the_first_frame() {
    // Ten years of sessions would otherwise be read before the first screen is drawn.
    use nape::domain::therapy::{PackKind, Session};
    let now = Utc.with_ymd_and_hms(2026, 11, 22, 12, 0, 0).unwrap();
    let store = MemoryStore::new();
    for days in [400, 200, 3] {
        let at = now - Duration::days(days);
        let mut s = Session::new(PackKind::Heat, 15, at);
        s.ended_at = Some(at + Duration::minutes(15));
        (&store as &dyn Store)
            .add(&Record::new(s, at.date_naive(), at))
            .unwrap();
    }
    let zone = Zone::Fixed(FixedOffset::east_opt(0).unwrap());
    let mut diary = Diary::open_recent(Box::new(store), zone, "C", now);
    assert_eq!(diary.sessions().len(), 1, "only the recent months at first");
    assert!(diary.read_older(now));
    assert_eq!(diary.sessions().len(), 3, "then all of them");
}

/// Whoever asks (a screen, the shell, a test), the diary checks an act before anything is
/// written: a typo in a check-in, an emergency number that is not one, an empty rating.
#[test]
fn every_act_is_checked_by_the_diary_and_a_refused_one_writes_nothing() {
    use nape::diary::DiaryError;
    use nape::domain::settings::Settings;
    let now = Utc.with_ymd_and_hms(2026, 11, 22, 12, 0, 0).unwrap();
    let store = common::shared::Shared::default();
    let mut diary = Diary::open(Box::new(store.clone()), common::app::utc(), "C", now);
    let typo = nape::domain::checkin::Draft {
        pain: "11".into(),
        ..common::app::draft(now, 0, &["headache", "numbb"])
    };
    let id = nape::record::new_id(now);
    let refused = diary.act(Act::Log { id, draft: typo }, now).unwrap_err();
    let DiaryError::Fields(fields) = &refused else {
        panic!("{refused:?}");
    };
    assert_eq!(fields.len(), 2, "the pain and the symptom: {fields:?}");
    let settings = Settings::new("call my GP", None);
    let replace = Act::Settings(SettingsAct::Replace(Box::new(settings)));
    assert!(matches!(
        diary.act(replace, now),
        Err(DiaryError::Invalid(_))
    ));
    assert!(matches!(
        diary.act(Act::RateActivities(Vec::new()), now),
        Err(DiaryError::Invalid(_))
    ));
    // Deleting what is not there is refused, not taken as done.
    assert!(diary.act(Act::Delete(id), now).is_err());
    let reopened = Diary::open(Box::new(store), common::app::utc(), "C", now);
    assert!(reopened.checkins().is_empty() && reopened.settings().is_none());
    assert!(reopened.function().is_empty());
}
