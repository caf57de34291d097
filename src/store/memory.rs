//! The same store contract kept in memory, for tests of the code above the store.

use std::collections::HashMap;
use std::sync::Mutex;
use std::sync::atomic::{AtomicU64, Ordering};

use super::op::{Outcome, decide};
use super::{Applied, Collection, DateRange, Loaded, Op, RawRecord, Store, StoreError};

#[derive(Default)]
pub struct MemoryStore {
    collections: Mutex<HashMap<&'static str, Vec<RawRecord>>>,
    stamp: AtomicU64,
}

impl MemoryStore {
    pub fn new() -> Self {
        Self::default()
    }
}

impl Store for MemoryStore {
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
        Ok(Loaded {
            records,
            ..Loaded::default()
        })
    }

    fn apply(&self, c: Collection, ops: Vec<Op>) -> Result<Applied, StoreError> {
        let mut collections = self.collections.lock().unwrap_or_else(|e| e.into_inner());
        // Work on a copy so a failing op leaves nothing half-applied, as on disk.
        let mut records = collections.get(c.name).cloned().unwrap_or_default();
        let mut applied = Applied::default();
        for op in ops {
            let id = op.id();
            let index = records.iter().position(|r| r.id == id);
            match decide(op, index.map(|i| &records[i]))? {
                Outcome::Nothing => continue,
                Outcome::Insert(new) => records.push(new),
                Outcome::Replace(new) => records[index.expect("replace has a record")] = new,
                Outcome::Remove => {
                    records.remove(index.expect("remove has a record"));
                }
            }
            applied.changed += 1;
        }
        collections.insert(c.name, records);
        if applied.changed > 0 {
            self.stamp.fetch_add(1, Ordering::Relaxed);
        }
        Ok(applied)
    }

    fn stamp(&self) -> u64 {
        self.stamp.load(Ordering::Relaxed)
    }

    fn location(&self) -> String {
        "memory".into()
    }
}
