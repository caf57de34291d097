//! Desk-break reminders while nape is open: every so many minutes (Settings) after the last
//! routine or break, never at night or while a timer or routine runs. A line and the bell,
//! never the whole screen; z snoozes ten minutes, Z dismisses.

use chrono::{DateTime, Duration, Timelike, Utc};

use super::{Ctx, Effect, Status};
use crate::diary::{Act, SettingsAct};
use crate::domain::stretch::Cue;
use crate::domain::stretch::breaks::{first_daytime, is_night, next_reminder};

const SNOOZE_MINUTES: i64 = 10;

#[derive(Clone, Debug)]
pub struct Breaks {
    /// Opening nape counts as a break: nobody is reminded the moment it opens.
    opened_at: DateTime<Utc>,
    snoozed_until: Option<DateTime<Utc>>,
    /// A reminder is showing.
    pub due: bool,
}

impl Breaks {
    pub fn new(now: DateTime<Utc>) -> Self {
        Breaks {
            opened_at: now,
            snoozed_until: None,
            due: false,
        }
    }

    /// When the next reminder is due, if reminders are on.
    pub fn next(&self, ctx: &Ctx) -> Option<DateTime<Utc>> {
        let settings = ctx.diary.settings()?;
        let last_routine = ctx
            .diary
            .routines()
            .last()
            .map(|r| r.body.ended_at.unwrap_or(r.body.started_at));
        let last = [Some(self.opened_at), last_routine, settings.body.break_at]
            .into_iter()
            .flatten()
            .max()?;
        next_reminder(last, settings.body.break_every(), self.snoozed_until)
    }

    /// When the loop must wake for the reminder: its due time, or the end of the night when it
    /// falls due at night; `None` while it shows or while a timer or routine runs (their own
    /// ends wake the loop). Never a time already past, so the loop never spins waiting for it.
    pub fn wake(&self, ctx: &Ctx, busy: bool) -> Option<DateTime<Utc>> {
        if self.due || busy {
            return None;
        }
        let zone = ctx.diary.zone();
        let due = self.next(ctx)?.max(ctx.now);
        let night = ctx.diary.settings()?.body.night_hours();
        let local = zone.local(due);
        let shown = first_daytime(local, night);
        if shown == local {
            return Some(due); // by day: no round trip through a local time an autumn repeats
        }
        // A morning hour the clocks skip: ask again in an hour.
        Some(
            zone.at(shown)
                .map_or(due + Duration::hours(1), |at| at.max(due)),
        )
    }

    /// Raise the reminder when it is due and the time is right. `busy` is a timer or routine.
    pub fn tick(&mut self, ctx: &Ctx, busy: bool) -> Vec<Effect> {
        if self.due || busy || self.next(ctx).is_none_or(|at| ctx.now < at) {
            return Vec::new();
        }
        let night = ctx
            .diary
            .settings()
            .map(|s| s.body.night_hours())
            .unwrap_or_default();
        if is_night(ctx.diary.zone().local(ctx.now).hour(), night) {
            return Vec::new();
        }
        self.due = true;
        vec![Effect::Cue(Cue::Break)]
    }

    pub fn snooze(&mut self, ctx: &Ctx) -> Vec<Effect> {
        if !self.due {
            return Vec::new();
        }
        self.due = false;
        self.snoozed_until = Some(ctx.now + Duration::minutes(SNOOZE_MINUTES));
        vec![Effect::Say(Status::Info(format!(
            "Desk break in {SNOOZE_MINUTES} minutes."
        )))]
    }

    /// Dismissed: the next reminder is a whole interval away, and stays so after a restart.
    pub fn dismiss(&mut self) -> Vec<Effect> {
        if !self.due {
            return Vec::new();
        }
        self.due = false;
        self.snoozed_until = None;
        vec![Effect::act(
            Act::Settings(SettingsAct::BreakSkipped),
            "Desk break skipped.",
        )]
    }

    /// A routine started: the reminder has done its job.
    pub fn taken(&mut self) {
        self.due = false;
        self.snoozed_until = None;
    }
}
