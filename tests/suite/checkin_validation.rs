//! The one set of check-in rules, shared by the Today form and `nape log`.

use chrono::{FixedOffset, TimeZone, Utc};
use nape::domain::checkin::{Draft, Field, parse_rating};

fn draft(pain: &str) -> Draft {
    Draft {
        pain: pain.into(),
        ..Draft::default()
    }
}

#[test]
fn ratings_accept_0_to_10_only() {
    for ok in ["0", "5", "10", " 7 "] {
        assert!(parse_rating(Field::Pain, ok).is_ok(), "{ok}");
    }
    for bad in ["", "11", "-1", "x", "3.5", "256"] {
        let err = parse_rating(Field::Pain, bad).unwrap_err();
        assert_eq!(err.field, Field::Pain);
        assert!(err.to_string().contains("0 to 10"), "{err}");
    }
}

#[test]
fn every_bad_field_is_reported_at_once() {
    let tz = FixedOffset::east_opt(3600).unwrap();
    let now = Utc.with_ymd_and_hms(2026, 6, 1, 12, 0, 0).unwrap();
    let bad = Draft {
        pain: "12".into(),
        stiffness: "x".into(),
        at: "2026-06-01 14:00".into(), // 13:00 UTC: an hour ahead of now
        locations: vec!["knee".into()],
        note: Some(" \n".into()),
        ..Draft::default()
    };
    let errors = bad.validate(&tz, now).unwrap_err();
    let fields: Vec<Field> = errors.iter().map(|e| e.field).collect();
    assert_eq!(
        fields,
        [
            Field::Pain,
            Field::Stiffness,
            Field::At,
            Field::Where,
            Field::Note
        ]
    );
}

#[test]
fn a_backfilled_time_belongs_to_its_local_date() {
    let tz = FixedOffset::east_opt(10 * 3600).unwrap();
    let now = Utc.with_ymd_and_hms(2026, 6, 1, 12, 0, 0).unwrap();
    let mut d = draft("4");
    d.at = "2026-05-31 08:30".into();
    let (checkin, date) = d.validate(&tz, now).unwrap();
    assert_eq!(
        checkin.at,
        Utc.with_ymd_and_hms(2026, 5, 30, 22, 30, 0).unwrap()
    );
    assert_eq!(
        date.to_string(),
        "2026-05-31",
        "the local day, not the UTC one"
    );
}

#[test]
fn ids_are_checked_and_repeats_dropped() {
    let now = Utc.with_ymd_and_hms(2026, 6, 1, 12, 0, 0).unwrap();
    let mut d = draft("3");
    d.symptoms = vec!["spasm".into(), "spasm".into(), "headache".into()];
    d.medicines = vec!["  paracetamol ".into()];
    let (checkin, _) = d.validate(&Utc, now).unwrap();
    assert_eq!(checkin.symptoms, ["spasm", "headache"]);
    assert_eq!(checkin.medicines, ["paracetamol"]);
    assert_eq!(checkin.at, now, "no time given means now");

    d.medicines = vec![" ".into()];
    assert_eq!(d.validate(&Utc, now).unwrap_err()[0].field, Field::Medicine);
}

#[test]
fn worst_cannot_be_below_now() {
    let now = Utc::now();
    let mut d = draft("6");
    d.worst = "4".into();
    assert_eq!(d.validate(&Utc, now).unwrap_err()[0].field, Field::Worst);
    d.worst = "6".into();
    assert_eq!(d.validate(&Utc, now).unwrap().0.worst, Some(6));
}
