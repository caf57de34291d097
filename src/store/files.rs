//! File-system plumbing for the store: private folders, atomic replacement, the lock.
//! Everything here works on paths handed in by the store; nothing decides where data lives.

use std::fs::{self, File, OpenOptions};
use std::io::{self, Write};
use std::path::{Path, PathBuf};

#[cfg(unix)]
use std::os::unix::fs::{DirBuilderExt, OpenOptionsExt, PermissionsExt};

pub const DIR_MODE: u32 = 0o700;
pub const FILE_MODE: u32 = 0o600;

/// Create `dir` (and parents) private to the user. Returns true if an existing folder had to be
/// tightened because others could read it.
pub fn ensure_private_dir(dir: &Path) -> io::Result<bool> {
    if !dir.exists() {
        create_private_dir(dir)?;
        return Ok(false);
    }
    tighten(dir)
}

/// Create `dir` (and parents) private to the user.
pub fn create_private_dir(dir: &Path) -> io::Result<()> {
    let mut builder = fs::DirBuilder::new();
    builder.recursive(true);
    #[cfg(unix)]
    builder.mode(DIR_MODE);
    builder.create(dir)
}

/// Remove group and other permissions from `path` if it has any, keeping the owner's. A symlink
/// is left alone and never followed: what it points at is not nape's to change. Returns true if
/// `path` changed.
#[cfg(unix)]
pub fn tighten(path: &Path) -> io::Result<bool> {
    // Another process may rename its temp file away between a listing and this look at it.
    let meta = match fs::symlink_metadata(path) {
        Ok(meta) => meta,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(false),
        Err(e) => return Err(e),
    };
    let current = meta.permissions().mode() & 0o777;
    if meta.file_type().is_symlink() || current & 0o077 == 0 {
        return Ok(false);
    }
    match fs::set_permissions(path, fs::Permissions::from_mode(current & 0o700)) {
        Ok(()) => Ok(true),
        Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(false),
        Err(e) => Err(e),
    }
}

#[cfg(not(unix))]
pub fn tighten(_path: &Path) -> io::Result<bool> {
    Ok(false)
}

/// Replace `path` with `bytes` so that a reader sees either the old or the new content, never
/// a mix, and the new content is on disk before this returns: temp file in the same folder,
/// fsync, rename over, fsync the folder.
pub fn write_atomic(path: &Path, bytes: &[u8], durable: bool) -> io::Result<()> {
    // A bare name ("report.md") has an empty parent: the current folder.
    let dir = (path.parent())
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("file");
    // tempfile creates the file 0600; the prefix lets a later save recognise it as stale.
    let mut tmp = tempfile::Builder::new()
        .prefix(&format!(".{name}."))
        .suffix(TEMP_SUFFIX)
        .tempfile_in(dir)?;
    tmp.write_all(bytes)?;
    if durable {
        tmp.as_file().sync_all()?;
    }
    tmp.persist(path).map_err(|e| e.error)?;
    if durable {
        sync_dir(dir)?;
    }
    Ok(())
}

pub const TEMP_SUFFIX: &str = ".tmp";

/// Flush a folder's entries (a rename is only durable once its folder is).
pub fn sync_dir(dir: &Path) -> io::Result<()> {
    #[cfg(unix)]
    File::open(dir)?.sync_all()?;
    #[cfg(not(unix))]
    let _ = dir;
    Ok(())
}

/// Whether the file `name` (at `path`) is a temp file left by a killed save of this desk's
/// files (`.2026-03.<desk>.json.XXXX.tmp`), or of the shared stub (`.2026-03.json.XXXX.tmp`)
/// once an hour old (an older nape names its own temp files so, and may be saving now).
/// Anyone else's (a sync tool's) are not nape's.
pub fn is_stale_temp(name: &str, path: &Path, desk: &str) -> bool {
    let hour_old = || {
        fs::metadata(path)
            .and_then(|m| m.modified())
            .is_ok_and(|t| t.elapsed().is_ok_and(|age| age.as_secs() > 3600))
    };
    // "", stem, [desk,] "json", the random part, "tmp": a stem has no dot.
    let parts: Vec<&str> = name.split('.').collect();
    let own = parts.len() == 6 && parts[2] == desk && parts[3] == "json";
    let stub = parts.len() == 5 && parts[2] == "json";
    parts[0].is_empty()
        && parts[1] != "syncthing"
        && name.ends_with(TEMP_SUFFIX)
        && (own || stub && hour_old())
}

