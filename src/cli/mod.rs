//! The command line: clap definitions, and each subcommand's small driver.

/// `println!` for the subcommands: a line to standard output that cannot be written (a full
/// disk, a closed pipe) is a `Failure`, never a panic. Use with `?`.
macro_rules! say {
    ($($arg:tt)*) => {
        $crate::cli::say(format_args!($($arg)*))
    };
}

mod asking;
mod assess;
mod check;
mod entries;
mod exchange;
mod log;
mod opening;
mod play;
mod report;
mod routines;
mod shell_files;
mod spreadsheet;
mod status;
mod timer;
pub mod waiter;

pub use asking::{ask, ask_with, ask_yes};
pub use opening::{
    data_dir, library, now, open_diary, open_diary_latest, open_diary_latest_quietly,
    open_diary_quietly, open_store, open_store_quietly, state_dir, tell_problems,
};

use std::fmt;
use std::io::{self, Write};
use std::path::PathBuf;

use clap::{Parser, Subcommand, ValueEnum};

use crate::domain::vocabulary;
use crate::store::{Notice, StoreError};

#[derive(Parser, Debug)]
#[command(
    name = "nape",
    version,
    about = "A terminal self-care coach for neck pain: check-ins, cold and heat timers, stretches, \
             red flags and trends. Not a medical device: it gives no diagnosis and no doses.",
    after_help = "With no command, nape opens the full-screen app."
)]
pub struct Cli {
    /// Where the diary lives (default: the platform's data folder).
    #[arg(long, global = true, env = "NAPE_DATA_DIR", value_name = "PATH")]
    pub data_dir: Option<PathBuf>,
    /// Where your own routine files live (settings are kept with the diary).
    #[arg(long, global = true, env = "NAPE_CONFIG_DIR", value_name = "PATH")]
    pub config_dir: Option<PathBuf>,
    /// Where this computer's own state lives: its desk id, the lock and backups (default: the
    /// platform's local state folder; never inside a synced data folder).
    #[arg(long, global = true, env = "NAPE_STATE_DIR", value_name = "PATH")]
    pub state_dir: Option<PathBuf>,
    /// In the app, leave the mouse to the terminal (to select text without holding Shift)
    /// rather than click tabs, rows and keys and scroll with the wheel.
    #[arg(long, env = "NAPE_NO_MOUSE", value_parser = clap::builder::BoolishValueParser::new())]
    pub no_mouse: bool,
    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Subcommand, Debug)]
