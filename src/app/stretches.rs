//! The Stretches screen's behaviour: pick a routine, rate pain before (or skip), play it, and
//! say how the neck feels after. Locked like the timers while a warning sign is unassessed.

use chrono::{DateTime, Utc};
use uuid::Uuid;

use super::{Confirm, Ctx, Effect, Follow, Msg, Status};
use crate::diary::{Act, RoutineAct};
use crate::domain::checkin::{Field, parse_rating};
use crate::domain::stretch::record::BEAT_SECS;
use crate::domain::stretch::{Cue, Feeling, Library, Player, Routine, RoutineEnd};
use crate::keys;
use crate::record;

/// What Stretches does once a save it asked for succeeded.
#[derive(Clone, Debug, PartialEq)]
pub enum StretchesFollow {
    /// Start a routine though the warning signs could not be checked: ask pain before.
    Anyway,
    /// A routine was stopped to report a symptom: open a check-in for it.
    ReportSymptoms,
}

#[derive(Clone, Debug, PartialEq)]
pub enum Stage {
    /// The list of routines.
    List,
    /// Pain before this routine (digits, Enter; Enter alone skips).
    PainBefore(usize),
    Playing {
        player: Box<Player>,
        id: Uuid,
        /// When how it goes was last saved.
        said: DateTime<Utc>,
    },
    /// It ended: better, the same or worse?
    Feeling { id: Uuid },
    /// Then pain after (Enter alone skips).
    PainAfter { id: Uuid, feeling: Option<Feeling> },
}

#[derive(Clone, Debug)]
pub struct StretchesState {
    pub library: Library,
    pub selected: usize,
    pub stage: Stage,
    /// Digits typed for a pain prompt.
    pub typed: String,
}

impl Default for StretchesState {
    fn default() -> Self {
        StretchesState::new(Library::built_in())
    }
}

impl StretchesState {
    pub fn new(library: Library) -> Self {
        StretchesState {
            library,
            selected: 0,
            stage: Stage::List,
            typed: String::new(),
        }
    }

    /// The routines read again (a file was added or changed): a routine playing plays on.
    pub fn replace_library(&mut self, library: Library) {
        // Positions follow the routine they pointed at, found again by id.
        let id_at = |i: usize| self.library.routines.get(i).map(|r| r.id.clone());
        let (selected, asked) = (
            id_at(self.selected),
            match self.stage {
                Stage::PainBefore(i) => Some(id_at(i)),
                _ => None,
            },
        );
        let find = |id: Option<String>| {
            library
                .routines
                .iter()
                .position(|r| Some(&r.id) == id.as_ref())
        };
        self.selected = find(selected).unwrap_or(0);
        if let Some(id) = asked {
            self.stage = match find(id) {
                Some(i) => Stage::PainBefore(i),
                None => Stage::List,
            };
        }
        self.library = library;
    }

    pub fn player(&self) -> Option<&Player> {
        match &self.stage {
            Stage::Playing { player, .. } => Some(player),
            _ => None,
        }
    }

