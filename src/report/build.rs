//! The report's content, from the diary over the period asked for.

use std::collections::BTreeMap;

use chrono::Days;

use super::words::{counted, days_words, figure, long, of_all, short, week};
use super::{Block, Report, Request, Section};
use crate::diary::Diary;
use crate::domain::checkin::CheckIn;
use crate::domain::redflag::catalog;
use crate::domain::trends::{Span, Summary};
use crate::domain::vocabulary;
use crate::record::Record;

const ABOUT: &str = "Kept by the person with nape, a self-care diary for neck pain. It is their \
    own record, not a diagnosis. Pain is rated 0 (none) to 10 (worst imaginable); a change of 2 \
    points or 30% is taken as meaningful [S11].";

pub fn build(diary: &Diary, request: Request) -> Report {
    let to = request.to;
    let from = to
        .checked_sub_days(Days::new(u64::from(request.days.max(1)) - 1))
        .unwrap_or(to);
    let facts = diary.facts();
    // Never before the first thing recorded: a hundred years asked for is not 5,000 empty weeks.
    let from = facts
        .first_day()
        .map_or(from, |first| from.max(first).min(to));
    let summary = Summary::between(&facts, Span::All, from, to);
    let zone = diary.zone();
    let checkins: Vec<&Record<CheckIn>> = (diary.checkins().iter())
        .filter(|r| (from..=to).contains(&r.date))
        .collect();
    let when = |r: &Record<CheckIn>| zone.local(r.body.at).format("%Y-%m-%d %H:%M").to_string();

    let mut about = Section::new("About this report");
    about.text(ABOUT);
    let unread: Vec<String> = diary.unread().cloned().collect();
    if !unread.is_empty() {
        about.text(format!(
            "Part of the diary could not be read, so this report leaves out what it holds: {}.",
            unread.join("; ")
        ));
    }

    let mut episode = Section::new("Episode");
    let standing = &summary.standing;
    match (standing.since, standing.onset_given) {
        (Some(since), true) => episode.text(format!(
            "Began on {} ({} days before the end of this period).",
            long(since),
            standing.days.unwrap_or(0)
        )),
        (Some(since), false) => episode.text(format!(
            "Onset not given; the first check-in was on {}.",
            long(since)
        )),
        (None, _) => episode.text("Onset not given, and nothing recorded yet."),
    }
    if let Some(course) = standing.course() {
        episode.text(course);
    }
    if let (Some(first), Some(last)) = (standing.first_week, standing.this_week) {
        let words = standing
            .change
            .map(|c| c.words())
            .unwrap_or_else(|| "too early to compare".into());
        episode.text(format!(
            "Mean pain in the first week {first:.1}, in the last 7 days {last:.1}: {words}."
        ));
    }

    let mut pain = Section::new("Pain");
    pain.text(format!(
        "{} check-ins on {} of {} days.",
        summary.checkins,
        summary.checkin_days,
        (to - from).num_days() + 1
    ));
    if let Some(last) = checkins.last() {
        pain.text(format!(
            "Latest: {} of 10 on {}.",
            last.body.pain,
            when(last)
        ));
        let low = checkins
            .iter()
            .min_by_key(|r| r.body.pain)
            .map(|r| r.body.pain);
        let high = checkins
            .iter()
            .map(|r| r.body.worst.unwrap_or(r.body.pain))
            .max();
        if let (Some(low), Some(high)) = (low, high) {
            pain.text(format!(
                "Lowest pain rating {low}; highest {high} (counting the answers to \"worst \
                 since the last check-in\")."
            ));
        }
    }
    pain.blocks.push(Block::Chart);
    let weekly: Vec<Vec<String>> = (summary.weeks.iter())
        .map(|w| {
            let in_week = facts.days_in(w.from, w.to);
            let means: Vec<f64> = in_week.iter().map(|d| d.mean).collect();
            let worst = in_week.iter().map(|d| d.max).max();
            vec![
                week(w.from, w.to),
                figure((!means.is_empty()).then(|| crate::domain::trends::mean(&means))),
                worst.map_or("-".into(), |w| w.to_string()),
                in_week.len().to_string(),
            ]
        })
        .collect();
    pain.table(
        &[
            "Week",
            "Mean (of daily means)",
            "Worst",
            "Days with check-ins",
        ],
        weekly,
    );

    let mut places = Section::new("Where it hurts, and symptoms");
    places.table(
        &["Where", &of_all(checkins.len())],
        counted(&checkins, |c| &c.locations, vocabulary::LOCATIONS),
    );
    places.table(
        &["Symptom", &of_all(checkins.len())],
        counted(&checkins, |c| &c.symptoms, vocabulary::SYMPTOMS),
    );
    if places.blocks.is_empty() {
        places.text("No places or symptoms were ticked in this period.");
    }

    let mut signs = Section::new("Warning signs and assessments");
    let mut answers = Vec::new();
    for r in &checkins {
        for id in &r.body.symptoms {
            if let Some(def) = catalog::raised_by(id).iter().max_by_key(|d| d.level) {
                let label = vocabulary::label(vocabulary::symptom_terms(), id).unwrap_or(id);
                answers.push(format!("{}: {label} ({})", when(r), def.level.word()));
            }
        }
    }
    if answers.is_empty() {
        signs.text("No warning-sign answers were ticked in this period.");
    } else {
        signs.text("Warning-sign answers ticked:");
        signs.list(answers);
    }
    // Signs nape works out from the pattern (severe days running, no improvement, ...) as well
    // as from answers, as the app's banner shows them now.
    let now: Vec<String> = (diary.flags().iter())
        .map(|f| {
            let state = match f.assessed_at {
                Some(at) => format!("assessed {}", zone.date(at)),
                None => "not yet assessed".to_string(),
            };
            format!(
                "{} {}: {} ({state})",
                f.def.level.word(),
                f.def.short,
                f.reason
            )
        })
        .collect();
    if now.is_empty() {
        signs.text("No warning sign is in force as this report is written.");
    } else {
        signs.text("Warning signs in force as this report is written:");
        signs.list(now);
    }
    let assessed: Vec<String> = (diary.assessments().iter())
        .filter(|a| (from..=to).contains(&zone.date(a.body.at)))
        .map(|a| {
            let at = zone.local(a.body.at).format("%Y-%m-%d %H:%M");
            format!("{at}: the person recorded that a clinician assessed them")
        })
        .collect();
    if assessed.is_empty() {
        signs.text("No assessment by a clinician was recorded in this period.");
    } else {
        signs.list(assessed);
    }

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
    treatments.table(
        &["Ticked in check-ins", &of_all(checkins.len())],
        counted(&checkins, |c| &c.treatments, vocabulary::TREATMENTS),
    );
    let mut medicines: BTreeMap<&str, usize> = BTreeMap::new();
    for r in &checkins {
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
    }
    if treatments.blocks.is_empty() {
        treatments.text("No treatments were recorded in this period.");
    }

    let mut adherence = Section::new("Adherence");
    let rows = (summary.weeks.iter())
        .map(|w| {
            vec![
                week(w.from, w.to),
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

    let mut notes = Section::new("Notes");
    if request.notes {
        let written: Vec<String> = (checkins.iter())
            .filter_map(|r| Some(format!("{}: {}", when(r), r.body.note.as_deref()?)))
            .collect();
        if written.is_empty() {
            notes.text("No notes in this period.");
        }
        notes.list(written);
    } else {
        notes.text("Left out at the person's request.");
    }

    let mut sources = Section::new("Sources");
    let cited = ["S2", "S7", "S11", "S12", "S13"];
    sources.list(
        (crate::domain::sources::sources().iter())
            .filter(|s| cited.contains(&s.id.as_str()))
            .map(|s| format!("{}: {}", s.id, s.title))
            .collect(),
    );

    Report {
        title: "Neck pain diary: a summary for a clinician".into(),
        period: format!("{} to {} ({})", long(from), long(to), days_words(from, to)),
        chart: summary.chart.clone(),
        sections: vec![
            about, episode, pain, places, signs, treatments, adherence, function, context, notes,
            sources,
        ],
    }
}
