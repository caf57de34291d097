//! `nape export` and `nape import`: the diary out as lossless JSON or a CSV a spreadsheet
//! opens, and a JSON export merged back in by id.

use std::io::{self, Write};
use std::path::PathBuf;

use chrono::{NaiveDate, Utc};
use clap::Args;
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use super::spreadsheet::{self, Table};
use super::{Cli, Failure, Format, open_store, warn};
use crate::domain::checkin::CheckIn;
use crate::kinds;
use crate::store::{Collection, DateRange, Kind, Op, RawRecord, Store, Tombstone};

#[derive(Args, Debug)]
pub struct ExportArgs {
    #[arg(long, value_enum, default_value = "json")]
    format: Format,
    /// With --format csv: which table (check-ins by default; all puts every kind in one).
    #[arg(long, value_parser = clap::builder::PossibleValuesParser::new(spreadsheet::options()))]
    kind: Option<String>,
    /// First date to include, YYYY-MM-DD.
    #[arg(long, value_name = "DATE", value_parser = parse_date)]
    since: Option<NaiveDate>,
    /// Last date to include, YYYY-MM-DD.
    #[arg(long, value_name = "DATE", value_parser = parse_date)]
    until: Option<NaiveDate>,
}

#[derive(Args, Debug)]
pub struct ImportArgs {
    /// A file written by `nape export` (JSON).
    file: PathBuf,
}

fn parse_date(text: &str) -> Result<NaiveDate, String> {
    NaiveDate::parse_from_str(text, "%Y-%m-%d")
        .map_err(|_| format!("must be a date like 2026-03-14 (got \"{text}\")"))
}

/// The export file: every collection's records, exactly as stored.
#[derive(Serialize, Deserialize)]
struct Export {
    nape_export: u32,
    exported_at: chrono::DateTime<Utc>,
    collections: Map<String, Value>,
    /// Deletions, so a machine importing this deletes what was deleted here.
    #[serde(default, skip_serializing_if = "Map::is_empty")]
    deleted: Map<String, Value>,
}

const EXPORT_VERSION: u32 = 1;

pub fn export(cli: &Cli, args: &ExportArgs) -> Result<(), Failure> {
    let range = DateRange {
        since: args.since,
        until: args.until,
    };
    if let (Some(s), Some(u)) = (range.since, range.until)
        && s > u
    {
        return Err(Failure::BadInput(format!(
            "--since ({s}) is after --until ({u})"
        )));
    }
    if args.kind.is_some() && args.format != Format::Csv {
        return Err(Failure::BadInput(
            "--kind chooses a CSV table: use it with --format csv".into(),
        ));
    }
    let store = open_store(cli)?;
    let store: &dyn Store = &store;
    let mut damaged = Vec::new();
    let out = io::stdout().lock();
    let written = match args.format {
        Format::Json => {
            let mut collections = Map::new();
            let mut deleted = Map::new();
            for (collection, _) in &kinds::known() {
                let loaded = store.load(*collection, range)?;
                warn(&loaded.notices);
                damaged.extend(loaded.damage);
                if !loaded.deleted.is_empty() {
                    let value = serde_json::to_value(&loaded.deleted)
                        .map_err(|e| Failure::Other(e.to_string()))?;
                    deleted.insert(collection.name.to_string(), value);
                }
                let mut records = loaded.records;
                records.sort_by_key(|r| (r.date, r.created_at, r.id));
                let value =
                    serde_json::to_value(records).map_err(|e| Failure::Other(e.to_string()))?;
                collections.insert(collection.name.to_string(), value);
            }
            let export = Export {
                nape_export: EXPORT_VERSION,
                exported_at: Utc::now(),
                collections,
                deleted,
            };
            write_json(out, &export)
        }
        Format::Csv => {
            let checkins = CheckIn::CSV.map_or(spreadsheet::ALL, |c| c.option);
            let kind = args.kind.as_deref().unwrap_or(checkins);
            let mut tables = spreadsheet::tables(store, range, kind, Utc::now(), &mut damaged)?;
            // One kind is its own table; all of them, one table with a `kind` column.
            let table = match (kind, tables.len()) {
                (spreadsheet::ALL, _) | (_, 0) => Table::joined(tables),
                _ => tables.swap_remove(0).1,
            };
            table.write(out)
        }
    };
    written.map_err(Failure::output)?;
    if damaged.is_empty() {
        return Ok(());
    }
    let lines: Vec<String> = damaged.iter().map(ToString::to_string).collect();
    Err(Failure::Other(format!(
        "the export is incomplete:\n{}",
        lines.join("\n")
    )))
}

