//! The store on disk. One folder per collection; in it each desk's own file per month (see
//! `layout`), replaced atomically under a lock held only by writers (and by readers repairing
//! damage). The lock and backups are local to the desk (`local`).

use std::collections::BTreeMap;
use std::fs;
use std::io;
use std::path::{Path, PathBuf};
use std::time::{Duration, UNIX_EPOCH};

use chrono::{Local as LocalTime, NaiveDate, Utc};

use super::backup::Backups;
use super::document::{self, Document, MAX_FILE, ParseError};
use super::files::{self, Lock, LockError};
use super::layout::{BACKUPS, REPORTS, Source, desk_file, parse_name, stem_overlaps};
use super::local::Local;
use super::op::{Outcome, decide};
use super::sheet::{Merged, Sheet};
use super::{Applied, Collection, Damage, DateRange, Loaded, Merge, Notice, Op, Store, StoreError};

pub struct DiskStore {
    root: PathBuf,
    local: Local,
    /// How long a save waits for another process's save before giving up.
    lock_wait: Duration,
}

/// Long enough for any real save to finish; short enough that a stuck one is reported.
const LOCK_WAIT: Duration = Duration::from_secs(3);

/// A collection's data files by stem, each with who wrote it.
type Listing = BTreeMap<String, Vec<(PathBuf, Source)>>;

impl DiskStore {
    /// Open (creating if needed) the store at `root`, with this desk's local state under
    /// `state`. Folders and data files readable by others are tightened, and each one that was
    /// is reported.
    pub fn open(
        root: impl Into<PathBuf>,
        state: &Path,
    ) -> Result<(DiskStore, Vec<Notice>), StoreError> {
        DiskStore::open_checking(root.into(), state, true)
    }

    /// Open for a quick read (a status bar runs this every few seconds): only the folders are
    /// checked at start; files are still tightened as they are read.
    pub fn open_light(
        root: impl Into<PathBuf>,
        state: &Path,
    ) -> Result<(DiskStore, Vec<Notice>), StoreError> {
        DiskStore::open_checking(root.into(), state, false)
    }

