//! Check-ins: monthly files, in time order; checked field by field as the form and `nape log`
//! check them.

use chrono::{DateTime, Utc};
use uuid::Uuid;

use super::cells::{defuse, join_escaped, made_offset, made_time, moment, opt};
use crate::domain::checkin::CheckIn;
use crate::record::{Collection, Csv, Kind, Merge, Record, Split};

impl Kind for CheckIn {
    const COLLECTION: Collection = Collection {
        name: "checkins",
        split: Split::Monthly,
        merge: Merge::Whole,
    };

    const CSV: Option<Csv<Self>> = Some(Csv {
        name: "checkin",
        option: "checkins",
        header: &[
            "id",
            "date",
            "time",
            "utc_offset",
            "pain",
            "worst",
            "stiffness",
            "where",
            "symptoms",
            "context",
            "treatments",
            "medicines",
            "note",
            "created_at",
            "updated_at",
        ],
        row,
    });

    fn check(&self) -> Result<(), String> {
        CheckIn::check(self).map_err(|errors| {
            let each: Vec<String> = errors.iter().map(ToString::to_string).collect();
            each.join("; ")
        })
    }

    fn key(r: &Record<Self>) -> (DateTime<Utc>, Uuid) {
        (r.body.at, r.id)
    }

    /// Filed under the day it happened where it was made: within a day of its moment in UTC,
    /// and made at an offset some place on Earth has (UTC-12 to UTC+14).
    fn dated(&self, date: chrono::NaiveDate) -> Result<(), String> {
        if let Some(offset) = self
            .offset
            .filter(|o| !(-12 * 3600..=14 * 3600).contains(o))
        {
            return Err(format!("offset {offset} is not a UTC offset any place has"));
        }
        if (date - self.at.date_naive()).num_days().abs() > 1 {
            return Err(format!(
                "its date {date} is not the day of its time {}",
                self.at
            ));
        }
        Ok(())
    }

    fn extra(&self) -> &serde_json::Map<String, serde_json::Value> {
        &self.extra
    }
}

/// Lists are joined with "; " (a ";" or "\\" inside a medicine's name is escaped with "\\").
fn row(r: &Record<CheckIn>, _now: DateTime<Utc>) -> Vec<String> {
    let c = &r.body;
    vec![
        r.id.to_string(),
        r.date.to_string(),
        made_time(c.at, c.offset),
        made_offset(c.at, c.offset),
        c.pain.to_string(),
        opt(c.worst),
        opt(c.stiffness),
        defuse(&c.locations.join("; ")),
        defuse(&c.symptoms.join("; ")),
        defuse(&c.context.join("; ")),
        defuse(&c.treatments.join("; ")),
        defuse(&join_escaped(&c.medicines)),
        defuse(c.note.as_deref().unwrap_or_default()),
        moment(r.created_at),
        moment(r.updated_at),
    ]
}
