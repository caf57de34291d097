//! The warning signs the diary's evidence puts in force, and which of them a change to one
//! check-in would lift, so a person is told before a delete or an edit takes a lock away.

use chrono::{DateTime, Duration, Utc};
use uuid::Uuid;

use super::Diary;
use crate::domain::checkin::{CheckIn, Dated};
use crate::domain::redflag::{self, ActiveFlag, Evidence};
use crate::domain::settings::Settings;
use crate::domain::trends::Day;

impl Diary {
    /// The signs in force at `now` over `history` (`days` its daily series, if known).
    pub(super) fn signs(
        &self,
        history: &[Dated],
        days: Option<&[Day]>,
        now: DateTime<Utc>,
    ) -> Vec<ActiveFlag> {
        let assessed: Vec<_> = self.assessments.iter().map(|a| a.body.at).collect();
        // Only the last week's sessions matter to the rules; sessions are in start order.
        let since = now - Duration::days(9);
        let sessions: Vec<_> = (self.sessions.iter().rev())
            .take_while(|s| s.body.started_at >= since)
            .map(|s| self.zone.date(s.body.started_at))
            .collect();
        let fallback = Settings::new(self.locale_number, None);
        let evidence = Evidence {
            history,
            days,
            assessments: &assessed,
            sessions: &sessions,
            settings: self.settings.as_ref().map_or(&fallback, |s| &s.body),
        };
        let earlier = self.summary.as_ref().map(|s| &s.earlier);
        redflag::evaluate_after(&evidence, earlier, now, self.zone.date(now))
    }

    /// The emergency or urgent signs, not yet assessed, that would no longer be in force if
    /// check-in `id` were deleted (`instead` is `None`) or changed to `instead`.
    pub fn lifts(
        &self,
        id: Uuid,
        instead: Option<&CheckIn>,
        now: DateTime<Utc>,
    ) -> Vec<ActiveFlag> {
        if !self.locked() || !self.checkins.iter().any(|r| r.id == id) {
            return Vec::new();
        }
        let after = self.signs_if(Some(id), instead, now);
        let still = |f: &ActiveFlag| after.iter().any(|a| a.def.id == f.def.id && a.locks());
        (self.flags.iter())
            .filter(|f| f.locks() && !still(f))
            .cloned()
            .collect()
    }

    /// The emergency and urgent signs `checkin` would put in force if saved (replacing check-in
    /// `replacing`, for an edit), most urgent first: told even when it cannot be saved.
    pub fn would_raise(
        &self,
        checkin: &CheckIn,
        replacing: Option<Uuid>,
        now: DateTime<Utc>,
    ) -> Vec<ActiveFlag> {
        let held: Vec<&str> = (self.flags.iter())
            .filter(|f| f.locks())
            .map(|f| f.def.id.as_str())
            .collect();
        (self.signs_if(replacing, Some(checkin), now).into_iter())
            .filter(|f| f.locks() && !held.contains(&f.def.id.as_str()))
            .collect()
    }

    /// The signs in force if check-in `replaced` (when given) were taken out and `added` (when
    /// given) put in, entered `now`.
    fn signs_if(
        &self,
        replaced: Option<Uuid>,
        added: Option<&CheckIn>,
        now: DateTime<Utc>,
    ) -> Vec<ActiveFlag> {
        // The history is the check-ins in the same order: one index for both.
        let mut history = self.history();
        if let Some(i) = replaced.and_then(|id| self.checkins.iter().position(|r| r.id == id)) {
            history.remove(i);
        }
        history.extend(added.map(|checkin| Dated {
            date: self.zone.date(checkin.at),
            entered: now,
            checkin,
        }));
        history.sort_by_key(|d| d.checkin.at);
        self.signs(&history, None, now)
    }
}
