//! A made-up but lifelike history, the same every run: an episode that starts bad and eases, two
//! check-ins most days with some days missed, cold then heat sessions with ratings, routines,
//! an assessment, weekly activity ratings and notes that hold commas, quotes, newlines and
//! markup. Written in one batch per collection, so a year of it is quick to lay down.

use chrono::{DateTime, Duration, NaiveDate, TimeZone, Utc};
use nape::domain::checkin::CheckIn;
use nape::domain::function::{FunctionRating, Score};
use nape::domain::redflag::Assessment;
use nape::domain::settings::Settings;
use nape::domain::stretch::RoutineSession;
use nape::domain::therapy::{EndReason, PackKind, Session};
use nape::store::{Kind, Op, Record, Store};

fn at(date: NaiveDate, hour: u32, minute: u32) -> DateTime<Utc> {
    Utc.from_utc_datetime(&date.and_hms_opt(hour, minute, 0).unwrap())
}

fn add<T: Kind + serde::Serialize>(store: &dyn Store, records: Vec<Record<T>>) {
    let ops = records.iter().map(|r| Op::Add(r.to_raw())).collect();
    store.apply(T::COLLECTION, ops).expect("history written");
}

/// `days` days of history ending `today` (UTC dates), the episode beginning on the first.
pub fn fill(store: &dyn Store, today: NaiveDate, days: i64) {
    let onset = today - Duration::days(days - 1);
    let (mut checkins, mut packs, mut routines, mut ratings) = (vec![], vec![], vec![], vec![]);
    for i in 0..days {
        let date = onset + Duration::days(i);
        // Eases over three weeks, then wavers with the week.
        let base = if i < 21 { 7 - i / 4 } else { 2 + (i % 7) / 3 } as u8;
        let missed = i % 11 == 5 || (40..48).contains(&(i % 365));
        if !missed {
            let mut morning = CheckIn::new(at(date, 8, 15), base);
            morning.worst = Some((base + 2).min(10));
            morning.locations = vec!["left-side".into()];
            if i % 3 == 0 {
                morning.locations.push("upper-shoulders".into());
            }
            morning.symptoms = vec!["stiff-neck".into()];
            if i % 4 == 0 {
                morning.symptoms.push("headache".into());
                morning.context.push("poor-sleep".into());
            }
            if i % 2 == 0 {
                morning.context.push("screen-hours".into());
            }
            morning.treatments = vec![if i < 3 { "ice" } else { "heat" }.into()];
            if i % 6 == 1 {
                morning.medicines = vec!["paracetamol".into()];
            }
            if i % 5 == 2 {
                morning.note = Some(format!(
                    "Day {i}: stiff, \"sharp\" turning left; <b>not</b> bold & fine\nslept 6h"
                ));
            }
            checkins.push(Record::new(morning, date, at(date, 8, 15)));
            let evening = CheckIn {
                quick: i % 2 == 1,
                ..CheckIn::new(at(date, 19, 40), base.saturating_sub(1))
            };
            checkins.push(Record::new(evening, date, at(date, 19, 40)));
        }
        let kind = if i < 3 {
            PackKind::Cold
        } else {
            PackKind::Heat
        };
        if i < 3 || i % 2 == 0 {
            let mut s = Session::new(kind, 15, at(date, 12, 0));
            s.ended_at = Some(at(date, 12, 15));
            s.end_reason = Some(EndReason::Finished);
            s.pain_before = Some(base);
            s.pain_after = (i % 8 != 3).then(|| base.saturating_sub(1 + (i % 2) as u8));
            packs.push(Record::new(s, date, at(date, 12, 15)));
        }
        if i % 3 == 1 {
            let r: RoutineSession = serde_json::from_value(serde_json::json!({
                "routine": "desk-reset", "version": 1, "name": "Desk reset",
                "started_at": at(date, 15, 0), "planned_secs": 185,
                "steps_total": 5, "steps_done": 5, "ended_at": at(date, 15, 4),
                "end": "finished", "pain_before": base, "pain_after": base.saturating_sub(1),
                "feeling": "better"
            }))
            .unwrap();
            routines.push(Record::new(r, date, at(date, 15, 4)));
        }
        if i % 7 == 0 {
            let gain = (i / 7).min(6) as u8;
            let scores = [
                ("turning to reverse the car", 3),
                ("reading", 4),
                ("sleep", 5),
            ]
            .iter()
            .map(|(a, s)| Score {
                activity: a.to_string(),
                score: (s + gain).min(10),
            })
            .collect();
            let rating = FunctionRating {
                at: at(date, 20, 30),
                scores,
                extra: Default::default(),
            };
            ratings.push(Record::new(rating, date, at(date, 20, 30)));
        }
    }
    add(store, checkins);
    add(store, packs);
    add(store, routines);
    add(store, ratings);
    let assessed = onset + Duration::days(days.min(10) - 1);
    let assessment = Assessment {
        at: at(assessed, 11, 0),
        extra: Default::default(),
    };
    add(
        store,
        vec![Record::new(assessment, assessed, at(assessed, 11, 0))],
    );
    let mut settings = Settings::new("112", Some(onset));
    settings.activities = vec![
        "turning to reverse the car".into(),
        "reading".into(),
        "sleep".into(),
    ];
    add(store, vec![Record::new(settings, onset, at(onset, 7, 0))]);
}

/// `days` days of history ending today in the diary at `data`, and an emergency sign reported
/// `ago` days back (numbness down both arms) and never assessed: it is entered now, after the
/// history's assessment, so that does not settle it. The sign's date.
pub fn with_old_sign(data: &std::path::Path, days: i64, ago: i64) -> NaiveDate {
    let today = Utc::now().date_naive();
    let (store, _) = crate::common::disk_store(data);
    fill(&store, today, days);
    let date = today - Duration::days(ago);
    let numb = CheckIn {
        symptoms: vec!["numbness".into()],
        locations: vec!["left-arm".into(), "right-arm".into()],
        ..CheckIn::new(at(date, 10, 30), 4)
    };
    (&store as &dyn Store)
        .add(&Record::new(numb, date, Utc::now()))
        .unwrap();
    date
}
