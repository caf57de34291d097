//! `nape check`: read every file and say what is there and what is wrong, changing nothing.

use std::fs;
use std::path::{Path, PathBuf};

use super::document::{self, ParseError};
use super::files::is_stale_temp;
use super::{DateRange, DiskStore};
use crate::kinds;

#[derive(Debug, Default)]
pub struct Report {
    /// (collection, files, records)
    pub collections: Vec<(String, usize, usize)>,
    pub damaged: Vec<(PathBuf, ParseError)>,
    pub newer: Vec<(PathBuf, ParseError)>,
    /// Records whose fields do not fit their kind: (file, id, reason).
    pub bad_records: Vec<(PathBuf, String, String)>,
    pub open_to_others: Vec<PathBuf>,
    pub quarantined: Vec<PathBuf>,
    pub stale_temps: Vec<PathBuf>,
    /// Entries that are not what belongs there (a symbolic link, a folder): (path, what).
    pub odd: Vec<(PathBuf, &'static str)>,
}

impl Report {
    pub fn is_ok(&self) -> bool {
        self.damaged.is_empty()
            && self.newer.is_empty()
            && self.bad_records.is_empty()
            && self.open_to_others.is_empty()
            && self.odd.is_empty()
    }
}

impl DiskStore {
    pub fn check(&self) -> Report {
        let mut report = Report {
            odd: self.all_odd_entries(),
            stale_temps: super::backup::Backups::new(self.local_dir()).stale_temps(),
            ..Report::default()
        };
        if is_open_to_others(self.root()) {
            report.open_to_others.push(self.root().to_path_buf());
        }
        // Only nape's own collections: other folders are not nape's to judge (opening says so).
        let present = self.collections();
        let known = kinds::known().into_iter().map(|(c, _)| c.name.to_string());
        for name in known.filter(|n| present.contains(n)) {
            let dir = self.root().join(&name);
            if is_open_to_others(&dir) {
                report.open_to_others.push(dir.clone());
            }
            for entry in fs::read_dir(&dir).into_iter().flatten().flatten() {
                let file = entry.file_name().to_string_lossy().into_owned();
                if file.contains(".corrupt-") {
                    report.quarantined.push(entry.path());
                } else if is_stale_temp(&file, &entry.path(), super::Store::desk(self)) {
                    report.stale_temps.push(entry.path());
                }
            }
            let kind = kinds::find(&name);
            let (mut files, mut records) = (0, 0);
            let paths = match kind {
                Some((c, _)) => self.files(c, DateRange::ALL).unwrap_or_default(),
                None => json_files(&dir),
            };
            for path in paths {
                files += 1;
                if is_open_to_others(&path) {
                    report.open_to_others.push(path.clone());
                }
                let size = fs::metadata(&path).map_or(0, |m| m.len());
                let parsed = match size > document::MAX_FILE {
                    true => Err(ParseError::TooLarge(size)),
                    false => fs::read(&path)
                        .map_err(|e| ParseError::Syntax(e.to_string()))
                        .and_then(|bytes| document::parse(&bytes)),
                };
                match parsed {
                    // The stub left where the shared file was holds no entries: not counted.
                    Ok(doc) if doc.is_stub() => files -= 1,
                    Ok(doc) => {
                        records += doc.records.len();
                        if let Some((_, fits)) = kind {
                            for record in &doc.records {
                                if let Err(reason) = fits(record, Some(chrono::Utc::now())) {
                                    report.bad_records.push((
                                        path.clone(),
                                        record.id.to_string(),
                                        reason,
                                    ));
                                }
                            }
                        }
                    }
                    Err(e) if e.is_damage() => report.damaged.push((path, e)),
                    Err(e) => report.newer.push((path, e)),
                }
            }
            report.collections.push((name, files, records));
        }
        report
    }
}

fn json_files(dir: &Path) -> Vec<PathBuf> {
    let mut paths: Vec<PathBuf> = fs::read_dir(dir)
        .into_iter()
        .flatten()
        .flatten()
        .map(|e| e.path())
        .filter(|p| {
            let name = p.file_name().and_then(|n| n.to_str()).unwrap_or("");
            !name.starts_with('.') && name.ends_with(".json")
        })
        .collect();
    paths.sort();
    paths
}

#[cfg(unix)]
fn is_open_to_others(path: &Path) -> bool {
    use std::os::unix::fs::PermissionsExt;
    fs::metadata(path).is_ok_and(|m| m.permissions().mode() & 0o077 != 0)
}

#[cfg(not(unix))]
fn is_open_to_others(_path: &Path) -> bool {
    false
}
