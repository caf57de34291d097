//! The keys of the screen, shown in place over it: every key that works where the keyboard
//! is, from the binding table, so a footer with no room for them all still leads to each.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph, Wrap};

use super::field;
use super::theme::Theme;
use crate::app::{App, Focus, Msg, Screen};
use crate::keys;

pub fn render(app: &App, frame: &mut Frame, area: Rect, theme: &Theme) {
    let Some((under, page)) = app.keys_shown() else {
        return;
    };
    frame.render_widget(Clear, area);
    let inner = inside(area);
    let text = list(under, inner.width, theme);
    let scroll = field::scroll_within(&text, inner, page.scroll);
    frame.render_widget(block(theme), area);
    frame.render_widget(text.scroll((scroll, 0)), inner);
}

/// Where the keys are listed, inside the frame.
pub fn inside(area: Rect) -> Rect {
    Block::bordered().inner(area)
}

fn block(theme: &Theme) -> Block<'static> {
    let title = format!(
        " Keys here · {} closes ",
        keys::label_for(Focus::Keys, Msg::Keys)
    );
    Block::bordered().title(Span::styled(title, theme.heading()))
}

/// Every key that works where `under` has the keyboard, once each, with what it does: its own
/// keys first, then those that work on every screen. `width` is what it is drawn in: narrow,
/// the keys are not lined up, which would leave most of a row to them.
pub fn list(under: Focus, width: u16, theme: &Theme) -> Paragraph<'static> {
    let pad = if width >= 60 { 9 } else { 0 };
    // What a key does, wrapped under itself, so a wrapped line never reads as a key of its own.
    let row = |label: &str, help: &str| -> Vec<Line<'static>> {
        let key = format!("{label:>pad$}");
        let indent = if pad > 0 { pad + 2 } else { 4 };
        let first = (width as usize)
            .saturating_sub(field::columns(&key) + 2)
            .max(10);
        let mut parts = field::wrap(help, first).into_iter();
        let mut lines = vec![Line::from(vec![
            Span::styled(key, theme.key()),
            Span::raw(format!("  {}", parts.next().unwrap_or_default())),
        ])];
        let rest: String = parts.collect::<Vec<_>>().join(" ");
        let more = field::wrap(&rest, (width as usize).saturating_sub(indent).max(10));
        lines.extend(
            (more.into_iter().filter(|l| !l.is_empty()))
                .map(|l| Line::raw(format!("{:indent$}{l}", ""))),
        );
        lines
    };
    let mut here: Vec<&keys::Binding> = keys::table()
        .iter()
        .filter(|b| keys::applies(b, under) && b.msg != Msg::Keys)
        .collect();
    here.sort_by_key(|b| keys::general(b));
    let mut lines: Vec<Line> = Vec::new();
    let mut seen: Vec<(&str, &str)> = Vec::new();
    for binding in here {
        // The screens' letters in a line rather than seven, as the tab row names them.
        if let Msg::Goto(screen) = binding.msg {
            if screen == Screen::Today {
                let letters =
                    enum_iterator::all::<Screen>().map(|s| keys::screen_key(s).to_string());
                let names = enum_iterator::all::<Screen>().map(Screen::title);
                let (letters, names): (Vec<_>, Vec<_>) = (letters.collect(), names.collect());
                lines.extend(row(&letters.join(" "), &names.join(", ")));
            }
            continue;
        }
        if !seen.contains(&(binding.label, binding.help)) {
            seen.push((binding.label, binding.help));
            lines.extend(row(binding.label, binding.help));
        }
    }
    Paragraph::new(lines).wrap(Wrap { trim: false })
}
