//! Red flags: what is active now and why, then every warning sign by level, with sources.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Wrap};

use super::theme::Theme;
use crate::app::App;
use crate::domain::redflag::{self, Level};
use crate::keys;

pub fn render(app: &App, frame: &mut Frame, area: Rect, theme: &Theme) {
    let paragraph = page(app, theme);
    let scroll = super::field::scroll_within(&paragraph, area, app.page().scroll);
    frame.render_widget(paragraph.scroll((scroll, 0)), area);
}

/// The whole Red flags page, wrapped to whatever width it is drawn at.
pub fn page(app: &App, theme: &Theme) -> Paragraph<'static> {
    let number = app.emergency_number();
    let number = number.as_str();
    let flags = app.diary().flags();
    let mut lines: Vec<Line> = Vec::new();
    if let Some(why) = app.diary().unchecked() {
        lines.push(Line::styled(
            format!("Warning signs could not be checked: {why}. Until it is repaired, nape cannot say that none is active."),
            theme.level(Level::Urgent),
        ));
    }
    if flags.is_empty() && app.diary().unchecked().is_none() {
        lines.push(Line::styled("No warning sign is active.", theme.ok()));
    } else if !flags.is_empty() {
        lines.push(Line::styled("Active now", theme.heading()));
        for flag in flags {
            let level = flag.def.level;
            let state = match flag.assessed_at {
                Some(at) => format!(" ✓ assessed {}", app.diary().zone().date(at)),
                None => String::new(),
            };
            let style = if flag.assessed_at.is_some() {
                theme.assessed()
            } else {
                theme.level(level)
            };
            lines.push(Line::styled(
                format!(
                    "{} {}: {}{state}",
                    level.symbol(),
                    level.word(),
                    flag.def.short
                ),
                style,
            ));
            // Once assessed, the advice to act now is history: say what to do if it comes back.
            let next = match flag.assessed_at {
                Some(_) => format!("New or worse signs: call {number}."),
                None => flag.def.advice(number),
            };
            lines.push(Line::raw(format!("  Why: {}. {next}", flag.reason)));
        }
        if app.diary().locked() {
            lines.push(Line::raw(format!(
                "Timers and stretches are locked. {}",
                keys::unlock()
            )));
        }
    }
    lines.push(Line::raw(""));
    for level in [Level::Emergency, Level::Urgent, Level::Soon] {
        // The list is of signs a person may or may not have: it reads as a condition.
        let action = level.heading(number);
        let mut chars = action.chars();
        let action: String = chars
            .next()
            .map(|c| c.to_lowercase().chain(chars).collect())
            .unwrap_or_default();
        let heading = format!("{} If you have any of these: {action}", level.symbol());
        lines.push(Line::styled(heading, theme.level(level)));
        for def in redflag::catalog().iter().filter(|d| d.level == level) {
            let sources = if def.own_rule {
                "nape's own rule of caution".to_string()
            } else {
                def.sources.join(", ")
            };
            lines.push(Line::raw(format!("- {} [{sources}]", def.question)));
        }
        lines.push(Line::raw(""));
    }
    lines.push(Line::styled(
        "nape does not diagnose. If in doubt, get help.",
        theme.dim(),
    ));
    Paragraph::new(lines).wrap(Wrap { trim: false })
}

/// Why timers and stretches are closed, and how to open them again.
pub fn lock_message(app: &App, theme: &Theme) -> Vec<Line<'static>> {
    let Some(flag) = app.diary().lock() else {
        return Vec::new();
    };
    vec![
        Line::styled(flag.locked_title(), theme.level(flag.def.level)),
        Line::raw(format!(
            "Why: {}. {} {}",
            flag.reason,
            flag.def.advice(&app.emergency_number()),
            keys::unlock()
        )),
    ]
}
