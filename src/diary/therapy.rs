//! The cold and heat actions, carried out once for the app and the shell alike: each checks what
//! the protocol and the warning signs allow, saves through the store, and returns the session as
//! saved with what the change set off. Each front end only words the result.

use chrono::{DateTime, Utc};
use uuid::Uuid;

use super::DiaryError;
use super::{Change, Diary, Outcome};
use crate::domain::therapy::{EndReason, PackKind, Session, Skin, TimerError};
use crate::record::Record;

/// A change to the cold and heat sessions, from a key or a command.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum TimerAction {
    /// Start a session: `minutes` (the settings' length if `None`), pain before, and whether
    /// to start in spite of the protocol's cautions (the person was asked, or said --anyway).
    Start {
        kind: PackKind,
        minutes: Option<i64>,
        pain: Option<u8>,
        anyway: bool,
    },
    Pause,
    Resume,
    /// One more minute, up to the cap.
    Extend,
    /// Stop the running session early, with pain after if given.
    Stop {
        pain: Option<u8>,
    },
    /// Answer the skin check that is due; numb skin stops the session, check due or not.
    Skin(Skin),
    /// Pain after `session` (the last one ended if `None`); `None` pain skips it for good.
    Rate {
        session: Option<Uuid>,
        pain: Option<u8>,
    },
    /// Settle what time did to the running session: one whose time ran out (perhaps while
    /// nothing was watching) is closed at its planned end; one whose start is ahead of this
    /// clock counts from now.
    Settle,
}

