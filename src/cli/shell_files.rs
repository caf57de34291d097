//! `nape completions SHELL` and `nape man`: what a shell and `man` need, from the command line's
//! own definitions, so they never fall out of step with it. Nothing of the diary is read.

use clap::{Arg, CommandFactory, builder::PossibleValuesParser};
use clap_complete::Shell;

use super::{Cli, Failure};
use crate::domain::vocabulary::{self, Term};

/// The command line as a shell should complete it: the ids `nape log` takes offered as values.
/// (Parsing itself stays lenient: any case, with a suggestion for a typo.)
fn completed() -> clap::Command {
    let ids = |terms: &'static [Term]| {
        move |arg: Arg| arg.value_parser(PossibleValuesParser::new(terms.iter().map(|t| t.id)))
    };
    let answers = |command: clap::Command| {
        command
            .mut_arg("locations", ids(vocabulary::LOCATIONS))
            .mut_arg("symptoms", ids(vocabulary::symptom_terms()))
            .mut_arg("context", ids(vocabulary::CONTEXT))
            .mut_arg("treatments", ids(vocabulary::TREATMENTS))
    };
    // The routines built in (a person's own are theirs to type).
    let built_in = crate::domain::stretch::Library::with_user(&[]);
    let routines: Vec<String> = built_in.routines.iter().map(|r| r.id.clone()).collect();
    Cli::command()
        .mut_subcommand("log", answers)
        .mut_subcommand("edit", answers)
        .mut_subcommand("routines", |command| {
            command.mut_subcommand("play", |play| {
                play.mut_arg("id", |arg| {
                    arg.value_parser(PossibleValuesParser::new(routines))
                })
            })
        })
}

pub fn completions(shell: Shell) -> Result<(), Failure> {
    let mut out = Vec::new();
    clap_complete::generate(shell, &mut completed(), "nape", &mut out);
    write(&out)
}

/// The manual page on standard output, or every page (one per command) into `dir`.
pub fn man(dir: Option<&std::path::Path>) -> Result<(), Failure> {
    if let Some(dir) = dir {
        let failed = |e: std::io::Error| Failure::Other(format!("{}: {e}", dir.display()));
        std::fs::create_dir_all(dir).map_err(failed)?;
        clap_mangen::generate_to(Cli::command(), dir).map_err(failed)?;
        return say!("Manual pages written to {} (man nape).", dir.display());
    }
    let mut out = Vec::new();
    clap_mangen::Man::new(Cli::command())
        .render(&mut out)
        .map_err(Failure::output)?;
    write(&out)
}

fn write(bytes: &[u8]) -> Result<(), Failure> {
    use std::io::Write;
    let mut stdout = std::io::stdout().lock();
    stdout
        .write_all(bytes)
        .and_then(|()| stdout.flush())
        .map_err(Failure::output)
}
