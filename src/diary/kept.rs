//! Where the diary keeps each kind in memory, and how a saved change reaches that copy.

use super::{Action, Diary};
use crate::domain::checkin::CheckIn;
use crate::domain::function::FunctionRating;
use crate::domain::redflag::Assessment;
use crate::domain::settings::Settings;
use crate::domain::stretch::RoutineSession;
use crate::domain::therapy::Session;
use crate::domain::trends;
use crate::record::{Kind, Record};

/// A kind the diary holds: how a change saved to the store is applied to this copy.
pub(super) trait Kept: Kind {
    fn keep(diary: &mut Diary, action: Action, record: Record<Self>);
}

/// A kind the diary holds as a list, sorted by the kind's key.
pub(super) trait Listed: Kind {
    fn list(diary: &mut Diary) -> &mut Vec<Record<Self>>;
}

/// The record replaces its old copy in `list`, in order; a delete only removes it.
fn listed<T: Kind>(list: &mut Vec<Record<T>>, action: Action, record: Record<T>) {
    list.retain(|r| r.id != record.id);
    if action != Action::Delete {
        let at = list.partition_point(|r| T::key(r) < T::key(&record));
        list.insert(at, record);
    }
}

macro_rules! listed {
    ($($kind:ty => $field:ident),*) => {$(
        impl Listed for $kind {
            fn list(diary: &mut Diary) -> &mut Vec<Record<Self>> {
                &mut diary.$field
            }
        }
    )*};
}

listed!(CheckIn => checkins, Session => sessions, RoutineSession => routines,
    Assessment => assessments, FunctionRating => function);

macro_rules! kept_in_list {
    ($($kind:ty),*) => {$(
        impl Kept for $kind {
            fn keep(diary: &mut Diary, action: Action, record: Record<Self>) {
                listed(Self::list(diary), action, record);
            }
        }
    )*};
}

kept_in_list!(Session, RoutineSession, Assessment, FunctionRating);

impl Kept for CheckIn {
    /// The daily series follows, on the day the check-in left and the day it joined.
    fn keep(diary: &mut Diary, action: Action, record: Record<Self>) {
        let before = diary.checkins.iter().find(|c| c.id == record.id);
        let days = before.map(|c| c.date).into_iter().chain([record.date]);
        let days: Vec<_> = days.collect();
        listed(&mut diary.checkins, action, record);
        for day in days {
            let entries = diary.checkins_on(day).map(|r| &r.body);
            let figures = trends::day(day, entries);
            trends::replace(&mut diary.days, day, figures);
        }
    }
}

impl Kept for Settings {
    fn keep(diary: &mut Diary, action: Action, record: Record<Self>) {
        diary.settings = (action != Action::Delete).then_some(record);
        diary.check_number();
    }
}
