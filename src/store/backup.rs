//! Daily backups: after each save, a copy of the file as saved goes to
//! `backups/<local date>/<collection>/<file>`. Days older than 14 are pruned, except a file's
//! newest copy, so every file keeps at least one good backup however old it is.

use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;

use super::document;
use super::files::{ensure_private_dir, write_atomic};

pub const KEEP_DAYS: i64 = 14;

pub struct Backups {
    dir: PathBuf,
}

impl Backups {
    pub fn new(root: &Path) -> Self {
        Backups {
            dir: root.join(super::layout::BACKUPS),
        }
    }

    /// Store `bytes` as today's copy of `relative` (collection/file). Not fsynced: a torn backup
    /// fails to parse and the next older one is used instead.
    pub fn save(&self, today: NaiveDate, relative: &Path, bytes: &[u8]) -> io::Result<()> {
        // Backups are never written through a link, nor into a file where their folder belongs.
        if let Some(what) = super::entries::odd(&self.dir, true) {
            return Err(io::Error::other(format!(
                "{} is {what}",
                self.dir.display()
            )));
        }
        let day = self.dir.join(today.to_string());
        let new_day = !day.exists();
        let path = day.join(relative);
        if let Some(parent) = path.parent() {
            ensure_private_dir(parent)?;
            // Backups are this desk's alone and written under its lock: any temp file here was
            // left by a save that was killed.
            for stale in temps(parent) {
                fs::remove_file(stale)?;
            }
        }
        write_atomic(&path, bytes, false)?;
        if new_day {
            self.prune(today)?;
        }
        Ok(())
    }

    /// The newest backup of `relative` that parses, if any.
    pub fn newest_good(&self, relative: &Path) -> Option<(PathBuf, Vec<u8>)> {
        self.days().into_iter().rev().find_map(|(_, day)| {
            let path = day.join(relative);
            let bytes = fs::read(&path).ok()?;
            document::parse(&bytes).ok()?;
            Some((path, bytes))
        })
    }

    /// Backup day folders, oldest first.
    fn days(&self) -> Vec<(NaiveDate, PathBuf)> {
        let mut days: Vec<_> = fs::read_dir(&self.dir)
            .into_iter()
            .flatten()
            .flatten()
            .filter_map(|e| {
                let date = e.file_name().to_str()?.parse::<NaiveDate>().ok()?;
                Some((date, e.path()))
            })
            .collect();
        days.sort();
        days
    }

    fn prune(&self, today: NaiveDate) -> io::Result<()> {
        let days = self.days();
        for (i, (date, day)) in days.iter().enumerate() {
            if (today - *date).num_days() <= KEEP_DAYS {
                continue;
            }
            let newer = &days[i + 1..];
            for file in files_under(day) {
                let relative = file.strip_prefix(day).unwrap_or(&file);
                if newer.iter().any(|(_, d)| d.join(relative).exists()) {
                    fs::remove_file(&file)?;
                }
            }
            remove_empty_dirs(day);
        }
        Ok(())
    }
}

/// Temp files in `dir` (a save's, killed before it was renamed into place).
fn temps(dir: &Path) -> Vec<PathBuf> {
    let entries = fs::read_dir(dir).into_iter().flatten().flatten();
    let names = entries.map(|e| e.path());
    names
        .filter(|p| {
            let name = p.file_name().unwrap_or_default().to_string_lossy();
            name.starts_with('.') && name.ends_with(super::files::TEMP_SUFFIX)
        })
        .collect()
}

impl Backups {
    /// Temp files left anywhere in the backups by killed saves.
    pub fn stale_temps(&self) -> Vec<PathBuf> {
        let mut dirs = vec![self.dir.clone()];
        let mut found = Vec::new();
        while let Some(dir) = dirs.pop() {
            found.extend(temps(&dir));
            let entries = fs::read_dir(&dir).into_iter().flatten().flatten();
            dirs.extend(
                entries
                    .map(|e| e.path())
                    .filter(|p| p.is_dir() && !p.is_symlink()),
            );
        }
        found.sort();
        found
    }
}

fn files_under(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for entry in fs::read_dir(dir).into_iter().flatten().flatten() {
        let path = entry.path();
        if path.is_dir() {
            out.extend(files_under(&path));
        } else {
            out.push(path);
        }
    }
    out
}

fn remove_empty_dirs(dir: &Path) {
    for entry in fs::read_dir(dir).into_iter().flatten().flatten() {
        if entry.path().is_dir() {
            remove_empty_dirs(&entry.path());
        }
    }
    // Fails harmlessly when the folder still holds a kept file.
    let _ = fs::remove_dir(dir);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(n: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 1, n).unwrap()
    }

    #[test]
    fn old_days_are_pruned_but_each_file_keeps_its_newest_copy() {
        let root = tempfile::tempdir().unwrap();
        let backups = Backups::new(root.path());
        let doc = document::Document::new().to_bytes();
        let often = Path::new("checkins/2026-01.json");
        let once = Path::new("checkins/2025-06.json");
        backups.save(day(1), once, &doc).unwrap();
        for n in 1..=20 {
            backups.save(day(n), often, &doc).unwrap();
        }
        let kept: Vec<NaiveDate> = backups.days().into_iter().map(|(d, _)| d).collect();
        assert_eq!(
            kept.first(),
            Some(&day(1)),
            "the only copy of 2025-06 is kept"
        );
        assert!(!root.path().join("backups/2026-01-01").join(often).exists());
        assert!(root.path().join("backups/2026-01-01").join(once).exists());
        assert!(
            !kept.contains(&day(5)),
            "days older than 14 with newer copies go"
        );
        assert!(kept.contains(&day(6)) && kept.contains(&day(20)));
        assert!(
            backups
                .newest_good(often)
                .unwrap()
                .0
                .starts_with(root.path().join("backups/2026-01-20"))
        );
    }
}
