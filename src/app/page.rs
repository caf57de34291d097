//! A long page read by scrolling (Help, Red flags): where it is, and where it ends. The end
//! depends on how the page wraps at the terminal's size, which only the view knows: the loop
//! passes it on after each frame (`Msg::PageEnd`). Red flags also records an assessment.

use super::{Confirm, Effect, Msg};
use crate::diary::Act;

#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Page {
    /// Lines scrolled past the top.
    pub scroll: u16,
    /// How far it can scroll, as the view last measured it.
    pub end: Option<u16>,
}

impl Page {
    pub(super) fn update(&mut self, msg: Msg) -> Vec<Effect> {
        match msg {
            Msg::Up => self.up(),
            Msg::Down => self.down(),
            Msg::RecordAssessment => return vec![record_assessment()],
            _ => {}
        }
        Vec::new()
    }

    fn up(&mut self) {
        self.scroll = self.scroll.saturating_sub(1);
    }

    fn down(&mut self) {
        self.scroll = self
            .scroll
            .saturating_add(1)
            .min(self.end.unwrap_or(u16::MAX));
    }

    /// The view measured the end. Returns whether the page moved to stay within it.
    pub fn ends_at(&mut self, end: u16) -> bool {
        self.end = Some(end);
        let before = self.scroll;
        self.scroll = before.min(end);
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
