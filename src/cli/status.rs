//! `nape status`: one line for a tmux status bar or a shell prompt. It asks the same diary as the
//! app, so the level it shows is the level the app's banner shows.

use clap::Args;

use chrono::{DateTime, Duration, Utc};

use super::{Cli, Failure, open_diary_latest};
use crate::diary::Diary;
use crate::domain::redflag::Level;
use crate::domain::stretch::RoutineSession;
use crate::domain::therapy::{Session, State, clock};
use crate::record::Record;

#[derive(Args, Debug)]
pub struct StatusArgs {
    /// A template of text and placeholders (default: the timer, today's last pain and the
    /// warning level, joined by " · "): {timer} the running session ("❄ 12:05"), {kind} cold or
    /// heat, {left} its time left, {routine} a stretch routine playing ("Desk reset ~2:10 left"), {state} "paused", "skin check due" or "done", {pain} today's
    /// last pain, {flag} the most urgent warning level not yet assessed ("‼ EMERGENCY"), {signs}
    /// the names of those signs. An unknown placeholder is refused.
    #[arg(long, value_name = "TEMPLATE")]
    format: Option<String>,
    /// Everything as one JSON object instead (for waybar, polybar, i3blocks and scripts): the
    /// warning level and why, the emergency number, the running session and routine with their
    /// time left, prompts due, the last check-in.
    #[arg(long, conflicts_with = "format")]
    json: bool,
}

const PLACEHOLDERS: [&str; 8] = [
    "{timer}",
    "{kind}",
    "{left}",
    "{state}",
    "{pain}",
    "{flag}",
    "{signs}",
    "{routine}",
];

/// Every "{word}" in `template` must be a placeholder: a typo would otherwise print as is.
fn check_template(template: &str) -> Result<(), Failure> {
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        let Some(close) = rest[open..].find('}') else {
            break;
        };
        let word = &rest[open..open + close + 1];
        if !PLACEHOLDERS.contains(&word) {
            return Err(Failure::BadInput(format!(
                "unknown placeholder {word} in --format; use {}",
                PLACEHOLDERS.join(" ")
            )));
        }
        rest = &rest[open + close + 1..];
    }
    Ok(())
}

/// One line for a status bar: the running timer, today's last pain, the active flag level.
pub fn run(cli: &Cli, args: &StatusArgs) -> Result<(), Failure> {
    if let Some(template) = &args.format {
        check_template(template)?;
    }
    let now = super::now(cli);
    // A status bar asking before the first check-in: an empty diary, and no folder made.
    let diary = match super::data_dir(cli)?.exists() {
        true => open_diary_latest(cli, now)?,
        false => Diary::open(
            Box::new(crate::store::MemoryStore::new()),
            crate::clock::Zone::Local,
            &super::locale(),
            now,
        ),
    };
    let today = diary.zone().date(now);
    let pain = diary
        .checkins_on(today)
        .max_by_key(|r| r.body.at)
        .map(|r| r.body.pain.to_string())
        .unwrap_or_default();
    let (kind, left, state) = match session(&diary, now) {
        Some((s, state, left)) => (s.kind.symbol(), clock(left), state.word()),
        None => ("", String::new(), ""),
    };
    // {kind} is the word, as the placeholder's help says; the mark is in {timer}.
    let kind_word = (diary.running()).map_or(String::new(), |r| r.body.kind.name().to_lowercase());
    let timer = match (kind, state) {
        ("", _) => String::new(),
        (kind, "") => format!("{kind} {left}"),
        (kind, state) => format!("{kind} {left} {state}"),
    };
    // Its pauses are recorded at its end, so the time left while it plays is about.
    let routine = diary.playing(now).map_or(String::new(), |r| {
        format!("{} ~{} left", r.body.name, clock(routine_left(r, now)))
    });
    let open: Vec<_> = diary
        .flags()
        .iter()
        .filter(|f| f.assessed_at.is_none())
        .collect();
    let flag = match level(&diary) {
        Ok(level) => level.map(Level::tag).unwrap_or_default(),
        Err(NotChecked) => "! SIGNS NOT CHECKED".to_string(),
    };
    let signs: Vec<&str> = open.iter().map(|f| f.def.short.as_str()).collect();
    if args.json {
        return say!("{}", json(&diary, now, &signs));
    }
    let line = match &args.format {
        // Nothing to say in any placeholder: nothing printed, as without a template.
        Some(_)
            if [&timer, &pain, &flag, &routine]
                .iter()
                .all(|v| v.is_empty())
                && signs.is_empty() =>
        {
            String::new()
        }
        Some(template) => template
            .replace("{timer}", &timer)
            .replace("{kind}", &kind_word)
            .replace("{left}", &left)
            .replace("{state}", state)
            .replace("{pain}", &pain)
            .replace("{flag}", &flag)
            .replace("{signs}", &signs.join(", "))
            .replace("{routine}", &routine),
        None => {
            let pain = if pain.is_empty() {
                String::new()
            } else {
                format!("pain {pain}")
            };
            [timer, routine, pain, flag]
                .into_iter()
                .filter(|p| !p.is_empty())
                .collect::<Vec<_>>()
                .join(" · ")
        }
    };
    if !line.trim().is_empty() {
        say!("{}", line.trim())?;
    }
    Ok(())
}

