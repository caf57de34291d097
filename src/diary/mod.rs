//! The person's data in memory over a `Store`, and the questions the app and the command line
//! both ask of it, so both give the same answer. Every change is applied to the store first (under
//! its lock, onto what is on disk), then to this copy: nothing is read again after a save.

mod act;
mod change;
mod error;
mod index;
mod kept;
mod outcome;
mod queries;
mod signs;
mod therapy;
mod undo;
mod unread;

use std::collections::{BTreeMap, HashMap};

use chrono::{DateTime, NaiveDate, Utc};

pub use act::{Act, RoutineAct, SettingsAct};
use change::write;
use change::{Action, Change};
pub use error::DiaryError;
use kept::{Kept, Listed};
pub use outcome::{Answered, Outcome};
pub use therapy::{Done, Refused, Settled, TimerAction};
pub use undo::Undone;
use unread::Source;

use crate::clock::Zone;
use crate::domain::checkin::{CheckIn, Dated};
use crate::domain::function::FunctionRating;
use crate::domain::redflag::{ActiveFlag, Assessment};
use crate::domain::settings::{self, Settings};
use crate::domain::stretch::RoutineSession;
use crate::domain::therapy::Session;
use crate::domain::trends::{self, Day};
use crate::store::{DateRange, Kind, Notice, Record, Store};

/// The collections `open_recent` reads only this month and last month of at first: they grow with
/// every day used, and the first screen needs only the newest of them.
const RECENT_FIRST: [&str; 4] = [
    CheckIn::COLLECTION.name,
    Session::COLLECTION.name,
    RoutineSession::COLLECTION.name,
    FunctionRating::COLLECTION.name,
];

pub struct Diary {
    store: Box<dyn Store>,
    zone: Zone,
    /// The emergency number for the person's locale, until their settings give one.
    locale_number: &'static str,
    /// Sorted by time, then id.
    checkins: Vec<Record<CheckIn>>,
    assessments: Vec<Record<Assessment>>,
    /// Sorted by start, then id.
    sessions: Vec<Record<Session>>,
    /// Routines played, sorted by start, then id.
    routines: Vec<Record<RoutineSession>>,
    /// Functional scale ratings, sorted by time, then id.
    function: Vec<Record<FunctionRating>>,
    settings: Option<Record<Settings>>,
    /// Each collection's store stamp when it was last read.
    stamps: HashMap<&'static str, u64>,
    /// Damage or repairs the store reported, by collection, until it is read again.
    problems: BTreeMap<Source, Vec<String>>,
    /// Files of each collection that could not be read, in a few words ("checkins/2026-03.json
    /// is damaged"), until it is read again.
    unread: BTreeMap<&'static str, Vec<String>>,
    /// Collections whose last reading met an entry kept in another month's file (by hand):
    /// no summary stands for them then (see `index`).
    misfiled: std::collections::BTreeSet<&'static str>,
    /// What reading did that the person should hear once (a sync copy folded back), until the
    /// next outcome carries it.
    heard: Vec<Notice>,
    /// Derived when the data or the day changes, never per question.
    flags: Vec<ActiveFlag>,
    /// The daily series of `checkins`, kept in step day by day as they change.
    days: Vec<Day>,
    evaluated_on: Option<NaiveDate>,
    /// Moves on every change, so derived values elsewhere know when to be worked out again.
    version: u64,
    /// Whether the settings' emergency number is one (see `check_number`).
    number_ok: bool,
    /// Set by `open_latest` from the index: the older records summed up, only the latest
    /// read.
    summary: Option<index::Summary>,
    /// Set by `open_recent`: only check-ins, sessions, routines and ratings from this day on are
    /// read so far, and the flags
    /// are not known until `read_older` has read the rest.
    recent_since: Option<NaiveDate>,
}

impl Diary {
    /// The whole diary over `store`. `locale` (such as "en_GB.UTF-8") picks the emergency number
    /// used until the person sets one.
    pub fn open(store: Box<dyn Store>, zone: Zone, locale: &str, now: DateTime<Utc>) -> Diary {
        let mut diary = Diary::empty(store, zone, locale);
        diary.read(now);
        diary.end_ghosts(now);
        diary
    }

    /// The settings and assessments, and only this month's and last month's check-ins, sessions,
    /// routines and activities ratings: enough to draw the first screen at once however long
    /// the history. The warning signs need
    /// every check-in, so until `read_older` runs, `checking` is true and no flag is known.
    pub fn open_recent(
        store: Box<dyn Store>,
        zone: Zone,
        locale: &str,
        now: DateTime<Utc>,
    ) -> Diary {
        let mut diary = Diary::empty(store, zone, locale);
        diary.recent_since = Some(index::cutoff(zone, now));
        diary.read(now);
        diary.end_ghosts(now);
        diary
    }

