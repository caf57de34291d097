//! Which files a collection holds, by stem and by who wrote them, and the desks they show.

use std::collections::BTreeMap;
use std::fs;
use std::io;
use std::path::PathBuf;
use std::time::{Duration, Instant};

use chrono::Utc;

use super::disk::DiskStore;
use super::document;
use super::layout::{BACKUPS, REPORTS, Source, desk_file, is_data_file, parse_name, stem_overlaps};
use super::{Collection, DateRange, StoreError};

/// A collection's data files by stem, each with who wrote it.
pub(super) type Listing = BTreeMap<String, Vec<(PathBuf, Source)>>;

/// An entry that is not what nape expects where it is, and what it is in words.
pub(super) type Odd = (PathBuf, &'static str);

/// What one look at a collection's folder found.
pub(super) type Survey = (Listing, Vec<Odd>);

/// How long a survey serves: the moment between a seal and a load in one reader, never a later
/// read.
const SURVEY_LIFE: Duration = Duration::from_millis(500);

/// A survey kept for the next seal or load (see `keep_survey`).
pub(super) struct Kept {
    collection: &'static str,
    by_seal: bool,
    made: Instant,
    survey: Survey,
}

impl DiskStore {
    pub(super) fn own_path(&self, c: Collection, stem: &str) -> PathBuf {
        self.root()
            .join(c.name)
            .join(desk_file(stem, super::Store::desk(self)))
    }

    /// The collection's data files by stem: every desk's, the shared one and sync copies.
    pub(super) fn listing(&self, c: Collection) -> Result<Listing, StoreError> {
        Ok(self.survey(c)?.0)
    }

    /// The collection's data files by stem, and the odd entries among them (see
    /// `odd_entries`), from one look at its folder.
    pub(super) fn survey(&self, c: Collection) -> Result<Survey, StoreError> {
        let dir = self.root().join(c.name);
        let mut listing = Listing::new();
        // A link or a file in the folder's place is reported, never read through.
        if let Some(what) = super::entries::odd(&dir, true) {
            return Ok((listing, vec![(dir, what)]));
        }
        let entries = match fs::read_dir(&dir) {
            Ok(entries) => entries,
            Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok((listing, Vec::new())),
            Err(e) => {
                return Err(StoreError::Io {
                    path: dir,
                    source: e,
                });
            }
        };
        let mut odd = Vec::new();
        for entry in entries.flatten() {
            let path = entry.path();
            if !is_data_file(&path) {
                continue;
            }
            // The kind comes with the listing: no look at each file (there are hundreds).
            let kind = entry.file_type().ok();
            let named = parse_name(c, &path);
            match (kind.and_then(super::entries::kind_odd), named) {
                (Some(what), _) => odd.push((path, what)),
                (None, None) => odd.push((path, "a file nape did not name (a sync copy?)")),
                (None, Some((stem, source))) => {
                    listing.entry(stem).or_default().push((path, source))
                }
            }
        }
        for files in listing.values_mut() {
            files.sort();
        }
        odd.sort();
        Ok((listing, odd))
    }

    /// Keep `survey`, made by a seal (`by_seal`) or a load, for the collection's next one of
    /// the other: a reader that seals and loads looks at each folder once.
    pub(super) fn keep_survey(&self, c: Collection, by_seal: bool, survey: Survey) {
        let mut kept = self.surveyed.lock().unwrap_or_else(|e| e.into_inner());
        kept.retain(|k| k.collection != c.name);
        kept.push(Kept {
            collection: c.name,
            by_seal,
            made: Instant::now(),
            survey,
        });
    }

    /// The survey of `c` the other kind made just now, taken: a load takes a seal's and a seal
    /// a load's, never one of its own kind (a load after a load looks again, or an open app
    /// would miss the file whose arrival woke it).
    pub(super) fn take_survey(&self, c: Collection, for_seal: bool) -> Option<Survey> {
        let mut kept = self.surveyed.lock().unwrap_or_else(|e| e.into_inner());
        let at = (kept.iter()).position(|k| k.collection == c.name && k.by_seal != for_seal)?;
        let k = kept.swap_remove(at);
        (k.made.elapsed() < SURVEY_LIFE).then_some(k.survey)
    }

    /// The collection's data files whose month can hold a date in `range`.
    pub fn files(&self, c: Collection, range: DateRange) -> Result<Vec<PathBuf>, StoreError> {
        let listing = self.listing(c)?;
        Ok((listing.into_iter())
            .filter(|(stem, _)| stem_overlaps(c, stem, range))
            .flat_map(|(_, files)| files.into_iter().map(|(path, _)| path))
            .collect())
    }

    /// The desks whose files the collections hold, each with the newest change it made.
    pub fn desks(&self, cs: &[Collection]) -> BTreeMap<String, Option<chrono::DateTime<Utc>>> {
        let mut desks: BTreeMap<String, Option<chrono::DateTime<Utc>>> = BTreeMap::new();
        let listings = cs.iter().filter_map(|c| self.listing(*c).ok());
        for (path, source) in listings.flat_map(|l| l.into_values().flatten()) {
            let Source::Desk(desk) = source else { continue };
            let doc = fs::read(&path).ok().and_then(|b| document::parse(&b).ok());
            let changes = doc.iter().flat_map(|d| {
                let records = d.records.iter().map(|r| r.updated_at);
                records.chain(d.deleted.iter().map(|t| t.deleted_at))
            });
            let kept = desks.entry(desk).or_default();
            *kept = (*kept).max(changes.max());
        }
        desks
    }

    /// Collections present on disk (every folder but backups).
    pub fn collections(&self) -> Vec<String> {
        let mut names: Vec<String> = fs::read_dir(self.root())
            .into_iter()
            .flatten()
            .flatten()
            .filter(|e| e.path().is_dir())
            .filter_map(|e| e.file_name().to_str().map(str::to_owned))
            .filter(|n| n != BACKUPS && n != REPORTS && !n.starts_with('.'))
            .collect();
        names.sort();
        names
    }
}
