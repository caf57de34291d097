//! Opening the store: where it lives by default, the folder created or made private, and only
//! nape's own entries in it.

use std::fs;
use std::path::{Path, PathBuf};

use super::disk::DiskStore;
use super::files;
use super::layout::{BACKUPS, LOCK, REPORTS, is_data_file, is_sync_entry};
use super::local::Local;
use super::{Notice, StoreError};

impl DiskStore {
    /// The platform's data folder for nape (for example ~/.local/share/nape on Linux).
    pub fn default_root() -> Result<PathBuf, StoreError> {
        platform_dir(
            |dirs| dirs.data_local_dir().to_path_buf(),
            "the diary",
            "--data-dir",
        )
    }

    pub(super) fn open_checking(
        root: PathBuf,
        state: &Path,
        files_too: bool,
        make: bool,
    ) -> Result<(DiskStore, Vec<Notice>), StoreError> {
        let mut notices = Vec::new();
        if make && !root.exists() {
            files::create_private_dir(&root).map_err(StoreError::io(&root))?;
        }
        // A data folder that is itself a link (to a synced folder) is where the person chose to
        // keep the diary: it is the linked folder that is made private.
        let root = fs::canonicalize(&root).unwrap_or(root);
        let mut tighten = |path: PathBuf| -> Result<(), StoreError> {
            if files::tighten(&path).map_err(StoreError::io(&path))? {
                notices.push(Notice::Tightened(path));
            }
            Ok(())
        };
        // Only nape's own entries are made private: a data folder pointed at by mistake (a home
        // folder) keeps every permission it had. The kind comes from the folder listing, so
        // each entry costs one stat (its mode) and opening stays cheap.
        let mut foreign = Vec::new();
        for entry in fs::read_dir(&root)
            .map_err(StoreError::io(&root))?
            .flatten()
        {
            let name = entry.file_name().to_string_lossy().into_owned();
            // A collection's folder may be a link to a folder elsewhere (synced): still nape's.
            let is_dir = entry.path().is_dir();
            let collection = is_dir && crate::kinds::find(&name).is_some();
            // Backups and the lock were kept here by older versions: still nape's.
            let own = is_dir && (name == BACKUPS || name == REPORTS);
            if is_sync_entry(&name) {
                continue; // a sync tool's own entry: expected, and not nape's to change
            }
            if !(collection || own || name == LOCK) {
                foreign.push(name);
                continue;
            }
            tighten(entry.path())?;
            if !(collection && files_too) {
                continue;
            }
            for file in fs::read_dir(entry.path()).into_iter().flatten().flatten() {
                // Temp and quarantined files are hidden; symlinks are not followed.
                if file.file_type().is_ok_and(|t| t.is_file()) && is_data_file(&file.path()) {
                    tighten(file.path())?;
                }
            }
        }
        if foreign.is_empty() {
            tighten(root.clone())?;
        } else {
            foreign.sort();
            notices.push(Notice::Foreign {
                root: root.clone(),
                names: foreign,
            });
        }
        let local = Local::open(state, &root)?;
        Ok((DiskStore::at(root, local), notices))
    }
}

/// One of the platform's folders for nape, as `pick` chooses it from the project's folders. A
/// relative HOME would put it wherever nape happens to be started: refused, naming `what` would
/// go there and the `option` that says where instead.
pub(super) fn platform_dir(
    pick: impl FnOnce(&directories::ProjectDirs) -> PathBuf,
    what: &str,
    option: &str,
) -> Result<PathBuf, StoreError> {
    let dirs = directories::ProjectDirs::from("", "", "nape")
        .ok_or_else(|| StoreError::NoDataDir("no home directory is set".into()))?;
    let dir = pick(&dirs);
    if dir.is_relative() {
        return Err(StoreError::NoDataDir(format!(
            "HOME is not an absolute path ({what} would go to {}); set HOME, or use {option}",
            dir.display()
        )));
    }
    Ok(dir)
}
