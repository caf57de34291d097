//! The same store contract kept in memory, for tests of the code above the store.

use std::collections::HashMap;
use std::sync::Mutex;

use super::op::{Outcome, decide};
use super::{Applied, Collection, DateRange, Loaded, Op, RawRecord, Store, StoreError, Tombstone};

#[derive(Default)]
pub struct MemoryStore {
    collections: Mutex<HashMap<&'static str, Vec<RawRecord>>>,
    stamps: Mutex<HashMap<&'static str, u64>>,
    deleted: Mutex<HashMap<&'static str, Vec<Tombstone>>>,
    journal: Mutex<Vec<serde_json::Value>>,
}

impl MemoryStore {
    pub fn new() -> Self {
        Self::default()
    }
}

impl Store for MemoryStore {
    fn remember(&self, change: serde_json::Value) -> Result<(), StoreError> {
        let mut notes = self.journal.lock().unwrap_or_else(|e| e.into_inner());
        notes.push(change);
        let overflow = notes.len().saturating_sub(super::journal::KEPT);
        notes.drain(..overflow);
        Ok(())
    }

    fn changes(&self) -> Result<Vec<serde_json::Value>, StoreError> {
        Ok(self
            .journal
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .clone())
    }

    fn forget(&self, change: &serde_json::Value) -> Result<(), StoreError> {
        let mut notes = self.journal.lock().unwrap_or_else(|e| e.into_inner());
        notes.retain(|n| n != change);
        Ok(())
    }

    fn load(&self, c: Collection, range: DateRange) -> Result<Loaded, StoreError> {
        let collections = self.collections.lock().unwrap_or_else(|e| e.into_inner());
        let mut records: Vec<RawRecord> = collections
            .get(c.name)
            .into_iter()
            .flatten()
            .filter(|r| range.contains(r.date))
            .cloned()
            .collect();
        records.sort_by_key(|r| (r.date, r.created_at, r.id));
        let all_deleted = self.deleted.lock().unwrap_or_else(|e| e.into_inner());
        let deleted = all_deleted.get(c.name).into_iter().flatten();
        Ok(Loaded {
            records,
            deleted: deleted
                .filter(|t| range.contains(t.date))
                .cloned()
                .collect(),
            ..Loaded::default()
        })
    }

    fn apply(&self, c: Collection, ops: Vec<Op>) -> Result<Applied, StoreError> {
        let mut collections = self.collections.lock().unwrap_or_else(|e| e.into_inner());
        // Work on a copy so a failing op leaves nothing half-applied, as on disk.
        let mut records = collections.get(c.name).cloned().unwrap_or_default();
        let mut all_deleted = self.deleted.lock().unwrap_or_else(|e| e.into_inner());
        let mut deleted = all_deleted.get(c.name).cloned().unwrap_or_default();
        let mut applied = Applied::default();
        for op in ops {
            let id = op.id();
            let index = records.iter().position(|r| r.id == id);
            let buried = deleted.iter().find(|t| t.id == id);
            match decide(op, index.map(|i| &records[i]), buried)? {
                Outcome::Nothing => continue,
                Outcome::Insert(new) => records.push(new),
                Outcome::Replace(new) => records[index.expect("replace has a record")] = new,
                Outcome::Remove(tombstone) => {
                    records.remove(index.expect("remove has a record"));
                    deleted.push(tombstone);
                }
                Outcome::Bury(tombstone) => deleted.push(tombstone),
            }
            applied.changed += 1;
        }
        collections.insert(c.name, records);
        all_deleted.insert(c.name, deleted);
        if applied.changed > 0 {
            let mut stamps = self.stamps.lock().unwrap_or_else(|e| e.into_inner());
            *stamps.entry(c.name).or_default() += 1;
        }
        applied.collection = c.name;
        Ok(applied)
    }

    fn stamp(&self, c: Collection) -> u64 {
        let stamps = self.stamps.lock().unwrap_or_else(|e| e.into_inner());
        stamps.get(c.name).copied().unwrap_or(0)
    }

    fn location(&self) -> String {
        "memory".into()
    }
}
