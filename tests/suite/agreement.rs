//! The app's banner and `nape status` ask the same diary, so they show the same level, whatever
//! the diary holds: an old unassessed emergency, an assessed one, a long episode.

use crate::common;

use chrono::{DateTime, Duration, FixedOffset, NaiveDate, Utc};
use common::Diary;
use nape::app::{App, Msg};
use nape::clock::Zone;
use nape::domain::checkin::CheckIn;
use nape::domain::redflag::Assessment;
use nape::domain::settings::Settings;
use nape::store::{Record, Store};

struct Case {
    name: &'static str,
    onset_days_ago: Option<i64>,
    /// (days ago, pain, symptoms)
    checkins: Vec<(i64, u8, &'static [&'static str])>,
    assessed_days_ago: Option<i64>,
    /// When the check-ins with symptoms were typed in (backfilled), if not when they happened.
    entered_days_ago: Option<i64>,
    /// The latest check-in was a quick one (pain only).
    last_quick: bool,
    /// What both should show: the level tag, or None for no active unassessed sign.
    expected: Option<&'static str>,
}

fn ago(now: DateTime<Utc>, days: i64) -> DateTime<Utc> {
    now - Duration::days(days)
}

fn build(case: &Case, diary: &Diary, now: DateTime<Utc>) {
    let (store, _) = common::disk_store(&diary.data());
    let s: &dyn Store = &store;
    let onset: Option<NaiveDate> = case.onset_days_ago.map(|d| ago(now, d).date_naive());
    s.add(&Record::new(
        Settings::new("999", onset),
        now.date_naive(),
        now,
    ))
    .unwrap();
    let last = case.checkins.iter().map(|c| c.0).min();
    for (days, pain, symptoms) in &case.checkins {
        let at = ago(now, *days);
        let body = CheckIn {
            symptoms: symptoms.iter().map(|s| s.to_string()).collect(),
            quick: case.last_quick && Some(*days) == last,
            ..CheckIn::new(at, *pain)
        };
        let entered = match case.entered_days_ago {
            Some(d) if !symptoms.is_empty() => ago(now, d),
            _ => at,
        };
        s.add(&Record::new(body, at.date_naive(), entered)).unwrap();
    }
    if let Some(days) = case.assessed_days_ago {
        let at = ago(now, days);
        let body = Assessment {
            at,
            extra: Default::default(),
        };
        s.add(&Record::new(body, at.date_naive(), at)).unwrap();
    }
}

/// The first row of the app drawn at 80x24.
fn banner(diary: &Diary, now: DateTime<Utc>) -> String {
    let (store, _) = common::disk_store(&diary.data());
    let zone = Zone::Fixed(FixedOffset::east_opt(0).unwrap());
    // As the real app opens: recent months first, the rest once the first frame is drawn.
    let recent = nape::diary::Diary::open_recent(Box::new(store), zone, "en_GB.UTF-8", now);
    let mut app = App::with_diary(recent, now, "en_GB.UTF-8");
    // The loop tells the size before the first frame: that must not read the whole history.
    app.update(Msg::Resized(80, 24), now);
    assert!(app.diary().checking(), "the size waits for nothing");
    assert!(
        first_row(&app).contains("Reading your diary"),
        "before the whole history is read the banner says so, not 'at rest'"
    );
    app.update(Msg::ReadHistory, now);
    first_row(&app)
}

fn first_row(app: &App) -> String {
    common::draw::rows(app, 80, 24).swap_remove(0)
}

