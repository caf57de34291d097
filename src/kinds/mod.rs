//! Every kind of record nape stores, each declared once, in its own file here (the `Kind`
//! trait): its collection (name, and how it is split into files), its own rules (checked on
//! every save, on import and by `nape check`), the order of its lists and tables, and its CSV
//! table if it has one. The store, the diary, import, export and `nape check` go by these
//! declarations and `each`; none keeps its own list of kinds. Two copies of one record merge
//! alike for every kind: the later change wins (store/op.rs).

mod care;
mod cells;
mod checkin;
mod routine;
mod rules;
mod session;

use chrono::{DateTime, Utc};

use crate::domain::checkin::CheckIn;
use crate::domain::function::FunctionRating;
use crate::domain::redflag::Assessment;
use crate::domain::settings::Settings;
use crate::domain::stretch::RoutineSession;
use crate::domain::therapy::Session;
pub use crate::record::{Collection, Csv, Kind, RawRecord};

/// Something done for each kind in turn (see `each`).
pub trait Visit {
    fn kind<T: Kind>(&mut self);
}

/// Visit every kind nape stores: the one list of them.
pub fn each<V: Visit>(mut visit: V) -> V {
    visit.kind::<CheckIn>();
    visit.kind::<Assessment>();
    visit.kind::<Settings>();
    visit.kind::<Session>();
    visit.kind::<RoutineSession>();
    visit.kind::<FunctionRating>();
    visit
}

/// Checks that a stored record's fields fit its kind and keep its rules (dates checked against
/// `now` when given).
pub type Fits = fn(&RawRecord, Option<DateTime<Utc>>) -> Result<(), String>;

/// Every collection this build knows, with a test that a record's fields fit its kind.
pub fn known() -> Vec<(Collection, Fits)> {
    struct Known(Vec<(Collection, Fits)>);
    impl Visit for Known {
        fn kind<T: Kind>(&mut self) {
            self.0.push((T::COLLECTION, fits::<T>));
        }
    }
    each(Known(Vec::new())).0
}

/// The collection called `name`, if this build knows it.
pub fn find(name: &str) -> Option<(Collection, Fits)> {
    known().into_iter().find(|(c, _)| c.name == name)
}

fn fits<T: Kind>(raw: &RawRecord, now: Option<DateTime<Utc>>) -> Result<(), String> {
    raw.typed::<T>().map_err(|e| e.to_string())?.check(now)
}

/// As `fits`, for a record coming in from outside (an import): a field this build does not
/// know is refused too, where a file of the diary keeps it for the newer nape that wrote it.
fn fits_exactly<T: Kind>(raw: &RawRecord, now: Option<DateTime<Utc>>) -> Result<(), String> {
    let typed = raw.typed::<T>().map_err(|e| e.to_string())?;
    typed.check(now)?;
    typed.body.check_incoming()?;
    // "changed": when each field was set, kept by the store for merging desks' settings.
    let unknown: Vec<&str> = (typed.body.extra().keys().map(String::as_str))
        .filter(|k| *k != "changed")
        .collect();
    match unknown.as_slice() {
        [] => Ok(()),
        fields => Err(format!("unknown field {}", fields.join(", "))),
    }
}

/// The check for a record of the collection `name` coming in from outside, if this build
/// knows the collection.
pub fn import_check(name: &str) -> Option<Fits> {
    struct Find<'a>(&'a str, Option<Fits>);
    impl Visit for Find<'_> {
        fn kind<T: Kind>(&mut self) {
            if T::COLLECTION.name == self.0 {
                self.1 = Some(fits_exactly::<T>);
            }
        }
    }
    each(Find(name, None)).1
}
