//! The red-flag banner, drawn by `ui::view` above every screen at every size.

use chrono::Duration;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Wrap};

use super::theme::Theme;
use crate::app::{App, Msg, Screen};
use crate::domain::redflag::{ActiveFlag, Level};
use crate::keys;

/// How many rows the banner wants: one at rest or when space is short, two when a sign is active.
pub fn height(app: &App, area: Rect) -> u16 {
    if area.height >= 16 && !app.diary().flags().is_empty() {
        2
    } else {
        1
    }
}

pub fn render(app: &App, frame: &mut Frame, area: Rect, theme: &Theme) {
    let number = app.emergency_number();
    let number = number.as_str();
    let diary = app.diary();
    let (variants, style) = match diary.flags().first() {
        _ if diary.checking() => (checking(number), theme.banner_rest()),
        // A sign that locks outranks not knowing; anything calmer does not.
        top if !top.is_some_and(ActiveFlag::locks) && diary.unchecked().is_some() => (
            unchecked(diary.unchecked().unwrap_or_default(), number),
            theme.level(Level::Urgent),
        ),
        None => (at_rest(number), theme.banner_rest()),
        Some(top) if top.assessed_at.is_some() => (assessed(app, top, number), theme.assessed()),
        Some(top) if app.now() - top.raised_at > Duration::days(STALE_DAYS) && top.locks() => {
            (unsettled(app, top, number), theme.level(top.def.level))
        }
        Some(top) => (active(app, top, number), theme.level(top.def.level)),
    };
    // Measured as drawn: in ASCII "‼" takes two columns.
    let variants: Vec<String> = if app.ascii() {
        variants.iter().map(|v| crate::ascii::text(v)).collect()
    } else {
        variants
    };
    // The fullest wording that fits the space; the last one is short enough for any width.
    // Word wrapping wastes some of each line, so allow for that when there is more than one.
    let (width, rows) = (area.width as usize, area.height as usize);
    let room = if rows <= 1 {
        width
    } else {
        width * rows - width / 4 * (rows - 1)
    };
    let text = variants
        .iter()
        .find(|v| super::field::columns(v) <= room)
        .unwrap_or(&variants[variants.len() - 1]);
    let line = Line::styled(text.as_str(), style);
    if rows <= 1 {
        // The chosen text fits: no wrapping to work out, every second a timer runs.
        frame.render_widget(line, area);
    } else {
        let text = Paragraph::new(line).style(style).wrap(Wrap { trim: true });
        frame.render_widget(text, area);
    }
}

/// After this many days an unassessed sign is not new: the banner asks whether it was assessed.
const STALE_DAYS: i64 = 3;

/// The main emergency signs, as many as fit, and always the number and the key to the full list.
/// Calm: its own symbol and no alarm style, so an active sign stands out from it.
fn at_rest(number: &str) -> Vec<String> {
    let f = flags_key();
    vec![
        format!(
            "✚ Call {number} now for: face drooping, arm weakness, slurred speech, a sudden severe headache or neck pain unlike any before, fever with a stiff neck, sudden dizziness or vision loss · {f}: all warning signs"
        ),
        format!(
            "✚ Call {number} for: stroke signs, sudden severe headache or neck pain, fever with stiff neck, sudden dizziness · {f}: signs"
        ),
        format!(
            "✚ Call {number}: stroke signs, worst-ever headache/neck pain, fever + stiff neck · {f}"
        ),
        format!("✚ Emergency signs? Call {number} · {f}: list"),
        format!("✚ Emergency: {number} · {f}"),
        format!("✚ {number}"),
    ]
}

/// An emergency or urgent sign reported days ago and not recorded as assessed: when, and
/// whether it has been, rather than "call now" as if it had just happened.
fn unsettled(app: &App, top: &ActiveFlag, number: &str) -> Vec<String> {
    let level = top.def.level;
    let (symbol, word) = (level.symbol(), level.word());
    let date = app.diary().zone().date(top.raised_at);
    let more = more(app);
    vec![
        format!(
            "{symbol} {word} reported {date}: {}. Assessed since? f, then a. If not, or it is back: call {number}.{more}",
            top.def.short
        ),
        format!(
            "{symbol} {word} reported {date} ({}): assessed since? f, a · if not: {number}",
            top.def.short
        ),
        format!("{symbol} {word} {date}: assessed? f · {number}"),
        format!("{symbol} {word} {date} · {number} · f"),
        format!("{symbol} {word} · {number}"),
        format!("{symbol} {number}"),
    ]
}

/// Part of the diary could not be read, so nape cannot say that no sign is active.
fn unchecked(why: &str, number: &str) -> Vec<String> {
    let f = flags_key();
    vec![
        format!(
            "! Warning signs could not be checked: {why}. Emergency signs: call {number} · {f}: list"
        ),
        format!("! Warning signs not checked: {why} · call {number} · f"),
        format!("! Signs not checked · call {number} · f"),
        format!("! Not checked · {number}"),
        format!("! {number}"),
    ]
}

/// For the moment between the first frame and the whole history being read.
fn checking(number: &str) -> Vec<String> {
    let f = flags_key();
    vec![
        format!(
            "✚ Reading your diary for warning signs. Emergency signs: call {number} · {f}: list"
        ),
        format!("✚ Reading your diary… Emergency: {number}"),
        format!("✚ {number}"),
    ]
}

fn more(app: &App) -> String {
    match app.diary().flags().len() - 1 {
        0 => String::new(),
        n => format!(" · {n} more"),
    }
}

fn active(app: &App, top: &ActiveFlag, number: &str) -> Vec<String> {
    let f = flags_key();
    let level = top.def.level;
    let (symbol, word) = (level.symbol(), level.word());
    let action = level.action(number);
    let more = more(app);
    let mut variants = vec![
        format!(
            "{symbol} {word}: {} Why: {}.{more} · {f}: details",
            top.def.advice(number),
            top.reason
        ),
        format!("{symbol} {word}: {action} ({}){more} · f", top.def.short),
        format!("{symbol} {word}: {action}{more} · f"),
        format!("{symbol} {word}: {action}"),
    ];
    // An emergency keeps its number however narrow the terminal.
    if level == Level::Emergency {
        variants.push(format!("{symbol} {word} · {number}"));
        variants.push(format!("{symbol} {number}"));
    } else {
        variants.push(format!("{symbol} {word}"));
    }
    variants
}

fn assessed(app: &App, top: &ActiveFlag, number: &str) -> Vec<String> {
    let f = flags_key();
    let date = top
        .assessed_at
        .map(|at| app.diary().zone().date(at).to_string())
        .unwrap_or_default();
    let more = more(app);
    vec![
        format!(
            "✓ Assessed {date}: {} ({}). New or worse signs: call {number}.{more} · {f}: details",
            top.def.short,
            top.def.level.word().to_lowercase()
        ),
        format!(
            "✓ Assessed: {}. New signs: call {number} · f",
            top.def.short
        ),
        format!("✓ Assessed · new signs: {number}"),
        format!("✓ {number}"),
    ]
}

/// The key that opens the Red flags screen, as the binding table writes it.
fn flags_key() -> &'static str {
    keys::hint(Msg::Goto(Screen::Flags))
}
