//! `nape timer ...`: the same cold and heat sessions as the app, from the shell.

use chrono::{DateTime, Local, Utc};
use clap::{Args, Subcommand, ValueEnum};

use super::{Cli, Failure, open_diary_latest, warn};
use crate::diary::{Act, Diary, Done, Refused, SettingsAct, Settled, TimerAction};
use crate::domain::checkin::{Field, parse_rating};
use crate::domain::therapy::limits::bounds;
use crate::domain::therapy::protocol;
use crate::domain::therapy::{EndReason, PackKind, Session, Skin, State, clock, ran};

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

fn pain(text: &Option<String>) -> Result<Option<u8>, Failure> {
    text.as_deref()
        .map(|t| parse_rating(Field::Pain, t).map_err(|e| Failure::BadInput(format!("--{e}"))))
        .transpose()
}

fn local(at: DateTime<Utc>) -> String {
    at.with_timezone(&Local).format("%H:%M").to_string()
}

pub fn run(cli: &Cli, command: &TimerCommand) -> Result<(), Failure> {
    let now = super::now(cli);
    let action = match command {
        TimerCommand::Start(args) => {
            let minutes = match &args.minutes {
                None => None,
                Some(text) => Some(
                    bounds()
                        .session_minutes
                        .check("--minutes", text)
                        .map_err(Failure::BadInput)?,
                ),
            };
            TimerAction::Start {
                kind: match args.kind {
                    KindArg::Cold => PackKind::Cold,
                    KindArg::Heat => PackKind::Heat,
                },
                minutes,
                pain: pain(&args.pain)?,
                anyway: args.anyway,
            }
        }
        TimerCommand::Pause => TimerAction::Pause,
        TimerCommand::Resume => TimerAction::Resume,
        TimerCommand::Stop { pain: p } => TimerAction::Stop { pain: pain(p)? },
        TimerCommand::Status => TimerAction::Settle,
        TimerCommand::Skin { feel } => TimerAction::Skin(match feel {
            SkinArg::Cold => Skin::Cold,
            SkinArg::Burning => Skin::Burning,
            SkinArg::Aching => Skin::Aching,
            SkinArg::Numb => Skin::Numb,
        }),
        TimerCommand::Rate { pain: text } => TimerAction::Rate {
            session: None,
            pain: pain(&Some(text.clone()))?,
        },
    };
    let mut diary = open_diary_latest(cli, now)?;
    // What time did to the running session is said first, whatever comes next.
    if let Ok(done) = diary.timer(TimerAction::Settle, now) {
        warn(&done.outcome.notices);
        settled(&done, now)?;
    }
    if let TimerCommand::Status = command {
        return status(&diary, now);
    }
    let reasons = match action {
        TimerAction::Start { kind, anyway, .. } if anyway => diary.cautions(kind, now),
        _ => Vec::new(),
    };
    let done = diary.timer(action, now).map_err(refused)?;
    warn(&done.outcome.notices);
    for reason in &reasons {
        say!("Starting anyway, although {reason}.")?;
    }
    // The session calls for the person when it needs them, with or without the app: from its
    // start, and again from a resume (a paused session has no waiter).
    if matches!(action, TimerAction::Start { .. } | TimerAction::Resume)
        && let (Ok(data), Ok(state)) = (super::data_dir(cli), super::state_dir(cli))
    {
        super::waiter::spawn(&data, &state);
    }
    if let TimerAction::Start { kind, .. } = action {
        show_notes_once(&mut diary, kind, now)?;
    }
    said(command, &done, now)
}

/// Why an action was refused, with the command that helps.
fn refused(refusal: Refused) -> Failure {
    let text = match refusal {
        Refused::Saving(e) => return Failure::from(e),
        Refused::Locked(sentence) => format!("{sentence} {}", super::unlock()),
        Refused::Running(_) => format!("{refusal}; `nape timer stop` ends it."),
        Refused::Cautions(_) => {
            format!("not started: {refusal}. Add --anyway to start it regardless.")
        }
        Refused::NoneEnded => {
            format!("{refusal} (to end the running one: nape timer stop --pain N)")
        }
        _ => format!("{refusal}."),
    };
    Failure::Other(text)
}

/// What the settling of the running session did, if anything.
fn settled(done: &Done, now: DateTime<Utc>) -> Result<(), Failure> {
    let s = &done.session.body;
    match done.settled {
        Some(Settled::StartMoved) => {
            say!("The session's start was ahead of this clock: it counts from now.")?
        }
        Some(Settled::Finished) => {
            let ended = s.ended_at.unwrap_or(now);
            let ago = match (now - ended).num_minutes() {
                0 => "just now".to_string(),
                1 => "1 minute ago".to_string(),
                n => format!("{n} minutes ago"),
            };
            say!(
                "{} session ended {ago} (at {}).",
                s.kind.name(),
                local(ended)
            )?
        }
        None => {}
    }
    Ok(())
}

fn status(diary: &Diary, now: DateTime<Utc>) -> Result<(), Failure> {
    match diary.running() {
        Some(r) => say!("{}", describe(&r.body, now))?,
        None => say!("No session running. Now: {}.", diary.recommend(now).1)?,
    }
    if let Some(mark) = diary.skin_check_due(now) {
        say!("{}", skin_check_question(mark))?;
    }
    Ok(())
}

/// What an action carried out says.
fn said(command: &TimerCommand, done: &Done, now: DateTime<Utc>) -> Result<(), Failure> {
    let s = &done.session.body;
    let kind = s.kind.name();
    match command {
        TimerCommand::Start(_) => {
            let minutes = s.planned().num_minutes();
            let end = s.started_at + s.planned();
            say!(
                "{kind} session started: {minutes} minutes, until {}.",
                local(end)
            )?;
        }
        TimerCommand::Stop { .. } => say!("{kind} session stopped after {}.", ran(s.elapsed(now)))?,
        TimerCommand::Skin { .. } if s.end_reason == Some(EndReason::Numb) => {
            say!("Stopped: numb skin. Take the pack off and let the skin warm up.")?
        }
        TimerCommand::Skin { .. } => {
            let mark = done.mark.unwrap_or_default();
            say!("Skin check at {mark} minutes noted. Keep checking as you go.")?
        }
        TimerCommand::Rate { pain } => say!(
            "Pain after the {} session: {}.",
            kind.to_lowercase(),
            pain.trim()
        )?,
        _ => say!("{}", describe(s, now))?,
    }
    Ok(())
}

/// What `nape timer status` says while a skin check is due.
fn skin_check_question(mark: u32) -> String {
    format!(
        "Skin check due ({mark} minutes): how does the skin feel? \
         `nape timer skin cold|burning|aching|numb`; at numb, take the pack off."
    )
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

/// The first time a kind is used, its safety notes are printed, and recorded as seen.
fn show_notes_once(diary: &mut Diary, kind: PackKind, now: DateTime<Utc>) -> Result<(), Failure> {
    if diary.safety_seen(kind) || diary.locked() {
        return Ok(());
    }
    say!("Before your first {} session:", kind.name().to_lowercase())?;
    for note in protocol::notes(kind) {
        say!("- {} [{}]", note.text, note.sources.join(", "))?;
    }
    let read = Act::Settings(SettingsAct::NotesRead(kind));
    warn(&diary.act(read, now)?.notices);
    Ok(())
}
