//! `nape timer ...`: the same cold and heat sessions as the app, from the shell.

use chrono::{DateTime, Duration, Local, Utc};
use clap::{Args, Subcommand, ValueEnum};

use super::{Cli, Failure, open_diary, warn};
use crate::diary::{Change, Diary};
use crate::domain::checkin::{Field, parse_rating};
use crate::domain::therapy::limits::bounds;
use crate::domain::therapy::protocol;
use crate::domain::therapy::{EndReason, PackKind, Session, State, clock, ran};
use crate::store::Record;

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
    /// Answer a cold session's skin check: how does the skin feel? At numb the session stops.
    Skin {
        #[arg(value_enum)]
        feel: SkinArg,
    },
    /// Rate your pain after the last session that ended (it replaces a rating given before).
    Rate {
        /// Pain now, after the session (0-10).
        #[arg(long, value_name = "0-10", allow_hyphen_values = true)]
        pain: String,
    },
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum SkinArg {
    Cold,
    Burning,
    Aching,
    Numb,
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

/// Save a session through the diary, printing what the store noticed on the way.
fn save(diary: &mut Diary, change: Change, now: DateTime<Utc>) -> Result<(), Failure> {
    warn(&diary.save(change, now)?.notices);
    Ok(())
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
            let mut diary = open_diary(cli, now)?;
            finish_if_due(&mut diary, now)?;
            match diary.running() {
                Some(r) => say!("{}", describe(&r.body, now))?,
                None => say!("No session running. Now: {}.", diary.recommend(now).1)?,
            }
            if let Some(mark) = diary.skin_check_due(now) {
                say!("{}", skin_check_question(mark))?;
            }
            Ok(())
        }
        TimerCommand::Skin { feel } => skin(cli, *feel, now),
        TimerCommand::Rate { pain: text } => rate(cli, text, now),
    }
}

/// Pain after the session that ended last (one running is stopped first with `stop`).
fn rate(cli: &Cli, text: &str, now: DateTime<Utc>) -> Result<(), Failure> {
    let after = pain(&Some(text.to_string()))?;
    let mut diary = open_diary(cli, now)?;
    finish_if_due(&mut diary, now)?;
    let last = diary
        .sessions()
        .iter()
        .filter(|r| r.body.ended_at.is_some())
        .max_by_key(|r| r.body.ended_at)
        .cloned();
    let Some(mut record) = last else {
        return Err(Failure::Other(
            "no session has ended yet (to end the running one: nape timer stop --pain N)".into(),
        ));
    };
    record.body.pain_after = after;
    record.touch(now);
    let kind = record.body.kind.name().to_lowercase();
    save(&mut diary, Change::update(record), now)?;
    say!("Pain after the {kind} session: {}.", text.trim())?;
    Ok(())
}

/// What `nape timer status` says while a skin check is due.
fn skin_check_question(mark: u32) -> String {
    format!(
        "Skin check due ({mark} minutes): how does the skin feel? \
         `nape timer skin cold|burning|aching|numb`; at numb, take the pack off."
    )
}

fn skin(cli: &Cli, feel: SkinArg, now: DateTime<Utc>) -> Result<(), Failure> {
    let mut diary = open_diary(cli, now)?;
    finish_if_due(&mut diary, now)?;
    let numb = feel == SkinArg::Numb;
    let due = diary.skin_check_due(now);
    let Some(mut record) = diary.running().cloned().filter(|_| due.is_some() || numb) else {
        return Err(Failure::Other("no skin check is due now.".into()));
    };
    let answered = match due {
        Some(mark) => record.body.answer_skin_check(mark, numb, now),
        // Numb skin stops a session whenever it is noticed, check due or not.
        None => record.body.stop(now, EndReason::Numb),
    };
    answered.map_err(|e| Failure::Other(format!("{e}.")))?;
    record.touch(now);
    save(&mut diary, Change::update(record), now)?;
    if numb {
        say!("Stopped: numb skin. Take the pack off and let the skin warm up.")?;
    } else {
        let mark = due.unwrap_or_default();
        say!("Skin check at {mark} minutes noted. Keep checking as you go.")?;
    }
    Ok(())
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
    if let Some(mut record) = diary.running().cloned()
        && record.body.start_not_after(now)
    {
        record.touch(now);
        save(diary, Change::update(record), now)?;
        say!("The session's start was ahead of this clock: it counts from now.")?;
    }
    if let Some(mut record) = diary.running().cloned()
        && record.body.finish_if_due(now)
    {
        record.touch(now);
        save(diary, Change::update(record.clone()), now)?;
        let ended = record.body.ended_at.unwrap_or(now);
        let ago = (now - ended).num_minutes();
        let unit = if ago == 1 { "minute" } else { "minutes" };
        say!(
            "{} session ended {ago} {unit} ago (at {}).",
            record.body.kind.name(),
            local(ended)
        )?;
    }
    Ok(())
}

