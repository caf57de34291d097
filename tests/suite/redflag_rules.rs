//! Each warning-sign rule, table-driven, with its edges. Time is pinned; nothing reads the clock.

use crate::common;

use chrono::{DateTime, Duration, NaiveDate, Utc};
use common::flags::{c, dated, day, ids, now, plain};
use nape::domain::checkin::{CheckIn, Dated};
use nape::domain::redflag::{self, Evidence, Level, Trigger, evaluate};
use nape::domain::settings::Settings;

#[test]
fn the_catalog_covers_every_level_and_every_sign_has_a_source() {
    let catalog = redflag::catalog();
    for level in [Level::Emergency, Level::Urgent, Level::Soon] {
        assert!(catalog.iter().any(|f| f.level == level));
    }
    for flag in catalog {
        assert!(
            !flag.sources.is_empty() || flag.own_rule,
            "{} has no source",
            flag.id
        );
        for source in &flag.sources {
            let n: u32 = source
                .trim_start_matches('S')
                .parse()
                .expect("source ids look like S7");
            assert!((1..=16).contains(&n), "{} cites unknown {source}", flag.id);
        }
        assert!(!flag.advice.contains("mg"), "no doses");
    }
    let questions = redflag::questions().count();
    assert!(
        questions >= 12,
        "every asked sign of CLINICAL.md is a question ({questions})"
    );
    assert!(
        catalog
            .iter()
            .all(|f| f.trigger == Trigger::Question || f.trigger == Trigger::Rule)
    );
}

