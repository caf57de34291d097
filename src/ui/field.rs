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

/// Break `text` into lines of at most `width` characters at spaces (a longer word is cut).
pub fn wrap(text: &str, width: usize) -> Vec<String> {
    let width = width.max(1);
    let mut lines = Vec::new();
    let mut line = String::new();
    for word in text.split_whitespace() {
        let needed = if line.is_empty() {
            word.chars().count()
        } else {
            line.chars().count() + 1 + word.chars().count()
        };
        if needed > width && !line.is_empty() {
            lines.push(std::mem::take(&mut line));
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(word);
        while line.chars().count() > width {
            let head: String = line.chars().take(width).collect();
            line = line.chars().skip(width).collect();
            lines.push(head);
        }
    }
    if !line.is_empty() || lines.is_empty() {
        lines.push(line);
    }
    lines
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
