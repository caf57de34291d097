//! The store on disk. One folder per collection; in it each desk's own file per month (see
//! `layout`), replaced atomically under a lock held only by writers (and by readers repairing
//! damage). The lock and backups are local to the desk (`local`).

use std::fs;
use std::io;
use std::path::{Path, PathBuf};
use std::time::{Duration, UNIX_EPOCH};

use chrono::{Local as LocalTime, NaiveDate, Utc};

use super::backup::Backups;
use super::document::{self, Document, MAX_FILE, ParseError};
use super::files::{self, Lock, LockError};
use super::layout::{REPORTS, Source, stem_overlaps};
use super::listing::Kept;
use super::local::Local;

use super::sheet::Merged;
use super::{Applied, Collection, Damage, DateRange, Loaded, Notice, Op, Store, StoreError};

pub struct DiskStore {
    root: PathBuf,
    local: Local,
    /// How long a save waits for another process's save before giving up.
    lock_wait: Duration,
    /// Only looking: a damaged file is reported, never repaired, and a sync tool's copy is left
    /// for a writer to fold in (the session waiter reads while others write).
    pub(super) looking: bool,
    /// Listings kept between a seal and a load (see `keep_survey`): a reader then looks at
    /// each folder once.
    pub(super) surveyed: std::sync::Mutex<Vec<Kept>>,
}

/// Long enough for any real save to finish; short enough that a stuck one is reported.
const LOCK_WAIT: Duration = Duration::from_secs(3);

impl DiskStore {
    /// Open (creating if needed) the store at `root`, with this desk's local state under
    /// `state`. Folders and data files readable by others are tightened, and each one that was
    /// is reported.
    pub fn open(
        root: impl Into<PathBuf>,
        state: &Path,
    ) -> Result<(DiskStore, Vec<Notice>), StoreError> {
        DiskStore::open_checking(root.into(), state, true, true)
    }

    /// Open for a quick read (a status bar runs this every few seconds): only the folders are
    /// checked at start; files are still tightened as they are read.
    pub fn open_light(
        root: impl Into<PathBuf>,
        state: &Path,
    ) -> Result<(DiskStore, Vec<Notice>), StoreError> {
        DiskStore::open_checking(root.into(), state, false, true)
    }

    /// Open only to look, as the session waiter does: a data folder that is not there is an
    /// error, never made (it may just have been removed), and nothing is ever repaired.
    pub fn open_to_look(root: PathBuf, state: &Path) -> Result<DiskStore, StoreError> {
        let (mut store, _) = DiskStore::open_checking(root, state, false, false)?;
        store.looking = true;
        Ok(store)
    }

    /// The store at `root` as it is, for `opening` once the folder has been looked at.
    pub(super) fn at(root: PathBuf, local: Local) -> DiskStore {
        DiskStore {
            root,
            local,
            lock_wait: LOCK_WAIT,
            looking: false,
            surveyed: Default::default(),
        }
    }

    /// Read only: change nothing in the data folder, even to repair it.
    pub fn only_look(&mut self) {
        self.looking = true;
    }

    pub fn root(&self) -> &Path {
        &self.root
    }

    /// This desk's local state for the data folder: its lock and backups.
    pub fn local_dir(&self) -> &Path {
        &self.local.dir
    }

    /// Wait at most `wait` for another process's save (the open app keeps this short, so it
    /// stays responsive and says it could not save yet).
    pub fn set_lock_wait(&mut self, wait: Duration) {
        self.lock_wait = wait;
    }

    pub(super) fn lock(&self) -> Result<Lock, StoreError> {
        let path = self.local.lock_path();
        super::entries::usable(&path, false)?;
        Lock::acquire(&path, self.lock_wait).map_err(|e| match e {
            LockError::Busy(pid) => StoreError::Busy { pid },
            LockError::Io(source) => StoreError::Io { path, source },
        })
    }

    /// This desk's backups first, then those an older nape kept in the data folder.
    pub(super) fn backups(&self) -> [Backups; 2] {
        [Backups::new(&self.local.dir), Backups::new(&self.root)]
    }

