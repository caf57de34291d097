//! The built-in exercises and routines: every file in assets/ is read, parses, names existing
//! exercises and is used; the person's own routines get a message for each mistake.

use std::collections::BTreeSet;

use nape::domain::stretch::Library;
use nape::domain::stretch::library::ROUTINES;

#[test]
fn every_built_in_file_parses_and_is_embedded() {
    let library = Library::built_in();
    assert_eq!(library.problems, vec![], "built-in data has problems");
    let on_disk: BTreeSet<String> = std::fs::read_dir("assets/routines")
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    let embedded: BTreeSet<String> = ROUTINES.iter().map(|(n, _)| n.to_string()).collect();
    assert_eq!(
        on_disk, embedded,
        "a routine file is not embedded, or is missing"
    );
    assert!(library.routines.len() >= 4);
    for (name, _) in ROUTINES {
        let id = name.trim_end_matches(".json");
        assert!(library.routine(id).is_some(), "{name} is named for its id");
    }
}

#[test]
fn every_exercise_has_a_source_and_is_used_and_clinical_names_are_all_there() {
    let library = Library::built_in();
    let sources: Vec<String> = nape::domain::sources::sources()
        .iter()
        .map(|s| s.id.to_string())
        .collect();
    let used: BTreeSet<&str> = library
        .routines
        .iter()
        .flat_map(|r| r.steps.iter().map(|s| s.exercise.id.as_str()))
        .collect();
    for e in &library.exercises {
        assert!(!e.sources.is_empty(), "{} has no source", e.id);
        for s in &e.sources {
            assert!(sources.contains(s), "{}: unknown source {s}", e.id);
        }
        assert!(used.contains(e.id.as_str()), "{} is in no routine", e.id);
        assert!(
            e.picture.iter().all(|l| l.is_ascii() && l.len() <= 24),
            "{}",
            e.id
        );
    }
    // Every exercise in CLINICAL.md's table.
    assert_eq!(library.exercises.len(), 10);
}

#[test]
fn the_routines_last_about_what_they_say_and_spasm_relief_stays_in_mid_range() {
    let library = Library::built_in();
    let minutes = |id: &str| library.routine(id).unwrap().total_secs(3) as f64 / 60.0;
    assert!(
        (2.5..=3.5).contains(&minutes("desk-reset")),
        "{}",
        minutes("desk-reset")
    );
    // Each exercise's first rep on a side has time to say what to do.
    assert!((6.3..=7.3).contains(&minutes("morning-mobility")));
    assert!((5.0..=6.0).contains(&minutes("spasm-relief")));
    assert!(!library.routine("spasm-relief").unwrap().end_range());
}

fn problems(text: &str) -> Vec<String> {
    let file = vec![("mine.json".to_string(), Ok(text.to_string()))];
    let library = Library::with_user(&file);
    library.problems.iter().map(ToString::to_string).collect()
}

#[test]
fn a_bad_user_routine_says_the_file_the_field_and_what_is_wrong() {
    let cases = [
        (
            "{\n  \"id\": \"x\",\n  \"name\": \"X\",\n  \"steps\": [\n    {\"exercise\": \"chin-tuck\",}\n  ]\n}",
            "mine.json: trailing comma at line 5 column 30",
        ),
        (
            r#"{"id": "x", "name": "X", "steps": [{"exercise": "chin-tuk"}]}"#,
            "mine.json: steps[0].exercise: no exercise \"chin-tuk\" (did you mean \"chin-tuck\"?)",
        ),
        (
            r#"{"id": "x", "name": "X", "steps": [{"exercise": "chin-tuck", "hold_secs": 0}]}"#,
            "mine.json: steps[0].hold_secs: must be from 1 to 120 seconds (got 0)",
        ),
        (
            r#"{"id": "x", "name": "X", "steps": [{"exercise": "rotation", "hold_secs": 121}]}"#,
            "mine.json: steps[0].hold_secs: must be from 1 to 120 seconds (got 121)",
        ),
        (
            r#"{"id": "x", "name": "X", "steps": [{"exercise": "rotation", "reps": 31}]}"#,
            "mine.json: steps[0].reps: must be from 1 to 30 (got 31)",
        ),
        (
            r#"{"id": "x", "name": "X", "steps": [{"exercise": "rotation", "holds": 5}]}"#,
            "mine.json: steps[0].holds: unknown field `holds`",
        ),
        (
            r#"{"id": "x", "name": "X", "steps": []}"#,
            "mine.json: steps: a routine needs at least one step",
        ),
    ];
    for (text, expected) in cases {
        let found = problems(text);
        assert!(
            found.iter().any(|p| p.starts_with(expected)),
            "expected {expected:?}, got {found:?}"
        );
    }
}