#[test]
fn the_banner_and_nape_status_give_the_same_level() {
    let steady: Vec<(i64, u8, &[&str])> = (0..60).map(|d| (d, 5, &[][..])).collect();
    let cases = [
        Case {
            name: "nothing reported",
            onset_days_ago: Some(2),
            checkins: vec![(1, 3, &[]), (0, 2, &[])],
            assessed_days_ago: None,
            entered_days_ago: None,
            last_quick: false,
            expected: None,
        },
        Case {
            name: "an emergency answer 120 days ago, never assessed",
            onset_days_ago: Some(130),
            checkins: vec![(120, 4, &["injury"]), (1, 0, &[])],
            assessed_days_ago: None,
            entered_days_ago: None,
            last_quick: false,
            expected: Some("‼ EMERGENCY"),
        },
        Case {
            name: "the same emergency, assessed since",
            onset_days_ago: Some(130),
            checkins: vec![(120, 4, &["injury"]), (1, 0, &[])],
            assessed_days_ago: Some(110),
            entered_days_ago: None,
            last_quick: false,
            expected: None,
        },
        Case {
            name: "dizziness 100 days ago, never assessed",
            onset_days_ago: Some(130),
            checkins: vec![(100, 3, &["dizziness"]), (1, 0, &[])],
            assessed_days_ago: None,
            entered_days_ago: None,
            last_quick: false,
            expected: Some("! URGENT"),
        },
        Case {
            name: "a long episode still painful",
            onset_days_ago: Some(100),
            checkins: vec![(3, 4, &[]), (0, 4, &[])],
            assessed_days_ago: None,
            entered_days_ago: None,
            last_quick: false,
            expected: Some("• SEE A CLINICIAN"),
        },
        Case {
            name: "going on for a while, no better in 60 days",
            onset_days_ago: None,
            checkins: steady,
            assessed_days_ago: None,
            entered_days_ago: None,
            last_quick: false,
            expected: Some("• SEE A CLINICIAN"),
        },
        Case {
            name: "weakness ticked as a plain symptom",
            onset_days_ago: Some(2),
            checkins: vec![(0, 3, &["weakness"])],
            assessed_days_ago: None,
            entered_days_ago: None,
            last_quick: false,
            expected: Some("‼ EMERGENCY"),
        },
        Case {
            name: "fever, headache and a stiff neck ticked as plain symptoms",
            onset_days_ago: Some(2),
            checkins: vec![(0, 3, &["fever", "headache", "stiff-neck"])],
            assessed_days_ago: None,
            entered_days_ago: None,
            last_quick: false,
            expected: Some("‼ EMERGENCY"),
        },
        Case {
            name: "spasm for 8 days, a quick check-in since",
            onset_days_ago: Some(9),
            checkins: vec![(8, 5, &["spasm"]), (1, 5, &["spasm"]), (0, 3, &[])],
            assessed_days_ago: None,
            entered_days_ago: None,
            last_quick: true,
            expected: Some("• SEE A CLINICIAN"),
        },
        Case {
            name: "spasm for 8 days, then a full check-in without it",
            onset_days_ago: Some(9),
            checkins: vec![(8, 5, &["spasm"]), (1, 5, &["spasm"]), (0, 3, &[])],
            assessed_days_ago: None,
            entered_days_ago: None,
            last_quick: false,
            expected: None,
        },
        Case {
            name: "no onset, first check-in 30 days ago",
            onset_days_ago: None,
            checkins: vec![(30, 6, &[]), (0, 3, &[])],
            assessed_days_ago: None,
            entered_days_ago: None,
            last_quick: false,
            expected: Some("• SEE A CLINICIAN"),
        },
        Case {
            name: "an injury backfilled after the assessment",
            onset_days_ago: Some(20),
            checkins: vec![(10, 4, &["injury"]), (0, 2, &[])],
            assessed_days_ago: Some(5),
            entered_days_ago: Some(1),
            last_quick: false,
            expected: Some("‼ EMERGENCY"),
        },
        Case {
            name: "the same injury entered before the assessment",
            onset_days_ago: Some(20),
            checkins: vec![(10, 4, &["injury"]), (0, 2, &[])],
            assessed_days_ago: Some(5),
            entered_days_ago: Some(6),
            last_quick: false,
            expected: None,
        },
    ];
    let now = Utc::now();
    for case in &cases {
        let diary = Diary::new();
        build(case, &diary, now);
        let status = diary.ok(&["status", "--format", "{flag}"]);
        let status = status.trim();
        let banner = banner(&diary, now);
        match case.expected {
            Some(tag) => {
                assert_eq!(status, tag, "{}: nape status", case.name);
                assert!(banner.starts_with(tag), "{}: banner {banner:?}", case.name);
            }
            None => {
                assert_eq!(status, "", "{}: nape status", case.name);
                assert!(
                    banner.starts_with("✚ Call") || banner.starts_with("✓"),
                    "{}: banner {banner:?}",
                    case.name
                );
            }
        }
    }
}