/// Part of the diary could not be read: no "all clear" can be given.
struct NotChecked;

/// The most urgent warning level not yet assessed (one that locks first).
fn level(diary: &Diary) -> Result<Option<Level>, NotChecked> {
    let open = diary.flags().iter().find(|f| f.assessed_at.is_none());
    match (open, diary.unchecked()) {
        (Some(top), _) if top.locks() => Ok(Some(top.def.level)),
        (_, Some(_)) => Err(NotChecked),
        (top, None) => Ok(top.map(|f| f.def.level)),
    }
}

/// What the running session is doing, as a status bar says it.
#[derive(Clone, Copy)]
enum Doing {
    Running,
    SkinCheckDue,
    Paused,
    Done,
}

impl Doing {
    /// In a status line: nothing while it simply runs.
    fn word(self) -> &'static str {
        match self {
            Doing::Running => "",
            Doing::SkinCheckDue => "skin check due",
            Doing::Paused => "paused",
            Doing::Done => "done",
        }
    }

    fn id(self) -> &'static str {
        match self {
            Doing::Running => "running",
            Doing::SkinCheckDue => "skin_check_due",
            Doing::Paused => "paused",
            Doing::Done => "done",
        }
    }
}

/// The running session, what it is doing and its time left.
fn session(diary: &Diary, now: DateTime<Utc>) -> Option<(&Session, Doing, Duration)> {
    let s = &diary.running()?.body;
    Some(match s.state(now) {
        State::Running { left } if diary.skin_check_due(now).is_some() => {
            (s, Doing::SkinCheckDue, left)
        }
        State::Running { left } => (s, Doing::Running, left),
        State::Paused { left } => (s, Doing::Paused, left),
        _ => (s, Doing::Done, Duration::zero()),
    })
}

/// A playing routine's time left, if played straight on (its pauses are not counted in).
fn routine_left(r: &Record<RoutineSession>, now: DateTime<Utc>) -> Duration {
    Duration::seconds((i64::from(r.body.planned_secs) - r.body.duration_secs(now)).max(0))
}

/// The status as one JSON object: what a status bar or a script needs to draw its own.
fn json(diary: &Diary, now: DateTime<Utc>, signs: &[&str]) -> String {
    use serde_json::json;
    let level = match level(diary) {
        Ok(level) => json!(level),
        Err(NotChecked) => json!("not_checked"),
    };
    let session = session(diary, now).map(|(s, doing, left)| {
        json!({"kind": s.kind.name().to_lowercase(), "state": doing.id(),
               "left_secs": left.num_seconds(), "left": clock(left)})
    });
    let routine = diary
        .playing(now)
        .map(|r| json!({"name": r.body.name, "left_secs": routine_left(r, now).num_seconds()}));
    let today = diary.zone().date(now);
    let mut prompts = Vec::new();
    if diary.skin_check_due(now).is_some() {
        prompts.push("skin_check");
    }
    if diary.function_due(today) {
        prompts.push("activities_rating");
    }
    let last = diary
        .checkins()
        .last()
        .map(|r| json!({"at": r.body.at, "date": r.date, "pain": r.body.pain}));
    json!({
        "level": level,
        "why": signs,
        "emergency_number": diary.emergency_number(),
        "session": session,
        "routine": routine,
        "prompts": prompts,
        "last_checkin": last,
    })
    .to_string()
}
