//! The picked check-in in full on Today: every rating, what was ticked in words, the warning
//! answers and the whole note, line breaks kept.

use ratatui::text::Line;

use super::theme::Theme;
use crate::domain::checkin::CheckIn;
use crate::domain::redflag;
use crate::domain::vocabulary::{self, Term};

pub fn lines(c: &CheckIn, time: &str, theme: &Theme) -> Vec<Line<'static>> {
    let mut ratings = vec![format!("{time} · pain {}", c.pain)];
    ratings.extend(c.worst.map(|w| format!("worst {w}")));
    ratings.extend(c.stiffness.map(|s| format!("stiffness {s}")));
    let mut out = vec![Line::styled(ratings.join(" · "), theme.heading())];
    let named = |terms: &[Term], ids: &[String]| -> Vec<String> {
        ids.iter()
            .map(|id| vocabulary::label(terms, id).unwrap_or(id).to_string())
            .collect()
    };
    let (warnings, plain): (Vec<String>, Vec<String>) = c
        .symptoms
        .iter()
        .cloned()
        .partition(|id| redflag::find(id).is_some());
    let warnings: Vec<String> = warnings
        .iter()
        .filter_map(|id| redflag::find(id))
        .map(|f| format!("{} {}", f.level.symbol(), f.short))
        .collect();
    let rows = [
        ("Where", named(vocabulary::LOCATIONS, &c.locations)),
        ("Symptoms", named(vocabulary::SYMPTOMS, &plain)),
        ("Warning signs", warnings),
        ("Played a part", named(vocabulary::CONTEXT, &c.context)),
        ("Did for it", named(vocabulary::TREATMENTS, &c.treatments)),
        ("Medicines", c.medicines.clone()),
    ];
    for (title, values) in rows.into_iter().filter(|(_, v)| !v.is_empty()) {
        out.push(Line::raw(format!("{title}: {}", values.join(", "))));
    }
    if c.quick {
        out.push(Line::styled("Pain only: symptoms not asked.", theme.dim()));
    }
    if let Some(note) = &c.note {
        out.push(Line::styled("Note", theme.heading()));
        out.extend(note.lines().map(|l| Line::raw(l.to_string())));
    }
    out
}
