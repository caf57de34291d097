//! The rules of the course over time, read from the newest check-in, the days before `today`
//! and `now`: pain after a manipulation, spasm over a week, severe days, worsening or no
//! improvement, and the episode's age. Worked out on every evaluation, from the history given
//! and what `earlier` kept of the check-ins before it (see `earlier`).

use chrono::{DateTime, Duration, NaiveDate, NaiveTime, Utc};

use super::earlier::{Earlier, Mark};
use super::rules::{Raise, has, manipulations};
use super::{Dated, Evidence, SHOW_DAYS, rule};
use crate::domain::settings::Settings;
use crate::domain::trends::{Day, mean, meaningful_drop};
use crate::domain::vocabulary::symptom;

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
