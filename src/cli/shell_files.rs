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
    Cli::command().mut_subcommand("log", |log| {
        log.mut_arg("locations", ids(vocabulary::LOCATIONS))
            .mut_arg("symptoms", ids(vocabulary::symptom_terms()))
            .mut_arg("context", ids(vocabulary::CONTEXT))
            .mut_arg("treatments", ids(vocabulary::TREATMENTS))
    })
}

pub fn completions(shell: Shell) -> Result<(), Failure> {
    let mut out = Vec::new();
    clap_complete::generate(shell, &mut completed(), "nape", &mut out);
    write(&out)
}

pub fn man() -> Result<(), Failure> {
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
