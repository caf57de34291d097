//! A cold or heat session as wall-clock anchors (start, planned length, pauses, end), and the
//! state machine over them. Nothing counts down: the time left is worked out from `now` each time,
//! so a restart, a crash or a sleeping laptop loses nothing, and a clock that jumps back never
//! gives a negative or over-long time.

mod calls;
pub mod limits;
pub mod protocol;

pub use calls::Call;

use chrono::{DateTime, Duration, Utc};
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

#[derive(Serialize, Deserialize, Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[serde(rename_all = "lowercase")]
pub enum PackKind {
    Cold,
    Heat,
}

impl PackKind {
    pub fn name(self) -> &'static str {
        match self {
            PackKind::Cold => "Cold",
            PackKind::Heat => "Heat",
        }
    }

    pub fn symbol(self) -> &'static str {
        match self {
            PackKind::Cold => "❄",
            PackKind::Heat => "♨",
        }
    }

    pub fn parse(text: &str) -> Option<PackKind> {
        match text {
            "cold" => Some(PackKind::Cold),
            "heat" => Some(PackKind::Heat),
            _ => None,
        }
    }
}

#[derive(Serialize, Deserialize, Clone, Copy, Debug, PartialEq, Eq)]
pub struct Pause {
    pub from: DateTime<Utc>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub to: Option<DateTime<Utc>>,
}

/// What to do when a warning sign has paused a running session.
pub fn paused_words(kind: PackKind) -> String {
    let kind = kind.name().to_lowercase();
    format!("Your {kind} session is paused: take the pack off.")
}

/// The start of what is said when a warning sign could not pause the running session.
pub const NOT_PAUSED: &str = "The running session could not be paused";

/// How the skin under a cold pack feels at a skin check, in the order it goes: at numb, stop.
#[derive(Serialize, Deserialize, Clone, Copy, Debug, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub enum Skin {
    Cold,
    Burning,
    Aching,
    Numb,
}

impl Skin {
    pub fn word(self) -> &'static str {
        match self {
            Skin::Cold => "cold",
            Skin::Burning => "burning",
            Skin::Aching => "aching",
            Skin::Numb => "numb",
        }
    }
}

#[derive(Serialize, Deserialize, Clone, Copy, Debug, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub enum EndReason {
    /// Ran its planned length (perhaps while nape was closed).
    Finished,
    /// Stopped early by the person.
    Stopped,
    /// Stopped at a skin check that found numb skin.
    Numb,
}

#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
pub struct Session {
    pub kind: PackKind,
    pub started_at: DateTime<Utc>,
    /// Planned running time in seconds, extensions included.
    pub planned_secs: i64,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub pauses: Vec<Pause>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ended_at: Option<DateTime<Utc>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub end_reason: Option<EndReason>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pain_before: Option<u8>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pain_after: Option<u8>,
    /// Skin checks answered, by minute mark.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub skin_checks: Vec<u32>,
    /// What the skin felt at each of `skin_checks` (empty in records from before nape kept it).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub skin_felt: Vec<Skin>,
    /// Pain after was asked (and perhaps skipped): it is not asked again.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub after_asked: bool,
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum State {
    Running {
        left: Duration,
    },
    Paused {
        left: Duration,
    },
    /// The planned time is up but the end is not recorded yet.
    Due,
    Ended,
}

#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum TimerError {
    #[error("the session has already ended")]
    Ended,
    #[error("the session is already paused")]
    AlreadyPaused,
    #[error("the session is not paused")]
    NotPaused,
    #[error("sessions stop at {0} minutes; this one is already there")]
    AtCap(i64),
}

impl Session {
    pub fn new(kind: PackKind, minutes: i64, now: DateTime<Utc>) -> Session {
        Session {
            kind,
            started_at: now,
            planned_secs: minutes * 60,
            pauses: Vec::new(),
            ended_at: None,
            end_reason: None,
            pain_before: None,
            pain_after: None,
            skin_checks: Vec::new(),
            skin_felt: Vec::new(),
            after_asked: false,
            extra: Map::new(),
        }
    }

