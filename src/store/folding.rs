//! One stem's files opened to be changed, and what is folded into this desk's file: the shared
//! file of the layout before desks, and the copies a sync tool makes.

use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use chrono::Utc;

use super::disk::{DiskStore, lenient};
use super::document::{self, Document, ParseError};
use super::layout::{Source, period, stem_overlaps};
use super::listing::Listing;
use super::sheet::Sheet;
use super::{Collection, DateRange, Notice, Split, StoreError, files};

impl DiskStore {
    /// Fold every sync copy in the collections into this desk's files (as reading does).
    pub fn fold_all(&self, cs: &[Collection]) -> Result<Vec<Notice>, StoreError> {
        let mut notices = Vec::new();
        for c in cs {
            notices.extend(self.fold_copies(*c, &self.listing(*c)?)?);
        }
        Ok(notices)
    }

    /// Read one stem's files under the lock, to be changed. This desk's file and the shared
    /// file are repaired from a backup if damaged; another desk's damaged file or sync copy is
    /// left where it is (reading reports it) and this desk's changes go on without it.
    pub(super) fn open_sheet(
        &self,
        c: Collection,
        stem: &str,
        listing: &Listing,
        notices: &mut Vec<Notice>,
    ) -> Result<Sheet, StoreError> {
        let own_path = self.own_path(c, stem);
        let own = self.read_locked(&own_path, notices)?;
        let mut others = Vec::new();
        for (path, source) in listing.get(stem).into_iter().flatten() {
            let doc = match source {
                Source::Desk(desk) if *desk == super::Store::desk(self) => continue,
                Source::Shared => match self.read_locked(path, notices)? {
                    doc if doc.is_stub() => continue,
                    doc => doc,
                },
                _ => match self.read(path, notices)?.map(|b| document::parse(&b)) {
                    Some(Ok(doc)) => doc,
                    Some(Err(ParseError::Newer { .. })) if matches!(source, Source::Desk(_)) => {
                        match self.read(path, notices)?.and_then(|b| lenient(&b)) {
                            Some(doc) => doc,
                            None => continue,
                        }
                    }
                    _ => continue,
                },
            };
            others.push((path.clone(), source.clone(), doc));
        }
        Ok(Sheet {
            desk: super::Store::desk(self).to_string(),
            merge: c.merge,
            own_path,
            own,
            others,
            neighbours: self.neighbours(c, stem, listing, notices),
            dirty: false,
        })
    }

    /// The files of other stems holding some of `stem`'s days (a year's file and its months'),
    /// every desk's and this desk's own. (One that cannot be read is reported by reading.)
    fn neighbours(
        &self,
        c: Collection,
        stem: &str,
        listing: &Listing,
        notices: &mut Vec<Notice>,
    ) -> Vec<(Source, Document)> {
        let Some((first, last)) = period(stem).filter(|_| c.split == Split::Monthly) else {
            return Vec::new();
        };
        let days = DateRange {
            since: Some(first),
            until: Some(last),
        };
        let near = (listing.iter()).filter(|(s, _)| *s != stem && stem_overlaps(c, s, days));
        let mut docs = Vec::new();
        for (path, source) in near.flat_map(|(_, files)| files) {
            let bytes = self.read(path, notices).ok().flatten();
            // Only the entries of the stem's own days: a year's entry dated in another month is
            // that month's to show, with the deletions kept there. Every deletion, as a reader
            // takes them: one that hides a moved entry's old copy is dated where it went.
            if let Some(mut doc) =
                bytes.and_then(|b| document::parse(&b).ok().or_else(|| lenient(&b)))
            {
                doc.records.retain(|r| (first..=last).contains(&r.date));
                docs.push((source.clone(), doc));
            }
        }
        docs
    }

    /// Write a changed sheet: this desk's file, then the files folded into it removed, and the
    /// stub put in the place of a shared file folded in. (Only there: a stub where no shared
    /// file was would be one more file for every reader to look at, and one that arrived since
    /// the sheet was read holds entries not yet folded in.)
    pub(super) fn write_sheet(
        &self,
        sheet: &mut Sheet,
        notices: &mut Vec<Notice>,
    ) -> Result<(), StoreError> {
        let folded = sheet.fold();
        self.write(&sheet.own_path, &sheet.own, notices)?;
        self.let_go(folded, &sheet.shared_path())
    }

