//! What a change set off, whoever made it. The diary is looked at before and after the change
//! (its own save, or another writer's read back), so a pattern this change completed counts
//! whatever the dates of its parts, and the app and the shell react to any writer alike.

use chrono::{DateTime, Utc};
use uuid::Uuid;

use super::{Change, Diary, DiaryError};
use crate::domain::redflag::ActiveFlag;
use crate::domain::therapy::{PackKind, Session, State};
use crate::record::{Kind, Record};
use crate::store::Notice;

/// What one change set off.
#[derive(Clone, Debug, Default)]
pub struct Outcome {
    /// What the store noticed on the way (a repaired file, say).
    pub notices: Vec<Notice>,
    /// Emergency and urgent signs newly in force, most urgent first: not held before, or held
    /// from an earlier report and reported anew.
    pub raised: Vec<ActiveFlag>,
    /// The cold or heat session that was counting down, paused because of `raised` (and the
    /// pause recorded); the error in words if it could not be.
    pub paused: Option<Result<PackKind, String>>,
    /// Questions no longer waiting for an answer: answered here or elsewhere, or their session
    /// over.
    pub answered: Vec<Answered>,
    /// The newest cold or heat session changed (started, paused, resumed, lengthened, ended):
    /// what was said about it may no longer be true.
    pub session: Option<Uuid>,
}

/// A question nape asks about a session, once it needs no answer.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Answered {
    /// The running cold session's skin check at this minute mark.
    SkinCheck(u32),
    /// Pain after this session: rated, or skipped.
    PainAfter(Uuid),
}

/// The diary as the comparison needs it, taken just before a change.
pub(super) struct Before {
    /// The locking signs and when each was raised; `None` while the signs are not known (the
    /// history not yet read), when nothing counts as newly raised.
    locking: Option<Vec<(String, DateTime<Utc>)>>,
    skin: Option<u32>,
    unrated: Vec<Uuid>,
    session: Option<Record<Session>>,
}

impl Diary {
    pub(super) fn before(&self, now: DateTime<Utc>) -> Before {
        let known = self.evaluated_on.is_some() && !self.checking();
        Before {
            locking: known.then(|| {
                (self.flags.iter())
                    .filter(|f| f.locks())
                    .map(|f| (f.def.id.clone(), f.raised_at))
                    .collect()
            }),
            skin: self.skin_check_due(now),
            unrated: self.unrated(now).map(|r| r.id).collect(),
            session: self.sessions.last().cloned(),
        }
    }

    /// Compare with `before`, and pause a running session if a sign was raised.
    pub(super) fn outcome(
        &mut self,
        before: Before,
        notices: Vec<Notice>,
        now: DateTime<Utc>,
    ) -> Outcome {
        let raised: Vec<ActiveFlag> = match &before.locking {
            None => Vec::new(),
            Some(held) => (self.flags.iter())
                .filter(|f| f.locks() && !held.contains(&(f.def.id.clone(), f.raised_at)))
                .cloned()
                .collect(),
        };
        let paused = if raised.is_empty() {
            None
        } else {
            self.pause_running(now)
        };
        let skin = self.skin_check_due(now);
        let unrated: Vec<Uuid> = self.unrated(now).map(|r| r.id).collect();
        let answered = (before.skin.filter(|mark| skin != Some(*mark)))
            .map(Answered::SkinCheck)
            .into_iter()
            .chain(
                (before.unrated.into_iter())
                    .filter(|id| !unrated.contains(id))
                    .map(Answered::PainAfter),
            )
            .collect();
        let newest = self.sessions.last();
        let session = (newest != before.session.as_ref())
            .then(|| newest.map(|r| r.id))
            .flatten();
        Outcome {
            notices,
            raised,
            paused,
            answered,
            session,
        }
    }

    /// Pause the session counting down, and record the pause. `None` when none was counting.
    fn pause_running(&mut self, now: DateTime<Utc>) -> Option<Result<PackKind, String>> {
        let mut record = self.running().cloned()?;
        if !matches!(record.body.state(now), State::Running { .. }) {
            return None;
        }
        let (kind, base) = (record.body.kind, record.updated_at);
        if let Err(e) = record.body.pause(now) {
            return Some(Err(e.to_string()));
        }
        record.touch(now);
        // Refused if another writer changed the session since this copy was read (a stop, a
        // resume, or the same pause from another window): that change stands, and is read next.
        match self.commit(Change::edit(record, base), now) {
            Ok(_) => Some(Ok(kind)),
            // The writer that raised the sign pauses its session too: read what it saved.
            Err(DiaryError::Changed(_)) => {
                self.stamps.remove(Session::COLLECTION.name);
                self.read(now);
                let paused = self.running().is_some_and(|r| r.body.is_paused());
                paused.then_some(Ok(kind))
            }
            Err(e) => Some(Err(e.to_string())),
        }
    }
}
