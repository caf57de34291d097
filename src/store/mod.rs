//! The only code that touches the data directory. Records are saved one operation at a time,
//! under a lock, onto what is on disk now; see `disk` for how, `memory` for the test double.

mod aside;
mod backup;
pub mod check;
mod disk;
pub mod document;
mod entries;
mod fields;
mod files;
mod folding;
mod index;
mod journal;

mod layout;
mod listing;
mod local;
mod memory;
mod notice;
mod op;
mod opening;
mod output;
mod presence;
pub mod routines;
mod saving;
mod seen;
mod sheet;
mod watch;
mod years;

use std::fmt;
use std::path::PathBuf;

use chrono::{DateTime, NaiveDate, Utc};
use uuid::Uuid;

pub use crate::record::{Collection, Kind, Merge, RawRecord, Record, Split};
pub use disk::DiskStore;
pub use document::{ParseError, SCHEMA_VERSION, Tombstone};
pub use files::nape_running;
pub use local::default_state;
pub use memory::MemoryStore;
pub use notice::Notice;
pub use op::Op;
pub use output::write_output;
pub use presence::Held;
pub use seen::steady_now;
pub use watch::{Watch, watch, watch_folder};

/// Inclusive range of record dates; `None` on either side is open.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct DateRange {
    pub since: Option<NaiveDate>,
    pub until: Option<NaiveDate>,
}

impl DateRange {
    pub const ALL: DateRange = DateRange {
        since: None,
        until: None,
    };

    pub fn contains(&self, date: NaiveDate) -> bool {
        self.since.is_none_or(|s| date >= s) && self.until.is_none_or(|u| date <= u)
    }
}

/// A data file that could not be read and could not be repaired.
#[derive(Clone, Debug, PartialEq)]
pub struct Damage {
    pub path: PathBuf,
    pub reason: ParseError,
}

impl fmt::Display for Damage {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let ParseError::NotAFile(what) = &self.reason {
            return write!(
                f,
                "{} is {what}, not what nape keeps there, so its entries are not read. Put \
                 the real file or folder there, or move it aside.",
                self.path.display()
            );
        }
        if let ParseError::TooLarge(_) = &self.reason {
            return write!(
                f,
                "{} is not read: {}. Move it aside (nape check lists it).",
                self.path.display(),
                self.reason
            );
        }
        if let ParseError::Record(reason) = &self.reason {
            return write!(
                f,
                "the record {} is not shown: {reason}. Correct it, or run nape check.",
                self.path.display()
            );
        }
        write!(
            f,
            "{} is damaged ({}) and there is no backup of it; its entries are not shown. \
             Repair it or move it aside.",
            self.path.display(),
            self.reason
        )
    }
}

/// What a load found: the records, what was fixed on the way, and what could not be read.
#[derive(Clone, Debug, Default)]
pub struct Loaded {
    pub records: Vec<RawRecord>,
    /// Deletions whose records were dated in the range (for exports).
    pub deleted: Vec<Tombstone>,
    pub notices: Vec<Notice>,
    pub damage: Vec<Damage>,
    /// Whether a file read holds a record dated in another month than the file's (by hand).
    pub misfiled: bool,
}

/// What a save did.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Applied {
    /// The collection written to.
    pub collection: &'static str,
    /// How many records were added, changed or removed (an identical re-add counts as none).
    pub changed: usize,
    pub notices: Vec<Notice>,
}

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("could not use {path}: {source}")]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error(
        "{path} is damaged ({reason}) and there is no good backup of it. Nothing was written. \
         Repair the file or move it aside, then try again (`nape check` lists damaged files)."
    )]
    Damaged { path: PathBuf, reason: ParseError },
    #[error(
        "{path} cannot be changed by this nape: {reason}; nothing was written. Update nape to change it."
    )]
    ReadOnly { path: PathBuf, reason: ParseError },
    #[error("there is no entry with id {0}")]
    NotFound(Uuid),
    #[error(
        "this entry was changed or deleted elsewhere (another window, or nape log) since it was \
         opened; nothing was saved"
    )]
    Changed(Uuid),
    #[error("an entry with id {0} already exists with other content")]
    Duplicate(Uuid),
    #[error("the data directory could not be found: {0}")]
    NoDataDir(String),
    #[error("{}", busy(*.pid))]
    Busy { pid: Option<u32> },
    #[error(
        "{path} is {what}, not what nape keeps there; nape does not write through it or \
         replace it. Put the real file or folder there, or move it aside, then try again."
    )]
    NotAFile { path: PathBuf, what: &'static str },
}

fn busy(pid: Option<u32>) -> String {
    match pid {
        Some(pid) => format!(
            "another nape (pid {pid}) is saving and did not finish in time; nothing was changed. \
             Try again in a moment; if it stays stuck, end that nape."
        ),
        None => "nape.lock is held by another process and was not let go in time; nothing was \
                 changed. Try again in a moment."
            .into(),
    }
}

impl StoreError {
    pub fn io(path: impl Into<PathBuf>) -> impl FnOnce(std::io::Error) -> StoreError {
        let path = path.into();
        move |source| StoreError::Io { path, source }
    }
}

