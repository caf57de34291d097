//! The rules worked out from the history over time: symptoms that together make a sign, after
//! manipulation, spasm, severe days, trends and the episode's age. Each calls `raise` with the
//! sign's id, a reason, when it happened and when the answers behind it were entered.
//!
//! A quick check-in (pain only) did not ask about symptoms: it is never read as a "no".

use chrono::{DateTime, Duration, NaiveDate, NaiveTime, Utc};

use crate::domain::checkin::CheckIn;

use super::earlier::{Earlier, Mark};
use super::{Dated, Evidence, SHOW_DAYS, raised_by, rule};
use crate::domain::settings::Settings;
use crate::domain::trends::{Day, mean, meaningful_drop};
use crate::domain::vocabulary::{context, label, symptom, symptom_terms};

const NERVE_SYMPTOMS: [&str; 4] = [
    symptom::DIZZINESS,
    symptom::NUMBNESS,
    symptom::PINS_AND_NEEDLES,
    symptom::WEAKNESS,
];

/// Reported symptoms that come together within this long count as one picture.
const TOGETHER: Duration = Duration::hours(24);

pub(super) type Raise<'r> = dyn FnMut(&str, String, DateTime<Utc>, DateTime<Utc>) + 'r;

fn has(c: &CheckIn, id: &str) -> bool {
    c.symptoms.iter().any(|s| s == id)
}

/// The rules that read a check-in with the day around it or the week after it, over `history`:
/// reported symptoms, those that add up across check-ins, and manipulation with a nerve
/// symptom. A sign they raise never changes once the check-ins of its days are in.
pub(super) fn from_history(history: &[Dated], raise: &mut Raise) {
    for d in history.iter().filter(|d| !d.checkin.symptoms.is_empty()) {
        for id in &d.checkin.symptoms {
            for def in raised_by(id) {
                let what = if def.id == *id {
                    def.short.as_str()
                } else {
                    label(symptom_terms(), id).unwrap_or(id)
                };
                let reason = format!("you reported {what} on {}", d.date);
                raise(&def.id, reason, d.checkin.at, d.entered);
            }
        }
    }
    numb_limbs(history, raise);
    tingling_arms(history, raise);
    meningitis(history, raise);
    manipulation_nerve(history, raise);
}

/// The rules that read the newest check-in, the days before `today` or `now`: worked out on
/// every evaluation, from `evidence.history` and what `earlier` kept of the check-ins before it.
pub(super) fn from_latest(
    evidence: &Evidence,
    earlier: Option<&Earlier>,
    days: &[Day],
    now: DateTime<Utc>,
    today: NaiveDate,
    raise: &mut Raise,
) {
    let history = evidence.history;
    manipulation_pain(history, raise);
    let mut marks = earlier.map_or_else(Vec::new, |e| e.asked.clone());
    marks.extend(asked(history));
    spasm(&marks, now, raise);
    severe_days(days, today, raise);
    trends(evidence, earlier, days, today, raise);
    episode(history, evidence.settings, earlier, now, today, raise);
}

/// The check-ins within a day either side of `history[i]` (sorted by time, so only as far as a
/// day is looked at), itself included.
fn around<'h, 'a>(history: &'h [Dated<'a>], i: usize) -> &'h [Dated<'a>] {
    let at = history[i].checkin.at;
    let near = |e: &Dated| (e.checkin.at - at).abs() <= TOGETHER;
    let from = history[..i]
        .iter()
        .rposition(|e| !near(e))
        .map_or(0, |p| p + 1);
    let to = i + history[i..].iter().take_while(|e| near(e)).count();
    &history[from..to]
}

