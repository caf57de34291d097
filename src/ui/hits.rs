//! Where the last frame put what a click can do. Drawing records each clickable area with the
//! message a click there sends (a tab, a footer key, a row), so a click goes by exactly what
//! was on screen, and the layout is worked out in one place.

use ratatui::layout::{Position, Rect};

use crate::app::Msg;

#[derive(Clone, Debug, Default)]
pub struct Hits(Vec<(Rect, Msg)>);

impl Hits {
    pub fn add(&mut self, area: Rect, msg: Msg) {
        self.0.push((area, msg));
    }

    /// Something was drawn over `area` (a message, the keys shown in place): what was under
    /// it can no longer be clicked.
    pub fn cover(&mut self, area: Rect) {
        self.0.retain(|(hit, _)| !hit.intersects(area));
    }

    /// What a click at `column`, `row` does, if anything.
    pub fn at(&self, column: u16, row: u16) -> Option<Msg> {
        let at = Position::new(column, row);
        (self.0.iter().rev())
            .find(|(area, _)| area.contains(at))
            .map(|(_, msg)| *msg)
    }

    /// Each clickable area and what it does, for tests that click what they see.
    pub fn all(&self) -> &[(Rect, Msg)] {
        &self.0
    }
}

/// The areas `widths` take one after another along `row` from `x`, `gap` columns apart.
pub fn along(row: Rect, widths: impl IntoIterator<Item = u16>, gap: u16) -> Vec<Rect> {
    let mut x = row.x;
    let mut out = Vec::new();
    for width in widths {
        let width = width.min(row.right().saturating_sub(x));
        out.push(Rect::new(x, row.y, width, 1));
        x = x.saturating_add(width + gap);
    }
    out
}
