//! Save operations, and how one changes a file's records. Shared by the disk and memory stores
//! so both mean the same thing by "add" and "merge".

use chrono::{DateTime, NaiveDate, Utc};
use uuid::Uuid;

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
    /// Remove the record with this id; `date` says where to look first.
    Delete { id: Uuid, date: NaiveDate },
    /// Import: insert if absent, replace if this copy was updated later, otherwise leave it.
    Merge(RawRecord),
}

impl Op {
    pub fn id(&self) -> Uuid {
        match self {
            Op::Add(r) | Op::Update(r) | Op::Merge(r) | Op::Edit { record: r, .. } => r.id,
            Op::Delete { id, .. } => *id,
        }
    }

    /// The date whose file the operation looks at first.
    pub fn date(&self) -> NaiveDate {
        match self {
            Op::Add(r) | Op::Update(r) | Op::Merge(r) | Op::Edit { record: r, .. } => r.date,
            Op::Delete { date, .. } => *date,
        }
    }
}

/// What an operation does given the record it finds with the same id (if any).
#[derive(Debug, PartialEq)]
pub enum Outcome {
    Nothing,
    Insert(RawRecord),
    Replace(RawRecord),
    Remove,
}

pub fn decide(op: Op, existing: Option<&RawRecord>) -> Result<Outcome, StoreError> {
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
        (Op::Delete { .. }, Some(_)) => Outcome::Remove,
        (Op::Delete { id, .. }, None) => return Err(StoreError::NotFound(id)),
        (Op::Merge(new), None) => Outcome::Insert(new),
        (Op::Merge(new), Some(old)) if new.updated_at > old.updated_at => Outcome::Replace(new),
        (Op::Merge(_), Some(_)) => Outcome::Nothing,
    })
}