fn start(cli: &Cli, args: &StartArgs, now: DateTime<Utc>) -> Result<(), Failure> {
    let kind = match args.kind {
        KindArg::Cold => PackKind::Cold,
        KindArg::Heat => PackKind::Heat,
    };
    let before = pain(&args.pain)?;
    let mut diary = open_diary(cli, now)?;
    let limits = diary.limits();
    let minutes = match &args.minutes {
        None => limits.session_minutes,
        Some(text) => bounds()
            .session_minutes
            .check("--minutes", text)
            .map_err(Failure::BadInput)?,
    };
    if let Some(flag) = diary.lock() {
        return Err(Failure::Other(flag.lock_sentence(diary.emergency_number())));
    }
    finish_if_due(&mut diary, now)?;
    if let Some(running) = diary.running() {
        return Err(Failure::Other(format!(
            "a {} session is already running; `nape timer stop` ends it.",
            running.body.kind.name().to_lowercase()
        )));
    }
    let reasons = diary.cautions(kind, now);
    if !reasons.is_empty() && !args.anyway {
        return Err(Failure::Other(format!(
            "not started: {}. Add --anyway to start it regardless.",
            reasons.join("; ")
        )));
    }
    for reason in &reasons {
        say!("Starting anyway, although {reason}.")?;
    }
    show_notes_once(&mut diary, kind, now)?;
    let mut session = Session::new(kind, minutes, now);
    session.pain_before = before;
    let record = Record::new(session, diary.zone().date(now), now);
    save(&mut diary, Change::add(record), now)?;
    let end = now + Duration::minutes(minutes);
    say!(
        "{} session started: {minutes} minutes, until {}.",
        kind.name(),
        local(end)
    )?;
    Ok(())
}

/// The first time a kind is used, its safety notes are printed, and recorded as seen.
fn show_notes_once(diary: &mut Diary, kind: PackKind, now: DateTime<Utc>) -> Result<(), Failure> {
    if diary.safety_seen(kind) {
        return Ok(());
    }
    say!("Before your first {} session:", kind.name().to_lowercase())?;
    for note in protocol::notes(kind) {
        say!("- {} [{}]", note.text, note.sources.join(", "))?;
    }
    if let Some(mut settings) = diary.settings().cloned() {
        settings.body.safety_seen.push(kind);
        settings.touch(now);
        save(diary, Change::update(settings), now)?;
    }
    Ok(())
}

fn change(cli: &Cli, command: &TimerCommand, now: DateTime<Utc>) -> Result<(), Failure> {
    let after = match command {
        TimerCommand::Stop { pain: p } => pain(p)?,
        _ => None,
    };
    let mut diary = open_diary(cli, now)?;
    finish_if_due(&mut diary, now)?;
    let Some(mut record) = diary.running().cloned() else {
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
    record.touch(now);
    save(&mut diary, Change::update(record.clone()), now)?;
    say!(
        "{}",
        match command {
            TimerCommand::Stop { .. } => format!(
                "{} session stopped after {}.",
                record.body.kind.name(),
                ran(record.body.elapsed(now))
            ),
            _ => describe(&record.body, now),
        }
    )?;
    Ok(())
}
