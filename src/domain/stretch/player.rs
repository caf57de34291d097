//! The routine player: a routine laid out as phases (get ready, hold, rest), played by the wall
//! clock. Each phase is anchored at the moment it began, so a slow frame or a sleeping laptop
//! never stretches a hold, and a clock set back never lengthens one. Pure: `now` is an argument.

use chrono::{DateTime, Duration, Utc};

pub use super::cue::{Cue, Position};
use super::cue::{POSITION_SECS, WORDS_PER_SEC, introduction, position_change};
use super::record::{StepDone, StepOutcome};
use super::routine::Routine;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PhaseKind {
    /// A few seconds to read or hear the cue before the count starts.
    Ready,
    Hold,
    /// Between exercises.
    Rest,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Phase {
    pub kind: PhaseKind,
    pub secs: u32,
    pub step: usize,
    /// Index into the step's sides ("Left", "Right"; "" for none).
    pub side: usize,
    /// 1-based.
    pub rep: u32,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Player {
    pub routine: Routine,
    pub phases: Vec<Phase>,
    pub index: usize,
    pub started_at: DateTime<Utc>,
    /// When the current phase began, moved on by the time spent paused in it.
    anchor: DateTime<Utc>,
    pub paused_at: Option<DateTime<Utc>>,
    /// Every pause, for the record: from, and to once resumed.
    pub pauses: Vec<(DateTime<Utc>, Option<DateTime<Utc>>)>,
    /// The latest time seen, so a clock set back can be told from time passing.
    seen: DateTime<Utc>,
    /// The last second of the countdown already said in this phase.
    counted: u32,
    pub finished: bool,
    /// Seconds held of each hold phase left behind, the most it was held (a hold gone back to
    /// and held again counts once); the one under way is added by `steps`.
    held: Vec<u32>,
}

pub(super) fn lay_out(routine: &Routine, ready_secs: u32) -> Vec<Phase> {
    let mut phases = Vec::new();
    for (step, s) in routine.steps.iter().enumerate() {
        for (side, name) in s.sides.each().iter().enumerate() {
            for rep in 1..=s.reps {
                let at = |kind, secs| Phase {
                    kind,
                    secs,
                    step,
                    side,
                    rep,
                };
                // A side's first rep is introduced in words, whatever the get-ready time: time
                // to say them all, so the next cue does not cut them off.
                if ready_secs > 0 || rep == 1 {
                    let words = introduction(s, name, rep).words();
                    let spoken = (words.split_whitespace().count() as f64 / WORDS_PER_SEC).ceil();
                    let secs = if rep == 1 {
                        ready_secs.max(spoken as u32)
                    } else {
                        ready_secs
                    };
                    phases.push(at(PhaseKind::Ready, secs));
                }
                phases.push(at(PhaseKind::Hold, s.hold_secs));
            }
        }
        // A change of position gets a rest long enough for it, even where the routine has none.
        let moving = (routine.steps.get(step + 1)).and_then(|next| position_change(s, next));
        let rest = match moving {
            Some(_) => routine.rest_secs.max(POSITION_SECS),
            None => routine.rest_secs,
        };
        if step + 1 < routine.steps.len() && rest > 0 {
            phases.push(Phase {
                kind: PhaseKind::Rest,
                secs: rest,
                step,
                side: 0,
                rep: s.reps,
            });
        }
    }
    phases
}

fn secs(d: Duration) -> i64 {
    d.num_milliseconds().div_euclid(1000)
}

impl Player {
    /// Start `routine` at `now`, with `ready_secs` of get-ready before each hold.
    pub fn start(routine: Routine, ready_secs: u32, now: DateTime<Utc>) -> (Player, Vec<Cue>) {
        let phases = lay_out(&routine, ready_secs);
        let mut player = Player {
            routine,
            phases,
            index: 0,
            started_at: now,
            anchor: now,
            paused_at: None,
            pauses: Vec::new(),
            seen: now,
            counted: 0,
            finished: false,
            held: Vec::new(),
        };
        player.held = vec![0; player.phases.len()];
        let cues = player.enter();
        (player, cues)
    }

    pub fn phase(&self) -> Option<&Phase> {
        self.phases.get(self.index).filter(|_| !self.finished)
    }

    /// Seconds into the current phase at `now` (frozen while paused).
    fn elapsed(&self, now: DateTime<Utc>) -> i64 {
        let at = self.paused_at.unwrap_or(now);
        secs(at - self.anchor).max(0)
    }

    /// Whole seconds left in the current phase (counting up: 5 at its start, 1 in its last second).
    pub fn left_in_phase(&self, now: DateTime<Utc>) -> u32 {
        self.phase().map_or(0, |p| {
            (i64::from(p.secs) - self.elapsed(now)).clamp(0, i64::from(p.secs)) as u32
        })
    }

    /// Seconds left in the whole routine.
    pub fn left_total(&self, now: DateTime<Utc>) -> u32 {
        let later: u32 = self
            .phases
            .iter()
            .skip(self.index + 1)
            .map(|p| p.secs)
            .sum();
        later + self.left_in_phase(now)
    }

    /// The cues of the phase just entered.
    fn enter(&mut self) -> Vec<Cue> {
        self.counted = 0;
        let Some(phase) = self.phases.get(self.index).copied() else {
            self.finished = true;
            return vec![Cue::Done];
        };
        let step = &self.routine.steps[phase.step];
        let side = step.sides.each()[phase.side];
        match phase.kind {
            PhaseKind::Ready => vec![introduction(step, side, phase.rep)],
            PhaseKind::Hold => vec![match step.moves(side) {
                Some((count, what)) => Cue::Move { count, what },
                None => Cue::Hold,
            }],
            PhaseKind::Rest => {
                let next = self.routine.steps.get(phase.step + 1);
                vec![Cue::Rest {
                    next: next.map_or(String::new(), |s| s.exercise.name.clone()),
                    change: next.and_then(|n| position_change(step, n)),
                }]
            }
        }
    }

    /// Move on to `now`: every phase whose time is up ends. When several pass at once (a
    /// laptop woke), only where the routine is now is cued.
    pub fn advance(&mut self, now: DateTime<Utc>) -> Vec<Cue> {
        if now < self.seen {
            // The clock went back: the phase keeps the time it had.
            let back = self.seen - now;
            self.anchor -= back;
            if let Some(at) = self.paused_at.as_mut() {
                *at -= back;
            }
        }
        self.seen = now;
        if self.finished || self.paused_at.is_some() {
            return Vec::new();
        }
        let mut cues = Vec::new();
        while let Some(phase) = self.phase().copied() {
            let end = self.anchor + Duration::seconds(i64::from(phase.secs));
            if now < end {
                break;
            }
            if phase.kind == PhaseKind::Hold {
                self.held[self.index] = phase.secs;
            }
            self.index += 1;
            self.anchor = end;
            cues = self.enter();
        }
        if let Some(phase) = self.phase()
            && phase.kind == PhaseKind::Hold
            && phase.secs >= 4
        {
            let left = self.left_in_phase(now);
            if (1..=3).contains(&left) && self.counted != left {
                self.counted = left;
                cues.push(Cue::Count(left));
            }
        }
        cues
    }

    pub fn pause(&mut self, now: DateTime<Utc>) -> Vec<Cue> {
        let mut cues = self.advance(now);
        if self.paused_at.is_none() && !self.finished {
            self.paused_at = Some(now);
            self.pauses.push((now, None));
            cues.push(Cue::Paused);
        }
        cues
    }

    pub fn resume(&mut self, now: DateTime<Utc>) -> Vec<Cue> {
        let Some(from) = self.paused_at.take() else {
            return Vec::new();
        };
        self.anchor += (now - from).max(Duration::zero());
        if let Some(last) = self.pauses.last_mut() {
            last.1 = Some(now);
        }
        vec![Cue::Resumed]
    }

    /// Jump to the first phase of `step` (or the end), at `now`.
    fn jump(&mut self, index: usize, now: DateTime<Utc>) -> Vec<Cue> {
        if let Some(phase) = self.phase().copied().filter(|p| p.kind == PhaseKind::Hold) {
            let so_far = self.elapsed(now).clamp(0, i64::from(phase.secs)) as u32;
            self.held[self.index] = self.held[self.index].max(so_far);
        }
        self.index = index;
        self.anchor = now;
        if self.paused_at.is_some() {
            self.paused_at = Some(now);
        }
        self.enter()
    }

    /// On to the next exercise.
    pub fn skip(&mut self, now: DateTime<Utc>) -> Vec<Cue> {
        let Some(step) = self.phase().map(|p| p.step) else {
            return Vec::new();
        };
        let next = self
            .phases
            .iter()
            .position(|p| p.step > step)
            .unwrap_or(self.phases.len());
        self.jump(next, now)
    }

    /// Back to the start of this exercise, or to the one before when already at its start.
    pub fn back(&mut self, now: DateTime<Utc>) -> Vec<Cue> {
        let Some(phase) = self.phase().copied() else {
            return Vec::new();
        };
        let first_of = |step| self.phases.iter().position(|p| p.step == step).unwrap_or(0);
        let start = first_of(phase.step);
        let at_start = self.index == start && self.elapsed(now) < 2;
        let to = if (at_start || phase.kind == PhaseKind::Rest) && phase.step > 0 {
            // From a rest, "back" is the exercise just done.
            first_of(if phase.kind == PhaseKind::Rest {
                phase.step
            } else {
                phase.step - 1
            })
        } else {
            start
        };
        self.jump(to, now)
    }

    /// Each exercise as it went by `now`: the seconds held (a hold under way counts what was
    /// held of it) against those planned.
    pub fn steps(&self, now: DateTime<Utc>) -> Vec<StepDone> {
        let mut by_phase = self.held.clone();
        if let Some(phase) = self.phase().filter(|p| p.kind == PhaseKind::Hold) {
            let so_far = self.elapsed(now).clamp(0, i64::from(phase.secs)) as u32;
            by_phase[self.index] = by_phase[self.index].max(so_far);
        }
        let mut held = vec![0; self.routine.steps.len()];
        for (phase, secs) in self.phases.iter().zip(by_phase) {
            held[phase.step] += secs;
        }
        (self.routine.steps.iter().zip(held))
            .map(|(step, held)| {
                let planned = step.sides.each().len() as u32 * step.reps * step.hold_secs;
                StepDone::new(&step.exercise.id, held, planned)
            })
            .collect()
    }

    /// Exercises done in full by `now`.
    pub fn steps_done(&self, now: DateTime<Utc>) -> u32 {
        let steps = self.steps(now);
        steps
            .iter()
            .filter(|s| s.outcome == StepOutcome::Done)
            .count() as u32
    }

    /// When something next changes on screen or is said: the next whole second of the phase.
    pub fn next_change(&self) -> Option<DateTime<Utc>> {
        if self.finished || self.paused_at.is_some() {
            return None;
        }
        let into = (self.seen - self.anchor).num_milliseconds().max(0);
        Some(self.seen + Duration::milliseconds(1000 - into % 1000))
    }
}
