//! `nape timer ...`: the same cold and heat sessions as the app, from the shell.

use chrono::{DateTime, Duration, Local, Utc};
use clap::{Args, Subcommand, ValueEnum};

use super::{Cli, Failure, open_store, warn};
use crate::clock::Zone;
use crate::domain::checkin::{CheckIn, Field, parse_rating};
use crate::domain::redflag::{self, ActiveFlag, Assessment};
use crate::domain::settings::Settings;
use crate::domain::therapy::limits::{Limits, bounds};
use crate::domain::therapy::protocol;
use crate::domain::therapy::{EndReason, PackKind, Session, State, clock};
use crate::store::{DateRange, Kind, Record, Store};

#[derive(Subcommand, Debug)]
pub enum TimerCommand {
    /// Start a cold or heat session.
    Start(StartArgs),
    /// Pause the running session.
    Pause,
    /// Resume the paused session.
    Resume,
    /// Stop the running session early.
    Stop {
        /// Pain now, after the session (0-10).
        #[arg(long, value_name = "0-10", allow_hyphen_values = true)]
        pain: Option<String>,
    },
    /// Show the running session, or what is recommended now.
    Status,
}

#[derive(Clone, Copy, Debug, ValueEnum)]
pub enum KindArg {
    Cold,
    Heat,
}

#[derive(Args, Debug)]
pub struct StartArgs {
    kind: KindArg,
    /// Session length (5-20; default from your settings, normally 15).
    #[arg(long, value_name = "N", allow_hyphen_values = true)]
    minutes: Option<String>,
    /// Pain now, before the session (0-10).
    #[arg(long, value_name = "0-10", allow_hyphen_values = true)]
    pain: Option<String>,
    /// Start even though the protocol advises against it now (the reason is printed).
    #[arg(long)]
    anyway: bool,
}

/// What the timer commands need from the diary.
pub(super) struct Diary {
    pub(super) store: crate::store::DiskStore,
    settings: Option<Record<Settings>>,
    sessions: Vec<Record<Session>>,
}

impl Diary {
    fn open(cli: &Cli, since: Option<chrono::NaiveDate>) -> Result<Diary, Failure> {
        Diary::open_with(open_store(cli)?, since)
    }

    /// For `nape status`: only the folders are checked at start, to keep it cheap.
    pub(super) fn open_light(
        cli: &Cli,
        since: Option<chrono::NaiveDate>,
    ) -> Result<Diary, Failure> {
        let (store, notices) = crate::store::DiskStore::open_light(super::data_dir(cli)?)?;
        warn(&notices);
        Diary::open_with(store, since)
    }

    fn open_with(
        store: crate::store::DiskStore,
        since: Option<chrono::NaiveDate>,
    ) -> Result<Diary, Failure> {
        let s: &dyn Store = &store;
        let range = DateRange { since, until: None };
        let mut sessions = load::<Session>(s, range)?;
        sessions.sort_by_key(|r| (r.body.started_at, r.id));
        let settings = load::<Settings>(s, DateRange::ALL)?
            .into_iter()
            .max_by_key(|r| r.updated_at);
        Ok(Diary {
            store,
            settings,
            sessions,
        })
    }

    fn limits(&self) -> Limits {
        self.settings
            .as_ref()
            .map_or(Limits::new(None, None, None), |s| s.body.limits())
    }

    pub(super) fn running(&self) -> Option<Record<Session>> {
        self.sessions
            .iter()
            .rev()
            .find(|s| s.body.ended_at.is_none())
            .cloned()
    }

    fn episode_start(&self) -> Option<DateTime<Utc>> {
        Zone::Local.start_of(self.settings.as_ref()?.body.onset?)
    }

