//! The red-flag banner, drawn by `ui::view` above every screen at every size.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};

use super::theme::Theme;
use crate::app::App;
use crate::domain::redflag::ActiveFlag;

/// How many rows the banner wants: one at rest or when space is short, two when a sign is active.
pub fn height(app: &App, area: Rect) -> u16 {
    if area.height >= 16 && !app.flags.is_empty() { 2 } else { 1 }
}

pub fn render(app: &App, frame: &mut Frame, area: Rect, theme: &Theme) {
    let number = app.emergency_number();
    let lines = match app.flags.first() {
        None => vec![Line::styled(at_rest(number, area.width), theme.banner_rest())],
        Some(top) => active(app, top, number, theme, area.height),
    };
    frame.render_widget(Paragraph::new(lines).wrap(Wrap { trim: true }), area);
}

/// The main emergency signs, as many as fit, and always the number and the key to the full list.
fn at_rest(number: &str, width: u16) -> String {
    let variants = [
        format!("‼ Call {number} now for: face drooping, arm weakness, slurred speech, a sudden severe headache, fever with a stiff neck, sudden dizziness or vision loss · f: all warning signs"),
        format!("‼ Call {number} for: stroke signs, sudden severe headache, fever with stiff neck, sudden dizziness · f: all signs"),
        format!("‼ Call {number} for stroke signs, worst-ever headache, fever + stiff neck · f: signs"),
        format!("‼ Emergency signs? Call {number} · f: list"),
        format!("‼ Emergency: {number} · f"),
        format!("‼ {number}"),
    ];
    let fits = |s: &&String| s.chars().count() <= width as usize;
    variants.iter().find(fits).unwrap_or(&variants[variants.len() - 1]).clone()
}

fn active(app: &App, top: &ActiveFlag, number: &str, theme: &Theme, rows: u16) -> Vec<Line<'static>> {
    let level = top.def.level;
    let others = app.flags.len() - 1;
    let more = if others > 0 { format!(" · {others} more") } else { String::new() };
    if let Some(when) = top.assessed_at {
        let date = app.zone.date(when);
        let text = format!(
            "✓ Assessed {date}: {} ({}). New or worse signs: call {number}.{more} · f: details",
            top.def.short,
            level.word().to_lowercase()
        );
        return vec![Line::styled(text, theme.assessed())];
    }
    let head = format!("{} {}: {}", level.symbol(), level.word(), top.def.advice(number));
    let why = format!("Why: {}.{more} · f: details", top.reason);
    if rows >= 2 {
        vec![Line::styled(head, theme.level(level)), Line::styled(why, theme.level(level))]
    } else {
        vec![Line::from(vec![Span::styled(format!("{head} {why}"), theme.level(level))])]
    }
}
