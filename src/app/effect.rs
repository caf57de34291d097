//! What a screen's `update` asks for. The screens never save or ring themselves: `App` applies
//! their effects in one place, in order, and a save that fails drops the effects after it.

use super::stretches::StretchesFollow;
use super::timers::TimersFollow;
use super::today::TodayFollow;
use super::{App, CheckinForm, Ctx, Screen};
use crate::diary::{Act, DiaryError, TimerAction};
use crate::domain::settings::CueMode;
use crate::domain::stretch::Cue;

#[derive(Clone, Debug, PartialEq)]
pub enum Status {
    Info(String),
    Error(String),
}

#[derive(Clone, Debug, PartialEq)]
pub enum Effect {
    /// Carry out an act through the diary and say `done` (an empty `done` says nothing: the
    /// Trends view is kept quietly).
    Act {
        act: Box<Act>,
        done: String,
    },
    Say(Status),
    /// Carry out a cold or heat action through the diary, then say how it went.
    Timer(TimerAction),
    /// Keep a damaged settings file aside so fresh settings can be saved.
    SetAsideSettings,
    /// Ask yes or no first.
    Ask(Confirm),
    Bell,
    /// A routine's cue: the bell or voice, as the settings say.
    Cue(Cue),
    Quit,
    /// Write the report for a clinician over this span, and say where.
    WriteReport(crate::domain::trends::Span),
    /// Tell the screen that asked how it went, once the saves before it succeeded.
    Then(Follow),
}

impl Effect {
    pub fn act(act: Act, done: impl Into<String>) -> Effect {
        Effect::Act {
            act: Box::new(act),
            done: done.into(),
        }
    }
}

/// What happens after a successful save, back in the screen that asked: each screen's own.
#[derive(Clone, Debug, PartialEq)]
pub enum Follow {
    Today(TodayFollow),
    Timers(TimersFollow),
    Stretches(StretchesFollow),
    /// The settings were saved: close the form.
    SettingsSaved,
}

/// A question waiting for y or n, what it is about, and what yes does.
#[derive(Clone, Debug, PartialEq)]
pub struct Confirm {
    pub question: String,
    /// Reasons or details, shown by the screen that asked.
    pub details: Vec<String>,
    pub yes: Vec<Effect>,
    /// What "no" means here, said when it is answered (an empty one says nothing).
    pub no: &'static str,
    /// What "no" (or Esc) does, if anything.
    pub otherwise: Vec<Effect>,
}

/// A save refused because the record changed since the form opened.
const CHANGED_ELSEWHERE: &str = "Not saved: this check-in was changed elsewhere (another window, \
    or nape log) since you opened it. The form now shows what is stored; make your change again.";

impl App {
    /// Carry out effects in order. A save that fails says why and drops the effects after it.
    pub(super) fn apply(&mut self, effects: Vec<Effect>) -> bool {
        for effect in effects {
            match effect {
                Effect::Act { act, done } => {
                    // A check-in's answers, kept to be told even if it cannot be saved.
                    let asked = match &*act {
                        Act::Log { draft, .. } => Some((draft.clone(), None)),
                        Act::Edit { id, draft, .. } => Some((draft.clone(), Some(*id))),
                        _ => None,
                    };
                    let outcome = match self.diary.act(*act, self.now) {
                        Ok(outcome) => outcome,
                        Err(DiaryError::Changed(id)) => {
                            // What the other writer changed sets off what it would have.
                            let outcome = self.diary.reread(self.now);
                            self.react(&outcome);
                            let ctx = Ctx {
                                diary: &self.diary,
                                now: self.now,
                                today: self.today,
                            };
                            self.today_state.reload(&ctx, id);
                            self.unsaved_sign(asked.as_ref(), &DiaryError::Changed(id));
                            self.status = Some(Status::Error(CHANGED_ELSEWHERE.into()));
                            return false;
                        }
                        Err(e) => {
                            // The message says why, after what to do: kept short here, so a
                            // small screen shows the message, not this over it.
                            let why = match self.unsaved_sign(asked.as_ref(), &e) {
                                true => "Not saved: the message says why.".to_string(),
                                false => format!("Not saved: {e}"),
                            };
                            self.status = Some(Status::Error(why));
                            return false;
                        }
                    };
                    if !done.is_empty() {
                        self.status = Some(Status::Info(done));
                    }
                    self.react(&outcome);
                }
                Effect::Say(status) => self.status = Some(status),
                Effect::Timer(action) => {
                    let done = match self.diary.timer(action, self.now) {
                        Ok(done) => done,
                        Err(refused) => {
                            self.status = Some(super::running::refused(action, &refused));
                            return false;
                        }
                    };
                    self.react(&done.outcome);
                    if !self.apply(super::running::said(action, &done, self.now)) {
                        return false;
                    }
                }
                Effect::SetAsideSettings => {
                    if let Err(e) = self.diary.set_aside_settings(self.now) {
                        self.status = Some(Status::Error(format!("Not saved: {e}")));
                        return false;
                    }
                }
                Effect::Ask(confirm) => self.confirm = Some(confirm),
                Effect::Bell => self.bell += 1,
                Effect::Cue(cue) => self.cue(&cue),
                Effect::Quit => self.quit_now(),
                Effect::WriteReport(span) => self.status = Some(self.write_report(span)),
                Effect::Then(follow) => {
                    let ctx = Ctx {
                        diary: &self.diary,
                        now: self.now,
                        today: self.today,
                    };
                    let more = match follow {
                        Follow::Today(follow) => self.today_state.follow(follow, &ctx),
                        Follow::Timers(follow) => self.timers.follow(follow, &ctx),
                        Follow::Stretches(StretchesFollow::Anyway) => {
                            self.stretches.ask_pain_before();
                            Vec::new()
                        }
                        // Stop and report: the check-in opens on Today.
                        Follow::Stretches(StretchesFollow::ReportSymptoms) => {
                            self.screen = Screen::Today;
                            // The pain before the routine, else the last check-in's.
                            let routine = self.diary.routines().last();
                            let pain = (routine.and_then(|r| r.body.pain_before))
                                .or(self.diary.last_checkin().map(|c| c.body.pain));
                            self.today_state.form = Some(CheckinForm::reporting(pain));
                            Vec::new()
                        }
                        Follow::SettingsSaved => {
                            self.settings_form.reset(&ctx);
                            let voice = self.diary.settings().map(|s| s.body.cue_mode());
                            if voice == Some(CueMode::Voice) && !self.voice {
                                // Said, not refused: one may be installed before the next routine.
                                let none = format!(
                                    "Settings saved, but no speech program was found ({}): \
                                     until one is installed, the cues are the bell alone.",
                                    crate::speech::PROGRAMS.join(", ")
                                );
                                self.status = Some(Status::Error(none));
                            }
                            Vec::new()
                        }
                    };
                    if !self.apply(more) {
                        return false;
                    }
                }
            }
        }
        true
    }
}
