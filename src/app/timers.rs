//! The Timers screen's behaviour: starting a cold or heat session safely (notes, cautions, pain
//! before), pausing, extending, stopping, skin checks, and noticing when a session's time is up.

use chrono::{DateTime, Utc};

use super::{App, Confirm, Msg, Status};
use crate::domain::checkin::{Field, parse_rating};
use crate::domain::settings::Settings;
use crate::domain::therapy::limits::{Limits, bounds};
use crate::domain::therapy::protocol;
use crate::domain::therapy::{EndReason, PackKind, Session, State};
use crate::store::Record;

/// A question the Timers screen is waiting on.
#[derive(Clone, Debug, PartialEq)]
pub enum TimerPrompt {
    /// First use of a kind: its safety notes, acknowledged with y.
    Safety(PackKind),
    /// Pain before starting (digits, Enter; Enter alone skips).
    PainBefore(PackKind),
    /// The session ended: what happened, and pain after (Enter alone skips).
    PainAfter { id: uuid::Uuid, message: String },
    /// A cold skin check at this minute mark: 1 cold, 2 burning, 3 aching, 4 numb.
    SkinCheck(u32),
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct TimerView {
    pub prompt: Option<TimerPrompt>,
    /// Digits typed for a pain prompt.
    pub typed: String,
}

impl App {
    pub fn limits(&self) -> Limits {
        self.settings
            .as_ref()
            .map_or(Limits::new(None, None, None), |s| s.body.limits())
    }

    /// The running (not yet ended) session, if any.
    pub fn running(&self) -> Option<&Record<Session>> {
        self.sessions
            .iter()
            .rev()
            .find(|s| s.body.ended_at.is_none())
    }

    /// The start of the onset day in UTC, for the protocol's hour counts.
    pub fn episode_start(&self) -> Option<DateTime<Utc>> {
        let onset = self.settings.as_ref()?.body.onset?;
        self.zone.start_of(onset)
    }

    /// The sessions themselves, without their record envelopes, oldest first.
    pub fn session_bodies(&self) -> impl Iterator<Item = &Session> {
        self.sessions.iter().map(|r| &r.body)
    }

    /// Record a session whose time ran out (perhaps while nape was closed), ring, and ask for
    /// pain after. Also raise a due skin check. Returns whether anything changed.
    pub(super) fn advance_timer(&mut self) -> bool {
        let Some(record) = self.running().cloned() else {
            return false;
        };
        let mut session = record.clone();
        if session.body.finish_if_due(self.now) {
            let ended = session.body.ended_at.unwrap_or(self.now);
            let ago = (self.now - ended).num_minutes();
            let kind = session.body.kind.name();
            let message = if ago >= 1 {
                format!(
                    "{kind} session ended {ago} minute{} ago.",
                    if ago == 1 { "" } else { "s" }
                )
            } else {
                format!("{kind} session finished. Take the pack off and look at your skin.")
            };
            session.updated_at = self.now;
            let result = self.store.as_ref().update(&session);
            if self.save(result, message.clone()) {
                self.bell += 1;
                self.timer.prompt = Some(TimerPrompt::PainAfter {
                    id: session.id,
                    message,
                });
                self.timer.typed.clear();
            }
            return true;
        }
        let marks = &bounds().skin_check_minutes;
        if self.timer.prompt.is_none()
            && let Some(mark) = record.body.skin_check_due(marks, self.now)
        {
            self.timer.prompt = Some(TimerPrompt::SkinCheck(mark));
            self.bell += 1;
        }
        // A running countdown changes what is on screen every second.
        matches!(
            record.body.state(self.now),
            State::Running { .. } | State::Due
        )
    }

