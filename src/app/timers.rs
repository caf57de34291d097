//! The Timers screen's behaviour: starting a cold or heat session safely (notes, cautions, pain
//! before), pausing, extending, stopping, skin checks, and noticing when a session's time is up.

use chrono::NaiveDateTime;
use uuid::Uuid;

use super::{Confirm, Ctx, Effect, Follow, Msg, Status};
use crate::diary::{Act, Answered, SettingsAct, TimerAction};
use crate::domain::checkin::{Field, parse_rating};
use crate::domain::therapy::limits::Limits;
use crate::domain::therapy::{EndReason, PackKind, State};
use crate::keys;

/// A question the Timers screen is waiting on.
#[derive(Clone, Debug, PartialEq)]
pub enum TimerPrompt {
    /// First use of a kind: its safety notes, acknowledged with y.
    Safety(PackKind),
    /// Pain before starting (digits, Enter; Enter alone skips).
    PainBefore(PackKind),
    /// The session ended: what happened, and pain after (Enter alone skips).
    PainAfter { id: Uuid, message: String },
    /// A cold skin check at this minute mark: how does the skin feel?
    SkinCheck(u32),
}

/// What Timers does once a save it asked for succeeded.
#[derive(Clone, Debug, PartialEq)]
pub enum TimersFollow {
    /// A session ended: ask pain after.
    PainAfter { id: Uuid, message: String },
    /// Safety notes read: go on starting this kind.
    NotesRead(PackKind),
    /// Cautions accepted: ask pain before starting this kind.
    PainBefore(PackKind),
}

/// Today's plan, worked out when the data or the minute changes, not on every frame.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Plan {
    pub recommended: Option<(PackKind, String)>,
    pub cold_today: usize,
    pub heat_today: usize,
    /// When each pack may be used next (local time), where that is still to come.
    pub next: Vec<(PackKind, NaiveDateTime)>,
    /// Until when heat is advised against in this episode (local time), if still to come.
    pub no_heat_until: Option<NaiveDateTime>,
    pub limits: Limits,
    /// The diary version and minute it was worked out for.
    key: (u64, i64),
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct TimersState {
    pub prompt: Option<TimerPrompt>,
    /// Digits typed for a pain prompt.
    pub typed: String,
    pub plan: Plan,
}

impl TimersState {
    /// What time passing does: record a session whose time ran out (perhaps while nape was
    /// closed), raise a due skin check, and keep the plan current. Returns the effects and
    /// whether the screen changes (a running countdown changes every second).
    pub fn tick(&mut self, ctx: &Ctx) -> (Vec<Effect>, bool) {
        let replanned = self.replan(ctx);
        let Some(record) = ctx.diary.running() else {
            return (self.ask_after_unreported(ctx), replanned);
        };
        // Time ran out, or the start is ahead of this clock: the diary settles it.
        let mut probe = record.body.clone();
        if probe.start_not_after(ctx.now) || probe.finish_if_due(ctx.now) {
            return (vec![Effect::Timer(TimerAction::Settle)], true);
        }
        let mut effects = Vec::new();
        // A skin check left open moves on to the latest mark reached: the skin now matters.
        let open = matches!(self.prompt, None | Some(TimerPrompt::SkinCheck(_)));
        if let Some(mark) = ctx.diary.skin_check_due(ctx.now)
            && open
            && self.prompt != Some(TimerPrompt::SkinCheck(mark))
        {
            self.prompt = Some(TimerPrompt::SkinCheck(mark));
            effects.push(Effect::Bell);
        }
        let counting = matches!(
            record.body.state(ctx.now),
            State::Running { .. } | State::Due
        );
        (effects, counting || replanned)
    }

