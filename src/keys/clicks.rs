//! What a click or a turn of the wheel does: by what the last frame put where (`ui::Hits`), and
//! only ever what a key could do where the keyboard is.

use ratatui::crossterm::event::{MouseButton, MouseEvent, MouseEventKind};

use super::{Key, table};
use crate::app::{Focus, Msg, Paging};

/// Whether some key sends `msg` where `focus` has the keyboard: a click does only what a key
/// could do there (no tab opens another screen over a half-typed form).
pub fn works(focus: Focus, msg: Msg) -> bool {
    table()
        .iter()
        .any(|b| b.msg == msg && b.scope.applies(focus))
}

/// What a click on the footer's item `label word` does where `focus` has the keyboard; none
/// for a key that stands for many (the digits).
pub fn footer_msg(focus: Focus, label: &str, word: &str) -> Option<Msg> {
    let binding = (table().iter())
        .filter(|b| b.scope.applies(focus))
        .find(|b| b.label == label && b.footer == Some(word))?;
    (!binding.keys.contains(&Key::Digit)).then_some(binding.msg)
}

/// What the key written `label` does where `focus` has the keyboard, if a key is written so.
pub fn label_msg(focus: Focus, label: &str) -> Option<Msg> {
    let binding = (table().iter()).find(|b| b.scope.applies(focus) && b.label == label)?;
    (!binding.keys.contains(&Key::Digit)).then_some(binding.msg)
}

/// Whether the mouse did something that can mean something: a click or a turn of the wheel.
pub fn clicked(event: MouseEvent) -> bool {
    matches!(
        event.kind,
        MouseEventKind::Down(_) | MouseEventKind::ScrollDown | MouseEventKind::ScrollUp
    )
}

/// The message for a click or a turn of the wheel where `focus` has the keyboard, by what the
/// last frame put where. On a terminal too small for the screens, nothing: only q works there.
pub fn mouse(focus: Focus, event: MouseEvent, hits: &crate::ui::Hits) -> Option<Msg> {
    if focus == Focus::TooSmall {
        return None;
    }
    match event.kind {
        MouseEventKind::Down(MouseButton::Left) => {
            // A click where nothing is clickable still closes a message, as a key does.
            Some(hits.at(event.column, event.row).unwrap_or(Msg::Other))
        }
        MouseEventKind::ScrollDown => Some(Msg::Page(Paging::LinesDown)),
        MouseEventKind::ScrollUp => Some(Msg::Page(Paging::LinesUp)),
        _ => None,
    }
}
