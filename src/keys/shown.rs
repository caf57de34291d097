//! What the key table shows: Help's sections and each focus's footer, both read from the
//! table, so neither can name a key that does something else.

use std::collections::HashMap;
use std::sync::LazyLock;

use super::{Binding, Scope, table};
use crate::app::Focus;

/// Help's sections: a title and the focuses whose bindings it lists.
pub const SECTIONS: &[(&str, &[Focus])] = &[
    ("Everywhere", &[]),
    ("Today", &[Focus::Today]),
    (
        "Check-in form",
        &[Focus::Form { text: false }, Focus::Form { text: true }],
    ),
    (
        "Timers",
        &[
            Focus::TimersIdle,
            Focus::TimersRunning,
            Focus::TimersRunningLocked,
            Focus::TimerNotes,
            Focus::TimerPain,
            Focus::TimerPainAfter,
            Focus::TimerSkin,
        ],
    ),
    (
        "Stretches",
        &[
            Focus::Stretches,
            Focus::StretchPlaying,
            Focus::StretchPain,
            Focus::StretchPainAfter,
            Focus::StretchFeeling,
        ],
    ),
    (
        "Trends",
        &[Focus::Trends, Focus::TrendsRate, Focus::TrendsName],
    ),
    ("Red flags", &[Focus::Flags]),
    ("Help", &[Focus::Help]),
    (
        "Long pages and lists, and the keys shown in place",
        &[Focus::Keys],
    ),
    (
        "Settings and the welcome",
        &[
            Focus::Settings,
            Focus::SettingsEdit { text: false },
            Focus::SettingsEdit { text: true },
            Focus::Welcome { text: false },
            Focus::Welcome { text: true },
        ],
    ),
    ("Questions", &[Focus::Alert, Focus::Confirm]),
    ("A terminal too small", &[Focus::TooSmall]),
];

/// The bindings Help lists under a section, each once: "Everywhere" holds those that apply on
/// every screen; the others those particular to their focuses.
pub fn section(focuses: &[Focus]) -> Vec<&'static Binding> {
    let mut out: Vec<&Binding> = Vec::new();
    for b in table() {
        let here = match b.scope {
            Scope::Anywhere
            | Scope::Screens
            | Scope::ScreensAtRest
            | Scope::Showable
            | Scope::Typing => focuses.is_empty(),
            // Once, in their own section, not under every screen that scrolls.
            Scope::Paged => focuses.contains(&Focus::Keys),
            scope => focuses.iter().any(|f| scope.applies(*f)),
        };
        if here && !out.iter().any(|o| o.label == b.label && o.help == b.help) {
            out.push(b);
        }
    }
    out
}

/// The footer's keys for `focus`: label and word, in table order, with help last.
pub fn footer(focus: Focus) -> &'static [(&'static str, &'static str)] {
    // Worked out once per focus: the footer is drawn every second while a timer runs.
    static FOOTERS: LazyLock<HashMap<Focus, Vec<(&'static str, &'static str)>>> =
        LazyLock::new(|| {
            enum_iterator::all::<Focus>()
                .map(|f| (f, footer_of(f)))
                .collect()
        });
    FOOTERS.get(&focus).map_or(&[], Vec::as_slice)
}

fn footer_of(focus: Focus) -> Vec<(&'static str, &'static str)> {
    let mut keys: Vec<(&str, &str)> = table()
        .iter()
        .filter(|b| b.scope.applies(focus))
        .filter_map(|b| b.footer.map(|f| (b.label, f)))
        .collect();
    // Help and quit go last, where people look for them.
    for last in [("?", "keys"), ("F1", "keys"), ("q", "quit")] {
        if let Some(i) = keys.iter().position(|k| *k == last) {
            let k = keys.remove(i);
            keys.push(k);
        }
    }
    keys
}
