//! Which domain types are stored, and in which collection.

use super::{Collection, Kind, RawRecord, Split};
use crate::domain::checkin::CheckIn;

pub const CHECKINS: Collection = Collection {
    name: "checkins",
    split: Split::Monthly,
};

impl Kind for CheckIn {
    const COLLECTION: Collection = CHECKINS;
}

/// Checks that a stored record's fields fit its kind.
pub type Fits = fn(&RawRecord) -> Result<(), String>;

/// Every collection this build knows, with a test that a record's fields fit its kind.
pub const KNOWN: &[(Collection, Fits)] = &[(CHECKINS, fits::<CheckIn>)];

fn fits<T: Kind>(raw: &RawRecord) -> Result<(), String> {
    raw.typed::<T>().map(|_| ()).map_err(|e| e.to_string())
}

pub fn known(name: &str) -> Option<(Collection, Fits)> {
    KNOWN.iter().copied().find(|(c, _)| c.name == name)
}
