//! A text field's value as spans, with the cursor drawn in reverse video at its place. Drawing it
//! in the text (not the terminal cursor) keeps it right when lines wrap.

use ratatui::text::Span;
use tui_input::Input;

use super::theme::Theme;

pub fn spans(input: &Input, focused: bool, theme: &Theme) -> Vec<Span<'static>> {
    let value = input.value();
    if !focused {
        return vec![Span::raw(value.to_string())];
    }
    let cursor = input.cursor();
    let before: String = value.chars().take(cursor).collect();
    let at: String = value.chars().nth(cursor).map_or(" ".into(), String::from);
    let after: String = value.chars().skip(cursor + 1).collect();
    vec![Span::raw(before), Span::styled(at, theme.selected()), Span::raw(after)]
}
