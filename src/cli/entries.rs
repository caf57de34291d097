//! Reading and correcting check-ins from the shell: `nape list`, `nape show ID` and `nape delete
//! ID`, by a short id (the shortest prefix, at least 8 characters, that tells every check-in of
//! the diary apart, entries made in the same minute included).

use chrono::{Duration, NaiveDate};
use clap::Args;
use serde_json::json;

use super::{Cli, Failure, open_diary};
use crate::diary::{Act, Diary, Undone};
use crate::domain::checkin::{CheckIn, Draft};
use crate::domain::vocabulary::{self, Term};
use crate::record::Record;

#[derive(Args, Debug)]
pub struct ListArgs {
    /// The last N days, today included (default 7).
    #[arg(long, value_name = "N", conflicts_with = "on")]
    days: Option<u32>,
    /// One day only: YYYY-MM-DD.
    #[arg(long, value_name = "DATE")]
    on: Option<NaiveDate>,
    /// As a JSON array, for scripts.
    #[arg(long)]
    json: bool,
}

#[derive(Args, Debug)]
pub struct ShowArgs {
    /// The check-in's id, or the short id `nape list` shows.
    id: String,
}

#[derive(Args, Debug)]
pub struct EditArgs {
    /// The check-in's id, or the short id `nape list` shows.
    id: String,
    /// Pain now, 0-10.
    #[arg(long, value_name = "0-10", allow_hyphen_values = true)]
    pain: Option<String>,
    /// What else to change, as `nape log` takes it; what is not given stays as it was.
    #[command(flatten)]
    answers: super::log::Answers,
}

#[derive(Args, Debug)]
pub struct DeleteArgs {
    /// The check-in's id, or the short id `nape list` shows.
    id: String,
    /// Delete without asking (needed where there is no terminal to ask on).
    #[arg(long)]
    yes: bool,
}

/// How many characters of the ids tell every check-in apart (at least 8).
fn short_len(diary: &Diary) -> usize {
    diary.id_len()
}

fn labels(terms: &[Term], ids: &[String]) -> String {
    let named = ids
        .iter()
        .map(|id| vocabulary::label(terms, id).unwrap_or(id));
    named.collect::<Vec<_>>().join(", ")
}

/// One check-in in one line: short id, day and time, pain, places, symptoms, the note's start.
fn line(diary: &Diary, r: &Record<CheckIn>, short: usize) -> String {
    let c = &r.body;
    let time = diary.zone().clock_of(c.at, c.offset, "%H:%M");
    let mut parts = vec![
        format!("{}  {} {time}", &r.id.simple().to_string()[..short], r.date),
        format!("pain {}", c.pain),
    ];
    parts.extend((!c.locations.is_empty()).then(|| labels(vocabulary::LOCATIONS, &c.locations)));
    let symptoms = labels(vocabulary::symptom_terms(), &c.symptoms);
    parts.extend((!symptoms.is_empty()).then_some(symptoms));
    if let Some(note) = &c.note {
        let first = note.lines().next().unwrap_or("");
        let more = if note.lines().count() > 1 { " …" } else { "" };
        parts.push(format!("“{first}{more}”"));
    }
    parts.join("  ")
}

pub fn list(cli: &Cli, args: &ListArgs) -> Result<(), Failure> {
    let now = super::now(cli);
    let mut diary = super::open_diary_latest(cli, now)?;
    let today = diary.zone().date(now);
    let (from, to) = match args.on {
        Some(day) => (day, day),
        None => {
            let days = i64::from(args.days.unwrap_or(7).max(1));
            (today - Duration::days(days - 1), today)
        }
    };
    // Entries dated a day around `from` may be listed under it where they were made.
    diary.reach(from - Duration::days(1), now);
    let short = short_len(&diary);
    let shown: Vec<&Record<CheckIn>> = (diary.checkins().iter())
        .filter(|r| (from..=to).contains(&r.date))
        .collect();
    if args.json {
        let rows: Vec<_> = (shown.iter())
            .map(|r| {
                let c = &r.body;
                json!({"id": r.id, "short": &r.id.simple().to_string()[..short],
                       "date": r.date, "at": c.at, "pain": c.pain, "worst": c.worst,
                       "stiffness": c.stiffness, "where": c.locations, "symptoms": c.symptoms,
                       "note": c.note})
            })
            .collect();
        let text =
            serde_json::to_string_pretty(&rows).map_err(|e| Failure::Other(e.to_string()))?;
        return say!("{}", crate::domain::text::json_escaped(&text));
    }
    for r in shown {
        say!("{}", line(&diary, r, short))?;
    }
    Ok(())
}

/// The check-in `typed` names: its id, or a prefix of it that only it has.
fn find<'a>(diary: &'a Diary, typed: &str) -> Result<&'a Record<CheckIn>, Failure> {
    let typed = typed.trim().to_lowercase().replace('-', "");
    let found: Vec<_> = (diary.checkins().iter())
        .filter(|r| !typed.is_empty() && r.id.simple().to_string().starts_with(&typed))
        .collect();
    match found.as_slice() {
        [one] => Ok(one),
        [] => Err(Failure::BadInput(format!(
            "no check-in has the id {typed}; `nape list` shows them"
        ))),
        _ => Err(Failure::BadInput(format!(
            "{} check-ins have ids starting {typed}: give more of it",
            found.len()
        ))),
    }
}

