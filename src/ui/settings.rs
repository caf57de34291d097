//! The welcome on first run, and the Settings screen: emergency number and episode start.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};

use super::field;
use super::theme::Theme;
use crate::app::{App, OnsetChoice, SettingsForm};

pub fn render_welcome(app: &App, frame: &mut Frame, area: Rect, theme: &Theme) {
    let mut lines = vec![Line::styled("Welcome to nape", theme.heading())];
    // On a small terminal the questions matter more than the introduction.
    if area.height >= 14 {
        lines.push(Line::raw(
            "A private diary and self-care coach for neck pain. It is not a medical device: it does not diagnose and gives no medicine doses.",
        ));
        lines.push(Line::raw(""));
    }
    lines.extend(form_lines(&app.settings_form, theme));
    lines.push(Line::styled(
        "Enter to start. You can change these later in Settings.",
        theme.dim(),
    ));
    frame.render_widget(Paragraph::new(lines).wrap(Wrap { trim: false }), area);
}

pub fn render(app: &App, frame: &mut Frame, area: Rect, theme: &Theme) {
    let form = &app.settings_form;
    let mut lines = vec![Line::styled("Settings", theme.heading())];
    lines.extend(form_lines(form, theme));
    let hint = if form.editing {
        "Enter saves · Esc cancels"
    } else {
        "Enter to change"
    };
    lines.push(Line::styled(hint, theme.dim()));
    frame.render_widget(Paragraph::new(lines).wrap(Wrap { trim: false }), area);
}

fn form_lines(form: &SettingsForm, theme: &Theme) -> Vec<Line<'static>> {
    let open = form.editing_or_welcome();
    let mark = |i: usize| {
        if open && form.focus == i {
            "› "
        } else {
            "  "
        }
    };
    let mut number = vec![
        Span::raw(mark(0)),
        Span::styled("Emergency number: ", theme.heading()),
    ];
    number.extend(field::spans(
        &form.number,
        open && form.focus == 0,
        theme,
        12,
    ));
    let mut lines = vec![Line::from(number)];
    lines.push(Line::from(vec![
        Span::raw(mark(1)),
        Span::styled("This episode of neck pain began:", theme.heading()),
    ]));
    for option in OnsetChoice::ALL {
        let chosen = option == form.onset;
        let style = if chosen && open && form.focus == 1 {
            theme.selected()
        } else {
            theme.dim()
        };
        let dot = if chosen { "(•)" } else { "( )" };
        lines.push(Line::from(vec![
            Span::raw("    "),
            Span::styled(format!("{dot} {}", option.label()), style),
        ]));
    }
    if form.onset == OnsetChoice::Date {
        let mut date = vec![
            Span::raw(mark(2)),
            Span::styled("Start date (YYYY-MM-DD): ", theme.heading()),
        ];
        date.extend(field::spans(&form.date, open && form.focus == 2, theme, 12));
        lines.push(Line::from(date));
    }
    if let Some(error) = &form.error {
        lines.push(Line::styled(error.clone(), theme.error()));
    }
    lines
}
