//! The cold/heat session state machine and the protocol, with a pinned clock.

use chrono::{DateTime, Duration, TimeZone, Utc};
use nape::domain::therapy::limits::{Limits, bounds};
use nape::domain::therapy::protocol::{self, cautions, next_allowed, recommend};
use nape::domain::therapy::{EndReason, PackKind, Session, State, TimerError, clock};

fn t0() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 5, 4, 10, 0, 0).unwrap()
}

fn at(minutes: i64) -> DateTime<Utc> {
    t0() + Duration::minutes(minutes)
}

fn m(minutes: i64) -> Duration {
    Duration::minutes(minutes)
}

#[test]
fn every_transition_and_its_arithmetic() {
    // (what happens, at minute, expected state afterwards at that minute)
    type Step = (&'static str, i64, State);
    let mut s = Session::new(PackKind::Cold, 15, t0());
    let steps: Vec<Step> = vec![
        ("start", 0, State::Running { left: m(15) }),
        ("tick", 5, State::Running { left: m(10) }),
        ("pause", 5, State::Paused { left: m(10) }),
        ("tick", 9, State::Paused { left: m(10) }),
        ("resume", 9, State::Running { left: m(10) }),
        ("extend", 9, State::Running { left: m(11) }),
        ("tick", 19, State::Running { left: m(1) }),
        ("tick", 20, State::Due),
        ("tick", 60, State::Due),
    ];
    for (what, minute, expected) in steps {
        let now = at(minute);
        match what {
            "pause" => s.pause(now).unwrap(),
            "resume" => s.resume(now).unwrap(),
            "extend" => s.extend(20).unwrap(),
            _ => {}
        }
        assert_eq!(s.state(now), expected, "{what} at minute {minute}");
    }
    // Closed for 40 minutes past its end: recorded as ended when it ran out, not when seen.
    assert!(s.finish_if_due(at(60)));
    assert_eq!(
        s.ended_at,
        Some(at(20)),
        "15 planned + 1 extension + 4 paused"
    );
    assert_eq!(s.end_reason, Some(EndReason::Finished));
    assert_eq!(s.state(at(61)), State::Ended);
    assert_eq!(s.elapsed(at(90)), m(16));
    assert!(!s.finish_if_due(at(61)), "only once");
}

#[test]
fn wrong_transitions_are_refused() {
    let mut s = Session::new(PackKind::Heat, 10, t0());
    assert_eq!(s.resume(at(1)), Err(TimerError::NotPaused));
    s.pause(at(1)).unwrap();
    assert_eq!(s.pause(at(2)), Err(TimerError::AlreadyPaused));
    s.stop(at(3), EndReason::Stopped).unwrap();
    assert_eq!(s.ended_at, Some(at(3)));
    assert_eq!(s.elapsed(at(30)), m(1), "paused time does not count");
    for result in [
        s.pause(at(4)),
        s.resume(at(4)),
        s.extend(20),
        s.stop(at(4), EndReason::Stopped),
    ] {
        assert_eq!(result, Err(TimerError::Ended));
    }
}

#[test]
fn extending_stops_at_the_cap() {
    let mut s = Session::new(PackKind::Cold, 18, t0());
    s.extend(20).unwrap();
    s.extend(20).unwrap();
    assert_eq!(s.extend(20), Err(TimerError::AtCap(20)));
    assert_eq!(s.planned(), m(20));
}

#[test]
fn a_clock_that_goes_back_never_gives_negative_or_extra_time() {
    let mut s = Session::new(PackKind::Cold, 15, t0());
    assert_eq!(
        s.left(at(-30)),
        m(15),
        "before the start: the full time, not more"
    );
    assert_eq!(s.elapsed(at(-30)), Duration::zero());
    s.pause(at(5)).unwrap();
    // The clock jumps back to before the pause began.
    let back = at(3);
    assert!(s.elapsed(back) >= Duration::zero() && s.left(back) <= m(15));
    s.resume(back).unwrap();
    assert!(
        s.pauses[0].to >= Some(s.pauses[0].from),
        "a pause never ends before it began"
    );
    assert_eq!(s.left(back), m(10), "nor gives time back");
    assert!(s.left(at(2000)) >= Duration::zero());
}

#[test]
fn a_dst_change_during_a_session_changes_nothing() {
    // UK clocks jump from 01:00 GMT to 02:00 BST at 2026-03-29 01:00 UTC.
    let start = Utc.with_ymd_and_hms(2026, 3, 29, 0, 50, 0).unwrap();
    let s = Session::new(PackKind::Heat, 15, start);
    assert_eq!(s.state(start + m(10)), State::Running { left: m(5) });
    assert_eq!(
        s.planned_end(),
        Some(Utc.with_ymd_and_hms(2026, 3, 29, 1, 5, 0).unwrap())
    );
}

#[test]
fn cold_sessions_ask_for_skin_checks_at_5_and_10_minutes() {
    let marks = &bounds().skin_check_minutes;
    assert_eq!(marks, &[5, 10]);
    let mut s = Session::new(PackKind::Cold, 15, t0());
    assert_eq!(s.skin_check_due(marks, at(4)), None);
    assert_eq!(s.skin_check_due(marks, at(5)), Some(5));
    s.skin_checks.push(5);
    assert_eq!(s.skin_check_due(marks, at(9)), None);
    assert_eq!(s.skin_check_due(marks, at(12)), Some(10));
    let heat = Session::new(PackKind::Heat, 15, t0());
    assert_eq!(heat.skin_check_due(marks, at(12)), None);
}

#[test]
fn cold_first_then_heat_at_the_edges() {
    let limits = Limits::new(None, None, None);
    assert_eq!(limits.cold_hours, 72);
    let onset = Some(t0());
    let hours = |h: i64| t0() + Duration::hours(h);
    assert_eq!(recommend(onset, hours(71), &limits).0, PackKind::Cold);
    assert_eq!(recommend(onset, hours(72), &limits).0, PackKind::Heat);
    assert_eq!(
        recommend(None, hours(1), &limits).0,
        PackKind::Heat,
        "a long-running episode"
    );
    let short = Limits::new(None, None, Some(48));
    assert_eq!(recommend(onset, hours(47), &short).0, PackKind::Cold);
    assert_eq!(recommend(onset, hours(48), &short).0, PackKind::Heat);

    let early = cautions(PackKind::Heat, onset, &[], 0, hours(47), &limits);
    assert!(early[0].contains("first 48 hours"), "{early:?}");
    assert!(cautions(PackKind::Heat, onset, &[], 0, hours(48), &limits).is_empty());
    assert!(cautions(PackKind::Cold, onset, &[], 0, hours(1), &limits).is_empty());
}

#[test]
fn the_gap_rule_counts_from_the_end_of_the_last_session_of_that_kind() {
    let limits = Limits::new(None, None, None);
    let mut cold = Session::new(PackKind::Cold, 15, t0());
    cold.stop(at(15), EndReason::Stopped).unwrap();
    let sessions = vec![cold];
    assert_eq!(
        next_allowed(PackKind::Cold, &sessions, &limits),
        Some(at(75))
    );
    assert_eq!(next_allowed(PackKind::Heat, &sessions, &limits), None);
    let soon = cautions(PackKind::Cold, None, &sessions, 0, at(74), &limits);
    assert!(soon[0].contains("leave 60 minutes"), "{soon:?}");
    assert!(cautions(PackKind::Cold, None, &sessions, 0, at(75), &limits).is_empty());
    assert!(cautions(PackKind::Heat, None, &sessions, 0, at(20), &limits).is_empty());
}

#[test]
fn settings_move_the_numbers_only_within_the_safe_bounds() {
    let l = Limits::new(Some(30), Some(10), Some(100));
    assert_eq!(
        (l.session_minutes, l.gap_minutes, l.cold_hours),
        (20, 40, 72)
    );
    let l = Limits::new(Some(2), None, Some(10));
    assert_eq!((l.session_minutes, l.cold_hours), (5, 48));
    assert!(l.check_minutes(0).unwrap_err().contains("from 5 to 20"));
    assert!(l.check_minutes(25).is_err());
    assert_eq!(l.check_minutes(20), Ok(20));
}

#[test]
fn every_safety_note_has_a_source() {
    for kind in [PackKind::Cold, PackKind::Heat] {
        let notes = protocol::notes(kind);
        assert!(notes.len() >= 4);
        assert!(notes.iter().all(|n| !n.sources.is_empty()));
    }
}

#[test]
fn the_clock_rounds_up_so_a_running_timer_never_shows_zero() {
    assert_eq!(clock(Duration::milliseconds(1)), "0:01");
    assert_eq!(clock(m(12) + Duration::seconds(5)), "12:05");
    assert_eq!(clock(Duration::seconds(-3)), "0:00");
}

/// The anchors a session records: start, every pause's ends, and its end.
fn anchors(s: &Session) -> Vec<DateTime<Utc>> {
    let mut all = vec![s.started_at];
    for p in &s.pauses {
        all.push(p.from);
        all.extend(p.to);
    }
    all.extend(s.ended_at);
    all
}

#[test]
fn a_pause_or_resume_before_the_last_anchor_counts_as_at_it() {
    // Started at 0, the clock jumps back 30 minutes, pause, then the clock is right again.
    let mut s = Session::new(PackKind::Cold, 10, t0());
    s.pause(at(-30)).unwrap();
    s.resume(at(5)).unwrap();
    // The real pause was from 0 to 5 at most: the session ends by minute 15, not 45.
    assert_eq!(s.planned_end(), Some(at(15)));
    assert_eq!(s.left(at(15)), Duration::zero());

    // Paused at 4, resumed at a time before that pause began: no pause at all.
    let mut s = Session::new(PackKind::Cold, 10, t0());
    s.pause(at(4)).unwrap();
    s.resume(at(2)).unwrap();
    s.pause(at(1)).unwrap(); // before the last anchor (4): counts as at 4
    s.resume(at(6)).unwrap();
    assert_eq!(s.planned_end(), Some(at(12)));
    s.stop(at(-100), EndReason::Stopped).unwrap();
    // The clock went back 106 minutes: the session's moments moved back with it, in order,
    // and what ran (4 minutes, before the first pause) is what ran.
    let all = anchors(&s);
    assert!(all.windows(2).all(|w| w[0] <= w[1]), "{all:?}");
    assert_eq!(s.elapsed(at(-100)), m(4));
}

#[test]
fn a_session_never_lasts_longer_than_planned_plus_real_pauses() {
    // Any order of pauses, resumes and stops at any times, the clock jumping both ways.
    let moves = [-40, 3, -20, 7, 1, 9, -5, 12, 30];
    for start in 0..moves.len() {
        let mut s = Session::new(PackKind::Cold, 10, t0());
        let mut latest = t0();
        for (i, minutes) in moves.iter().cycle().skip(start).take(6).enumerate() {
            let now = at(*minutes);
            latest = latest.max(now);
            let _ = if i % 2 == 0 {
                s.pause(now)
            } else {
                s.resume(now)
            };
        }
        let _ = s.stop(at(60), EndReason::Stopped);
        let paused: Duration = s.pauses.iter().map(|p| p.to.unwrap() - p.from).sum();
        let end = s.ended_at.unwrap();
        assert!(
            end - s.started_at <= s.planned() + paused,
            "{s:?} ran {} minutes",
            (end - s.started_at).num_minutes()
        );
        // Every pause lies within the run: from the start (moved back with a clock set back)
        // to the latest time seen.
        for p in &s.pauses {
            assert!(
                p.from >= s.started_at && p.to.unwrap() <= latest.max(at(60)),
                "{p:?}"
            );
        }
        let all = anchors(&s);
        assert!(all.windows(2).all(|w| w[0] <= w[1]), "{all:?}");
    }
}

#[test]
fn the_open_app_clock_keeps_counting_when_the_wall_clock_is_set_back() {
    use nape::clock::Steady;
    use std::time::{Duration as Std, Instant};
    let start = Instant::now();
    let mut clock = Steady::starting(t0(), start);
    assert_eq!(clock.next(at(1), start + Std::from_secs(60)), at(1));
    // Set back 30 minutes: a minute later it is two minutes in, not frozen at minus 29.
    assert_eq!(clock.next(at(-29), start + Std::from_secs(120)), at(2));
    assert_eq!(clock.next(at(-28), start + Std::from_secs(180)), at(3));
    // Forward (a laptop waking from sleep, the monotonic clock paused): the wall is followed.
    assert_eq!(clock.next(at(90), start + Std::from_secs(240)), at(90));
    // A wall clock more than a day behind is a correction of a wrong time: followed too.
    let corrected = at(90) - Duration::days(2);
    assert_eq!(
        clock.next(corrected, start + Std::from_secs(300)),
        corrected
    );
}

#[test]
fn a_start_in_the_future_is_taken_as_now_so_the_session_never_runs_long() {
    // Started by a process whose clock was an hour fast.
    let mut s = Session::new(PackKind::Cold, 5, at(60));
    assert!(s.start_not_after(at(0)), "moved");
    assert_eq!(s.started_at, at(0));
    assert_eq!(
        s.left(at(5)),
        Duration::zero(),
        "5 minutes from when it was seen"
    );
    assert!(!s.start_not_after(at(1)), "a start in the past stays");
    // A minute of difference between clocks is left alone.
    let mut near = Session::new(PackKind::Cold, 5, at(0) + Duration::seconds(50));
    assert!(!near.start_not_after(at(0)));
    // Once paused or ended its anchors are its own: not moved.
    let mut paused = Session::new(PackKind::Cold, 5, at(60));
    paused.pause(at(61)).unwrap();
    assert!(!paused.start_not_after(at(0)));
}

#[test]
fn opened_late_only_the_latest_skin_check_is_asked() {
    let mut s = Session::new(PackKind::Cold, 15, t0());
    let marks = [5, 10];
    assert_eq!(s.skin_check_due(&marks, at(4)), None);
    assert_eq!(s.skin_check_due(&marks, at(5)), Some(5));
    // Twelve minutes in and nothing answered: the 10-minute check only, not the missed one.
    assert_eq!(s.skin_check_due(&marks, at(12)), Some(10));
    s.answer_skin_check(10, nape::domain::therapy::Skin::Cold, at(12))
        .unwrap();
    assert_eq!(
        s.skin_check_due(&marks, at(13)),
        None,
        "the missed one is not asked after"
    );
}

#[test]
fn a_clock_set_back_while_paused_keeps_the_time_left_and_never_passes_the_cap() {
    // 20 minutes of cold, paused after 10.
    let mut s = Session::new(PackKind::Cold, 20, t0());
    s.pause(at(10)).unwrap();
    for back in [at(5), at(10) - Duration::days(1)] {
        assert_eq!(s.left(back), m(10), "while paused, the time left stays");
        assert_eq!(s.state(back), State::Paused { left: m(10) });
    }
    // Resumed with the clock five minutes behind: ten minutes more, by the new clock.
    s.resume(at(5)).unwrap();
    assert_eq!(s.left(at(5)), m(10));
    assert_eq!(s.left(at(12)), m(3));
    assert_eq!(s.state(at(15)), State::Due);
    assert!(s.finish_if_due(at(16)));
    // In all, the skin had the pack for 20 minutes: the cap, not 25.
    let on_skin = s.ended_at.unwrap() - s.started_at - pauses(&s);
    assert_eq!(on_skin, m(20));

    // Set back a day while paused, then resumed: the same ten minutes, then due.
    let mut s = Session::new(PackKind::Cold, 20, t0());
    s.pause(at(10)).unwrap();
    let day_back = at(10) - Duration::days(1);
    s.resume(day_back).unwrap();
    assert_eq!(s.left(day_back + m(4)), m(6));
    assert_eq!(s.state(day_back + m(10)), State::Due);
}

fn pauses(s: &Session) -> Duration {
    s.pauses.iter().map(|p| p.to.unwrap() - p.from).sum()
}
