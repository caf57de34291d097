//! The warning-sign rules through the real binary: check-ins made with `nape log` (backfilled with
//! --at), then `nape status` names the level and the signs. Edges are a few minutes either side,
//! since the clock moves while the test runs.

use crate::common;

use chrono::{Duration, Utc};
use common::Diary;
use common::pty::Session;

/// A check-in `minutes` ago (0: now) with these extra arguments.
type Log = (i64, &'static [&'static str]);

struct Case {
    name: &'static str,
    logs: Vec<Log>,
    /// Cold sessions to start and stop first (self-care recorded by nape).
    sessions: usize,
    /// `nape status --format "{flag}|{signs}"`.
    expected: &'static str,
}

const DAY: i64 = 24 * 60;

fn case(name: &'static str, logs: Vec<Log>, expected: &'static str) -> Case {
    Case {
        name,
        logs,
        sessions: 0,
        expected,
    }
}

fn run(case: &Case) -> String {
    let diary = Diary::new();
    for _ in 0..case.sessions {
        diary.ok(&["timer", "start", "cold"]);
        diary.ok(&["timer", "stop"]);
    }
    let now = Utc::now();
    for (minutes, args) in &case.logs {
        // Tests run with TZ=UTC, so local time is UTC.
        let at = (now - Duration::minutes(*minutes))
            .format("%Y-%m-%d %H:%M")
            .to_string();
        let mut full = vec!["log"];
        if *minutes > 0 {
            full.extend(["--at", &at]);
        }
        full.extend(args.iter());
        diary.ok(&full);
    }
    diary
        .ok(&["status", "--format", "{flag}|{signs}"])
        .trim()
        .to_string()
}

fn check(cases: Vec<Case>) {
    for case in &cases {
        assert_eq!(run(case), case.expected, "{}", case.name);
    }
}

#[test]
fn plain_symptoms_raise_their_signs() {
    let fever_now: Log = (0, &["--pain", "3", "--symptom", "fever"]);
    check(vec![
        case(
            "headache alone",
            vec![(0, &["--pain", "3", "--symptom", "headache"])],
            "|",
        ),
        case(
            "pins and needles",
            vec![(0, &["--pain", "3", "--symptom", "pins-and-needles"])],
            "• SEE A CLINICIAN|symptoms spreading down an arm",
        ),
        case(
            "weakness",
            vec![(0, &["--pain", "3", "--symptom", "weakness"])],
            "‼ EMERGENCY|stroke signs",
        ),
        case(
            "numbness down both arms",
            vec![(
                0,
                &[
                    "--pain",
                    "3",
                    "--symptom",
                    "numbness",
                    "--where",
                    "left-arm",
                    "--where",
                    "right-arm",
                ],
            )],
            "‼ EMERGENCY|numbness of both arms or an arm and a leg, symptoms spreading down an arm",
        ),
        case(
            "fever, headache, stiffness 0",
            vec![(
                0,
                &[
                    "--pain",
                    "3",
                    "--symptom",
                    "fever",
                    "--symptom",
                    "headache",
                    "--stiffness",
                    "0",
                ],
            )],
            "! URGENT|fever or feeling unwell",
        ),
        case(
            "fever, headache, stiffness 1",
            vec![(
                0,
                &[
                    "--pain",
                    "3",
                    "--symptom",
                    "fever",
                    "--symptom",
                    "headache",
                    "--stiffness",
                    "1",
                ],
            )],
            "‼ EMERGENCY|fever with a stiff neck, fever or feeling unwell",
        ),
        case(
            "headache and stiff neck a day less 5 minutes before the fever",
            vec![
                (
                    DAY - 5,
                    &[
                        "--pain",
                        "3",
                        "--symptom",
                        "headache",
                        "--symptom",
                        "stiff-neck",
                    ],
                ),
                fever_now,
            ],
            "‼ EMERGENCY|fever with a stiff neck, fever or feeling unwell",
        ),
        case(
            "headache and stiff neck a day and 5 minutes before the fever",
            vec![
                (
                    DAY + 5,
                    &[
                        "--pain",
                        "3",
                        "--symptom",
                        "headache",
                        "--symptom",
                        "stiff-neck",
                    ],
                ),
                fever_now,
            ],
            "! URGENT|fever or feeling unwell",
        ),
        case(
            "dizziness alone",
            vec![(0, &["--pain", "3", "--symptom", "dizziness"])],
            "! URGENT|dizziness with neck pain",
        ),
    ]);
}

