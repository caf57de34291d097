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
        .filter(|p| !is_diary_file(p))
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

/// One routine file's text, or why not. Only a plain file is read (a pipe would never end, a
/// device never stop), opened without waiting and read no further than the limit: a routine is
/// small, and a huge file is a mistake.
pub fn read_one(path: &Path) -> Result<String, String> {
    const MAX: u64 = 1 << 20;
    let not_plain = "not a plain file (a pipe, a device or a folder): nape reads only files";
    if !std::fs::metadata(path)
        .map_err(|e| e.to_string())?
        .is_file()
    {
        return Err(not_plain.into());
    }
    let mut options = std::fs::OpenOptions::new();
    options.read(true);
    // Swapped for a pipe after the look above, it still cannot keep the open waiting.
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::custom_flags(
        &mut options,
        rustix::fs::OFlags::NONBLOCK.bits() as i32,
    );
    let file = options.open(path).map_err(|e| e.to_string())?;
    if !file.metadata().map_err(|e| e.to_string())?.is_file() {
        return Err(not_plain.into());
    }
    let mut bytes = Vec::new();
    std::io::Read::read_to_end(&mut std::io::Read::take(file, MAX + 1), &mut bytes)
        .map_err(|e| e.to_string())?;
    if bytes.len() as u64 > MAX {
        return Err("too big for a routine (more than 1 MiB)".into());
    }
    String::from_utf8(bytes).map_err(|_| "not text (UTF-8)".into())
}

/// One of the diary's own files of routines played ("2026-05.json", "2026-05.k3x9a0qz.json").
fn is_diary_file(path: &Path) -> bool {
    crate::kinds::find("routines")
        .is_some_and(|(c, _)| super::layout::parse_name(c, path).is_some())
}