    pub fn update(&mut self, msg: Msg, ctx: &Ctx) -> Vec<Effect> {
        match (&mut self.stage, msg) {
            (Stage::List, Msg::Up) => self.selected = self.selected.saturating_sub(1),
            (Stage::List, Msg::Down) => {
                let last = self.library.routines.len().saturating_sub(1);
                self.selected = (self.selected + 1).min(last);
            }
            (Stage::List, Msg::Page(paging)) => {
                let count = self.library.routines.len();
                self.selected = super::page::pick(self.selected, count, paging);
            }
            (Stage::List, Msg::Pick(index)) if index != self.selected => {
                let last = self.library.routines.len().saturating_sub(1);
                self.selected = index.min(last);
            }
            (Stage::List, Msg::Enter | Msg::Pick(_)) => return self.begin(ctx),
            (Stage::PainBefore(_) | Stage::PainAfter { .. }, Msg::Digit(d)) => {
                self.typed = super::rating::prompt_digit(&self.typed, d);
            }
            (Stage::PainBefore(_) | Stage::PainAfter { .. }, Msg::Backspace) => {
                self.typed.pop();
            }
            (Stage::PainBefore(i), Msg::Enter | Msg::Cancel) => {
                let routine = *i;
                let pain = if msg == Msg::Enter {
                    self.rating()
                } else {
                    None
                };
                return self.start(routine, pain, ctx);
            }
            (Stage::PainBefore(_), Msg::No) => {
                self.stage = Stage::List;
                return vec![say("Nothing started.")];
            }
            (Stage::Playing { player, .. }, Msg::PauseResume) => {
                let cues = match (player.paused_at, ctx.diary.lock()) {
                    // Locked means locked: a routine paused by a sign goes on only once assessed.
                    (Some(_), Some(flag)) => {
                        let why = flag.lock_sentence(ctx.diary.emergency_number());
                        let not = format!("Not resumed: {why} {}", keys::unlock());
                        return vec![Effect::Say(Status::Error(not))];
                    }
                    (Some(_), None) => player.resume(ctx.now),
                    (None, _) => player.pause(ctx.now),
                };
                let mut effects = cue_effects(cues);
                effects.extend(self.progress(ctx.now));
                return effects;
            }
            (Stage::Playing { player, .. }, Msg::Skip) => {
                let cues = player.skip(ctx.now);
                let mut effects = self.after_cues(cues, ctx);
                effects.extend(self.progress(ctx.now));
                return effects;
            }
            (Stage::Playing { player, .. }, Msg::Back) => {
                let cues = player.back(ctx.now);
                let mut effects = cue_effects(cues);
                effects.extend(self.progress(ctx.now));
                return effects;
            }
            (Stage::Playing { .. }, Msg::StopTimer) => return self.end(RoutineEnd::Stopped, ctx),
            (Stage::Playing { .. }, Msg::QuitAsks) => {
                return vec![Effect::Ask(Confirm {
                    question: "Quit nape? The routine is kept as far as it got.".into(),
                    details: Vec::new(),
                    yes: vec![Effect::Quit],
                    no: "Playing on.",
                    otherwise: Vec::new(),
                })];
            }
            (Stage::Playing { .. }, Msg::Report) => return self.end(RoutineEnd::Reported, ctx),
            (Stage::Feeling { id }, Msg::Feeling(feeling)) => {
                self.stage = Stage::PainAfter {
                    id: *id,
                    feeling: Some(feeling),
                };
            }
            (Stage::Feeling { id }, Msg::Cancel) => {
                self.stage = Stage::PainAfter {
                    id: *id,
                    feeling: None,
                };
            }
            (Stage::PainAfter { id, feeling }, Msg::Enter | Msg::Cancel) => {
                let (id, feeling) = (*id, *feeling);
                let pain = if msg == Msg::Enter {
                    self.rating()
                } else {
                    None
                };
                self.stage = Stage::List;
                return self.rate_after(id, feeling, pain);
            }
            _ => {}
        }
        Vec::new()
    }

    fn rating(&mut self) -> Option<u8> {
        let typed = std::mem::take(&mut self.typed);
        parse_rating(Field::Pain, &typed).ok()
    }

    /// Enter on a routine: refused while locked, asked first when the signs could not be
    /// checked, then pain before.
    fn begin(&mut self, ctx: &Ctx) -> Vec<Effect> {
        let d = ctx.diary;
        if self.library.routines.get(self.selected).is_none() {
            return Vec::new();
        }
        if let Some(flag) = d.lock() {
            let sentence = flag.lock_sentence(d.emergency_number());
            let text = format!("Not started: {sentence} {}", keys::unlock());
            return vec![Effect::Say(Status::Error(text))];
        }
        if let Some(playing) = d.playing(ctx.now) {
            let text = format!("{} is playing in another nape window.", playing.body.name);
            return vec![Effect::Say(Status::Error(text))];
        }
        if let Some(why) = d.unchecked() {
            return vec![Effect::Ask(Confirm {
                question: format!("Warning signs could not be checked ({why}). Start anyway?"),
                details: Vec::new(),
                otherwise: Vec::new(),
                yes: vec![Effect::Then(Follow::Stretches(StretchesFollow::Anyway))],
                no: "Nothing started.",
            })];
        }
        self.ask_pain_before();
        Vec::new()
    }

    /// A warning sign is newly in force: the routine stops moving until the person looks.
    pub(super) fn pause(&mut self, now: DateTime<Utc>) {
        if let Stage::Playing { player, .. } = &mut self.stage
            && player.paused_at.is_none()
        {
            player.pause(now);
        }
    }

    pub(super) fn ask_pain_before(&mut self) {
        self.typed.clear();
        self.stage = Stage::PainBefore(self.selected);
    }

    fn start(&mut self, index: usize, pain: Option<u8>, ctx: &Ctx) -> Vec<Effect> {
        let Some(routine) = self.library.routines.get(index).cloned() else {
            self.stage = Stage::List;
            return Vec::new();
        };
        let ready = ctx.diary.settings().map_or(3, |s| s.body.ready());
        let id = record::new_id(ctx.now);
        let name = routine.name.clone();
        let act = Act::Routine(RoutineAct::Start {
            id,
            routine: Box::new(routine.clone()),
            pain_before: pain,
        });
        let (player, cues) = Player::start(routine, ready, ctx.now);
        self.stage = Stage::Playing {
            player: Box::new(player),
            id,
            said: ctx.now,
        };
        let mut effects = vec![Effect::act(act, format!("Started: {name}."))];
        effects.extend(cue_effects(cues));
        effects
    }