    /// Warning signs from check-ins since `since` (the whole history for decisions), and those
    /// check-ins.
    pub(super) fn flags(
        &self,
        since: Option<chrono::NaiveDate>,
        now: DateTime<Utc>,
    ) -> Result<(Vec<ActiveFlag>, Vec<Record<CheckIn>>), Failure> {
        let s: &dyn Store = &self.store;
        let range = DateRange { since, until: None };
        let mut checkins = load::<CheckIn>(s, range)?;
        checkins.sort_by_key(|r| r.body.at);
        let assessed: Vec<_> = load::<Assessment>(s, DateRange::ALL)?
            .iter()
            .map(|a| a.body.at)
            .collect();
        let history: Vec<_> = checkins.iter().map(|r| (r.date, &r.body)).collect();
        let fallback = Settings::new("112", None);
        let settings = self.settings.as_ref().map_or(&fallback, |s| &s.body);
        let flags = redflag::evaluate(&history, &assessed, settings, now, Zone::Local.date(now));
        Ok((flags, checkins))
    }

    /// Save a session, and keep this copy of the diary in step so it need not be read again.
    fn save(&mut self, record: &Record<Session>, new: bool) -> Result<(), Failure> {
        let s: &dyn Store = &self.store;
        let applied = if new {
            s.add(record)?
        } else {
            s.update(record)?
        };
        warn(&applied.notices);
        match self.sessions.iter_mut().find(|r| r.id == record.id) {
            Some(slot) => *slot = record.clone(),
            None => self.sessions.push(record.clone()),
        }
        Ok(())
    }
}

pub(super) fn load<T: Kind>(
    store: &dyn Store,
    range: DateRange,
) -> Result<Vec<Record<T>>, Failure> {
    let loaded = store.load_kind::<T>(range)?;
    warn(&loaded.notices);
    for damage in &loaded.damage {
        eprintln!("nape: warning: {damage}");
    }
    Ok(loaded.records)
}

fn pain(text: &Option<String>) -> Result<Option<u8>, Failure> {
    text.as_deref()
        .map(|t| parse_rating(Field::Pain, t).map_err(|e| Failure::BadInput(format!("--{e}"))))
        .transpose()
}

fn local(at: DateTime<Utc>) -> String {
    at.with_timezone(&Local).format("%H:%M").to_string()
}

pub fn run(cli: &Cli, command: &TimerCommand) -> Result<(), Failure> {
    let now = Utc::now();
    match command {
        TimerCommand::Start(args) => start(cli, args, now),
        TimerCommand::Pause | TimerCommand::Resume | TimerCommand::Stop { .. } => {
            change(cli, command, now)
        }
        TimerCommand::Status => {
            let mut diary = Diary::open(cli, None)?;
            finish_if_due(&mut diary, now)?;
            match diary.running() {
                Some(r) => println!("{}", describe(&r.body, now)),
                None => {
                    let (_, why) = protocol::recommend(diary.episode_start(), now, &diary.limits());
                    println!("No session running. Now: {why}.");
                }
            }
            Ok(())
        }
    }
}

fn describe(s: &Session, now: DateTime<Utc>) -> String {
    let kind = s.kind.name();
    match s.state(now) {
        State::Running { left } => format!(
            "{kind}: {} left of {} (started {}).",
            clock(left),
            clock(s.planned()),
            local(s.started_at)
        ),
        State::Paused { left } => format!("{kind}: paused with {} left.", clock(left)),
        State::Due | State::Ended => format!("{kind}: time is up."),
    }
}

/// A session whose time ran out while nothing was watching is closed at its planned end.
fn finish_if_due(diary: &mut Diary, now: DateTime<Utc>) -> Result<(), Failure> {
    if let Some(mut record) = diary.running()
        && record.body.finish_if_due(now)
    {
        record.updated_at = now;
        diary.save(&record, false)?;
        let ended = record.body.ended_at.unwrap_or(now);
        let ago = (now - ended).num_minutes();
        println!(
            "{} session ended {ago} minutes ago (at {}).",
            record.body.kind.name(),
            local(ended)
        );
    }
    Ok(())
}

