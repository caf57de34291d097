//! Trends until its own work lands.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Wrap};

use super::theme::Theme;
use crate::app::App;

pub fn render(app: &App, frame: &mut Frame, area: Rect, theme: &Theme) {
    let plan = "Charts of your pain, what helped, how often you kept to your plan, and a report for a clinician will be here. Not built yet.";
    let mut lines = vec![Line::styled(app.screen().title(), theme.heading())];
    lines.push(Line::raw(""));
    lines.push(Line::raw(plan));
    frame.render_widget(Paragraph::new(lines).wrap(Wrap { trim: true }), area);
}
