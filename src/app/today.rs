//! The Today screen: the fast check-in, browsing, editing and deleting entries by day, and the
//! full form over it.

use chrono::{DateTime, Duration, NaiveDate, Utc};
use uuid::Uuid;

use super::form::CheckinForm;
use super::{Confirm, Ctx, Effect, Follow, Msg, Status};
use crate::diary::Act;
use crate::domain::checkin::{CheckIn, Draft};
use crate::domain::redflag;
use crate::keys;
use crate::record::{self, Record};

#[derive(Clone, Debug)]
pub struct TodayState {
    /// The day being looked at (today unless browsing back).
    pub day: NaiveDate,
    pub selected: usize,
    /// Digits typed for the fast path: a pain rating waiting for Enter.
    pub quick: String,
    /// The full form, open over the screen.
    pub form: Option<CheckinForm>,
    /// The picked check-in is shown in full in place of the list.
    pub details: bool,
    /// The check-in deleted last and when: `u` brings it back for a while.
    pub deleted: Option<(Record<CheckIn>, DateTime<Utc>)>,
}

/// How long a delete can be taken back with `u`.
const UNDO_MINUTES: i64 = 10;

/// What Today does once a save it asked for succeeded.
#[derive(Clone, Debug, PartialEq)]
pub enum TodayFollow {
    /// The form was saved: close it and show this entry.
    ShowEntry { day: NaiveDate, id: Uuid },
    /// Close the check-in form without saving (its changes were given up).
    CloseForm,
    /// A check-in was deleted: keep it a while so it can be brought back.
    Deleted(Box<Record<CheckIn>>),
    /// Its note has words that can describe these signs: open it at the first question.
    AskSigns { id: Uuid, signs: Vec<&'static str> },
}

impl TodayState {
    pub(super) fn follow(&mut self, follow: TodayFollow, ctx: &Ctx) -> Vec<Effect> {
        match follow {
            TodayFollow::ShowEntry { day, id } => self.show(ctx, day, id),
            TodayFollow::Deleted(record) => {
                self.deleted = Some((*record, ctx.now));
                self.clamp(ctx);
            }
            TodayFollow::AskSigns { id, signs } => {
                let Some(record) = ctx.diary.checkins().iter().find(|r| r.id == id) else {
                    return Vec::new();
                };
                let mut form = CheckinForm::edit(record, ctx.diary.zone());
                form.focus_on(signs[0]);
                self.form = Some(form);
                let named: Vec<&str> = (signs.iter())
                    .map(|id| redflag::find(id).map_or(*id, |def| def.short.as_str()))
                    .collect();
                let asked = format!(
                    "Saved. Your note has words that can describe {}. If you have it now, call {} \
                     if it is an emergency, and tick it here and save ({}); if not, {} closes.",
                    named.join(", "),
                    ctx.diary.emergency_number(),
                    keys::hint(Msg::Save),
                    keys::hint(Msg::Cancel)
                );
                return vec![Effect::Say(Status::Info(asked))];
            }
            TodayFollow::CloseForm => {
                self.form = None;
                let closed = "Check-in closed without saving.".into();
                return vec![Effect::Say(Status::Info(closed))];
            }
        }
        Vec::new()
    }

    pub fn new(today: NaiveDate) -> Self {
        TodayState {
            day: today,
            selected: 0,
            quick: String::new(),
            form: None,
            details: false,
            deleted: None,
        }
    }

