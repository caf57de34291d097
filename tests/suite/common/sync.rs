//! Two desks' data folders kept in step the way Syncthing does it, without Syncthing: whole
//! files copied over; a file both desks changed since they last met is kept as the newer one,
//! and the other is renamed to a conflict copy (`<name>.sync-conflict-<date>-<time>-<device>`),
//! which is then carried over like any file; a change beats a deletion.

use std::collections::{BTreeSet, HashMap};
use std::fs;
use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};

#[derive(Default)]
pub struct Sync {
    /// What both folders last agreed each file held (None: absent).
    agreed: HashMap<PathBuf, Option<Vec<u8>>>,
    conflicts: usize,
}

impl Sync {
    /// Bring `a` and `b` in step; how many conflict copies this made.
    pub fn run(&mut self, a: &Path, b: &Path) -> usize {
        let before = self.conflicts;
        // A conflict copy is a new file, carried over on the next pass.
        while self.pass(a, b) {}
        self.conflicts - before
    }

    fn pass(&mut self, a: &Path, b: &Path) -> bool {
        let mut changed = false;
        let paths: BTreeSet<PathBuf> = files(a).into_iter().chain(files(b)).collect();
        for path in paths {
            let (in_a, in_b) = (read(&a.join(&path)), read(&b.join(&path)));
            let agreed = self.agreed.get(&path).cloned().flatten();
            if in_a == in_b {
                self.agreed.insert(path, in_a);
                continue;
            }
            changed = true;
            let (from, to) = if in_b == agreed {
                (a, b)
            } else if in_a == agreed {
                (b, a)
            } else if in_a.is_none() || in_b.is_none() {
                // Changed on one desk, deleted on the other: the change wins.
                if in_a.is_some() { (a, b) } else { (b, a) }
            } else {
                // Both changed: the later change wins; the other desk keeps its version as a copy.
                let (newer, older) = if modified(&a.join(&path)) >= modified(&b.join(&path)) {
                    (a, b)
                } else {
                    (b, a)
                };
                self.conflicts += 1;
                fs::rename(
                    older.join(&path),
                    older.join(conflict_name(&path, self.conflicts)),
                )
                .expect("rename to a conflict copy");
                (newer, older)
            };
            let content = read(&from.join(&path));
            write(&to.join(&path), content.as_deref());
            self.agreed.insert(path, content);
        }
        changed
    }
}

/// Every file below `root` that Syncthing would carry (not its own entries, not temp files).
fn files(root: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut dirs = vec![root.to_path_buf()];
    while let Some(dir) = dirs.pop() {
        for entry in fs::read_dir(&dir).into_iter().flatten().flatten() {
            let name = entry.file_name().to_string_lossy().into_owned();
            if name.starts_with('.') {
                continue;
            }
            let path = entry.path();
            if path.is_dir() {
                dirs.push(path);
            } else {
                out.push(path.strip_prefix(root).expect("below root").to_path_buf());
            }
        }
    }
    out
}

fn read(path: &Path) -> Option<Vec<u8>> {
    fs::read(path).ok()
}

fn write(path: &Path, content: Option<&[u8]>) {
    match content {
        None => fs::remove_file(path).expect("delete as the other desk did"),
        Some(bytes) => {
            let dir = path.parent().expect("in a folder");
            fs::create_dir_all(dir).expect("folder");
            fs::set_permissions(dir, fs::Permissions::from_mode(0o700)).expect("private folder");
            // As Syncthing does: a temp file beside it, renamed over.
            let tmp = dir.join(".syncthing.incoming.tmp");
            fs::write(&tmp, bytes).expect("write the copy");
            fs::set_permissions(&tmp, fs::Permissions::from_mode(0o600)).expect("private file");
            fs::rename(&tmp, path).expect("rename into place");
        }
    }
}

fn modified(path: &Path) -> std::time::SystemTime {
    fs::metadata(path)
        .and_then(|m| m.modified())
        .expect("mtime")
}

/// `2026-12.json` -> `2026-12.sync-conflict-20261205-043129-DEVICE7.json`, as Syncthing names it.
fn conflict_name(path: &Path, n: usize) -> PathBuf {
    let stem = path.file_stem().expect("a name").to_string_lossy();
    let ext = path
        .extension()
        .map(|e| e.to_string_lossy())
        .unwrap_or_default();
    path.with_file_name(format!(
        "{stem}.sync-conflict-20261205-0431{n:02}-DEVICE7.{ext}"
    ))
}

/// Conflict copies anywhere below `root`.
pub fn conflict_copies(root: &Path) -> Vec<PathBuf> {
    files(root)
        .into_iter()
        .filter(|p| p.to_string_lossy().contains("sync-conflict"))
        .collect()
}
