//! What time passing does to the model, and how long the loop may sleep before it matters.

use chrono::{DateTime, Utc};

use super::{App, Ctx, running};

impl App {
    /// How long the loop may sleep with nothing to do: to the running countdown's next second,
    /// or to midnight, when the day changes.
    pub fn next_wake(&self, now: DateTime<Utc>) -> std::time::Duration {
        let ctx = self.ctx_at(now);
        let midnight = (self.day.end - now).to_std().unwrap_or_default();
        let routine = self.stretches.player().and_then(|p| p.next_change());
        // Paused too, a playing routine says every half minute that it still plays.
        let routine = [routine, self.stretches.next_beat()]
            .into_iter()
            .flatten()
            .min();
        let routine = routine.and_then(|at| (at - now).to_std().ok());
        let reminder = self.breaks.wake(&ctx, self.busy());
        let reminder = reminder.map(|at| (at - now).to_std().unwrap_or_default());
        [running::next_second(&ctx), routine, reminder]
            .into_iter()
            .flatten()
            .fold(midnight, std::cmp::Ord::min)
    }

    /// A session or routine under way, during which no desk break is suggested.
    fn busy(&self) -> bool {
        self.diary.running().is_some() || self.stretches.player().is_some()
    }

    /// What time passing does: a new day, changes from other processes (when `look` says the
    /// store may have changed), a session running out.
    pub(super) fn advance(&mut self, look: bool) -> bool {
        // Within today's span the date is known: a running countdown's tick need not ask the
        // time zone (which reads the system's zone file) every second.
        let known = !look && self.day.contains(&self.now);
        let today = if known {
            self.today
        } else {
            self.diary.zone().date(self.now)
        };
        let new_day = today != self.today;
        if new_day && self.today_state.day == self.today {
            self.today_state.day = today; // follow the person into the new day
        }
        if !known {
            self.today = today;
            self.day = self.diary.zone().day_span(today, self.now);
        }
        let outcome = look.then(|| self.diary.refresh(self.now)).flatten();
        let data = outcome.is_some() || (!look && !known && self.diary.roll_day(self.now));
        if let Some(outcome) = &outcome {
            self.react(outcome);
        }
        let ctx = Ctx {
            diary: &self.diary,
            now: self.now,
            today,
        };
        if data {
            self.today_state.clamp(&ctx);
        }
        let (effects, timer) = self.timers.tick(&ctx);
        let (cues, playing) = self.stretches.tick(&ctx);
        let reminder = self.breaks.tick(&ctx, self.busy());
        let reminded = !reminder.is_empty();
        self.apply(effects);
        self.apply(cues);
        self.apply(reminder);
        data || new_day || timer || playing || reminded
    }
}