    pub fn planned(&self) -> Duration {
        Duration::seconds(self.planned_secs.max(0))
    }

    /// Time spent paused up to `until`. A pause that seems to start after `until` (the clock went
    /// back) counts as nothing.
    fn paused(&self, until: DateTime<Utc>) -> Duration {
        self.pauses
            .iter()
            .map(|p| {
                let end = p.to.unwrap_or(until).min(until);
                (end - p.from).max(Duration::zero())
            })
            .sum()
    }

    /// Running time so far, between zero and the planned length whatever the clock says. A
    /// clock read before the session's last recorded moment (set back) takes no time away:
    /// paused, the time left stays as it was.
    pub fn elapsed(&self, now: DateTime<Utc>) -> Duration {
        let until = self.ended_at.unwrap_or(now.max(self.last_anchor()));
        let wall = (until - self.started_at).max(Duration::zero());
        (wall - self.paused(until)).clamp(Duration::zero(), self.planned())
    }

    pub fn left(&self, now: DateTime<Utc>) -> Duration {
        self.planned() - self.elapsed(now)
    }

    pub fn is_paused(&self) -> bool {
        self.pauses.last().is_some_and(|p| p.to.is_none())
    }

    pub fn state(&self, now: DateTime<Utc>) -> State {
        let left = self.left(now);
        match () {
            _ if self.ended_at.is_some() => State::Ended,
            _ if self.is_paused() => State::Paused { left },
            _ if left <= Duration::zero() => State::Due,
            _ => State::Running { left },
        }
    }

    /// When the planned time runs out if nothing changes (while paused: never).
    pub fn planned_end(&self) -> Option<DateTime<Utc>> {
        if self.is_paused() || self.ended_at.is_some() {
            return None;
        }
        let paused: Duration = self
            .pauses
            .iter()
            .filter_map(|p| p.to.map(|to| (to - p.from).max(Duration::zero())))
            .sum();
        Some(self.started_at + self.planned() + paused)
    }

    /// The latest time recorded so far. A clock set back may report a time before it; every new
    /// anchor is taken as no earlier, so a session never runs longer than planned plus its
    /// real pauses.
    fn last_anchor(&self) -> DateTime<Utc> {
        self.pauses
            .iter()
            .flat_map(|p| [Some(p.from), p.to])
            .flatten()
            .fold(self.started_at, DateTime::max)
    }

    /// A clock set back since the last recorded moment: the session's moments move back with
    /// it, so what has run and what is left stay as they were, measured on by the new clock.
    /// Time never counts twice, and the time on the skin never passes the planned length.
    fn catch_up(&mut self, now: DateTime<Utc>) {
        let behind = self.last_anchor() - now;
        if behind <= Duration::zero() {
            return;
        }
        self.started_at -= behind;
        for pause in &mut self.pauses {
            pause.from -= behind;
            pause.to = pause.to.map(|to| to - behind);
        }
    }

    pub fn pause(&mut self, now: DateTime<Utc>) -> Result<(), TimerError> {
        self.check_open()?;
        self.catch_up(now);
        // Time already up: it ended then, and there is nothing left to pause.
        if self.finish_if_due(now) {
            return Err(TimerError::Ended);
        }
        if self.is_paused() {
            return Err(TimerError::AlreadyPaused);
        }
        self.pauses.push(Pause {
            from: now.max(self.last_anchor()),
            to: None,
        });
        Ok(())
    }

    pub fn resume(&mut self, now: DateTime<Utc>) -> Result<(), TimerError> {
        self.check_open()?;
        self.catch_up(now);
        let last = self.last_anchor();
        match self.pauses.last_mut() {
            Some(p) if p.to.is_none() => {
                p.to = Some(now.max(last));
                Ok(())
            }
            _ => Err(TimerError::NotPaused),
        }
    }

