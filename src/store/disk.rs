//! The store on disk. One folder per collection, one JSON document per month, replaced
//! atomically under a lock held only by writers (and by readers repairing damage).

use std::collections::HashMap;
use std::fs;
use std::io;
use std::path::{Path, PathBuf};
use std::time::{Duration, UNIX_EPOCH};

use chrono::{Local, NaiveDate, Utc};

use super::backup::Backups;
use super::document::{self, Document, ParseError};
use super::files::{self, Lock, LockError};
use super::layout::{BACKUPS, LOCK, REPORTS, is_named_for, month_overlaps};
use super::op::{Outcome, bury, decide, newest_per_id};
use super::{Applied, Collection, Damage, DateRange, Loaded, Notice, Op, Store, StoreError};

pub struct DiskStore {
    root: PathBuf,
    /// How long a save waits for another process's save before giving up.
    lock_wait: Duration,
}

/// Long enough for any real save to finish; short enough that a stuck one is reported.
const LOCK_WAIT: Duration = Duration::from_secs(3);

/// A file read under the lock, ready to change.
struct Open {
    doc: Document,
    dirty: bool,
}

impl DiskStore {
    /// Open (creating if needed) the store at `root`. Folders and data files readable by others
    /// are tightened, and each one that was is reported.
    pub fn open(root: impl Into<PathBuf>) -> Result<(DiskStore, Vec<Notice>), StoreError> {
        DiskStore::open_checking(root.into(), true)
    }

    /// Open for a quick read (a status bar runs this every few seconds): only the folders are
    /// checked at start; files are still tightened as they are read.
    pub fn open_light(root: impl Into<PathBuf>) -> Result<(DiskStore, Vec<Notice>), StoreError> {
        DiskStore::open_checking(root.into(), false)
    }

    /// The store at `root` as it is, for `opening` once the folder has been looked at.
    pub(super) fn at(root: PathBuf) -> DiskStore {
        DiskStore {
            root,
            lock_wait: LOCK_WAIT,
        }
    }

    pub fn root(&self) -> &Path {
        &self.root
    }

    /// Wait at most `wait` for another process's save (the open app keeps this short, so it
    /// stays responsive and says it could not save yet).
    pub fn set_lock_wait(&mut self, wait: Duration) {
        self.lock_wait = wait;
    }

    pub(super) fn lock(&self) -> Result<Lock, StoreError> {
        let path = self.root.join(LOCK);
        super::entries::usable(&path, false)?;
        Lock::acquire(&path, self.lock_wait).map_err(|e| match e {
            LockError::Busy(pid) => StoreError::Busy { pid },
            LockError::Io(source) => StoreError::Io { path, source },
        })
    }

    fn path(&self, c: Collection, date: NaiveDate) -> PathBuf {
        self.root
            .join(c.name)
            .join(format!("{}.json", c.stem(date)))
    }

    /// The collection's data files whose month can hold a date in `range`.
    pub fn files(&self, c: Collection, range: DateRange) -> Result<Vec<PathBuf>, StoreError> {
        let dir = self.root.join(c.name);
        // A link or a file in the folder's place is reported (odd_entries), never read through.
        if super::entries::odd(&dir, true).is_some() {
            return Ok(Vec::new());
        }
        let entries = match fs::read_dir(&dir) {
            Ok(entries) => entries,
            Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(Vec::new()),
            Err(e) => {
                return Err(StoreError::Io {
                    path: dir,
                    source: e,
                });
            }
        };
        let mut paths: Vec<PathBuf> = entries
            .flatten()
            .filter(|e| e.file_type().is_ok_and(|t| t.is_file()))
            .map(|e| e.path())
            .filter(|p| is_named_for(c, p) && month_overlaps(c, p, range))
            .collect();
        paths.sort();
        Ok(paths)
    }

    /// Collections present on disk (every folder but backups).
    pub fn collections(&self) -> Vec<String> {
        let mut names: Vec<String> = fs::read_dir(&self.root)
            .into_iter()
            .flatten()
            .flatten()
            .filter(|e| e.path().is_dir())
            .filter_map(|e| e.file_name().to_str().map(str::to_owned))
            .filter(|n| n != BACKUPS && n != REPORTS)
            .collect();
        names.sort();
        names
    }

