//! How files are named and which ones a date range needs.
//!
//! Each desk writes only its own files, `<stem>.<desk>.json` (`2026-03.k3x9a0qz.json`, or
//! `settings.k3x9a0qz.json`), so a sync tool never has two desks' changes to one file. A file of
//! the one-file-per-stem layout before desks (`2026-03.json`) and any copy a sync tool made of a
//! nape file are read too, and folded into this desk's file.

use std::path::Path;

use chrono::{Datelike, Months, NaiveDate};

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
        // A month ("2026-03"), or a year ("2019") whose months a desk put together.
        Split::Monthly if name.get(..7).and_then(period).is_some() => 7,
        Split::Monthly => 4,
    };
    let stem = name.get(..stem_len)?;
    let valid = match c.split {
        Split::Single => stem == c.name,
        Split::Monthly => period(stem).is_some(),
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

/// The first and last day a stem of a monthly collection names: a month ("2026-03"), or a
/// year ("2019"). Read by hand: a status bar lists every file name each time it asks.
pub(super) fn period(stem: &str) -> Option<(NaiveDate, NaiveDate)> {
    let digits = |t: &str, n: usize| t.len() == n && t.bytes().all(|b| b.is_ascii_digit());
    match stem.split_once('-') {
        Some((year, month)) if digits(year, 4) && digits(month, 2) => {
            let first = NaiveDate::from_ymd_opt(year.parse().ok()?, month.parse().ok()?, 1)?;
            let last = first.checked_add_months(Months::new(1))?.pred_opt()?;
            Some((first, last))
        }
        None if digits(stem, 4) => {
            let year = stem.parse().ok()?;
            Some((
                NaiveDate::from_ymd_opt(year, 1, 1)?,
                NaiveDate::from_ymd_opt(year, 12, 31)?,
            ))
        }
        _ => None,
    }
}

pub fn stem_overlaps(c: Collection, stem: &str, range: DateRange) -> bool {
    if c.split != Split::Monthly {
        return true;
    }
    let Some((first, last)) = period(stem) else {
        return true; // an oddly named file is still read, never silently skipped
    };
    range.since.is_none_or(|s| last >= s) && range.until.is_none_or(|u| first <= u)
}

/// Whether `stem`, of a monthly collection, names a whole year ("2019") rather than a month.
pub(super) fn is_year(stem: &str) -> bool {
    stem.len() == 4
}

/// Years whose records a desk keeps in one file (`2019.<desk>.json`) rather than twelve: those
/// before the year before the newest a collection holds. A shell command looks at each older
/// file to know none changed, and ten years of months are hundreds; the latest weeks, which it
/// reads, stay in month files.
pub fn kept_by_year(year: i32, newest: i32) -> bool {
    year < newest - 1
}

/// The stem this desk writes a record dated `date` under, `newest` being the newest year the
/// collection holds (with what is being saved).
pub fn stem_for(c: Collection, date: NaiveDate, newest: i32) -> String {
    match c.split {
        Split::Monthly if kept_by_year(date.year(), newest) => date.year().to_string(),
        _ => c.stem(date),
    }
}

/// The newest year among a monthly collection's stems and `dates`.
pub fn newest_year<'a>(
    stems: impl Iterator<Item = &'a String>,
    dates: impl Iterator<Item = NaiveDate>,
) -> i32 {
    let years = stems.filter_map(|s| period(s)).map(|(_, last)| last.year());
    years.chain(dates.map(|d| d.year())).max().unwrap_or(0)
}

/// Whether `doc`, the file of month (or year) `stem`, holds a record dated outside it (put there by
/// hand): a reader that goes by the files' months would miss it. (A deletion may be: nape keeps
/// one in every month that held a copy of a moved entry, and in the entry's own month too.)
pub(super) fn misfiled(c: Collection, stem: &str, doc: &Document) -> bool {
    let Some((first, last)) = period(stem).filter(|_| c.split == Split::Monthly) else {
        return false;
    };
    (doc.records.iter()).any(|r| r.date < first || r.date > last)
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

    #[test]
    fn a_year_kept_in_one_file_is_named_read_and_told_apart_from_a_month() {
        let year = |s: Source| Some(("2019".to_string(), s));
        let desk = || Source::Desk("k3x9a0qz".into());
        assert_eq!(parse(MONTHLY, "2019.k3x9a0qz.json"), year(desk()));
        assert_eq!(parse(MONTHLY, "2019.json"), year(Source::Shared));
        let copy = "2019.k3x9a0qz.sync-conflict-20261205-043129-IFTLJTP.json";
        assert_eq!(parse(MONTHLY, copy), year(Source::Copy));
        assert_eq!(
            parse(MONTHLY, "2019-03.k3x9a0qz.json"),
            Some(("2019-03".into(), desk()))
        );
        for other in [
            "2019-3.json",
            "201.json",
            "20190.json",
            "2019-13.k3x9a0qz.json",
        ] {
            assert_eq!(parse(MONTHLY, other), None, "{other}");
        }
        assert_eq!(parse(SINGLE, "2019.k3x9a0qz.json"), None);

        let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
        assert_eq!(period("2019"), Some((day(2019, 1, 1), day(2019, 12, 31))));
        assert_eq!(period("2024-02"), Some((day(2024, 2, 1), day(2024, 2, 29))));
        let range = |since, until| DateRange {
            since: Some(since),
            until: Some(until),
        };
        assert!(stem_overlaps(
            MONTHLY,
            "2019",
            range(day(2019, 12, 31), day(2020, 2, 1))
        ));
        assert!(!stem_overlaps(
            MONTHLY,
            "2019",
            range(day(2020, 1, 1), day(2020, 2, 1))
        ));

        assert!(kept_by_year(2024, 2026) && !kept_by_year(2025, 2026));
        assert_eq!(stem_for(MONTHLY, day(2024, 12, 31), 2026), "2024");
        assert_eq!(stem_for(MONTHLY, day(2025, 1, 1), 2026), "2025-01");
        assert_eq!(stem_for(SINGLE, day(2019, 1, 1), 2026), "settings");
    }
}
