//! Help: what nape is, and the keys.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Wrap};

use super::theme::Theme;
use crate::app::{App, Screen};

pub fn render(app: &App, frame: &mut Frame, area: Rect, theme: &Theme) {
    let screens: Vec<String> = Screen::ALL
        .iter()
        .map(|s| format!("{} {}", s.key(), s.title()))
        .collect();
    let lines = vec![
        Line::styled("nape: a self-care coach for neck pain", theme.heading()),
        Line::raw(
            "It keeps a private diary and helps you look after a stiff or sore neck. It does not diagnose and never suggests medicine doses.",
        ),
        Line::raw(format!(
            "The top line lists emergency signs: if you have one, call {} now.",
            app.emergency_number()
        )),
        Line::raw(""),
        Line::styled("Everywhere", theme.heading()),
        Line::raw(format!(
            "Tab / Shift-Tab: next / previous screen; letters: {}",
            screens.join(", ")
        )),
        Line::raw(
            "q quits (when no text field is in use); Ctrl-C quits from anywhere. Every change is saved when you make it.",
        ),
        Line::raw(""),
        Line::styled("Today", theme.heading()),
        Line::raw("Type your pain now, 0 to 10, and press Enter: saved."),
        Line::raw(
            "a opens the full form; c copies your last check-in into it; b backfills the day shown.",
        ),
        Line::raw(
            "←/→ or [ ] move between days; ↑/↓ pick an entry; Enter edits it; d deletes it (asks first).",
        ),
        Line::raw(""),
        Line::styled("Check-in form", theme.heading()),
        Line::raw(
            "Tab or ↑/↓ move; type in text fields; Space ticks a box; Enter saves; Esc closes without saving.",
        ),
        Line::raw(""),
        Line::styled("Timers", theme.heading()),
        Line::raw(format!(
            "Enter starts the pack that suits now (cold in the first days, heat after); c cold, w heat. p pauses or resumes, + adds a minute ({} at most), x stops. Rate your pain before and after, answer the skin checks, and nape rings when time is up, even if it was closed.",
            crate::domain::therapy::limits::bounds().session_minutes.max
        )),
        Line::raw(""),
        Line::styled("Red flags", theme.heading()),
        Line::raw(
            "Lists every warning sign with its source. When one is active, timers and stretches wait until you press a to record that a clinician has assessed you.",
        ),
        Line::raw(""),
        Line::styled("Settings", theme.heading()),
        Line::raw("Enter to change your emergency number and when this episode began."),
    ];
    frame.render_widget(
        Paragraph::new(lines)
            .wrap(Wrap { trim: false })
            .scroll((app.scroll, 0)),
        area,
    );
}