    /// Once what they held is written elsewhere: the files folded in removed, and a stub put
    /// in the shared file's place if it is among them.
    pub(super) fn let_go(&self, folded: Vec<PathBuf>, shared: &Path) -> Result<(), StoreError> {
        // Only for older versions, and the save is already durable: never a reason to fail it.
        // Something odd in its place (a link, a folder) is reported by reading, and left.
        if folded.iter().any(|p| p == shared) && super::entries::odd(shared, false).is_none() {
            let _ = files::write_atomic(shared, &Document::stub().to_bytes(), true);
        }
        for path in folded.into_iter().filter(|p| p != shared) {
            match fs::remove_file(&path) {
                Err(e) if e.kind() != io::ErrorKind::NotFound => {
                    return Err(StoreError::io(&path)(e));
                }
                _ => {}
            }
        }
        Ok(())
    }

    /// Fold every sync copy of the collection into this desk's files, under the lock, and say
    /// how many entries only the copies held. A sync tool keeps a limited number of copies
    /// (Syncthing ten) and deletes the oldest, so this is done at the first read, not later.
    pub(super) fn fold_copies(
        &self,
        c: Collection,
        listing: &Listing,
    ) -> Result<Vec<Notice>, StoreError> {
        let mut notices = Vec::new();
        let with_copies = |files: &Vec<(PathBuf, Source)>| {
            files.iter().any(|(_, source)| *source == Source::Copy)
        };
        if !listing.values().any(with_copies) {
            return Ok(notices);
        }
        let _lock = self.lock()?;
        // Read again under the lock: another process may have folded them meanwhile.
        let listing = self.listing(c)?;
        let (mut copies, mut entries) = (Vec::new(), 0);
        for stem in listing
            .iter()
            .filter(|(_, f)| with_copies(f))
            .map(|(s, _)| s)
        {
            // A month whose own or shared file cannot be read is reported by reading; its
            // copies wait, and the rest of the collection is read as usual.
            let Ok(mut sheet) = self.open_sheet(c, stem, &listing, &mut notices) else {
                continue;
            };
            // Only the copies that could be read are taken in and removed; a damaged one stays
            // where it is, reported as damage, and nothing is written for it.
            let readable = sheet.others.iter().filter(|(_, s, _)| *s == Source::Copy);
            let readable: Vec<PathBuf> = readable.map(|(p, _, _)| p.clone()).collect();
            if readable.is_empty() {
                continue;
            }
            let before = visible_ids(&sheet, false);
            let after = visible_ids(&sheet, true);
            entries += after.iter().filter(|v| !before.contains(v)).count();
            self.write_sheet(&mut sheet, &mut notices)?;
            copies.extend(readable);
        }
        if !copies.is_empty() {
            notices.push(Notice::Folded { copies, entries });
        }
        Ok(notices)
    }

    /// Whether a damaged file of `source` is repaired from a backup on reading: this desk's
    /// own (its backups are here) and the shared file (an older nape's backups are), never
    /// another desk's or a sync copy.
    pub(super) fn repairs(&self, source: &Source) -> bool {
        if self.looking {
            return false;
        }
        match source {
            Source::Shared => true,
            Source::Desk(desk) => *desk == super::Store::desk(self),
            Source::Copy => false,
        }
    }
}

/// The versions (id and time changed) visible in a sheet, with or without its sync copies.
fn visible_ids(sheet: &Sheet, copies: bool) -> Vec<(uuid::Uuid, chrono::DateTime<Utc>)> {
    let mut merged = sheet.merged();
    merged.add(&Source::Desk(sheet.desk.clone()), sheet.own.clone());
    for (_, source, doc) in &sheet.others {
        if copies || *source != Source::Copy {
            merged.add(source, doc.clone());
        }
    }
    let (records, _) = merged.finish();
    records.into_iter().map(|r| (r.id, r.updated_at)).collect()
}
