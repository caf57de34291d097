//! The report as Markdown: readable as plain text, and tidy when rendered.

use super::{Block, Report};
use crate::domain::trends::{Chart, Column, spark};

/// Widest sparkline, in characters: longer periods put several days in one mark.
const SPARK_WIDTH: usize = 60;

pub fn markdown(report: &Report) -> String {
    let mut out = format!("# {}\n\n{}\n", report.title, report.period);
    for section in &report.sections {
        out.push_str(&format!("\n## {}\n", section.heading));
        for block in &section.blocks {
            out.push('\n');
            match block {
                // Our own sentences: only a "<" could start raw HTML there.
                Block::Paragraph(text) => {
                    // They may name a file, whose name is anyone's.
                    let text = crate::domain::text::shown(text);
                    let text = text.replace('<', "\\<").replace('\n', " ");
                    out.push_str(&format!("{text}\n"));
                }
                Block::List(items) => {
                    for item in items {
                        // A note's own lines stay inside its item.
                        out.push_str(&format!("- {}\n", safe(item).replace('\n', "\n  ")));
                    }
                }
                Block::Table { header, rows } => {
                    out.push_str(&row(header));
                    out.push_str(&rule(header.len()));
                    for r in rows {
                        out.push_str(&row(r));
                    }
                }
                Block::Chart => out.push_str(&chart(&report.chart)),
                Block::BodyMap(map) => out.push_str(&map.text()),
                Block::Glance(lines) => {
                    out.push_str(&row(&["What".to_string(), "In short".to_string()]));
                    out.push_str(&rule(2));
                    for (label, value) in lines {
                        out.push_str(&format!("| **{}** | {} |\n", cell(label), cell(value)));
                    }
                }
            }
        }
    }
    out
}

/// A table cell: one line, its markup kept as characters.
fn cell(text: &str) -> String {
    inline(&text.replace('\n', " ")).replace('|', "\\|")
}

/// The person's text shown as typed, never as markup: raw HTML, links, images, code spans and
/// emphasis stay characters, and a line of a note never starts a heading, a quote or a list.
/// Anything that would act on a terminal is shown escaped.
fn safe(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for line in text.split_inclusive('\n') {
        // Indented, a line would become code: the person's spaces at its start are let go.
        let body = line.trim_start();
        // "1." or "1)" at the start of a line would begin a numbered list.
        let digits = body.chars().take_while(char::is_ascii_digit).count();
        let starts = body.starts_with(['#', '>', '-', '+', '=']);
        let numbered = digits > 0 && body[digits..].starts_with(['.', ')']);
        if starts {
            out.push('\\');
        }
        if numbered {
            out.push_str(&format!("{}\\{}", &body[..digits], inline(&body[digits..])));
        } else {
            out.push_str(&inline(body));
        }
    }
    out
}

/// Text inside a line: raw HTML, links, images, code spans and emphasis kept as characters,
/// and anything that would act on a terminal shown escaped.
fn inline(text: &str) -> String {
    let text = crate::domain::text::shown(text);
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    for (i, &c) in chars.iter().enumerate() {
        // Tables, strike-through, fences, entities; and the links GFM makes by itself of
        // "http://", "www." and addresses, broken by an escape inside them.
        let markup = matches!(
            c,
            '<' | '[' | ']' | '`' | '!' | '*' | '_' | '\\' | '|' | '~' | '&' | '@'
        );
        let scheme = c == ':' && chars.get(i + 1..i + 3) == Some(&['/', '/']);
        let www = c == '.' && i >= 3 && chars[i - 3..i].iter().collect::<String>() == "www";
        if markup || scheme || www {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// The line under a table's header.
fn rule(columns: usize) -> String {
    format!("|{}\n", " --- |".repeat(columns))
}

fn row(cells: &[String]) -> String {
    let cells: Vec<String> = cells.iter().map(|c| cell(c)).collect();
    format!("| {} |\n", cells.join(" | "))
}

/// Daily mean pain as a sparkline, with the days of cold (c), heat (h), stretches (s) and
/// assessments (A) marked beneath.
fn chart(chart: &Chart) -> String {
    let width = (chart.len().max(1) as usize).min(SPARK_WIDTH);
    let line: String = (chart.columns(width).into_iter())
        .map(|column| match column {
            Column::Pain(v) => spark(v),
            Column::NoCheckIn => '·',
            Column::Between => ' ',
        })
        .collect();
    let marks = match chart.mark_letters(width).trim_end() {
        "" => String::new(),
        marks => format!("{marks}\n"),
    };
    let unit = match width as i64 == chart.len() {
        true => "one mark per day".to_string(),
        false => format!("{width} marks over {} days", chart.len()),
    };
    format!(
        "```text\n{line}\n{marks}```\n\nMean pain, {unit}, from {} to {}: ▁ is 0, █ is 10, · no \
         check-in. Beneath: c cold, h heat, s stretches, + more than one, A assessed by a \
         clinician.\n",
        chart.from, chart.to
    )
}