    pub(super) fn update_timers(&mut self, msg: Msg) {
        match self.timer.prompt.clone() {
            Some(prompt) => self.answer_prompt(prompt, msg),
            None => match msg {
                Msg::StartTimer(kind) => self.begin_start(kind),
                Msg::PauseResume => self.change_running(|s, now| {
                    if s.is_paused() {
                        s.resume(now)
                    } else {
                        s.pause(now)
                    }
                }),
                Msg::Extend => {
                    let cap = self.limits().max_minutes;
                    self.change_running(move |s, _| s.extend(cap));
                }
                Msg::StopTimer => self.stop_running(EndReason::Stopped),
                _ => {}
            },
        }
    }

    /// Start a session of `kind` (or the recommended one): notes first time, then cautions,
    /// then pain before.
    fn begin_start(&mut self, kind: Option<PackKind>) {
        if let Some(flag) = self.flags.iter().find(|f| f.locks()) {
            self.status = Some(Status::Error(format!(
                "Timers are locked: {}. Record a clinician's assessment on the Red flags screen first.",
                flag.def.short
            )));
            return;
        }
        if self.running().is_some() {
            self.status = Some(Status::Error(
                "A session is already running: x stops it.".into(),
            ));
            return;
        }
        let kind = kind.unwrap_or_else(|| {
            protocol::recommend(self.episode_start(), self.now, &self.limits()).0
        });
        let seen = self
            .settings
            .as_ref()
            .is_some_and(|s| s.body.safety_seen.contains(&kind));
        if !seen {
            self.timer.prompt = Some(TimerPrompt::Safety(kind));
            return;
        }
        let reasons = protocol::cautions(
            kind,
            self.episode_start(),
            self.session_bodies(),
            self.now,
            &self.limits(),
        );
        if reasons.is_empty() {
            self.ask_pain_before(kind);
        } else {
            self.confirm = Some(Confirm::StartAnyway { kind, reasons });
        }
    }

    pub(super) fn ask_pain_before(&mut self, kind: PackKind) {
        self.timer.prompt = Some(TimerPrompt::PainBefore(kind));
        self.timer.typed.clear();
    }

    fn answer_prompt(&mut self, prompt: TimerPrompt, msg: Msg) {
        match (prompt, msg) {
            (TimerPrompt::Safety(kind), Msg::Yes) => {
                self.timer.prompt = None;
                if self.acknowledge_safety(kind) {
                    self.begin_start(Some(kind));
                }
            }
            (TimerPrompt::SkinCheck(mark), Msg::Digit(c @ '1'..='4')) => {
                self.timer.prompt = None;
                if c == '4' {
                    self.note_skin_check(mark);
                    self.stop_running(EndReason::Numb);
                } else {
                    self.note_skin_check(mark);
                }
            }
            (TimerPrompt::PainBefore(_) | TimerPrompt::PainAfter { .. }, Msg::Digit(c)) => {
                let typed = &mut self.timer.typed;
                *typed = if typed == "1" && c == '0' {
                    "10".into()
                } else {
                    c.to_string()
                };
            }
            (TimerPrompt::PainBefore(_) | TimerPrompt::PainAfter { .. }, Msg::Backspace) => {
                self.timer.typed.pop();
            }
            (TimerPrompt::PainBefore(kind), Msg::Enter) => self.start(kind),
            (TimerPrompt::PainAfter { id, .. }, Msg::Enter | Msg::Cancel) => {
                self.record_pain_after(id)
            }
            (TimerPrompt::SkinCheck(_), Msg::Cancel) => {} // a skin check cannot be waved away
            (_, Msg::Cancel | Msg::No) => {
                self.timer.prompt = None;
                self.status = Some(Status::Info("Nothing started.".into()));
            }
            _ => {}
        }
    }

    fn typed_pain(&mut self) -> Result<Option<u8>, ()> {
        let typed = std::mem::take(&mut self.timer.typed);
        if typed.is_empty() {
            return Ok(None);
        }
        parse_rating(Field::Pain, &typed).map(Some).map_err(|e| {
            self.status = Some(Status::Error(e.to_string()));
        })
    }

