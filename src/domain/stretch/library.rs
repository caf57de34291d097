//! The exercises and routines nape knows: its own, embedded, then the person's files, which add
//! routines or replace one by id. A bad file is reported with its field and what is wrong, and
//! the others still load.

use std::fmt;
use std::sync::LazyLock;

use serde::de::DeserializeOwned;

use super::routine::{
    Exercise, ExerciseFile, MAX_HOLD_SECS, MAX_REPS, MAX_REST_SECS, Routine, RoutineFile, Sides,
    Step,
};

const EXERCISES: &str = include_str!("../../../assets/exercises.json");

/// The built-in routines, by file name.
pub const ROUTINES: &[(&str, &str)] = &[
    (
        "desk-reset.json",
        include_str!("../../../assets/routines/desk-reset.json"),
    ),
    (
        "morning-mobility.json",
        include_str!("../../../assets/routines/morning-mobility.json"),
    ),
    (
        "spasm-relief.json",
        include_str!("../../../assets/routines/spasm-relief.json"),
    ),
    (
        "evening-unwind.json",
        include_str!("../../../assets/routines/evening-unwind.json"),
    ),
];

/// What is wrong with a file: where, and what to change.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    pub file: String,
    pub message: String,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        write!(f, "{}: {}", self.file, self.message)
    }
}

#[derive(Clone, Debug, Default)]
pub struct Library {
    pub exercises: Vec<Exercise>,
    pub routines: Vec<Routine>,
    /// Files that could not be used, each with why.
    pub problems: Vec<Problem>,
}

impl Library {
    /// nape's own exercises and routines, parsed once per process.
    pub fn built_in() -> Library {
        static BUILT_IN: LazyLock<Library> = LazyLock::new(Library::parse_built_in);
        BUILT_IN.clone()
    }

    fn parse_built_in() -> Library {
        let mut library = Library::default();
        match parse::<ExerciseFile>("exercises.json", EXERCISES) {
            Ok(file) => {
                for (i, exercise) in file.exercises.iter().enumerate() {
                    let mut found = Vec::new();
                    check_exercise(exercise, &format!("exercises[{i}]"), true, &mut found);
                    library.note("exercises.json", found);
                }
                library.exercises = file.exercises;
            }
            Err(problem) => library.problems.push(problem),
        }
        for (name, text) in ROUTINES {
            library.add(name, Ok((*text).to_string()), "built in");
        }
        library
    }

    /// The built-in library, then each user file (its path and text, or why it could not be
    /// read): a user routine with a built-in id takes its place.
    pub fn with_user(files: &[(String, Result<String, String>)]) -> Library {
        let mut library = Library::built_in();
        for (path, text) in files {
            library.add(path, text.clone(), path);
        }
        library
    }

    /// One routine file: it joins the library (replacing one with its id), or its problems do.
    fn add(&mut self, file: &str, text: Result<String, String>, origin: &str) {
        let routine = text
            .map_err(|message| {
                vec![Problem {
                    file: file.to_string(),
                    message,
                }]
            })
            .and_then(|text| self.check(file, &text));
        match routine {
            Ok(mut routine) => {
                routine.origin = origin.to_string();
                self.routines.retain(|r| r.id != routine.id);
                self.routines.push(routine);
            }
            Err(problems) => self.problems.extend(problems),
        }
    }

    fn note(&mut self, file: &str, messages: Vec<String>) {
        self.problems
            .extend(messages.into_iter().map(|message| Problem {
                file: file.to_string(),
                message,
            }));
    }

    pub fn routine(&self, id: &str) -> Option<&Routine> {
        self.routines.iter().find(|r| r.id.eq_ignore_ascii_case(id))
    }

    /// A routine file checked against these exercises: the routine, or every problem in it.
    pub fn check(&self, file: &str, text: &str) -> Result<Routine, Vec<Problem>> {
        let raw: RoutineFile = parse(file, text).map_err(|p| vec![p])?;
        let mut found = Vec::new();
        let id_ok = !raw.id.is_empty()
            && raw
                .id
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-');
        if !id_ok {
            found.push(format!(
                "id: \"{}\" must be lowercase letters, digits and hyphens",
                raw.id
            ));
        }
        if raw.name.trim().is_empty() {
            found.push("name: must not be empty".into());
        }
        if let Err(why) = crate::domain::text::check_name(&raw.name) {
            found.push(format!("name: {why}"));
        }
        // Every other text in the file too: nothing in a routine may act on the terminal.
        if let Ok(value) = serde_json::from_str::<serde_json::Value>(text) {
            acting_texts(&value, String::new(), &mut found);
        }
        if raw.rest_secs > MAX_REST_SECS {
            found.push(format!(
                "rest_secs: must be from 0 to {MAX_REST_SECS} seconds (got {})",
                raw.rest_secs
            ));
        }
        if raw.steps.is_empty() {
            found.push("steps: a routine needs at least one step".into());
        }
        for (i, exercise) in raw.exercises.iter().enumerate() {
            check_exercise(exercise, &format!("exercises[{i}]"), false, &mut found);
        }
        let mut steps = Vec::new();
        for (i, step) in raw.steps.iter().enumerate() {
            let own = raw.exercises.iter().find(|e| e.id == step.exercise);
            let Some(exercise) =
                own.or_else(|| self.exercises.iter().find(|e| e.id == step.exercise))
            else {
                let known = self
                    .exercises
                    .iter()
                    .chain(&raw.exercises)
                    .map(|e| e.id.as_str());
                let nearest = known
                    .map(|id| (strsim::levenshtein(id, &step.exercise), id))
                    .min()
                    .filter(|(d, _)| *d <= 3)
                    .map(|(_, id)| format!(" (did you mean \"{id}\"?)"))
                    .unwrap_or_default();
                found.push(format!(
                    "steps[{i}].exercise: no exercise \"{}\"{nearest}",
                    step.exercise
                ));
                // Its own numbers are still checked, so one run lists every mistake.
                let (hold, reps) = (step.hold_secs.unwrap_or(1), step.reps.unwrap_or(1));
                check_dose(hold, reps, &format!("steps[{i}]"), &mut found);
                continue;
            };
            let hold_secs = step.hold_secs.unwrap_or(exercise.hold_secs);
            let reps = step.reps.unwrap_or(exercise.reps);
            check_dose(hold_secs, reps, &format!("steps[{i}]"), &mut found);
            let sides = step.sides.unwrap_or(exercise.sides);
            // Words that name the sides ("your left ear") need the sides they were written for.
            if sides != exercise.sides && names_sides(exercise) {
                found.push(format!(
                    "steps[{i}].sides: \"{}\" names its sides in its words; it cannot be done \
                     with other sides",
                    exercise.id
                ));
            }
            steps.push(Step {
                exercise: exercise.clone(),
                hold_secs,
                reps,
                sides,
            });
        }
        if !found.is_empty() {
            return Err(found
                .into_iter()
                .map(|message| Problem {
                    file: file.to_string(),
                    message,
                })
                .collect());
        }
        Ok(Routine {
            id: raw.id,
            name: raw.name,
            version: raw.version,
            description: raw.description,
            rest_secs: raw.rest_secs,
            steps,
            origin: String::new(),
        })
    }
}