/// `symptom` felt in both arms within a day, in one check-in or one arm then the other: the
/// check-in that completed it, the words, and when the last part was entered.
fn both_arms<'h, 'a>(
    history: &'h [Dated<'a>],
    symptom: &str,
) -> Vec<(&'h Dated<'a>, String, DateTime<Utc>)> {
    const ARMS: [&str; 2] = ["left-arm", "right-arm"];
    let in_arm = |d: &Dated, arm: &str| {
        has(d.checkin, symptom) && d.checkin.locations.iter().any(|l| l == arm)
    };
    let mut found = Vec::new();
    for (i, d) in history.iter().enumerate() {
        // Looked at from the later part, so the sign is dated when it was complete.
        if !ARMS.iter().any(|arm| in_arm(d, arm)) {
            continue;
        }
        let earlier = around(history, i)
            .iter()
            .filter(|e| e.checkin.at <= d.checkin.at);
        let earlier: Vec<&Dated> = earlier.collect();
        let first = |arm: &str| earlier.iter().find(|e| in_arm(e, arm));
        if let (Some(left), Some(right)) = (first(ARMS[0]), first(ARMS[1])) {
            let reason = if left.date == right.date && left.checkin.at == right.checkin.at {
                format!("both arms on {}", d.date)
            } else {
                let (a, b) = if left.checkin.at <= right.checkin.at {
                    (("left", left.date), ("right", right.date))
                } else {
                    (("right", right.date), ("left", left.date))
                };
                format!(
                    "the {} arm on {}, then the {} arm on {}",
                    a.0, a.1, b.0, b.1
                )
            };
            let entered = d.entered.max(left.entered).max(right.entered);
            found.push((d, reason, entered));
        }
    }
    found
}

/// Numbness of both arms, at once or one then the other within a day, is an emergency sign
/// (S6); in one arm it is the "see a clinician" arm sign, raised from the symptom itself.
fn numb_limbs(history: &[Dated], raise: &mut Raise) {
    for (d, arms, entered) in both_arms(history, symptom::NUMBNESS) {
        let reason = format!("you reported numbness in {arms}");
        raise("limb-numbness", reason, d.checkin.at, entered);
    }
}

/// Pins and needles in both arms, at once or within a day, is urgent (S2).
fn tingling_arms(history: &[Dated], raise: &mut Raise) {
    for (d, arms, entered) in both_arms(history, symptom::PINS_AND_NEEDLES) {
        let reason = format!("you reported pins and needles in {arms}");
        raise(rule::BOTH_ARMS_TINGLING, reason, d.checkin.at, entered);
    }
}

/// Fever with a headache and a stiff neck, however each was entered and within a day of each
/// other, is the meningitis emergency (S1).
fn meningitis(history: &[Dated], raise: &mut Raise) {
    let fever = |c: &CheckIn| has(c, symptom::FEVER) || has(c, "fever-unwell");
    let headache = |c: &CheckIn| has(c, symptom::HEADACHE) || has(c, "worst-headache");
    let stiff = |c: &CheckIn| {
        has(c, symptom::STIFF_NECK)
            || has(c, symptom::RESTRICTED_TURNING)
            || c.stiffness.is_some_and(|s| s > 0)
    };
    for (i, d) in history.iter().enumerate().filter(|(_, d)| fever(d.checkin)) {
        let window = around(history, i);
        let found = |test: &dyn Fn(&CheckIn) -> bool| window.iter().find(|e| test(e.checkin));
        if let (Some(h), Some(s)) = (found(&headache), found(&stiff)) {
            let entered = d.entered.max(h.entered).max(s.entered);
            let reason = format!(
                "you reported fever, headache and a stiff neck on {}",
                d.date
            );
            raise("meningitis-signs", reason, d.checkin.at, entered);
        }
    }
}

fn manipulations<'h, 'a>(history: &'h [Dated<'a>]) -> impl Iterator<Item = &'h Dated<'a>> {
    (history.iter()).filter(|d| d.checkin.context.iter().any(|x| x == context::MANIPULATION))
}

/// A nerve symptom on the day of a neck manipulation or in the week after it.
fn manipulation_nerve(history: &[Dated], raise: &mut Raise) {
    for m in manipulations(history) {
        let (m_at, m_date) = (m.checkin.at, m.date);
        let after = history.iter().filter(|d| d.checkin.at >= m_at);
        // A sign on the day of the manipulation counts whichever was ticked first: the time
        // of a tick says when it was written down, not when it happened.
        let same_day = history
            .iter()
            .filter(|d| d.date == m_date && d.checkin.at < m_at);
        for d in same_day.chain(
            after
                .clone()
                .filter(|d| d.checkin.at - m_at <= Duration::days(7)),
        ) {
            if let Some(s) = d
                .checkin
                .symptoms
                .iter()
                .find(|s| NERVE_SYMPTOMS.contains(&s.as_str()))
            {
                let reason = if d.checkin.at < m_at {
                    format!("{s} and neck manipulation on the same day, {m_date}")
                } else {
                    format!("{s} on {}, after neck manipulation on {m_date}", d.date)
                };
                // Dated when both parts were known.
                let (at, entered) = (d.checkin.at.max(m_at), d.entered.max(m.entered));
                raise(rule::MANIPULATION_NERVE, reason, at, entered);
            }
        }
    }
}