    /// Read a file without the lock: renames are atomic, so a reader sees a whole version. A
    /// file past `MAX_FILE` is damage, never read whole.
    pub(super) fn read(
        &self,
        path: &Path,
        notices: &mut Vec<Notice>,
    ) -> Result<Option<Vec<u8>>, StoreError> {
        if let Some(size) = fs::metadata(path)
            .ok()
            .map(|m| m.len())
            .filter(|n| *n > MAX_FILE)
        {
            return Err(StoreError::Damaged {
                path: path.to_path_buf(),
                reason: ParseError::TooLarge(size),
            });
        }
        match fs::read(path) {
            Ok(bytes) => {
                if files::tighten(path).map_err(StoreError::io(path))? {
                    notices.push(Notice::Tightened(path.to_path_buf()));
                }
                Ok(Some(bytes))
            }
            Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(None),
            Err(e) => Err(StoreError::Io {
                path: path.to_path_buf(),
                source: e,
            }),
        }
    }

    /// Read and parse a file while holding the lock, repairing damage from a backup when one
    /// exists. A missing file is an empty document.
    pub(super) fn read_locked(
        &self,
        path: &Path,
        notices: &mut Vec<Notice>,
    ) -> Result<Document, StoreError> {
        // Read to be changed: a link or a folder in its place is refused, not followed.
        super::entries::usable(path, false)?;
        let Some(bytes) = self.read(path, notices)? else {
            return Ok(Document::new());
        };
        match document::parse(&bytes) {
            Ok(doc) => Ok(doc),
            Err(reason) if !reason.is_damage() => Err(StoreError::ReadOnly {
                path: path.to_path_buf(),
                reason,
            }),
            Err(reason) => self.restore(path, reason, notices),
        }
    }

    /// Move a damaged file aside and put its newest good backup in its place. Without a backup
    /// the file stays where it is, untouched, and the caller is refused.
    fn restore(
        &self,
        path: &Path,
        reason: ParseError,
        notices: &mut Vec<Notice>,
    ) -> Result<Document, StoreError> {
        let relative = path.strip_prefix(&self.root).unwrap_or(path);
        let found = self.backups().iter().find_map(|b| b.newest_good(relative));
        let Some((backup, bytes)) = found else {
            return Err(StoreError::Damaged {
                path: path.to_path_buf(),
                reason,
            });
        };
        let stamp = Utc::now().format("%Y%m%dT%H%M%S%.3fZ").to_string();
        let moved_to = files::quarantine_path(path, &stamp);
        fs::rename(path, &moved_to).map_err(StoreError::io(path))?;
        files::write_atomic(path, &bytes, true).map_err(StoreError::io(path))?;
        notices.push(Notice::Restored {
            damaged: path.to_path_buf(),
            moved_to,
            backup,
        });
        document::parse(&bytes).map_err(|reason| StoreError::Damaged {
            path: path.to_path_buf(),
            reason,
        })
    }

    pub(super) fn write(
        &self,
        path: &Path,
        doc: &Document,
        notices: &mut Vec<Notice>,
    ) -> Result<(), StoreError> {
        let bytes = doc.to_bytes();
        super::entries::usable(path, false)?;
        files::write_atomic(path, &bytes, true).map_err(StoreError::io(path))?;
        let relative = path.strip_prefix(&self.root).unwrap_or(path);
        // A failed backup must not fail a save that is already durable, but it is said.
        let today = LocalTime::now().date_naive();
        if let Err(e) = Backups::new(&self.local.dir).save(today, relative, &bytes) {
            notices.push(Notice::NoBackup {
                path: path.to_path_buf(),
                reason: e.to_string(),
            });
        }
        Ok(())
    }
}