/// One check-in's worth of facts, as `nape log` arguments.
type Part = &'static [&'static str];

/// Check-ins to write, each its `nape log` arguments and time.
type Saves<'a> = Vec<(Vec<&'a str>, DateTime<Utc>)>;

/// The same facts in one check-in, split across two in either order, each written by the shell
/// (a second writer beside the app): `nape status`, the banner of an app opened afterwards and
/// the banner of an app open all along give the same level.
#[test]
fn signs_split_across_check_ins_in_either_order_give_the_same_level_everywhere() {
    let cases: [(&str, Part, Part, &str); 4] = [
        (
            "numbness in one arm, then the other",
            &["-s", "numbness", "-w", "left-arm"],
            &["-s", "numbness", "-w", "right-arm"],
            "‼ EMERGENCY",
        ),
        (
            "dizziness, and a neck manipulation the same day",
            &["-s", "dizziness"],
            &["-c", "manipulation"],
            "‼ EMERGENCY",
        ),
        (
            "pins and needles in one arm, then the other",
            &["-s", "pins-and-needles", "-w", "left-arm"],
            &["-s", "pins-and-needles", "-w", "right-arm"],
            "! URGENT",
        ),
        (
            "fever, then headache and a stiff neck",
            &["-s", "fever"],
            &["-s", "headache", "-s", "stiff-neck"],
            "‼ EMERGENCY",
        ),
    ];
    let now = Utc::now();
    // Two check-ins half an hour apart, earlier today (or late yesterday, just after midnight:
    // the same day is what matters for the manipulation, so keep both on one date).
    let first =
        (now - Duration::minutes(40)).max(now.date_naive().and_hms_opt(0, 0, 0).unwrap().and_utc());
    let second = first + Duration::minutes(20);
    let time = |t: DateTime<Utc>| t.format("%Y-%m-%d %H:%M").to_string();
    for (name, a, b, level) in cases {
        let one: Vec<&str> = a.iter().chain(b.iter()).copied().collect();
        let ways: [(&str, Saves); 3] = [
            ("in one check-in", vec![(one, second)]),
            ("split", vec![(a.to_vec(), first), (b.to_vec(), second)]),
            (
                "split, the other order",
                vec![(b.to_vec(), first), (a.to_vec(), second)],
            ),
        ];
        for (way, saves) in ways {
            let diary = Diary::new();
            diary.ok(&["log", "2", "--at", &time(first - Duration::hours(1))]);
            let (store, _) = common::disk_store(&diary.data());
            let open =
                nape::diary::Diary::open(Box::new(store), common::app::utc(), "en_GB.UTF-8", now);
            let mut app = App::with_diary(open, now, "en_GB.UTF-8");
            for (args, at) in saves {
                let mut line = vec!["log", "3", "--at"];
                let at = time(at);
                line.push(&at);
                line.extend(args);
                diary.ok(&line);
            }
            app.update(Msg::DataChanged, now);
            let status = diary.ok(&["status", "--format", "{flag}"]);
            let what = format!("{name}, {way}");
            assert_eq!(status.trim(), level, "{what}: nape status");
            let banner = banner(&diary, now);
            assert!(banner.starts_with(level), "{what}: banner {banner:?}");
            let open = first_row(&app);
            assert!(
                open.starts_with(level),
                "{what}: the app open all along {open:?}"
            );
        }
    }
}
