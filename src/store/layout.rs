//! How files are named and which ones a date range needs.

use std::path::Path;

use chrono::{Datelike, NaiveDate};

use super::{Collection, DateRange, Split};

/// The folder of dated backups and the lock file, beside the collections' folders.
pub const BACKUPS: &str = "backups";
pub const LOCK: &str = "nape.lock";

/// A data file's name: `name.json`, not a hidden temp file, not a quarantined `.corrupt-` copy.
pub fn is_data_file(path: &Path) -> bool {
    let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
    !name.starts_with('.') && name.ends_with(".json")
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