    /// Read a file without the lock: renames are atomic, so a reader sees a whole version.
    fn read(&self, path: &Path, notices: &mut Vec<Notice>) -> Result<Option<Vec<u8>>, StoreError> {
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
    fn read_locked(&self, path: &Path, notices: &mut Vec<Notice>) -> Result<Document, StoreError> {
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
        let Some((backup, bytes)) = Backups::new(&self.root).newest_good(relative) else {
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

    /// Which file holds `id`, searching every file of the collection (used only when an edit or
    /// import does not find the record where its date says).
    fn locate(
        &self,
        c: Collection,
        id: uuid::Uuid,
        open: &mut HashMap<PathBuf, Open>,
        notices: &mut Vec<Notice>,
    ) -> Result<Option<PathBuf>, StoreError> {
        for path in self.files(c, DateRange::ALL)? {
            if !open.contains_key(&path) {
                let doc = self.read_locked(&path, notices)?;
                open.insert(path.clone(), Open { doc, dirty: false });
            }
            if open[&path].doc.records.iter().any(|r| r.id == id) {
                return Ok(Some(path));
            }
        }
        Ok(None)
    }

    fn write(
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
        if let Err(e) = Backups::new(&self.root).save(Local::now().date_naive(), relative, &bytes) {
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
        // Not read (nor skipped in silence): each is reported as damage.
        for (path, what) in self.odd_entries(c) {
            loaded.damage.push(Damage {
                path,
                reason: ParseError::NotAFile(what),
            });
        }
        for path in self.files(c, range)? {
            let Some(bytes) = self.read(&path, &mut loaded.notices)? else {
                continue;
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
                Err(_) => {
                    // Repair needs the lock; read again under it in case a writer just fixed it.
                    let _lock = self.lock()?;
                    match self.read_locked(&path, &mut loaded.notices) {
                        Ok(doc) => doc,
                        Err(StoreError::Damaged { path, reason }) => {
                            loaded.damage.push(Damage { path, reason });
                            continue;
                        }
                        Err(e) => return Err(e),
                    }
                }
            };
            loaded
                .records
                .extend(doc.records.into_iter().filter(|r| range.contains(r.date)));
            loaded
                .deleted
                .extend(doc.deleted.into_iter().filter(|t| range.contains(t.date)));
        }
        loaded.records = newest_per_id(loaded.records);
        Ok(loaded)
    }

    fn apply(&self, c: Collection, ops: Vec<Op>) -> Result<Applied, StoreError> {
        let dir = self.root.join(c.name);
        // A link or a file where the collection's folder belongs is refused, not followed.
        super::entries::usable(&dir, true)?;
        files::ensure_private_dir(&dir).map_err(StoreError::io(&dir))?;
        let _lock = self.lock()?;
        files::remove_stale_temps(&dir).map_err(StoreError::io(&dir))?;

        let mut applied = Applied::default();
        let mut open: HashMap<PathBuf, Open> = HashMap::new();
        // Files are written in the order they were first changed; a record that moves between
        // months is inserted before it is removed, so a crash can duplicate it but never lose it.
        let mut order: Vec<PathBuf> = Vec::new();
        for op in ops {
            let target = self.path(c, op.date());
            if !open.contains_key(&target) {
                let doc = self.read_locked(&target, &mut applied.notices)?;
                open.insert(target.clone(), Open { doc, dirty: false });
            }
            let id = op.id();
            let holder = if open[&target].doc.records.iter().any(|r| r.id == id) {
                Some(target.clone())
            } else if matches!(op, Op::Add(_)) {
                None
            } else {
                self.locate(c, id, &mut open, &mut applied.notices)?
            };
            let existing = holder
                .as_ref()
                .and_then(|h| open[h].doc.records.iter().find(|r| r.id == id));
            // Where the record is not found every file was opened: a tombstone in any counts
            // (a record moved to another month before it was deleted).
            let buried = open
                .values()
                .flat_map(|o| o.doc.deleted.iter())
                .find(|t| t.id == id);
            let outcome = decide(op, existing, buried)?;
            let mut touch = |path: &PathBuf, open: &mut HashMap<PathBuf, Open>| {
                open.get_mut(path).expect("opened above").dirty = true;
                if !order.contains(path) {
                    order.push(path.clone());
                }
            };
            match outcome {
                Outcome::Nothing => continue,
                Outcome::Insert(new) | Outcome::Replace(new) => {
                    let dest = self.path(c, new.date);
                    if !open.contains_key(&dest) {
                        let doc = self.read_locked(&dest, &mut applied.notices)?;
                        open.insert(dest.clone(), Open { doc, dirty: false });
                    }
                    let records = &mut open.get_mut(&dest).expect("opened").doc.records;
                    match records.iter_mut().find(|r| r.id == id) {
                        Some(slot) => *slot = new,
                        None => records.push(new),
                    }
                    touch(&dest, &mut open);
                    if let Some(holder) = holder.filter(|h| *h != dest) {
                        open.get_mut(&holder)
                            .expect("opened")
                            .doc
                            .records
                            .retain(|r| r.id != id);
                        touch(&holder, &mut open);
                    }
                }
                Outcome::Remove(tombstone) => {
                    let holder = holder.expect("remove has a holder");
                    let doc = &mut open.get_mut(&holder).expect("opened").doc;
                    doc.records.retain(|r| r.id != id);
                    bury(doc, tombstone);
                    touch(&holder, &mut open);
                }
                Outcome::Bury(tombstone) => {
                    bury(&mut open.get_mut(&target).expect("opened").doc, tombstone);
                    touch(&target, &mut open);
                }
            }
            applied.changed += 1;
        }
        for path in order.iter().filter(|p| open[*p].dirty) {
            self.write(path, &open[path].doc, &mut applied.notices)?;
        }
        applied.collection = c.name;
        Ok(applied)
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

    fn set_aside(&self, c: Collection, date: NaiveDate) -> Result<Option<PathBuf>, StoreError> {
        super::aside::set_aside(self, &self.path(c, date))
    }

    fn write_report(&self, name: &str, bytes: &[u8]) -> Result<PathBuf, StoreError> {
        let dir = self.root().join(REPORTS);
        files::ensure_private_dir(&dir).map_err(StoreError::io(&dir))?;
        let path = dir.join(name);
        files::write_atomic(&path, bytes, true).map_err(StoreError::io(&path))?;
        Ok(path)
    }
}

/// A newer file's records, read as far as this build understands them.
fn lenient(bytes: &[u8]) -> Option<Document> {
    serde_json::from_slice(bytes).ok()
}
