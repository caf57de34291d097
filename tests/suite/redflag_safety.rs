//! The warning-sign rules a frightened person must not slip past: symptoms ticked in plain words,
//! each emergency sign on its own, spasm through quick check-ins, nape's own sessions as self-care,
//! episodes without an onset date and answers backfilled after an assessment. Each at its edges.

use crate::common;

use chrono::{Duration, NaiveDate};
use common::flags::{c, dated, ids, named, now, plain};
use nape::domain::checkin::CheckIn;
use nape::domain::redflag::{self, Evidence, Level, evaluate};
use nape::domain::settings::Settings;

type Case = (&'static str, Vec<CheckIn>, Vec<&'static str>);

fn check(cases: Vec<Case>) {
    for (name, history, expected) in cases {
        let mut got = ids(&history, None, &[]);
        got.sort();
        let mut want: Vec<String> = expected.iter().map(|s| s.to_string()).collect();
        want.sort();
        assert_eq!(got, want, "{name}");
    }
}

fn with(mut c: CheckIn, change: impl FnOnce(&mut CheckIn)) -> CheckIn {
    change(&mut c);
    c
}

fn quick(hours_ago: i64, pain: u8) -> CheckIn {
    with(plain(hours_ago, pain), |c| c.quick = true)
}

#[test]
fn plain_symptoms_feed_the_same_rules_as_the_questions() {
    let arms = |c: CheckIn, arms: &[&str]| {
        with(c, |c| {
            c.locations = arms.iter().map(|a| a.to_string()).collect()
        })
    };
    let stiffness = |c: CheckIn, s: u8| with(c, |c| c.stiffness = Some(s));
    check(vec![
        (
            "headache alone",
            vec![c(1, 3, &["headache"], &[], &[])],
            vec![],
        ),
        (
            "pins and needles",
            vec![c(1, 3, &["pins-and-needles"], &[], &[])],
            vec!["arm-symptoms"],
        ),
        (
            "weakness is a stroke sign (S1)",
            vec![c(1, 3, &["weakness"], &[], &[])],
            vec!["stroke-signs"],
        ),
        (
            "numbness down one arm",
            vec![arms(c(1, 3, &["numbness"], &[], &[]), &["left-arm"])],
            vec!["arm-symptoms"],
        ),
        (
            "numbness down both arms",
            vec![arms(
                c(1, 3, &["numbness"], &[], &[]),
                &["left-arm", "right-arm"],
            )],
            vec!["arm-symptoms", "limb-numbness"],
        ),
        (
            "pins and needles down both arms is urgent, not the numbness emergency",
            vec![arms(
                c(1, 3, &["pins-and-needles"], &[], &[]),
                &["left-arm", "right-arm"],
            )],
            vec!["both-arms-tingling", "arm-symptoms"],
        ),
        (
            "fever alone",
            vec![c(1, 3, &["fever"], &[], &[])],
            vec!["fever-unwell"],
        ),
        (
            "fever and headache, stiffness 0",
            vec![stiffness(c(1, 3, &["fever", "headache"], &[], &[]), 0)],
            vec!["fever-unwell"],
        ),
        (
            "fever and headache, stiffness 1",
            vec![stiffness(c(1, 3, &["fever", "headache"], &[], &[]), 1)],
            vec!["fever-unwell", "meningitis-signs"],
        ),
        (
            "the fever question, headache, hard to turn the head",
            vec![c(
                1,
                3,
                &["fever-unwell", "headache", "restricted-turning"],
                &[],
                &[],
            )],
            vec!["fever-unwell", "meningitis-signs"],
        ),
        (
            "spread over check-ins 24 hours apart",
            vec![
                c(25, 3, &["headache", "stiff-neck"], &[], &[]),
                c(1, 3, &["fever"], &[], &[]),
            ],
            vec!["fever-unwell", "meningitis-signs"],
        ),
        (
            "spread over check-ins 24 hours and a minute apart",
            vec![
                with(c(25, 3, &["headache", "stiff-neck"], &[], &[]), |c| {
                    c.at -= Duration::minutes(1)
                }),
                c(1, 3, &["fever"], &[], &[]),
            ],
            vec!["fever-unwell"],
        ),
        (
            "fever after the headache and stiff neck",
            vec![
                c(3, 3, &["stiff-neck"], &[], &[]),
                c(2, 3, &["fever"], &[], &[]),
                c(1, 3, &["headache"], &[], &[]),
            ],
            vec!["fever-unwell", "meningitis-signs"],
        ),
        (
            "headache and a stiff neck without fever",
            vec![stiffness(c(1, 3, &["headache", "stiff-neck"], &[], &[]), 6)],
            vec![],
        ),
    ]);
}

