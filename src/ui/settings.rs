//! The welcome on first run, and the Settings screen: emergency number and episode start.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};

use super::field;
use super::hits::Hits;
use super::theme::Theme;
use crate::app::{App, Msg, OnsetChoice, SettingField, SettingsForm};
use crate::domain::redflag::{self, Level};
use crate::domain::settings::CueMode;

pub fn render_welcome(app: &App, frame: &mut Frame, area: Rect, theme: &Theme, hits: &mut Hits) {
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
    let (fields, _, targets) = form_lines(form, theme, area.width);
    let first = lines.len();
    lines.extend(fields);
    // The welcome wraps: each line's row is counted as it wraps at this width.
    let mut row = area.y;
    let rows: Vec<Option<u16>> = (lines.iter())
        .map(|line| {
            let at = (row < area.bottom()).then_some(row);
            let text = Paragraph::new(line.clone()).wrap(Wrap { trim: false });
            row = row.saturating_add(text.line_count(area.width) as u16);
            at
        })
        .skip(first)
        .collect();
    aim(targets, &rows, area, hits);
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

pub fn render(app: &App, frame: &mut Frame, area: Rect, theme: &Theme, hits: &mut Hits) {
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
    let (fields, focus, targets) = form_lines(form, theme, area.width);
    // On a short terminal the list scrolls to keep the field being changed in view, with what
    // is wrong with it.
    let scroll = (focus + 2).saturating_sub(rest.height as usize);
    let rows: Vec<Option<u16>> = (0..fields.len())
        .map(|line| {
            let row = line.checked_sub(scroll)? as u16;
            (row < rest.height).then_some(rest.y + row)
        })
        .collect();
    aim(targets, &rows, rest, hits);
    frame.render_widget(Paragraph::new(fields).scroll((scroll as u16, 0)), rest);
}

/// What a click can do on the form: on its line, from a column for so many, this message.
struct Target {
    line: usize,
    x: u16,
    width: u16,
    msg: Msg,
}

/// The form's lines, the last line of the focused field (what was wrong with it included), and
/// where a click does what (a field's line focuses it; a choice chooses it), while the form is
/// open for changes.
fn form_lines(
    form: &SettingsForm,
    theme: &Theme,
    width: u16,
) -> (Vec<Line<'static>>, usize, Vec<Target>) {
    let open = form.editing_or_welcome();
    let focused = form.focused();
    let mut lines: Vec<Line<'static>> = Vec::new();
    let mut focus_line = 0;
    let mut targets = Vec::new();
    let mut target = |line: usize, x: usize, width: usize, msg: Msg| {
        if open {
            let (x, width) = (x as u16, width as u16);
            targets.push(Target {
                line,
                x,
                width,
                msg,
            });
        }
    };
    for (index, field) in form.fields().into_iter().enumerate() {
        // What was wrong with it at the last save tried, under it (after its choices).
        let problem = (form.problems.iter().find(|(f, _)| *f == field)).map(|(_, why)| {
            let rows = field::wrap(why, (width as usize).saturating_sub(6));
            rows.into_iter()
                .map(|row| Line::styled(format!("    ! {row}"), theme.error()))
        });
        let problem: Vec<Line<'static>> = problem.into_iter().flatten().collect();
        target(lines.len(), 0, u16::MAX as usize, Msg::Pick(index));
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
            lines.extend(problem);
            if here {
                focus_line = lines.len() - 1;
            }
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
            for (i, mode) in enum_iterator::all::<CueMode>().enumerate() {
                let x = Line::from(options.clone()).width();
                options.push(choice(mode == form.cues, mode.word()));
                let width = Line::from(options.clone()).width() - x;
                target(lines.len(), x, width, Msg::Choose(index, i));
                options.push(Span::raw(" "));
            }
            lines.push(Line::from(options));
            lines.extend(problem);
            if here {
                focus_line = lines.len() - 1;
            }
            continue;
        }
        lines.push(Line::from(spans));
        for (i, option) in enum_iterator::all::<OnsetChoice>().enumerate() {
            let option = choice(option == form.onset, option.label());
            target(lines.len(), 4, option.width(), Msg::Choose(index, i));
            lines.push(Line::from(vec![Span::raw("    "), option]));
        }
        lines.extend(problem);
        if here {
            focus_line = lines.len() - 1;
        }
    }
    (lines, focus_line, targets)
}

/// Where each target of the form is on screen: the form's lines drawn from `top` in `area`
/// (`rows[k]` is the row line `k` starts on, or none where it is out of sight).
fn aim(targets: Vec<Target>, rows: &[Option<u16>], area: Rect, hits: &mut Hits) {
    for t in targets {
        if let Some(Some(row)) = rows.get(t.line) {
            let at = Rect::new(area.x + t.x, *row, t.width, 1);
            hits.add(at.intersection(area), t.msg);
        }
    }
}
