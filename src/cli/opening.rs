//! Where a command's diary comes from: the data and state folders the command line points at,
//! the store opened over them, and the diary read whole or from the index.

use std::path::PathBuf;

use chrono::{DateTime, Utc};

use super::{Cli, Failure, locale, tell, warn};
use crate::clock::Zone;
use crate::diary::Diary;
use crate::store::{DiskStore, Notice};

/// The built-in routines and the person's own, from the config folder.
pub fn library(cli: &Cli) -> crate::domain::stretch::Library {
    let files = crate::store::routines::config_root(cli.config_dir.as_deref())
        .map(|root| crate::store::routines::read(&root))
        .unwrap_or_default();
    crate::domain::stretch::Library::with_user(&files)
}

/// Open the diary the command line points at, printing what opening it fixed.
pub fn open_store(cli: &Cli) -> Result<DiskStore, Failure> {
    let (store, notices) = open_store_quietly(cli)?;
    warn(&notices);
    Ok(store)
}

/// Open the diary and hand back what opening it fixed, for the app to show on screen.
pub fn open_store_quietly(cli: &Cli) -> Result<(DiskStore, Vec<Notice>), Failure> {
    Ok(DiskStore::open(data_dir(cli)?, &state_dir(cli)?)?)
}

/// The time now for a command: never before what a nape on this computer last saw, so a clock
/// set back gives no session its time back (see `store::steady_now`).
pub fn now(cli: &Cli) -> DateTime<Utc> {
    let wall = Utc::now();
    match state_dir(cli) {
        Ok(state) => crate::store::steady_now(&state, wall),
        Err(_) => wall,
    }
}

pub fn state_dir(cli: &Cli) -> Result<PathBuf, Failure> {
    Ok(match &cli.state_dir {
        Some(dir) => dir.clone(),
        None => crate::store::default_state()?,
    })
}

pub fn data_dir(cli: &Cli) -> Result<PathBuf, Failure> {
    Ok(match &cli.data_dir {
        Some(dir) => dir.clone(),
        None => DiskStore::default_root()?,
    })
}

/// The whole diary the command line points at, with what opening and reading it found printed
/// as warnings.
pub fn open_diary(cli: &Cli, now: DateTime<Utc>) -> Result<Diary, Failure> {
    let store = open_store(cli)?;
    Ok(diary_over(store, now))
}

/// As `open_diary`, for a command that needs only the latest weeks (`status`, run every few
/// seconds, `timer`, `log`, `list`): the folders alone are checked at start, and the older
/// records come from the index when it holds (see `Diary::open_latest`).
pub fn open_diary_latest(cli: &Cli, now: DateTime<Utc>) -> Result<Diary, Failure> {
    let diary = open_diary_latest_quietly(cli, now)?;
    tell_problems(&diary);
    Ok(diary)
}

/// As `open_diary_latest`, saying nothing yet of what could not be read (see
/// `open_diary_quietly`).
pub fn open_diary_latest_quietly(cli: &Cli, now: DateTime<Utc>) -> Result<Diary, Failure> {
    let (store, notices) = DiskStore::open_light(data_dir(cli)?, &state_dir(cli)?)?;
    warn(&notices);
    Ok(Diary::open_latest(
        Box::new(store),
        Zone::Local,
        &locale(),
        now,
    ))
}

fn diary_over(store: DiskStore, now: DateTime<Utc>) -> Diary {
    let diary = Diary::open(Box::new(store), Zone::Local, &locale(), now);
    tell_problems(&diary);
    diary
}

/// As `open_diary`, saying nothing yet of what could not be read: for a save, whose own
/// failure says it when it is the same file (`tell_problems` once it succeeded).
pub fn open_diary_quietly(cli: &Cli, now: DateTime<Utc>) -> Result<Diary, Failure> {
    let store = open_store(cli)?;
    Ok(Diary::open(Box::new(store), Zone::Local, &locale(), now))
}

/// What the diary could not read or had to repair, on standard error.
pub fn tell_problems(diary: &Diary) {
    for problem in diary.problems() {
        tell(format_args!("{problem}"));
    }
}
