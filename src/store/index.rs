//! The index: a summary of the older records, kept in the local state folder so a shell command
//! reads a few weeks instead of years (what it holds is the diary's). It is derived, local and
//! never synced. It counts only while the files it was made from are as they were: the store
//! seals them (size, modification time, permissions of each, across every desk's files) and a
//! reader compares the seal; any difference, or a damaged index, means everything is read again.

use std::fs;
use std::hash::{Hash, Hasher};
use std::time::UNIX_EPOCH;

#[cfg(unix)]
use std::os::unix::fs::PermissionsExt;

use chrono::NaiveDate;
use serde_json::{Value, json};

use super::disk::DiskStore;
use super::layout::{Source, parse_name, stem_overlaps};
use super::{Collection, DateRange, files};

const FILE: &str = "index.json";

/// A data file's collection, name, size, modification time and permissions (one nobody can
/// read any longer is not what it was).
type Stamp = (&'static str, String, u64, u128, u32);

impl DiskStore {
    /// A seal on every data file of `cs` dated before `before`: a hash of each one's name, size,
    /// modification time and permissions. `None` when those files cannot be vouched for by their stamps: a
    /// sync tool's copy waiting to be folded in, a file others can read, a link or a folder in a
    /// file's place.
    pub(super) fn seal_files(&self, cs: &[Collection], before: NaiveDate) -> Option<Value> {
        // Hundreds of files, a look at each: one thread per collection.
        let sealed: Vec<Option<Vec<Stamp>>> = std::thread::scope(|scope| {
            let each: Vec<_> = (cs.iter())
                .map(|c| scope.spawn(move || self.stamps(*c, before)))
                .collect();
            each.into_iter().map(|t| t.join().ok().flatten()).collect()
        });
        let mut stamps: Vec<Stamp> = sealed.into_iter().collect::<Option<Vec<_>>>()?.concat();
        stamps.sort();
        let mut hasher = std::hash::DefaultHasher::new();
        stamps.hash(&mut hasher);
        Some(json!(format!("{}:{:016x}", stamps.len(), hasher.finish())))
    }

    /// Each data file of `c` dated before `before`, stamped (see `seal_files`).
    fn stamps(&self, c: Collection, before: NaiveDate) -> Option<Vec<Stamp>> {
        let older = DateRange {
            since: None,
            until: before.pred_opt(),
        };
        let entries = match fs::read_dir(self.root().join(c.name)) {
            Ok(entries) => entries,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Some(Vec::new()),
            Err(_) => return None,
        };
        let mut stamps = Vec::new();
        for entry in entries {
            let entry = entry.ok()?;
            let Some((stem, source)) = parse_name(c, &entry.path()) else {
                continue; // not read either (reading reports it)
            };
            if !stem_overlaps(c, &stem, older) {
                continue;
            }
            // Looked at from the folder: no walk down the path for each.
            let meta = entry.metadata().ok()?;
            #[cfg(unix)]
            let mode = meta.permissions().mode();
            #[cfg(not(unix))]
            let mode = 0o600;
            let loose = mode & 0o077 != 0;
            // A copy is folded in by reading; a file others can read is made private.
            if source == Source::Copy || loose || !meta.is_file() {
                return None;
            }
            let modified = meta.modified().ok()?.duration_since(UNIX_EPOCH).ok()?;
            let name = entry.file_name().to_string_lossy().into_owned();
            stamps.push((c.name, name, meta.len(), modified.as_nanos(), mode));
        }
        Some(stamps)
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
