//! A change to the diary: one record added, updated or deleted. The app's screens say what they
//! want changed with these; the diary applies them to the store and then to memory.

use chrono::{DateTime, Utc};

use super::DiaryError;
use crate::domain::checkin::CheckIn;
use crate::domain::function::FunctionRating;
use crate::domain::redflag::Assessment;
use crate::domain::settings::Settings;
use crate::domain::stretch::RoutineSession;
use crate::domain::therapy::Session;
use crate::store::{Applied, Collection, Kind, Record, Store};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Action {
    Add,
    Update,
    /// An update that is refused if the stored record changed since `base` (its `updated_at`
    /// when the edit began).
    Edit {
        base: DateTime<Utc>,
    },
    Delete,
}

#[derive(Clone, Debug, PartialEq)]
pub enum Entry {
    CheckIn(Record<CheckIn>),
    Session(Record<Session>),
    Routine(Record<RoutineSession>),
    Function(Record<FunctionRating>),
    Assessment(Record<Assessment>),
    Settings(Record<Settings>),
}

#[derive(Clone, Debug, PartialEq)]
pub struct Change {
    pub action: Action,
    pub entry: Entry,
}

impl Change {
    pub fn add(entry: impl Into<Entry>) -> Change {
        Change {
            action: Action::Add,
            entry: entry.into(),
        }
    }

    pub fn update(entry: impl Into<Entry>) -> Change {
        Change {
            action: Action::Update,
            entry: entry.into(),
        }
    }

    /// An update made from a copy last changed at `base`: refused if it was changed since.
    pub fn edit(entry: impl Into<Entry>, base: DateTime<Utc>) -> Change {
        Change {
            action: Action::Edit { base },
            entry: entry.into(),
        }
    }

    pub fn delete(entry: impl Into<Entry>) -> Change {
        Change {
            action: Action::Delete,
            entry: entry.into(),
        }
    }
}

impl Entry {
    pub fn collection(&self) -> Collection {
        match self {
            Entry::CheckIn(_) => CheckIn::COLLECTION,
            Entry::Session(_) => Session::COLLECTION,
            Entry::Routine(_) => RoutineSession::COLLECTION,
            Entry::Function(_) => FunctionRating::COLLECTION,
            Entry::Assessment(_) => Assessment::COLLECTION,
            Entry::Settings(_) => Settings::COLLECTION,
        }
    }
}

macro_rules! entry_from {
    ($($kind:ident),*) => {$(
        impl From<Record<$kind>> for Entry {
            fn from(record: Record<$kind>) -> Entry {
                Entry::$kind(record)
            }
        }
    )*};
}

entry_from!(CheckIn, Session, Assessment, Settings);

impl From<Record<FunctionRating>> for Entry {
    fn from(record: Record<FunctionRating>) -> Entry {
        Entry::Function(record)
    }
}

impl From<Record<RoutineSession>> for Entry {
    fn from(record: Record<RoutineSession>) -> Entry {
        Entry::Routine(record)
    }
}

/// Carry out `action` on `record` in the store (a delete is dated `now`). A record that breaks
/// its kind's rules is never written.
pub(super) fn write<T: Kind>(
    store: &dyn Store,
    action: Action,
    record: &Record<T>,
    now: DateTime<Utc>,
) -> Result<Applied, DiaryError> {
    if action != Action::Delete {
        record.check(Some(now)).map_err(DiaryError::Invalid)?;
    }
    Ok(match action {
        Action::Add => store.add(record),
        Action::Update => store.update(record),
        Action::Edit { base } => store.edit(record, base),
        Action::Delete => store.delete(record, now),
    }?)
}
