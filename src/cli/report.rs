//! `nape report`: the diary over a period as a summary to hand a clinician, in Markdown or as a
//! self-contained HTML page, to standard output or a file.

use std::io::Write;
use std::path::PathBuf;

use chrono::{Local, NaiveDate, Utc};
use clap::{Args, ValueEnum};

use super::{Cli, Failure, open_diary};
use crate::report::{self, Request};

#[derive(Clone, Copy, Debug, ValueEnum, PartialEq, Eq)]
pub enum ReportFormat {
    Md,
    Html,
}

#[derive(Args, Debug)]
pub struct ReportArgs {
    /// How many days to cover, ending today (1-36500).
    #[arg(long, default_value_t = 30, value_parser = clap::value_parser!(u32).range(1..=36500))]
    days: u32,
    #[arg(long, value_enum, default_value = "md")]
    format: ReportFormat,
    /// Write to this file (readable by you alone) instead of standard output.
    #[arg(long, short, value_name = "FILE")]
    output: Option<PathBuf>,
    /// Leave your notes out.
    #[arg(long)]
    no_notes: bool,
    /// The last day to cover, YYYY-MM-DD (default today).
    #[arg(long, value_name = "DATE", value_parser = parse_date)]
    until: Option<NaiveDate>,
}

fn parse_date(text: &str) -> Result<NaiveDate, String> {
    NaiveDate::parse_from_str(text, "%Y-%m-%d")
        .map_err(|_| format!("must be a date like 2026-03-14 (got \"{text}\")"))
}

pub fn run(cli: &Cli, args: &ReportArgs) -> Result<(), Failure> {
    let now = Utc::now();
    let diary = open_diary(cli, now)?;
    let request = Request {
        to: args
            .until
            .unwrap_or_else(|| now.with_timezone(&Local).date_naive()),
        days: args.days,
        notes: !args.no_notes,
    };
    let built = report::build(&diary, request);
    let text = match args.format {
        ReportFormat::Md => report::markdown(&built),
        ReportFormat::Html => report::html(&built),
    };
    match &args.output {
        None => {
            let mut out = std::io::stdout().lock();
            out.write_all(text.as_bytes())
                .and_then(|()| out.flush())
                .map_err(Failure::output)
        }
        Some(path) => {
            write_private(path, text.as_bytes())
                .map_err(|e| Failure::Other(format!("could not write {}: {e}", path.display())))?;
            say!("Report written to {}", path.display())
        }
    }
}

/// Health data: a new file is created readable by its owner alone.
fn write_private(path: &std::path::Path, bytes: &[u8]) -> std::io::Result<()> {
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create(true).truncate(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
    let mut file = options.open(path)?;
    file.write_all(bytes)?;
    file.sync_all()
}
