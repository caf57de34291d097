//! Which domain types are stored, and in which collection.

use chrono::{DateTime, Utc};

use super::{Collection, Kind, RawRecord, Split};
use crate::domain::checkin::CheckIn;
use crate::domain::function::FunctionRating;
use crate::domain::redflag::Assessment;
use crate::domain::settings::Settings;
use crate::domain::stretch::RoutineSession;
use crate::domain::therapy::Session;

pub const CHECKINS: Collection = Collection {
    name: "checkins",
    split: Split::Monthly,
};

pub const ASSESSMENTS: Collection = Collection {
    name: "assessments",
    split: Split::Monthly,
};

pub const SETTINGS: Collection = Collection {
    name: "settings",
    split: Split::Single,
};

pub const THERAPY: Collection = Collection {
    name: "therapy",
    split: Split::Monthly,
};

pub const ROUTINES: Collection = Collection {
    name: "routines",
    split: Split::Monthly,
};

pub const FUNCTION: Collection = Collection {
    name: "function",
    split: Split::Monthly,
};

impl Kind for FunctionRating {
    const COLLECTION: Collection = FUNCTION;

    fn check(&self) -> Result<(), String> {
        FunctionRating::check(self)
    }
}

impl Kind for RoutineSession {
    const COLLECTION: Collection = ROUTINES;
}

impl Kind for Session {
    const COLLECTION: Collection = THERAPY;

    /// A length nape could have set: within the safe bounds, extensions included.
    fn check(&self) -> Result<(), String> {
        let range = &crate::domain::therapy::limits::bounds().session_minutes;
        let (min, max) = (range.min * 60, range.max * 60);
        if (min..=max).contains(&self.planned_secs) {
            Ok(())
        } else {
            Err(format!(
                "planned_secs must be from {min} to {max} (got {})",
                self.planned_secs
            ))
        }
    }
}

impl Kind for CheckIn {
    const COLLECTION: Collection = CHECKINS;

    fn check(&self) -> Result<(), String> {
        CheckIn::check(self).map_err(|errors| {
            let each: Vec<String> = errors.iter().map(ToString::to_string).collect();
            each.join("; ")
        })
    }
}

impl Kind for Assessment {
    const COLLECTION: Collection = ASSESSMENTS;
}

impl Kind for Settings {
    const COLLECTION: Collection = SETTINGS;
}

/// Checks that a stored record's fields fit its kind and keep its rules (dates checked against
/// `now` when given).
pub type Fits = fn(&RawRecord, Option<DateTime<Utc>>) -> Result<(), String>;

/// Every collection this build knows, with a test that a record's fields fit its kind.
pub const KNOWN: &[(Collection, Fits)] = &[
    (CHECKINS, fits::<CheckIn>),
    (ASSESSMENTS, fits::<Assessment>),
    (SETTINGS, fits::<Settings>),
    (THERAPY, fits::<Session>),
    (ROUTINES, fits::<RoutineSession>),
    (FUNCTION, fits::<FunctionRating>),
];

fn fits<T: Kind>(raw: &RawRecord, now: Option<DateTime<Utc>>) -> Result<(), String> {
    raw.typed::<T>().map_err(|e| e.to_string())?.check(now)
}

pub fn known(name: &str) -> Option<(Collection, Fits)> {
    KNOWN.iter().copied().find(|(c, _)| c.name == name)
}
