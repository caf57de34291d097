//! The full check-in form: ratings, time, a map and list of where it hurts, symptoms, warning
//! signs, context, treatments, medicines and a note. It scrolls to keep the focused row in view.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph};

use super::field;
use super::hits::Hits;
use super::theme::Theme;
use crate::app::form_items;
use crate::app::{App, CheckinForm, Group, Item, Msg};
use crate::keys;

pub fn render(
    app: &App,
    form: &CheckinForm,
    frame: &mut Frame,
    area: Rect,
    theme: &Theme,
    hits: &mut Hits,
) {
    let title = match &form.original {
        Some(r) => format!(
            "Edit check-in of {}",
            app.diary().zone().local(r.body.at).format("%Y-%m-%d %H:%M")
        ),
        None if form.reporting => {
            "What came on during the stretch? Tick it, rate pain, Ctrl-S".into()
        }
        None if form.copied => {
            "New check-in, copied from the last (warning signs not copied)".to_string()
        }
        None => "New check-in".to_string(),
    };
    let [head, rest] = Layout::vertical([Constraint::Length(1), Constraint::Fill(1)]).areas(area);
    frame.render_widget(Paragraph::new(Line::styled(title, theme.heading())), head);
    let (list_area, map_area) = if rest.width >= 72 {
        let [list, map] =
            Layout::horizontal([Constraint::Fill(1), Constraint::Length(28)]).areas(rest);
        (list, Some(map))
    } else {
        (rest, None)
    };

    let focused = form.focused();
    let mut lines: Vec<Line> = Vec::new();
    let mut focus_line = 0;
    let mut group_seen: Option<Group> = None;
    // Where the note's editor goes (first line, rows) when it has the cursor.
    let mut note_at: Option<(usize, u16)> = None;
    // Which item each line belongs to, for clicks.
    let mut owner: Vec<Option<usize>> = Vec::new();
    for (index, &item) in form_items().iter().enumerate() {
        owner.resize(lines.len(), None);
        if let Item::Choice(group, _) = item
            && group_seen != Some(group)
        {
            group_seen = Some(group);
            lines.push(Line::styled(group.title(), theme.heading()));
            owner.resize(lines.len(), None);
        }
        if item == Item::Medicines {
            group_seen = None;
        }
        let is_focus = item == focused;
        if is_focus {
            focus_line = lines.len();
        }
        let marker = Span::raw(if is_focus { "› " } else { "  " });
        match item {
            Item::Choice(group, index) => {
                let terms = group.terms();
                let chosen = form.is_chosen(group, index);
                let style = if is_focus {
                    theme.selected()
                } else {
                    Style::new()
                };
                let label = terms.get(index).map_or("", |t| t.label);
                let text = format!("[{}] {label}", if chosen { "x" } else { " " });
                // Long questions wrap under their own text, so every row stays one screen line.
                let width = (list_area.width as usize).saturating_sub(6);
                for (i, part) in field::wrap(&text, width).into_iter().enumerate() {
                    let lead = if i == 0 {
                        marker.clone()
                    } else {
                        Span::raw("      ")
                    };
                    lines.push(Line::from(vec![lead, Span::styled(part, style)]));
                }
            }
            Item::Note => {
                let mut head = vec![marker, Span::styled("Note", theme.heading())];
                if is_focus {
                    let enter = keys::hint(Msg::Enter);
                    head.push(Span::styled(format!("  {enter}: new line"), theme.dim()));
                }
                lines.push(Line::from(head));
                let width = (list_area.width as usize).saturating_sub(NOTE_INDENT as usize);
                if is_focus {
                    // Room for the editor, drawn over these rows below; one spare row to type into.
                    let rows = note_rows(form.note.editor().lines(), width);
                    note_at = Some((lines.len(), rows));
                    lines.extend((0..rows).map(|_| Line::raw("")));
                    focus_line = lines.len() - 1;
                } else {
                    let note = form.note.text();
                    for line in note.lines() {
                        for part in field::wrap(line, width) {
                            lines.push(Line::raw(format!(
                                "{:w$}{part}",
                                "",
                                w = NOTE_INDENT as usize
                            )));
                        }
                    }
                }
            }
            text => {
                let mut spans = vec![
                    marker,
                    Span::styled(format!("{:<18}", text.label()), theme.heading()),
                ];
                if let Some(input) = form.input(text) {
                    spans.extend(field::spans(
                        input,
                        is_focus,
                        theme,
                        (list_area.width as usize).saturating_sub(21),
                    ));
                }
                if text == Item::When && form.when.value().is_empty() {
                    let hint = " now, HH:MM or yesterday HH:MM";
                    spans.push(Span::styled(hint, theme.dim()));
                }
                lines.push(Line::from(spans));
            }
        }
        owner.resize(lines.len(), Some(index));
        if let Some(error) = form.error_for(item) {
            // Named as the form names the field ("When"), not as the command line does ("at").
            let name = match item {
                Item::Choice(group, _) => group.title(),
                field => field.label(),
            };
            // Wrapped, never cut: the message says what to type instead.
            let text = format!("{name}: {}", error.message);
            let width = (list_area.width as usize).saturating_sub(4);
            for part in field::wrap(&text, width) {
                lines.push(Line::styled(format!("    {part}"), theme.error()));
            }
        }
    }
    // Rows below the last one shown get a line of their own, so Medicines and the note are
    // never out of sight without a word.
    let more_below = |height: usize| {
        let scroll = focus_line
            .saturating_sub(height / 3)
            .min(lines.len().saturating_sub(height));
        (scroll, scroll + height < lines.len())
    };
    let (mut scroll, more) = more_below(list_area.height as usize);
    let mut list = list_area;
    if more && list_area.height > 2 {
        let [rows, hint] =
            Layout::vertical([Constraint::Fill(1), Constraint::Length(1)]).areas(list_area);
        scroll = more_below(rows.height as usize).0;
        list = rows;
        let next = keys::hint(Msg::NextSection);
        let text = if hint.width >= 48 {
            format!(
                "↓ more below · {next}: next section · {} saves",
                keys::hint(Msg::Save)
            )
        } else {
            format!("↓ more below · {next}: next section")
        };
        frame.render_widget(Line::styled(text, theme.dim()), hint);
    }
    owner.resize(lines.len(), None);
    for (row, line) in (list.y..list.bottom()).zip(scroll..) {
        if let Some(Some(item)) = owner.get(line) {
            hits.add(Rect::new(list.x, row, list.width, 1), Msg::Pick(*item));
        }
    }
    frame.render_widget(Paragraph::new(lines).scroll((scroll as u16, 0)), list);
    if let Some((first, rows)) = note_at {
        let top = list.y + (first.saturating_sub(scroll) as u16);
        let editor = Rect {
            x: list.x + NOTE_INDENT,
            y: top,
            width: list.width.saturating_sub(NOTE_INDENT),
            height: rows.min(list.bottom().saturating_sub(top)),
        };
        frame.render_widget(form.note.editor(), editor);
    }
    if let Some(map) = map_area {
        render_map(form, frame, map, theme);
    }
}

