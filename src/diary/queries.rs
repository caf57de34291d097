//! The questions the app and the command line share. Each is answered here once.

use chrono::{DateTime, Duration, NaiveDate, Utc};

use super::Diary;
use crate::domain::checkin::CheckIn;
use crate::domain::function::{self, FunctionRating};
use crate::domain::redflag::{self, ActiveFlag, Assessment};
use crate::domain::settings::Settings;
use crate::domain::settings::TrendsView;
use crate::domain::stretch::RoutineSession;
use crate::domain::therapy::limits::{Limits, bounds};
use crate::domain::therapy::{PackKind, Session, protocol};
use crate::domain::trends::{Day, Facts};
use crate::store::Record;
use uuid::Uuid;

impl Diary {
    pub fn checkins(&self) -> &[Record<CheckIn>] {
        &self.checkins
    }

    pub fn checkins_on(&self, day: NaiveDate) -> impl Iterator<Item = &Record<CheckIn>> {
        // Sorted by time. A record's date is the local date where it was made, which may be a
        // day either side of the UTC date (zones run from -12 to +14 hours): only the check-ins
        // from two days before to two days after are looked at, found by halving.
        let utc = |d: NaiveDate| d.and_time(chrono::NaiveTime::MIN).and_utc();
        let from = utc(day - Duration::days(2));
        let until = utc(day + Duration::days(3));
        let start = self.checkins.partition_point(|r| r.body.at < from);
        let end = self.checkins.partition_point(|r| r.body.at < until);
        self.checkins[start..end.max(start)]
            .iter()
            .filter(move |r| r.date == day)
    }

    /// Each day with check-ins: its mean and worst pain, in date order.
    pub fn days(&self) -> &[Day] {
        &self.days
    }

    /// How many hex digits of an id, from 8, tell every check-in apart (the ones summed up in
    /// the index too), for short ids a person can type back.
    pub fn id_len(&self) -> usize {
        // Read from the index, the older ones an id here may begin like are kept there.
        let mut ids: Vec<Uuid> = self.checkins.iter().map(|r| r.id).collect();
        ids.extend(self.summary.iter().flat_map(|s| s.near.iter().copied()));
        ids.sort_unstable();
        ids.dedup();
        super::index::id_len(ids.into_iter())
    }

    /// The latest check-in by time.
    pub fn last_checkin(&self) -> Option<&Record<CheckIn>> {
        self.checkins.last()
    }

    /// Routines played, oldest first.
    pub fn routines(&self) -> &[Record<RoutineSession>] {
        &self.routines
    }

    /// Whether `routine` still plays: its process is running where that can be known (it
    /// plays on this desk), or else its nape has said so lately.
    pub(super) fn still_playing(
        &self,
        routine: &Record<RoutineSession>,
        now: DateTime<Utc>,
    ) -> bool {
        let r = &routine.body;
        let here = r.desk.as_deref() == Some(self.store.desk());
        let alive = (r.pid.filter(|_| here)).and_then(crate::store::nape_running);
        r.playing(now, alive)
    }

    /// The routine playing at `now`, if one is (in this app or another).
    pub fn playing(&self, now: DateTime<Utc>) -> Option<&Record<RoutineSession>> {
        self.routines
            .iter()
            .rev()
            .find(|r| self.still_playing(r, now))
    }

    /// Functional scale ratings, oldest first.
    pub fn function(&self) -> &[Record<FunctionRating>] {
        &self.function
    }

    /// The activities the person named for the functional scale: at most five, each a valid
    /// name (a hand-edited settings file may hold anything; a rating of such a list would be
    /// refused at the end).
    pub fn activities(&self) -> Vec<String> {
        let named = self
            .settings
            .as_ref()
            .map_or(&[][..], |s| &s.body.activities);
        (named.iter())
            .filter(|n| function::check_name(n).is_ok())
            .take(function::MAX_ACTIVITIES)
            .cloned()
            .collect()
    }