fn start(cli: &Cli, args: &StartArgs, now: DateTime<Utc>) -> Result<(), Failure> {
    let kind = match args.kind {
        KindArg::Cold => PackKind::Cold,
        KindArg::Heat => PackKind::Heat,
    };
    let before = pain(&args.pain)?;
    let mut diary = Diary::open(cli, None)?;
    let limits = diary.limits();
    let minutes = match &args.minutes {
        None => limits.session_minutes,
        Some(text) => bounds()
            .session_minutes
            .check("--minutes", text)
            .map_err(Failure::BadInput)?,
    };
    if let Some(flag) = diary.flags(None, now)?.0.iter().find(|f| f.locks()) {
        return Err(Failure::Other(format!(
            "timers are locked: {} ({}). {} Once a clinician has assessed you, record it in the app (Red flags, a).",
            flag.def.short,
            flag.reason,
            flag.def.advice(
                diary
                    .settings
                    .as_ref()
                    .map_or("112", |s| s.body.emergency_number.as_str())
            )
        )));
    }
    finish_if_due(&mut diary, now)?;
    if let Some(running) = diary.running() {
        return Err(Failure::Other(format!(
            "a {} session is already running; `nape timer stop` ends it.",
            running.body.kind.name().to_lowercase()
        )));
    }
    let reasons = protocol::cautions(
        kind,
        diary.episode_start(),
        diary.sessions.iter().map(|r| &r.body),
        now,
        &limits,
    );
    if !reasons.is_empty() && !args.anyway {
        return Err(Failure::Other(format!(
            "not started: {}. Add --anyway to start it regardless.",
            reasons.join("; ")
        )));
    }
    for reason in &reasons {
        println!("Starting anyway, although {reason}.");
    }
    show_notes_once(&diary, kind, now)?;
    let mut session = Session::new(kind, minutes, now);
    session.pain_before = before;
    let record = Record::new(session, Zone::Local.date(now), now);
    diary.save(&record, true)?;
    let end = now + Duration::minutes(minutes);
    println!(
        "{} session started: {minutes} minutes, until {}.",
        kind.name(),
        local(end)
    );
    Ok(())
}

/// The first time a kind is used, its safety notes are printed, and recorded as seen.
fn show_notes_once(diary: &Diary, kind: PackKind, now: DateTime<Utc>) -> Result<(), Failure> {
    if diary
        .settings
        .as_ref()
        .is_some_and(|s| s.body.safety_seen.contains(&kind))
    {
        return Ok(());
    }
    println!("Before your first {} session:", kind.name().to_lowercase());
    for note in protocol::notes(kind) {
        println!("- {} [{}]", note.text, note.sources.join(", "));
    }
    if let Some(mut settings) = diary.settings.clone() {
        settings.body.safety_seen.push(kind);
        settings.updated_at = now;
        let s: &dyn Store = &diary.store;
        s.update(&settings)?;
    }
    Ok(())
}

fn change(cli: &Cli, command: &TimerCommand, now: DateTime<Utc>) -> Result<(), Failure> {
    let after = match command {
        TimerCommand::Stop { pain: p } => pain(p)?,
        _ => None,
    };
    let mut diary = Diary::open(cli, None)?;
    finish_if_due(&mut diary, now)?;
    let Some(mut record) = diary.running() else {
        return Err(Failure::Other("no session is running.".into()));
    };
    let s = &mut record.body;
    let result = match command {
        TimerCommand::Pause => s.pause(now),
        TimerCommand::Resume => s.resume(now),
        _ => s
            .stop(now, EndReason::Stopped)
            .map(|()| s.pain_after = after),
    };
    result.map_err(|e| Failure::Other(format!("{e}.")))?;
    record.updated_at = now;
    diary.save(&record, false)?;
    println!(
        "{}",
        match command {
            TimerCommand::Stop { .. } => format!(
                "{} session stopped after {}.",
                record.body.kind.name(),
                clock(record.body.elapsed(now))
            ),
            _ => describe(&record.body, now),
        }
    );
    Ok(())
}