/// Pain still there more than 48 hours (or 3 days) after a manipulation, going by the last
/// check-in: it reads the newest check-in, so it is worked out again each time.
fn manipulation_pain(history: &[Dated], raise: &mut Raise) {
    for m in manipulations(history) {
        let (m_at, m_date) = (m.checkin.at, m.date);
        let later = (history.iter())
            .filter(|d| d.checkin.at >= m_at)
            .rfind(|d| d.checkin.at - m_at > Duration::hours(48));
        if let Some(d) =
            later.filter(|d| d.checkin.pain > 0 && d.checkin.at - m_at <= Duration::days(SHOW_DAYS))
        {
            // Its advice goes by the time passed: "if it passes 3 days" only before it has.
            let hours = (d.checkin.at - m_at).num_hours();
            let (id, past) = match d.checkin.at - m_at > Duration::hours(72) {
                true => (rule::MANIPULATION_PAIN_3_DAYS, "more than 3 days"),
                false => (rule::MANIPULATION_PAIN, "more than 48 hours"),
            };
            let reason = format!(
                "pain {} on {}, {past} ({hours} hours) after manipulation on {m_date}",
                d.checkin.pain, d.date
            );
            raise(id, reason, d.checkin.at, d.entered);
        }
    }
}

/// Spasm reported over 7 days or more (S3). The run goes on through quick check-ins, which did
/// not ask; it ends only at a check-in that asked and did not report spasm. `asked` are the
/// check-ins that asked, in time order.
fn spasm(asked: &[Mark], now: DateTime<Utc>, raise: &mut Raise) {
    let mut asked = asked.iter().rev();
    let Some(last) = asked.next().filter(|m| m.spasm) else {
        return;
    };
    // Nothing said about it for two weeks: no longer shown.
    if now - last.at > Duration::days(SHOW_DAYS) {
        return;
    }
    let first = asked.take_while(|m| m.spasm).last().unwrap_or(last);
    if last.at - first.at >= Duration::days(7) {
        raise(
            rule::SPASM_7_DAYS,
            format!("spasm reported from {} to {}", first.date, last.date),
            last.at,
            last.entered,
        );
    }
}

/// The check-ins of `history` that asked about symptoms, as the spasm rule reads them.
pub(super) fn asked(history: &[Dated]) -> Vec<Mark> {
    (history.iter())
        .filter(|d| !d.checkin.quick)
        .map(|d| Mark {
            at: d.checkin.at,
            date: d.date,
            entered: d.entered,
            spasm: has(d.checkin, symptom::SPASM),
        })
        .collect()
}

fn severe_days(days: &[Day], today: NaiveDate, raise: &mut Raise) {
    for w in days.windows(3) {
        let consecutive = w[1].date - w[0].date == Duration::days(1)
            && w[2].date - w[1].date == Duration::days(1);
        if consecutive && w.iter().all(|d| d.max >= 8) && today - w[2].date <= Duration::days(6) {
            raise(
                rule::SEVERE_DAYS,
                format!(
                    "pain 8 or more on {}, {} and {}",
                    w[0].date, w[1].date, w[2].date
                ),
                w[2].last_at,
                w[2].last_at,
            );
        }
    }
}

/// The first day of this episode: the onset the person gave, or else the date of the first
/// check-in after the last one with no pain (so a long episode is never taken as a new one).
/// `earlier` stands for the check-ins before `history`, when it is only the latest of them.
pub(super) fn episode_start(
    history: &[Dated],
    settings: &Settings,
    earlier: Option<&Earlier>,
) -> Option<NaiveDate> {
    if let Some(onset) = settings.onset {
        return Some(onset);
    }
    let free = history.iter().rposition(|d| d.checkin.pain == 0);
    let first = free.map_or(0, |i| i + 1);
    let here = history[first..].iter().map(|d| d.date).min();
    // With no pain-free check-in here, the episode may have begun before.
    let before = earlier.filter(|_| free.is_none()).and_then(|e| e.start);
    here.into_iter().chain(before).min()
}

