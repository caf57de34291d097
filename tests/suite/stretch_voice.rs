//! Stretches followed by ear and by eye, on either side: what the voice says for every built-in
//! routine, the side named from the person's own body in words and picture, and movements
//! told as movements.

use chrono::{DateTime, Duration, TimeZone, Utc};
use nape::domain::stretch::{Cue, Library, Player, Sides};

fn t(secs: i64) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 3, 10, 9, 0, 0).unwrap() + Duration::seconds(secs)
}

/// Everything said while `routine` plays through with 3 s to get ready, by the second.
fn heard(routine: &nape::domain::stretch::Routine) -> Vec<String> {
    let (mut player, first) = Player::start(routine.clone(), 3, t(0));
    let mut said: Vec<String> = first.iter().map(|c| format!("0: {}", c.words())).collect();
    let mut s = 0;
    while !player.finished {
        s += 1;
        for cue in player.advance(t(s)) {
            if !matches!(cue, Cue::Count(_)) {
                said.push(format!("{s}: {}", cue.words()));
            }
        }
    }
    said
}

#[test]
fn what_a_listener_hears_through_every_built_in_routine() {
    let library = Library::built_in();
    assert_eq!(library.routines.len(), 4);
    for routine in &library.routines {
        insta::assert_snapshot!(routine.id.clone(), heard(routine).join("\n"));
    }
}

#[test]
fn each_exercise_says_what_to_do_and_for_how_long_and_movements_are_not_holds() {
    let library = Library::built_in();
    let desk = library.routine("desk-reset").unwrap();
    let said = heard(desk).join("\n");
    assert!(
        said.contains("Shoulder rolls, backward. Roll your shoulders up, backward and down, slowly. 5 slow circles backward."),
        "{said}"
    );
    assert!(said.contains("Move: 5 slow circles forward."), "{said}");
    assert!(
        said.contains("Chin tuck. Slide your chin straight back"),
        "{said}"
    );
    assert!(said.contains("Hold 5 seconds."), "{said}");
    // "Hold" is said only for holds: the rolls start with "Move".
    let rolls_end = said.find("Chin tuck").unwrap();
    assert!(!said[..rolls_end].contains("Hold."), "{said}");
}

#[test]
fn one_sided_exercises_name_the_side_in_words_and_mirror_the_picture() {
    let library = Library::built_in();
    let trapezius = (library.exercises.iter())
        .find(|e| e.id == "upper-trapezius-stretch")
        .unwrap();
    assert_eq!(
        trapezius.say_for("Left"),
        "Hold the seat with your right hand, and tip your left ear toward your left shoulder."
    );
    assert!(
        trapezius
            .cue_lines("Right")
            .join(" ")
            .contains("your left hand")
    );
    for e in library
        .exercises
        .iter()
        .filter(|e| e.sides == Sides::LeftRight)
    {
        let (left, right) = (
            e.cue_lines("Left").join(" "),
            e.cue_lines("Right").join(" "),
        );
        assert!(
            left.contains("left") && right.contains("right"),
            "{}: {left} / {right}",
            e.id
        );
        assert!(!e.say_for("Left").contains('{'), "{}", e.id);
        let (l, r) = (e.picture_for("Left"), e.picture_for("Right"));
        assert_ne!(l, r, "{}: the right side's picture is mirrored", e.id);
        assert_eq!(l.last(), r.last(), "{}: the caption reads the same", e.id);
    }
}

/// A new cue cuts off the one still being said, so two never overlap.
#[test]
fn a_new_cue_stops_the_one_still_being_said() {
    use std::os::unix::fs::PermissionsExt;
    use std::time::{Duration as Wait, Instant};
    let dir = tempfile::tempdir().unwrap();
    let log = dir.path().join("said.txt");
    let speaker = dir.path().join("speak.sh");
    let script = format!(
        "#!/bin/sh\necho \"start $1\" >> '{0}'\nsleep 2\necho \"end $1\" >> '{0}'\n",
        log.display()
    );
    std::fs::write(&speaker, script).unwrap();
    std::fs::set_permissions(&speaker, std::fs::Permissions::from_mode(0o755)).unwrap();
    let program = speaker.to_str().unwrap();
    let said = || std::fs::read_to_string(&log).unwrap_or_default();
    let wait_for = |text: &str| {
        let deadline = Instant::now() + Wait::from_secs(10);
        while !said().contains(text) {
            assert!(Instant::now() < deadline, "{text:?} never came: {}", said());
            std::thread::sleep(Wait::from_millis(20));
        }
    };
    nape::speech::say(program, "one");
    wait_for("start one");
    nape::speech::say(program, "two");
    wait_for("end two");
    assert!(!said().contains("end one"), "{}", said());
}

/// Spasm relief goes from sitting to lying and back: the rest before says so and leaves time to
/// change position, and the routine's description says you will lie down.
#[test]
fn a_change_of_position_is_said_and_given_time() {
    let library = Library::built_in();
    let spasm = library.routine("spasm-relief").unwrap();
    let said = heard(spasm).join("\n");
    assert!(
        said.contains("Relax. Next: Lying nod. Lie down on your back now."),
        "{said}"
    );
    assert!(said.contains("Sit up slowly now."), "{said}");
    let (player, _) = Player::start(spasm.clone(), 3, t(0));
    let rests: Vec<u32> = (player.phases.iter())
        .filter(|p| p.kind == nape::domain::stretch::PhaseKind::Rest)
        .map(|p| p.secs)
        .collect();
    assert!(rests.iter().filter(|s| **s >= 20).count() >= 2, "{rests:?}");
    assert!(
        spasm.positions().contains("lie down"),
        "{}",
        spasm.positions()
    );
}

/// With no time to get ready, each side is still introduced before its first hold.
#[test]
fn with_no_get_ready_each_side_is_still_introduced() {
    let library = Library::built_in();
    let desk = library.routine("desk-reset").unwrap();
    let (player, first) = Player::start(desk.clone(), 0, t(0));
    assert!(matches!(first[0], Cue::Ready { .. }), "{first:?}");
    assert!(player.phases[0].secs >= 5, "time to say it");
}

/// A step may not give other sides to an exercise whose words name its sides.
#[test]
fn sides_an_exercise_was_not_written_for_are_refused() {
    let text = r#"{"id": "t", "name": "T", "steps": [{"exercise": "rotation", "sides": "none"}]}"#;
    let problems = Library::built_in().check("t.json", text).unwrap_err();
    let said: Vec<String> = problems.iter().map(ToString::to_string).collect();
    assert!(
        said.iter().any(|p| p.contains("steps[0].sides")),
        "{said:?}"
    );
}
