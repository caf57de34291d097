//! The running session as the Timers screen tells it: what each action carried out by the
//! diary says, why one was refused, and how long the loop may sleep before the countdown's
//! next second.

use chrono::Utc;

use super::timers::TimersFollow;
use super::{Ctx, Effect, Follow, Status};
use crate::diary::{Done, Refused, Settled, TimerAction};
use crate::domain::therapy::{EndReason, Session, State, clock, ran};
use crate::keys;

/// What the screen says after `action` was carried out, and what follows: pain after is asked
/// once a session has ended.
pub(super) fn said(action: TimerAction, done: &Done, now: chrono::DateTime<Utc>) -> Vec<Effect> {
    let record = &done.session;
    let s = &record.body;
    let kind = s.kind.name();
    let left = || {
        format!(
            "the {} session has {} left",
            kind.to_lowercase(),
            clock(s.left(now))
        )
    };
    let message = match action {
        TimerAction::Start { .. } => {
            format!(
                "{kind} session started: {} minutes.",
                s.planned().num_minutes()
            )
        }
        // Paused, the time left stands still, so it can be said; counting down, it is left to
        // the countdown beside the words, which stay up until the next key.
        TimerAction::Pause => format!("Paused: {}.", left()),
        TimerAction::Resume => format!(
            "Resumed: the {} session counts down again.",
            kind.to_lowercase()
        ),
        TimerAction::Extend => format!(
            "One more minute: the {} session runs {} minutes in all.",
            kind.to_lowercase(),
            s.planned().num_minutes()
        ),
        TimerAction::Skin(_) if s.end_reason == Some(EndReason::Numb) => {
            "Stopped: numb skin. Take the pack off and let the skin warm up.".to_string()
        }
        TimerAction::Skin(_) => {
            let mark = done.mark.unwrap_or_default();
            format!("Skin check at {mark} minutes noted.")
        }
        TimerAction::Stop { .. } => {
            format!("{kind} session stopped after {}.", ran(s.elapsed(now)))
        }
        TimerAction::Rate { pain: Some(_), .. } => "Pain after saved.".to_string(),
        TimerAction::Rate { pain: None, .. } => "No pain rating this time.".to_string(),
        TimerAction::Settle => match done.settled {
            None => return Vec::new(),
            Some(Settled::StartMoved) => {
                "The session's start was ahead of this clock: it counts from now.".to_string()
            }
            Some(Settled::Finished) => {
                let ago = (now - s.ended_at.unwrap_or(now)).num_minutes();
                if ago >= 1 {
                    let plural = if ago == 1 { "" } else { "s" };
                    format!("{kind} session ended {ago} minute{plural} ago.")
                } else {
                    format!("{kind} session finished. Take the pack off and look at your skin.")
                }
            }
        },
    };
    let mut effects = vec![Effect::Say(Status::Info(message.clone()))];
    let ended = s.ended_at.is_some() && !matches!(action, TimerAction::Rate { .. });
    if ended {
        if done.settled == Some(Settled::Finished) {
            effects.push(Effect::Bell);
        }
        let id = record.id;
        let asked = TimersFollow::PainAfter { id, message };
        effects.push(Effect::Then(Follow::Timers(asked)));
    }
    effects
}

/// Why the diary refused an action, with the key that helps.
pub(super) fn refused(action: TimerAction, refusal: &Refused) -> Status {
    match refusal {
        Refused::NotRunning => Status::Info("No session is running.".into()),
        Refused::Locked(sentence) => {
            let not = match action {
                TimerAction::Start { .. } => "Not started",
                TimerAction::Resume => "Not resumed",
                _ => "Not changed",
            };
            Status::Error(format!("{not}: {sentence} {}", keys::unlock()))
        }
        Refused::Cautions(_) => Status::Error(format!("Not started: {refusal}.")),
        Refused::Running(_) => Status::Error(format!(
            "A session is already running: {} stops it.",
            keys::hint(super::Msg::StopTimer)
        )),
        Refused::Saving(e) => Status::Error(format!("Not saved: {e}")),
        Refused::Timer(e) => Status::Error(format!("Not changed: {e}.")),
        Refused::NoSkinCheck | Refused::NoneEnded | Refused::Gone => {
            Status::Error(format!("Not saved: {refusal}."))
        }
    }
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

/// The session as it is now, after a change made here or elsewhere.
pub(super) fn as_now(s: &Session, now: chrono::DateTime<Utc>) -> String {
    let kind = s.kind.name();
    match s.state(now) {
        // No time left in the words: the countdown beside them keeps it, and this would not.
        State::Running { .. } => format!("{kind} session running."),
        State::Paused { .. } => format!("{kind} session paused."),
        State::Due | State::Ended => format!("{kind} session over."),
    }
}
