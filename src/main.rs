use std::process::ExitCode;

use clap::Parser;
use nape::cli::{self, Cli};

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match &cli.command {
        Some(command) => cli::run(&cli, command),
        None => cli::run(&cli, &cli::Command::Check),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(failure) => {
            eprintln!("nape: {failure}");
            ExitCode::from(failure.exit_code())
        }
    }
}
