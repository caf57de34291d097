//! The welcome on first run, and the Settings screen: emergency number and episode start.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};

use super::field;
use super::theme::Theme;
use crate::app::{App, OnsetChoice, SettingField, SettingsForm};
use crate::domain::redflag::{self, Level};
use crate::domain::settings::CueMode;

pub fn render_welcome(app: &App, frame: &mut Frame, area: Rect, theme: &Theme) {
    let mut lines = vec![Line::styled("Welcome to nape", theme.heading())];
    // On a small terminal the questions matter more than the introduction.
    if area.height >= 14 {
        lines.push(Line::raw(
            "A private diary and self-care coach for neck pain. It is not a medical device: it does not diagnose and gives no medicine doses.",
        ));
        lines.push(Line::raw(""));
    }
    let form = app.settings_form();
    if let Some(why) = app.diary().settings_unreadable() {
        lines.push(Line::styled(
            format!(
                "Your settings file is damaged and has no backup ({why}). Enter saves fresh settings and keeps the damaged file aside."
            ),
            theme.error(),
        ));
    }
    lines.extend(form_lines(form, theme).0);
    if let Some(error) = &form.error {
        lines.push(Line::styled(error.clone(), theme.error()));
    }
    lines.push(Line::styled(
        "Enter to start. You can change these later in Settings.",
        theme.dim(),
    ));
    // The emergency signs can be read before anything else is set up, where there is room.
    let room = (area.height as usize).saturating_sub(lines.len() + 4);
    if room >= 2 {
        lines.push(Line::raw(""));
        let number = app.emergency_number();
        let level = Level::Emergency;
        lines.push(Line::styled(
            format!(
                "{} If you have any of these: call {number} now",
                level.symbol()
            ),
            theme.level(level),
        ));
        let signs = redflag::catalog().iter().filter(|d| d.level == level);
        for def in signs.take(room) {
            lines.push(Line::raw(format!("- {}", def.question)));
        }
        lines.push(Line::styled("All the signs: f, once set up.", theme.dim()));
    }
    frame.render_widget(Paragraph::new(lines).wrap(Wrap { trim: false }), area);
}

pub fn render(app: &App, frame: &mut Frame, area: Rect, theme: &Theme) {
    let form = app.settings_form();
    // What is wrong stays at the top, wrapped, however far the fields below have scrolled.
    let (notes, style) = match &form.error {
        Some(error) => (field::wrap(error, area.width as usize), theme.error()),
        None if form.editing => (vec!["Enter saves · Esc cancels".into()], theme.dim()),
        None => (vec!["Enter to change".into()], theme.dim()),
    };
    let mut head = vec![Line::styled("Settings", theme.heading())];
    head.extend(notes.into_iter().map(|n| Line::styled(n, style)));
    let [top, rest] =
        Layout::vertical([Constraint::Length(head.len() as u16), Constraint::Fill(1)]).areas(area);
    frame.render_widget(Paragraph::new(head), top);
    let (fields, focus) = form_lines(form, theme);
    // On a short terminal the list scrolls to keep the field being changed in view.
    let scroll = (focus + 2).saturating_sub(rest.height as usize);
    frame.render_widget(Paragraph::new(fields).scroll((scroll as u16, 0)), rest);
}

/// The form's lines, and which line holds the focused field.
fn form_lines(form: &SettingsForm, theme: &Theme) -> (Vec<Line<'static>>, usize) {
    let open = form.editing_or_welcome();
    let focused = form.focused();
    let mut lines = Vec::new();
    let mut focus_line = 0;
    for field in form.fields() {
        let here = open && field == focused;
        if here {
            focus_line = lines.len();
        }
        let mark = Span::raw(if here { "› " } else { "  " });
        let mut spans = vec![mark, Span::styled(field.label(), theme.heading())];
        if let Some(input) = form.input(field) {
            // Room for a date and a time ("2026-03-14 08:30").
            spans.extend(field::spans(input, here, theme, 17));
            lines.push(Line::from(spans));
            continue;
        }
        let choice = |chosen: bool, label: &str| {
            let style = if chosen && here {
                theme.selected()
            } else {
                theme.dim()
            };
            let dot = if chosen { "(•)" } else { "( )" };
            Span::styled(format!("{dot} {label}"), style)
        };
        if field == SettingField::Cues {
            // Three short words: on one line under the label, which fits the smallest terminal.
            lines.push(Line::from(spans));
            let mut options = vec![Span::raw("    ")];
            for mode in enum_iterator::all::<CueMode>() {
                options.push(choice(mode == form.cues, mode.word()));
                options.push(Span::raw(" "));
            }
            lines.push(Line::from(options));
            continue;
        }
        lines.push(Line::from(spans));
        for option in enum_iterator::all::<OnsetChoice>() {
            lines.push(Line::from(vec![
                Span::raw("    "),
                choice(option == form.onset, option.label()),
            ]));
        }
    }
    (lines, focus_line)
}
