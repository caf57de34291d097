//! The report's sections on what the person did for their neck and what went with it: pain
//! before and after each treatment, medicines named, adherence, the activities scale and context.

use std::collections::BTreeMap;

use super::Section;
use super::build::Period;
use super::words::{counted, long, of_asked, short, week_of};
use crate::domain::vocabulary;

pub(super) fn treatments(p: &Period) -> Section {
    let summary = &p.summary;
    let checkins = &p.checkins;
    let mut treatments = Section::new("Pain before and after each treatment");
    let effects: Vec<Vec<String>> = (summary.effects.iter())
        .filter(|e| e.sessions > 0)
        .map(|e| {
            let change = if e.enough() {
                format!("{:+.1}", e.change)
            } else {
                format!("fewer than {} rated", crate::domain::trends::MIN_COUNT)
            };
            vec![
                e.name.clone(),
                e.sessions.to_string(),
                e.rated.to_string(),
                change,
            ]
        })
        .collect();
    treatments.table(
        &[
            "Treatment",
            "Sessions",
            "Rated before and after",
            "Mean change in pain after (- is less)",
        ],
        effects,
    );
    // Of the check-ins that asked: a quick one (pain only) did not.
    let asked: Vec<_> = (checkins.iter())
        .filter(|r| !r.body.quick)
        .copied()
        .collect();
    treatments.table(
        &["Ticked in check-ins", &of_asked(asked.len())],
        counted(&asked, |c| &c.treatments, vocabulary::TREATMENTS),
    );
    let mut medicines: BTreeMap<&str, usize> = BTreeMap::new();
    for r in checkins {
        for m in &r.body.medicines {
            *medicines.entry(m.as_str()).or_default() += 1;
        }
    }
    if !medicines.is_empty() {
        let rows = (medicines.into_iter())
            .map(|(m, n)| vec![m.to_string(), n.to_string()])
            .collect();
        treatments.table(
            &[
                "Medicine named (as typed; nape asks for no dose)",
                "Check-ins",
            ],
            rows,
        );
        // How often each was named, week by week: a change in use shows at a glance.
        let weekly = (p.summary.weeks.iter())
            .map(|w| {
                let mut named: BTreeMap<&str, usize> = BTreeMap::new();
                let in_week = checkins
                    .iter()
                    .filter(|r| (w.from..=w.to).contains(&r.date));
                for m in in_week.flat_map(|r| r.body.medicines.iter()) {
                    *named.entry(m.as_str()).or_default() += 1;
                }
                let each: Vec<String> = (named.into_iter())
                    .map(|(m, n)| format!("{m} {n}"))
                    .collect();
                let each = if each.is_empty() {
                    "-".to_string()
                } else {
                    each.join(", ")
                };
                vec![week_of(w), each]
            })
            .collect();
        treatments.table(&["Week", "Medicines named (check-ins)"], weekly);
    }
    if treatments.blocks.is_empty() {
        treatments.text("No treatments were recorded in this period.");
    }
    treatments
}

pub(super) fn adherence(p: &Period) -> Section {
    let facts = &p.facts;
    let summary = &p.summary;
    let to = p.to;
    let mut adherence = Section::new("Adherence");
    let rows = (summary.weeks.iter())
        .map(|w| {
            vec![
                week_of(w),
                w.cold.to_string(),
                w.heat.to_string(),
                w.stretch.to_string(),
                w.checkin_days.to_string(),
            ]
        })
        .collect();
    adherence.table(
        &[
            "Week",
            "Cold",
            "Heat",
            "Stretch routines",
            "Days with check-ins",
        ],
        rows,
    );
    // The run may end yesterday: today is not over.
    let last = match facts.days_in(to, to).is_empty() {
        true => to.pred_opt().unwrap_or(to),
        false => to,
    };
    adherence.text(format!(
        "Days in a row with a check-in, up to {}: {}.",
        long(last),
        summary.streak
    ));
    adherence
}

pub(super) fn function(p: &Period) -> Section {
    let diary = p.diary;
    let facts = &p.facts;
    let summary = &p.summary;
    let from = p.from;
    let to = p.to;
    let mut function = Section::new("Activities (Patient-Specific Functional Scale)");
    let ratings: Vec<_> = (facts.function.iter())
        .filter(|(d, _)| (from..=to).contains(d))
        .collect();
    if ratings.is_empty() {
        function.text(match diary.activities().is_empty() {
            true => "No activities named.",
            false => "No ratings in this period.",
        });
    } else {
        function.text(
            "Each activity the neck makes hard, rated 0 (unable) to 10 (as before); the score \
             is their mean, and 2 points is a meaningful change [S12].",
        );
        let rows = (ratings.iter())
            .map(|(d, r)| {
                let each: Vec<String> = (r.scores.iter())
                    .map(|s| format!("{} {}", s.activity, s.score))
                    .collect();
                vec![short(*d), each.join("; "), format!("{:.1}", r.mean())]
            })
            .collect();
        function.table(&["Date", "Activities", "Score"], rows);
        if let Some(words) = summary.function_words() {
            function.text(format!("Score: {words}."));
        }
    }
    function
}

pub(super) fn context(p: &Period) -> Section {
    let summary = &p.summary;
    let mut context = Section::new("Context");
    let associated: Vec<String> = (summary.associations.iter())
        .filter(|a| a.enough())
        .map(|a| a.words())
        .collect();
    if associated.is_empty() {
        context.text(
            "Not enough days yet to set any factor beside the pain (3 days with it and 3 \
             without are needed).",
        );
    } else {
        context.text("Associations only; they do not show a cause.");
        context.list(associated);
    }
    context
}
