//! The pain chart: daily mean (a line), daily worst (dots), the 7-day mean (a thicker line) and
//! the activities score, with a row of letters for cold, heat, stretch and assessment days and
//! the first and last date beneath. Where the height is short, a one-row sparkline instead.

use crate::ui::field::columns;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::symbols::Marker;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Axis, Chart, Dataset, GraphType, Paragraph, Wrap};

use crate::domain::trends::{Column, Summary, spark};
use crate::ui::theme::Theme;

/// The y-axis labels' width and the axis line: where the plot starts.
const GUTTER: u16 = 3;
/// Fewer rows than this and the chart is a sparkline.
const MIN_CHART_ROWS: u16 = 5;

pub fn render(summary: &Summary, frame: &mut Frame, area: Rect, theme: &Theme) {
    let chart = &summary.chart;
    if chart.is_empty() {
        let text = "No check-ins in this span yet. Each pain you log on Today (t) becomes a \
                    point here; ← → choose a longer span.";
        frame.render_widget(Paragraph::new(text).wrap(Wrap { trim: true }), area);
        return;
    }
    let sparkline = area.height < MIN_CHART_ROWS + 4;
    let legend = legend(summary, area.width, sparkline);
    let legend_rows = legend.len() as u16;
    // The activities score (higher is better) on a row of its own, never on the pain axis.
    // A one-line sparkline has no room for it: the Activities section has the scores.
    let activities = u16::from(!chart.function.is_empty() && !sparkline);
    let [plot, scores, marks, dates, key] = Layout::vertical([
        Constraint::Fill(1),
        Constraint::Length(activities),
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Length(legend_rows),
    ])
    .areas(area);
    let width = plot.width.saturating_sub(GUTTER).max(1) as usize;
    if sparkline {
        let line: String = (chart.columns(width).into_iter())
            .map(|c| match c {
                Column::Pain(m) => spark(m),
                Column::NoCheckIn => '·',
                Column::Between => ' ',
            })
            .collect();
        let row = Rect { height: 1, ..plot };
        frame.render_widget(Line::raw(format!("   {line}")), row);
    } else {
        draw(summary, frame, plot, theme);
    }
    if activities > 0 {
        let [label, row] =
            Layout::horizontal([Constraint::Length(GUTTER), Constraint::Fill(1)]).areas(scores);
        let line: String = (chart.function_columns(width).into_iter())
            .map(|score| score.map_or(' ', spark))
            .collect();
        frame.render_widget(Line::styled("act", theme.dim()), label);
        frame.render_widget(Line::styled(line, theme.series(3)), row);
    }
    let [_, marks] =
        Layout::horizontal([Constraint::Length(GUTTER), Constraint::Fill(1)]).areas(marks);
    frame.render_widget(Line::raw(chart.mark_letters(width)), marks);
    let [_, dates] =
        Layout::horizontal([Constraint::Length(GUTTER), Constraint::Fill(1)]).areas(dates);
    // The year where the span crosses more than a season.
    let format = if chart.len() > 180 { "%b %Y" } else { "%-d %b" };
    let (from, to) = (
        chart.from.format(format).to_string(),
        chart.to.format(format).to_string(),
    );
    let gap = (dates.width as usize).saturating_sub(from.len() + to.len());
    frame.render_widget(
        Line::styled(format!("{from}{}{to}", " ".repeat(gap)), theme.dim()),
        dates,
    );
    frame.render_widget(Paragraph::new(legend), key);
}

fn draw(summary: &Summary, frame: &mut Frame, area: Rect, theme: &Theme) {
    let chart = &summary.chart;
    let line = |data, marker, style: Style| {
        Dataset::default()
            .data(data)
            .marker(marker)
            .graph_type(GraphType::Line)
            .style(style)
    };
    let mut sets: Vec<Dataset> = Vec::new();
    for run in &chart.rolling {
        sets.push(line(run, Marker::Bar, theme.series(2)));
    }
    for run in &chart.mean {
        sets.push(line(run, Marker::Braille, theme.series(0)));
    }
    for run in &chart.worst {
        let dots = Dataset::default()
            .data(run)
            .marker(Marker::Dot)
            .graph_type(GraphType::Scatter)
            .style(theme.series(1));
        sets.push(dots);
    }
    let x_max = (chart.len() - 1).max(1) as f64;
    let widget = Chart::new(sets)
        .x_axis(Axis::default().bounds([0.0, x_max]))
        .y_axis(
            Axis::default()
                .bounds([0.0, 10.0])
                .labels(["0", "5", "10"])
                .style(theme.dim()),
        )
        .legend_position(None);
    frame.render_widget(widget, area);
}

/// What each mark means, in words and glyphs (never colour alone), in as few rows as fit.
fn legend(summary: &Summary, width: u16, sparkline: bool) -> Vec<Line<'static>> {
    let chart = &summary.chart;
    let mean = match (sparkline, chart.bin) {
        (true, _) => "▁-█ mean 0-10".to_string(),
        (false, 1) => "⣿ mean".to_string(),
        (false, n) => format!("⣿ mean of {n} days"),
    };
    let mut parts = vec![
        mean.as_str(),
        "• worst in 24 h (else pain now)",
        "▄ 7-day mean",
        "c cold",
        "h heat",
        "s stretch",
        "+ several",
        "A assessed",
    ];
    if sparkline {
        parts.drain(1..3);
    } else {
        if chart.bin > 1 {
            parts.remove(2);
        }
    }
    if !chart.function.is_empty() && !sparkline {
        parts.insert(1, "act: activities 0-10, higher is better");
    }
    let mut lines = Vec::new();
    let mut row = String::new();
    for part in parts {
        if !row.is_empty() && columns(&row) + columns(part) + 2 > width as usize {
            lines.push(Line::from(Span::raw(std::mem::take(&mut row))));
        }
        if !row.is_empty() {
            row.push_str("  ");
        }
        row.push_str(part);
    }
    lines.push(Line::raw(row));
    lines
}