#[test]
fn each_emergency_sign_is_reachable_from_nape_log_and_stands_alone() {
    for (id, short) in [
        ("fainting", "fainting or sudden falls"),
        ("swallowing", "trouble swallowing"),
        ("face-numbness", "a numb face"),
        ("limb-numbness", "numbness of both arms or an arm and a leg"),
        ("eye-movements", "jerky eye movements"),
        ("unsteady-walking", "sudden unsteady walking"),
    ] {
        let logs: Vec<Log> = vec![(0, Box::leak(Box::new(["--pain", "2", "--symptom", id])))];
        assert_eq!(
            run(&case(id, logs, "")),
            format!("‼ EMERGENCY|{short}"),
            "{id}"
        );
    }
}

#[test]
fn a_quick_check_in_does_not_end_a_spasm_run() {
    let spasm: &[&str] = &["--pain", "4", "--symptom", "spasm"];
    let quick: Log = (0, &["--pain", "4"]);
    let none: Log = (0, &["--pain", "4", "--no-symptoms"]);
    let flag = "• SEE A CLINICIAN|spasm not better after 7 days";
    check(vec![
        case(
            "7 days less 5 minutes",
            vec![(7 * DAY + 55, spasm), (60, spasm), quick],
            "|",
        ),
        case(
            "7 days and 5 minutes",
            vec![(7 * DAY + 65, spasm), (60, spasm), quick],
            flag,
        ),
        case(
            "then a check-in that says no symptoms",
            vec![(7 * DAY + 65, spasm), (60, spasm), none],
            "|",
        ),
    ]);
}

#[test]
fn nape_sessions_count_as_self_care_and_episodes_start_at_the_first_check_in() {
    let worse = vec![(4 * DAY, &["--pain", "3"][..]), (0, &["--pain", "6"][..])];
    let flag = "• SEE A CLINICIAN|pain getting worse despite self-care";
    assert_eq!(run(&case("no self-care", worse.clone(), "")), "|");
    let cared = Case {
        sessions: 1,
        ..case("a cold session", worse, "")
    };
    assert_eq!(run(&cared), flag);

    // No onset given: the first check-in of the episode starts the 4-week count.
    check(vec![
        case(
            "first check-in 27 days ago",
            vec![(27 * DAY + 60, &["--pain", "6"]), (0, &["--pain", "3"])],
            "|",
        ),
        case(
            "first check-in 28 days ago",
            vec![(28 * DAY + 60, &["--pain", "6"]), (0, &["--pain", "3"])],
            "• SEE A CLINICIAN|still present after 4 weeks",
        ),
    ]);
}

#[test]
fn a_check_in_from_the_shell_that_raises_a_sign_says_what_to_do() {
    let diary = common::Diary::new();
    let out = diary.ok(&["log", "7", "-s", "stroke-signs"]);
    assert!(out.contains("Saved check-in"), "{out}");
    assert!(out.contains("EMERGENCY") && out.contains("now"), "{out}");
    assert!(out.contains("stroke signs"), "{out}");
    // A sign made of several answers (fever, headache and a stiff neck) too.
    let diary = common::Diary::new();
    let out = diary.ok(&[
        "log",
        "7",
        "-s",
        "fever",
        "-s",
        "stiff-neck",
        "-s",
        "headache",
    ]);
    assert!(out.contains("EMERGENCY"), "{out}");
    // A check-in that raises nothing says nothing more.
    let diary = common::Diary::new();
    let out = diary.ok(&["log", "3"]);
    assert!(
        !out.contains("EMERGENCY") && !out.contains("URGENT"),
        "{out}"
    );
}

#[test]
fn nape_log_says_what_its_save_put_in_force_and_pauses_the_running_session() {
    // A fever two hours before (urgent on its own), then headache and a stiff neck now: this
    // check-in completes the meningitis pattern, though the sign is dated from the fever.
    let diary = Diary::new();
    diary.ok(&["timer", "start", "cold"]);
    let early = (Utc::now() - Duration::hours(2)).format("%Y-%m-%d %H:%M");
    let first = diary.ok(&["log", "3", "-s", "fever", "--at", &early.to_string()]);
    assert!(first.contains("URGENT: Get medical care today"), "{first}");
    assert!(
        first.contains("Your cold session is paused: take the pack off."),
        "{first}"
    );
    let status = diary.ok(&["timer", "status"]);
    assert!(status.contains("Cold: paused"), "{status}");
    let out = diary.ok(&["log", "4", "-s", "headache", "-s", "stiff-neck"]);
    assert!(out.contains("EMERGENCY: Call"), "{out}");
    assert!(out.contains("fever, headache and a stiff neck"), "{out}");
}

