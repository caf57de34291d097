//! A diary for a shell command that reads a few weeks however long the history: the older
//! records are summed up in the store's index (`Summary`), made from a whole reading and
//! trusted only while the store's seal on the older files is unchanged. A status bar runs
//! `nape status` every few seconds for years; each run pays for the latest weeks only.

use chrono::{DateTime, Datelike, Duration, Months, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use super::{Diary, RECENT_FIRST};
use crate::clock::Zone;
use crate::domain::checkin::CheckIn;
use crate::domain::redflag::{self, Earlier};
use crate::domain::settings::Settings;
use crate::domain::stretch::RoutineSession;
use crate::domain::therapy::Session;
use crate::store::{Collection, Kind, Store};

/// Moves whenever what the index holds, or how the rules read it, changes.
const VERSION: u32 = 2;

/// The older records, summed up.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub(super) struct Summary {
    /// The records dated before this are sealed in the store; those from `earlier.from` on are
    /// read each time (the weeks between both, so rules that read around a day see it whole).
    pub cutoff: NaiveDate,
    pub earlier: Earlier,
    /// The first check-in and the first session, where an episode began when there are no
    /// settings (see `Diary::episode_start`).
    pub first_checkin: Option<DateTime<Utc>>,
    pub first_session: Option<DateTime<Utc>>,
}

#[derive(Serialize, Deserialize)]
struct Index {
    version: u32,
    nape: String,
    seal: serde_json::Value,
    summary: Summary,
}

/// How far before the last older check-in the latest are read from: the days the rules read
/// around a check-in, with the two weeks the pain after a manipulation is followed.
const OVERLAP: Duration = Duration::days(17);

/// Where a shell command's reading splits: records dated before the first of last month are
/// the older ones (the app's first frame reads from the same day).
pub(super) fn cutoff(zone: Zone, now: DateTime<Utc>) -> NaiveDate {
    let today = zone.date(now);
    let month = today.with_day(1).unwrap_or(today);
    month.checked_sub_months(Months::new(1)).unwrap_or(month)
}

/// The collections whose older files the summary stands for. Activities ratings are not among
/// them: one dated before the latest weeks is over a week old, so it asks for this week's
/// whichever it is.
fn collections() -> [Collection; 3] {
    [
        CheckIn::COLLECTION,
        Session::COLLECTION,
        RoutineSession::COLLECTION,
    ]
}

impl Diary {
    /// The diary as `open` reads it, for a shell command: from the index and the latest weeks
    /// when the index holds for the files as they are; otherwise read whole, and the index
    /// made again from that reading.
    pub fn open_latest(
        store: Box<dyn Store>,
        zone: Zone,
        locale: &str,
        now: DateTime<Utc>,
    ) -> Diary {
        let cutoff = cutoff(zone, now);
        let seal = store.seal(&collections(), cutoff);
        let kept = (seal.as_ref()).and_then(|seal| summary(store.index()?, seal, cutoff));
        let mut diary = Diary::empty(store, zone, locale);
        diary.summary = kept;
        // Without a summary, or with one that does not fit what was read, it reads whole.
        diary.read(now);
        diary.end_ghosts(now);
        if diary.summary.is_none() {
            diary.keep_index(seal, now);
        }
        diary
    }

    /// Make sure every record dated from `date` on is read, and nothing dated then is summed
    /// up (a summed-up diary reads only the latest weeks): for a command that lists older
    /// records, or asks what a check-in dated `date` would set off.
    pub fn reach(&mut self, date: NaiveDate, now: DateTime<Utc>) {
        if self.summary.as_ref().is_some_and(|s| date < s.cutoff) {
            self.read_whole(now);
        }
    }

    /// Read everything, dropping the summary.
    fn read_whole(&mut self, now: DateTime<Utc>) {
        self.summary = None;
        self.stamps.clear();
        self.read(now);
    }

    /// Before saving `record` dated `date`: a change to the older records is made over the
    /// whole diary, and the index, which no longer says what they hold, is let go.
    pub(super) fn before_saving(
        &mut self,
        collection: Collection,
        id: Uuid,
        date: NaiveDate,
        now: DateTime<Utc>,
    ) {
        if !RECENT_FIRST.contains(&collection.name) {
            return;
        }
        let cutoff = self
            .summary
            .as_ref()
            .map_or(cutoff(self.zone, now), |s| s.cutoff);
        if date >= cutoff && !self.dated_before(id, cutoff) {
            return;
        }
        if self.summary.is_some() {
            self.read_whole(now);
        }
        self.store.drop_index();
    }