pub fn show(cli: &Cli, args: &ShowArgs) -> Result<(), Failure> {
    let now = super::now(cli);
    let diary = open_diary(cli, now)?;
    let r = find(&diary, &args.id)?;
    let c = &r.body;
    let time = diary.zone().clock_of(c.at, c.offset, "%Y-%m-%d %H:%M");
    say!("{time}  pain {}", c.pain)?;
    let rows = [
        ("worst in the last 24 hours", c.worst.map(|n| n.to_string())),
        ("stiffness", c.stiffness.map(|n| n.to_string())),
        ("where", Some(labels(vocabulary::LOCATIONS, &c.locations))),
        (
            "symptoms",
            Some(labels(vocabulary::symptom_terms(), &c.symptoms)),
        ),
        (
            "what played a part",
            Some(labels(vocabulary::CONTEXT, &c.context)),
        ),
        (
            "what you did",
            Some(labels(vocabulary::TREATMENTS, &c.treatments)),
        ),
        ("medicines", Some(c.medicines.join(", "))),
    ];
    for (name, value) in rows {
        if let Some(value) = value.filter(|v| !v.is_empty()) {
            say!("{name}: {value}")?;
        }
    }
    if let Some(note) = &c.note {
        say!("note:\n{note}")?;
    }
    say!("id: {}", r.id)
}

pub fn delete(cli: &Cli, args: &DeleteArgs) -> Result<(), Failure> {
    let now = super::now(cli);
    let mut diary = open_diary(cli, now)?;
    let r = find(&diary, &args.id)?;
    let (id, pain) = (r.id, r.body.pain);
    let when = (diary.zone()).clock_of(r.body.at, r.body.offset, "%Y-%m-%d %H:%M");
    let question = format!("Delete the {when} check-in, pain {pain}?");
    if !args.yes && !super::ask_yes(&question, "give --yes to delete it")? {
        return say!("Nothing was deleted.");
    }
    diary.act(Act::Delete(id), now)?;
    say!("Deleted the {when} check-in, pain {pain}.")
}

/// Change what is given of a check-in, keeping the rest; `--at` moves it in time.
pub fn edit(cli: &Cli, args: &EditArgs) -> Result<(), Failure> {
    let now = super::now(cli);
    let mut diary = open_diary(cli, now)?;
    let r = find(&diary, &args.id)?.clone();
    let mut draft = Draft::of(&r.body);
    if let Some(pain) = &args.pain {
        draft.pain = pain.clone();
    }
    let mut draft = args.answers.over(draft);
    if args.answers.edit {
        draft.note = super::log::edited(draft.note.as_deref().unwrap_or(""))?;
    }
    let moved = args.answers.at.is_some();
    let act = Act::Edit {
        id: r.id,
        base: r.updated_at,
        draft,
        moved,
    };
    if let Err(e) = diary.act(act, now) {
        return Err(match e {
            crate::diary::DiaryError::Fields(errors) => {
                let lines: Vec<String> = errors.iter().map(|e| format!("--{e}")).collect();
                Failure::BadInput(format!("{}\nNothing was changed.", lines.join("\n")))
            }
            e => e.into(),
        });
    }
    let saved = find(&diary, &args.id)?;
    say!("Changed: {}", line(&diary, saved, short_len(&diary)))
}

/// Take back the last change to a check-in made on this computer, and say what it was.
pub fn undo(cli: &Cli) -> Result<(), Failure> {
    let now = super::now(cli);
    let mut diary = open_diary(cli, now)?;
    let locking = |diary: &Diary| -> Vec<crate::domain::redflag::ActiveFlag> {
        (diary.flags().iter())
            .filter(|f| f.locks())
            .cloned()
            .collect()
    };
    let held = locking(&diary);
    let (undone, outcome) = diary.undo(now).map_err(|e| match e {
        crate::diary::DiaryError::Changed(id) => {
            let entry = (diary.checkins().iter().find(|r| r.id == id))
                .map(|r| {
                    let when = diary
                        .zone()
                        .clock_of(r.body.at, r.body.offset, "%Y-%m-%d %H:%M");
                    format!("the {when} check-in")
                })
                .unwrap_or_else(|| "a check-in deleted since".into());
            Failure::BadInput(format!(
                "the last change made here, to {entry}, has been changed since (in another window \
                 or on another computer): nothing was undone, so that change is kept. nape undo \
                 again takes back the change before it"
            ))
        }
        e => e.into(),
    })?;
    let short = short_len(&diary);
    let when = |r: &Record<CheckIn>| {
        diary
            .zone()
            .clock_of(r.body.at, r.body.offset, "%Y-%m-%d %H:%M")
    };
    match &undone {
        Undone::Added(r) => say!(
            "Undone: the {} check-in, pain {}, that was added is deleted again.",
            when(r),
            r.body.pain
        )?,
        Undone::Edited(r) => say!(
            "Undone: an edit. The check-in is back as it was: {}",
            line(&diary, r, short)
        )?,
        Undone::Deleted(r) => say!(
            "Undone: a delete. The check-in is back: {}",
            line(&diary, r, short)
        )?,
    }
    let after = locking(&diary);
    let lifted: Vec<_> = (held.into_iter())
        .filter(|f| !after.iter().any(|a| a.def.id == f.def.id))
        .collect();
    if !lifted.is_empty() {
        say!(
            "It held {}, not yet assessed: the lock on timers and stretches is lifted.",
            crate::domain::redflag::named(&lifted)
        )?;
    }
    let number = diary.emergency_number().to_string();
    for flag in &outcome.raised {
        say!("{}.", super::log::flag_line(flag, &number))?;
    }
    Ok(())
}
