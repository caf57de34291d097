//! What could not be read, in a few words for the banner: "checkins/2026-03.json is damaged".

use std::path::{Path, PathBuf};

use crate::store::{Damage, Notice, StoreError};

/// A data file named by its folder and name ("checkins/2026-03.json"), short enough for the banner.
fn short(path: &Path) -> String {
    let mut parts: Vec<_> = path.iter().rev().take(2).collect();
    parts.reverse();
    parts.iter().collect::<PathBuf>().display().to_string()
}

pub(super) fn notice(notice: &Notice) -> Option<String> {
    match notice {
        Notice::ReadOnly { path, .. } => Some(format!("{} is from a newer nape", short(path))),
        _ => None,
    }
}

pub(super) fn error(e: &StoreError) -> String {
    match e {
        StoreError::Io { path, .. } => format!("{} cannot be read", short(path)),
        StoreError::Damaged { path, .. } => format!("{} is damaged", short(path)),
        StoreError::ReadOnly { path, .. } => format!("{} is from a newer nape", short(path)),
        other => other.to_string(),
    }
}

pub(super) fn damage(d: &Damage) -> String {
    format!("{} is damaged", short(&d.path))
}
