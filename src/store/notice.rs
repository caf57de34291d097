//! What the store did or found that the person should hear about, in their words.

use std::fmt;
use std::path::PathBuf;

use super::ParseError;

/// Something the store did or found that the person should hear about. None of these stop work.
#[derive(Clone, Debug, PartialEq)]
pub enum Notice {
    Tightened(PathBuf),
    /// The data folder holds entries that are not nape's (`names`): they and the folder's own
    /// permissions are left alone.
    Foreign {
        root: PathBuf,
        names: Vec<String>,
    },
    /// A file was saved but its dated backup could not be written.
    NoBackup {
        path: PathBuf,
        reason: String,
    },
    Restored {
        damaged: PathBuf,
        moved_to: PathBuf,
        backup: PathBuf,
    },
    ReadOnly {
        path: PathBuf,
        reason: ParseError,
    },
    /// Copies a sync tool made when two desks changed one file at once, merged into this
    /// desk's files and removed; `entries` were in them and nowhere else.
    Folded {
        copies: Vec<PathBuf>,
        entries: usize,
    },
}

impl fmt::Display for Notice {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Notice::Tightened(path) => write!(
                f,
                "{} could be read by other users; it is now private to you.",
                path.display()
            ),
            Notice::Foreign { root, names } => {
                let shown: Vec<&str> = names.iter().take(3).map(String::as_str).collect();
                let more = match names.len().saturating_sub(shown.len()) {
                    0 => String::new(),
                    n => format!(" and {n} more"),
                };
                write!(
                    f,
                    "{} holds other things besides the diary ({}{more}); nape leaves them, and \
                     the folder's permissions, alone. If the diary should live elsewhere, use \
                     --data-dir.",
                    root.display(),
                    shown.join(", ")
                )
            }
            Notice::NoBackup { path, reason } => write!(
                f,
                "{} was saved, but its backup could not be made ({reason}).",
                path.display()
            ),
            Notice::Restored {
                damaged,
                moved_to,
                backup,
            } => write!(
                f,
                "{} was damaged. It was moved to {} and the backup {} was restored; \
                 entries made after that backup may be missing from this month.",
                damaged.display(),
                moved_to.display(),
                backup.display()
            ),
            Notice::Folded { copies, entries } => {
                let copies = match copies.as_slice() {
                    [one] => format!(
                        "A sync tool's copy ({}) was",
                        one.file_name().unwrap_or_default().display()
                    ),
                    many => format!("{} copies a sync tool made were", many.len()),
                };
                let back = match entries {
                    0 => "nothing was missing".to_string(),
                    1 => "1 entry found only there is back".to_string(),
                    n => format!("{n} entries found only there are back"),
                };
                write!(f, "{copies} merged into the diary and removed: {back}.")
            }
            Notice::ReadOnly { path, reason } => write!(
                f,
                "{} is read-only here: {reason}. Update nape to change it.",
                path.display()
            ),
        }
    }
}
