//! The CSV export: a table per kind that declares one (check-ins, cold and heat sessions,
//! routines: their columns and rows are in src/kinds/), or all of them in one table with a `kind`
//! column. The csv crate quotes commas, quotes and newlines as
//! RFC 4180 says, so notes come through whole; free text a spreadsheet would run as a formula is
//! defused.

use std::io::{self, Write};

use chrono::{DateTime, Utc};

use super::warn;
use crate::kinds::{self, Kind, Visit};
use crate::store::{Damage, DateRange, Store, StoreError};

/// Columns and rows, each row as long as the header.
pub struct Table {
    header: Vec<&'static str>,
    rows: Vec<Vec<String>>,
}

impl Table {
    /// Several tables as one: the union of their columns after a `kind` column, each row with
    /// its kind and empty cells in the columns it does not have.
    pub fn joined(tables: Vec<(&'static str, Table)>) -> Table {
        let mut header = vec!["kind"];
        for (_, t) in &tables {
            for column in &t.header {
                if !header.contains(column) {
                    header.push(column);
                }
            }
        }
        let mut rows = Vec::new();
        for (kind, t) in tables {
            let at: Vec<usize> = (t.header.iter())
                .map(|c| header.iter().position(|h| h == c).unwrap_or(0))
                .collect();
            for row in t.rows {
                let mut full = vec![String::new(); header.len()];
                full[0] = kind.to_string();
                for (cell, i) in row.into_iter().zip(&at) {
                    full[*i] = cell;
                }
                rows.push(full);
            }
        }
        Table { header, rows }
    }

    pub fn write(&self, out: impl Write) -> io::Result<()> {
        // RFC 4180 ends each record with CRLF.
        let mut writer = csv::WriterBuilder::new()
            .terminator(csv::Terminator::CRLF)
            .from_writer(out);
        writer.write_record(&self.header).map_err(io_error)?;
        for row in &self.rows {
            writer.write_record(row).map_err(io_error)?;
        }
        writer.flush()
    }
}

/// The options of `--kind`: each kind's table that has one (from its declaration), and "all".
pub fn options() -> Vec<&'static str> {
    struct Options(Vec<&'static str>);
    impl Visit for Options {
        fn kind<T: Kind>(&mut self) {
            self.0.extend(T::CSV.map(|csv| csv.option));
        }
    }
    let mut options = kinds::each(Options(Vec::new())).0;
    options.push(ALL);
    options
}

/// `--kind all`: every table in one.
pub const ALL: &str = "all";

/// The tables `option` picks (one kind's, or every kind's), each kind's records in `range` in
/// its order. What reading fixed is printed; what could not be read is added to `damaged`.
pub fn tables(
    store: &dyn Store,
    range: DateRange,
    option: &str,
    now: DateTime<Utc>,
    damaged: &mut Vec<Damage>,
) -> Result<Vec<(&'static str, Table)>, StoreError> {
    struct Tables<'a> {
        store: &'a dyn Store,
        range: DateRange,
        option: &'a str,
        now: DateTime<Utc>,
        damaged: &'a mut Vec<Damage>,
        tables: Result<Vec<(&'static str, Table)>, StoreError>,
    }
    impl Visit for Tables<'_> {
        fn kind<T: Kind>(&mut self) {
            let Some(csv) = T::CSV.filter(|c| [c.option, ALL].contains(&self.option)) else {
                return;
            };
            let Ok(tables) = &mut self.tables else {
                return;
            };
            match self.store.load_kind::<T>(self.range) {
                Ok(mut loaded) => {
                    warn(&loaded.notices);
                    self.damaged.append(&mut loaded.damage);
                    loaded.records.sort_by_key(T::key);
                    let rows = (loaded.records.iter())
                        .map(|r| (csv.row)(r, self.now))
                        .collect();
                    let header = csv.header.to_vec();
                    tables.push((csv.name, Table { header, rows }));
                }
                Err(e) => self.tables = Err(e),
            }
        }
    }
    let visit = Tables {
        store,
        range,
        option,
        now,
        damaged,
        tables: Ok(Vec::new()),
    };
    kinds::each(visit).tables
}

/// The output's own error inside a CSV one, so a closed pipe is still known as one.
fn io_error(e: csv::Error) -> io::Error {
    match e.into_kind() {
        csv::ErrorKind::Io(e) => e,
        other => io::Error::other(format!("{other:?}")),
    }
}