fn trends(
    evidence: &Evidence,
    earlier: Option<&Earlier>,
    days: &[Day],
    today: NaiveDate,
    raise: &mut Raise,
) {
    let history = evidence.history;
    // Worse over the last 7 days although something was done for it.
    let week: Vec<_> = days
        .iter()
        .filter(|d| today - d.date <= Duration::days(6))
        .collect();
    // History is in time order, but dates need not be (entries made while travelling): look
    // back by time to well before the week began in any time zone, then go by date.
    let since = (today - Duration::days(8))
        .and_time(NaiveTime::MIN)
        .and_utc();
    let in_week = |date: NaiveDate| today - date <= Duration::days(6) && date <= today;
    let cared = evidence.sessions.iter().any(|d| in_week(*d))
        || history
            .iter()
            .rev()
            .take_while(|d| d.checkin.at >= since)
            .any(|d| in_week(d.date) && !d.checkin.treatments.is_empty());
    if let (Some(first), Some(last)) = (week.first(), week.last())
        && last.date - first.date >= Duration::days(2)
        && last.mean - first.mean >= 2.0
        && cared
    {
        raise(
            rule::WORSENING,
            format!(
                "average pain rose from {:.1} on {} to {:.1} on {}",
                first.mean, first.date, last.mean, last.date
            ),
            last.last_at,
            last.last_at,
        );
    }
    // No real improvement 14 days into the episode: first three logged days against the last three.
    let Some(start) = episode_start(history, evidence.settings, earlier) else {
        return;
    };
    // The episode's first days may be before `history`: then `earlier` kept them.
    let before = earlier.filter(|e| evidence.settings.onset.is_some() || e.start == Some(start));
    let before = before.map_or(&[][..], |e| &e.days);
    let logged: Vec<_> = (before.iter())
        .chain(days.iter().filter(|d| d.date >= start))
        .collect();
    let (Some(first), Some(last)) = (logged.first(), logged.last()) else {
        return;
    };
    if today - start < Duration::days(14)
        || last.date - first.date < Duration::days(14)
        || today - last.date > Duration::days(2)
    {
        return;
    }
    let early: Vec<f64> = logged.iter().take(3).map(|d| d.mean).collect();
    let recent: Vec<f64> = logged
        .iter()
        .filter(|d| last.date - d.date <= Duration::days(2))
        .map(|d| d.mean)
        .collect();
    let (early, recent) = (mean(&early), mean(&recent));
    if recent > 0.0 && !meaningful_drop(early, recent) {
        raise(
            rule::NO_IMPROVEMENT,
            format!(
                "average pain {early:.1} at the start ({}) and {recent:.1} now",
                first.date
            ),
            last.last_at,
            last.last_at,
        );
    }
}

fn episode(
    history: &[Dated],
    settings: &Settings,
    earlier: Option<&Earlier>,
    now: DateTime<Utc>,
    today: NaiveDate,
    raise: &mut Raise,
) {
    let Some(last) = history.last() else {
        return;
    };
    if last.checkin.pain == 0 || now - last.checkin.at > Duration::days(7) {
        return;
    }
    let Some(start) = episode_start(history, settings, earlier) else {
        return;
    };
    let began = match settings.onset {
        Some(_) => format!("it began on {start}"),
        None => format!("your first check-in of this episode was on {start}"),
    };
    let age = today - start;
    let at = |days: i64| {
        let date = start + Duration::days(days);
        date.and_hms_opt(0, 0, 0).map_or(now, |d| d.and_utc())
    };
    let (id, marker) = if age >= Duration::weeks(12) {
        (rule::TWELVE_WEEKS, 84)
    } else if age >= Duration::weeks(4) {
        (rule::FOUR_WEEKS, 28)
    } else {
        return;
    };
    let reason = format!("{began}, {} weeks ago", age.num_weeks());
    raise(id, reason, at(marker), at(marker));
}
