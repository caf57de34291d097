//! The person's own routine files: `<config dir>/routines/*.json`, read as text for the stretch
//! library to check. A file that cannot be read is reported by name, never skipped unseen.

use std::path::{Path, PathBuf};

/// The config folder: `--config-dir` / `NAPE_CONFIG_DIR`, else the platform's.
pub fn config_root(given: Option<&Path>) -> Option<PathBuf> {
    given.map(Path::to_path_buf).or_else(|| {
        directories::ProjectDirs::from("", "", "nape").map(|d| d.config_dir().to_path_buf())
    })
}

/// Each `*.json` in `<root>/routines`, by path, with its text or why it could not be read.
/// No folder means no routines of one's own.
pub fn read(root: &Path) -> Vec<(String, Result<String, String>)> {
    let folder = root.join("routines");
    let Ok(entries) = std::fs::read_dir(&folder) else {
        return Vec::new();
    };
    let mut paths: Vec<PathBuf> = entries
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        // Where config and data share a folder (macOS), the diary's own month files of
        // routines played sit here too: never a routine of one's own.
        .filter(|p| !p.file_stem().and_then(|s| s.to_str()).is_some_and(is_month))
        .collect();
    paths.sort();
    paths
        .into_iter()
        .map(|path| {
            let text = read_one(&path);
            (path.display().to_string(), text)
        })
        .collect()
}

/// One routine file's text, or why not (a routine is small: a huge file is a mistake).
pub fn read_one(path: &Path) -> Result<String, String> {
    const MAX: u64 = 1 << 20;
    let size = std::fs::metadata(path).map_err(|e| e.to_string())?.len();
    if size > MAX {
        return Err(format!(
            "{size} bytes is too big for a routine (at most 1 MiB)"
        ));
    }
    std::fs::read_to_string(path).map_err(|e| e.to_string())
}

/// A month file's stem, "2026-05".
fn is_month(stem: &str) -> bool {
    chrono::NaiveDate::parse_from_str(&format!("{stem}-01"), "%Y-%m-%d").is_ok() && stem.len() == 7
}
