//! Notice other processes' saves without polling: file-system notification on the data folder.
//! Every save renames a file into a collection folder, so a change shows up as an event there.

use std::path::{Component, Path};

use notify::{EventKind, RecursiveMode, Watcher};

/// Keeps the notification running; dropping it stops it.
pub struct Watch {
    _watcher: notify::RecommendedWatcher,
}

/// Call `changed` (from another thread) whenever a data file under `root` may have changed.
/// Backups, the lock and temp files are left out, so a save wakes a reader once or twice, not
/// for every file it touches. `None` where notification is not available: poll instead.
pub fn watch(root: &Path, changed: impl Fn() + Send + 'static) -> Option<Watch> {
    let base = root.to_path_buf();
    let mut watcher = notify::recommended_watcher(move |event: notify::Result<notify::Event>| {
        let Ok(event) = event else {
            return changed(); // an overflow or an error: look anyway
        };
        if matches!(event.kind, EventKind::Access(_)) {
            return;
        }
        if event.paths.iter().any(|p| is_data(&base, p)) {
            changed();
        }
    })
    .ok()?;
    watcher.watch(root, RecursiveMode::Recursive).ok()?;
    Some(Watch { _watcher: watcher })
}

/// Call `changed` (from another thread) whenever a file under `folder` may have changed: the
/// person's routine files. `None` where the folder is missing or notification is unavailable.
pub fn watch_folder(folder: &Path, changed: impl Fn() + Send + 'static) -> Option<Watch> {
    let mut watcher = notify::recommended_watcher(move |event: notify::Result<notify::Event>| {
        if !event.is_ok_and(|e| matches!(e.kind, EventKind::Access(_))) {
            changed();
        }
    })
    .ok()?;
    watcher.watch(folder, RecursiveMode::Recursive).ok()?;
    Some(Watch { _watcher: watcher })
}

/// A collection's month file (or folder), not a backup, the lock or a temp file.
fn is_data(root: &Path, path: &Path) -> bool {
    let Ok(relative) = path.strip_prefix(root) else {
        return false;
    };
    let mut parts = relative.components().filter_map(|c| match c {
        Component::Normal(name) => name.to_str(),
        _ => None,
    });
    match (parts.next(), parts.next()) {
        (Some("backups" | "nape.lock"), _) => false,
        (Some(_), Some(file)) => !file.starts_with('.'),
        (Some(_), None) => true,
        (None, _) => false,
    }
}
