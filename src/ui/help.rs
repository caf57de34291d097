//! Help: what nape is, then every key of every screen and question, from the binding table.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};

use super::field;
use super::theme::Theme;
use crate::app::App;
use crate::domain::sources::sources;
use crate::domain::therapy::limits::bounds;
use crate::keys;

pub fn render(app: &App, frame: &mut Frame, area: Rect, theme: &Theme) {
    let text = page(app, theme);
    let scroll = field::scroll_within(&text, area, app.page().scroll);
    frame.render_widget(text.scroll((scroll, 0)), area);
}

/// The whole of Help, wrapped to whatever width it is drawn at.
pub fn page(app: &App, theme: &Theme) -> Paragraph<'static> {
    let b = bounds();
    let limits = app.diary().limits();
    let mut lines = vec![
        Line::styled("nape: a self-care coach for neck pain", theme.heading()),
        Line::raw(
            "It keeps a private diary and helps you look after a stiff or sore neck. It does not diagnose and never suggests medicine doses.",
        ),
        Line::raw(format!(
            "The top line lists emergency signs: if you have one, call {} now.",
            app.emergency_number()
        )),
        // The numbers in force (the person's settings within the safe bounds), as Timers shows.
        Line::raw(format!(
            "Cold and heat sessions last {} minutes here (settings allow {}), {} minutes apart; rate your pain before and after, answer the skin checks, and nape rings when time is up, even if it was closed. Every change is saved when you make it.",
            limits.session_minutes, b.session_minutes, limits.gap_minutes
        )),
    ];
    for (title, focuses) in keys::SECTIONS {
        lines.push(Line::raw(""));
        lines.push(Line::styled(*title, theme.heading()));
        for binding in keys::section(focuses) {
            lines.push(Line::from(vec![
                Span::styled(format!("{:>10}", binding.label), theme.key()),
                Span::raw(format!("  {}", binding.help)),
            ]));
        }
    }
    lines.push(Line::raw(""));
    lines.push(Line::styled("From the shell", theme.heading()));
    for (command, what) in SHELL {
        lines.push(Line::from(vec![
            Span::styled(format!("  {command}"), theme.key()),
            Span::raw(format!("  {what}")),
        ]));
    }
    lines.push(Line::raw(""));
    lines.push(Line::styled(
        "Sources: what the ids in brackets refer to",
        theme.heading(),
    ));
    for source in sources() {
        lines.push(Line::raw(format!("  [{}] {}", source.id, source.title)));
    }
    Paragraph::new(lines).wrap(Wrap { trim: false })
}

/// The subcommands, in a line each (`nape --help` has the rest).
const SHELL: [(&str, &str); 11] = [
    (
        "nape log 6 [note] [-w where] [-s symptom]",
        "a check-in without opening the app",
    ),
    (
        "nape timer start cold|heat",
        "a session (also pause, resume, stop, status, skin, rate)",
    ),
    (
        "nape list, show ID, edit ID, delete ID, undo",
        "read and correct check-ins (undo: the last change made here)",
    ),
    ("nape status", "one line for a status bar"),
    ("nape assess", "record that a clinician has assessed you"),
    (
        "nape routines play ID",
        "a routine in plain lines (for a screen reader)",
    ),
    ("nape report [--days N]", "a summary for a clinician"),
    (
        "nape export [--format csv]",
        "the whole diary, to keep or to share",
    ),
    ("nape import FILE", "merge an export back"),
    ("nape check", "read every file and say what is wrong"),
    ("nape --help", "every option"),
];
