//! `nape status`: one line for a tmux status bar or a shell prompt. It runs every few seconds, so
//! it reads only the recent files it shows.

use chrono::Utc;
use clap::Args;

use super::timer::Diary;
use super::{Cli, Failure};
use crate::clock::Zone;
use crate::domain::therapy::{State, clock};

#[derive(Args, Debug)]
pub struct StatusArgs {
    /// A template: {timer} {kind} {left} {state} {pain} {flag}. Default: "{timer} {pain} {flag}".
    #[arg(long, value_name = "TEMPLATE")]
    format: Option<String>,
}

/// One line for a status bar: the running timer, today's last pain, the active flag level.
pub fn run(cli: &Cli, args: &StatusArgs) -> Result<(), Failure> {
    let now = Utc::now();
    let today = Zone::Local.date(now);
    // Only recent files: a month of sessions, three of check-ins (every rule looks back less).
    let diary = Diary::open_light(cli, today.checked_sub_days(chrono::Days::new(31)))?;
    let (flags, checkins) = diary.flags(today.checked_sub_days(chrono::Days::new(92)), now)?;
    let pain = checkins
        .iter()
        .filter(|r| r.date == today)
        .max_by_key(|r| r.body.at)
        .map(|r| r.body.pain.to_string())
        .unwrap_or_default();
    let running = diary.running();
    let (kind, left, state) = match running.as_ref().map(|r| (&r.body, r.body.state(now))) {
        Some((s, State::Running { left })) => (s.kind.symbol(), clock(left), ""),
        Some((s, State::Paused { left })) => (s.kind.symbol(), clock(left), "paused"),
        Some((s, _)) => (s.kind.symbol(), "0:00".to_string(), "done"),
        None => ("", String::new(), ""),
    };
    let timer = if kind.is_empty() {
        String::new()
    } else {
        format!(
            "{kind} {left}{}",
            if state.is_empty() {
                String::new()
            } else {
                format!(" {state}")
            }
        )
    };
    let flag = flags
        .iter()
        .find(|f| f.assessed_at.is_none())
        .map(|f| format!("{} {}", f.def.level.symbol(), f.def.level.word()))
        .unwrap_or_default();
    let line = match &args.format {
        Some(template) => template
            .replace("{timer}", &timer)
            .replace("{kind}", kind)
            .replace("{left}", &left)
            .replace("{state}", state)
            .replace("{pain}", &pain)
            .replace("{flag}", &flag),
        None => {
            let pain = if pain.is_empty() {
                String::new()
            } else {
                format!("pain {pain}")
            };
            [timer, pain, flag]
                .into_iter()
                .filter(|p| !p.is_empty())
                .collect::<Vec<_>>()
                .join(" · ")
        }
    };
    if !line.trim().is_empty() {
        println!("{}", line.trim());
    }
    Ok(())
}
