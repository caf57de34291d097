//! The person's time zone and "today": the machine's own zone, or a fixed offset so tests do not
//! depend on where they run. The only place that knows the local zone.

use chrono::{DateTime, FixedOffset, Local, NaiveDate, NaiveDateTime, TimeZone, Utc};

use crate::domain::checkin::{CheckIn, Draft, FieldError};

#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Zone {
    Local,
    Fixed(FixedOffset),
}

impl Zone {
    pub fn local(&self, at: DateTime<Utc>) -> NaiveDateTime {
        match self {
            Zone::Local => at.with_timezone(&Local).naive_local(),
            Zone::Fixed(offset) => at.with_timezone(offset).naive_local(),
        }
    }

    pub fn date(&self, at: DateTime<Utc>) -> NaiveDate {
        self.local(at).date()
    }

    /// The UTC instant of local midnight at the start of `date` (the earlier one if ambiguous).
    pub fn start_of(&self, date: NaiveDate) -> Option<DateTime<Utc>> {
        let midnight = date.and_hms_opt(0, 0, 0)?;
        let local = match self {
            Zone::Local => Local
                .from_local_datetime(&midnight)
                .earliest()?
                .with_timezone(&Utc),
            Zone::Fixed(offset) => offset
                .from_local_datetime(&midnight)
                .earliest()?
                .with_timezone(&Utc),
        };
        Some(local)
    }

    pub fn validate(
        &self,
        draft: &Draft,
        now: DateTime<Utc>,
    ) -> Result<(CheckIn, NaiveDate), Vec<FieldError>> {
        match self {
            Zone::Local => draft.validate(&Local, now),
            Zone::Fixed(offset) => draft.validate(offset, now),
        }
    }
}