    /// Whether this week's functional rating is due (a gentle prompt, never a block).
    pub fn function_due(&self, today: NaiveDate) -> bool {
        // Read from the index, only the latest weeks' ratings are here: an older one would be
        // over a week old, and ask all the same.
        let last = self.function.last().map(|r| r.date);
        // Asked on every frame of Today: whether one valid name exists, without a list.
        let named = (self.settings.as_ref()).is_some_and(|s| {
            s.body
                .activities
                .iter()
                .any(|n| function::check_name(n).is_ok())
        });
        function::due(named, last, today)
    }

    /// The Trends screen's span and section as last left.
    pub fn trends_view(&self) -> TrendsView {
        (self.settings.as_ref())
            .and_then(|s| s.body.trends_view)
            .unwrap_or_default()
    }

    /// Everything the trends are worked out from, each with its local date.
    pub fn facts(&self) -> Facts<'_> {
        Facts {
            days: &self.days,
            checkins: self.history(),
            packs: (self.sessions.iter())
                .map(|s| (self.zone.date(s.body.started_at), &s.body))
                .collect(),
            routines: (self.routines.iter())
                .map(|r| (self.zone.date(r.body.started_at), &r.body))
                .collect(),
            assessments: (self.assessments.iter())
                .map(|a| self.zone.date(a.body.at))
                .collect(),
            onset: self.settings.as_ref().and_then(|s| s.body.onset),
            function: self.function.iter().map(|r| (r.date, &r.body)).collect(),
        }
    }

    pub fn assessments(&self) -> &[Record<Assessment>] {
        &self.assessments
    }

    pub fn sessions(&self) -> &[Record<Session>] {
        &self.sessions
    }

    pub fn settings(&self) -> Option<&Record<Settings>> {
        self.settings.as_ref()
    }

    /// The cold and heat numbers in force for this person.
    pub fn limits(&self) -> Limits {
        self.settings
            .as_ref()
            .map_or_else(Limits::default, |s| s.body.limits())
    }

    /// The number to call in an emergency: the person's, or their locale's until they set one.
    pub fn emergency_number(&self) -> &str {
        self.settings
            .as_ref()
            .map(|s| s.body.emergency_number.as_str())
            .filter(|_| self.number_ok)
            .unwrap_or(self.locale_number)
    }

    /// Where the protocol's hour counts start: the time the pain began if the person gave one,
    /// otherwise the end of the onset day (the cautious reading: it may have begun late that
    /// day). `None` when the pain has been going on for a while. Never set up (only the shell
    /// used): the first check-in or session, or `now`, so heat is not suggested on what may
    /// be the first day.
    pub fn episode_start(&self, now: DateTime<Utc>) -> Option<DateTime<Utc>> {
        let Some(settings) = self.settings.as_ref().map(|s| &s.body) else {
            let checkin = self.checkins.first().map(|c| c.body.at);
            let session = self.sessions.first().map(|s| s.body.started_at);
            // Read from the index, the first ones may be among those summed up.
            let summed = self.summary.as_ref();
            let summed = summed.map_or([None, None], |s| [s.first_checkin, s.first_session]);
            return Some(
                [checkin, session, summed[0], summed[1]]
                    .into_iter()
                    .flatten()
                    .min()
                    .unwrap_or(now),
            );
        };
        let onset = settings.onset?;
        match settings.onset_time {
            Some(time) => self.zone.at(onset.and_time(time)),
            None => self.zone.start_of(onset.succ_opt()?),
        }
    }

    /// Until when heat is advised against in this episode, if that is still to come.
    pub fn no_heat_until(&self, now: DateTime<Utc>) -> Option<DateTime<Utc>> {
        let until = self.episode_start(now)? + Duration::hours(self.limits().heat_not_before_hours);
        (until > now).then_some(until)
    }

    /// Warning signs active now, most urgent first.
    pub fn flags(&self) -> &[ActiveFlag] {
        &self.flags
    }

    /// The emergency or urgent sign not yet seen by a clinician that keeps timers and stretches
    /// closed, if any.
    pub fn lock(&self) -> Option<&ActiveFlag> {
        self.flags.iter().find(|f| f.locks())
    }

    pub fn locked(&self) -> bool {
        self.lock().is_some()
    }

    /// The running (not yet ended) session, if any.
    pub fn running(&self) -> Option<&Record<Session>> {
        self.sessions
            .iter()
            .rev()
            .find(|s| s.body.ended_at.is_none())
    }

    /// Sessions of `kind` started on `day` (local).
    pub fn done_on(&self, day: NaiveDate, kind: PackKind) -> usize {
        // Kept in start order, so only the newest few need looking at.
        self.sessions
            .iter()
            .rev()
            .map(|s| (s.body.kind, self.zone.date(s.body.started_at)))
            .take_while(|(_, date)| *date >= day)
            .filter(|(k, date)| *k == kind && *date == day)
            .count()
    }

    /// Which pack suits now, and why.
    pub fn recommend(&self, now: DateTime<Utc>) -> (PackKind, String) {
        protocol::recommend(self.episode_start(now), now, &self.limits())
    }

    /// Reasons to ask before starting `kind` now; empty when it is fine.
    pub fn cautions(&self, kind: PackKind, now: DateTime<Utc>) -> Vec<String> {
        // Unable to rule out a warning sign: ask, rather than start as if all were well.
        let unchecked = self
            .unchecked()
            .map(|why| format!("warning signs could not be checked: {why}"));
        let protocol = protocol::cautions(
            kind,
            self.episode_start(now),
            self.sessions.iter().map(|r| &r.body),
            self.done_on(self.zone.date(now), kind),
            now,
            &self.limits(),
        );
        unchecked.into_iter().chain(protocol).collect()
    }

    /// When the next session of `kind` may start by the gap rule, if that is still to come.
    pub fn next_allowed(&self, kind: PackKind, now: DateTime<Utc>) -> Option<DateTime<Utc>> {
        protocol::next_allowed(kind, self.sessions.iter().map(|r| &r.body), &self.limits())
            .filter(|next| *next > now)
    }

    /// Whether the person has read the safety notes for `kind`.
    pub fn safety_seen(&self, kind: PackKind) -> bool {
        self.settings
            .as_ref()
            .is_some_and(|s| s.body.safety_seen.contains(&kind))
    }

    /// Sessions ended in the last 12 hours that still wait for pain after (neither rated nor
    /// skipped), newest first.
    pub fn unrated(&self, now: DateTime<Utc>) -> impl Iterator<Item = &Record<Session>> {
        let recent = now - Duration::hours(12);
        // Sorted by start: only the last day's sessions are looked at, on every message.
        let since = recent - Duration::hours(12);
        (self.sessions.iter().rev())
            .take_while(move |r| r.body.started_at > since)
            .filter(move |r| {
                let s = &r.body;
                s.ended_at.is_some_and(|end| end > recent)
                    && s.pain_after.is_none()
                    && !s.after_asked
            })
    }

    /// The running cold session's first skin check that is due and not answered.
    pub fn skin_check_due(&self, now: DateTime<Utc>) -> Option<u32> {
        self.running()?
            .body
            .skin_check_due(&bounds().skin_check_minutes, now)
    }
}

impl Diary {
    /// The pain a check-in of `pain` at `at` jumped from, if it is a sudden jump to severe pain
    /// (see `redflag::sudden_jump`); `except` is the check-in being edited.
    pub fn jumped_from(&self, at: DateTime<Utc>, pain: u8, except: Option<Uuid>) -> Option<u8> {
        let end = self.checkins.partition_point(|r| r.body.at <= at);
        let before = (self.checkins[..end].iter().rev())
            .find(|r| Some(r.id) != except)
            .map(|r| (r.body.at, r.body.pain));
        redflag::sudden_jump(before, at, pain)
    }
}