#[test]
fn nape_log_without_symptoms_names_the_pattern_its_context_completes() {
    // Numbness now; then a neck manipulation half an hour before it, logged with no symptom:
    // that check-in completes the after-manipulation emergency.
    let diary = Diary::new();
    diary.ok(&["log", "3", "-s", "numbness"]);
    let before = (Utc::now() - Duration::minutes(30)).format("%Y-%m-%d %H:%M");
    let out = diary.ok(&[
        "log",
        "2",
        "-c",
        "manipulation",
        "--at",
        &before.to_string(),
    ]);
    assert!(out.contains("EMERGENCY"), "{out}");
    assert!(out.contains("after neck manipulation"), "{out}");
}

#[test]
fn while_locked_a_paused_session_cannot_be_resumed_or_lengthened_only_stopped() {
    let diary = Diary::new();
    diary.ok(&["timer", "start", "cold"]);
    let out = diary.ok(&["log", "3", "-s", "weakness"]);
    assert!(out.contains("Your cold session is paused"), "{out}");
    let resumed = diary.run(&["timer", "resume"]);
    assert!(!resumed.status.success(), "resume is refused while locked");
    let why = String::from_utf8_lossy(&resumed.stderr);
    assert!(why.contains("timers and stretches are locked"), "{why}");
    let status = diary.ok(&["timer", "status"]);
    assert!(status.contains("paused"), "still paused: {status}");
    let stopped = diary.ok(&["timer", "stop"]);
    assert!(stopped.contains("stopped"), "{stopped}");
}

#[test]
fn an_unknown_symptom_that_sounds_like_a_warning_sign_gets_the_safety_line() {
    let diary = Diary::new();
    diary.write_settings(r#""emergency_number": "999", "onset": null"#);
    let out = diary.run(&["log", "3", "-s", "stroke"]);
    assert_eq!(out.status.code(), Some(2));
    let said = String::from_utf8_lossy(&out.stderr);
    assert!(said.contains("Nothing was saved"), "{said}");
    assert!(said.contains("call 999 now"), "{said}");
    // A plain typo gets no alarm.
    let out = diary.run(&["log", "3", "-s", "headach"]);
    let said = String::from_utf8_lossy(&out.stderr);
    assert!(said.contains("did you mean"), "{said}");
    assert!(!said.contains("call 999"), "{said}");
}

#[test]
fn a_word_of_a_warning_sign_id_is_suggested() {
    let diary = Diary::new();
    let out = diary.run(&["log", "3", "-s", "stroke"]);
    let said = String::from_utf8_lossy(&out.stderr);
    assert!(said.contains("did you mean \"stroke-signs\""), "{said}");
}

#[test]
fn nape_log_says_a_see_a_clinician_sign_too() {
    let diary = Diary::new();
    let out = diary.ok(&["log", "3", "-s", "numbness", "-w", "left-arm"]);
    assert!(out.contains("SEE A CLINICIAN"), "{out}");
    // Said once, when it comes into force.
    let again = diary.ok(&["log", "3"]);
    assert!(!again.contains("SEE A CLINICIAN"), "{again}");
}

#[test]
fn assess_from_the_shell_asks_first_and_lifts_the_lock() {
    let diary = Diary::new();
    diary.ok(&["log", "4", "-s", "stroke-signs"]);
    // No terminal to ask on: refused, nothing recorded.
    let out = diary.run(&["assess"]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("--yes") && err.contains("stroke"), "{err}");
    assert!(
        !diary.run(&["timer", "start", "cold"]).status.success(),
        "still locked"
    );
    // On a terminal it asks; n records nothing, y records it.
    let mut asked = Session::run(&diary, &["assess"], 24, 80, &[]);
    asked.wait_for("Record that a clinician has assessed you for");
    asked.send("n\r");
    asked.wait_for("Nothing recorded.");
    asked.wait_exit();
    let mut asked = Session::run(&diary, &["assess"], 24, 80, &[]);
    asked.wait_for("[y/N]");
    asked.send("y\r");
    asked.wait_for("Timers and stretches are open again.");
    assert!(asked.wait_exit().0);
    let said = diary.ok(&["assess", "--yes"]);
    assert!(said.contains("nothing recorded"), "{said}");
    assert!(
        diary
            .run(&["timer", "start", "cold", "--anyway"])
            .status
            .success()
    );
}
