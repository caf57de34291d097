//! A change to one record: added, updated or deleted. Only the diary makes these (see `act`
//! and `therapy`); it applies each to the store and then to its own copy.

use chrono::{DateTime, Utc};

use super::DiaryError;
use crate::store::{Applied, Kind, Record, Store};

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
pub struct Change<T> {
    pub action: Action,
    pub record: Record<T>,
}

impl<T> Change<T> {
    pub fn add(record: Record<T>) -> Change<T> {
        Change {
            action: Action::Add,
            record,
        }
    }

    pub fn update(record: Record<T>) -> Change<T> {
        Change {
            action: Action::Update,
            record,
        }
    }

    /// An update made from a copy last changed at `base`: refused if it was changed since.
    pub fn edit(record: Record<T>, base: DateTime<Utc>) -> Change<T> {
        Change {
            action: Action::Edit { base },
            record,
        }
    }

    pub fn delete(record: Record<T>) -> Change<T> {
        Change {
            action: Action::Delete,
            record,
        }
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
