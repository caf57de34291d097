//! `nape routines ...`: the stretch routines nape knows, and a check of a routine file before
//! it goes in the config folder.

use std::path::PathBuf;

use clap::Subcommand;

use super::{Cli, Failure, library};
use crate::domain::settings::DEFAULT_READY_SECS;
use crate::domain::stretch::duration_words;

#[derive(Subcommand, Debug)]
pub enum RoutinesCommand {
    /// List the routines: built in and your own, with any file that could not be used.
    List,
    /// Check a routine file: every mistake, with its field (exit 2), or a summary.
    Check {
        /// The routine file (JSON, as in the README).
        file: PathBuf,
    },
    /// Play a routine in plain lines, one per cue (spoken when cues are voice); Ctrl-C stops.
    Play(super::play::PlayArgs),
}

pub fn run(cli: &Cli, command: &RoutinesCommand) -> Result<(), Failure> {
    let library = library(cli);
    match command {
        RoutinesCommand::Play(args) => super::play::play(cli, args, library),
        RoutinesCommand::List => {
            for r in &library.routines {
                say!(
                    "{:<20} {:<22} {:>11}  {}",
                    r.id,
                    r.name,
                    duration_words(r.total_secs(DEFAULT_READY_SECS)),
                    r.origin
                )?;
            }
            for problem in &library.problems {
                say!("not loaded: {problem}")?;
            }
            Ok(())
        }
        RoutinesCommand::Check { file } => {
            let name = file.display().to_string();
            let text = crate::store::routines::read_one(file)
                .map_err(|why| Failure::BadInput(format!("{name}: {why}")))?;
            match library.check(&name, &text) {
                Ok(r) => {
                    say!(
                        "{name}: \"{}\" (id {}, version {}) is good: {} exercises, {} with {DEFAULT_READY_SECS} s to get ready before each hold.",
                        r.name,
                        r.id,
                        r.version,
                        r.steps.len(),
                        duration_words(r.total_secs(DEFAULT_READY_SECS))
                    )?;
                    Ok(())
                }
                Err(problems) => {
                    let each: Vec<String> = problems.iter().map(ToString::to_string).collect();
                    Err(Failure::BadInput(format!(
                        "{} problem{} found:\n{}",
                        each.len(),
                        if each.len() == 1 { "" } else { "s" },
                        each.join("\n")
                    )))
                }
            }
        }
    }
}
