//! Which files a collection holds, by stem and by who wrote them, and the desks they show.

use std::collections::BTreeMap;
use std::fs;
use std::io;
use std::path::PathBuf;

use chrono::Utc;

use super::disk::DiskStore;
use super::document;
use super::layout::{BACKUPS, REPORTS, Source, desk_file, parse_name, stem_overlaps};
use super::{Collection, DateRange, StoreError};

/// A collection's data files by stem, each with who wrote it.
pub(super) type Listing = BTreeMap<String, Vec<(PathBuf, Source)>>;

impl DiskStore {
    pub(super) fn own_path(&self, c: Collection, stem: &str) -> PathBuf {
        self.root()
            .join(c.name)
            .join(desk_file(stem, super::Store::desk(self)))
    }

    /// The collection's data files by stem: every desk's, the shared one and sync copies.
    pub(super) fn listing(&self, c: Collection) -> Result<Listing, StoreError> {
        let dir = self.root().join(c.name);
        let mut listing = Listing::new();
        // A link or a file in the folder's place is reported (odd_entries), never read through.
        if super::entries::odd(&dir, true).is_some() {
            return Ok(listing);
        }
        let entries = match fs::read_dir(&dir) {
            Ok(entries) => entries,
            Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(listing),
            Err(e) => {
                return Err(StoreError::Io {
                    path: dir,
                    source: e,
                });
            }
        };
        for entry in entries.flatten() {
            if !entry.file_type().is_ok_and(|t| t.is_file()) {
                continue;
            }
            let path = entry.path();
            if let Some((stem, source)) = parse_name(c, &path) {
                listing.entry(stem).or_default().push((path, source));
            }
        }
        for files in listing.values_mut() {
            files.sort();
        }
        Ok(listing)
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