impl Store for DiskStore {
    fn load(&self, c: Collection, range: DateRange) -> Result<Loaded, StoreError> {
        let mut loaded = Loaded::default();
        let (mut listing, odd) = match self.take_survey(c, false) {
            Some(survey) => survey,
            None => self.survey(c)?,
        };
        let kept_odd = odd.clone();
        // Not read (nor skipped in silence): each is reported as damage.
        for (path, what) in odd {
            loaded.damage.push(Damage {
                path,
                reason: ParseError::NotAFile(what),
            });
        }
        let folded = match self.looking {
            true => Vec::new(),
            false => self.fold_copies(c, &listing)?,
        };
        if !folded.is_empty() {
            loaded.notices.extend(folded);
            listing = self.listing(c)?;
        }
        let mut merged = Merged::new(c.merge, &self.local.desk);
        let in_range = listing
            .iter()
            .filter(|(stem, _)| stem_overlaps(c, stem, range))
            .flat_map(|(stem, files)| files.iter().map(move |file| (stem, file)));
        for (stem, (path, source)) in in_range {
            let bytes = match self.read(path, &mut loaded.notices) {
                Ok(Some(bytes)) => bytes,
                Ok(None) => continue,
                Err(StoreError::Damaged { path, reason }) => {
                    loaded.damage.push(Damage { path, reason });
                    continue;
                }
                Err(e) => return Err(e),
            };
            let doc = match document::parse(&bytes) {
                Ok(doc) => doc,
                Err(reason) if !reason.is_damage() => {
                    loaded.notices.push(Notice::ReadOnly {
                        path: path.clone(),
                        reason,
                    });
                    match lenient(&bytes) {
                        Some(doc) => doc,
                        None => continue,
                    }
                }
                Err(reason) if !self.repairs(source) => {
                    loaded.damage.push(Damage {
                        path: path.clone(),
                        reason,
                    });
                    continue;
                }
                Err(_) => {
                    // Repair needs the lock; read again under it in case a writer just fixed it.
                    let _lock = self.lock()?;
                    match self.read_locked(path, &mut loaded.notices) {
                        Ok(doc) => doc,
                        Err(StoreError::Damaged { path, reason }) => {
                            loaded.damage.push(Damage { path, reason });
                            continue;
                        }
                        Err(e) => return Err(e),
                    }
                }
            };
            loaded.misfiled |= super::layout::misfiled(c, stem, &doc);
            merged.add(source, doc);
        }
        self.keep_survey(c, false, (listing, kept_odd));
        let (records, deleted) = merged.finish();
        loaded.records = records
            .into_iter()
            .filter(|r| range.contains(r.date))
            .collect();
        loaded.deleted = deleted
            .into_iter()
            .filter(|t| range.contains(t.date))
            .collect();
        Ok(loaded)
    }

    fn apply(&self, c: Collection, ops: Vec<Op>) -> Result<Applied, StoreError> {
        // A save may add a file: no listing made before it serves a look after it.
        self.surveyed
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .clear();
        self.save(c, ops)
    }

    /// The collection folder's modification time: every save renames a file into it, so one
    /// stat tells an open app whether to read the collection again.
    fn stamp(&self, c: Collection) -> u64 {
        fs::metadata(self.root.join(c.name))
            .and_then(|m| m.modified())
            .ok()
            .and_then(|t| t.duration_since(UNIX_EPOCH).ok())
            .map_or(0, |d| d.as_nanos() as u64)
    }

    fn location(&self) -> String {
        self.root.display().to_string()
    }

    fn desk(&self) -> &str {
        &self.local.desk
    }

    fn remember(&self, change: serde_json::Value) -> Result<(), StoreError> {
        self.change_journal(|notes| notes.push(change))
    }

    fn changes(&self) -> Result<Vec<serde_json::Value>, StoreError> {
        self.journal()
    }

    fn forget(&self, change: &serde_json::Value) -> Result<(), StoreError> {
        self.change_journal(|notes| notes.retain(|n| n != change))
    }

    fn seal(&self, cs: &[Collection], before: NaiveDate) -> Option<serde_json::Value> {
        self.seal_files(cs, before)
    }

    fn index(&self) -> Option<serde_json::Value> {
        self.read_index()
    }

    fn keep_index(&self, index: &serde_json::Value) {
        if !self.looking {
            self.write_index(index);
        }
    }

    fn drop_index(&self) {
        self.remove_index();
    }

    fn set_aside(&self, c: Collection, date: NaiveDate) -> Result<Option<PathBuf>, StoreError> {
        let stem = c.stem(date);
        let listing = self.listing(c)?;
        let mut moved = None;
        // Only this desk's own file and the shared one: another desk's file is that desk's to
        // repair (from its own backups), never this one's to move.
        let mine = |s: &Source| *s == Source::Shared || self.repairs(s) && *s != Source::Copy;
        for (path, _) in (listing.get(&stem).into_iter().flatten()).filter(|(_, s)| mine(s)) {
            moved = super::aside::set_aside(self, path)?.or(moved);
        }
        Ok(moved)
    }

    fn write_report(&self, name: &str, bytes: &[u8]) -> Result<PathBuf, StoreError> {
        let dir = self.root().join(REPORTS);
        // Never through a link, like every folder of the diary's.
        super::entries::usable(&dir, true)?;
        files::ensure_private_dir(&dir).map_err(StoreError::io(&dir))?;
        let path = dir.join(name);
        super::entries::usable(&path, false)?;
        files::write_atomic(&path, bytes, true).map_err(StoreError::io(&path))?;
        Ok(path)
    }
}

/// A newer file's records, read as far as this build understands them.
pub(super) fn lenient(bytes: &[u8]) -> Option<Document> {
    serde_json::from_slice(bytes).ok()
}