/// How far the note's lines are set in from the form's left edge.
const NOTE_INDENT: u16 = 4;

/// Rows for the note's editor at `width`: its lines as wrapped, and one to spare, 3 to 8.
fn note_rows(text: &[String], width: usize) -> u16 {
    let wrapped: usize = text.iter().map(|l| field::wrap(l, width).len()).sum();
    (wrapped + 1).clamp(3, 8) as u16
}

/// A small map of the neck and shoulders; ticked places are shown reversed.
fn render_map(form: &CheckinForm, frame: &mut Frame, area: Rect, theme: &Theme) {
    let on = |id: &str| form.chosen[0].iter().any(|c| c == id);
    let part = |id: &str, text: &'static str| {
        Span::styled(
            text,
            if on(id) {
                theme.selected()
            } else {
                theme.dim()
            },
        )
    };
    let lines = vec![
        Line::raw("        .-----."),
        Line::raw("       (  o o  )"),
        Line::raw("        \\  -  /"),
        Line::from(vec![
            Span::raw("      "),
            part("base-of-skull", "[skull base]"),
        ]),
        Line::from(vec![
            Span::raw("   "),
            part("left-side", "[left]"),
            Span::raw("  |  "),
            part("right-side", "[right]"),
        ]),
        Line::from(vec![
            Span::raw(" "),
            part("upper-shoulders", "[   upper shoulders   ]"),
        ]),
        Line::from(vec![
            Span::raw("   "),
            part("between-shoulder-blades", "[between the blades]"),
        ]),
        Line::from(vec![
            part("left-arm", "[L arm]"),
            Span::raw("           "),
            part("right-arm", "[R arm]"),
        ]),
    ];
    let block = Block::new().borders(Borders::LEFT).title(" where ");
    frame.render_widget(Paragraph::new(lines).block(block), area);
}