    /// What time passing does while a routine plays: its cues, and its end.
    pub fn tick(&mut self, ctx: &Ctx) -> (Vec<Effect>, bool) {
        let Stage::Playing { player, said, .. } = &mut self.stage else {
            return (Vec::new(), false);
        };
        let cues = player.advance(ctx.now);
        let moving = player.paused_at.is_none();
        let beat = (ctx.now - *said).num_seconds() >= BEAT_SECS;
        let mut effects = self.after_cues(cues, ctx);
        if beat {
            effects.extend(self.progress(ctx.now));
        }
        (effects, moving)
    }

    /// When a playing routine next says it still plays.
    pub fn next_beat(&self) -> Option<DateTime<Utc>> {
        match &self.stage {
            Stage::Playing { said, .. } => Some(*said + chrono::Duration::seconds(BEAT_SECS)),
            _ => None,
        }
    }

    /// How the routine goes so far, saved (silently, after its cues): a nape that dies leaves
    /// it as far as it got, and its heartbeat says it still plays. Nothing once it has ended.
    fn progress(&mut self, now: DateTime<Utc>) -> Option<Effect> {
        let Stage::Playing { player, id, said } = &mut self.stage else {
            return None;
        };
        *said = now;
        let act = Act::Routine(RoutineAct::Progress {
            id: *id,
            steps: player.steps(now),
            pauses: player.pauses.clone(),
        });
        Some(Effect::act(act, ""))
    }

    fn after_cues(&mut self, cues: Vec<Cue>, ctx: &Ctx) -> Vec<Effect> {
        let done = cues.contains(&Cue::Done);
        let mut effects = cue_effects(cues);
        if done {
            effects.extend(self.end(RoutineEnd::Finished, ctx));
        }
        effects
    }

    /// The routine ends: its record is completed, then how the neck feels is asked (or, at a
    /// report, a check-in opens).
    fn end(&mut self, how: RoutineEnd, ctx: &Ctx) -> Vec<Effect> {
        let Stage::Playing { player, id, .. } = std::mem::replace(&mut self.stage, Stage::List)
        else {
            return Vec::new();
        };
        let Some(record) = ctx.diary.routines().iter().find(|r| r.id == id) else {
            return vec![say(
                "This routine's record was not found; nothing was saved.",
            )];
        };
        let ran = (ctx.now - record.body.started_at).num_seconds().max(0) as u32;
        let (done, total) = (player.steps_done(ctx.now), record.body.steps_total);
        let words = how.words(&record.body.name, done, total, ran);
        let act = Act::Routine(RoutineAct::End {
            id,
            how,
            steps: player.steps(ctx.now),
            pauses: player.pauses.clone(),
        });
        let mut effects = vec![Effect::act(act, words)];
        match how {
            RoutineEnd::Reported => {
                let report = Follow::Stretches(StretchesFollow::ReportSymptoms);
                effects.push(Effect::Then(report));
            }
            _ => {
                self.typed.clear();
                self.stage = Stage::Feeling { id };
            }
        }
        effects
    }

    fn rate_after(&mut self, id: Uuid, feeling: Option<Feeling>, pain: Option<u8>) -> Vec<Effect> {
        if feeling.is_none() && pain.is_none() {
            return Vec::new();
        }
        let mut parts = Vec::new();
        parts.extend(feeling.map(|f| format!("your neck feels {}", f.word())));
        parts.extend(pain.map(|p| format!("pain {p}")));
        let act = Act::Routine(RoutineAct::Rate { id, feeling, pain });
        vec![Effect::act(act, format!("Noted: {}.", parts.join(", ")))]
    }

    /// nape is closing: a routine playing is recorded as interrupted where it got to.
    pub fn quit(&mut self, ctx: &Ctx) -> Vec<Effect> {
        if self.player().is_none() {
            return Vec::new();
        }
        let effects = self.end(RoutineEnd::Interrupted, ctx);
        self.stage = Stage::List;
        effects
    }

    /// The routine selected, if any.
    pub fn chosen(&self) -> Option<&Routine> {
        self.library.routines.get(self.selected)
    }
}

fn say(text: &str) -> Effect {
    Effect::Say(Status::Info(text.into()))
}

fn cue_effects(cues: Vec<Cue>) -> Vec<Effect> {
    cues.into_iter().map(Effect::Cue).collect()
}
