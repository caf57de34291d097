//! Cold and heat safety from the shell: the first 48 hours without heat counted cautiously,
//! skin checks for sessions started here, and the day's heat count.

use crate::common;

use chrono::{Duration, Utc};
use common::Diary;

/// `nape timer start heat` with the onset `days` ago and, if given, the time it began.
fn start_heat(days: i64, time: Option<&str>) -> (bool, String) {
    let diary = Diary::new();
    let onset = (Utc::now() - Duration::days(days)).date_naive();
    let time = time.map_or(String::new(), |t| format!(r#", "onset_time": "{t}""#));
    diary.write_settings(&format!(
        r#""emergency_number": "999", "onset": "{onset}"{time}"#
    ));
    let out = diary.run(&["timer", "start", "heat"]);
    let said = String::from_utf8_lossy(&out.stderr).to_string();
    (out.status.success(), said)
}

#[test]
fn without_a_time_the_first_48_hours_run_from_the_end_of_the_onset_day() {
    // Tests run in UTC. Two days ago without a time: 48 hours from the end of that day have not
    // passed (they end at midnight tonight); from its start they would have.
    let (started, said) = start_heat(2, None);
    assert!(!started, "heat two days after an onset with no time");
    assert!(said.contains("first 48 hours"), "{said}");
    let (started, said) = start_heat(3, None);
    assert!(started, "three days after: {said}");
    // With the time it began, the count runs from that time.
    let (started, said) = start_heat(2, Some("00:00:00"));
    assert!(started, "48 hours after the time given: {said}");
}

/// A cold session started `secs` ago, brought in as an export, as if started from the shell.
fn cold_started(diary: &Diary, secs: i64) {
    let now = Utc::now();
    let started = now - Duration::seconds(secs);
    let export = format!(
        r#"{{"nape_export": 1, "exported_at": "{now}", "collections": {{"therapy": [{{
            "id": "01581d2f-7800-7ac2-9210-979b927829d4",
            "created_at": "{started}", "updated_at": "{started}", "date": "{}",
            "kind": "cold", "started_at": "{started}", "planned_secs": 900}}]}}}}"#,
        started.date_naive()
    );
    let file = diary.dir.path().join("session.json");
    std::fs::write(&file, export).unwrap();
    diary.ok(&["import", file.to_str().unwrap()]);
}

#[test]
fn a_cold_session_from_the_shell_asks_for_its_skin_checks() {
    let due = |secs: i64| {
        let diary = Diary::new();
        cold_started(&diary, secs);
        let status = diary.ok(&["status"]);
        let timer = diary.ok(&["timer", "status"]);
        assert_eq!(
            status.contains("skin check due"),
            timer.contains("Skin check due"),
            "{status} / {timer}"
        );
        (status.contains("skin check due"), diary)
    };
    assert!(!due(4 * 60 + 50).0, "before 5 minutes");
    let (at_five, diary) = due(5 * 60 + 5);
    assert!(at_five, "at 5 minutes");
    assert!(diary.ok(&["timer", "status"]).contains("(5 minutes)"));
    assert!(diary.ok(&["timer", "skin", "cold"]).contains("noted"));
    assert!(
        !diary.ok(&["status"]).contains("skin check due"),
        "answered"
    );
    assert!(diary.run(&["timer", "skin", "cold"]).status.code() == Some(1));

    let (at_ten, diary) = due(10 * 60 + 5);
    assert!(at_ten);
    // Seen only at ten minutes: the 10-minute check is asked, not the missed 5-minute one.
    assert!(diary.ok(&["timer", "status"]).contains("(10 minutes)"));
    assert!(
        diary
            .ok(&["timer", "skin", "numb"])
            .contains("Stopped: numb skin")
    );
    assert!(
        diary
            .ok(&["timer", "status"])
            .contains("No session running")
    );
}