    pub fn selected<'d>(&self, ctx: &Ctx<'d>) -> Option<&'d Record<CheckIn>> {
        ctx.diary.checkins_on(self.day).nth(self.selected)
    }

    /// Keep the selection on an entry that exists (after another process deleted one, say).
    pub(super) fn clamp(&mut self, ctx: &Ctx) {
        let count = ctx.diary.checkins_on(self.day).count();
        self.selected = self.selected.min(count.saturating_sub(1));
    }

    /// Show `id` on `day` (after a save).
    pub(super) fn show(&mut self, ctx: &Ctx, day: NaiveDate, id: Uuid) {
        self.form = None;
        self.day = day;
        self.selected = ctx
            .diary
            .checkins_on(day)
            .position(|r| r.id == id)
            .unwrap_or(0);
    }

    /// The open form's check-in was changed elsewhere: show what is stored now (or close the
    /// form if it was deleted).
    pub(super) fn reload(&mut self, ctx: &Ctx, id: Uuid) {
        let stored = ctx.diary.checkins().iter().find(|r| r.id == id);
        self.form = stored.map(|r| CheckinForm::edit(r, ctx.diary.zone()));
    }

    pub fn update(&mut self, msg: Msg, ctx: &Ctx) -> Vec<Effect> {
        if let Some(form) = self.form.as_mut() {
            return match form.update(msg, ctx) {
                Some(effects) => effects,
                None => {
                    self.form = None;
                    vec![Effect::Say(Status::Info("Closed: nothing changed.".into()))]
                }
            };
        }
        let count = ctx.diary.checkins_on(self.day).count();
        match msg {
            Msg::Digit(c) => {
                // "1" then "0" makes 10. Any other second digit would make no rating: refuse it
                // rather than start again, so "100" never becomes a rating of 0.
                match super::rating::add_digit(&self.quick, c) {
                    Some(pain) => self.quick = pain,
                    None => {
                        return vec![Effect::Say(Status::Error(format!(
                            "Pain is 0 to 10; {}{c} is not a rating. Backspace changes {}.",
                            self.quick, self.quick
                        )))];
                    }
                }
            }
            Msg::Backspace => {
                self.quick.pop();
            }
            Msg::Cancel if self.quick.is_empty() => self.details = false,
            Msg::Cancel => self.quick.clear(),
            Msg::Details => self.details = !self.details && count > 0,
            Msg::Enter if !self.quick.is_empty() => return self.save_quick(ctx),
            Msg::Pick(index) if index != self.selected => {
                self.selected = index.min(count.saturating_sub(1));
            }
            Msg::Enter | Msg::Pick(_) => {
                if let Some(record) = self.selected(ctx) {
                    self.form = Some(CheckinForm::edit(record, ctx.diary.zone()));
                }
            }
            Msg::Up => self.selected = self.selected.saturating_sub(1),
            Msg::Down => self.selected = (self.selected + 1).min(count.saturating_sub(1)),
            Msg::Page(paging) => self.selected = super::page::pick(self.selected, count, paging),
            Msg::PrevDay => {
                self.day = self.day.pred_opt().unwrap_or(self.day);
                self.selected = 0;
            }
            Msg::NextDay if self.day < ctx.today => {
                self.day = self.day.succ_opt().unwrap_or(self.day);
                self.selected = 0;
            }
            Msg::NewCheckin => self.form = Some(CheckinForm::new(None)),
            Msg::Backfill => {
                let at = (self.day < ctx.today).then(|| format!("{} 12:00", self.day));
                self.form = Some(CheckinForm::new(at));
            }
            Msg::CopyLast => match ctx.diary.last_checkin() {
                Some(last) => {
                    // Backfilling a past day: the copy is for the day on screen.
                    let at = (self.day < ctx.today).then(|| format!("{} 12:00", self.day));
                    self.form = Some(CheckinForm::copy_of(&last.body, at));
                }
                None => {
                    return vec![Effect::Say(Status::Info(
                        "There is no earlier check-in to copy yet.".into(),
                    ))];
                }
            },
            Msg::Delete => {
                if let Some(record) = self.selected(ctx) {
                    let c = &record.body;
                    let time = ctx.diary.zone().clock_of(c.at, c.offset, "%H:%M");
                    let note = if c.note.is_some() {
                        ", with a note"
                    } else {
                        ""
                    };
                    let named = format!("the {time} check-in, pain {}{note}", c.pain);
                    let lifted = ctx.diary.lifts(record.id, None, ctx.now);
                    let lifts = match lifted.is_empty() {
                        true => String::new(),
                        false => format!(
                            " It holds {}, not yet assessed: deleting it lifts the lock ({} brings it back).",
                            redflag::named(&lifted),
                            keys::hint(Msg::Undo)
                        ),
                    };
                    return vec![Effect::Ask(Confirm {
                        question: format!("Delete {named}?{lifts}"),
                        no: "Nothing deleted.",
                        details: Vec::new(),
                        otherwise: Vec::new(),
                        yes: vec![
                            Effect::act(
                                Act::Delete(record.id),
                                format!(
                                    "Deleted {named}. {} brings it back (for {UNDO_MINUTES} minutes, while nape is open).",
                                    keys::hint(Msg::Undo)
                                ),
                            ),
                            Effect::Then(Follow::Today(TodayFollow::Deleted(Box::new(
                                record.clone(),
                            )))),
                        ],
                    })];
                }
            }
            Msg::Undo => {
                let recent = self
                    .deleted
                    .take()
                    .filter(|(_, at)| ctx.now - *at <= Duration::minutes(UNDO_MINUTES));
                let Some((record, _)) = recent else {
                    return vec![Effect::Say(Status::Info("Nothing to bring back.".into()))];
                };
                // Brought back elsewhere already (`nape undo`, another window).
                if ctx.diary.checkins().iter().any(|r| r.id == record.id) {
                    let text = "That check-in is already back (brought back elsewhere).";
                    return vec![Effect::Say(Status::Info(text.into()))];
                }
                let (day, id) = (record.date, record.id);
                return vec![
                    Effect::act(Act::BringBack(Box::new(record)), "Brought back."),
                    Effect::Then(Follow::Today(TodayFollow::ShowEntry { day, id })),
                ];
            }
            _ => {}
        }
        Vec::new()
    }

    fn save_quick(&mut self, ctx: &Ctx) -> Vec<Effect> {
        let draft = Draft {
            pain: std::mem::take(&mut self.quick),
            quick: true,
            ..Draft::default()
        };
        let zone = ctx.diary.zone();
        match zone.validate(&draft, ctx.now) {
            Ok((checkin, date)) => {
                let time = zone.local(ctx.now).format("%H:%M");
                let done = format!("Saved: pain {} at {time}.", checkin.pain);
                let id = record::new_id(ctx.now);
                let save = |draft| {
                    vec![
                        Effect::act(Act::Log { id, draft }, done.clone()),
                        Effect::Then(Follow::Today(TodayFollow::ShowEntry { day: date, id })),
                    ]
                };
                super::sudden::ask(ctx, &draft, &checkin, None, save).unwrap_or_else(|| save(draft))
            }
            Err(errors) => {
                let text: Vec<String> = errors.iter().map(ToString::to_string).collect();
                vec![Effect::Say(Status::Error(text.join("; ")))]
            }
        }
    }
}
