//! The report as Markdown: readable as plain text, and tidy when rendered.

use super::{Block, Report};
use crate::domain::trends::Chart;

/// Widest sparkline, in characters: longer periods put several days in one mark.
const SPARK_WIDTH: usize = 60;
const LEVELS: [char; 8] = ['▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'];

pub fn markdown(report: &Report) -> String {
    let mut out = format!("# {}\n\n{}\n", report.title, report.period);
    for section in &report.sections {
        out.push_str(&format!("\n## {}\n", section.heading));
        for block in &section.blocks {
            out.push('\n');
            match block {
                Block::Paragraph(text) => out.push_str(&format!("{}\n", one_line(text))),
                Block::List(items) => {
                    for item in items {
                        // A note's own lines stay inside its item.
                        out.push_str(&format!("- {}\n", safe(item).replace('\n', "\n  ")));
                    }
                }
                Block::Table { header, rows } => {
                    out.push_str(&row(header));
                    out.push_str(&row(&vec!["---".to_string(); header.len()]));
                    for r in rows {
                        out.push_str(&row(r));
                    }
                }
                Block::Chart => out.push_str(&chart(&report.chart)),
            }
        }
    }
    out
}

fn one_line(text: &str) -> String {
    safe(text).replace('\n', " ")
}

/// The person's text shown as typed: a "<" would otherwise open raw HTML where the Markdown is
/// rendered.
fn safe(text: &str) -> String {
    text.replace('<', "\\<")
}

fn row(cells: &[String]) -> String {
    let cells: Vec<String> = cells
        .iter()
        .map(|c| one_line(c).replace('|', "\\|"))
        .collect();
    format!("| {} |\n", cells.join(" | "))
}

/// Daily mean pain as a sparkline, with the days of cold (c), heat (h), stretches (s) and
/// assessments (A) marked beneath.
fn chart(chart: &Chart) -> String {
    let days = chart.len().max(1) as usize;
    let per = days.div_ceil(SPARK_WIDTH).max(1);
    let width = days.div_ceil(per);
    let mut sums = vec![(0.0, 0usize); width];
    for &(x, y) in chart.mean.iter().flatten() {
        let slot = &mut sums[(x as usize / per).min(width - 1)];
        *slot = (slot.0 + y, slot.1 + 1);
    }
    let line: String = (sums.iter())
        .map(|(sum, n)| match n {
            0 => '·',
            n => LEVELS[((sum / *n as f64) / 10.0 * 7.0).round().clamp(0.0, 7.0) as usize],
        })
        .collect();
    let mut marks = vec![' '; width];
    for (date, m) in &chart.marks {
        let slot =
            &mut marks[((*date - chart.from).num_days().max(0) as usize / per).min(width - 1)];
        let glyph = if m.assessed {
            'A'
        } else if [m.cold, m.heat, m.stretch].iter().filter(|b| **b).count() > 1 {
            '+'
        } else if m.cold {
            'c'
        } else if m.heat {
            'h'
        } else {
            's'
        };
        *slot = if *slot == ' ' || glyph == 'A' {
            glyph
        } else {
            '+'
        };
    }
    let unit = match per {
        1 => "one mark per day".to_string(),
        n => format!("one mark per {n} days"),
    };
    let marks: String = marks.iter().collect();
    let marks = match marks.trim_end() {
        "" => String::new(),
        marks => format!("{marks}\n"),
    };
    format!(
        "```text\n{line}\n{marks}```\n\nMean pain, {unit}, from {} to {}: ▁ is 0, █ is 10, · no \
         check-in. Beneath: c cold, h heat, s stretches, + more than one, A assessed by a \
         clinician.\n",
        chart.from, chart.to
    )
}
