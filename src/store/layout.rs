//! How files are named and which ones a date range needs.

use std::path::Path;

use chrono::{Datelike, NaiveDate};

use super::{Collection, DateRange, Split};

/// The folder of dated backups and the lock file, beside the collections' folders.
pub const BACKUPS: &str = "backups";
pub const LOCK: &str = "nape.lock";
/// Reports written from the Trends screen.
pub const REPORTS: &str = "reports";

/// A data file's name: `name.json`, not a hidden temp file, not a quarantined `.corrupt-` copy.
pub fn is_data_file(path: &Path) -> bool {
    let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
    !name.starts_with('.') && name.ends_with(".json")
}

/// Whether `path` is named as nape names `c`'s files: "2026-03.json" for a month, "settings.json"
/// for a single file. Anything else (a sync tool's conflict copy, "2026-03 (copy).json") is
/// reported, not read: its entries may repeat or contradict the real file's.
pub fn is_named_for(c: Collection, path: &Path) -> bool {
    if !is_data_file(path) {
        return false;
    }
    let stem = path.file_stem().and_then(|s| s.to_str()).unwrap_or("");
    match c.split {
        Split::Single => stem == c.name,
        Split::Monthly => {
            stem.len() == 7 && NaiveDate::parse_from_str(&format!("{stem}-01"), "%Y-%m-%d").is_ok()
        }
    }
}

pub fn month_overlaps(c: Collection, path: &Path, range: DateRange) -> bool {
    if c.split != Split::Monthly {
        return true;
    }
    let stem = path.file_stem().and_then(|s| s.to_str()).unwrap_or("");
    let Ok(first) = NaiveDate::parse_from_str(&format!("{stem}-01"), "%Y-%m-%d") else {
        return true; // an oddly named file is still read, never silently skipped
    };
    let last = first
        .checked_add_months(chrono::Months::new(1))
        .and_then(|d| d.pred_opt())
        .unwrap_or(first);
    range.since.is_none_or(|s| last >= s)
        && range.until.is_none_or(|u| first <= u)
        && first.day() == 1
}
