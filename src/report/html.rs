//! The report as one self-contained HTML page: inline style and an inline SVG chart, no script,
//! no external reference, so it opens anywhere offline and prints cleanly on A4 or Letter.

use std::fmt::Write;

use super::{Block, Report};
use crate::domain::trends::Chart;

const STYLE: &str = "
body { font: 11pt/1.45 system-ui, -apple-system, 'Segoe UI', sans-serif; color: #111;
       max-width: 46em; margin: 2em auto; padding: 0 1em; }
h1 { font-size: 1.5em; margin-bottom: 0.2em; }
h2 { font-size: 1.15em; margin-top: 1.6em; border-bottom: 1px solid #999;
     break-after: avoid; page-break-after: avoid; }
table { border-collapse: collapse; width: 100%; margin: 0.6em 0; }
th, td { border: 1px solid #aaa; padding: 0.2em 0.5em; text-align: left; vertical-align: top; }
th { background: #eee; }
tr, figure, li { break-inside: avoid; page-break-inside: avoid; }
figure { margin: 0.8em 0; }
figcaption { font-size: 0.9em; }
svg { width: 100%; height: auto; }
.period { color: #333; }
table.glance { border: 2px solid #111; }
figure.body svg { max-width: 15em; display: block; }
table.glance th { width: 11em; }
.note { white-space: pre-wrap; }
@page { margin: 15mm; }
@media print {
  body { max-width: none; margin: 0; padding: 0; font-size: 10pt; }
  th { background: none; }
}
";

pub fn html(report: &Report) -> String {
    let mut out = String::new();
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>{}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n<h1>{}</h1>\n\
         <p class=\"period\">{}</p>\n",
        escape(&report.title),
        escape(&report.title),
        escape(&report.period)
    );
    for section in &report.sections {
        let _ = writeln!(out, "<section>\n<h2>{}</h2>", escape(section.heading));
        for block in &section.blocks {
            match block {
                Block::Paragraph(text) => {
                    let _ = writeln!(out, "<p>{}</p>", escape(text));
                }
                Block::List(items) => {
                    out.push_str("<ul>\n");
                    for item in items {
                        let _ = writeln!(out, "<li class=\"note\">{}</li>", escape(item));
                    }
                    out.push_str("</ul>\n");
                }
                Block::Table { header, rows } => {
                    out.push_str("<table>\n<thead><tr>");
                    for h in header {
                        let _ = write!(out, "<th>{}</th>", escape(h));
                    }
                    out.push_str("</tr></thead>\n<tbody>\n");
                    for row in rows {
                        out.push_str("<tr>");
                        for cell in row {
                            let _ = write!(out, "<td>{}</td>", escape(cell));
                        }
                        out.push_str("</tr>\n");
                    }
                    out.push_str("</tbody>\n</table>\n");
                }
                Block::Chart => out.push_str(&svg(&report.chart)),
                Block::BodyMap(map) => out.push_str(&map.svg()),
                Block::Glance(lines) => {
                    out.push_str("<table class=\"glance\">\n");
                    for (label, value) in lines {
                        let _ = writeln!(
                            out,
                            "<tr><th scope=\"row\">{}</th><td>{}</td></tr>",
                            escape(label),
                            escape(value)
                        );
                    }
                    out.push_str("</table>\n");
                }
            }
        }
        out.push_str("</section>\n");
    }
    out.push_str("</body>\n</html>\n");
    out
}

/// Text safe inside HTML elements and attribute values.
pub fn escape(text: &str) -> String {
    let text = crate::domain::text::shown(text);
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

// The plot's box inside the SVG's 700 x 250 view.
const LEFT: f64 = 40.0;
const RIGHT: f64 = 690.0;
const TOP: f64 = 15.0;
const BOTTOM: f64 = 195.0;

/// The chart as an inline SVG: the lines differ by style as well as colour (solid mean, dashed
/// worst, thick pale rolling mean, dotted functional score), and the caption says which is which.
fn svg(chart: &Chart) -> String {
    let span = (chart.len() - 1).max(1) as f64;
    let x = |d: f64| LEFT + d / span * (RIGHT - LEFT);
    let y = |v: f64| BOTTOM - v / 10.0 * (BOTTOM - TOP);
    let mut out = String::from(
        "<figure>\n<svg viewBox=\"0 0 700 250\" \
         role=\"img\" aria-label=\"Pain over the period\">\n",
    );
    for v in (0..=10).step_by(2) {
        let yy = y(f64::from(v));
        let _ = writeln!(
            out,
            "<line x1=\"{LEFT}\" y1=\"{yy:.1}\" x2=\"{RIGHT}\" y2=\"{yy:.1}\" stroke=\"#ddd\"/>\
             <text x=\"{:.1}\" y=\"{:.1}\" font-size=\"11\" text-anchor=\"end\">{v}</text>",
            LEFT - 6.0,
            yy + 4.0
        );
    }
    let lines = [
        (
            &chart.rolling,
            "stroke=\"#9ab8d8\" stroke-width=\"5\"",
            "#9ab8d8",
        ),
        (
            &chart.worst,
            "stroke=\"#b03a2e\" stroke-width=\"1.5\" stroke-dasharray=\"5 3\"",
            "#b03a2e",
        ),
        (
            &chart.mean,
            "stroke=\"#1f4e79\" stroke-width=\"2\"",
            "#1f4e79",
        ),
    ];
    for (runs, style, dot) in lines {
        for run in runs {
            let points: Vec<String> = (run.iter())
                .map(|(dx, v)| format!("{:.1},{:.1}", x(*dx), y(*v)))
                .collect();
            let _ = writeln!(
                out,
                "<polyline fill=\"none\" {style} points=\"{}\"/>",
                points.join(" ")
            );
            if run.len() == 1 {
                let _ = writeln!(
                    out,
                    "<circle cx=\"{:.1}\" cy=\"{:.1}\" r=\"2.5\" fill=\"{dot}\"/>",
                    x(run[0].0),
                    y(run[0].1)
                );
            }
        }
    }
    if !chart.function.is_empty() {
        let points: Vec<String> = (chart.function.iter())
            .map(|(dx, v)| format!("{:.1},{:.1}", x(*dx), y(*v)))
            .collect();
        let _ = writeln!(
            out,
            "<polyline fill=\"none\" stroke=\"#2e7d32\" stroke-width=\"2\" \
             stroke-dasharray=\"1 4\" stroke-linecap=\"round\" points=\"{}\"/>",
            points.join(" ")
        );
    }
    for (date, m) in &chart.marks {
        let glyph = [
            (m.cold, "c"),
            (m.heat, "h"),
            (m.stretch, "s"),
            (m.assessed, "A"),
        ]
        .iter()
        .filter(|(on, _)| *on)
        .map(|(_, g)| *g)
        .collect::<String>();
        let _ = writeln!(
            out,
            "<text x=\"{:.1}\" y=\"215\" font-size=\"9\" text-anchor=\"middle\">{glyph}</text>",
            x((*date - chart.from).num_days() as f64)
        );
    }
    let _ = write!(
        out,
        "<text x=\"{LEFT}\" y=\"240\" font-size=\"11\">{}</text>\
         <text x=\"{RIGHT}\" y=\"240\" font-size=\"11\" text-anchor=\"end\">{}</text>\n</svg>\n",
        chart.from, chart.to
    );
    let lines = match chart.bin {
        1 => "solid line, the day's mean; dashed, the day's worst in the last 24 hours (its \
              pain now where that was not given); thick pale line, the 7-day rolling mean"
            .to_string(),
        n => format!(
            "each point covers {n} days: solid line, their mean; dashed, their worst in the last \
             24 hours (pain now where that was not given)"
        ),
    };
    let _ = write!(
        out,
        "<figcaption>Pain 0-10: {lines}; dotted, the activities score (0 unable, 10 as before). \
         Breaks in a line are days with no check-in. Letters beneath: c cold, h heat, s \
         stretches, A assessed by a clinician.</figcaption>\n</figure>\n",
    );
    out
}
