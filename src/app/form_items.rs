//! The check-in form's rows: its text fields and the groups of boxes, in order.

use std::sync::LazyLock;

use crate::domain::checkin::Field;
use crate::domain::vocabulary::{self, Term};

#[derive(Clone, Copy, Debug, PartialEq, Eq, enum_iterator::Sequence)]
pub enum Group {
    Where,
    Symptom,
    Warning,
    Context,
    Treatment,
}

impl Group {
    pub fn title(self) -> &'static str {
        match self {
            Group::Where => "Where it hurts",
            Group::Symptom => "Symptoms",
            Group::Warning => "Warning signs (any of these now?)",
            Group::Context => "What may have played a part",
            Group::Treatment => "What you did for it",
        }
    }

    pub fn terms(self) -> &'static [Term] {
        match self {
            Group::Where => vocabulary::LOCATIONS,
            Group::Symptom => vocabulary::SYMPTOMS,
            Group::Warning => vocabulary::warning_terms(),
            Group::Context => vocabulary::CONTEXT,
            Group::Treatment => vocabulary::TREATMENTS,
        }
    }

    pub(super) fn index(self) -> usize {
        enum_iterator::all::<Group>()
            .position(|g| g == self)
            .unwrap_or(0)
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Item {
    Pain,
    Worst,
    Stiffness,
    When,
    Choice(Group, usize),
    Medicines,
    Note,
}

impl Item {
    pub fn is_text(self) -> bool {
        !matches!(self, Item::Choice(..))
    }

    pub fn label(self) -> &'static str {
        match self {
            Item::Pain => "Pain now (0-10)",
            Item::Worst => "Worst, last 24 h",
            Item::Stiffness => "Stiffness (0-10)",
            Item::When => "When",
            Item::Medicines => "Medicines (names)",
            Item::Note => "Note",
            Item::Choice(..) => "",
        }
    }

    pub(super) fn field(self) -> Option<Field> {
        Some(match self {
            Item::Pain => Field::Pain,
            Item::Worst => Field::Worst,
            Item::Stiffness => Field::Stiffness,
            Item::When => Field::At,
            Item::Medicines => Field::Medicine,
            Item::Note => Field::Note,
            Item::Choice(Group::Where, _) => Field::Where,
            Item::Choice(Group::Symptom | Group::Warning, _) => Field::Symptom,
            Item::Choice(Group::Context, _) => Field::Context,
            Item::Choice(Group::Treatment, _) => Field::Treatment,
        })
    }
}

/// Every row of the form, in order (worked out once).
pub fn items() -> &'static [Item] {
    static ITEMS: LazyLock<Vec<Item>> = LazyLock::new(|| {
        let mut items = vec![Item::Pain, Item::Worst, Item::Stiffness, Item::When];
        for group in enum_iterator::all::<Group>() {
            items.extend((0..group.terms().len()).map(|i| Item::Choice(group, i)));
        }
        items.extend([Item::Medicines, Item::Note]);
        items
    });
    &ITEMS
}
