//! The report's first box, read at a glance: the signs in force, pain and stiffness then and
//! now, activities, what was done in the last two weeks, what helped most, routines done and
//! sleep. Each line is worked out from the same figures as the sections after it.

use chrono::{Days, NaiveDate};

use super::build::Period;
use super::{Block, Section};
use crate::domain::stretch::StepOutcome;
use crate::domain::trends::mean;

/// The last days the adherence line covers.
const RECENT_DAYS: u64 = 14;

pub(super) fn glance(p: &Period) -> Section {
    let rows = vec![
        ("Warning signs", signs(p)),
        ("Pain", pain(p)),
        ("Stiffness", stiffness(p)),
        ("Activities (PSFS)", activities(p)),
        ("Lately", recent(p)),
        ("Helped most", helped(p)),
        ("Stretch routines", routines(p)),
        ("Sleep", sleep(p)),
    ];
    let mut glance = Section::new("At a glance");
    glance.blocks.push(Block::Glance(
        (rows.into_iter())
            .map(|(k, v)| (k.to_string(), v))
            .collect(),
    ));
    glance
}

fn signs(p: &Period) -> String {
    let in_force: Vec<String> = (p.diary.flags().iter())
        .filter(|f| f.assessed_at.is_none())
        .map(|f| format!("{} {}", f.def.level.word(), f.def.short))
        .collect();
    match (in_force.is_empty(), p.diary.unchecked()) {
        (true, None) => "none in force".into(),
        (true, Some(why)) => format!("could not be checked ({why})"),
        (false, None) => in_force.join("; "),
        (false, Some(why)) => format!(
            "{}; others could not be checked ({why})",
            in_force.join("; ")
        ),
    }
}

fn pain(p: &Period) -> String {
    let standing = &p.summary.standing;
    match (standing.first_week, standing.this_week) {
        (Some(first), Some(last)) => {
            let words = (standing.change.map(|c| c.words()))
                .unwrap_or_else(|| "too early to compare".into());
            format!(
                "mean {first:.1} in the episode's first week, {last:.1} in the last 7 days: {words}"
            )
        }
        _ => match p.checkins.last() {
            Some(r) => format!("latest {} of 10", r.body.pain),
            None => "no check-in in this period".into(),
        },
    }
}

/// Mean stiffness answered in the first and the last 7 days of the period.
fn stiffness(p: &Period) -> String {
    let within = |from: NaiveDate, to: NaiveDate| -> Vec<f64> {
        (p.checkins.iter())
            .filter(|r| (from..=to).contains(&r.date))
            .filter_map(|r| r.body.stiffness.map(f64::from))
            .collect()
    };
    let week = |from: NaiveDate| from.checked_add_days(Days::new(6)).unwrap_or(from);
    let last_from = p.to.checked_sub_days(Days::new(6)).unwrap_or(p.to);
    let (first, last) = (within(p.from, week(p.from)), within(last_from, p.to));
    let all = within(p.from, p.to);
    match (first.is_empty(), last.is_empty()) {
        _ if all.is_empty() => "not rated in this period".into(),
        // The weeks overlap: one figure for the whole period.
        _ if last_from <= week(p.from) => format!("mean {:.1}", mean(&all)),
        (false, false) => format!(
            "mean {:.1} in the first week, {:.1} in the last 7 days",
            mean(&first),
            mean(&last)
        ),
        (true, false) => format!("mean {:.1} in the last 7 days", mean(&last)),
        (false, true) => format!(
            "mean {:.1} in the first week; not rated since",
            mean(&first)
        ),
        (true, true) => format!("mean {:.1}, rated only mid-period", mean(&all)),
    }
}

fn activities(p: &Period) -> String {
    (p.summary.function_words()).unwrap_or_else(|| "not rated in this period".into())
}

/// Check-in days, cold and heat sessions and routines with an exercise done, in the last 14 days
/// of the period (all of it, if shorter).
fn recent(p: &Period) -> String {
    let from = (p.to.checked_sub_days(Days::new(RECENT_DAYS - 1)))
        .unwrap_or(p.to)
        .max(p.from);
    let span = (p.to - from).num_days() + 1;
    let zone = p.diary.zone();
    let within = |date: NaiveDate| (from..=p.to).contains(&date);
    let mut days: Vec<NaiveDate> = (p.checkins.iter())
        .map(|r| r.date)
        .filter(|d| within(*d))
        .collect();
    days.sort_unstable();
    days.dedup();
    let sessions = (p.diary.sessions().iter()).filter(|s| within(zone.date(s.body.started_at)));
    let (mut cold, mut heat) = (0, 0);
    for s in sessions {
        match s.body.kind {
            crate::domain::therapy::PackKind::Cold => cold += 1,
            crate::domain::therapy::PackKind::Heat => heat += 1,
        }
    }
    let routines = (p.diary.routines().iter())
        .filter(|r| within(zone.date(r.body.started_at)) && r.body.steps_done > 0)
        .count();
    format!(
        "check-ins on {} of {span} days; {cold} cold and {heat} heat sessions; {routines} \
         stretch routines with an exercise done in full",
        days.len()
    )
}

/// The treatment whose rated sessions were followed by the most less pain, if enough were rated.
fn helped(p: &Period) -> String {
    // Only a meaningful change counts as help, as What helps says.
    let best = (p.summary.effects.iter())
        .filter(|e| e.helps())
        .min_by(|a, b| a.change.total_cmp(&b.change));
    match best {
        Some(e) => format!(
            "{}: {:.1} points less pain after, on average ({} rated sessions)",
            e.name, -e.change, e.rated
        ),
        None => "nothing yet: too few rated sessions, or no meaningful change".into(),
    }
}

/// Routines played in the period, with the exercises done in full of those played.
fn routines(p: &Period) -> String {
    let zone = p.diary.zone();
    let played: Vec<_> = (p.diary.routines().iter())
        .filter(|r| (p.from..=p.to).contains(&zone.date(r.body.started_at)))
        .collect();
    if played.is_empty() {
        return "none played".into();
    }
    let done: u32 = played.iter().map(|r| r.body.steps_done).sum();
    let total: u32 = played.iter().map(|r| r.body.steps_total).sum();
    let skipped: usize = (played.iter())
        .flat_map(|r| r.body.steps.iter())
        .filter(|s| s.outcome == StepOutcome::Skipped)
        .count();
    let skipped = match skipped {
        0 => String::new(),
        n => format!(", {n} skipped"),
    };
    format!(
        "{} played; {done} of {total} exercises done in full{skipped}",
        played.len()
    )
}

/// Days with "poor sleep" ticked, of the days with a full check-in.
fn sleep(p: &Period) -> String {
    let mut asked: Vec<NaiveDate> = (p.checkins.iter())
        .filter(|r| !r.body.quick)
        .map(|r| r.date)
        .collect();
    asked.sort_unstable();
    asked.dedup();
    let mut poor: Vec<NaiveDate> = (p.checkins.iter())
        .filter(|r| r.body.context.iter().any(|c| c == "poor-sleep"))
        .map(|r| r.date)
        .collect();
    poor.sort_unstable();
    poor.dedup();
    match asked.len() {
        0 => "not asked in this period".into(),
        n => format!(
            "poor sleep on {} of {n} days with a full check-in",
            poor.len()
        ),
    }
}
