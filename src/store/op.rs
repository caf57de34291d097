//! Save operations, and how one changes a file's records. Shared by the disk and memory stores
//! so both mean the same thing by "add" and "merge".

use chrono::{DateTime, NaiveDate, Utc};
use uuid::Uuid;

use super::document::{Document, Tombstone};
use super::{RawRecord, StoreError};

#[derive(Clone, Debug, PartialEq)]
pub enum Op {
    /// Insert a new record. Re-adding the identical record is a no-op, so a retried save is safe.
    Add(RawRecord),
    /// Replace the record with this id (its date may have changed).
    Update(RawRecord),
    /// As `Update`, only if the stored record is still the one the edit began from (last
    /// changed at `base`): another window's or process's change is never silently undone.
    Edit {
        record: RawRecord,
        base: DateTime<Utc>,
    },
    /// Remove the record with this id, leaving a tombstone dated `at`; `date` says where to
    /// look first.
    Delete {
        id: Uuid,
        date: NaiveDate,
        at: DateTime<Utc>,
    },
    /// Import a deletion made elsewhere: remove the record unless it changed after it, and keep
    /// the tombstone.
    Bury(Tombstone),
    /// Import: insert if absent, replace if this copy was updated later, otherwise leave it.
    Merge(RawRecord),
}

impl Op {
    pub fn id(&self) -> Uuid {
        match self {
            Op::Add(r) | Op::Update(r) | Op::Merge(r) | Op::Edit { record: r, .. } => r.id,
            Op::Delete { id, .. } | Op::Bury(Tombstone { id, .. }) => *id,
        }
    }

    /// The date whose file the operation looks at first.
    pub fn date(&self) -> NaiveDate {
        match self {
            Op::Add(r) | Op::Update(r) | Op::Merge(r) | Op::Edit { record: r, .. } => r.date,
            Op::Delete { date, .. } | Op::Bury(Tombstone { date, .. }) => *date,
        }
    }
}

/// What an operation does given the record it finds with the same id (if any).
#[derive(Debug, PartialEq)]
pub enum Outcome {
    Nothing,
    Insert(RawRecord),
    Replace(RawRecord),
    /// Remove the record, leaving this tombstone where it was.
    Remove(Tombstone),
    /// No record to remove: only keep the tombstone (in the file of its date).
    Bury(Tombstone),
}

pub fn decide(
    op: Op,
    existing: Option<&RawRecord>,
    buried: Option<&Tombstone>,
) -> Result<Outcome, StoreError> {
    Ok(match (op, existing) {
        (Op::Add(new), None) => Outcome::Insert(new),
        (Op::Add(new), Some(old)) if &new == old => Outcome::Nothing,
        (Op::Add(new), Some(_)) => return Err(StoreError::Duplicate(new.id)),
        (Op::Update(new), Some(_)) => Outcome::Replace(new),
        (Op::Update(new), None) => return Err(StoreError::NotFound(new.id)),
        (Op::Edit { record, base }, Some(old)) if old.updated_at == base => {
            Outcome::Replace(record)
        }
        (Op::Edit { record, .. }, _) => return Err(StoreError::Changed(record.id)),
        (Op::Delete { id, date, at }, Some(_)) => Outcome::Remove(Tombstone {
            id,
            date,
            deleted_at: at,
        }),
        (Op::Delete { id, .. }, None) => return Err(StoreError::NotFound(id)),
        // Deleted at or after this copy was last changed: it stays deleted.
        (Op::Merge(new), None) if buried.is_some_and(|t| t.deleted_at >= new.updated_at) => {
            Outcome::Nothing
        }
        (Op::Merge(new), None) => Outcome::Insert(new),
        (Op::Merge(new), Some(old)) if new.updated_at > old.updated_at => Outcome::Replace(new),
        (Op::Merge(_), Some(_)) => Outcome::Nothing,
        (Op::Bury(t), Some(old)) if old.updated_at <= t.deleted_at => Outcome::Remove(t),
        (Op::Bury(_), Some(_)) => Outcome::Nothing,
        (Op::Bury(_), None) if buried.is_some() => Outcome::Nothing,
        (Op::Bury(t), None) => Outcome::Bury(t),
    })
}

/// Keep `tombstone` in `doc`, once per id, never in place of a later deletion of the same entry
/// (it would hide less). Deletions are kept for good: a copy of the entry may be on its way from
/// another desk (a sync tool can bring a file's removal before the file that replaces it), and
/// each is a few dozen bytes.
pub fn bury(doc: &mut Document, tombstone: Tombstone) {
    let later = |t: &Tombstone| t.id == tombstone.id && t.deleted_at > tombstone.deleted_at;
    if doc.deleted.iter().any(later) {
        return;
    }
    doc.deleted.retain(|t| t.id != tombstone.id);
    doc.deleted.push(tombstone);
}
