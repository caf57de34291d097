//! A diary for a shell command that reads a few weeks however long the history: the older
//! records are summed up in the store's index (`Summary`), made from a whole reading and
//! trusted only while the store's seal on the older files is unchanged. A status bar runs
//! `nape status` every few seconds for years; each run pays for the latest weeks only.

use chrono::{DateTime, Datelike, Duration, Months, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use super::unread::Source;
use super::{Diary, RECENT_FIRST};
use crate::clock::Zone;
use crate::domain::checkin::CheckIn;
use crate::domain::function::FunctionRating;
use crate::domain::redflag::{self, Earlier};
use crate::domain::settings::Settings;
use crate::domain::stretch::RoutineSession;
use crate::domain::therapy::Session;
use crate::store::{Collection, DateRange, Kind, Record, Store};

/// Moves whenever what the index holds, or how the rules read it, changes.
const VERSION: u32 = 5;

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
    /// When it was made, and the check-ins then dated from `cutoff` on: a later one whose id
    /// was made before this, and is not among them, is an older check-in moved on another desk
    /// (its old month not yet seen here), or one arriving late: everything is read.
    pub made: DateTime<Utc>,
    pub latest: Vec<Uuid>,
    /// Older check-ins whose ids begin like another's, or were made just before the index (a
    /// new id can begin like those): short ids count them (see `Diary::id_len`), and a latest
    /// check-in with one of them was moved.
    pub near: Vec<Uuid>,
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

/// The first of last month: where a shell command's reading splits (records dated before it
/// are the older ones), and where the app's first frame starts reading.
pub(super) fn cutoff(zone: Zone, now: DateTime<Utc>) -> NaiveDate {
    let today = zone.date(now);
    let month = today.with_day(1).unwrap_or(today);
    month.checked_sub_months(Months::new(1)).unwrap_or(month)
}

/// The collections whose older files the summary stands for: those the latest weeks are read
/// of (an older activities rating never changes an answer itself, but one kept in another
/// month's file, or a damaged file, would).
fn collections() -> [Collection; 4] {
    [
        CheckIn::COLLECTION,
        Session::COLLECTION,
        RoutineSession::COLLECTION,
        FunctionRating::COLLECTION,
    ]
}

impl Diary {
    /// The diary as `open` reads it, for a shell command: from the index and the latest weeks
    /// when the index holds for the files as they are; otherwise read whole, and the index
    /// made again from that reading. For a command that reads once: a diary kept open and
    /// read again (`refresh`) must be opened with `open`.
    pub fn open_latest(
        store: Box<dyn Store>,
        zone: Zone,
        locale: &str,
        now: DateTime<Utc>,
    ) -> Diary {
        let cutoff = cutoff(zone, now);
        let kept = store.index().and_then(|index| summary(index, cutoff));
        let had_index = kept.is_some();
        let mut diary = Diary::empty(store, zone, locale);
        if let Some((sealed, summary)) = kept {
            diary.summary = Some(summary);
            diary.read(now);
            // Sealed after reading, so the seal vouches for the older weeks just read too: a
            // file changed since the index was made, or while it was read, and all is read.
            let seal = diary.store.seal(&collections(), cutoff);
            if diary.summary.is_some() && seal.as_ref() == Some(&sealed) {
                diary.end_ghosts(now);
                return diary;
            }
            diary.summary = None;
        }
        // What the first reading did (a file repaired, made private) is told all the same.
        let seal = diary.store.seal(&collections(), cutoff);
        diary.read_again_whole(now);
        diary.end_ghosts(now);
        // An index that no longer holds and cannot be made again now would only cost the
        // next reader a reading in vain.
        if !diary.keep_index(seal, now) && had_index {
            diary.store.drop_index();
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

    /// Read everything again, without the summary, keeping what the reading before found to
    /// say (a file it repaired or made private is told all the same).
    pub(super) fn read_again_whole(&mut self, now: DateTime<Utc>) {
        let first = std::mem::take(&mut self.problems);
        self.summary = None;
        self.stamps.clear();
        self.read(now);
        for (source, said) in first {
            let again = self.problems.entry(source).or_default();
            let new: Vec<String> = again.drain(..).filter(|p| !said.contains(p)).collect();
            *again = said.into_iter().chain(new).collect();
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
        // A collection always read whole reads alike either way.
        let sealed = collections().map(|c| c.name);
        summary.earlier.fits(settings)
            && self.misfiled.iter().all(|name| !sealed.contains(name))
            && (self.checkins.iter()).all(|r| {
                r.date < summary.cutoff || summary.earlier.admits(r.body.at) && summary.knows(r.id)
            })
    }

    /// Keep an index made from this whole reading, if the older files are still as `seal`
    /// found them before it and reading them found nothing to say. Whether it did.
    fn keep_index(&self, seal: Option<serde_json::Value>, now: DateTime<Utc>) -> bool {
        let cutoff = cutoff(self.zone, now);
        let Some(seal) = seal else { return false };
        let reading = |source: &Source| matches!(source, Source::Reading(_));
        let clean =
            (self.problems.iter()).all(|(source, said)| !reading(source) || said.is_empty());
        if !clean || self.checking() {
            return false;
        }
        let Some(summary) = self.summarise(cutoff, now) else {
            return false;
        };
        if !self.latest_agree(summary.earlier.from) {
            return false;
        }
        if self.store.seal(&collections(), cutoff).as_ref() != Some(&seal) {
            return false; // changed while it was read: the next reader makes it
        }
        let index = Index {
            version: VERSION,
            nape: build(),
            seal,
            summary,
        };
        let Ok(value) = serde_json::to_value(&index) else {
            return false;
        };
        self.store.keep_index(&value);
        true
    }

    /// Whether reading from `from` on shows what reading everything shows of those weeks. It
    /// need not: a check-in moved into them on this desk, and deleted or changed in its old
    /// month on another before the two met, is hidden by a file only a whole reading sees.
    fn latest_agree(&self, from: NaiveDate) -> bool {
        let since = DateRange {
            since: Some(from),
            until: None,
        };
        // An entry kept in another month's file is not read alike: no index then.
        let read = |c: Collection| {
            let loaded = self.store.load(c, since).ok().filter(|l| !l.misfiled)?;
            Some(sorted(loaded.records.iter().map(|r| (r.id, r.updated_at))))
        };
        let here = |rows: Vec<Row>| {
            let latest = rows.into_iter().filter(|(_, date, _)| *date >= from);
            Some(sorted(latest.map(|(id, _, at)| (id, at))))
        };
        read(CheckIn::COLLECTION) == here(rows(&self.checkins))
            && read(Session::COLLECTION) == here(rows(&self.sessions))
            && read(RoutineSession::COLLECTION) == here(rows(&self.routines))
            && read(FunctionRating::COLLECTION) == here(rows(&self.function))
    }

    /// The records dated before `cutoff` summed up, from a whole reading. `None` when they
    /// cannot be: dated out of time order across the split, or a session or routine there
    /// never ended (the latest weeks would not show it).
    fn summarise(&self, cutoff: NaiveDate, now: DateTime<Utc>) -> Option<Summary> {
        let history = self.history();
        let old: Vec<_> = history
            .iter()
            .copied()
            .filter(|d| d.date < cutoff)
            .collect();
        // From the latest older day (by date: dates need not follow times across zones).
        let latest = old.iter().map(|d| d.date).max().unwrap_or(cutoff);
        let from = latest - OVERLAP;
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
            made: now,
            latest: (self.checkins.iter())
                .filter(|r| r.date >= cutoff)
                .map(|r| r.id)
                .collect(),
            near: near(&self.checkins, cutoff, now),
        };
        let admitted = (self.checkins.iter())
            .filter(|r| r.date >= cutoff)
            .all(|r| summary.earlier.admits(r.body.at));
        (!unended && admitted).then_some(summary)
    }
}

/// The summary an index holds and the seal it was made under, if it was made by this build for
/// this cutoff.
fn summary(index: serde_json::Value, cutoff: NaiveDate) -> Option<(serde_json::Value, Summary)> {
    let index: Index = serde_json::from_value(index).ok()?;
    let known = (index.summary.earlier.raised.0.iter()).all(|r| redflag::find(&r.id).is_some());
    let holds = index.version == VERSION
        && index.nape == build()
        && index.summary.cutoff == cutoff
        && known;
    holds.then_some((index.seal, index.summary))
}

/// This build of nape: its version, and the size and time of its program file, so an index made
/// by another build (whose rules may differ) is made again.
fn build() -> String {
    let program = std::env::current_exe().and_then(std::fs::metadata);
    let made = program.as_ref().ok().and_then(|m| m.modified().ok());
    let made = made.and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok());
    let size = program.map_or(0, |m| m.len());
    let made = made.map_or(0, |t| t.as_nanos());
    format!("{} {size} {made}", env!("CARGO_PKG_VERSION"))
}

/// How many hex digits of an id, from 8, tell all of `ids` apart.
pub(super) fn id_len(ids: impl Iterator<Item = Uuid>) -> usize {
    let ids: Vec<String> = ids.map(|id| id.simple().to_string()).collect();
    (8..32)
        .find(|&n| {
            let mut prefixes: Vec<&str> = ids.iter().map(|id| &id[..n]).collect();
            prefixes.sort_unstable();
            prefixes.windows(2).all(|w| w[0] != w[1])
        })
        .unwrap_or(32)
}

/// A record's id, date and last change.
type Row = (Uuid, NaiveDate, DateTime<Utc>);

fn rows<T>(records: &[Record<T>]) -> Vec<Row> {
    (records.iter())
        .map(|r| (r.id, r.date, r.updated_at))
        .collect()
}

fn sorted(versions: impl Iterator<Item = (Uuid, DateTime<Utc>)>) -> Vec<(Uuid, DateTime<Utc>)> {
    let mut all: Vec<_> = versions.collect();
    all.sort();
    all
}

/// Whether `id` was made at `time` or after, give or take a second (a time-ordered id made by
/// nape keeps only milliseconds); an id that tells no time was not.
fn made_after(id: Uuid, time: DateTime<Utc>) -> bool {
    id.get_timestamp().is_some_and(|t| {
        let (secs, nanos) = t.to_unix();
        let made = DateTime::from_timestamp(secs as i64, nanos);
        made.is_some_and(|at| at >= time - Duration::seconds(1))
    })
}

/// The older check-ins (dated before `cutoff`) a new one may be taken for: those whose first 8
/// hex digits another check-in shares, and those made in the minutes before `now` (a new id
/// can begin like them, and one made within a second of the index is not told from a new one
/// by its time).
fn near(checkins: &[Record<CheckIn>], cutoff: NaiveDate, now: DateTime<Utc>) -> Vec<Uuid> {
    let prefix = |id: &Uuid| id.simple().to_string()[..8].to_string();
    let mut count = std::collections::HashMap::new();
    for r in checkins {
        *count.entry(prefix(&r.id)).or_insert(0) += 1;
    }
    let lately = now - Duration::minutes(5);
    (checkins.iter())
        .filter(|r| r.date < cutoff)
        .filter(|r| count[&prefix(&r.id)] > 1 || made_after(r.id, lately))
        .map(|r| r.id)
        .collect()
}

impl Summary {
    /// Whether a check-in dated from `cutoff` on is one the summary leaves unsaid: one it saw,
    /// or one made since (not an older one made just before it, and moved since).
    fn knows(&self, id: Uuid) -> bool {
        self.latest.contains(&id) || made_after(id, self.made) && !self.near.contains(&id)
    }
}
