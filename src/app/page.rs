//! A long page read by scrolling (Help, Red flags, a Trends section, the keys of a screen):
//! where it is, and where it ends. The end depends on how the page wraps at the terminal's
//! size, which only the view knows: the loop passes it on after each frame (`Msg::PageEnd`).
//! Red flags also records an assessment.

use super::{Confirm, Effect, Msg, Paging};
use crate::diary::Act;

/// Rows a turn of the mouse wheel scrolls a page.
const WHEEL: u16 = 3;

/// What the view measured of the page on show.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Measure {
    /// How far it can scroll.
    pub end: u16,
    /// How many of its rows are on screen at once.
    pub rows: u16,
}

#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Page {
    /// Lines scrolled past the top.
    pub scroll: u16,
    /// As the view last measured it.
    pub measure: Option<Measure>,
}

impl Page {
    pub(super) fn update(&mut self, msg: Msg) -> Vec<Effect> {
        match msg {
            Msg::RecordAssessment => return vec![record_assessment()],
            msg => _ = self.scroll(msg),
        }
        Vec::new()
    }

    /// Scroll as `msg` asks (a line with Up/Down, or paging). Returns whether it was a scroll.
    pub fn scroll(&mut self, msg: Msg) -> bool {
        let rows = self.measure.map_or(1, |m| m.rows.max(1));
        // A page keeps its last line on screen, for the eye to follow.
        let (page, half) = (rows.saturating_sub(1).max(1), (rows / 2).max(1));
        let end = self.measure.map_or(u16::MAX, |m| m.end);
        self.scroll = match msg {
            Msg::Up => self.scroll.saturating_sub(1),
            Msg::Down => self.scroll.saturating_add(1),
            Msg::Page(Paging::Up) => self.scroll.saturating_sub(page),
            Msg::Page(Paging::Down) => self.scroll.saturating_add(page),
            Msg::Page(Paging::HalfUp) => self.scroll.saturating_sub(half),
            Msg::Page(Paging::HalfDown) => self.scroll.saturating_add(half),
            Msg::Page(Paging::LinesUp) => self.scroll.saturating_sub(WHEEL),
            Msg::Page(Paging::LinesDown) => self.scroll.saturating_add(WHEEL),
            Msg::Page(Paging::Top) => 0,
            Msg::Page(Paging::Bottom) => end,
            _ => return false,
        }
        .min(end);
        true
    }

    /// The view measured the page. Returns whether the page moved to stay within it.
    pub fn measured(&mut self, measure: Measure) -> bool {
        self.measure = Some(measure);
        let before = self.scroll;
        self.scroll = before.min(measure.end);
        before != self.scroll
    }
}

/// Ask before recording that a clinician has assessed the person (it lifts the lock).
fn record_assessment() -> Effect {
    Effect::Ask(Confirm {
        question: "Record that a clinician has assessed you?".into(),
        no: "Nothing recorded.",
        details: Vec::new(),
        otherwise: Vec::new(),
        yes: vec![Effect::act(
            Act::Assessed,
            "Recorded: a clinician has assessed you.",
        )],
    })
}

/// Where the pick in a list of `count` moves with `paging`: lists are short, so a page is a
/// fixed handful of rows.
pub fn pick(selected: usize, count: usize, paging: Paging) -> usize {
    const PAGE: usize = 10;
    let last = count.saturating_sub(1);
    match paging {
        Paging::Up => selected.saturating_sub(PAGE),
        Paging::Down => (selected + PAGE).min(last),
        Paging::HalfUp => selected.saturating_sub(PAGE / 2),
        Paging::HalfDown => (selected + PAGE / 2).min(last),
        Paging::LinesUp => selected.saturating_sub(1),
        Paging::LinesDown => (selected + 1).min(last),
        Paging::Top => 0,
        Paging::Bottom => last,
    }
}