    /// A session that ran out while the app was closed, and whose end another command recorded
    /// first, is still reported here once: pain after has not been asked.
    fn ask_after_unreported(&mut self, ctx: &Ctx) -> Vec<Effect> {
        if self.prompt.is_some() {
            return Vec::new();
        }
        // Ran out with nobody there: one stopped by hand was asked when it stopped.
        let unreported =
            (ctx.diary.unrated(ctx.now)).find(|r| r.body.end_reason == Some(EndReason::Finished));
        let Some(record) = unreported else {
            return Vec::new();
        };
        let s = &record.body;
        let ended = ctx.diary.zone().local(s.ended_at.unwrap_or(ctx.now));
        let message = format!(
            "{} session ended at {} while nape was closed.",
            s.kind.name(),
            ended.format("%H:%M")
        );
        self.prompt = Some(TimerPrompt::PainAfter {
            id: record.id,
            message,
        });
        vec![Effect::Bell]
    }

    /// Work the plan out again if the data or the minute changed. Returns whether it did.
    fn replan(&mut self, ctx: &Ctx) -> bool {
        let key = (ctx.diary.version(), ctx.now.timestamp() / 60);
        if self.plan.key == key {
            return false;
        }
        let d = ctx.diary;
        self.plan = Plan {
            recommended: Some(d.recommend(ctx.now)),
            cold_today: d.done_on(ctx.today, PackKind::Cold),
            heat_today: d.done_on(ctx.today, PackKind::Heat),
            next: [PackKind::Cold, PackKind::Heat]
                .into_iter()
                .filter_map(|k| d.next_allowed(k, ctx.now).map(|n| (k, d.zone().local(n))))
                .collect(),
            no_heat_until: d.no_heat_until(ctx.now).map(|t| d.zone().local(t)),
            limits: d.limits(),
            key,
        };
        true
    }

    /// Close the question the screen is asking if it needs no answer any more (answered in
    /// another window or the shell, or its session over).
    pub(super) fn answered(&mut self, answered: &[Answered]) {
        let done = match &self.prompt {
            Some(TimerPrompt::SkinCheck(mark)) => answered.contains(&Answered::SkinCheck(*mark)),
            Some(TimerPrompt::PainAfter { id, .. }) => answered.contains(&Answered::PainAfter(*id)),
            _ => false,
        };
        if done {
            self.prompt = None;
            self.typed.clear();
        }
    }

    pub(super) fn follow(&mut self, follow: TimersFollow, ctx: &Ctx) -> Vec<Effect> {
        match follow {
            TimersFollow::PainAfter { id, message } => {
                self.prompt = Some(TimerPrompt::PainAfter { id, message });
                self.typed.clear();
            }
            TimersFollow::NotesRead(kind) => return self.begin_start(Some(kind), ctx),
            TimersFollow::PainBefore(kind) => self.ask_pain_before(kind),
        }
        Vec::new()
    }

    pub fn update(&mut self, msg: Msg, ctx: &Ctx) -> Vec<Effect> {
        if let Some(prompt) = self.prompt.clone() {
            return self.answer(prompt, msg);
        }
        match msg {
            Msg::StartTimer(kind) => self.begin_start(kind, ctx),
            Msg::PauseResume => {
                let paused = ctx.diary.running().is_some_and(|r| r.body.is_paused());
                let action = if paused {
                    TimerAction::Resume
                } else {
                    TimerAction::Pause
                };
                vec![Effect::Timer(action)]
            }
            Msg::Extend => vec![Effect::Timer(TimerAction::Extend)],
            Msg::StopTimer => vec![Effect::Timer(TimerAction::Stop { pain: None })],
            _ => Vec::new(),
        }
    }

