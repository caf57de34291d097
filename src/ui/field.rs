//! A text field's value as spans, with the cursor drawn in reverse video at its place. Drawing it
//! in the text (not the terminal cursor) keeps it right when lines wrap.

use ratatui::text::Span;
use tui_input::Input;

use super::theme::Theme;

pub fn spans(input: &Input, focused: bool, theme: &Theme, width: usize) -> Vec<Span<'static>> {
    let value = input.value();
    let width = width.max(2);
    if !focused {
        let mut shown: String = value.chars().take(width).collect();
        if value.chars().count() > width {
            shown.pop();
            shown.push('…');
        }
        return vec![Span::raw(shown)];
    }
    // Long values scroll sideways to keep the cursor in view.
    let scroll = input.visual_scroll(width.saturating_sub(1));
    let cursor = input.cursor().saturating_sub(scroll);
    let visible: Vec<char> = value.chars().skip(scroll).take(width).collect();
    let before: String = visible.iter().take(cursor).collect();
    let at: String = visible.get(cursor).map_or(" ".into(), |c| c.to_string());
    let after: String = visible.iter().skip(cursor + 1).collect();
    vec![
        Span::raw(before),
        Span::styled(at, theme.selected()),
        Span::raw(after),
    ]
}

/// Break `text` into lines at spaces that each take at most `width` columns on screen (a wider
/// word is cut), measured as ratatui measures what it draws: one model of width everywhere.
pub fn wrap(text: &str, width: usize) -> Vec<String> {
    let options = textwrap::Options::new(width.max(1)).break_words(true);
    let lines: Vec<String> = textwrap::wrap(text.trim(), options)
        .into_iter()
        .map(|line| line.split_whitespace().collect::<Vec<_>>().join(" "))
        .collect();
    if lines.is_empty() {
        vec![String::new()]
    } else {
        lines
    }
}

/// The columns `text` takes on screen.
pub fn columns(text: &str) -> usize {
    unicode_width::UnicodeWidthStr::width(text)
}

/// `scroll` limited so the last line of `text` (as drawn in `area`, wrapped) is at the bottom
/// at most: a long page stops at its end instead of scrolling on into emptiness.
pub fn scroll_within(
    text: &ratatui::widgets::Paragraph,
    area: ratatui::layout::Rect,
    scroll: u16,
) -> u16 {
    let rows = text.line_count(area.width) as u16;
    scroll.min(rows.saturating_sub(area.height))
}
