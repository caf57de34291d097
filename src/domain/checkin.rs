//! A check-in: how the neck is at a moment. The draft and its validation are shared by the
//! Today form and `nape log`, so both accept and refuse exactly the same things.

use std::fmt;

use chrono::{DateTime, Datelike, NaiveDate, Offset, TimeZone, Utc};
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use super::text;
use super::vocabulary::{self, Term};

#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
pub struct CheckIn {
    /// The moment described (now, or an earlier time when backfilling).
    pub at: DateTime<Utc>,
    pub pain: u8,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub worst: Option<u8>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub stiffness: Option<u8>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub locations: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub symptoms: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub context: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub treatments: Vec<String>,
    /// Medicine names only; nape never records or suggests doses.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub medicines: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// Pain only: symptoms were not asked, so a symptom missing from this check-in is not a "no".
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub quick: bool,
    /// Seconds east of UTC where it was made: its time is shown as it was there, whatever the
    /// zone later (absent in check-ins from before nape kept it).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub offset: Option<i32>,
    /// Fields from a newer nape, kept through edits.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

impl CheckIn {
    /// A check-in with only the pain now; the other fields empty.
    pub fn new(at: DateTime<Utc>, pain: u8) -> CheckIn {
        CheckIn {
            at,
            pain,
            worst: None,
            stiffness: None,
            locations: Vec::new(),
            symptoms: Vec::new(),
            context: Vec::new(),
            treatments: Vec::new(),
            medicines: Vec::new(),
            note: None,
            quick: false,
            offset: None,
            extra: Map::new(),
        }
    }
}

/// The most medicines one check-in names.
pub const MEDICINES_MAX: usize = 20;

/// No check-in describes a moment before this year (a typo such as year 0 would otherwise make
/// a month file thousands of years away).
pub const EARLIEST_YEAR: i32 = 1900;

impl CheckIn {
    /// The check-in's own rules, whatever its values came from (the form, `nape log`, an import,
    /// a hand-edited file): ratings 0-10, the worst not below the pain now, a time from 1900,
    /// medicine names and notes not empty.
    pub fn check(&self) -> Result<(), Vec<FieldError>> {
        let mut errors = Vec::new();
        let mut error = |field, message: String| errors.push(FieldError { field, message });
        for (field, value) in [
            (Field::Pain, Some(self.pain)),
            (Field::Worst, self.worst),
            (Field::Stiffness, self.stiffness),
        ] {
            if let Some(n) = value.filter(|n| *n > 10) {
                error(
                    field,
                    format!("must be a whole number from 0 to 10 (got {n})"),
                );
            }
        }
        if let Some(w) = self.worst.filter(|w| *w < self.pain) {
            error(
                Field::Worst,
                format!("({w}) cannot be lower than the pain now ({})", self.pain),
            );
        }
        let lists = [
            (Field::Where, vocabulary::LOCATIONS, &self.locations),
            (Field::Symptom, vocabulary::symptom_terms(), &self.symptoms),
            (Field::Context, vocabulary::CONTEXT, &self.context),
            (Field::Treatment, vocabulary::TREATMENTS, &self.treatments),
        ];
        for (field, terms, ids) in lists {
            if let Some(id) = ids.iter().find(|id| vocabulary::label(terms, id).is_none()) {
                error(field, format!("\"{id}\" is not known"));
            }
        }
        if self.at.year() < EARLIEST_YEAR {
            error(Field::At, format!("must be from {EARLIEST_YEAR} on"));
        }
        if self.medicines.iter().any(|m| m.trim().is_empty()) {
            error(Field::Medicine, "is empty; give the medicine's name".into());
        }
        if let Some(why) = self
            .medicines
            .iter()
            .find_map(|m| text::check_name(m).err())
        {
            error(Field::Medicine, why);
        }
        if self.medicines.len() > MEDICINES_MAX {
            let n = self.medicines.len();
            error(
                Field::Medicine,
                format!("names at most {MEDICINES_MAX} medicines (got {n})"),
            );
        }
        if self.note.as_ref().is_some_and(|n| n.trim().is_empty()) {
            error(
                Field::Note,
                "is empty; write something or leave the note out".into(),
            );
        }
        if let Some(why) = self.note.as_deref().and_then(|n| text::check_note(n).err()) {
            error(Field::Note, why);
        }
        if errors.is_empty() {
            Ok(())
        } else {
            Err(errors)
        }
    }
}

/// A check-in with the local date it belongs to and when it was last entered or changed (which
/// is later than `at` when backfilled). Histories are sorted by `at`.
#[derive(Clone, Copy, Debug)]
pub struct Dated<'a> {
    pub date: NaiveDate,
    pub entered: DateTime<Utc>,
    pub checkin: &'a CheckIn,
}

/// What the person typed, before validation. Empty strings mean "not given".
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Draft {
    pub pain: String,
    pub worst: String,
    pub stiffness: String,
    /// Local time "YYYY-MM-DD HH:MM"; empty means now.
    pub at: String,
    pub locations: Vec<String>,
    pub symptoms: Vec<String>,
    pub context: Vec<String>,
    pub treatments: Vec<String>,
    pub medicines: Vec<String>,
    /// `None`: no note. `Some` must hold some text.
    pub note: Option<String>,
    /// Only the pain was asked (see `CheckIn::quick`).
    pub quick: bool,
}