    /// The store at `root` as it is, for `opening` once the folder has been looked at.
    pub(super) fn at(root: PathBuf, local: Local) -> DiskStore {
        DiskStore {
            root,
            local,
            lock_wait: LOCK_WAIT,
        }
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
    fn backups(&self) -> [Backups; 2] {
        [Backups::new(&self.local.dir), Backups::new(&self.root)]
    }

    fn own_path(&self, c: Collection, stem: &str) -> PathBuf {
        self.root
            .join(c.name)
            .join(desk_file(stem, &self.local.desk))
    }

    /// The collection's data files by stem: every desk's, the shared one and sync copies.
    fn listing(&self, c: Collection) -> Result<Listing, StoreError> {
        let dir = self.root.join(c.name);
        let mut listing = Listing::new();
        // A link or a file in the folder's place is reported (odd_entries), never read through.
        if super::entries::odd(&dir, true).is_some() {
            return Ok(listing);
        }
        let entries = match fs::read_dir(&dir) {
            Ok(entries) => entries,
            Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(listing),
            Err(e) => {
                return Err(StoreError::Io {
                    path: dir,
                    source: e,
                });
            }
        };
        for entry in entries.flatten() {
            if !entry.file_type().is_ok_and(|t| t.is_file()) {
                continue;
            }
            let path = entry.path();
            if let Some((stem, source)) = parse_name(c, &path) {
                listing.entry(stem).or_default().push((path, source));
            }
        }
        for files in listing.values_mut() {
            files.sort();
        }
        Ok(listing)
    }

    /// The collection's data files whose month can hold a date in `range`.
    pub fn files(&self, c: Collection, range: DateRange) -> Result<Vec<PathBuf>, StoreError> {
        let listing = self.listing(c)?;
        Ok((listing.into_iter())
            .filter(|(stem, _)| stem_overlaps(c, stem, range))
            .flat_map(|(_, files)| files.into_iter().map(|(path, _)| path))
            .collect())
    }

    /// The desks whose files the collections hold, each with the newest change it made.
    pub fn desks(&self, cs: &[Collection]) -> BTreeMap<String, Option<chrono::DateTime<Utc>>> {
        let mut desks: BTreeMap<String, Option<chrono::DateTime<Utc>>> = BTreeMap::new();
        let listings = cs.iter().filter_map(|c| self.listing(*c).ok());
        for (path, source) in listings.flat_map(|l| l.into_values().flatten()) {
            let Source::Desk(desk) = source else { continue };
            let doc = fs::read(&path).ok().and_then(|b| document::parse(&b).ok());
            let changes = doc.iter().flat_map(|d| {
                let records = d.records.iter().map(|r| r.updated_at);
                records.chain(d.deleted.iter().map(|t| t.deleted_at))
            });
            let kept = desks.entry(desk).or_default();
            *kept = (*kept).max(changes.max());
        }
        desks
    }

    /// Fold every sync copy in the collections into this desk's files (as reading does).
    pub fn fold_all(&self, cs: &[Collection]) -> Result<Vec<Notice>, StoreError> {
        let mut notices = Vec::new();
        for c in cs {
            notices.extend(self.fold_copies(*c, &self.listing(*c)?)?);
        }
        Ok(notices)
    }

    /// Collections present on disk (every folder but backups).
    pub fn collections(&self) -> Vec<String> {
        let mut names: Vec<String> = fs::read_dir(&self.root)
            .into_iter()
            .flatten()
            .flatten()
            .filter(|e| e.path().is_dir())
            .filter_map(|e| e.file_name().to_str().map(str::to_owned))
            .filter(|n| n != BACKUPS && n != REPORTS && !n.starts_with('.'))
            .collect();
        names.sort();
        names
    }

    /// Read a file without the lock: renames are atomic, so a reader sees a whole version. A
    /// file past `MAX_FILE` is damage, never read whole.
    fn read(&self, path: &Path, notices: &mut Vec<Notice>) -> Result<Option<Vec<u8>>, StoreError> {
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

    /// Read one stem's files under the lock, to be changed. This desk's file and the shared
    /// file are repaired from a backup if damaged; another desk's damaged file or sync copy is
    /// left where it is (reading reports it) and this desk's changes go on without it.
    fn open_sheet(
        &self,
        c: Collection,
        stem: &str,
        listing: &Listing,
        notices: &mut Vec<Notice>,
    ) -> Result<Sheet, StoreError> {
        let own_path = self.own_path(c, stem);
        let own = self.read_locked(&own_path, notices)?;
        let mut others = Vec::new();
        for (path, source) in listing.get(stem).into_iter().flatten() {
            let doc = match source {
                Source::Desk(desk) if *desk == self.local.desk => continue,
                Source::Shared => match self.read_locked(path, notices)? {
                    doc if doc.is_stub() => continue,
                    doc => doc,
                },
                _ => match self.read(path, notices)?.map(|b| document::parse(&b)) {
                    Some(Ok(doc)) => doc,
                    Some(Err(ParseError::Newer { .. })) if matches!(source, Source::Desk(_)) => {
                        match self.read(path, notices)?.and_then(|b| lenient(&b)) {
                            Some(doc) => doc,
                            None => continue,
                        }
                    }
                    _ => continue,
                },
            };
            others.push((path.clone(), source.clone(), doc));
        }
        Ok(Sheet {
            desk: self.local.desk.clone(),
            merge: c.merge,
            own_path,
            own,
            others,
            dirty: false,
        })
    }

    /// Write a changed sheet: this desk's file, then the files folded into it removed, and the
    /// stub put in the shared file's place.
    fn write_sheet(&self, sheet: &mut Sheet, notices: &mut Vec<Notice>) -> Result<(), StoreError> {
        let folded = sheet.fold();
        self.write(&sheet.own_path, &sheet.own, notices)?;
        let shared = sheet.shared_path();
        let stub = Document::stub();
        let is_stub =
            (fs::read(&shared).ok()).is_some_and(|b| document::parse(&b) == Ok(stub.clone()));
        // Only for older versions, and the save is already durable: never a reason to fail it.
        // Something odd in its place (a link, a folder) is reported by reading, and left.
        if !is_stub && super::entries::odd(&shared, false).is_none() {
            let _ = files::write_atomic(&shared, &stub.to_bytes(), true);
        }
        for path in folded.into_iter().filter(|p| *p != shared) {
            match fs::remove_file(&path) {
                Err(e) if e.kind() != io::ErrorKind::NotFound => {
                    return Err(StoreError::io(&path)(e));
                }
                _ => {}
            }
        }
        Ok(())
    }

    /// Fold every sync copy of the collection into this desk's files, under the lock, and say
    /// how many entries only the copies held. A sync tool keeps a limited number of copies
    /// (Syncthing ten) and deletes the oldest, so this is done at the first read, not later.
    fn fold_copies(&self, c: Collection, listing: &Listing) -> Result<Vec<Notice>, StoreError> {
        let mut notices = Vec::new();
        let with_copies = |files: &Vec<(PathBuf, Source)>| {
            files.iter().any(|(_, source)| *source == Source::Copy)
        };
        if !listing.values().any(with_copies) {
            return Ok(notices);
        }
        let _lock = self.lock()?;
        // Read again under the lock: another process may have folded them meanwhile.
        let listing = self.listing(c)?;
        let (mut copies, mut entries) = (Vec::new(), 0);
        for stem in listing
            .iter()
            .filter(|(_, f)| with_copies(f))
            .map(|(s, _)| s)
        {
            // A month whose own or shared file cannot be read is reported by reading; its
            // copies wait, and the rest of the collection is read as usual.
            let Ok(mut sheet) = self.open_sheet(c, stem, &listing, &mut notices) else {
                continue;
            };
            // Only the copies that could be read are taken in and removed; a damaged one stays
            // where it is, reported as damage, and nothing is written for it.
            let readable = sheet.others.iter().filter(|(_, s, _)| *s == Source::Copy);
            let readable: Vec<PathBuf> = readable.map(|(p, _, _)| p.clone()).collect();
            if readable.is_empty() {
                continue;
            }
            let before = visible_ids(&sheet, false);
            let after = visible_ids(&sheet, true);
            entries += after.iter().filter(|v| !before.contains(v)).count();
            self.write_sheet(&mut sheet, &mut notices)?;
            copies.extend(readable);
        }
        if !copies.is_empty() {
            notices.push(Notice::Folded { copies, entries });
        }
        Ok(notices)
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

/// The versions (id and time changed) visible in a sheet, with or without its sync copies.
fn visible_ids(sheet: &Sheet, copies: bool) -> Vec<(uuid::Uuid, chrono::DateTime<Utc>)> {
    let mut merged = sheet.merged();
    merged.add(&Source::Desk(sheet.desk.clone()), sheet.own.clone());
    for (_, source, doc) in &sheet.others {
        if copies || *source != Source::Copy {
            merged.add(source, doc.clone());
        }
    }
    let (records, _) = merged.finish();
    records.into_iter().map(|r| (r.id, r.updated_at)).collect()
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
        let mut listing = self.listing(c)?;
        let folded = self.fold_copies(c, &listing)?;
        if !folded.is_empty() {
            loaded.notices.extend(folded);
            listing = self.listing(c)?;
        }
        let mut merged = Merged::new(c.merge, &self.local.desk);
        let in_range = listing
            .iter()
            .filter(|(stem, _)| stem_overlaps(c, stem, range));
        for (path, source) in in_range.flat_map(|(_, files)| files) {
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
            merged.add(source, doc);
        }
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
        let dir = self.root.join(c.name);
        // A link or a file where the collection's folder belongs is refused, not followed.
        super::entries::usable(&dir, true)?;
        files::ensure_private_dir(&dir).map_err(StoreError::io(&dir))?;
        let _lock = self.lock()?;
        files::remove_stale_temps(&dir, &self.local.desk).map_err(StoreError::io(&dir))?;
        let listing = self.listing(c)?;

        let mut applied = Applied::default();
        let mut sheets: BTreeMap<String, Sheet> = BTreeMap::new();
        // Files are written in the order they were first changed; a record that moves between
        // months is inserted before it is removed, so a crash can duplicate it but never lose it.
        let mut order: Vec<String> = Vec::new();
        let open = |stem: &str, sheets: &mut BTreeMap<String, Sheet>, n: &mut Vec<Notice>| {
            if !sheets.contains_key(stem) {
                sheets.insert(stem.to_string(), self.open_sheet(c, stem, &listing, n)?);
            }
            Ok::<(), StoreError>(())
        };
        for op in ops {
            let target = c.stem(op.date());
            open(&target, &mut sheets, &mut applied.notices)?;
            let id = op.id();
            let holder = if sheets[&target].find(id).is_some() {
                Some(target.clone())
            } else if matches!(op, Op::Add(_)) {
                None
            } else {
                // Not where its date says: look in every stem (a record moved between months).
                for stem in listing.keys() {
                    open(stem, &mut sheets, &mut applied.notices)?;
                }
                sheets
                    .iter()
                    .find(|(_, s)| s.find(id).is_some())
                    .map(|(k, _)| k.clone())
            };
            let existing = holder.as_ref().and_then(|h| sheets[h].find(id));
            let buried =
                (sheets.values().filter_map(|s| s.buried(id))).max_by_key(|t| t.deleted_at);
            let outcome = decide(op, existing.as_ref(), buried.as_ref())?;
            let mut touch = |stem: &String| {
                if !order.contains(stem) {
                    order.push(stem.clone());
                }
            };
            match outcome {
                Outcome::Nothing => continue,
                Outcome::Insert(mut new) | Outcome::Replace(mut new) => {
                    if let Merge::ByField { .. } = c.merge {
                        super::fields::stamp(&mut new, existing.as_ref());
                    }
                    let dest = c.stem(new.date);
                    open(&dest, &mut sheets, &mut applied.notices)?;
                    sheets.get_mut(&dest).expect("opened").put(new);
                    touch(&dest);
                    if let Some(holder) = holder.filter(|h| *h != dest) {
                        let old = existing.as_ref().expect("a holder holds it");
                        // Moved: gone from every month that holds a version of it.
                        for stem in listing.keys().chain([&holder]) {
                            open(stem, &mut sheets, &mut applied.notices)?;
                            let sheet = sheets.get_mut(stem).expect("opened");
                            if *stem != dest && sheet.holds_any(id) {
                                sheet.take_away(old);
                                touch(stem);
                            }
                        }
                    }
                }
                Outcome::Remove(mut tombstone) => {
                    let holder = holder.expect("remove has a holder");
                    // Never earlier than the version it deletes, whatever the clock says, so
                    // every desk's copy of that version stays hidden.
                    let old = existing.as_ref().expect("a holder holds it");
                    tombstone.deleted_at = tombstone.deleted_at.max(old.updated_at);
                    sheets
                        .get_mut(&holder)
                        .expect("opened")
                        .remove(tombstone.clone());
                    touch(&holder);
                    // Every month holding a version of it (a desk moved it there, or another
                    // desk's older copy) hides it too, so no reading of one month revives it.
                    for stem in listing.keys().filter(|s| **s != holder) {
                        open(stem, &mut sheets, &mut applied.notices)?;
                        let sheet = sheets.get_mut(stem).expect("opened");
                        if sheet.holds_any(id) {
                            sheet.remove(tombstone.clone());
                            touch(stem);
                        }
                    }
                }
                Outcome::Bury(tombstone) => {
                    sheets.get_mut(&target).expect("opened").bury(tombstone);
                    touch(&target);
                }
            }
            applied.changed += 1;
        }
        for stem in &order {
            let sheet = sheets.get_mut(stem).expect("opened");
            self.write_sheet(sheet, &mut applied.notices)?;
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

    fn desk(&self) -> &str {
        &self.local.desk
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

impl DiskStore {
    /// Whether a damaged file of `source` is repaired from a backup on reading: this desk's
    /// own (its backups are here) and the shared file (an older nape's backups are), never
    /// another desk's or a sync copy.
    fn repairs(&self, source: &Source) -> bool {
        match source {
            Source::Shared => true,
            Source::Desk(desk) => *desk == self.local.desk,
            Source::Copy => false,
        }
    }
}

/// A newer file's records, read as far as this build understands them.
fn lenient(bytes: &[u8]) -> Option<Document> {
    serde_json::from_slice(bytes).ok()
}