#[test]
fn rules_fire_at_their_edges_and_not_before() {
    let onset = |days| Some(day(days));
    let daily = |days: i64, pain: u8| plain(days * 24, pain);
    type Case = (
        &'static str,
        Vec<CheckIn>,
        Option<NaiveDate>,
        Vec<&'static str>,
    );
    let cases: Vec<Case> = vec![
        ("nothing reported", vec![plain(1, 3)], None, vec![]),
        (
            "an emergency question",
            vec![c(1, 3, &["stroke-signs"], &[], &[])],
            None,
            vec!["stroke-signs"],
        ),
        (
            "an urgent question",
            vec![c(1, 3, &["spinal-cord-signs"], &[], &[])],
            None,
            vec!["spinal-cord-signs"],
        ),
        (
            "a soon question, recent",
            vec![c(24, 3, &["arm-symptoms"], &[], &[])],
            None,
            vec!["arm-symptoms"],
        ),
        (
            "a soon question, 15 days old, drops",
            vec![c(15 * 24, 3, &["arm-symptoms"], &[], &[])],
            None,
            vec![],
        ),
        (
            "an emergency stays until assessed",
            vec![c(60 * 24, 3, &["injury"], &[], &[])],
            None,
            vec!["injury"],
        ),
        (
            "dizziness alone is urgent",
            vec![c(2, 3, &["dizziness"], &[], &[])],
            None,
            vec!["dizziness-reported"],
        ),
        (
            "dizziness after manipulation is an emergency",
            vec![
                c(51, 4, &[], &["manipulation"], &[]),
                c(2, 4, &["dizziness"], &[], &[]),
            ],
            None,
            vec![
                "manipulation-then-nerve-symptoms",
                "dizziness-reported",
                "manipulation-pain-48h",
            ],
        ),
        (
            "numbness 8 days after manipulation is not tied to it: only the arm sign",
            vec![
                c(8 * 24 + 1, 2, &[], &["manipulation"], &[]),
                c(1, 0, &["numbness"], &[], &[]),
            ],
            None,
            vec!["arm-symptoms"],
        ),
        (
            "pain exactly 48 h after manipulation: not yet",
            vec![c(48, 3, &[], &["manipulation"], &[]), plain(0, 3)],
            None,
            vec![],
        ),
        (
            "pain 49 h after manipulation",
            vec![c(49, 3, &[], &["manipulation"], &[]), plain(0, 3)],
            None,
            vec!["manipulation-pain-48h"],
        ),
        (
            "pain 90 h after manipulation: past 3 days, told so",
            vec![c(90, 3, &[], &["manipulation"], &[]), plain(0, 3)],
            None,
            vec!["manipulation-pain-3-days"],
        ),
        (
            "no pain 49 h after manipulation",
            vec![c(49, 3, &[], &["manipulation"], &[]), plain(0, 0)],
            None,
            vec![],
        ),
        (
            "spasm for 6 days: not yet",
            vec![
                c(6 * 24, 5, &["spasm"], &[], &[]),
                c(3 * 24, 5, &["spasm"], &[], &[]),
                c(1, 5, &["spasm"], &[], &[]),
            ],
            None,
            vec![],
        ),
        (
            "spasm for 7 days, not better",
            vec![
                c(7 * 24, 5, &["spasm"], &[], &[]),
                c(3 * 24, 5, &["spasm"], &[], &[]),
                c(0, 4, &["spasm"], &[], &[]),
            ],
            None,
            vec!["spasm-7-days"],
        ),
        (
            "spasm for 7 days, less pain but the spasm still there",
            vec![
                c(7 * 24, 5, &["spasm"], &[], &[]),
                c(0, 3, &["spasm"], &[], &[]),
            ],
            None,
            vec!["spasm-7-days"],
        ),
        (
            "spasm broken by a day without it",
            vec![
                c(8 * 24, 5, &["spasm"], &[], &[]),
                plain(4 * 24, 5),
                c(0, 5, &["spasm"], &[], &[]),
            ],
            None,
            vec![],
        ),
        (
            "pain 8+ on three days in a row",
            vec![daily(2, 8), daily(1, 9), daily(0, 8)],
            None,
            vec!["severe-three-days"],
        ),
        (
            "pain 8+ on two days only",
            vec![daily(3, 8), daily(2, 7), daily(1, 9), daily(0, 8)],
            None,
            vec![],
        ),
        (
            "three severe days with a gap day",
            vec![daily(4, 8), daily(2, 9), daily(0, 8)],
            None,
            vec![],
        ),
        (
            "three severe days, long ago",
            vec![daily(12, 8), daily(11, 9), daily(10, 8), daily(0, 2)],
            None,
            vec![],
        ),
        (
            "worse over the week despite ice",
            vec![c(6 * 24, 3, &[], &[], &["ice"]), daily(3, 4), daily(0, 5)],
            None,
            vec!["worsening-despite-self-care"],
        ),
        (
            "worse over the week, no self-care logged",
            vec![daily(6, 3), daily(3, 4), daily(0, 5)],
            None,
            vec![],
        ),
        (
            "14 days in, no real change",
            vec![
                daily(14, 5),
                daily(13, 5),
                daily(7, 5),
                daily(1, 4),
                daily(0, 5),
            ],
            onset(14),
            vec!["no-improvement-14-days"],
        ),
        (
            "13 days in: not yet",
            vec![daily(13, 5), daily(7, 5), daily(0, 5)],
            onset(13),
            vec![],
        ),
        (
            "14 days in and 2 points better",
            vec![daily(14, 5), daily(13, 5), daily(1, 3), daily(0, 3)],
            onset(14),
            vec![],
        ),
        (
            "27 days since onset: no marker",
            vec![daily(0, 2)],
            onset(27),
            vec![],
        ),
        (
            "28 days since onset, still sore",
            vec![daily(0, 2)],
            onset(28),
            vec!["still-present-4-weeks"],
        ),
        (
            "28 days since onset, pain gone",
            vec![daily(0, 0)],
            onset(28),
            vec![],
        ),
        (
            "83 days: still the 4-6 week marker",
            vec![daily(0, 2)],
            onset(83),
            vec!["still-present-4-weeks"],
        ),
        (
            "84 days: past 12 weeks",
            vec![daily(0, 2)],
            onset(84),
            vec!["past-12-weeks"],
        ),
        (
            "onset unknown: no week markers",
            vec![daily(0, 2)],
            None,
            vec![],
        ),
    ];
    for (name, history, onset, expected) in cases {
        let got = ids(&history, onset, &[]);
        let mut got_sorted = got.clone();
        got_sorted.sort();
        let mut want: Vec<String> = expected.iter().map(|s| s.to_string()).collect();
        want.sort();
        assert_eq!(got_sorted, want, "{name}");
    }
}

#[test]
fn the_most_urgent_comes_first() {
    let history = vec![
        c(3, 3, &["arm-symptoms"], &[], &[]),
        c(2, 3, &["fever-unwell"], &[], &[]),
        c(1, 3, &["stroke-signs"], &[], &[]),
    ];
    assert_eq!(
        ids(&history, None, &[]),
        ["stroke-signs", "fever-unwell", "arm-symptoms"]
    );
}

#[test]
fn an_assessment_settles_a_flag_until_a_new_report() {
    let reported = vec![c(5, 3, &["meningitis-signs"], &[], &[])];
    let before = now() - Duration::hours(6);
    let after = now() - Duration::hours(4);
    assert_eq!(
        ids(&reported, None, &[before]),
        ["meningitis-signs"],
        "an older assessment does not count"
    );
    assert_eq!(
        ids(&reported, None, &[after]),
        ["meningitis-signs (assessed)"]
    );
    let again = vec![
        reported[0].clone(),
        c(1, 3, &["meningitis-signs"], &[], &[]),
    ];
    assert_eq!(
        ids(&again, None, &[after]),
        ["meningitis-signs"],
        "a new report locks again"
    );
    // Settled flags drop from view after 14 days; unsettled emergencies never do.
    let old = vec![c(15 * 24, 3, &["meningitis-signs"], &[], &[])];
    assert_eq!(
        ids(&old, None, &[now() - Duration::days(14)]),
        Vec::<String>::new()
    );
}

