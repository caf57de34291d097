//! Undo: the last change to a check-in made on this desk (the app, the shell, another window),
//! taken back. Each check-in act notes the entry before and after it with the store; undo puts
//! the before back, if nothing has changed the entry since.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use super::change::Change;
use super::{Diary, DiaryError, Outcome};
use crate::domain::checkin::CheckIn;
use crate::record::Record;

/// How long a change can be undone. The notes hold copies of entries, a deleted one's too: they
/// are let go after a day, so a delete made for privacy leaves no copy behind for long.
const KEEP: chrono::Duration = chrono::Duration::hours(24);

/// A change as noted: when, the check-in before it (none if it was added) and after it (none
/// if it was deleted).
#[derive(Serialize, Deserialize)]
struct Noted {
    #[serde(default)]
    at: Option<DateTime<Utc>>,
    before: Option<Record<CheckIn>>,
    after: Option<Record<CheckIn>>,
}

impl Noted {
    fn stale(&self, now: DateTime<Utc>) -> bool {
        self.at.is_none_or(|at| now - at > KEEP)
    }
}

/// What undo took back.
#[derive(Clone, Debug, PartialEq)]
pub enum Undone {
    /// The check-in had been added: it is deleted again.
    Added(Record<CheckIn>),
    /// It had been changed: it is back as it was (this version).
    Edited(Record<CheckIn>),
    /// It had been deleted: it is back.
    Deleted(Record<CheckIn>),
}

impl Diary {
    fn checkin(&self, id: Uuid) -> Option<Record<CheckIn>> {
        self.checkins.iter().find(|r| r.id == id).cloned()
    }

    /// Carry out `act`, noting for undo what it did to a check-in. A note that cannot be kept
    /// costs only the undo: the change itself is saved.
    pub(super) fn noting(
        &mut self,
        id: Option<Uuid>,
        now: DateTime<Utc>,
        act: impl FnOnce(&mut Diary) -> Result<Outcome, DiaryError>,
    ) -> Result<Outcome, DiaryError> {
        let before = id.and_then(|id| self.checkin(id));
        let outcome = act(self)?;
        if let Some(id) = id {
            let noted = Noted {
                at: Some(now),
                before,
                after: self.checkin(id),
            };
            if let Ok(note) = serde_json::to_value(&noted) {
                let _ = self.store.remember(note);
            }
            self.let_go_of_stale(now);
        }
        Ok(outcome)
    }

    /// Forget the notes older than a day.
    fn let_go_of_stale(&self, now: DateTime<Utc>) {
        for note in self.store.changes().unwrap_or_default() {
            let stale = serde_json::from_value::<Noted>(note.clone()).is_ok_and(|n| n.stale(now));
            if stale {
                let _ = self.store.forget(&note);
            }
        }
    }

    /// Take back the last change to a check-in made on this desk, if the entry is still as that
    /// change left it; what was undone.
    pub fn undo(&mut self, now: DateTime<Utc>) -> Result<(Undone, Outcome), DiaryError> {
        self.let_go_of_stale(now);
        let notes = self.store.changes()?;
        let last = notes.last().ok_or_else(|| {
            DiaryError::Invalid(
                "nothing to undo: no change to a check-in was made here in the last day".into(),
            )
        })?;
        let noted: Noted = serde_json::from_value(last.clone()).map_err(|e| {
            DiaryError::Invalid(format!("the last change noted is unreadable ({e})"))
        })?;
        let id = (noted.before.as_ref().or(noted.after.as_ref()))
            .map(|r| r.id)
            .ok_or_else(|| DiaryError::Invalid("the last change noted names no entry".into()))?;
        let current = self.checkin(id);
        // As that change left it (an undo before this one restamps it, which is no change).
        let content = |r: &Option<Record<CheckIn>>| r.as_ref().map(|r| (r.date, r.body.clone()));
        if content(&current) != content(&noted.after) {
            // Changed since (on another desk, say): undo would throw that change away. It is
            // let go, so the next undo reaches the change before it.
            let _ = self.store.forget(last);
            return Err(DiaryError::Changed(id));
        }
        let (change, undone) = match (noted.before, current) {
            (None, Some(current)) => (Change::delete(current.clone()), Undone::Added(current)),
            (Some(mut before), Some(current)) => {
                // A new version of it, later than the one it replaces.
                before.updated_at = current.updated_at;
                before.touch(now);
                let base = current.updated_at;
                (Change::edit(before.clone(), base), Undone::Edited(before))
            }
            (Some(mut before), None) => {
                before.touch(now);
                (Change::add(before.clone()), Undone::Deleted(before))
            }
            (None, None) => {
                return Err(DiaryError::Invalid(
                    "the last change noted names no entry".into(),
                ));
            }
        };
        let outcome = self.save(change, now)?;
        let _ = self.store.forget(last);
        Ok((undone, outcome))
    }
}
