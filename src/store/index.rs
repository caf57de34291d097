//! The index: a summary of the older records, kept in the local state folder so a shell command
//! reads a few weeks instead of years (what it holds is the diary's). It is derived, local and
//! never synced. It counts only while the files it was made from are as they were: the store
//! seals them (size, modification time, permissions of each, across every desk's files) and a
//! reader compares the seal; any difference, or a damaged index, means everything is read again.

use std::ffi::OsStr;
use std::fs;
use std::hash::{Hash, Hasher};
use std::path::Path;

use chrono::NaiveDate;
use serde_json::{Value, json};

use super::disk::DiskStore;
use super::layout::{Source, stem_overlaps};
use super::listing::Listing;
use super::{Collection, DateRange, files};

const FILE: &str = "index.json";

impl DiskStore {
    /// A seal on every data file of `cs` dated before `before`: a hash of each one's name and
    /// stamp (see `Stamp`). `None` when those files cannot be vouched for by their stamps: a
    /// sync tool's copy waiting to be folded in, a file others can read, a link or a folder in
    /// a file's place. The folders are listed once between a seal and a load (`keep_survey`).
    pub(super) fn seal_files(&self, cs: &[Collection], before: NaiveDate) -> Option<Value> {
        // Each file's stamp hashed alone and the hashes added up: the same whatever order the
        // folders list them in. (Looking from two threads was slower on two cores.)
        let (mut count, mut sum) = (0, 0u64);
        for c in cs {
            let (n, part) = self.seal_collection(*c, before)?;
            (count, sum) = (count + n, sum.wrapping_add(part));
        }
        Some(json!(format!("{count}:{sum:016x}")))
    }

    /// How many data files of `c` are dated before `before`, and the sum of their stamps'
    /// hashes (see `seal_files`).
    fn seal_collection(&self, c: Collection, before: NaiveDate) -> Option<(usize, u64)> {
        let (listing, odd) = match self.take_survey(c, true) {
            Some(survey) => survey,
            None => self.survey(c).ok()?,
        };
        let stamped = self.stamp_listed(c, &listing, before);
        self.keep_survey(c, true, (listing, odd));
        stamped
    }

    fn stamp_listed(
        &self,
        c: Collection,
        listing: &Listing,
        before: NaiveDate,
    ) -> Option<(usize, u64)> {
        let older = DateRange {
            since: None,
            until: before.pred_opt(),
        };
        let old: Vec<_> = (listing.iter())
            .filter(|(stem, _)| stem_overlaps(c, stem, older))
            .flat_map(|(_, files)| files)
            .collect();
        if old.is_empty() {
            return Some((0, 0)); // a collection not yet begun may have no folder
        }
        let dir = open(&self.root().join(c.name))?;
        let mut sum = 0u64;
        for (path, source) in &old {
            // A copy is folded in by reading.
            if *source == Source::Copy {
                return None;
            }
            let name = path.file_name()?;
            let stamp = look(&dir, name)?;
            // A file others can read is made private by reading.
            if stamp.mode & 0o077 != 0 {
                return None;
            }
            let mut hasher = std::hash::DefaultHasher::new();
            (c.name, name, stamp).hash(&mut hasher);
            sum = sum.wrapping_add(hasher.finish());
        }
        Some((old.len(), sum))
    }

    /// The index as kept; `None` when there is none or it cannot be read as JSON.
    pub(super) fn read_index(&self) -> Option<Value> {
        let bytes = fs::read(self.local_dir().join(FILE)).ok()?;
        serde_json::from_slice(&bytes).ok()
    }

    /// Keep `index` in place of the one there, best effort: without it the next reader reads
    /// everything, as before. Not made durable: it can always be made again.
    pub(super) fn write_index(&self, index: &Value) {
        let path = self.local_dir().join(FILE);
        if let Ok(bytes) = serde_json::to_vec(index) {
            let _ = files::write_atomic(&path, &bytes, false);
        }
    }

    pub(super) fn remove_index(&self) {
        let _ = fs::remove_file(self.local_dir().join(FILE));
    }
}

/// A collection's folder, opened so each file in it is looked at by name alone.
#[cfg(unix)]
type Folder = rustix::fd::OwnedFd;
#[cfg(not(unix))]
type Folder = std::path::PathBuf;

#[cfg(unix)]
fn open(dir: &Path) -> Option<Folder> {
    use rustix::fs::{Mode, OFlags};
    let flags = OFlags::RDONLY | OFlags::DIRECTORY | OFlags::CLOEXEC | OFlags::NOFOLLOW;
    rustix::fs::open(dir, flags, Mode::empty()).ok()
}

#[cfg(not(unix))]
fn open(dir: &Path) -> Option<Folder> {
    Some(dir.to_path_buf())
}

/// What tells a file changed: its size, modification time, permissions, and the inode and
/// change time, which no tool sets back (`cp -p` and `touch` put the modification time back;
/// every save by nape or a sync tool is a new inode).
#[derive(Hash)]
struct Stamp {
    size: u64,
    modified: i64,
    mode: u32,
    inode: u64,
    changed: i64,
}

/// A plain file's stamp, looked at in `dir` without following a link; `None` for anything
/// else.
#[cfg(unix)]
fn look(dir: &Folder, name: &OsStr) -> Option<Stamp> {
    use rustix::fs::{AtFlags, FileType, statat};
    let stat = statat(dir, name, AtFlags::SYMLINK_NOFOLLOW).ok()?;
    if FileType::from_raw_mode(stat.st_mode) != FileType::RegularFile {
        return None;
    }
    let nanos = |secs: i64, nsec: i64| secs * 1_000_000_000 + nsec;
    Some(Stamp {
        size: stat.st_size as u64,
        modified: nanos(stat.st_mtime as i64, stat.st_mtime_nsec as i64),
        mode: stat.st_mode & 0o7777,
        inode: stat.st_ino as u64,
        changed: nanos(stat.st_ctime as i64, stat.st_ctime_nsec as i64),
    })
}

#[cfg(not(unix))]
fn look(dir: &Folder, name: &OsStr) -> Option<Stamp> {
    let meta = fs::symlink_metadata(dir.join(name)).ok()?;
    let modified = meta
        .modified()
        .ok()?
        .duration_since(std::time::UNIX_EPOCH)
        .ok()?;
    meta.is_file().then(|| Stamp {
        size: meta.len(),
        modified: modified.as_nanos() as i64,
        mode: 0o600,
        inode: 0,
        changed: 0,
    })
}