pub enum Command {
    /// Add a check-in without opening the app.
    #[command(after_help = log_help())]
    Log(Box<log::LogArgs>),
    /// The check-ins of the last days (or one day), a line each, with their short ids.
    List(entries::ListArgs),
    /// One check-in in full, by its id or short id.
    Show(entries::ShowArgs),
    /// Change a check-in, by its id or short id: what is given changes, the rest stays.
    Edit(Box<entries::EditArgs>),
    /// Delete a check-in, by its id or short id (asks first on a terminal).
    Delete(entries::DeleteArgs),
    /// Record that a clinician has assessed the warning signs reported (asks first on a
    /// terminal): it lifts the lock they put on timers and stretches.
    Assess(assess::AssessArgs),
    /// The waiter a session's start leaves behind (started by nape, not by hand).
    #[command(hide = true)]
    Waiter {
        /// The terminal to ring, opened only to ring it (holding it open would keep a closed
        /// terminal's session from ending).
        #[arg(long, value_name = "PATH")]
        bell: Option<std::path::PathBuf>,
    },
    /// Take back the last change to a check-in made on this computer (by the app or the shell),
    /// and say what it was; again, the one before.
    Undo,
    /// Write the diary to standard output.
    Export(exchange::ExportArgs),
    /// Merge a JSON export into the diary (records already present are kept).
    Import(exchange::ImportArgs),
    /// Read every data file and report what is there and anything wrong.
    Check,
    /// Cold and heat sessions from the shell (the app sees them too).
    #[command(subcommand)]
    Timer(timer::TimerCommand),
    /// Stretch routines: list them, play one in plain lines, or check a routine file of your own.
    #[command(subcommand)]
    Routines(routines::RoutinesCommand),
    /// A summary to hand a clinician (Markdown or a self-contained HTML page).
    Report(report::ReportArgs),
    /// One line for a tmux status bar or a shell prompt; prints nothing when there is nothing to say.
    Status(status::StatusArgs),
    /// Shell completions for nape, ids included: `nape completions bash > ~/.local/share/bash-completion/completions/nape`.
    Completions {
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
    /// The manual page, in roff: `nape man > ~/.local/share/man/man1/nape.1`; with `--dir`,
    /// every command's page (nape-log.1, ...) written into that folder.
    Man {
        /// Write nape.1 and a page for each command into this folder.
        #[arg(long, value_name = "FOLDER")]
        dir: Option<std::path::PathBuf>,
    },
}

fn log_help() -> String {
    format!(
        "Ids for --where: {}\nIds for --symptom: {}\nIds for --context: {}\nIds for --treatment: {}",
        vocabulary::ids(vocabulary::LOCATIONS),
        vocabulary::ids(vocabulary::symptom_terms()),
        vocabulary::ids(vocabulary::CONTEXT),
        vocabulary::ids(vocabulary::TREATMENTS),
    )
}

#[derive(Clone, Copy, Debug, ValueEnum, PartialEq, Eq)]
pub enum Format {
    Json,
    Csv,
}

/// Why a command did not succeed, and so its exit code: 2 for bad input, 1 for anything else.
#[derive(Debug)]
pub enum Failure {
    BadInput(String),
    Other(String),
    /// Whoever read the output has gone (a closed pipe): exit 1 without a word, as other tools do.
    Quiet,
}

impl Failure {
    pub fn exit_code(&self) -> u8 {
        match self {
            Failure::BadInput(_) => 2,
            Failure::Other(_) | Failure::Quiet => 1,
        }
    }

    /// Standard output could not be written.
    pub fn output(e: io::Error) -> Failure {
        match e.kind() {
            io::ErrorKind::BrokenPipe => Failure::Quiet,
            _ => Failure::Other(format!("could not write the output: {e}")),
        }
    }
}

impl fmt::Display for Failure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Failure::BadInput(m) | Failure::Other(m) => f.write_str(m),
            Failure::Quiet => f.write_str("the output was closed"),
        }
    }
}

/// One line to standard output, through `say!`; in ASCII where the locale is not UTF-8.
pub fn say(line: fmt::Arguments) -> Result<(), Failure> {
    let mut out = io::stdout().lock();
    writeln!(out, "{}", plain(line.to_string()))
        .and_then(|()| out.flush())
        .map_err(Failure::output)
}

/// How to lift a lock, from the shell or in the app.
pub fn unlock() -> String {
    let keys = crate::keys::unlock();
    format!("{keys} From the shell: nape assess.")
}

/// A warning on standard error. If even that cannot be written there is no one left to tell.
fn tell(line: fmt::Arguments) {
    let _ = writeln!(
        io::stderr().lock(),
        "nape: warning: {}",
        plain(line.to_string())
    );
}

impl From<StoreError> for Failure {
    fn from(e: StoreError) -> Self {
        Failure::Other(e.to_string())
    }
}

impl From<crate::diary::DiaryError> for Failure {
    fn from(e: crate::diary::DiaryError) -> Self {
        Failure::Other(e.to_string())
    }
}

impl Cli {
    /// The command line of this process, parsed (clap exits with its message on a mistake).
    pub fn from_env() -> Cli {
        Cli::parse_from(joined_times(std::env::args_os().collect()))
    }
}

