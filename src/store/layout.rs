//! How files are named and which ones a date range needs.
//!
//! Each desk writes only its own files, `<stem>.<desk>.json` (`2026-03.k3x9a0qz.json`, or
//! `settings.k3x9a0qz.json`), so a sync tool never has two desks' changes to one file. A file of
//! the one-file-per-stem layout before desks (`2026-03.json`) and any copy a sync tool made of a
//! nape file are read too, and folded into this desk's file.

use std::path::Path;

use chrono::{Datelike, NaiveDate};

use super::document::Document;

use super::local::is_desk_id;
use super::{Collection, DateRange, Split};

/// Local state beside the data folder: the folder of dated backups and the lock file. (Older
/// versions kept both in the data folder; what is there is still recognised as nape's.)
pub const BACKUPS: &str = "backups";
pub const LOCK: &str = "nape.lock";
/// Reports written from the Trends screen.
pub const REPORTS: &str = "reports";

/// Who wrote a data file, from its name.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Source {
    /// `2026-03.json`: the layout before desks, or a nape too old to know desks.
    Shared,
    /// A sync tool's copy of a file two desks changed at once (Syncthing `.sync-conflict-`,
    /// Dropbox, Nextcloud and ownCloud "conflicted copy").
    Copy,
    /// `2026-03.<desk>.json`: written by that desk only.
    Desk(String),
}

/// A data file's name: `name.json`, not a hidden temp file, not a quarantined `.corrupt-` copy.
pub fn is_data_file(path: &Path) -> bool {
    let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
    !name.starts_with('.') && name.ends_with(".json")
}

/// The stem and the writer of a file named as nape names `c`'s files; `None` for anything
/// else ("2026-03 (copy).json", "notes.json"), which is reported, not read.
pub fn parse_name(c: Collection, path: &Path) -> Option<(String, Source)> {
    if !is_data_file(path) {
        return None;
    }
    let name = path.file_name()?.to_str()?.strip_suffix(".json")?;
    let stem_len = match c.split {
        Split::Single => c.name.len(),
        Split::Monthly => 7,
    };
    let stem = name.get(..stem_len)?;
    let valid = match c.split {
        Split::Single => stem == c.name,
        Split::Monthly => month_start(stem).is_some(),
    };
    if !valid {
        return None;
    }
    let rest = &name[stem_len..];
    let source = if rest.is_empty() {
        Source::Shared
    } else if let Some(desk) = rest.strip_prefix('.').filter(|d| is_desk_id(d)) {
        Source::Desk(desk.to_string())
    } else if is_conflict_copy(rest) {
        Source::Copy
    } else {
        return None;
    };
    Some((stem.to_string(), source))
}

/// What sync tools add to a file's name when two desks changed it at once.
fn is_conflict_copy(rest: &str) -> bool {
    let rest = rest.to_lowercase();
    ["sync-conflict-", "conflicted copy", "_conflict-"]
        .iter()
        .any(|mark| rest.contains(mark))
}

/// The name this desk writes a stem's records under.
pub fn desk_file(stem: &str, desk: &str) -> String {
    format!("{stem}.{desk}.json")
}

/// Entries in a data folder that belong to a sync tool (or the system), not to the person:
/// expected beside the diary, never "other things".
pub fn is_sync_entry(name: &str) -> bool {
    const NAMES: [&str; 10] = [
        ".stfolder",
        ".stignore",
        ".stversions",
        ".dropbox",
        ".dropbox.attr",
        ".dropbox.cache",
        ".sync",
        ".owncloudsync.log",
        ".nextcloudsync.log",
        ".DS_Store",
    ];
    NAMES.contains(&name)
        || ((name.starts_with("._sync_") || name.starts_with(".sync_")) && name.contains(".db"))
        || name.starts_with(".syncthing.")
}

/// The first day of the month a stem ("2026-03") names. Read by hand: a status bar lists
/// hundreds of file names each time it asks.
pub(super) fn month_start(stem: &str) -> Option<NaiveDate> {
    let (year, month) = stem.split_once('-')?;
    let digits = |t: &str, n: usize| t.len() == n && t.bytes().all(|b| b.is_ascii_digit());
    if !digits(year, 4) || !digits(month, 2) {
        return None;
    }
    NaiveDate::from_ymd_opt(year.parse().ok()?, month.parse().ok()?, 1)
}

pub fn stem_overlaps(c: Collection, stem: &str, range: DateRange) -> bool {
    if c.split != Split::Monthly {
        return true;
    }
    let Some(first) = month_start(stem) else {
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

/// Whether `doc`, the file of month `stem`, holds a record dated in another month (put there by
/// hand): a reader that goes by the files' months would miss it. (A deletion may be: nape keeps
/// one in every month that held a copy of a moved entry, and in the entry's own month too.)
pub(super) fn misfiled(c: Collection, stem: &str, doc: &Document) -> bool {
    let Some(first) = month_start(stem).filter(|_| c.split == Split::Monthly) else {
        return false;
    };
    (doc.records.iter())
        .map(|r| (r.date.year(), r.date.month()))
        .any(|month| month != (first.year(), first.month()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::record::Merge;

    const MONTHLY: Collection = Collection {
        name: "checkins",
        split: Split::Monthly,
        merge: Merge::Whole,
    };
    const SINGLE: Collection = Collection {
        name: "settings",
        split: Split::Single,
        merge: Merge::Whole,
    };

    fn parse(c: Collection, name: &str) -> Option<(String, Source)> {
        parse_name(c, Path::new(name))
    }

    #[test]
    fn names_of_desks_shared_files_and_sync_copies() {
        let month = |s: Source| Some(("2026-12".to_string(), s));
        assert_eq!(parse(MONTHLY, "2026-12.json"), month(Source::Shared));
        assert_eq!(
            parse(MONTHLY, "2026-12.k3x9a0qz.json"),
            month(Source::Desk("k3x9a0qz".into()))
        );
        for copy in [
            "2026-12.sync-conflict-20261205-043129-IFTLJTP.json",
            "2026-12.k3x9a0qz.sync-conflict-20261205-043129-IFTLJTP.json",
            "2026-12 (Sam's conflicted copy 2026-12-05).json",
            "2026-12 (conflicted copy 2026-12-05 043129).json",
            "2026-12_conflict-20261205-043129.json",
        ] {
            assert_eq!(parse(MONTHLY, copy), month(Source::Copy), "{copy}");
        }
        for other in [
            "2026-12 (copy).json",
            "2026-13.json",
            "2026-12.K3X9A0QZ.json",
            ".2026-12.k3x9a0qz.json.ab12.tmp",
            "notes.json",
        ] {
            assert_eq!(parse(MONTHLY, other), None, "{other}");
        }
        assert_eq!(
            parse(SINGLE, "settings.k3x9a0qz.json"),
            Some(("settings".into(), Source::Desk("k3x9a0qz".into())))
        );
        assert_eq!(parse(SINGLE, "settingsx.json"), None);
    }
}