#[test]
fn each_emergency_sign_stands_alone_and_dizziness_alone_is_urgent() {
    let alone = [
        "fainting",
        "swallowing",
        "face-numbness",
        "limb-numbness",
        "eye-movements",
        "unsteady-walking",
        "sudden-balance-vision",
        "stroke-signs",
    ];
    for id in alone {
        let def = redflag::find(id).unwrap_or_else(|| panic!("{id} is asked"));
        assert_eq!(def.level, Level::Emergency, "{id}");
        assert_eq!(ids(&[c(1, 3, &[id], &[], &[])], None, &[]), [id], "{id}");
    }
    let dizzy = ids(&[c(1, 3, &["dizziness"], &[], &[])], None, &[]);
    assert_eq!(dizzy, ["dizziness-reported"]);
    assert_eq!(
        redflag::find("dizziness-reported").unwrap().level,
        Level::Urgent
    );
}

#[test]
fn a_spasm_run_goes_on_through_quick_check_ins() {
    let spasm = |hours_ago| c(hours_ago, 5, &["spasm"], &[], &[]);
    check(vec![
        (
            "a day short of 7, a quick check-in since",
            vec![spasm(6 * 24 + 23), spasm(2), quick(1, 5)],
            vec![],
        ),
        (
            "7 days, a quick check-in since",
            vec![spasm(7 * 24 + 2), spasm(2), quick(1, 5)],
            vec!["spasm-7-days"],
        ),
        (
            "7 days with quick check-ins between",
            vec![spasm(7 * 24), quick(5 * 24, 5), quick(24, 5), spasm(0)],
            vec!["spasm-7-days"],
        ),
        (
            "a full check-in without spasm ends the run",
            vec![spasm(8 * 24), spasm(2), plain(1, 5)],
            vec![],
        ),
        (
            "last said 14 days ago, only quick check-ins since",
            vec![spasm(21 * 24), spasm(14 * 24), quick(1, 2)],
            vec!["spasm-7-days"],
        ),
        (
            "last said 14 days and an hour ago",
            vec![spasm(21 * 24 + 1), spasm(14 * 24 + 1), quick(1, 2)],
            vec![],
        ),
    ]);
}

#[test]
fn nape_sessions_count_as_self_care() {
    let week = vec![plain(6 * 24, 3), plain(3 * 24, 4), plain(0, 5)];
    let history = dated(&week);
    let settings = Settings::new("112", None);
    let today = now().date_naive();
    let worse = |sessions: &[NaiveDate]| {
        let evidence = Evidence {
            sessions,
            ..Evidence::new(&history, &settings)
        };
        named(evaluate(&evidence, now(), today)).contains(&redflag::rule::WORSENING.to_string())
    };
    assert!(!worse(&[]), "nothing done for it");
    assert!(worse(&[today]), "a session today");
    assert!(worse(&[today - Duration::days(6)]), "first day of the week");
    assert!(!worse(&[today - Duration::days(7)]), "the day before it");
}

#[test]
fn without_an_onset_the_episode_starts_at_its_first_check_in() {
    let daily = |days: i64, pain: u8| plain(days * 24, pain);
    // Pain falls from 6 to 3, so "no improvement" stays out of these.
    check(vec![
        (
            "first check-in 27 days ago",
            vec![daily(27, 6), daily(0, 3)],
            vec![],
        ),
        (
            "first check-in 28 days ago",
            vec![daily(28, 6), daily(0, 3)],
            vec!["still-present-4-weeks"],
        ),
        (
            "first check-in 84 days ago",
            vec![daily(84, 6), daily(40, 6), daily(0, 3)],
            vec!["past-12-weeks"],
        ),
        (
            "pain-free 10 days ago: a new episode since",
            vec![daily(84, 6), daily(10, 0), daily(9, 6), daily(0, 3)],
            vec![],
        ),
    ]);
}

#[test]
fn an_assessment_settles_only_answers_entered_before_it() {
    let sign = c(10, 3, &["stroke-signs"], &[], &[]);
    let settings = Settings::new("112", None);
    let assessed = [now() - Duration::hours(5)];
    let flag = |entered_hours_ago: i64| {
        let mut history = dated(std::slice::from_ref(&sign));
        history[0].entered = now() - Duration::hours(entered_hours_ago);
        let evidence = Evidence {
            assessments: &assessed,
            ..Evidence::new(&history, &settings)
        };
        evaluate(&evidence, now(), now().date_naive()).remove(0)
    };
    assert!(!flag(10).locks(), "entered when it happened, then assessed");
    assert!(!flag(5).locks(), "entered at the assessment's moment");
    assert!(flag(4).locks(), "backfilled after the assessment");
    assert!(flag(1).locks(), "backfilled well after");
}
