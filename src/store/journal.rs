//! The changes made on this desk, noted for undo: a short list kept in the local state folder
//! (never synced: it holds copies of entries, and undo is this desk's). The store keeps the
//! notes whole and private; what they mean is the diary's.

use std::fs;
use std::io;
use std::path::Path;

use serde_json::Value;

use super::{DiskStore, StoreError, files};

/// How many changes are kept: enough to undo a morning's slips, no long second copy of a diary.
pub const KEPT: usize = 50;

const FILE: &str = "changes.json";

impl DiskStore {
    pub(super) fn journal(&self) -> Result<Vec<Value>, StoreError> {
        read(&self.local_dir().join(FILE))
    }

    /// Change the notes under the lock, so two writers' notes are both kept.
    pub(super) fn change_journal(
        &self,
        change: impl FnOnce(&mut Vec<Value>),
    ) -> Result<(), StoreError> {
        let path = self.local_dir().join(FILE);
        let _lock = self.lock()?;
        let mut notes = read(&path)?;
        change(&mut notes);
        let overflow = notes.len().saturating_sub(KEPT);
        notes.drain(..overflow);
        let bytes = serde_json::to_vec(&notes).map_err(|e| StoreError::io(&path)(e.into()))?;
        files::write_atomic(&path, &bytes, true).map_err(StoreError::io(&path))
    }
}

/// The notes in `path`; none if there is no file yet, or if it is damaged (notes for undo are
/// not the diary: losing them loses nothing saved).
fn read(path: &Path) -> Result<Vec<Value>, StoreError> {
    match fs::read(path) {
        Ok(bytes) => Ok(serde_json::from_slice(&bytes).unwrap_or_default()),
        Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(Vec::new()),
        Err(e) => Err(StoreError::io(path)(e)),
    }
}
