//! Keeping a damaged file aside when the person chooses to start it afresh.

use std::fs;
use std::path::{Path, PathBuf};

use chrono::Utc;

use super::StoreError;
use super::disk::DiskStore;
use super::document;
use super::files;

/// Under the lock, rename `path` to `path.corrupt-<time>` if it is still damaged (another
/// process may have repaired it meanwhile). Where it went, or `None` if it was not damaged.
pub fn set_aside(store: &DiskStore, path: &Path) -> Result<Option<PathBuf>, StoreError> {
    let _lock = store.lock()?;
    // A folder or a link where the file belongs is moved aside too (the link itself, never
    // what it points at).
    let odd = super::entries::odd(path, false).is_some();
    let bytes = match fs::read(path) {
        _ if odd => Vec::new(),
        Ok(bytes) => bytes,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(StoreError::io(path)(e)),
    };
    match document::parse(&bytes) {
        _ if odd => {}
        Err(reason) if reason.is_damage() => {}
        _ => return Ok(None),
    }
    let stamp = Utc::now().format("%Y%m%dT%H%M%S%.3fZ").to_string();
    let moved_to = files::quarantine_path(path, &stamp);
    fs::rename(path, &moved_to).map_err(StoreError::io(path))?;
    if let Some(dir) = path.parent() {
        files::sync_dir(dir).map_err(StoreError::io(dir))?;
    }
    Ok(Some(moved_to))
}