    fn start(&mut self, kind: PackKind) {
        let Ok(pain) = self.typed_pain() else { return };
        self.timer.prompt = None;
        let mut session = Session::new(kind, self.limits().session_minutes, self.now);
        session.pain_before = pain;
        let record = Record::new(session, self.today, self.now);
        let result = self.store.as_ref().add(&record);
        let minutes = self.limits().session_minutes;
        self.save(
            result,
            format!("{} session started: {minutes} minutes.", kind.name()),
        );
    }

    fn record_pain_after(&mut self, id: uuid::Uuid) {
        let Ok(pain) = self.typed_pain() else { return };
        self.timer.prompt = None;
        let Some(mut record) = self.sessions.iter().find(|s| s.id == id).cloned() else {
            return;
        };
        if pain.is_none() {
            return;
        }
        record.body.pain_after = pain;
        record.updated_at = self.now;
        let result = self.store.as_ref().update(&record);
        self.save(result, "Pain after saved.".into());
    }

    fn acknowledge_safety(&mut self, kind: PackKind) -> bool {
        let Some(mut record) = self.settings.clone() else {
            return false;
        };
        record.body.safety_seen.push(kind);
        record.updated_at = self.now;
        let result = self.store.as_ref().update::<Settings>(&record);
        self.save(
            result,
            format!("{} safety notes acknowledged.", kind.name()),
        )
    }

    fn note_skin_check(&mut self, mark: u32) {
        self.change_running(move |s, _| {
            s.skin_checks.push(mark);
            Ok(())
        });
    }

    fn change_running(
        &mut self,
        change: impl FnOnce(
            &mut Session,
            DateTime<Utc>,
        ) -> Result<(), crate::domain::therapy::TimerError>,
    ) {
        let Some(mut record) = self.running().cloned() else {
            self.status = Some(Status::Info("No session is running.".into()));
            return;
        };
        if let Err(e) = change(&mut record.body, self.now) {
            self.status = Some(Status::Error(format!("Not changed: {e}.")));
            return;
        }
        record.updated_at = self.now;
        let left = crate::domain::therapy::clock(record.body.left(self.now));
        let result = self.store.as_ref().update(&record);
        self.save(
            result,
            format!("{} session: {left} left.", record.body.kind.name()),
        );
    }

    fn stop_running(&mut self, reason: EndReason) {
        let Some(mut record) = self.running().cloned() else {
            return;
        };
        if record.body.stop(self.now, reason).is_err() {
            return;
        }
        record.updated_at = self.now;
        let message = match reason {
            EndReason::Numb => {
                "Stopped: numb skin. Take the pack off and let the skin warm up.".to_string()
            }
            _ => format!("{} session stopped.", record.body.kind.name()),
        };
        let result = self.store.as_ref().update(&record);
        if self.save(result, message.clone()) {
            self.timer.prompt = Some(TimerPrompt::PainAfter {
                id: record.id,
                message,
            });
        }
    }

    /// How long the loop may sleep: to the next whole second of a running countdown, else a second.
    pub fn next_wake(&self, now: DateTime<Utc>) -> std::time::Duration {
        let second = std::time::Duration::from_secs(1);
        let Some(running) = self.running() else {
            return second;
        };
        if !matches!(running.body.state(now), State::Running { .. }) {
            return second;
        }
        let left_ms = running.body.left(now).num_milliseconds().rem_euclid(1000);
        std::time::Duration::from_millis(left_ms as u64 + 5).min(second)
    }
}

/// Sessions started on `day` (local), by kind.
pub fn done_on(app: &App, day: chrono::NaiveDate, kind: PackKind) -> usize {
    // Sessions are kept in start order, so only the newest few need looking at.
    app.sessions
        .iter()
        .rev()
        .map(|s| (s.body.kind, app.zone.date(s.body.started_at)))
        .take_while(|(_, date)| *date >= day)
        .filter(|(k, date)| *k == kind && *date == day)
        .count()
}
