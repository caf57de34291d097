//! Help: what nape is, then every key of every screen and question, from the binding table.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};

use super::theme::Theme;
use crate::app::App;
use crate::domain::therapy::limits::bounds;
use crate::keys;

pub fn render(app: &App, frame: &mut Frame, area: Rect, theme: &Theme) {
    let b = bounds();
    let mut lines = vec![
        Line::styled("nape: a self-care coach for neck pain", theme.heading()),
        Line::raw(
            "It keeps a private diary and helps you look after a stiff or sore neck. It does not diagnose and never suggests medicine doses.",
        ),
        Line::raw(format!(
            "The top line lists emergency signs: if you have one, call {} now.",
            app.emergency_number()
        )),
        Line::raw(format!(
            "Cold and heat sessions run {} (default {}), at least {} minutes apart; rate your pain before and after, answer the skin checks, and nape rings when time is up, even if it was closed. Every change is saved when you make it.",
            b.session_minutes, b.session_minutes.default, b.gap_minutes.min
        )),
    ];
    for (title, focuses) in keys::SECTIONS {
        lines.push(Line::raw(""));
        lines.push(Line::styled(*title, theme.heading()));
        for binding in keys::section(focuses) {
            lines.push(Line::from(vec![
                Span::styled(format!("{:>10}", binding.label), theme.key()),
                Span::raw(format!("  {}", binding.help)),
            ]));
        }
    }
    frame.render_widget(
        Paragraph::new(lines)
            .wrap(Wrap { trim: false })
            .scroll((app.scroll(), 0)),
        area,
    );
}