    /// Start a session of `kind` (or the recommended one): notes first time, then cautions,
    /// then pain before.
    fn begin_start(&mut self, kind: Option<PackKind>, ctx: &Ctx) -> Vec<Effect> {
        let d = ctx.diary;
        if let Some(flag) = d.lock() {
            let sentence = flag.lock_sentence(d.emergency_number());
            let text = format!("Not started: {sentence} {}", keys::unlock());
            return vec![Effect::Say(Status::Error(text))];
        }
        if d.running().is_some() {
            return vec![Effect::Say(Status::Error(format!(
                "A session is already running: {} stops it.",
                keys::hint(Msg::StopTimer)
            )))];
        }
        let kind = kind.unwrap_or_else(|| d.recommend(ctx.now).0);
        if !d.safety_seen(kind) {
            self.prompt = Some(TimerPrompt::Safety(kind));
            return Vec::new();
        }
        let reasons = d.cautions(kind, ctx.now);
        if reasons.is_empty() {
            self.ask_pain_before(kind);
            return Vec::new();
        }
        vec![Effect::Ask(Confirm {
            question: format!("Start {} now anyway?", kind.name().to_lowercase()),
            details: reasons,
            otherwise: Vec::new(),
            no: "Nothing started.",
            yes: vec![Effect::Then(Follow::Timers(TimersFollow::PainBefore(kind)))],
        })]
    }

    fn ask_pain_before(&mut self, kind: PackKind) {
        self.prompt = Some(TimerPrompt::PainBefore(kind));
        self.typed.clear();
    }

    fn answer(&mut self, prompt: TimerPrompt, msg: Msg) -> Vec<Effect> {
        match (prompt, msg) {
            (TimerPrompt::Safety(kind), Msg::Yes) => {
                self.prompt = None;
                vec![
                    Effect::act(
                        Act::Settings(SettingsAct::NotesRead(kind)),
                        format!("{} safety notes acknowledged.", kind.name()),
                    ),
                    Effect::Then(Follow::Timers(TimersFollow::NotesRead(kind))),
                ]
            }
            (TimerPrompt::SkinCheck(_), Msg::Skin(skin)) => {
                self.prompt = None;
                vec![Effect::Timer(TimerAction::Skin(skin))]
            }
            (TimerPrompt::PainBefore(_) | TimerPrompt::PainAfter { .. }, Msg::Digit(c)) => {
                self.typed = super::rating::prompt_digit(&self.typed, c);
                Vec::new()
            }
            (TimerPrompt::PainBefore(_) | TimerPrompt::PainAfter { .. }, Msg::Backspace) => {
                self.typed.pop();
                Vec::new()
            }
            // Esc skips the rating, as its key says; n starts nothing.
            (TimerPrompt::PainBefore(kind), Msg::Cancel) => {
                self.typed.clear();
                self.start(kind)
            }
            (TimerPrompt::PainBefore(kind), Msg::Enter) => self.start(kind),
            (TimerPrompt::PainAfter { id, .. }, Msg::Enter | Msg::Cancel | Msg::No) => {
                self.record_pain_after(id)
            }
            (TimerPrompt::SkinCheck(_), Msg::Cancel) => Vec::new(), // cannot be waved away
            (_, Msg::Cancel | Msg::No) => {
                self.prompt = None;
                vec![Effect::Say(Status::Info("Nothing started.".into()))]
            }
            _ => Vec::new(),
        }
    }

    /// The typed pain, taken; an error effect if it is not a rating.
    fn typed_pain(&mut self) -> Result<Option<u8>, Vec<Effect>> {
        let typed = std::mem::take(&mut self.typed);
        if typed.is_empty() {
            return Ok(None);
        }
        parse_rating(Field::Pain, &typed)
            .map(Some)
            .map_err(|e| vec![Effect::Say(Status::Error(e.to_string()))])
    }

    /// Start `kind` with the pain typed; the person has already been asked about any caution.
    fn start(&mut self, kind: PackKind) -> Vec<Effect> {
        let pain = match self.typed_pain() {
            Ok(pain) => pain,
            Err(effects) => return effects,
        };
        self.prompt = None;
        vec![Effect::Timer(TimerAction::Start {
            kind,
            minutes: None,
            pain,
            anyway: true,
        })]
    }

    fn record_pain_after(&mut self, id: Uuid) -> Vec<Effect> {
        let pain = match self.typed_pain() {
            Ok(pain) => pain,
            Err(effects) => return effects,
        };
        self.prompt = None;
        vec![Effect::Timer(TimerAction::Rate {
            session: Some(id),
            pain,
        })]
    }
}
