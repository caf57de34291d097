//! The kinds the diary keeps a sorted list of, and where each list is.

use chrono::{DateTime, Utc};

use super::Diary;
use crate::domain::checkin::CheckIn;
use crate::domain::function::FunctionRating;
use crate::domain::redflag::Assessment;
use crate::domain::stretch::RoutineSession;
use crate::domain::therapy::Session;
use crate::store::{Kind, Record};

/// A kind the diary keeps a list of, sorted by `key`.
pub(super) trait Kept: Kind {
    fn list(diary: &mut Diary) -> &mut Vec<Record<Self>>;
    fn key(record: &Record<Self>) -> (DateTime<Utc>, uuid::Uuid);
}

impl Kept for CheckIn {
    fn list(diary: &mut Diary) -> &mut Vec<Record<Self>> {
        &mut diary.checkins
    }
    fn key(r: &Record<Self>) -> (DateTime<Utc>, uuid::Uuid) {
        (r.body.at, r.id)
    }
}

impl Kept for Session {
    fn list(diary: &mut Diary) -> &mut Vec<Record<Self>> {
        &mut diary.sessions
    }
    fn key(r: &Record<Self>) -> (DateTime<Utc>, uuid::Uuid) {
        (r.body.started_at, r.id)
    }
}

impl Kept for RoutineSession {
    fn list(diary: &mut Diary) -> &mut Vec<Record<Self>> {
        &mut diary.routines
    }
    fn key(r: &Record<Self>) -> (DateTime<Utc>, uuid::Uuid) {
        (r.body.started_at, r.id)
    }
}

impl Kept for Assessment {
    fn list(diary: &mut Diary) -> &mut Vec<Record<Self>> {
        &mut diary.assessments
    }
    fn key(r: &Record<Self>) -> (DateTime<Utc>, uuid::Uuid) {
        (r.body.at, r.id)
    }
}

impl Kept for FunctionRating {
    fn list(diary: &mut Diary) -> &mut Vec<Record<Self>> {
        &mut diary.function
    }
    fn key(r: &Record<Self>) -> (DateTime<Utc>, uuid::Uuid) {
        (r.body.at, r.id)
    }
}
