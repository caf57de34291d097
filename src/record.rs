//! The envelope every stored record shares, whatever its kind.

use chrono::{DateTime, Datelike, NaiveDate, Utc};
use serde::{Deserialize, Serialize, de::DeserializeOwned};
use serde_json::{Map, Value};
use uuid::Uuid;

/// A record: stable id, when it was created and last changed (UTC), the local calendar day it
/// belongs to, and the kind-specific body flattened beside them.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
pub struct Record<T> {
    pub id: Uuid,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    pub date: NaiveDate,
    #[serde(flatten)]
    pub body: T,
}

/// A record as the store sees it: the envelope plus untyped fields. The store never needs to
/// know the kind, so unknown fields pass through it untouched.
pub type RawRecord = Record<Map<String, Value>>;

/// How a collection's records are split into files.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Split {
    /// One file per calendar month of the record's date, so a save rewrites one small file.
    Monthly,
    /// One file for the whole collection (settings and other small singletons).
    Single,
}

/// How desks' versions of one record come together (see store::fields).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Merge {
    /// The version changed last wins whole: a check-in edited on two desks is one person's
    /// two edits, and the later one is what they meant.
    Whole,
    /// Each field from the version that changed it last, so changes to different fields on
    /// two desks both hold; `desk` fields belong to each desk and are never taken from another
    /// desk's version once this desk has its own (a new desk starts from the latest).
    ByField { desk: &'static [&'static str] },
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Collection {
    pub name: &'static str,
    pub split: Split,
    pub merge: Merge,
}

impl Collection {
    /// The file stem a record with this date lives in.
    pub fn stem(&self, date: NaiveDate) -> String {
        match self.split {
            Split::Monthly => date.format("%Y-%m").to_string(),
            Split::Single => self.name.to_string(),
        }
    }
}

/// A kind of record nape stores. Each kind is declared once, in its own file under `src/kinds/`;
/// the store, the diary, import, export and `nape check` all go by these declarations.
pub trait Kind: Serialize + DeserializeOwned + Clone {
    const COLLECTION: Collection;

    /// Its table in the CSV export, if it has one.
    const CSV: Option<Csv<Self>> = None;

    /// The kind's own rules for its values, beyond their shape; the reason if broken. Checked
    /// on every save and on import.
    fn check(&self) -> Result<(), String> {
        Ok(())
    }

    /// The kind's rules that involve the day the record is filed under.
    fn dated(&self, _date: NaiveDate) -> Result<(), String> {
        Ok(())
    }

    /// The rules for a record coming in from outside (an import), where they are stricter than
    /// for one read from the diary's own files.
    fn check_incoming(&self) -> Result<(), String> {
        self.check()
    }

    /// Fields this build does not know (kept from a newer nape through edits); an import
    /// refuses a record that has any.
    fn extra(&self) -> &Map<String, Value>;

    /// The order of lists and tables: the time a record is about (a check-in's time, a
    /// session's start), then its id.
    fn key(record: &Record<Self>) -> (DateTime<Utc>, Uuid) {
        (record.created_at, record.id)
    }
}

/// A kind's CSV table: its name in a table of every kind, the option that picks it alone, its
/// columns, and a row for one record (`now` for what is still under way).
pub struct Csv<T> {
    pub name: &'static str,
    pub option: &'static str,
    pub header: &'static [&'static str],
    pub row: fn(&Record<T>, DateTime<Utc>) -> Vec<String>,
}

impl<T: Kind> Record<T> {
    /// Whether the record can be trusted: its kind's rules, and a date from 1900 and, when `now`
    /// is given, not in the future (a day's grace for clocks and time zones).
    pub fn check(&self, now: Option<DateTime<Utc>>) -> Result<(), String> {
        check_date(self.date, now)?;
        if self.updated_at < self.created_at {
            return Err(format!(
                "updated_at {} is before created_at {}",
                self.updated_at, self.created_at
            ));
        }
        self.body.check()?;
        self.body.dated(self.date)
    }
}

/// A stored date nape could have written: from 1900 and, when `now` is given, not in the future
/// (a day's grace for clocks and time zones).
pub fn check_date(date: NaiveDate, now: Option<DateTime<Utc>>) -> Result<(), String> {
    let earliest = crate::domain::checkin::EARLIEST_YEAR;
    if date.year() < earliest {
        return Err(format!("its date {date} is before {earliest}"));
    }
    if let Some(now) = now
        && date > (now + chrono::Duration::days(1)).date_naive()
    {
        return Err(format!("its date {date} is in the future"));
    }
    Ok(())
}

impl<T> Record<T> {
    /// Stamp a change made at `now`. A clock set back never stamps it before the record was
    /// created or before its last change, so "newer" stays true for merges and sync.
    pub fn touch(&mut self, now: DateTime<Utc>) {
        // Strictly later than the version it replaces, whatever this computer's clock says:
        // across desks the later change wins, and a tie would go to the other desk.
        let after = self.updated_at + chrono::Duration::microseconds(1);
        self.updated_at = now.max(after).max(self.created_at);
    }
}

/// An id for a record created at `now`: UUID v7, so ids sort by creation time.
pub fn new_id(now: DateTime<Utc>) -> Uuid {
    let ts = uuid::Timestamp::from_unix(
        uuid::NoContext,
        now.timestamp().max(0) as u64,
        now.timestamp_subsec_nanos(),
    );
    Uuid::new_v7(ts)
}

impl<T: Serialize> Record<T> {
    /// A new record for `body`, dated `date`, created at `now`. Ids are UUID v7, so they sort by
    /// creation time.
    pub fn new(body: T, date: NaiveDate, now: DateTime<Utc>) -> Self {
        Record::new_with(new_id(now), body, date, now)
    }

    /// A new record under an id already given out (by `new_id`), so whoever asked for it knows
    /// which record it is before it is saved.
    pub fn new_with(id: Uuid, body: T, date: NaiveDate, now: DateTime<Utc>) -> Self {
        Record {
            id,
            created_at: now,
            updated_at: now,
            date,
            body,
        }
    }

    pub fn to_raw(&self) -> RawRecord {
        let body = match serde_json::to_value(&self.body) {
            Ok(Value::Object(map)) => map,
            _ => Map::new(),
        };
        Record {
            id: self.id,
            created_at: self.created_at,
            updated_at: self.updated_at,
            date: self.date,
            body,
        }
    }
}

impl RawRecord {
    /// Read the body as a kind. Fails with serde's message if a field has the wrong type.
    pub fn typed<T: DeserializeOwned>(&self) -> Result<Record<T>, serde_json::Error> {
        self.clone().into_typed()
    }

    /// As `typed`, consuming the record, so the fields are moved rather than copied.
    pub fn into_typed<T: DeserializeOwned>(self) -> Result<Record<T>, serde_json::Error> {
        Ok(Record {
            id: self.id,
            created_at: self.created_at,
            updated_at: self.updated_at,
            date: self.date,
            body: serde_json::from_value(Value::Object(self.body))?,
        })
    }
}
