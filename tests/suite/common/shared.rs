//! One in-memory store shared by several apps and diaries, like several runs of nape (two
//! windows, the shell) over the same data folder.

use std::sync::Arc;

use nape::store::{Applied, Collection, DateRange, Loaded, MemoryStore, Op, Store, StoreError};

#[derive(Clone, Default)]
pub struct Shared(pub Arc<MemoryStore>);

impl Store for Shared {
    fn load(&self, c: Collection, r: DateRange) -> Result<Loaded, StoreError> {
        self.0.load(c, r)
    }
    fn apply(&self, c: Collection, ops: Vec<Op>) -> Result<Applied, StoreError> {
        self.0.apply(c, ops)
    }
    fn stamp(&self, c: Collection) -> u64 {
        self.0.stamp(c)
    }
    fn location(&self) -> String {
        self.0.location()
    }
}