#[test]
fn only_unassessed_emergency_and_urgent_flags_lock() {
    let settings = Settings::new("112", None);
    let soon = c(1, 3, &["arm-symptoms"], &[], &[]);
    let urgent = c(1, 3, &["worsening-arm"], &[], &[]);
    let eval = |c: &CheckIn, assessed: &[DateTime<Utc>]| {
        let one = [c.clone()];
        let history = dated(&one);
        let evidence = Evidence {
            assessments: assessed,
            ..Evidence::new(&history, &settings)
        };
        evaluate(&evidence, now(), now().date_naive())
    };
    assert!(!eval(&soon, &[])[0].locks());
    assert!(eval(&urgent, &[])[0].locks());
    assert!(!eval(&urgent, &[now()])[0].locks());
}

#[test]
fn every_rule_id_the_code_raises_is_in_the_catalog_as_a_rule() {
    for id in redflag::rule::ALL {
        let def = redflag::find(id).unwrap_or_else(|| panic!("{id} is not in the catalog"));
        assert_eq!(def.trigger, Trigger::Rule, "{id}");
    }
}

#[test]
fn self_care_counts_when_dates_and_times_disagree() {
    // Made while travelling: X (with ice) is dated 6 days ago though it comes before Y, which is
    // dated 7 days ago. X is inside the week and counts as self-care.
    let x = CheckIn {
        treatments: vec!["ice".into()],
        ..CheckIn::new(now() - Duration::days(7) + Duration::hours(11), 2)
    };
    let y = CheckIn::new(now() - Duration::days(7) + Duration::hours(12), 2);
    let z = CheckIn::new(now() - Duration::hours(1), 6);
    let mut history = dated(&[]);
    for (date, c) in [(day(6), &x), (day(7), &y), (day(0), &z)] {
        history.push(Dated {
            date,
            entered: c.at,
            checkin: c,
        });
    }
    let settings = Settings::new("112", None);
    let flags = evaluate(
        &Evidence::new(&history, &settings),
        now(),
        now().date_naive(),
    );
    assert!(
        flags.iter().any(|f| f.def.id == redflag::rule::WORSENING),
        "{flags:?}"
    );
}

#[test]
fn a_history_of_cancer_stays_until_assessed_and_stays_listed_after() {
    // Other answered questions fade after 14 days; this one never does (CLINICAL.md, S2).
    for days in [13, 14, 15, 400] {
        let reported = vec![c(days * 24 + 1, 3, &["cancer-weight-night"], &[], &[])];
        assert_eq!(
            ids(&reported, None, &[]),
            ["cancer-weight-night"],
            "reported {days} days ago"
        );
        let assessed = now() - Duration::hours(days * 24);
        assert_eq!(
            ids(&reported, None, &[assessed]),
            ["cancer-weight-night (assessed)"],
            "assessed, reported {days} days ago"
        );
    }
    let arm = vec![c(15 * 24, 3, &["arm-symptoms"], &[], &[])];
    assert_eq!(
        ids(&arm, None, &[]),
        Vec::<String>::new(),
        "others still fade"
    );
}

#[test]
fn the_advice_after_manipulation_goes_by_the_time_passed() {
    let within = nape::domain::redflag::find("manipulation-pain-48h").unwrap();
    assert!(within.advice("999").contains("if it passes 3 days"));
    let past = nape::domain::redflag::find("manipulation-pain-3-days").expect("in the catalog");
    let advice = past.advice("999");
    assert!(!advice.contains("if it passes"), "{advice}");
    assert!(advice.contains("more than 3 days"), "{advice}");
}

#[test]
fn pain_just_under_73_hours_after_manipulation_is_past_3_days() {
    use chrono::Duration;
    let manipulated = c(0, 3, &[], &["manipulation"], &[]);
    let mut later = plain(0, 3);
    later.at = manipulated.at + Duration::hours(72) + Duration::minutes(59);
    let mut first = manipulated;
    first.at = later.at - Duration::hours(72) - Duration::minutes(59);
    let mut history = vec![first, later];
    // Both in the past, the later one now.
    let shift = common::flags::now() - history[1].at;
    for h in history.iter_mut() {
        h.at += shift;
    }
    let ids = ids(&history, None, &[]);
    assert!(
        ids.contains(&"manipulation-pain-3-days".to_string()),
        "{ids:?}"
    );
}