    /// Read the check-ins `open_recent` left out, and work the flags out. Returns whether it did.
    pub fn read_older(&mut self, now: DateTime<Utc>) -> bool {
        if self.recent_since.take().is_none() {
            return false;
        }
        // Forget the stamps, so the whole collections are read whatever happened meanwhile.
        for name in RECENT_FIRST {
            self.stamps.remove(name);
        }
        self.read(now);
        true
    }

    /// True while part of the history is still to be read (see `open_recent`).
    pub fn checking(&self) -> bool {
        self.recent_since.is_some()
    }

    /// A diary that has read nothing yet: enough to save (as `nape log` does).
    pub fn empty(store: Box<dyn Store>, zone: Zone, locale: &str) -> Diary {
        Diary {
            store,
            zone,
            locale_number: settings::emergency_number_for_locale(locale),
            checkins: Vec::new(),
            assessments: Vec::new(),
            sessions: Vec::new(),
            routines: Vec::new(),
            function: Vec::new(),
            settings: None,
            stamps: HashMap::new(),
            problems: BTreeMap::new(),
            unread: BTreeMap::new(),
            misfiled: Default::default(),
            heard: Vec::new(),
            flags: Vec::new(),
            days: Vec::new(),
            evaluated_on: None,
            version: 0,
            recent_since: None,
            summary: None,
            number_ok: true,
        }
    }

    pub fn zone(&self) -> Zone {
        self.zone
    }

    /// Keep a report in the store's reports folder; where it went.
    pub fn write_report(&self, name: &str, bytes: &[u8]) -> Result<std::path::PathBuf, DiaryError> {
        Ok(self.store.write_report(name, bytes)?)
    }

    pub fn version(&self) -> u64 {
        self.version
    }

    /// Read again what another writer (a second window, the shell, another desk) changed, and
    /// what that set off, as if this diary had saved it. `None` when nothing changed.
    pub fn refresh(&mut self, now: DateTime<Utc>) -> Option<Outcome> {
        let before = self.before(now);
        let read = self.read(now);
        self.end_ghosts(now);
        read.then(|| {
            let heard = std::mem::take(&mut self.heard);
            self.outcome(before, heard, now)
        })
    }

    /// Read again each collection whose store stamp moved since it was last read (another
    /// process saved), and work the flags out again if anything changed or the day did.
    /// Returns whether anything changed.
    fn read(&mut self, now: DateTime<Utc>) -> bool {
        let since = (self.summary.as_ref()).map(|s| s.earlier.from);
        let recent = DateRange {
            since: self.recent_since.or(since),
            until: None,
        };
        let checkins = self.reload::<CheckIn>(recent);
        if checkins {
            self.days = trends::daily(&self.history());
        }
        // Each collection is looked at, whatever the others gave.
        let others = [
            self.reload::<Assessment>(DateRange::ALL),
            self.reload::<Session>(recent),
            self.reload::<RoutineSession>(recent),
            self.reload::<FunctionRating>(recent),
        ];
        let mut read = checkins || others.contains(&true);
        if let Some(settings) = self.fresh::<Settings>(DateRange::ALL) {
            self.settings = settings.into_iter().max_by_key(|r| r.updated_at);
            self.check_number();
            read = true;
        }
        // What was read does not fit the summary (the onset changed, an entry kept in another
        // month's file): read everything instead.
        if !self.summary_holds() {
            self.read_again_whole(now);
            return true;
        }
        if read {
            self.changed(now);
        } else if self.evaluated_on != Some(self.zone.date(now)) {
            self.evaluate(now);
        }
        read
    }

    /// End as interrupted each routine whose nape is gone (killed, its computer off): nothing
    /// stays "playing" for ever, and another can start. One that cannot be saved now is ended
    /// by the next look.
    fn end_ghosts(&mut self, now: DateTime<Utc>) {
        let ghosts: Vec<uuid::Uuid> = (self.routines.iter())
            .filter(|r| r.body.ended_at.is_none() && !self.still_playing(r, now))
            .map(|r| r.id)
            .collect();
        for id in ghosts {
            let _ = self.act(Act::Routine(RoutineAct::Interrupted { id }), now);
        }
    }