/// Each text in `value` (at `path`) holding a control character, as a problem.
fn acting_texts(value: &serde_json::Value, path: String, found: &mut Vec<String>) {
    match value {
        serde_json::Value::String(text) => {
            if let Err(why) = crate::domain::text::check_note(text) {
                // The name has its own, stricter check above.
                if path != "name" {
                    found.push(format!("{path}: {why}"));
                }
            }
        }
        serde_json::Value::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                acting_texts(item, format!("{path}[{i}]"), found);
            }
        }
        serde_json::Value::Object(fields) => {
            for (key, item) in fields {
                let path = if path.is_empty() {
                    key.clone()
                } else {
                    format!("{path}.{key}")
                };
                acting_texts(item, path, found);
            }
        }
        _ => {}
    }
}

/// JSON into `T`, or where it went wrong: the field's path, and the line and column.
fn parse<T: DeserializeOwned>(file: &str, text: &str) -> Result<T, Problem> {
    let mut json = serde_json::Deserializer::from_str(text);
    serde_path_to_error::deserialize(&mut json).map_err(|e| {
        let path = e.path().to_string();
        let inner = e.into_inner();
        // A syntax error has no field: the line and column say where.
        let syntax = matches!(
            inner.classify(),
            serde_json::error::Category::Syntax | serde_json::error::Category::Eof
        );
        let at = if path == "." || syntax {
            String::new()
        } else {
            format!("{path}: ")
        };
        Problem {
            file: file.to_string(),
            message: format!("{at}{inner}"),
        }
    })
}

fn check_dose(hold_secs: u32, reps: u32, at: &str, found: &mut Vec<String>) {
    if !(1..=MAX_HOLD_SECS).contains(&hold_secs) {
        found.push(format!(
            "{at}.hold_secs: must be from 1 to {MAX_HOLD_SECS} seconds (got {hold_secs})"
        ));
    }
    if !(1..=MAX_REPS).contains(&reps) {
        found.push(format!(
            "{at}.reps: must be from 1 to {MAX_REPS} (got {reps})"
        ));
    }
}

/// An exercise's own fields; nape's own must also name their sources.
fn check_exercise(e: &Exercise, at: &str, built_in: bool, found: &mut Vec<String>) {
    check_dose(e.hold_secs, e.reps, at, found);
    if e.name.trim().is_empty() || e.name.chars().count() > 24 {
        found.push(format!("{at}.name: must be 1 to 24 characters"));
    }
    if e.cues.is_empty() || e.cues.len() > 4 {
        found.push(format!(
            "{at}.cues: must be 1 to 4 lines (got {})",
            e.cues.len()
        ));
    }
    if e.picture.len() > 8 || e.picture.iter().any(|l| l.chars().count() > 24) {
        found.push(format!("{at}.picture: at most 8 lines of 24 characters"));
    }
    if built_in && e.say.trim().is_empty() {
        found.push(format!(
            "{at}.say: every built-in exercise says what to do, for the voice"
        ));
    }
    if e.say.chars().count() > 160 {
        found.push(format!("{at}.say: at most 160 characters"));
    }
    if names_sides(e) && e.sides == Sides::None {
        found.push(format!(
            "{at}: {{side}} and {{other}} need sides (left-right or back-forward)"
        ));
    }
    if let Some(m) = &e.movement
        && !(4..=30).contains(&m.cadence_secs)
    {
        found.push(format!(
            "{at}.movement.cadence_secs: slow movements take 4 to 30 seconds each (got {})",
            m.cadence_secs
        ));
    }
    if built_in && e.sources.is_empty() {
        found.push(format!(
            "{at}.sources: every built-in exercise names its source"
        ));
    }
}

/// Whether the exercise's words name its sides (`{side}`, `{other}`).
fn names_sides(e: &Exercise) -> bool {
    (e.cues.iter().chain([&e.say]))
        .chain(e.movement.iter().map(|m| &m.what))
        .any(|text| text.contains("{side}") || text.contains("{other}"))
}
