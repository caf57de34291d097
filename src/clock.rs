//! The person's time zone and "today": the machine's own zone, or a fixed offset so tests do not
//! depend on where they run. The only place that knows the local zone.

use std::ops::Range;
use std::time::Instant;

use chrono::{
    DateTime, Days, Duration, FixedOffset, Local, NaiveDate, NaiveDateTime, TimeZone, Utc,
};

use crate::domain::checkin::{CheckIn, Draft, FieldError};

/// The open app's clock: the wall clock, except that a clock set back does not take time back.
/// Time then goes on from the last reading by the monotonic clock, so a running countdown keeps
/// counting instead of freezing until the wall clock catches up. Forward jumps (waking from
/// sleep) are followed, and so is a wall clock more than a day behind: that is a correction.
pub struct Steady {
    last: DateTime<Utc>,
    at: Instant,
}

impl Steady {
    pub fn new() -> Steady {
        Steady::starting(Utc::now(), Instant::now())
    }

    pub fn starting(wall: DateTime<Utc>, at: Instant) -> Steady {
        Steady { last: wall, at }
    }

    pub fn now(&mut self) -> DateTime<Utc> {
        self.next(Utc::now(), Instant::now())
    }

    /// The time at monotonic `at`, given the wall clock says `wall`.
    pub fn next(&mut self, wall: DateTime<Utc>, at: Instant) -> DateTime<Utc> {
        let went = Duration::from_std(at.saturating_duration_since(self.at)).unwrap_or_default();
        let now = steady(self.last, went, wall);
        (self.last, self.at) = (now, at);
        now
    }
}

/// The time now, given the last reading `last` and the time `went` since by a clock that never
/// goes back: the wall clock, unless it is behind that (set back), when time goes on from the
/// last reading instead; more than a day behind is a correction, and followed.
pub fn steady(last: DateTime<Utc>, went: Duration, wall: DateTime<Utc>) -> DateTime<Utc> {
    let steady = last + went;
    if wall >= steady || steady - wall > Duration::days(1) {
        wall
    } else {
        steady
    }
}

/// Nanoseconds since this computer started, sleep included: the same for every process, and
/// never set back. `None` where it cannot be read.
pub fn since_boot() -> Option<i128> {
    #[cfg(target_os = "linux")]
    {
        let t = rustix::time::clock_gettime(rustix::time::ClockId::Boottime);
        Some(i128::from(t.tv_sec) * 1_000_000_000 + i128::from(t.tv_nsec))
    }
    #[cfg(not(target_os = "linux"))]
    None
}

impl Default for Steady {
    fn default() -> Self {
        Steady::new()
    }
}

#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Zone {
    Local,
    Fixed(FixedOffset),
}

impl Zone {
    pub fn local(&self, at: DateTime<Utc>) -> NaiveDateTime {
        match self {
            Zone::Local => at.with_timezone(&Local).naive_local(),
            Zone::Fixed(offset) => at.with_timezone(offset).naive_local(),
        }
    }

    pub fn date(&self, at: DateTime<Utc>) -> NaiveDate {
        self.local(at).date()
    }

    /// The clock time of `at` where it was made (`offset`, seconds east of UTC, if known), with
    /// the zone named when that differs from this zone's at that moment: "22:00" here, "22:00
    /// UTC+0" from elsewhere. `format` is strftime's.
    pub fn clock_of(&self, at: DateTime<Utc>, offset: Option<i32>, format: &str) -> String {
        let made = offset.and_then(chrono::FixedOffset::east_opt);
        let here = self.local(at);
        match made.map(|o| at.with_timezone(&o)) {
            Some(there) if there.naive_local() != here => {
                let secs = there.offset().local_minus_utc();
                let (sign, secs) = if secs < 0 { ('-', -secs) } else { ('+', secs) };
                let zone = match (secs / 3600, secs % 3600 / 60) {
                    (h, 0) => format!("UTC{sign}{h}"),
                    (h, m) => format!("UTC{sign}{h}:{m:02}"),
                };
                format!("{} {zone}", there.format(format))
            }
            _ => here.format(format).to_string(),
        }
    }

    /// The UTC instant of a local time (the earlier one if ambiguous; `None` if skipped).
    pub fn at(&self, local: NaiveDateTime) -> Option<DateTime<Utc>> {
        let utc = match self {
            Zone::Local => Local
                .from_local_datetime(&local)
                .earliest()?
                .with_timezone(&Utc),
            Zone::Fixed(offset) => offset
                .from_local_datetime(&local)
                .earliest()?
                .with_timezone(&Utc),
        };
        Some(utc)
    }

    /// The UTC instant of local midnight at the start of `date` (the earlier one if ambiguous).
    pub fn start_of(&self, date: NaiveDate) -> Option<DateTime<Utc>> {
        self.at(date.and_hms_opt(0, 0, 0)?)
    }

    /// From the start of `today` to the next midnight, in UTC; up to an hour from `now` where
    /// the zone has no such midnight, so the date is asked again soon.
    pub fn day_span(&self, today: NaiveDate, now: DateTime<Utc>) -> Range<DateTime<Utc>> {
        let start = self.start_of(today).unwrap_or(now);
        let end = self
            .start_of(today + Days::new(1))
            .unwrap_or(now + Duration::hours(1));
        start.min(now)..end
    }

    pub fn validate(
        &self,
        draft: &Draft,
        now: DateTime<Utc>,
    ) -> Result<(CheckIn, NaiveDate), Vec<FieldError>> {
        match self {
            Zone::Local => draft.validate(&Local, now),
            Zone::Fixed(offset) => draft.validate(offset, now),
        }
    }
}
