//! The CSV export: a table per kind (check-ins, cold and heat sessions, routines), or all of them
//! in one table with a `kind` column. The csv crate quotes commas, quotes and newlines as
//! RFC 4180 says, so notes come through whole; free text a spreadsheet would run as a formula is
//! defused.

use std::io::{self, Write};

use chrono::{DateTime, Local, Utc};
use clap::ValueEnum;

use crate::domain::checkin::CheckIn;
use crate::domain::stretch::RoutineSession;
use crate::domain::therapy::{EndReason, Session};
use crate::store::Record;

#[derive(Clone, Copy, Debug, ValueEnum, PartialEq, Eq)]
pub enum CsvKind {
    Checkins,
    Sessions,
    Routines,
    All,
}

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

fn opt(v: Option<u8>) -> String {
    v.map(|n| n.to_string()).unwrap_or_default()
}

fn time(at: DateTime<Utc>) -> String {
    at.with_timezone(&Local).format("%H:%M").to_string()
}

/// One row per check-in. Lists are joined with "; " (a ";" or "\\" inside a medicine's name is
/// escaped with "\\", so the list splits back exactly).
pub fn checkins(records: &[Record<CheckIn>]) -> Table {
    let header = vec![
        "id",
        "date",
        "time",
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
    ];
    let rows = (records.iter())
        .map(|r| {
            let c = &r.body;
            vec![
                r.id.to_string(),
                r.date.to_string(),
                time(c.at),
                c.pain.to_string(),
                opt(c.worst),
                opt(c.stiffness),
                c.locations.join("; "),
                c.symptoms.join("; "),
                c.context.join("; "),
                c.treatments.join("; "),
                defuse(&join_escaped(&c.medicines)),
                defuse(c.note.as_deref().unwrap_or_default()),
                r.created_at.to_rfc3339(),
                r.updated_at.to_rfc3339(),
            ]
        })
        .collect();
    Table { header, rows }
}

/// One row per cold or heat session; `minutes` is the time it ran, pauses left out.
pub fn sessions(records: &[Record<Session>], now: DateTime<Utc>) -> Table {
    let header = vec![
        "id",
        "date",
        "time",
        "pack",
        "planned_minutes",
        "minutes",
        "end",
        "pain_before",
        "pain_after",
        "skin_checks",
        "created_at",
        "updated_at",
    ];
    let rows = (records.iter())
        .map(|r| {
            let s = &r.body;
            let end = match s.end_reason {
                Some(EndReason::Finished) => "finished",
                Some(EndReason::Stopped) => "stopped",
                Some(EndReason::Numb) => "stopped: numb skin",
                None => "running",
            };
            let checks: Vec<String> = s.skin_checks.iter().map(|m| format!("{m} min")).collect();
            vec![
                r.id.to_string(),
                r.date.to_string(),
                time(s.started_at),
                s.kind.name().to_lowercase(),
                (s.planned_secs / 60).to_string(),
                s.elapsed(s.ended_at.unwrap_or(now))
                    .num_minutes()
                    .to_string(),
                end.to_string(),
                opt(s.pain_before),
                opt(s.pain_after),
                checks.join("; "),
                r.created_at.to_rfc3339(),
                r.updated_at.to_rfc3339(),
            ]
        })
        .collect();
    Table { header, rows }
}

/// One row per routine played.
pub fn routines(records: &[Record<RoutineSession>], now: DateTime<Utc>) -> Table {
    let header = vec![
        "id",
        "date",
        "time",
        "routine",
        "name",
        "version",
        "steps",
        "minutes",
        "pauses",
        "end",
        "pain_before",
        "pain_after",
        "feeling",
        "created_at",
        "updated_at",
    ];
    let rows = (records.iter())
        .map(|r| {
            let s = &r.body;
            let end = s.end.map_or("playing", |e| match e {
                crate::domain::stretch::RoutineEnd::Finished => "finished",
                crate::domain::stretch::RoutineEnd::Stopped => "stopped",
                crate::domain::stretch::RoutineEnd::Reported => "stopped and reported",
                crate::domain::stretch::RoutineEnd::Interrupted => "interrupted",
            });
            vec![
                r.id.to_string(),
                r.date.to_string(),
                time(s.started_at),
                s.routine.clone(),
                defuse(&s.name),
                s.version.to_string(),
                format!("{} of {}", s.steps_done, s.steps_total),
                (s.duration_secs(now) / 60).to_string(),
                s.pauses.len().to_string(),
                end.to_string(),
                opt(s.pain_before),
                opt(s.pain_after),
                s.feeling.map(|f| f.word()).unwrap_or_default().to_string(),
                r.created_at.to_rfc3339(),
                r.updated_at.to_rfc3339(),
            ]
        })
        .collect();
    Table { header, rows }
}

/// The output's own error inside a CSV one, so a closed pipe is still known as one.
fn io_error(e: csv::Error) -> io::Error {
    match e.into_kind() {
        csv::ErrorKind::Io(e) => e,
        other => io::Error::other(format!("{other:?}")),
    }
}

/// Items joined with "; ", each ";" and "\\" inside an item escaped with "\\".
fn join_escaped(items: &[String]) -> String {
    let escaped: Vec<String> = items
        .iter()
        .map(|item| item.replace('\\', "\\\\").replace(';', "\\;"))
        .collect();
    escaped.join("; ")
}

/// A cell starting with = + - @ (or a tab or carriage return) runs as a formula when opened in a
/// spreadsheet: a leading apostrophe keeps it text, as OWASP advises for CSV exports.
fn defuse(text: &str) -> String {
    if text.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{text}")
    } else {
        text.to_string()
    }
}
