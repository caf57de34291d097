//! What belongs to this computer, not to the diary: the desk id, and per data folder the lock and
//! the backups. It lives in a local state folder, never in the data folder, so a sync tool
//! carries nothing of it to another desk (a lock replaced by another desk's copy locks nothing).

use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use super::StoreError;
use super::files;

/// This desk's local state for one data folder.
#[derive(Clone, Debug)]
pub struct Local {
    /// This installation's desk id: its files in the data folder are named with it.
    pub desk: String,
    /// The folder holding this data folder's lock and backups.
    pub dir: PathBuf,
}

/// The file holding the desk id, in the state folder.
const DESK_FILE: &str = "desk";

impl Local {
    /// The local state of the data folder at `root` (already made absolute), kept under
    /// `state` (see `default_state`); the desk id is made on first use.
    pub fn open(state: &Path, root: &Path) -> Result<Local, StoreError> {
        files::ensure_private_dir(state).map_err(StoreError::io(state))?;
        let desk = desk_id(&state.join(DESK_FILE))?;
        let dir = state.join("diaries").join(folder_key(root));
        files::ensure_private_dir(&dir).map_err(StoreError::io(&dir))?;
        Ok(Local { desk, dir })
    }

    pub fn lock_path(&self) -> PathBuf {
        self.dir.join(super::layout::LOCK)
    }
}

/// The platform's local state folder for nape: `$XDG_STATE_HOME/nape` (~/.local/state/nape) on
/// Linux; elsewhere a `nape-state` folder beside the local data folder, which a sync tool
/// pointed at the diary does not reach.
pub fn default_state() -> Result<PathBuf, StoreError> {
    let pick = |dirs: &directories::ProjectDirs| match dirs.state_dir() {
        Some(dir) => dir.to_path_buf(),
        None => dirs.data_local_dir().with_file_name("nape-state"),
    };
    super::opening::platform_dir(pick, "local state", "--state-dir")
}

/// Whether `name` is a desk id as `desk_id` makes them: 8 lowercase letters or digits.
pub fn is_desk_id(name: &str) -> bool {
    name.len() == 8
        && name
            .bytes()
            .all(|b| b.is_ascii_digit() || b.is_ascii_lowercase())
}

/// The desk id kept in `path`, made (random, 8 characters) the first time.
fn desk_id(path: &Path) -> Result<String, StoreError> {
    match fs::read_to_string(path) {
        Ok(text) if is_desk_id(text.trim()) => return Ok(text.trim().to_string()),
        Ok(_) => {} // damaged: a new id only means this desk starts new files
        Err(e) if e.kind() == io::ErrorKind::NotFound => {}
        Err(e) => return Err(StoreError::io(path)(e)),
    }
    // The last 8 hex digits of a v7 id are random (the first are the time).
    let simple = uuid::Uuid::now_v7().simple().to_string();
    let id = simple[simple.len() - 8..].to_string();
    files::write_atomic(path, format!("{id}\n").as_bytes(), true).map_err(StoreError::io(path))?;
    Ok(id)
}

/// A folder name standing for the data folder's path: readable, one per path.
fn folder_key(root: &Path) -> String {
    let text = root.to_string_lossy();
    let mut key = String::with_capacity(text.len());
    for c in text.trim_start_matches('/').chars() {
        match c {
            'a'..='z' | 'A'..='Z' | '0'..='9' | '.' | '-' => key.push(c),
            '/' => key.push('_'),
            _ => key.push_str(&format!("%{:x}", c as u32)),
        }
    }
    if key.is_empty() || key.starts_with('.') {
        key.insert(0, '_');
    }
    key
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_desk_keeps_its_id_and_each_data_folder_has_its_own_state() {
        let state = tempfile::tempdir().unwrap();
        let one = Local::open(state.path(), Path::new("/home/a/diary")).unwrap();
        let again = Local::open(state.path(), Path::new("/home/a/diary")).unwrap();
        let other = Local::open(state.path(), Path::new("/home/a/diary_2")).unwrap();
        assert!(is_desk_id(&one.desk));
        assert_eq!(one.desk, again.desk);
        assert_eq!(one.dir, again.dir);
        assert_ne!(one.dir, other.dir, "'/' and '_' do not meet");
        assert_eq!(other.desk, one.desk, "one id per installation");
    }
}