    /// Whether the record `id`, as read, is dated before `cutoff`.
    fn dated_before(&self, id: Uuid, cutoff: NaiveDate) -> bool {
        let older = |i: Uuid, date: NaiveDate| i == id && date < cutoff;
        self.checkins.iter().any(|r| older(r.id, r.date))
            || self.sessions.iter().any(|r| older(r.id, r.date))
            || self.routines.iter().any(|r| older(r.id, r.date))
            || self.function.iter().any(|r| older(r.id, r.date))
    }

    /// Whether the summary still says what the records read with it leave unsaid: it was made
    /// for these settings, and every check-in dated after the sealed files is later than the
    /// days its signs read.
    pub(super) fn summary_holds(&self) -> bool {
        let Some(summary) = &self.summary else {
            return true;
        };
        let fallback = Settings::new(self.locale_number, None);
        let settings = self.settings.as_ref().map_or(&fallback, |s| &s.body);
        summary.earlier.fits(settings)
            && (self.checkins.iter()).all(|r| {
                r.date >= summary.earlier.from
                    && (r.date < summary.cutoff || summary.earlier.admits(r.body.at))
            })
    }

    /// Keep an index made from this whole reading, if the older files are still as `seal`
    /// found them before it and nothing in them needed saying.
    fn keep_index(&self, seal: Option<serde_json::Value>, now: DateTime<Utc>) {
        let cutoff = cutoff(self.zone, now);
        let Some(seal) = seal else { return };
        if self.problems.values().any(|p| !p.is_empty()) || self.checking() {
            return;
        }
        let Some(summary) = self.summarise(cutoff) else {
            return;
        };
        if self.store.seal(&collections(), cutoff).as_ref() != Some(&seal) {
            return; // changed while it was read: the next reader makes it
        }
        let index = Index {
            version: VERSION,
            nape: env!("CARGO_PKG_VERSION").to_string(),
            seal,
            summary,
        };
        if let Ok(value) = serde_json::to_value(&index) {
            self.store.keep_index(&value);
        }
    }

    /// The records dated before `cutoff` summed up, from a whole reading. `None` when they
    /// cannot be: dated out of time order across the split, or a session or routine there
    /// never ended (the latest weeks would not show it).
    fn summarise(&self, cutoff: NaiveDate) -> Option<Summary> {
        let history = self.history();
        let old: Vec<_> = history
            .iter()
            .copied()
            .filter(|d| d.date < cutoff)
            .collect();
        let from = old.last().map_or(cutoff, |d| d.date.min(cutoff)) - OVERLAP;
        let fallback = Settings::new(self.locale_number, None);
        let settings = self.settings.as_ref().map_or(&fallback, |s| &s.body);
        let earlier = Earlier::of(&old, from, settings)?;
        let unended = self
            .sessions
            .iter()
            .any(|r| r.date < from && r.body.ended_at.is_none())
            || (self.routines.iter()).any(|r| r.date < from && r.body.ended_at.is_none());
        let summary = Summary {
            cutoff,
            earlier,
            first_checkin: self.checkins.first().map(|r| r.body.at),
            first_session: self.sessions.first().map(|r| r.body.started_at),
        };
        let admitted = (self.checkins.iter())
            .filter(|r| r.date >= cutoff)
            .all(|r| summary.earlier.admits(r.body.at));
        (!unended && admitted).then_some(summary)
    }
}

/// The summary an index holds, if it was made by this nape for these files and this cutoff.
fn summary(
    index: serde_json::Value,
    seal: &serde_json::Value,
    cutoff: NaiveDate,
) -> Option<Summary> {
    let index: Index = serde_json::from_value(index).ok()?;
    let known = (index.summary.earlier.raised.0.iter()).all(|r| redflag::find(&r.id).is_some());
    let holds = index.version == VERSION
        && index.nape == env!("CARGO_PKG_VERSION")
        && index.seal == *seal
        && index.summary.cutoff == cutoff
        && known;
    holds.then_some(index.summary)
}