#[test]
fn a_heat_session_beyond_three_in_a_day_asks_first() {
    let diary = Diary::new();
    // The pain has been going on for a while: heat suits, as far as the episode goes.
    diary.write_settings(r#""emergency_number": "999", "onset": null"#);
    for n in 1..=4 {
        // From the second on, the gap between sessions asks first too.
        let out = diary.run(&["timer", "start", "heat"]);
        let said = String::from_utf8_lossy(&out.stderr).to_string();
        assert_eq!(out.status.success(), n == 1, "session {n}: {said}");
        assert_eq!(said.contains("up to 3 times a day"), n == 4, "{n}: {said}");
        if n > 1 {
            let started = diary.ok(&["timer", "start", "heat", "--anyway"]);
            assert_eq!(started.contains("number 4 today"), n == 4, "{started}");
        }
        diary.ok(&["timer", "stop"]);
    }
}

#[test]
fn numb_skin_stops_a_running_session_at_any_time() {
    let diary = Diary::new();
    diary.ok(&["timer", "start", "cold", "--anyway"]);
    // No check is due yet (the first is at 5 minutes): numb still stops it.
    let out = diary.ok(&["timer", "skin", "numb"]);
    assert!(out.contains("Stopped"), "{out}");
    let status = diary.ok(&["timer", "status"]);
    assert!(status.contains("No session running"), "{status}");
    // Any other answer with no check due is refused, as before.
    diary.ok(&["timer", "start", "heat", "--anyway"]);
    let refused = diary.run(&["timer", "skin", "cold"]);
    assert!(!refused.status.success());
}

#[test]
fn a_session_started_by_a_fast_clock_counts_from_when_it_is_seen() {
    let diary = Diary::new();
    // Started "an hour from now" by a machine whose clock ran fast.
    cold_started(&diary, -3600);
    let timer = diary.ok(&["timer", "status"]);
    assert!(timer.contains("counts from now"), "{timer}");
    // It now counts down: at most 15 minutes left, not frozen for the extra hour.
    let again = diary.ok(&["timer", "status"]);
    assert!(again.contains("left of 15:00"), "{again}");
    assert!(!again.contains("counts from now"), "moved once: {again}");
}

#[test]
fn pain_after_the_last_session_can_be_rated_from_the_shell() {
    let diary = Diary::new();
    let refused = diary.run(&["timer", "rate", "--pain", "3"]);
    assert_eq!(refused.status.code(), Some(1), "no session yet");
    cold_started(&diary, 16 * 60); // a 15-minute session, over a minute ago
    let out = diary.ok(&["timer", "rate", "--pain", "3"]);
    assert!(out.contains("Pain after the cold session: 3"), "{out}");
    let export: serde_json::Value = serde_json::from_str(&diary.ok(&["export"])).unwrap();
    assert_eq!(export["collections"]["therapy"][0]["pain_after"], 3);
    let bad = diary.run(&["timer", "rate", "--pain", "11"]);
    assert_eq!(bad.status.code(), Some(2));
}

#[test]
fn stop_from_the_shell_says_how_long_in_the_apps_words() {
    let diary = Diary::new();
    cold_started(&diary, 6 * 60 + 10);
    let out = diary.ok(&["timer", "stop"]);
    assert!(
        out.contains("Cold session stopped after 6 minutes."),
        "{out}"
    );
}

#[test]
fn with_no_onset_and_nothing_recorded_the_shell_begins_the_episode_now() {
    // Only the shell used: no settings, no check-in. Day 1 is assumed, as the app would.
    let diary = Diary::new();
    let status = diary.ok(&["timer", "status"]);
    assert!(status.contains("Now: cold"), "{status}");
    let heat = diary.run(&["timer", "start", "heat"]);
    assert!(!heat.status.success(), "heat asks first on day 1");
    let why = String::from_utf8_lossy(&heat.stderr);
    assert!(why.contains("--anyway"), "{why}");
}

/// The shell remembers the latest time a nape on this computer saw, against the time since boot:
/// a clock set back while a session runs does not give its time back in `nape timer status`.
#[cfg(target_os = "linux")]
#[test]
fn a_clock_set_back_while_a_session_runs_gives_no_time_back_in_the_shell() {
    let diary = Diary::new();
    diary.ok(&["timer", "start", "cold", "--minutes", "20", "--anyway"]);
    // As if a nape saw this session ten minutes on, just now (by the time since boot), and the
    // wall clock has since been set back to now.
    let seen = chrono::Utc::now() + chrono::Duration::minutes(10);
    let boot = rustix::time::clock_gettime(rustix::time::ClockId::Boottime);
    let nanos = boot.tv_sec as i128 * 1_000_000_000 + boot.tv_nsec as i128;
    let state = diary.dir.path().join("state");
    std::fs::write(
        state.join("clock"),
        format!("{} {nanos}\n", seen.to_rfc3339()),
    )
    .unwrap();
    let out = diary.ok(&["timer", "status"]);
    assert!(
        out.contains("10:00 left") || out.contains("9:59 left"),
        "ten minutes have run, not none: {out}"
    );
}
