//! The routine player with pinned time: holds, sides, reps, rests, pause, skip, back, a clock
//! that jumps, and what it says along the way.

use chrono::{DateTime, Duration, TimeZone, Utc};
use nape::domain::stretch::{Cue, Library, PhaseKind, Player, Routine};

fn t(secs: i64) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 3, 10, 9, 0, 0).unwrap() + Duration::seconds(secs)
}

/// Chin tuck 5 s x 2, then a 4 s rest, then rotation 3 s x 1 each side; 3 s to get ready.
/// Its own exercises give no sentence to say, so each get-ready is 3 s.
fn routine() -> Routine {
    let text = r#"{"id": "t", "name": "Test", "rest_secs": 4, "steps": [
        {"exercise": "tuck", "hold_secs": 5, "reps": 2},
        {"exercise": "turn", "hold_secs": 3, "reps": 1}],
      "exercises": [
        {"id": "tuck", "name": "Chin tuck", "cues": ["Tuck."], "hold_secs": 5, "reps": 2,
         "sides": "none", "sources": []},
        {"id": "turn", "name": "Rotation", "cues": ["Turn to your {side}."], "hold_secs": 3,
         "reps": 1, "sides": "left-right", "sources": []}]}"#;
    Library::built_in().check("t.json", text).unwrap()
}

const READY: u32 = 3;

fn start() -> Player {
    Player::start(routine(), READY, t(0)).0
}

#[test]
fn the_whole_routine_said_second_by_second() {
    let (mut player, first) = Player::start(routine(), READY, t(0));
    assert_eq!(player.left_total(t(0)), routine().total_secs(READY));
    assert_eq!(routine().total_secs(READY), 32);
    let mut said = vec![format!("0: {}", first[0].words())];
    for s in 1..=34 {
        for cue in player.advance(t(s)) {
            said.push(format!("{s}: {}", cue.words()));
        }
    }
    assert!(player.finished);
    insta::assert_snapshot!(said.join("\n"));
}

#[test]
fn sides_and_reps_are_in_order() {
    let mut player = start();
    let mut seen = Vec::new();
    for s in 0..32 {
        player.advance(t(s));
        if let Some(p) = player.phase()
            && p.kind == PhaseKind::Hold
            && seen.last() != Some(&(p.step, p.side, p.rep))
        {
            seen.push((p.step, p.side, p.rep));
        }
    }
    assert_eq!(seen, vec![(0, 0, 1), (0, 0, 2), (1, 0, 1), (1, 1, 1)]);
    assert_eq!(
        player.steps_done(t(31)),
        1,
        "rotation's right side is still to finish"
    );
    player.advance(t(32));
    assert_eq!(player.steps_done(t(32)), 2);
}

#[test]
fn a_pause_keeps_the_hold_where_it_was() {
    let mut player = start();
    player.advance(t(4)); // one second into the first hold
    assert_eq!(player.left_in_phase(t(4)), 4);
    assert_eq!(player.pause(t(4)), vec![Cue::Paused]);
    assert!(player.advance(t(60)).is_empty());
    assert_eq!(player.left_in_phase(t(60)), 4);
    assert_eq!(player.resume(t(63)), vec![Cue::Resumed]);
    assert_eq!(player.left_in_phase(t(63)), 4);
    assert_eq!(player.left_total(t(63)), 32 - 4);
    assert_eq!(player.pauses, vec![(t(4), Some(t(63)))]);
}

#[test]
fn skip_goes_to_the_next_exercise_and_back_to_the_start_of_this_one_then_the_one_before() {
    let mut player = start();
    player.advance(t(3));
    let cues = player.skip(t(3));
    assert!(
        matches!(
            &cues[..],
            [Cue::Ready { exercise, side: "Left", rep: 1, reps: 1, .. }] if exercise == "Rotation"
        ),
        "{cues:?}"
    );
    player.advance(t(6)); // into the hold
    player.back(t(6));
    assert_eq!(player.phase().unwrap().step, 1, "to rotation's start");
    assert_eq!(player.phase().unwrap().kind, PhaseKind::Ready);
    player.back(t(6));
    assert_eq!(
        player.phase().unwrap().step,
        0,
        "at its start: the one before"
    );
    // Skipping past the last exercise ends the routine.
    player.skip(t(7));
    assert_eq!(player.skip(t(7)), vec![Cue::Done]);
    assert!(player.finished);
}

#[test]
fn a_clock_jump_forward_plays_on_without_stretching_a_hold_and_back_changes_nothing() {
    let mut player = start();
    player.advance(t(4));
    let left = player.left_in_phase(t(4));
    // Set back two minutes: the hold keeps the time it had.
    assert!(player.advance(t(-116)).is_empty());
    assert_eq!(player.left_in_phase(t(-116)), left);
    // A laptop asleep for an hour: the routine is over, and only that is said.
    assert_eq!(player.advance(t(3600)), vec![Cue::Done]);
    assert!(player.finished);
}

/// Each exercise is recorded as done, partly done (with the seconds held) or skipped, by the
/// holds actually held: skipping is never "done".
#[test]
fn each_exercise_is_recorded_as_done_partly_done_or_skipped_by_the_holds_held() {
    use nape::domain::stretch::StepOutcome;
    // Played through: both done.
    let mut player = start();
    player.advance(t(40));
    let outcomes: Vec<StepOutcome> = player.steps(t(40)).iter().map(|s| s.outcome).collect();
    assert_eq!(outcomes, [StepOutcome::Done, StepOutcome::Done]);
    assert_eq!(player.steps_done(t(40)), 2);

    // Skipped straight through: nothing done, though the end was reached.
    let mut player = start();
    player.skip(t(1));
    player.skip(t(2));
    assert!(player.finished);
    let steps = player.steps(t(2));
    assert_eq!(
        steps.iter().map(|s| s.outcome).collect::<Vec<_>>(),
        [StepOutcome::Skipped; 2]
    );
    assert_eq!(player.steps_done(t(2)), 0);

    // Chin tuck held 3 s of its first 5 s hold, then skipped: partly done, 3 s.
    let mut player = start();
    player.advance(t(6)); // ready 3 s, then 3 s into the hold
    player.skip(t(6));
    let steps = player.steps(t(6));
    assert_eq!(steps[0].outcome, StepOutcome::Partly);
    assert_eq!((steps[0].held_secs, steps[0].planned_secs), (3, 10));
    assert_eq!(steps[0].exercise, "tuck");
}

/// Going back and holding the same hold again counts it once: holding one side twice is not
/// both sides done.
#[test]
fn a_hold_held_again_after_going_back_counts_once() {
    use nape::domain::stretch::StepOutcome;
    let mut player = start();
    // Rotation: ready 3 s then 3 s each side. Skip the chin tuck, hold the left side through.
    player.skip(t(0));
    player.advance(t(6)); // the left hold ends
    player.back(t(6)); // back to rotation's start
    player.advance(t(12)); // the left hold again
    player.skip(t(12)); // past the right side
    let steps = player.steps(t(12));
    assert_eq!(steps[1].held_secs, 3, "{steps:?}");
    assert_eq!(steps[1].outcome, StepOutcome::Partly);
}