/// Why an action was not carried out. Each front end words it with its own keys or commands.
#[derive(Debug, thiserror::Error)]
pub enum Refused {
    /// An emergency or urgent sign is unassessed: the lock sentence, with the number.
    #[error("{0}")]
    Locked(String),
    #[error("a {} session is already running", .0.name().to_lowercase())]
    Running(PackKind),
    /// The protocol advises against it now, for these reasons.
    #[error("{}", .0.join("; "))]
    Cautions(Vec<String>),
    #[error("no session is running")]
    NotRunning,
    #[error("no skin check is due now")]
    NoSkinCheck,
    #[error("no session has ended yet")]
    NoneEnded,
    /// The session asked about is no longer in the diary (deleted elsewhere) or not ended.
    #[error("that session is no longer in the diary")]
    Gone,
    #[error("{0}")]
    Timer(#[from] TimerError),
    #[error("{0}")]
    Saving(#[from] DiaryError),
}

/// An action carried out: the session as saved, and what the change set off.
#[derive(Debug)]
pub struct Done {
    pub session: Record<Session>,
    pub outcome: Outcome,
    /// The skin check answered, by its minute mark.
    pub mark: Option<u32>,
    /// For `Settle`: what was settled (`None`: nothing needed it).
    pub settled: Option<Settled>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Settled {
    /// The start was ahead of this clock: it now counts from now.
    StartMoved,
    /// Its time ran out: closed at its planned end.
    Finished,
}

impl Diary {
    /// Carry out `action` at `now`.
    pub fn timer(&mut self, action: TimerAction, now: DateTime<Utc>) -> Result<Done, Refused> {
        match action {
            TimerAction::Start {
                kind,
                minutes,
                pain,
                anyway,
            } => self.start_session(kind, minutes, pain, anyway, now),
            TimerAction::Pause => self.change_running(now, |s| s.pause(now)),
            // Locked means locked: nothing runs on, only stopping (and pausing) is allowed.
            TimerAction::Resume => {
                self.refuse_if_locked()?;
                self.change_running(now, |s| s.resume(now))
            }
            TimerAction::Extend => {
                self.refuse_if_locked()?;
                let cap = self.limits().max_minutes;
                self.change_running(now, |s| s.extend(cap))
            }
            TimerAction::Stop { pain } => self.change_running(now, |s| {
                s.stop(now, EndReason::Stopped)?;
                s.pain_after = pain;
                s.after_asked = pain.is_some();
                Ok(())
            }),
            TimerAction::Skin(skin) => self.answer_skin(skin, now),
            TimerAction::Rate { session, pain } => self.rate_session(session, pain, now),
            TimerAction::Settle => self.settle(now),
        }
    }

    fn start_session(
        &mut self,
        kind: PackKind,
        minutes: Option<i64>,
        pain: Option<u8>,
        anyway: bool,
        now: DateTime<Utc>,
    ) -> Result<Done, Refused> {
        self.refuse_if_locked()?;
        self.settle_running(now)?;
        if let Some(running) = self.running() {
            return Err(Refused::Running(running.body.kind));
        }
        let reasons = self.cautions(kind, now);
        if !reasons.is_empty() && !anyway {
            return Err(Refused::Cautions(reasons));
        }
        let minutes = minutes.unwrap_or(self.limits().session_minutes);
        let mut session = Session::new(kind, minutes, now);
        session.pain_before = pain;
        let record = Record::new(session, self.zone.date(now), now);
        self.done(Change::add(record.clone()), record, now)
    }

    /// While an emergency or urgent sign is unassessed: the lock sentence, with the number.
    fn refuse_if_locked(&self) -> Result<(), Refused> {
        match self.lock() {
            Some(flag) => Err(Refused::Locked(flag.lock_sentence(self.emergency_number()))),
            None => Ok(()),
        }
    }

    /// Change the session not yet ended with `change`, and save it.
    fn change_running(
        &mut self,
        now: DateTime<Utc>,
        change: impl FnOnce(&mut Session) -> Result<(), TimerError>,
    ) -> Result<Done, Refused> {
        self.settle_running(now)?;
        let mut record = self.running().cloned().ok_or(Refused::NotRunning)?;
        change(&mut record.body)?;
        record.touch(now);
        self.done(Change::update(record.clone()), record, now)
    }

    fn answer_skin(&mut self, felt: Skin, now: DateTime<Utc>) -> Result<Done, Refused> {
        let numb = felt == Skin::Numb;
        self.settle_running(now)?;
        let due = self.skin_check_due(now);
        let mut record = (self.running().cloned())
            .filter(|_| due.is_some() || numb)
            .ok_or(Refused::NoSkinCheck)?;
        match due {
            Some(mark) => record.body.answer_skin_check(mark, felt, now)?,
            None => record.body.stop(now, EndReason::Numb)?,
        }
        record.touch(now);
        let mut done = self.done(Change::update(record.clone()), record, now)?;
        done.mark = due;
        Ok(done)
    }

    fn rate_session(
        &mut self,
        id: Option<Uuid>,
        pain: Option<u8>,
        now: DateTime<Utc>,
    ) -> Result<Done, Refused> {
        self.settle_running(now)?;
        let mut ended = self.sessions.iter().filter(|r| r.body.ended_at.is_some());
        let mut record = match id {
            Some(id) => ended.find(|r| r.id == id).cloned().ok_or(Refused::Gone)?,
            None => (ended.max_by_key(|r| r.body.ended_at).cloned()).ok_or(Refused::NoneEnded)?,
        };
        // Asked, answered or not: a skipped rating is not asked again.
        record.body.after_asked = true;
        record.body.pain_after = pain.or(record.body.pain_after);
        record.touch(now);
        self.done(Change::update(record.clone()), record, now)
    }

    /// Settle the running session if time requires it (see `TimerAction::Settle`).
    fn settle(&mut self, now: DateTime<Utc>) -> Result<Done, Refused> {
        match self.settle_running(now)? {
            Some(done) => Ok(done),
            None => {
                let running = self.running().cloned().ok_or(Refused::NotRunning)?;
                Ok(Done::nothing(running))
            }
        }
    }

    /// What `settle` does, before any other action: `None` when nothing needed settling.
    fn settle_running(&mut self, now: DateTime<Utc>) -> Result<Option<Done>, Refused> {
        let Some(mut record) = self.running().cloned() else {
            return Ok(None);
        };
        let settled = if record.body.start_not_after(now) {
            Settled::StartMoved
        } else if record.body.finish_if_due(now) {
            Settled::Finished
        } else {
            return Ok(None);
        };
        record.touch(now);
        let mut done = self.done(Change::update(record.clone()), record, now)?;
        done.settled = Some(settled);
        Ok(Some(done))
    }

    fn done(
        &mut self,
        change: Change<Session>,
        session: Record<Session>,
        now: DateTime<Utc>,
    ) -> Result<Done, Refused> {
        let outcome = self.save(change, now)?;
        // A sign raised by this save pauses the session: hand back the session as stored.
        let session =
            (self.sessions.iter().find(|r| r.id == session.id).cloned()).unwrap_or(session);
        Ok(Done {
            session,
            outcome,
            mark: None,
            settled: None,
        })
    }
}

impl Done {
    fn nothing(session: Record<Session>) -> Done {
        Done {
            session,
            outcome: Outcome::default(),
            mark: None,
            settled: None,
        }
    }
}