impl Draft {
    /// A check-in's answers as typed again, its time left out (an edit keeps it unless moved).
    pub fn of(c: &CheckIn) -> Draft {
        let rating = |n: Option<u8>| n.map_or(String::new(), |n| n.to_string());
        Draft {
            pain: c.pain.to_string(),
            worst: rating(c.worst),
            stiffness: rating(c.stiffness),
            at: String::new(),
            locations: c.locations.clone(),
            symptoms: c.symptoms.clone(),
            context: c.context.clone(),
            treatments: c.treatments.clone(),
            medicines: c.medicines.clone(),
            note: c.note.clone(),
            quick: c.quick,
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Field {
    Pain,
    Worst,
    Stiffness,
    At,
    Where,
    Symptom,
    Context,
    Treatment,
    Medicine,
    Note,
}

impl Field {
    /// The name used on the command line and in messages.
    pub fn name(self) -> &'static str {
        match self {
            Field::Pain => "pain",
            Field::Worst => "worst",
            Field::Stiffness => "stiffness",
            Field::At => "at",
            Field::Where => "where",
            Field::Symptom => "symptom",
            Field::Context => "context",
            Field::Treatment => "treatment",
            Field::Medicine => "medicine",
            Field::Note => "note",
        }
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct FieldError {
    pub field: Field,
    pub message: String,
}

impl fmt::Display for FieldError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} {}", self.field.name(), self.message)
    }
}

pub use super::when::{TIME_FORMAT, parse_local_time};

/// A 0-10 rating. The message names the range, so the person knows what to type instead.
pub fn parse_rating(field: Field, text: &str) -> Result<u8, FieldError> {
    let text = text.trim();
    match text.parse::<u8>() {
        Ok(n) if n <= 10 => Ok(n),
        _ => Err(FieldError {
            field,
            message: format!("must be a whole number from 0 to 10 (got \"{text}\")"),
        }),
    }
}

fn parse_optional_rating(field: Field, text: &str) -> Result<Option<u8>, FieldError> {
    if text.trim().is_empty() {
        Ok(None)
    } else {
        parse_rating(field, text).map(Some)
    }
}

/// Symptoms are the plain ones plus the warning-sign questions, answered by their ids.
fn check_symptoms(given: &[String]) -> Result<Vec<String>, FieldError> {
    let terms = vocabulary::symptom_terms();
    check_ids(Field::Symptom, terms, given)
}

/// Known ids only, each once, in the order given.
fn check_ids(field: Field, terms: &[Term], given: &[String]) -> Result<Vec<String>, FieldError> {
    let mut out: Vec<String> = Vec::new();
    for typed in given {
        let Some(id) = vocabulary::find(terms, typed) else {
            let typed = typed.trim();
            let hint = match vocabulary::nearest(terms, typed) {
                Some(near) => format!("did you mean \"{near}\"? Known"),
                None => "use one of".into(),
            };
            return Err(FieldError {
                field,
                message: format!(
                    "\"{typed}\" is not known; {hint}: {}",
                    vocabulary::ids(terms)
                ),
            });
        };
        if !out.iter().any(|o| o == id) {
            out.push(id.to_string());
        }
    }
    Ok(out)
}

impl Draft {
    /// Check every field; on success the check-in and the local date it belongs to.
    pub fn validate<Tz: TimeZone>(
        &self,
        tz: &Tz,
        now: DateTime<Utc>,
    ) -> Result<(CheckIn, NaiveDate), Vec<FieldError>> {
        let mut errors = Vec::new();

        let pain = keep(&mut errors, parse_rating(Field::Pain, &self.pain));
        let worst = keep(
            &mut errors,
            parse_optional_rating(Field::Worst, &self.worst),
        )
        .flatten();
        let stiffness = keep(
            &mut errors,
            parse_optional_rating(Field::Stiffness, &self.stiffness),
        )
        .flatten();
        let at = if self.at.trim().is_empty() {
            Some(now)
        } else {
            keep(&mut errors, parse_local_time(&self.at, tz, now))
        };
        let locations = keep(
            &mut errors,
            check_ids(Field::Where, vocabulary::LOCATIONS, &self.locations),
        );
        let symptoms = keep(&mut errors, check_symptoms(&self.symptoms));

        let context = keep(
            &mut errors,
            check_ids(Field::Context, vocabulary::CONTEXT, &self.context),
        );
        let treatments = keep(
            &mut errors,
            check_ids(Field::Treatment, vocabulary::TREATMENTS, &self.treatments),
        );
        // Fields that did not parse stand in as harmless values, so the check-in's own rules
        // (the same for every source) still report every other bad field at once.
        let checkin = CheckIn {
            at: at.unwrap_or(now),
            pain: pain.unwrap_or(0),
            worst,
            stiffness,
            locations: locations.unwrap_or_default(),
            symptoms: symptoms.unwrap_or_default(),
            context: context.unwrap_or_default(),
            treatments: treatments.unwrap_or_default(),
            medicines: self
                .medicines
                .iter()
                .map(|m| m.trim().to_string())
                .collect(),
            note: self.note.clone(),
            quick: self.quick,
            offset: at.map(|at| {
                tz.offset_from_utc_datetime(&at.naive_utc())
                    .fix()
                    .local_minus_utc()
            }),
            extra: Map::new(),
        };
        let bad: Vec<Field> = errors.iter().map(|e| e.field).collect();
        let rules = checkin.check().err().unwrap_or_default();
        errors.extend(rules.into_iter().filter(|e| !bad.contains(&e.field)));
        if !errors.is_empty() {
            return Err(errors);
        }
        let at = checkin.at;
        Ok((checkin, at.with_timezone(tz).date_naive()))
    }
}

/// The value if valid; otherwise the error is collected and the field left unset.
fn keep<T>(errors: &mut Vec<FieldError>, result: Result<T, FieldError>) -> Option<T> {
    result.map_err(|e| errors.push(e)).ok()
}