fn write_json(mut out: impl Write, export: &Export) -> io::Result<()> {
    let json = serde_json::to_string_pretty(export).map_err(io::Error::other)?;
    // The same document, with anything that would act on a terminal written as a JSON escape.
    writeln!(out, "{}", crate::domain::text::json_escaped(&json))
}

pub fn import(cli: &Cli, args: &ImportArgs) -> Result<(), Failure> {
    let path = args.file.display();
    let bytes = std::fs::read(&args.file)
        .map_err(|e| Failure::BadInput(format!("could not read {path}: {e}")))?;
    let export: Export = serde_json::from_slice(&bytes).map_err(|e| {
        Failure::BadInput(format!(
            "{path} is not a nape JSON export ({e}); nothing was imported"
        ))
    })?;
    if export.nape_export > EXPORT_VERSION {
        return Err(Failure::BadInput(format!(
            "{path} was exported by a newer nape (format {}); nothing was imported",
            export.nape_export
        )));
    }
    // Check everything before writing anything, so a bad file changes nothing.
    // (collection, operations, whether they are deletions)
    let mut batches: Vec<(Collection, Vec<Op>, bool)> = Vec::new();
    let mut total = 0;
    for (name, value) in export.collections {
        let (collection, _) = kinds::find(&name).ok_or_else(|| {
            Failure::BadInput(format!(
                "{path} holds \"{name}\" records, which this nape does not know; nothing was imported"
            ))
        })?;
        let records: Vec<RawRecord> = serde_json::from_value(value).map_err(|e| {
            Failure::BadInput(format!(
                "{path}: a {name} record is malformed ({e}); nothing was imported"
            ))
        })?;
        let mut seen = std::collections::HashSet::new();
        for record in &records {
            if !seen.insert(record.id) {
                return Err(Failure::BadInput(format!(
                    "{path}: {name} record {} appears twice; nothing was imported",
                    record.id
                )));
            }
            let fits = kinds::import_check(&name).expect("a known collection");
            fits(record, Some(Utc::now())).map_err(|e| {
                Failure::BadInput(format!(
                    "{path}: {name} record {} does not fit ({e}); nothing was imported",
                    record.id
                ))
            })?;
        }
        total += records.len();
        batches.push((
            collection,
            records.into_iter().map(Op::Merge).collect(),
            false,
        ));
    }
    // Deletions after the records, so an export never brings back what it also deleted.
    for (name, value) in export.deleted {
        let bad = |e: String| {
            Failure::BadInput(format!(
                "{path}: the deletions of \"{name}\" are malformed ({e}); nothing was imported"
            ))
        };
        let (collection, _) = kinds::find(&name).ok_or_else(|| bad("unknown collection".into()))?;
        let tombstones: Vec<Tombstone> =
            serde_json::from_value(value).map_err(|e| bad(e.to_string()))?;
        for t in &tombstones {
            t.check(Utc::now()).map_err(|e| {
                Failure::BadInput(format!(
                    "{path}: the deletion of {name} record {} does not fit ({e}); nothing was \
                     imported",
                    t.id
                ))
            })?;
        }
        batches.push((
            collection,
            tombstones.into_iter().map(Op::Bury).collect(),
            true,
        ));
    }
    let store = open_store(cli)?;
    let store: &dyn Store = &store;
    let (mut changed, mut deleted) = (0, 0);
    for (collection, ops, deletions) in batches {
        let applied = store.apply(collection, ops)?;
        warn(&applied.notices);
        match deletions {
            true => deleted += applied.changed,
            false => changed += applied.changed,
        }
    }
    let deletions = match deleted {
        0 => String::new(),
        1 => ", and 1 deletion".into(),
        n => format!(", and {n} deletions"),
    };
    say!(
        "Imported {changed} new or newer records{deletions} from {path} ({} skipped: already \
         here, or deleted here).",
        total - changed
    )?;
    Ok(())
}

// The CSV describes check-ins; keep it in step if their collection ever moves.
const _: () = assert!(matches!(
    CheckIn::COLLECTION.split,
    crate::store::Split::Monthly
));
