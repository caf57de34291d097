//! Cold and heat safety from the shell: the first 48 hours without heat counted cautiously,
//! skin checks for sessions started here, and the day's heat count.

mod common;

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
