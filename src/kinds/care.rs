//! The smaller kinds, with no CSV table: assessments by a clinician and activities ratings
//! (monthly files, in time order), and the settings (one file).

use chrono::{DateTime, Utc};
use serde_json::{Map, Value};
use uuid::Uuid;

use crate::domain::function::FunctionRating;
use crate::domain::redflag::Assessment;
use crate::domain::settings::Settings;
use crate::record::{Collection, Kind, Merge, Record, Split};

impl Kind for Assessment {
    const COLLECTION: Collection = Collection {
        name: "assessments",
        split: Split::Monthly,
        merge: Merge::Whole,
    };

    fn extra(&self) -> &Map<String, Value> {
        &self.extra
    }

    fn key(r: &Record<Self>) -> (DateTime<Utc>, Uuid) {
        (r.body.at, r.id)
    }
}

impl Kind for FunctionRating {
    const COLLECTION: Collection = Collection {
        name: "function",
        split: Split::Monthly,
        merge: Merge::Whole,
    };

    /// 1 to 5 activities, named, each 0-10.
    fn check(&self) -> Result<(), String> {
        FunctionRating::check(self)
    }

    fn extra(&self) -> &Map<String, Value> {
        &self.extra
    }

    fn key(r: &Record<Self>) -> (DateTime<Utc>, Uuid) {
        (r.body.at, r.id)
    }
}

impl Kind for Settings {
    const COLLECTION: Collection = Collection {
        name: "settings",
        split: Split::Single,
        // What the person set (the emergency number, the onset, their activities) travels
        // between desks; how this computer reminds and shows (cues, breaks, night hours, the
        // Trends view) stays with it.
        merge: Merge::ByField {
            desk: &[
                "cues",
                "ready_secs",
                "break_minutes",
                "night",
                "break_at",
                "trends_view",
            ],
        },
    };

    // Settings edited by hand are read as far as they can be (a bad number is reported and
    // the locale's shown, activities past five dropped): only what comes in from outside is
    // held to the form's rules.
    fn check_incoming(&self) -> Result<(), String> {
        Settings::check(self)
    }

    fn extra(&self) -> &Map<String, Value> {
        &self.extra
    }
}
