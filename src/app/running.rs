//! What the Timers keys do to the running session: pause, resume, one more minute, stop, and
//! how long the loop may sleep before its countdown's next second.

use chrono::{DateTime, Utc};

use super::{Ctx, Effect, Follow, Status};
use crate::diary::Change;
use crate::domain::therapy::{EndReason, Session, State, TimerError, clock, ran};

/// Change the running session and say `done` ("Paused") with the time left.
pub(super) fn change_running(
    ctx: &Ctx,
    done: &str,
    change: impl FnOnce(&mut Session, DateTime<Utc>) -> Result<(), TimerError>,
) -> Vec<Effect> {
    let Some(mut record) = ctx.diary.running().cloned() else {
        return vec![Effect::Say(Status::Info("No session is running.".into()))];
    };
    if let Err(e) = change(&mut record.body, ctx.now) {
        return vec![Effect::Say(Status::Error(format!("Not changed: {e}.")))];
    }
    record.touch(ctx.now);
    let left = clock(record.body.left(ctx.now));
    let kind = record.body.kind.name().to_lowercase();
    let done = format!("{done}: the {kind} session has {left} left.");
    vec![Effect::save(Change::update(record), done)]
}

pub(super) fn stop_running(ctx: &Ctx, reason: EndReason) -> Vec<Effect> {
    stop_running_with(ctx, reason, |_| {})
}

/// Stop the running session (after `also` changes it), then ask pain after.
pub(super) fn stop_running_with(
    ctx: &Ctx,
    reason: EndReason,
    also: impl FnOnce(&mut Session),
) -> Vec<Effect> {
    let Some(mut record) = ctx.diary.running().cloned() else {
        return Vec::new();
    };
    also(&mut record.body);
    if record.body.stop(ctx.now, reason).is_err() {
        return Vec::new();
    }
    record.touch(ctx.now);
    let message = match reason {
        EndReason::Numb => {
            "Stopped: numb skin. Take the pack off and let the skin warm up.".to_string()
        }
        _ => format!(
            "{} session stopped after {}.",
            record.body.kind.name(),
            ran(record.body.elapsed(ctx.now))
        ),
    };
    let id = record.id;
    vec![
        Effect::save(Change::update(record), message.clone()),
        Effect::Then(Follow::PainAfter { id, message }),
    ]
}

/// How long the loop may sleep before the countdown's next whole second; `None` when no session
/// is counting down.
pub fn next_second(ctx: &Ctx) -> Option<std::time::Duration> {
    let running = ctx.diary.running()?;
    if !matches!(running.body.state(ctx.now), State::Running { .. }) {
        return None;
    }
    let left_ms = running
        .body
        .left(ctx.now)
        .num_milliseconds()
        .rem_euclid(1000);
    Some(std::time::Duration::from_millis(left_ms as u64 + 5))
}
