//! Trends until its own work lands; and the lock message Timers and Stretches share.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Wrap};

use super::theme::Theme;
use crate::app::App;
use crate::domain::redflag::UNLOCK;

pub fn render(app: &App, frame: &mut Frame, area: Rect, theme: &Theme) {
    let plan = "Charts of your pain, what helped, how often you kept to your plan, and a report for a clinician will be here. Not built yet.";
    let mut lines = vec![Line::styled(app.screen().title(), theme.heading())];
    lines.push(Line::raw(""));
    lines.push(Line::raw(plan));
    frame.render_widget(Paragraph::new(lines).wrap(Wrap { trim: true }), area);
}

/// Why timers and stretches are closed, and how to open them again.
pub fn lock_message(app: &App, theme: &Theme) -> Vec<Line<'static>> {
    let Some(flag) = app.diary().lock() else {
        return Vec::new();
    };
    vec![
        Line::styled(flag.locked_title(), theme.level(flag.def.level)),
        Line::raw(format!(
            "Why: {}. {} {UNLOCK}",
            flag.reason,
            flag.def.advice(&app.emergency_number())
        )),
    ]
}
