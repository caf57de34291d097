//! The report's content, from the diary over the period asked for.

use chrono::{Days, NaiveDate};

use super::body::BodyMap;
use super::care::{adherence, context, function, treatments};
use super::words::{counted, days_words, figure, long, of_asked, week_of};
use super::{Block, Report, Request, Section};
use crate::diary::Diary;
use crate::domain::checkin::CheckIn;
use crate::domain::redflag::catalog;
use crate::domain::trends::{Facts, Span, Summary};
use crate::domain::vocabulary::{self, LOCATIONS};
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
    let checkins: Vec<&Record<CheckIn>> = (diary.checkins().iter())
        .filter(|r| (from..=to).contains(&r.date))
        .collect();
    let p = Period {
        diary,
        facts,
        summary,
        from,
        to,
        checkins,
        notes: request.notes,
    };
    // Signs in force, or not known to be none, are what a clinician must read first.
    let signs_first = !diary.flags().is_empty() || diary.unchecked().is_some();
    let mut sections: Vec<fn(&Period) -> Section> = vec![about, episode, pain, places];
    match signs_first {
        true => sections.insert(0, signs),
        false => sections.push(signs),
    }
    // The box a clinician reads first, on page 1.
    sections.insert(0, super::glance::glance);
    sections.extend([treatments, adherence, function, context, notes, sources]);
    Report {
        title: "Neck pain diary: a summary for a clinician".into(),
        period: format!("{} to {} ({})", long(from), long(to), days_words(from, to)),
        chart: p.summary.chart.clone(),
        sections: sections.iter().map(|section| section(&p)).collect(),
    }
}

/// What every section reads: the diary over the period, worked out once.
pub(super) struct Period<'a> {
    pub(super) diary: &'a Diary,
    pub(super) facts: Facts<'a>,
    pub(super) summary: Summary,
    pub(super) from: NaiveDate,
    pub(super) to: NaiveDate,
    /// The period's check-ins, in time order.
    pub(super) checkins: Vec<&'a Record<CheckIn>>,
    /// Whether the person's notes are included.
    pub(super) notes: bool,
}

impl Period<'_> {
    /// When a check-in was made, in local time.
    pub(super) fn when(&self, r: &Record<CheckIn>) -> String {
        (self.diary.zone()).clock_of(r.body.at, r.body.offset, "%Y-%m-%d %H:%M")
    }
}

fn about(p: &Period) -> Section {
    let diary = p.diary;
    let mut about = Section::new("About this report");
    about.text(ABOUT);
    let unread: Vec<String> = diary.unread().cloned().collect();
    if !unread.is_empty() {
        about.text(format!(
            "Part of the diary could not be read, so this report leaves out what it holds: {}.",
            unread.join("; ")
        ));
    }
    about
}

fn episode(p: &Period) -> Section {
    let summary = &p.summary;
    let mut episode = Section::new("Episode");
    let standing = &summary.standing;
    match (standing.since, standing.onset_given) {
        (Some(since), true) => episode.text(format!(
            "Began on {} ({}).",
            long(since),
            match standing.days.unwrap_or(0) {
                0 => "the last day of this period".to_string(),
                1 => "1 day before the end of this period".to_string(),
                n => format!("{n} days before the end of this period"),
            }
        )),
        (Some(since), false) => episode.text(format!(
            "Onset not given; the first check-in was on {}.",
            long(since)
        )),
        (None, _) => episode.text("Onset not given, and nothing recorded yet."),
    }
    // The usual course reassures: never beside a warning sign not yet assessed.
    if p.diary.locked() {
        episode.text("A warning sign is in force and not yet assessed: see the warning signs.");
    } else if let Some(course) = standing.course() {
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
    episode
}

fn pain(p: &Period) -> Section {
    let facts = &p.facts;
    let summary = &p.summary;
    let from = p.from;
    let to = p.to;
    let checkins = &p.checkins;
    let when = |r: &Record<CheckIn>| p.when(r);
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
                "Lowest pain rating {low}; highest {high} (counting the answers to \"worst in \
                 the last 24 hours\")."
            ));
        }
    }
    pain.blocks.push(Block::Chart);
    let weekly: Vec<Vec<String>> = (summary.weeks.iter())
        .map(|w| {
            let in_week = facts.days_in(w.from, w.to);
            let means: Vec<f64> = in_week.iter().map(|d| d.mean).collect();
            let worst = in_week.iter().map(|d| d.worst).max();
            vec![
                week_of(w),
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
            "Worst in the last 24 hours",
            "Days with check-ins",
        ],
        weekly,
    );
    pain
}

fn places(p: &Period) -> Section {
    // Shares of the check-ins that asked: a quick one (pain only) did not.
    let asked: Vec<&Record<CheckIn>> = (p.checkins.iter())
        .filter(|r| !r.body.quick)
        .copied()
        .collect();
    let mut places = Section::new("Where it hurts, and symptoms");
    let ticked = |id: &str| {
        (asked.iter())
            .filter(|r| r.body.locations.iter().any(|l| l == id))
            .count()
    };
    if LOCATIONS.iter().any(|t| ticked(t.id) > 0) {
        places
            .blocks
            .push(Block::BodyMap(BodyMap::new(ticked, asked.len())));
    }
    places.table(
        &["Where", &of_asked(asked.len())],
        counted(&asked, |c| &c.locations, vocabulary::LOCATIONS),
    );
    places.table(
        &["Symptom", &of_asked(asked.len())],
        counted(&asked, |c| &c.symptoms, vocabulary::SYMPTOMS),
    );
    if places.blocks.is_empty() {
        places.text("No places or symptoms were ticked in this period.");
    }
    places
}

fn signs(p: &Period) -> Section {
    let diary = p.diary;
    let from = p.from;
    let to = p.to;
    let checkins = &p.checkins;
    let zone = p.diary.zone();
    let when = |r: &Record<CheckIn>| p.when(r);
    let mut signs = Section::new("Warning signs and assessments");
    let mut answers = Vec::new();
    for r in checkins {
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
    match (now.is_empty(), diary.unchecked()) {
        (true, None) => signs.text("No warning sign is in force as this report is written."),
        // Part of the diary could not be read: nape cannot know that none is in force.
        (true, Some(why)) => signs.text(format!(
            "The warning signs could not be checked as this report is written ({why}): \
             nape cannot say whether any is in force."
        )),
        (false, unchecked) => {
            signs.text("Warning signs in force as this report is written:");
            signs.list(now);
            if let Some(why) = unchecked {
                signs.text(format!(
                    "Others could not be checked ({why}): more may be in force."
                ));
            }
        }
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
    signs
}

fn notes(p: &Period) -> Section {
    let checkins = &p.checkins;
    let when = |r: &Record<CheckIn>| p.when(r);
    let mut notes = Section::new("Notes");
    if p.notes {
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
    notes
}

fn sources(p: &Period) -> Section {
    let mut sources = Section::new("Sources");
    // The report's own statements, and those of every sign it names (answered or in force).
    let mut cited = vec!["S2", "S7", "S11", "S12", "S13"];
    let answered = (p.checkins.iter())
        .flat_map(|r| r.body.symptoms.iter())
        .flat_map(|id| catalog::raised_by(id).iter().copied());
    let in_force = p.diary.flags().iter().map(|f| f.def);
    for def in answered.chain(in_force) {
        cited.extend(def.sources.iter().map(String::as_str));
    }
    sources.list(
        (crate::domain::sources::sources().iter())
            .filter(|s| cited.contains(&s.id.as_str()))
            .map(|s| format!("{}: {}", s.id, s.cited()))
            .collect(),
    );
    sources
}