    /// Read every collection again, whatever the stamps say (after a save was refused because
    /// another process changed the record).
    pub fn reread(&mut self, now: DateTime<Utc>) -> Outcome {
        let before = self.before(now);
        self.stamps.clear();
        self.read(now);
        self.outcome(before, Vec::new(), now)
    }

    /// Work the flags out again if the day changed since they were. Returns whether it did.
    pub fn roll_day(&mut self, now: DateTime<Utc>) -> bool {
        if self.evaluated_on == Some(self.zone.date(now)) {
            return false;
        }
        self.evaluate(now);
        true
    }

    /// One kind's records, if its collection changed since it was last read.
    /// Read a kept list again if its collection changed, in its order. Returns whether it did.
    fn reload<T: Listed>(&mut self, range: DateRange) -> bool {
        let Some(mut records) = self.fresh::<T>(range) else {
            return false;
        };
        records.sort_by_key(T::key);
        *T::list(self) = records;
        true
    }

    fn fresh<T: Kind>(&mut self, range: DateRange) -> Option<Vec<Record<T>>> {
        let name = T::COLLECTION.name;
        // The stamp is read first, so a write made during the read is noticed next time.
        let stamp = self.store.stamp(T::COLLECTION);
        if self.stamps.get(name) == Some(&stamp) {
            return None;
        }
        let mut problems = Vec::new();
        let mut unread = Vec::new();
        let records = match self.store.as_ref().load_kind::<T>(range) {
            Ok(loaded) => {
                problems.extend(loaded.notices.iter().map(ToString::to_string));
                problems.extend(loaded.damage.iter().map(ToString::to_string));
                unread.extend(loaded.notices.iter().filter_map(unread::notice));
                let folded = |n: &&Notice| matches!(n, Notice::Folded { .. });
                self.heard
                    .extend(loaded.notices.iter().filter(folded).cloned());
                unread.extend((loaded.damage.iter()).map(unread::damage));
                match loaded.misfiled {
                    true => self.misfiled.insert(name),
                    false => self.misfiled.remove(name),
                };
                self.stamps.insert(name, stamp);
                Some(loaded.records)
            }
            Err(e) => {
                problems.push(e.to_string());
                unread.push(unread::error(&e));
                None
            }
        };
        self.problems.insert(Source::Reading(name), problems);
        self.unread.insert(name, unread);
        records
    }

    /// Apply a change to the store, then to this copy; what it set off.
    fn save<T: Kept>(
        &mut self,
        change: Change<T>,
        now: DateTime<Utc>,
    ) -> Result<Outcome, DiaryError> {
        let before = self.before(now);
        let notices = self.commit(change, now)?;
        Ok(self.outcome(before, notices, now))
    }

    /// Apply a change to the store, then to this copy. On success, what the store noticed on
    /// the way (a repaired file, say).
    fn commit<T: Kept>(
        &mut self,
        change: Change<T>,
        now: DateTime<Utc>,
    ) -> Result<Vec<Notice>, DiaryError> {
        let collection = T::COLLECTION;
        self.before_saving(collection, change.record.id, change.record.date, now);
        let Change { action, record } = change;
        // Unchanged by others since it was read: then after this save the copy is still whole,
        // and the stamp it moves to need not cause a read.
        let whole = self.stamps.get(collection.name) == Some(&self.store.stamp(collection));
        let applied = write(self.store.as_ref(), action, &record, now)?;
        T::keep(self, action, record);
        if whole {
            self.stamps
                .insert(collection.name, self.store.stamp(collection));
        }
        self.problems
            .insert(Source::Saving, problems(&applied.notices));
        self.changed(now);
        Ok(applied.notices)
    }

    fn changed(&mut self, now: DateTime<Utc>) {
        self.version += 1;
        self.evaluate(now);
    }

    fn evaluate(&mut self, now: DateTime<Utc>) {
        let today = self.zone.date(now);
        if self.checking() {
            self.flags.clear();
            return;
        }
        let history = self.history();
        self.flags = self.signs(&history, Some(&self.days), now);
        if self.evaluated_on != Some(today) {
            self.version += 1;
        }
        self.evaluated_on = Some(today);
    }

    /// The check-ins as the rules read them. An answer counts as entered when last changed, so
    /// a sign added to an old entry after an assessment is not taken as assessed.
    pub fn history(&self) -> Vec<Dated<'_>> {
        (self.checkins.iter())
            .map(|r| Dated {
                date: r.date,
                entered: r.updated_at,
                checkin: &r.body,
            })
            .collect()
    }
}

fn problems(notices: &[Notice]) -> Vec<String> {
    notices.iter().map(ToString::to_string).collect()
}