#[test]
fn a_good_user_routine_loads_beside_a_bad_one_and_can_replace_a_built_in() {
    let files = vec![
        ("bad.json".to_string(), Ok("{".to_string())),
        (
            "unreadable.json".to_string(),
            Err("permission denied".to_string()),
        ),
        (
            "desk.json".to_string(),
            Ok(
                r#"{"id": "desk-reset", "name": "My desk reset", "version": 2,
                "steps": [{"exercise": "my-shrug"}, {"exercise": "chin-tuck", "reps": 2}],
                "exercises": [{"id": "my-shrug", "name": "Shrug", "cues": ["Lift, then drop."],
                  "hold_secs": 3, "reps": 4, "sides": "none", "sources": []}]}"#
                    .to_string(),
            ),
        ),
    ];
    let library = Library::with_user(&files);
    let files_with_problems: BTreeSet<&str> =
        library.problems.iter().map(|p| p.file.as_str()).collect();
    assert_eq!(
        files_with_problems,
        BTreeSet::from(["bad.json", "unreadable.json"])
    );
    let mine = library.routine("desk-reset").unwrap();
    assert_eq!((mine.name.as_str(), mine.version), ("My desk reset", 2));
    assert_eq!(mine.origin, "desk.json");
    assert_eq!(mine.steps[0].exercise.name, "Shrug");
    assert_eq!(library.routines.len(), 4, "replaced, not added");
}

#[test]
fn every_mistake_in_a_file_is_listed_at_once() {
    let found = problems(
        r#"{"id": "Bad Id", "name": "X", "steps": [{"exercise": "chin-tuk", "hold_secs": 0},
            {"exercise": "rotation", "reps": 40}]}"#,
    );
    assert_eq!(found.len(), 4, "{found:#?}");
}

#[test]
fn the_readme_example_routine_is_valid() {
    let readme = std::fs::read_to_string("README.md").unwrap();
    let after = readme
        .split("#### Your own routines")
        .nth(1)
        .expect("the section");
    let json = after
        .split("```json\n")
        .nth(1)
        .unwrap()
        .split("```")
        .next()
        .unwrap();
    let routine = Library::built_in().check("README.md", json).unwrap();
    assert_eq!(routine.steps.len(), 4);
    assert_eq!(routine.steps[3].exercise.name, "Wall angel");
}

/// Where config and data share a folder (macOS), `routines/` also holds the diary's month files
/// of routines played: those are never read as routine files of one's own.
#[test]
fn the_diarys_own_month_files_are_not_read_as_routines() {
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("routines");
    std::fs::create_dir_all(&folder).unwrap();
    for name in ["2026-05.json", "2026-05.k3x9a0qz.json"] {
        std::fs::write(folder.join(name), r#"{"schema_version": 2, "records": []}"#).unwrap();
    }
    std::fs::write(
        folder.join("mine.json"),
        r#"{"id": "mine", "name": "Mine", "steps": [{"exercise": "chin-tuck"}]}"#,
    )
    .unwrap();
    let files = nape::store::routines::read(dir.path());
    let names: Vec<&str> = files.iter().map(|(p, _)| p.as_str()).collect();
    assert_eq!(names.len(), 1, "{names:?}");
    assert!(names[0].ends_with("mine.json"));
}
