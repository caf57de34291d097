//! What a person does to their diary, each act carried out here and nowhere else: the app's
//! screens and the command line name the act, the diary checks it, builds the record, writes it
//! and works out what it set off (`Outcome`). Cold and heat sessions have their own (`therapy`).

use chrono::{DateTime, Utc};
use uuid::Uuid;

use super::{Change, Diary, DiaryError, Outcome};
use crate::domain::checkin::{CheckIn, FieldError};
use crate::domain::function::{FunctionRating, Score};
use crate::domain::redflag::Assessment;
use crate::domain::settings::{self, Settings, TrendsView};
use crate::domain::stretch::{Feeling, Routine, RoutineEnd, RoutineSession, StepDone, StepOutcome};
use crate::domain::therapy::{PackKind, Pause};
use crate::record::Record;

pub use crate::domain::checkin::Draft;

#[derive(Clone, Debug, PartialEq)]
pub enum Act {
    /// A new check-in from what was typed, saved under `id` (from `Record::new_id`).
    Log {
        id: Uuid,
        draft: Draft,
    },
    /// A check-in changed from a copy last changed at `base`; its time is kept unless `moved`
    /// (the time field was edited), so an edit never shifts it by the seconds it lacks.
    Edit {
        id: Uuid,
        base: DateTime<Utc>,
        draft: Draft,
        moved: bool,
    },
    /// A check-in deleted.
    Delete(Uuid),
    /// A deleted check-in restored, as it was.
    BringBack(Box<Record<CheckIn>>),
    /// A clinician has assessed the person: the signs in force so far are lifted.
    Assessed,
    Routine(RoutineAct),
    /// The activities rated, each 0-10.
    RateActivities(Vec<Score>),
    Settings(SettingsAct),
}

#[derive(Clone, Debug, PartialEq)]
pub enum RoutineAct {
    Start {
        id: Uuid,
        routine: Box<Routine>,
        pain_before: Option<u8>,
    },
    /// Ended how, each exercise as it went, with the pauses taken (one still open ends now).
    /// Played to its end with an exercise not done in full is recorded as incomplete.
    End {
        id: Uuid,
        how: RoutineEnd,
        steps: Vec<StepDone>,
        pauses: Vec<(DateTime<Utc>, Option<DateTime<Utc>>)>,
    },
    /// How it goes so far (a pause, a skip, or a heartbeat while it plays), so a nape that
    /// dies leaves the routine as far as it got.
    Progress {
        id: Uuid,
        steps: Vec<StepDone>,
        pauses: Vec<(DateTime<Utc>, Option<DateTime<Utc>>)>,
    },
    /// Its nape is gone (killed, the computer off): ended where it got to.
    Interrupted { id: Uuid },
    /// How the neck feels after it.
    Rate {
        id: Uuid,
        feeling: Option<Feeling>,
        pain: Option<u8>,
    },
}

#[derive(Clone, Debug, PartialEq)]
pub enum SettingsAct {
    /// The settings form, whole.
    Replace(Box<Settings>),
    /// The safety notes of a pack kind read and acknowledged.
    NotesRead(PackKind),
    /// The desk break due now skipped: the next is a whole interval away.
    BreakSkipped,
    /// The Trends span and section last shown.
    TrendsView(TrendsView),
    /// The activities rated each week, in order.
    Activities(Vec<String>),
}

impl Diary {
    /// Carry out `act` at `now`: checked, written, and what it set off. A change to a check-in
    /// is noted, so `undo` can take it back.
    pub fn act(&mut self, act: Act, now: DateTime<Utc>) -> Result<Outcome, DiaryError> {
        let checkin = match &act {
            Act::Log { id, .. } | Act::Edit { id, .. } | Act::Delete(id) => Some(*id),
            Act::BringBack(record) => Some(record.id),
            _ => None,
        };
        self.noting(checkin, now, |diary| diary.carry_out(act, now))
    }

    fn carry_out(&mut self, act: Act, now: DateTime<Utc>) -> Result<Outcome, DiaryError> {
        let today = self.zone.date(now);
        match act {
            Act::Log { id, draft } => {
                let (checkin, date) = self.zone.validate(&draft, now).map_err(invalid)?;
                self.save(Change::add(Record::new_with(id, checkin, date, now)), now)
            }
            Act::Edit {
                id,
                base,
                draft,
                moved,
            } => {
                let (mut checkin, date) = self.zone.validate(&draft, now).map_err(invalid)?;
                let found = self.checkins.iter().find(|r| r.id == id);
                let mut record = found.cloned().ok_or(DiaryError::Changed(id))?;
                if moved {
                    record.date = date;
                } else {
                    // Not moved: the moment, and the zone it was made in, stay.
                    checkin.at = record.body.at;
                    checkin.offset = record.body.offset;
                }
                // Fields this build does not know are kept as they were.
                checkin.extra = std::mem::take(&mut record.body.extra);
                record.body = checkin;
                record.touch(now);
                self.save(Change::edit(record, base), now)
            }
            Act::Delete(id) => {
                let found = self.checkins.iter().find(|r| r.id == id);
                let record = found.cloned().ok_or(DiaryError::Changed(id))?;
                self.save(Change::delete(record), now)
            }
            Act::BringBack(mut record) => {
                // Changed after its delete, so the deletion never wins over it elsewhere.
                record.touch(now);
                self.save(Change::add(*record), now)
            }
            Act::Assessed => {
                let assessment = Assessment {
                    at: now,
                    extra: Default::default(),
                };
                self.save(Change::add(Record::new(assessment, today, now)), now)
            }
            Act::Routine(act) => {
                let change = self.routine(act, now)?;
                self.save(change, now)
            }
            Act::RateActivities(scores) => {
                let rating = FunctionRating {
                    at: now,
                    scores,
                    extra: Default::default(),
                };
                self.save(Change::add(Record::new(rating, today, now)), now)
            }
            Act::Settings(act) => match self.settled(act, now)? {
                Some(change) => self.save(change, now),
                None => Ok(Outcome::default()),
            },
        }
    }

