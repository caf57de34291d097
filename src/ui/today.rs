//! Today: the fast check-in line, then the day's entries.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, List, ListItem, ListState, Paragraph, Wrap};

use super::detail;
use super::hits::Hits;
use super::theme::Theme;
use crate::app::{App, Msg};
use crate::domain::checkin::CheckIn;
use crate::domain::{redflag, vocabulary};
use crate::keys;

pub fn render(app: &App, frame: &mut Frame, area: Rect, theme: &Theme, hits: &mut Hits) {
    let [quick, gap, day, list] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(u16::from(area.height > 8)),
        Constraint::Length(1),
        Constraint::Fill(1),
    ])
    .areas(area);
    let state = app.today_state();
    let typed = &state.quick;
    let quick_line = if typed.is_empty() {
        Line::from(vec![
            Span::styled("Pain now? ", theme.heading()),
            // Whole at any width from the smallest supported one.
            Span::raw({
                let form = keys::hint(Msg::NewCheckin);
                if area.width >= 52 {
                    format!("type 0-10 then Enter · {form} for the full form")
                } else {
                    format!("0-10, Enter · {form}: full form")
                }
            }),
        ])
    } else {
        Line::from(vec![
            Span::styled("Pain now: ", theme.heading()),
            Span::styled(format!(" {typed} "), theme.selected()),
            Span::raw("  Enter saves · Esc clears"),
        ])
    };
    frame.render_widget(Paragraph::new(quick_line), quick);
    // A gentle weekly question, in the spare row: never in the way, never blocking.
    if app.diary().function_due(app.today()) {
        let rate = keys::hint(Msg::RateActivities);
        let ask = format!("Weekly: {rate} rates your activities (how hard the neck makes them)");
        frame.render_widget(Line::styled(ask, theme.dim()), gap);
    }

    let shown = state.day;
    let when = match (app.today() - shown).num_days() {
        0 => "today".to_string(),
        1 => "yesterday".to_string(),
        n => format!("{n} days ago"),
    };
    let entries: Vec<_> = app.diary().checkins_on(shown).collect();
    // The year goes where the width is short, so the count is never cut.
    let date = if area.width >= 48 {
        "%a %-d %b %Y"
    } else {
        "%a %-d %b"
    };
    let header = format!(
        "{} ({when}) · {} check-in{}",
        shown.format(date),
        entries.len(),
        if entries.len() == 1 { "" } else { "s" }
    );
    frame.render_widget(Paragraph::new(Line::styled(header, theme.heading())), day);

    if entries.is_empty() {
        let hint = if shown == app.today() {
            "No check-ins yet today."
        } else {
            "No check-ins this day. b backfills one."
        };
        frame.render_widget(Paragraph::new(Line::styled(hint, theme.dim())), list);
        return;
    }
    let items: Vec<ListItem> = entries
        .iter()
        .map(|r| {
            let zone = app.diary().zone();
            ListItem::new(summary(
                &r.body,
                &zone.clock_of(r.body.at, r.body.offset, "%H:%M"),
            ))
        })
        .collect();
    // The picked entry in full: beside the list where there is width, under it otherwise.
    let picked = entries.get(state.selected).map(|r| {
        let time = (app.diary().zone()).clock_of(r.body.at, r.body.offset, "%H:%M");
        detail::lines(&r.body, &time, theme)
    });
    if let (Some(lines), true) = (&picked, state.details) {
        // In place of the list: the picked entry alone, with where it is among the day's.
        let title = format!(" {} of {} · v closes ", state.selected + 1, entries.len());
        let text = Paragraph::new(lines.clone())
            .wrap(Wrap { trim: false })
            .block(Block::new().borders(Borders::TOP).title(title));
        frame.render_widget(text, list);
        return;
    }
    let (list, pane) = match picked {
        Some(_) if list.width >= 70 => {
            let [left, right] =
                Layout::horizontal([Constraint::Fill(1), Constraint::Percentage(45)]).areas(list);
            (left, Some(right))
        }
        Some(_) if list.height as usize >= entries.len() + 5 => {
            let rows = entries.len().min(list.height as usize / 2).max(1) as u16;
            let [top, bottom] =
                Layout::vertical([Constraint::Length(rows + 1), Constraint::Fill(1)]).areas(list);
            (top, Some(bottom))
        }
        _ => {
            // No room for the pane: say how to see it, on a spare row if there is one.
            let rows = entries.len() as u16;
            if list.height > rows {
                let [top, _, hint] = Layout::vertical([
                    Constraint::Length(rows),
                    Constraint::Fill(1),
                    Constraint::Length(1),
                ])
                .areas(list);
                let text = Line::styled(
                    format!(
                        "{}: details of the picked check-in",
                        keys::hint(Msg::Details)
                    ),
                    theme.dim(),
                );
                frame.render_widget(Paragraph::new(text), hint);
                (top, None)
            } else {
                (list, None)
            }
        }
    };
    let count = items.len();
    let mut state = ListState::default().with_selected(Some(state.selected));
    frame.render_stateful_widget(
        List::new(items)
            .highlight_style(theme.selected())
            .highlight_symbol("› "),
        list,
        &mut state,
    );
    // A row each, from the first the list scrolled to.
    for (row, entry) in (list.y..list.bottom()).zip(state.offset()..count) {
        hits.add(Rect::new(list.x, row, list.width, 1), Msg::Pick(entry));
    }
    if let (Some(lines), Some(pane)) = (picked, pane) {
        // A rule between list and pane: on its left beside the list, above it under the list.
        let rule = if pane.y > list.y {
            Borders::TOP
        } else {
            Borders::LEFT
        };
        let text = Paragraph::new(lines)
            .wrap(Wrap { trim: false })
            .block(Block::new().borders(rule));
        frame.render_widget(text, pane);
    }
}

/// One line per entry: time, ratings, then what was ticked and the note's start.
fn summary(c: &CheckIn, time: &str) -> String {
    let mut parts = vec![format!("{time}  pain {}", c.pain)];
    if let Some(w) = c.worst {
        parts.push(format!("worst {w}"));
    }
    if let Some(s) = c.stiffness {
        parts.push(format!("stiff {s}"));
    }
    let mut words: Vec<&str> = Vec::new();
    words.extend(
        c.locations
            .iter()
            .filter_map(|id| vocabulary::label(vocabulary::LOCATIONS, id)),
    );
    for id in &c.symptoms {
        match redflag::find(id) {
            Some(flag) => words.push(flag.level.symbol()),
            None => words.extend(vocabulary::label(vocabulary::SYMPTOMS, id)),
        }
    }
    words.extend(c.treatments.iter().map(String::as_str));
    if !words.is_empty() {
        parts.push(words.join(", "));
    }
    if let Some(note) = &c.note {
        let first = note.lines().next().unwrap_or("");
        parts.push(format!("“{first}”"));
    }
    parts.join("  ")
}
