//! The report for a clinician: the diary over a period as a small document (headings,
//! paragraphs, tables, a chart) that `markdown` and `html` each write out. Built from the diary
//! and the trends summary; it reads, never changes, anything.

mod body;
mod build;
mod care;
mod glance;
mod html;
mod markdown;
mod words;

use chrono::NaiveDate;

pub use build::build;
pub use html::html;
pub use markdown::markdown;

use crate::domain::trends::Chart;

/// What the report is asked for.
#[derive(Clone, Copy, Debug)]
pub struct Request {
    /// The last day covered (today, usually).
    pub to: NaiveDate,
    /// Days covered, ending `to`.
    pub days: u32,
    /// Whether the person's notes are included.
    pub notes: bool,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Report {
    pub title: String,
    /// "1 November 2026 to 30 November 2026 (30 days)".
    pub period: String,
    pub chart: Chart,
    pub sections: Vec<Section>,
}

#[derive(Clone, Debug, PartialEq, Default)]
pub struct Section {
    pub heading: &'static str,
    pub blocks: Vec<Block>,
}

#[derive(Clone, Debug, PartialEq)]
pub enum Block {
    Paragraph(String),
    List(Vec<String>),
    Table {
        header: Vec<String>,
        rows: Vec<Vec<String>>,
    },
    /// The pain chart of the period goes here.
    Chart,
    /// The box read first: each line a label and what it says.
    Glance(Vec<(String, String)>),
    /// Where it hurts, on a figure.
    BodyMap(body::BodyMap),
}

impl Section {
    fn new(heading: &'static str) -> Section {
        Section {
            heading,
            blocks: Vec::new(),
        }
    }

    fn text(&mut self, text: impl Into<String>) {
        self.blocks.push(Block::Paragraph(text.into()));
    }

    fn list(&mut self, items: Vec<String>) {
        if !items.is_empty() {
            self.blocks.push(Block::List(items));
        }
    }

    fn table(&mut self, header: &[&str], rows: Vec<Vec<String>>) {
        if !rows.is_empty() {
            self.blocks.push(Block::Table {
                header: header.iter().map(|h| h.to_string()).collect(),
                rows,
            });
        }
    }
}
