//! Every desk's files of one stem (a month, or settings) read as one: each id's newest version
//! wins, ties going to the higher desk id, and a deletion hides every version changed at or
//! before it, whichever desk's file holds it.

use std::collections::HashMap;
use std::path::PathBuf;

use uuid::Uuid;

use super::RawRecord;
use super::document::{Document, Tombstone};
use super::layout::Source;
use super::op::bury;
use crate::record::Merge;

/// One stem's files, opened under the lock to be changed. Only `own`, this desk's document, is
/// ever written; the shared file and sync copies are folded into it and then removed.
pub struct Sheet {
    /// This desk's id: its file's rank when two versions were changed at the same moment.
    pub desk: String,
    pub merge: Merge,
    pub own_path: PathBuf,
    pub own: Document,
    /// Other desks' files (read, never written), the shared file and sync copies.
    pub others: Vec<(PathBuf, Source, Document)>,
    /// Files of other stems holding some of the same days (a year's file and its months',
    /// every desk's): read as one with this stem's, so an entry is seen as a reader sees it,
    /// but never written or folded here.
    pub neighbours: Vec<(Source, Document)>,
    pub dirty: bool,
}

impl Sheet {
    fn docs(&self) -> impl Iterator<Item = (Source, &Document)> {
        let own = std::iter::once((Source::Desk(self.desk.clone()), &self.own));
        let others = self.others.iter().map(|(_, s, d)| (s.clone(), d));
        own.chain(others)
            .chain(self.neighbours.iter().map(|(s, d)| (s.clone(), d)))
    }

    /// The shared file's place (`<stem>.json`), beside this desk's own.
    pub fn shared_path(&self) -> PathBuf {
        let name = self
            .own_path
            .file_name()
            .unwrap_or_default()
            .to_string_lossy();
        let stem = name
            .strip_suffix(&format!(".{}.json", self.desk))
            .unwrap_or(&name);
        self.own_path.with_file_name(format!("{stem}.json"))
    }

    /// What every file of this stem holds, merged.
    pub fn merged(&self) -> Merged {
        Merged::new(self.merge, &self.desk)
    }

    /// The visible version of `id` in this stem, if any.
    pub fn find(&self, id: Uuid) -> Option<RawRecord> {
        let mut merged = self.merged();
        for (source, doc) in self.docs() {
            merged.add_only(&source, doc, id);
        }
        merged.finish().0.pop()
    }

    /// The latest deletion of `id` in this stem.
    pub fn buried(&self, id: Uuid) -> Option<Tombstone> {
        let all = self.docs().flat_map(|(_, d)| d.deleted.iter());
        all.filter(|t| t.id == id)
            .max_by_key(|t| t.deleted_at)
            .cloned()
    }

    /// Put `record` in this desk's file, replacing its version of the same id (of the one
    /// record, where the collection holds one).
    pub fn put(&mut self, record: RawRecord) {
        if let Merge::ByField { .. } = self.merge {
            self.own.records = vec![record];
            self.dirty = true;
            return;
        }
        let records = &mut self.own.records;
        match records.iter_mut().find(|r| r.id == record.id) {
            Some(slot) => *slot = record,
            None => records.push(record),
        }
        self.dirty = true;
    }

    /// Whether any file of this stem holds a version of `id`.
    pub fn holds_any(&self, id: Uuid) -> bool {
        self.docs().any(|(_, d)| holds(d, id))
    }

    /// `record` (its visible version) no longer lives in this stem: gone from this desk's file,
    /// and hidden in any other file that still holds it by a deletion as of that version, which
    /// never hides a later change.
    pub fn take_away(&mut self, record: &RawRecord) {
        self.own.records.retain(|r| r.id != record.id);
        if self.others_hold(record.id) {
            self.bury(Tombstone {
                id: record.id,
                date: record.date,
                deleted_at: record.updated_at,
            });
        }
        self.dirty = true;
    }

    /// Delete: the record leaves this desk's file and the tombstone hides it in every other.
    /// A version changed after the deletion stays (an older deletion, imported, hides less).
    pub fn remove(&mut self, tombstone: Tombstone) {
        let hidden = |r: &RawRecord| r.id == tombstone.id && r.updated_at <= tombstone.deleted_at;
        self.own.records.retain(|r| !hidden(r));
        self.bury(tombstone);
    }

    /// Whether a file other than this desk's own (of this stem, or a neighbour) holds `id`.
    fn others_hold(&self, id: Uuid) -> bool {
        (self.others.iter().map(|(_, _, d)| d))
            .chain(self.neighbours.iter().map(|(_, d)| d))
            .any(|d| holds(d, id))
    }

