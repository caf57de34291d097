//! How the report words its dates and counts: "24 October 2026", "24 Oct to 30 Oct 2026",
//! "12 (40%)", "1 day".

use chrono::NaiveDate;

use crate::domain::checkin::CheckIn;
use crate::domain::vocabulary::Term;
use crate::record::Record;

/// Each term ticked in the check-ins, most often first, with how often ("12 of 30 (40%)").
pub(super) fn counted(
    checkins: &[&Record<CheckIn>],
    list: impl Fn(&CheckIn) -> &Vec<String>,
    terms: &[Term],
) -> Vec<Vec<String>> {
    let mut counts: Vec<(usize, &str)> = (terms.iter())
        .map(|t| {
            let n = checkins
                .iter()
                .filter(|r| list(&r.body).iter().any(|id| id == t.id));
            (n.count(), t.label)
        })
        .filter(|(n, _)| *n > 0)
        .collect();
    counts.sort_by_key(|c| std::cmp::Reverse(c.0));
    let total = checkins.len().max(1);
    (counts.into_iter())
        .map(|(n, label)| {
            let share = format!("{n} of {} ({}%)", checkins.len(), n * 100 / total);
            vec![label.to_string(), share]
        })
        .collect()
}

pub(super) fn days_words(from: NaiveDate, to: NaiveDate) -> String {
    match (to - from).num_days() + 1 {
        1 => "1 day".into(),
        n => format!("{n} days"),
    }
}

/// The heading of shares of the check-ins that asked: "Full check-ins (of 30)".
pub(super) fn of_asked(total: usize) -> String {
    format!("Full check-ins (of {total})")
}

pub(super) fn figure(value: Option<f64>) -> String {
    value.map_or("-".into(), |v| format!("{v:.1}"))
}

pub(super) fn long(date: NaiveDate) -> String {
    date.format("%-d %B %Y").to_string()
}

/// "24 Oct to 30 Oct 2026".
pub(super) fn week(from: NaiveDate, to: NaiveDate) -> String {
    format!("{} to {}", from.format("%-d %b"), short(to))
}

/// A calendar week's row label; a part-week says so.
pub(super) fn week_of(w: &crate::domain::trends::Week) -> String {
    match w.part() {
        true => format!("{} (part week)", week(w.from, w.to)),
        false => week(w.from, w.to),
    }
}

pub(super) fn short(date: NaiveDate) -> String {
    date.format("%-d %b %Y").to_string()
}
