//! `nape report`: the diary over a period as a summary to hand a clinician, in Markdown or as a
//! self-contained HTML page, to standard output or a file.

use std::io::Write;
use std::path::PathBuf;

use chrono::{Datelike, Local, NaiveDate};
use clap::{Args, ValueEnum};

use super::{Cli, Failure, open_diary};
use crate::domain::checkin::EARLIEST_YEAR;
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
    /// md or html (default: html for an --output ending in .html or .htm, otherwise md).
    #[arg(long, value_enum)]
    format: Option<ReportFormat>,
    /// Write to this file (readable by you alone) instead of standard output ("-" is standard
    /// output).
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
    let now = super::now(cli);
    let today = now.with_timezone(&Local).date_naive();
    let to = args.until.unwrap_or(today);
    if to > today {
        return Err(Failure::BadInput(format!(
            "--until {to} is in the future; a report covers days that have happened"
        )));
    }
    if to.year() < EARLIEST_YEAR {
        return Err(Failure::BadInput(format!(
            "--until must be from {EARLIEST_YEAR} on (got {to})"
        )));
    }
    let output = args.output.as_ref().filter(|p| p.as_os_str() != "-");
    let html_name = output
        .and_then(|p| p.extension())
        .is_some_and(|e| e.eq_ignore_ascii_case("html") || e.eq_ignore_ascii_case("htm"));
    let format = args.format.unwrap_or(match html_name {
        true => ReportFormat::Html,
        false => ReportFormat::Md,
    });
    let diary = open_diary(cli, now)?;
    let request = Request {
        to,
        days: args.days,
        notes: !args.no_notes,
    };
    let built = report::build(&diary, request);
    let text = match format {
        ReportFormat::Md => report::markdown(&built),
        ReportFormat::Html => report::html(&built),
    };
    match output {
        None => {
            let mut out = std::io::stdout().lock();
            out.write_all(text.as_bytes())
                .and_then(|()| out.flush())
                .map_err(Failure::output)
        }
        Some(path) => {
            crate::store::write_output(path, text.as_bytes()).map_err(Failure::Other)?;
            say!("Report written to {}", path.display())
        }
    }
}
