//! Files nape writes outside its data folder (a report the person names): never through a
//! link, never into a device, a pipe or a folder, and never a change to anything nape did not
//! make. A new private file is written beside the target and renamed into its place, so what
//! was there before (a plain file) is replaced, not opened.

use std::path::Path;

use super::entries::odd;
use super::files::write_atomic;

/// Write `bytes` as the file `path`, readable by its owner alone. The reason in words if not.
pub fn write_output(path: &Path, bytes: &[u8]) -> Result<(), String> {
    if let Some(what) = odd(path, false) {
        return Err(format!(
            "{} is {what}; nape writes a report only as a plain file of its own, never through \
             a link or into a folder or device. Name a new file.",
            path.display()
        ));
    }
    // A bare name has no parent component: the current folder.
    let parent = path.parent().filter(|p| !p.as_os_str().is_empty());
    if let Some(parent) = parent.filter(|p| !p.is_dir()) {
        return Err(format!(
            "could not write {}: the folder {} does not exist",
            path.display(),
            parent.display()
        ));
    }
    write_atomic(path, bytes, true).map_err(|e| format!("could not write {}: {e}", path.display()))
}