/// Storage behind the app and the commands. Object-safe, so the app can hold either the disk
/// store or the in-memory one.
pub trait Store {
    /// Every record of a collection whose date is in `range`.
    fn load(&self, collection: Collection, range: DateRange) -> Result<Loaded, StoreError>;
    /// Apply operations in order, under the lock, to what is stored now. Returns only once the
    /// result is durable.
    fn apply(&self, collection: Collection, ops: Vec<Op>) -> Result<Applied, StoreError>;
    /// A value that changes whenever the collection may have changed, cheap enough to poll.
    fn stamp(&self, collection: Collection) -> u64;
    /// Where the data lives, for messages.
    fn location(&self) -> String;
    /// This computer's desk id (a store in memory is a desk of its own).
    fn desk(&self) -> &str {
        "memory"
    }
    /// Move the damaged file of `collection` that holds `date` aside (kept beside it, never
    /// deleted), so the next save starts it afresh. Where it went; `None` if it is not damaged.
    /// A store without files (memory) has nothing to set aside.
    fn set_aside(
        &self,
        _collection: Collection,
        _date: NaiveDate,
    ) -> Result<Option<PathBuf>, StoreError> {
        Ok(None)
    }
    /// Keep a report (private, like the diary) in the store's `reports` folder; where it went.
    fn write_report(&self, name: &str, _bytes: &[u8]) -> Result<PathBuf, StoreError> {
        Err(StoreError::NoDataDir(format!(
            "{name}: this diary is kept in memory, with no folder to write to"
        )))
    }
    /// Note a change made on this desk, for undo (what it says is the diary's). The last
    /// `journal::KEPT` are kept, on this desk only. A store that keeps no notes has nothing
    /// to undo.
    fn remember(&self, _change: serde_json::Value) -> Result<(), StoreError> {
        Ok(())
    }
    /// The changes noted, oldest first.
    fn changes(&self) -> Result<Vec<serde_json::Value>, StoreError> {
        Ok(Vec::new())
    }
    /// Take `change` off the notes (it was undone).
    fn forget(&self, _change: &serde_json::Value) -> Result<(), StoreError> {
        Ok(())
    }
    /// The seal of the data files of `cs` dated before `before`: equal while none of them has
    /// changed (see `index`). `None` when they cannot be vouched for so, or the store keeps
    /// no index. Taken after a load, it vouches for what that load read of them too.
    fn seal(&self, _cs: &[Collection], _before: NaiveDate) -> Option<serde_json::Value> {
        None
    }
    /// The index kept beside this desk's state, as it was kept (what it means is the diary's).
    fn index(&self) -> Option<serde_json::Value> {
        None
    }
    /// Keep `index` (best effort: it can always be made again).
    fn keep_index(&self, _index: &serde_json::Value) {}
    /// Let the index go: it no longer says what the files do.
    fn drop_index(&self) {}
}

/// Typed records of one kind, and the problems met while reading them.
pub struct LoadedKind<T> {
    pub records: Vec<Record<T>>,
    pub notices: Vec<Notice>,
    pub damage: Vec<Damage>,
    /// See `Loaded::misfiled`.
    pub misfiled: bool,
}

impl dyn Store + '_ {
    /// Load one kind, sorted by date then creation. A record whose fields do not fit the kind is
    /// reported as damage, not dropped silently.
    pub fn load_kind<T: Kind>(&self, range: DateRange) -> Result<LoadedKind<T>, StoreError> {
        let loaded = self.load(T::COLLECTION, range)?;
        let mut damage = loaded.damage;
        let mut records = Vec::with_capacity(loaded.records.len());
        for raw in loaded.records {
            let id = raw.id;
            // A record that breaks its kind's rules (pain 42 typed into the file) is not shown
            // as if it were true: it is reported with what is wrong.
            let typed = raw.into_typed::<T>().map_err(|e| e.to_string());
            match typed.and_then(|r| r.check(None).map(|()| r)) {
                Ok(record) => records.push(record),
                Err(e) => damage.push(Damage {
                    path: PathBuf::from(format!("{}/{}", T::COLLECTION.name, id)),
                    reason: ParseError::Record(e),
                }),
            }
        }
        records.sort_by_key(|r| (r.date, r.created_at, r.id));
        Ok(LoadedKind {
            records,
            notices: loaded.notices,
            damage,
            misfiled: loaded.misfiled,
        })
    }

    pub fn add<T: Kind>(&self, record: &Record<T>) -> Result<Applied, StoreError> {
        self.apply(T::COLLECTION, vec![Op::Add(record.to_raw())])
    }

    pub fn update<T: Kind>(&self, record: &Record<T>) -> Result<Applied, StoreError> {
        self.apply(T::COLLECTION, vec![Op::Update(record.to_raw())])
    }

    /// Replace `record` only if the stored one was last changed at `base` (see `Op::Edit`).
    pub fn edit<T: Kind>(
        &self,
        record: &Record<T>,
        base: DateTime<Utc>,
    ) -> Result<Applied, StoreError> {
        let record = record.to_raw();
        self.apply(T::COLLECTION, vec![Op::Edit { record, base }])
    }

    /// Delete `record` at `at`, leaving a tombstone.
    pub fn delete<T: Kind>(
        &self,
        record: &Record<T>,
        at: DateTime<Utc>,
    ) -> Result<Applied, StoreError> {
        self.apply(
            T::COLLECTION,
            vec![Op::Delete {
                id: record.id,
                date: record.date,
                at,
            }],
        )
    }
}
