//! Who is here on this desk, by locks in its local state folder: an open app (a shared lock,
//! one per window) and the waiter (an exclusive one, so it never runs twice). A lock goes with
//! its process, however that process ends.

use std::fs::{File, OpenOptions, TryLockError};
use std::io::Write;
use std::path::Path;

use super::DiskStore;

const APP: &str = "app.lock";
const WAITER: &str = "waiter.lock";

/// A lock held for as long as this is kept.
pub struct Held {
    _lock: File,
}

fn open(path: &Path) -> Option<File> {
    let mut options = OpenOptions::new();
    options.read(true).write(true).create(true).truncate(false);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, super::files::FILE_MODE);
    options.open(path).ok()
}

impl DiskStore {
    /// Say an app is open here, until the returned lock is dropped (or the app ends). It waits
    /// out a waiter's look (an instant), which would otherwise leave this app unsaid for good.
    pub fn app_here(&self) -> Option<Held> {
        let file = open(&self.local_dir().join(APP))?;
        file.lock_shared().ok().map(|()| Held { _lock: file })
    }

    /// Whether an app is open on this desk (for this data folder).
    pub fn app_open(&self) -> bool {
        let Some(file) = open(&self.local_dir().join(APP)) else {
            return false;
        };
        matches!(file.try_lock(), Err(TryLockError::WouldBlock))
    }

    /// The waiter's turn: none if another waiter already runs here. The holder's process id is
    /// written in the file.
    pub fn waiter_here(&self) -> Option<Held> {
        let mut file = open(&self.local_dir().join(WAITER))?;
        file.try_lock().ok()?;
        let _ = file
            .set_len(0)
            .and_then(|()| write!(file, "{}", std::process::id()));
        Some(Held { _lock: file })
    }
}
