//! The check-in's note: several lines, wrapped where it is drawn. ratatui-textarea does the
//! editing; the form's key table still decides which keys reach it.

use ratatui_textarea::{CursorMove, TextArea, WrapMode};
use tui_input::InputRequest;

#[derive(Clone, Debug)]
pub struct Note(TextArea<'static>);

impl Default for Note {
    fn default() -> Self {
        Note::new("")
    }
}

impl Note {
    pub fn new(text: &str) -> Self {
        let mut area = TextArea::new(text.lines().map(str::to_string).collect());
        area.set_wrap_mode(WrapMode::WordOrGlyph);
        // The form marks the focused row itself; the editor's own underline would be a second mark.
        area.set_cursor_line_style(ratatui::style::Style::new());
        area.set_placeholder_text("what happened, what helped");
        area.set_placeholder_style(
            ratatui::style::Style::new().add_modifier(ratatui::style::Modifier::DIM),
        );
        area.move_cursor(CursorMove::Bottom);
        area.move_cursor(CursorMove::End);
        Note(area)
    }

    /// The note as stored: its lines joined, with blank lines at the end dropped.
    pub fn text(&self) -> String {
        self.0.lines().join("\n").trim_end().to_string()
    }

    pub fn editor(&self) -> &TextArea<'static> {
        &self.0
    }

    /// One edit from the shared text-field keys (characters, Backspace, Home, Ctrl-W, ...).
    pub fn edit(&mut self, request: InputRequest) {
        let area = &mut self.0;
        match request {
            InputRequest::InsertChar(c) => area.insert_char(c),
            InputRequest::DeletePrevChar => _ = area.delete_char(),
            InputRequest::DeleteNextChar => _ = area.delete_next_char(),
            InputRequest::DeletePrevWord => _ = area.delete_word(),
            InputRequest::DeleteNextWord => _ = area.delete_next_word(),
            InputRequest::DeleteLine => {
                area.move_cursor(CursorMove::End);
                _ = area.delete_line_by_head();
            }
            InputRequest::DeleteTillEnd => _ = area.delete_line_by_end(),
            InputRequest::DeleteFromStart => _ = area.delete_line_by_head(),
            InputRequest::GoToPrevChar => area.move_cursor(CursorMove::Back),
            InputRequest::GoToNextChar => area.move_cursor(CursorMove::Forward),
            InputRequest::GoToPrevWord => area.move_cursor(CursorMove::WordBack),
            InputRequest::GoToNextWord => area.move_cursor(CursorMove::WordForward),
            InputRequest::GoToStart => area.move_cursor(CursorMove::Head),
            InputRequest::GoToEnd => area.move_cursor(CursorMove::End),
            InputRequest::Yank => _ = area.paste(),
            InputRequest::SetCursor(_) => {}
        }
    }

    pub fn newline(&mut self) {
        self.0.insert_newline();
    }

    /// Move up a line; false at the first line, where Up leaves the note for the row above.
    pub fn up(&mut self) -> bool {
        self.moved(CursorMove::Up)
    }

    /// Move down a line; false at the last line.
    pub fn down(&mut self) -> bool {
        self.moved(CursorMove::Down)
    }

    fn moved(&mut self, to: CursorMove) -> bool {
        let before = self.0.cursor();
        self.0.move_cursor(to);
        self.0.cursor() != before
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_are_kept_and_trailing_blank_lines_dropped() {
        let mut note = Note::new("slept badly");
        note.newline();
        note.edit(InputRequest::InsertChar('a'));
        note.newline();
        note.newline();
        assert_eq!(note.text(), "slept badly\na");
    }

    #[test]
    fn up_and_down_stop_at_the_edges() {
        let mut note = Note::new("one\ntwo");
        assert!(!note.down(), "the cursor starts on the last line");
        assert!(note.up());
        assert!(!note.up());
    }
}
