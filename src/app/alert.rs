//! What a change set off, shown: for a warning sign newly in force (whoever saved it) a
//! full-width message over every screen, the bell, and the running session and routine paused,
//! so the person acts on it rather than carries on; questions answered elsewhere closed.

use super::{App, Status};
use crate::diary::Outcome;
use crate::store::Notice;
use uuid::Uuid;

use crate::diary::DiaryError;
use crate::domain::checkin::Draft;
use crate::domain::redflag::{ActiveFlag, Level};
use crate::domain::therapy::{NOT_PAUSED, PackKind, paused_words};
use crate::keys;

#[derive(Clone, Debug, PartialEq)]
pub struct Alert {
    pub level: Level,
    pub title: String,
    pub lines: Vec<String>,
}

impl App {
    /// React to a change made here or read back from another writer, alike.
    pub(super) fn react(&mut self, outcome: &Outcome) {
        self.timers.answered(&outcome.answered);
        // Entries a sync tool's copy held, back in the diary: good news, said once.
        let folded = (outcome.notices.iter()).rfind(|n| matches!(n, Notice::Folded { .. }));
        if let Some(notice) = folded {
            self.status = Some(Status::Info(notice.to_string()));
        }
        // What was said about the session ("Paused: ...") is said again as it now is; an
        // action of this app's own says its own words after this.
        let changed = outcome
            .session
            .and_then(|id| self.diary.sessions().iter().find(|r| r.id == id));
        if let Some(session) = changed {
            self.status = Some(Status::Info(super::running::as_now(
                &session.body,
                self.now,
            )));
        }
        let Some(flag) = outcome.raised.first() else {
            return;
        };
        // Paused by this change, or already by the writer that raised the sign.
        let paused = match &outcome.paused {
            Some(Ok(kind)) => Some(*kind),
            _ => (self.diary.running())
                .filter(|r| r.body.is_paused())
                .map(|r| r.body.kind),
        };
        self.alert = Some(alert(flag, self.diary.emergency_number(), paused));
        self.bell += 1;
        self.stretches.pause(self.now);
        if let Some(Err(e)) = &outcome.paused {
            self.status = Some(Status::Error(format!("{NOT_PAUSED}: {e}")));
        }
    }
}

impl App {
    /// A check-in that could not be saved whose answers raise a warning sign (alone, or with
    /// what is stored): the message and the number all the same, first, then why it was not
    /// saved. Whether there was one to tell.
    pub(super) fn unsaved_sign(
        &mut self,
        asked: Option<&(Draft, Option<Uuid>)>,
        error: &DiaryError,
    ) -> bool {
        let Some((draft, replacing)) = asked else {
            return false;
        };
        let flags = match self.diary.zone().validate(draft, self.now) {
            Ok((checkin, _)) => self.diary.would_raise(&checkin, *replacing, self.now),
            Err(_) => Vec::new(),
        };
        let Some(flag) = flags.first() else {
            return false;
        };
        let number = self.diary.emergency_number();
        let def = flag.def;
        let lines = vec![
            def.advice(number),
            format!("Why: {}. It was not saved: {error}", flag.reason),
        ];
        self.alert = Some(Alert {
            level: def.level,
            title: title(def.level, number),
            lines,
        });
        self.bell += 1;
        true
    }
}

fn title(level: Level, number: &str) -> String {
    match level {
        Level::Emergency => format!("{} EMERGENCY: call {number} now", level.symbol()),
        _ => format!(
            "{} {}: get medical care today",
            level.symbol(),
            level.word()
        ),
    }
}

fn alert(flag: &ActiveFlag, number: &str, paused: Option<PackKind>) -> Alert {
    let level = flag.def.level;
    let title = title(level, number);
    // What to do now first: a small terminal may show only the first lines.
    let mut lines = vec![flag.def.advice(number)];
    lines.extend(paused.map(paused_words));
    lines.push(format!("Why: {}.", flag.reason));
    lines.push(format!(
        "Timers and stretches are locked. {}",
        keys::unlock()
    ));
    Alert {
        level,
        title,
        lines,
    }
}