    /// One more minute, never past `cap_minutes` in all.
    pub fn extend(&mut self, cap_minutes: i64) -> Result<(), TimerError> {
        self.check_open()?;
        let cap = cap_minutes * 60;
        if self.planned_secs >= cap {
            return Err(TimerError::AtCap(cap_minutes));
        }
        self.planned_secs = (self.planned_secs + 60).min(cap);
        Ok(())
    }

    /// End early (or at a numb skin check) at `now`.
    pub fn stop(&mut self, now: DateTime<Utc>, reason: EndReason) -> Result<(), TimerError> {
        self.check_open()?;
        self.catch_up(now);
        let last = self.last_anchor();
        if let Some(p) = self.pauses.last_mut().filter(|p| p.to.is_none()) {
            p.to = Some(now.max(last));
        }
        let end = self.planned_end().map_or(now, |planned| planned.min(now));
        self.ended_at = Some(end.max(self.last_anchor()));
        self.end_reason = Some(reason);
        Ok(())
    }

    /// Record the end of a session whose time is up, at the moment it ran out (which may be
    /// long before `now` if nape was closed). Returns false if it is not due.
    pub fn finish_if_due(&mut self, now: DateTime<Utc>) -> bool {
        if self.state(now) != State::Due {
            return false;
        }
        self.ended_at = Some(
            self.planned_end()
                .unwrap_or(now)
                .min(now)
                .max(self.last_anchor()),
        );
        self.end_reason = Some(EndReason::Finished);
        true
    }

    /// A session whose start is more than a minute after `now` was started by a process whose
    /// clock ran fast: how long it has really run cannot be known, so it is taken to start now
    /// (rather than freeze at its full length for the difference). Only a session still running
    /// untouched is moved. Returns whether it was.
    pub fn start_not_after(&mut self, now: DateTime<Utc>) -> bool {
        let future = self.started_at - now > Duration::minutes(1);
        if !future || !self.pauses.is_empty() || self.ended_at.is_some() {
            return false;
        }
        self.started_at = now;
        true
    }

    /// The latest skin check (minute mark) reached, if not answered yet, for cold sessions.
    pub fn skin_check_due(&self, marks: &[u32], now: DateTime<Utc>) -> Option<u32> {
        if self.kind != PackKind::Cold || self.state(now) == State::Ended {
            return None;
        }
        // Only the latest mark reached: a check missed while nape was closed is not asked
        // after a later one (the skin now is what matters).
        let minutes = self.elapsed(now).num_minutes();
        let latest = marks
            .iter()
            .copied()
            .filter(|m| i64::from(*m) <= minutes)
            .max()?;
        (!self.skin_checks.contains(&latest)).then_some(latest)
    }

    /// Record the skin check at minute `mark`; numb skin ends the session there and then.
    pub fn answer_skin_check(
        &mut self,
        mark: u32,
        felt: Skin,
        now: DateTime<Utc>,
    ) -> Result<(), TimerError> {
        self.check_open()?;
        // Answers kept beside their marks; an older record's marks have none.
        if self.skin_felt.len() == self.skin_checks.len() {
            self.skin_felt.push(felt);
        }
        self.skin_checks.push(mark);
        if felt == Skin::Numb {
            self.stop(now, EndReason::Numb)?;
        }
        Ok(())
    }

    fn check_open(&self) -> Result<(), TimerError> {
        if self.ended_at.is_some() {
            Err(TimerError::Ended)
        } else {
            Ok(())
        }
    }
}

/// How long a session ran, in words: "16 seconds", "1 minute", "6 minutes".
pub fn ran(d: Duration) -> String {
    let (n, unit) = match d.num_minutes() {
        0 => (d.num_seconds().max(0), "second"),
        m => (m, "minute"),
    };
    let plural = if n == 1 { "" } else { "s" };
    format!("{n} {unit}{plural}")
}

/// "12:05" for a duration, rounded up to the second so a timer never shows 0:00 while running.
pub fn clock(d: Duration) -> String {
    let secs = (d.num_milliseconds().max(0) + 999) / 1000;
    format!("{}:{:02}", secs / 60, secs % 60)
}