/// `--at yesterday 08:30` typed without quotes is one time, as the form's When field takes it:
/// a day word or date after `--at` (or `-a`) is joined with an HH:MM that follows. A pain is
/// never HH:MM, so nothing else is taken.
fn joined_times(mut args: Vec<std::ffi::OsString>) -> Vec<std::ffi::OsString> {
    let text = |a: &std::ffi::OsString| a.to_str().map(str::to_lowercase);
    let is_time = |t: &str| {
        let (h, m) = t.split_once(':').unwrap_or_default();
        (1..=2).contains(&h.len())
            && m.len() == 2
            && h.chars().chain(m.chars()).all(|c| c.is_ascii_digit())
    };
    let is_day = |t: &str| {
        t == "yesterday" || t == "today" || chrono::NaiveDate::parse_from_str(t, "%Y-%m-%d").is_ok()
    };
    let mut i = 0;
    while i + 1 < args.len() {
        let (Some(this), Some(next)) = (text(&args[i]), text(&args[i + 1])) else {
            i += 1;
            continue;
        };
        // "--at" "yesterday" "08:30", or "--at=yesterday" "08:30"
        let (day_at, time_at) = match this.strip_prefix("--at=") {
            Some(day) if is_day(day) => (Some(i), i + 1),
            _ if (this == "--at" || this == "-a") && is_day(&next) => (Some(i + 1), i + 2),
            _ => (None, 0),
        };
        if let Some(day_at) = day_at
            && let Some(time) = args.get(time_at).and_then(text)
            && is_time(&time)
        {
            let mut both = args[day_at].clone();
            both.push(" ");
            both.push(&args[time_at]);
            args[day_at] = both;
            args.remove(time_at);
        }
        i += 1;
    }
    args
}

/// The person's locale from the environment, which suggests their emergency number.
pub fn locale() -> String {
    ["LC_ALL", "LC_MESSAGES", "LANG"]
        .iter()
        .find_map(|v| std::env::var(v).ok().filter(|s| !s.is_empty()))
        .unwrap_or_default()
}

/// `text` as the terminal can show it: unchanged, or in ASCII where the locale is not UTF-8.
pub fn plain(text: String) -> String {
    // Anything in it from the diary or a routine file that would act on the terminal is shown
    // escaped, never sent raw.
    let text = crate::domain::text::shown(&text).into_owned();
    if utf8() {
        text
    } else {
        crate::ascii::text(&text)
    }
}

/// Whether the terminal's character set is UTF-8: the locale's charset (LC_ALL, LC_CTYPE, LANG,
/// the first set) names it. With none set the locale is "C", as POSIX says: ASCII only, as for
/// "C", "POSIX" or another charset.
pub fn utf8() -> bool {
    ["LC_ALL", "LC_CTYPE", "LANG"]
        .iter()
        .find_map(|v| std::env::var(v).ok().filter(|s| !s.is_empty()))
        .is_some_and(|locale| {
            let locale = locale.to_ascii_lowercase();
            locale.contains("utf-8") || locale.contains("utf8")
        })
}

pub fn warn(notices: &[Notice]) {
    for notice in notices {
        tell(format_args!("{notice}"));
    }
}

/// Run a subcommand. `None` (the app) is handled by the caller.
pub fn run(cli: &Cli, command: &Command) -> Result<(), Failure> {
    match command {
        Command::Log(args) => log::run(cli, args),
        Command::Export(args) => exchange::export(cli, args),
        Command::Import(args) => exchange::import(cli, args),
        Command::Check => check::run(cli),
        Command::Timer(command) => timer::run(cli, command),
        Command::Status(args) => status::run(cli, args),
        Command::List(args) => entries::list(cli, args),
        Command::Show(args) => entries::show(cli, args),
        Command::Delete(args) => entries::delete(cli, args),
        Command::Edit(args) => entries::edit(cli, args),
        Command::Undo => entries::undo(cli),
        Command::Waiter { bell } => waiter::wait(cli, bell.as_deref()),
        Command::Assess(args) => assess::assess(cli, args),
        Command::Completions { shell } => shell_files::completions(*shell),
        Command::Man { dir } => shell_files::man(dir.as_deref()),
        Command::Routines(command) => routines::run(cli, command),
        Command::Report(args) => report::run(cli, args),
    }
}