    fn routine(
        &self,
        act: RoutineAct,
        now: DateTime<Utc>,
    ) -> Result<Change<RoutineSession>, DiaryError> {
        let (id, mut record) = match act {
            RoutineAct::Start {
                id,
                routine,
                pain_before,
            } => {
                let ready = self.settings.as_ref().map_or(3, |s| s.body.ready());
                let session = RoutineSession {
                    routine: routine.id.clone(),
                    version: routine.version,
                    name: routine.name.clone(),
                    started_at: now,
                    planned_secs: routine.total_secs(ready),
                    steps_total: routine.steps.len() as u32,
                    steps_done: 0,
                    steps: Vec::new(),
                    pauses: Vec::new(),
                    ended_at: None,
                    end: None,
                    pain_before,
                    pain_after: None,
                    feeling: None,
                    beat: Some(now),
                    pid: Some(std::process::id()),
                    desk: Some(self.store.desk().to_string()),
                    extra: Default::default(),
                };
                let date = self.zone.date(now);
                return Ok(Change::add(Record::new_with(id, session, date, now)));
            }
            RoutineAct::End { id, .. }
            | RoutineAct::Rate { id, .. }
            | RoutineAct::Progress { id, .. }
            | RoutineAct::Interrupted { id } => {
                let found = self.routines.iter().find(|r| r.id == id).cloned();
                (id, found)
            }
        };
        let Some(record) = record.as_mut() else {
            return Err(DiaryError::Gone(id));
        };
        let s = &mut record.body;
        match act {
            RoutineAct::Progress { steps, pauses, .. } => {
                s.steps_done = done_in_full(&steps).min(s.steps_total);
                s.steps = steps;
                s.pauses = (pauses.into_iter())
                    .map(|(from, to)| Pause { from, to })
                    .collect();
                s.beat = Some(now);
            }
            RoutineAct::Interrupted { .. } => {
                // Its nape stopped saying it played: it ended at its last word, with what was
                // done by then.
                let last = s.beat.unwrap_or(s.started_at).min(now);
                s.ended_at = Some(last.max(s.started_at));
                s.end = Some(RoutineEnd::Interrupted);
                for pause in s.pauses.iter_mut().filter(|p| p.to.is_none()) {
                    pause.to = Some(last.max(pause.from));
                }
                s.beat = None;
            }
            RoutineAct::End {
                how, steps, pauses, ..
            } => {
                s.ended_at = Some(now);
                s.beat = None;
                s.steps_done = done_in_full(&steps).min(s.steps_total);
                s.end = Some(match how {
                    RoutineEnd::Finished if s.steps_done < s.steps_total => RoutineEnd::Incomplete,
                    how => how,
                });
                s.steps = steps;
                s.pauses = (pauses.into_iter())
                    .map(|(from, to)| Pause {
                        from,
                        to: Some(to.unwrap_or(now)),
                    })
                    .collect();
            }
            RoutineAct::Rate { feeling, pain, .. } => {
                s.feeling = feeling;
                s.pain_after = pain;
            }
            RoutineAct::Start { .. } => {}
        }
        record.touch(now);
        Ok(Change::update(record.clone()))
    }

    /// The settings changed by `act`; `None` when there are none to change (never set up).
    fn settled(
        &self,
        act: SettingsAct,
        now: DateTime<Utc>,
    ) -> Result<Option<Change<Settings>>, DiaryError> {
        if let SettingsAct::Replace(body) = act {
            settings::validate_emergency_number(&body.emergency_number)
                .map_err(|why| DiaryError::Invalid(format!("the emergency number {why}")))?;
            let change = match self.settings.clone() {
                Some(mut record) => {
                    record.body = *body;
                    record.touch(now);
                    Change::update(record)
                }
                None => Change::add(Record::new_with(
                    settings::ID,
                    *body,
                    self.zone.date(now),
                    now,
                )),
            };
            return Ok(Some(change));
        }
        let Some(mut record) = self.settings.clone() else {
            return Ok(None);
        };
        let body = &mut record.body;
        match act {
            SettingsAct::NotesRead(kind) if !body.safety_seen.contains(&kind) => {
                body.safety_seen.push(kind)
            }
            SettingsAct::NotesRead(_) => return Ok(None),
            SettingsAct::BreakSkipped => body.break_at = Some(now),
            SettingsAct::TrendsView(view) => body.trends_view = Some(view),
            SettingsAct::Activities(names) => body.activities = names,
            SettingsAct::Replace(_) => {}
        }
        record.touch(now);
        Ok(Some(Change::update(record)))
    }
}

fn invalid(errors: Vec<FieldError>) -> DiaryError {
    DiaryError::Fields(errors)
}

/// The exercises of `steps` done in full.
fn done_in_full(steps: &[StepDone]) -> u32 {
    steps
        .iter()
        .filter(|s| s.outcome == StepOutcome::Done)
        .count() as u32
}
