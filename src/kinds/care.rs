//! The smaller kinds, with no CSV table: assessments by a clinician and activities ratings
//! (monthly files, in time order), and the settings (one file).

use chrono::{DateTime, Utc};
use uuid::Uuid;

use crate::domain::function::FunctionRating;
use crate::domain::redflag::Assessment;
use crate::domain::settings::Settings;
use crate::record::{Collection, Kind, Record, Split};

impl Kind for Assessment {
    const COLLECTION: Collection = Collection {
        name: "assessments",
        split: Split::Monthly,
    };

    fn key(r: &Record<Self>) -> (DateTime<Utc>, Uuid) {
        (r.body.at, r.id)
    }
}

impl Kind for FunctionRating {
    const COLLECTION: Collection = Collection {
        name: "function",
        split: Split::Monthly,
    };

    /// 1 to 5 activities, named, each 0-10.
    fn check(&self) -> Result<(), String> {
        FunctionRating::check(self)
    }

    fn key(r: &Record<Self>) -> (DateTime<Utc>, Uuid) {
        (r.body.at, r.id)
    }
}

impl Kind for Settings {
    const COLLECTION: Collection = Collection {
        name: "settings",
        split: Split::Single,
    };
}
