//! Entries that are not what nape expects where they are: a symbolic link or a folder where a
//! month file belongs, a file where a collection's folder belongs. They are reported, never
//! read through, written through or replaced.

use std::fs;
use std::path::{Path, PathBuf};

use super::disk::DiskStore;
use super::layout::{BACKUPS, LOCK};
use super::{Collection, StoreError};
use crate::kinds;

/// What an entry is, in words, when it is not the plain file (or folder) nape expects. Links are
/// never followed below the data folder: what they point at is not nape's to read or change.
pub fn odd(path: &Path, want_dir: bool) -> Option<&'static str> {
    let kind = fs::symlink_metadata(path).ok()?.file_type();
    odd_kind(kind, want_dir)
}

/// What a file of `kind` is, in words, where a plain file belongs (see `odd`).
pub(super) fn kind_odd(kind: fs::FileType) -> Option<&'static str> {
    odd_kind(kind, false)
}

fn odd_kind(kind: fs::FileType, want_dir: bool) -> Option<&'static str> {
    Some(match () {
        _ if kind.is_symlink() => "a symbolic link",
        _ if kind.is_dir() && want_dir => return None,
        _ if kind.is_file() && !want_dir => return None,
        _ if kind.is_dir() => "a folder",
        _ if want_dir && kind.is_file() => "a file, not a folder",
        _ => "a special file (a pipe or a device)",
    })
}

impl DiskStore {
    /// Every odd entry of `c`: its folder, or data-file names inside it.
    pub fn odd_entries(&self, c: Collection) -> Vec<(PathBuf, &'static str)> {
        self.survey(c).map(|(_, odd)| odd).unwrap_or_default()
    }

    /// The odd entries of every collection this build knows, and of the desk's backups folder
    /// and lock.
    pub fn all_odd_entries(&self) -> Vec<(PathBuf, &'static str)> {
        let mut all: Vec<_> = (kinds::known().into_iter())
            .flat_map(|(c, _)| self.odd_entries(c))
            .collect();
        for (name, want_dir) in [(BACKUPS, true), (LOCK, false)] {
            let path = self.local_dir().join(name);
            all.extend(odd(&path, want_dir).map(|what| (path, what)));
        }
        all
    }
}

/// Refuse to write at `path` unless it is a plain file (or, with `dir`, a folder) or nothing yet.
pub fn usable(path: &Path, dir: bool) -> Result<(), StoreError> {
    match odd(path, dir) {
        Some(what) => Err(StoreError::NotAFile {
            path: path.to_path_buf(),
            what,
        }),
        None => Ok(()),
    }
}