/// Remove this desk's stale temp files in `dir`. Only call this while holding the lock: then no
/// other save of this desk is writing one.
pub fn remove_stale_temps(dir: &Path, desk: &str) -> io::Result<usize> {
    let mut removed = 0;
    let entries = match fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(0),
        Err(e) => return Err(e),
    };
    for entry in entries {
        let entry = entry?;
        let name = entry.file_name();
        if is_stale_temp(&name.to_string_lossy(), &entry.path(), desk) {
            fs::remove_file(entry.path())?;
            removed += 1;
        }
    }
    Ok(removed)
}

/// The exclusive lock every writer holds while it reads, changes and writes. It lives on its own
/// file so data files are only ever replaced, never locked.
pub struct Lock {
    file: File,
}

/// Why the lock could not be had.
pub enum LockError {
    /// Another process held it for the whole wait; its process id, if it wrote one.
    Busy(Option<u32>),
    Io(io::Error),
}

impl Lock {
    /// Take the lock, waiting up to `wait` for another process to finish its save. The holder
    /// writes its process id in the file, so one that is stuck can be named.
    pub fn acquire(path: &Path, wait: std::time::Duration) -> Result<Lock, LockError> {
        let mut options = OpenOptions::new();
        options.read(true).write(true).create(true).truncate(false);
        // Never through a link: the process id written in it would land in the link's target.
        #[cfg(unix)]
        options
            .mode(FILE_MODE)
            .custom_flags(rustix::fs::OFlags::NOFOLLOW.bits() as i32);
        let mut file = options.open(path).map_err(LockError::Io)?;
        let deadline = std::time::Instant::now() + wait;
        loop {
            match file.try_lock() {
                Ok(()) => break,
                Err(fs::TryLockError::WouldBlock) if std::time::Instant::now() < deadline => {
                    // A save takes milliseconds; look again shortly.
                    std::thread::sleep(std::time::Duration::from_millis(20));
                }
                Err(fs::TryLockError::WouldBlock) => {
                    let mut text = String::new();
                    let _ = io::Read::read_to_string(&mut file, &mut text);
                    let pid = text.trim().parse().ok().filter(|pid| is_nape(*pid));
                    return Err(LockError::Busy(pid));
                }
                Err(fs::TryLockError::Error(e)) => return Err(LockError::Io(e)),
            }
        }
        // Best effort: the id only helps a message, and the lock is held either way.
        let _ = file
            .set_len(0)
            .and_then(|()| io::Seek::rewind(&mut file))
            .and_then(|()| write!(file, "{}", std::process::id()));
        Ok(Lock { file })
    }
}

/// Whether process `pid` on this computer is a running nape, where that can be known: this
/// very process, or one whose program has this one's name (or "nape").
pub fn nape_running(pid: u32) -> Option<bool> {
    if pid == std::process::id() {
        return Some(true);
    }
    Path::new("/proc/self").exists().then(|| is_nape(pid))
}

/// Whether process `pid` is a running nape (see `nape_running`). The id in the lock file is the
/// last saver's; the one holding the lock now may be another program, or that nape may be long
/// gone.
fn is_nape(pid: u32) -> bool {
    let own = fs::read_to_string("/proc/self/comm").unwrap_or_default();
    fs::read_to_string(format!("/proc/{pid}/comm"))
        .is_ok_and(|name| name.trim() == "nape" || name.trim() == own.trim())
}

impl Drop for Lock {
    fn drop(&mut self) {
        let _ = self.file.unlock();
    }
}

/// `name.corrupt-<UTC time>` beside the damaged file.
pub fn quarantine_path(path: &Path, stamp: &str) -> PathBuf {
    let mut name = path.file_name().unwrap_or_default().to_os_string();
    name.push(format!(".corrupt-{stamp}"));
    path.with_file_name(name)
}