    /// Keep `tombstone` in this desk's file (see `op::bury`).
    pub fn bury(&mut self, tombstone: Tombstone) {
        bury(&mut self.own, tombstone);
        self.dirty = true;
    }

    /// Take the shared file's and sync copies' records and deletions into this desk's file, to
    /// be written and then the files removed. Which files were folded.
    pub fn fold(&mut self) -> Vec<PathBuf> {
        let (folded, kept): (Vec<_>, Vec<_>) = std::mem::take(&mut self.others)
            .into_iter()
            .partition(|(_, s, _)| matches!(s, Source::Shared | Source::Copy));
        self.others = kept;
        let mut paths = Vec::new();
        for (path, _, doc) in folded {
            self.take_in(doc);
            paths.push(path);
        }
        paths
    }

    /// Take `doc`'s records and deletions into this desk's file: the newer version of each.
    pub fn take_in(&mut self, doc: Document) {
        for record in doc.records {
            match self.own.records.iter_mut().find(|r| r.id == record.id) {
                Some(mine) if mine.updated_at >= record.updated_at => {}
                Some(mine) => *mine = record,
                None => self.own.records.push(record),
            }
        }
        for tombstone in doc.deleted {
            self.bury(tombstone);
        }
        self.dirty = true;
    }
}

fn holds(doc: &Document, id: Uuid) -> bool {
    doc.records.iter().any(|r| r.id == id)
}

/// Records and deletions of many files, merged by id.
pub struct Merged {
    /// Each id's versions: only the winner where records merge whole.
    records: HashMap<Uuid, Vec<(RawRecord, Source)>>,
    deleted: HashMap<Uuid, Tombstone>,
    merge: Merge,
    own: Source,
}

impl Merged {
    /// Merging as `merge` says, for desk `own`.
    pub fn new(merge: Merge, own: &str) -> Merged {
        Merged {
            records: HashMap::new(),
            deleted: HashMap::new(),
            merge,
            own: Source::Desk(own.to_string()),
        }
    }

    /// Take in one file's records and deletions, written by `source`.
    pub fn add(&mut self, source: &Source, doc: Document) {
        for record in doc.records {
            self.offer(source, record);
        }
        for tombstone in doc.deleted {
            self.offer_deletion(tombstone);
        }
    }

    /// As `add`, for one id only, without taking the document.
    fn add_only(&mut self, source: &Source, doc: &Document, id: Uuid) {
        let one = matches!(self.merge, Merge::ByField { .. });
        for record in doc.records.iter().filter(|r| one || r.id == id) {
            self.offer(source, record.clone());
        }
        for tombstone in doc.deleted.iter().filter(|t| t.id == id) {
            self.offer_deletion(tombstone.clone());
        }
    }

    fn offer(&mut self, source: &Source, record: RawRecord) {
        // A collection merged by field holds one record: each desk's, whatever its id (set up
        // on two desks before they met, or before desks), is a version of it.
        if let Merge::ByField { .. } = self.merge {
            let versions = self.records.entry(Uuid::nil()).or_default();
            versions.push((record, source.clone()));
            return;
        }
        let versions = self.records.entry(record.id).or_default();
        let newer =
            |(kept, by): &(RawRecord, Source)| (record.updated_at, source) > (kept.updated_at, by);
        if versions.first().is_none_or(newer) {
            *versions = vec![(record, source.clone())];
        }
    }

    fn offer_deletion(&mut self, tombstone: Tombstone) {
        let later = |kept: &Tombstone| tombstone.deleted_at > kept.deleted_at;
        if self.deleted.get(&tombstone.id).is_none_or(later) {
            self.deleted.insert(tombstone.id, tombstone);
        }
    }

    /// What is visible, and every deletion. A deletion hides every version changed at or
    /// before it.
    pub fn finish(self) -> (Vec<RawRecord>, Vec<Tombstone>) {
        let deleted = self.deleted;
        let (merge, own) = (self.merge, self.own);
        let records = (self.records.into_values())
            .map(|versions| match merge {
                Merge::ByField { desk } => super::fields::combine(versions, desk, &own),
                Merge::Whole => versions.into_iter().next().expect("a version").0,
            })
            .filter(|r| {
                deleted
                    .get(&r.id)
                    .is_none_or(|t| t.deleted_at < r.updated_at)
            })
            .collect();
        (records, deleted.into_values().collect())
    }
}
