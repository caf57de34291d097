//! `nape status`: one line for a tmux status bar or a shell prompt. It asks the same diary as the
//! app, so the level it shows is the level the app's banner shows.

use clap::Args;

use super::{Cli, Failure, open_diary_light};
use crate::domain::therapy::{State, clock};

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
    // A status bar asking before the first check-in: nothing to say, and no folder made.
    if !super::data_dir(cli)?.exists() {
        if args.json {
            return say!(
                "{}",
                serde_json::json!({"level": null, "why": [], "emergency_number":
                    crate::domain::settings::emergency_number_for_locale(&super::locale()),
                    "session": null, "routine": null, "prompts": [], "last_checkin": null})
            );
        }
        return Ok(());
    }
    let diary = open_diary_light(cli, now)?;
    let today = diary.zone().date(now);
    let pain = diary
        .checkins_on(today)
        .max_by_key(|r| r.body.at)
        .map(|r| r.body.pain.to_string())
        .unwrap_or_default();
    let running = diary.running();
    let check = diary.skin_check_due(now).is_some();
    let (kind, left, state) = match running.map(|r| (&r.body, r.body.state(now))) {
        Some((s, State::Running { left })) if check => {
            (s.kind.symbol(), clock(left), "skin check due")
        }
        Some((s, State::Running { left })) => (s.kind.symbol(), clock(left), ""),
        Some((s, State::Paused { left })) => (s.kind.symbol(), clock(left), "paused"),
        Some((s, _)) => (s.kind.symbol(), "0:00".to_string(), "done"),
        None => ("", String::new(), ""),
    };
    // {kind} is the word, as the placeholder's help says; the mark is in {timer}.
    let kind_word = running.map_or(String::new(), |r| r.body.kind.name().to_lowercase());
    let timer = match (kind, state) {
        ("", _) => String::new(),
        (kind, "") => format!("{kind} {left}"),
        (kind, state) => format!("{kind} {left} {state}"),
    };
    // Its pauses are recorded at its end, so the time left while it plays is about.
    let routine = diary.playing(now).map_or(String::new(), |r| {
        let left = i64::from(r.body.planned_secs) - r.body.duration_secs(now);
        let left = clock(chrono::Duration::seconds(left.max(0)));
        format!("{} ~{left} left", r.body.name)
    });
    let open: Vec<_> = diary
        .flags()
        .iter()
        .filter(|f| f.assessed_at.is_none())
        .collect();
    let flag = match (open.first(), diary.unchecked()) {
        (Some(top), _) if top.locks() => top.def.level.tag(),
        // Part of the diary could not be read: no "all clear" can be given.
        (_, Some(_)) => "! SIGNS NOT CHECKED".to_string(),
        (top, None) => top.map(|f| f.def.level.tag()).unwrap_or_default(),
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

/// The status as one JSON object: what a status bar or a script needs to draw its own.
fn json(diary: &crate::diary::Diary, now: chrono::DateTime<chrono::Utc>, signs: &[&str]) -> String {
    use serde_json::{Value, json};
    let open = diary.flags().iter().find(|f| f.assessed_at.is_none());
    let level = match (open, diary.unchecked()) {
        (Some(top), _) if top.locks() => json!(top.def.level),
        (_, Some(_)) => json!("not_checked"),
        (top, None) => top.map_or(Value::Null, |f| json!(f.def.level)),
    };
    let session = diary.running().map(|r| {
        let s = &r.body;
        let (state, left) = match s.state(now) {
            State::Running { left } if diary.skin_check_due(now).is_some() => {
                ("skin_check_due", left)
            }
            State::Running { left } => ("running", left),
            State::Paused { left } => ("paused", left),
            _ => ("done", chrono::Duration::zero()),
        };
        json!({"kind": s.kind.name().to_lowercase(), "state": state,
               "left_secs": left.num_seconds(), "left": clock(left)})
    });
    let routine = diary.playing(now).map(|r| {
        let left = (i64::from(r.body.planned_secs) - r.body.duration_secs(now)).max(0);
        json!({"name": r.body.name, "left_secs": left})
    });
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
