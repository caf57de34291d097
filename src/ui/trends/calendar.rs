//! Months of daily pain as grids, Monday first: each day its mean pain as a number (colour only
//! adds to it), "·" with no check-in, as many months side by side as fit.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use crate::domain::trends::{Month, Summary};
use crate::ui::theme::Theme;

/// Seven days of three columns.
const MONTH_WIDTH: u16 = 21;

pub fn render(summary: &Summary, frame: &mut Frame, area: Rect, theme: &Theme) {
    let [grids, legend] =
        Layout::vertical([Constraint::Fill(1), Constraint::Length(2)]).areas(area);
    let fit = ((grids.width + 2) / (MONTH_WIDTH + 2)).clamp(1, 3) as usize;
    let months = &summary.months[summary.months.len().saturating_sub(fit)..];
    let columns =
        Layout::horizontal(vec![Constraint::Length(MONTH_WIDTH + 2); months.len()]).split(grids);
    for (month, column) in months.iter().zip(columns.iter()) {
        let mut lines = grid(month, summary.today, theme);
        // Short of rows, the latest weeks (today's among them) matter most: drop the first ones.
        let spare = lines.len().saturating_sub(column.height as usize);
        lines.drain(2..(2 + spare).min(lines.len()));
        frame.render_widget(Paragraph::new(lines), *column);
    }
    let words = "Each day shows its mean pain 0-10; · no check-in; today in reverse.";
    let legend_lines = vec![Line::styled(words, theme.dim())];
    frame.render_widget(
        Paragraph::new(legend_lines).wrap(ratatui::widgets::Wrap { trim: true }),
        legend,
    );
}

fn grid(month: &Month, today: chrono::NaiveDate, theme: &Theme) -> Vec<Line<'static>> {
    let mut lines = vec![
        Line::styled(month.title(), theme.heading()),
        Line::styled(" Mo Tu We Th Fr Sa Su", theme.dim()),
    ];
    let mut cells: Vec<Span> = vec![Span::raw("   "); month.lead()];
    for (i, mean) in month.days.iter().enumerate() {
        let date = month.first + chrono::Duration::days(i as i64);
        // Weeks wholly to come are left out: on a short screen the week kept is today's.
        if date > today && cells.is_empty() {
            break;
        }
        let is_today = date == today;
        let cell = match (mean, is_today) {
            // Days still to come are left blank, not shown as days without a check-in.
            _ if date > today => Span::raw("   "),
            (Some(m), true) => Span::styled(format!("{:>3}", m.round() as u8), theme.selected()),
            (Some(m), false) => Span::styled(format!("{:>3}", m.round() as u8), theme.pain(*m)),
            (None, true) => Span::styled("  ·", theme.selected()),
            (None, false) => Span::styled("  ·", theme.dim()),
        };
        cells.push(cell);
        if cells.len() == 7 {
            lines.push(Line::from(std::mem::take(&mut cells)));
        }
    }
    if !cells.is_empty() {
        lines.push(Line::from(cells));
    }
    lines
}
