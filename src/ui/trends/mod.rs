//! Trends: one section at a time under a line naming it and the span, each drawn from the
//! summary the model worked out (nothing is counted here).

mod calendar;
mod chart;
mod sections;

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};

use super::hits::Hits;
use super::theme::Theme;
use crate::app::{App, Measure, Msg};
use crate::domain::settings::Section;
use crate::domain::trends::Summary;

pub fn render(app: &App, frame: &mut Frame, area: Rect, theme: &Theme, hits: &mut Hits) {
    let view = app.trends().view(app.diary());
    let [head, body] = Layout::vertical([Constraint::Length(1), Constraint::Fill(1)]).areas(area);
    let line = header(view.section, view.span.label(), head.width, theme);
    // Where every section is named, a click on one shows it.
    if line.spans.len() > enum_iterator::cardinality::<Section>() {
        let widths = line.spans.iter().step_by(2).map(|s| s.width() as u16);
        for (i, at) in super::hits::along(head, widths, 1).into_iter().enumerate() {
            if i < enum_iterator::cardinality::<Section>() {
                hits.add(at, Msg::Pick(i));
            }
        }
    }
    frame.render_widget(line, head);
    let Some(summary) = app.trends().summary() else {
        return;
    };
    // A question about the activities shows whatever section is in view.
    if app.trends().prompt.is_some() || view.section == Section::Function {
        return sections::activities(app, summary, frame, body, theme);
    }
    match view.section {
        Section::Chart => chart::render(summary, frame, body, theme),
        Section::Calendar => calendar::render(summary, frame, body, theme),
        Section::Progress | Section::Helps => {
            let lines = words(view.section, summary, theme);
            sections::scrolled(lines, app.trends().page.scroll, frame, body, theme);
        }
        Section::Function => {}
    }
}

/// "Pain chart · 30 days" with the sections listed, the one in view in brackets, where they fit.
fn header(section: Section, span: &str, width: u16, theme: &Theme) -> Line<'static> {
    let index = enum_iterator::all::<Section>()
        .position(|s| s == section)
        .unwrap_or(0)
        + 1;
    let mut all = Vec::new();
    for s in enum_iterator::all::<Section>() {
        let text = match s == section {
            true => format!("[{}]", s.title()),
            false => s.title().to_string(),
        };
        let style = match s == section {
            true => theme.heading(),
            false => theme.dim(),
        };
        all.push(Span::styled(text, style));
        all.push(Span::raw(" "));
    }
    all.push(Span::raw(format!("· {span}")));
    let line = Line::from(all);
    if line.width() <= width as usize {
        return line;
    }
    Line::from(vec![
        Span::styled(section.title(), theme.heading()),
        Span::raw(format!(
            " {index}/{} · {span}",
            enum_iterator::cardinality::<Section>()
        )),
    ])
}

/// The lines of a section of words (Progress, What helps); none for the others.
pub(super) fn words(section: Section, summary: &Summary, theme: &Theme) -> Vec<Line<'static>> {
    match section {
        Section::Progress => sections::progress(summary, theme),
        Section::Helps => sections::helps(summary, theme),
        _ => Vec::new(),
    }
}

/// How many rows the section in view has beyond its area at this size (what scrolling can
/// reach), for the model; `None` on a section that does not scroll.
pub fn end(app: &App, width: u16, height: u16, theme: &Theme) -> Option<Measure> {
    let view = app.trends().view(app.diary());
    if !matches!(view.section, Section::Progress | Section::Helps) || app.trends().prompt.is_some()
    {
        return None;
    }
    let summary = app.trends().summary()?;
    let text = ratatui::widgets::Paragraph::new(words(view.section, summary, theme))
        .wrap(ratatui::widgets::Wrap { trim: true });
    // Below the header row; once it does not fit, the last row is the "more below" mark.
    let (lines, rows) = (text.line_count(width) as u16, height.saturating_sub(1));
    let end = if lines <= rows { 0 } else { lines - rows + 1 };
    Some(Measure { end, rows })
}
