//! The rules worked out from the history over time: after manipulation, spasm, severe days,
//! trends and the episode's age. Each calls `raise` with the sign's id, a reason and its time.

use chrono::{DateTime, Duration, NaiveDate, Utc};

use super::{Dated, SHOW_DAYS};
use crate::domain::settings::Settings;

/// A meaningful change on the 0-10 scale (S11): 2 points or 30%.
fn meaningful_drop(from: f64, to: f64) -> bool {
    from - to >= 2.0 || (from > 0.0 && (from - to) / from >= 0.3)
}

pub(super) type Raise<'r> = dyn FnMut(&str, String, DateTime<Utc>) + 'r;

pub(super) fn manipulation(history: &[Dated], raise: &mut Raise) {
    for (m_date, m) in history
        .iter()
        .filter(|(_, c)| c.context.iter().any(|x| x == "manipulation"))
    {
        let after = history.iter().filter(|(_, c)| c.at >= m.at);
        for (date, c) in after
            .clone()
            .filter(|(_, c)| c.at - m.at <= Duration::days(7))
        {
            if let Some(s) = c
                .symptoms
                .iter()
                .find(|s| ["dizziness", "numbness", "pins-and-needles"].contains(&s.as_str()))
            {
                raise(
                    "manipulation-then-nerve-symptoms",
                    format!("{s} on {date}, after neck manipulation on {m_date}"),
                    c.at,
                );
            }
        }
        let later = after
            .clone()
            .rfind(|(_, c)| c.at - m.at > Duration::hours(48));
        if let Some((date, c)) =
            later.filter(|(_, c)| c.pain > 0 && c.at - m.at <= Duration::days(SHOW_DAYS))
        {
            raise(
                "manipulation-pain-48h",
                format!(
                    "pain {} on {date}, more than 48 hours after manipulation on {m_date}",
                    c.pain
                ),
                c.at,
            );
        }
    }
}

pub(super) fn spasm(history: &[Dated], now: DateTime<Utc>, raise: &mut Raise) {
    let Some((last_date, last)) = history.last() else {
        return;
    };
    if !last.symptoms.iter().any(|s| s == "spasm") || now - last.at > Duration::days(3) {
        return;
    }
    let streak = history
        .iter()
        .rev()
        .take_while(|(_, c)| c.symptoms.iter().any(|s| s == "spasm"));
    let Some((first_date, first)) = streak.last() else {
        return;
    };
    if last.at - first.at >= Duration::days(7)
        && !meaningful_drop(f64::from(first.pain), f64::from(last.pain))
    {
        raise(
            "spasm-7-days",
            format!("spasm reported from {first_date} to {last_date}"),
            last.at,
        );
    }
}

/// Highest pain of each day that has check-ins, in date order.
fn daily(history: &[Dated], f: impl Fn(&[u8]) -> f64) -> Vec<(NaiveDate, f64, DateTime<Utc>)> {
    let mut days: Vec<(NaiveDate, Vec<u8>, DateTime<Utc>)> = Vec::new();
    for (date, c) in history {
        match days.iter_mut().find(|(d, _, _)| d == date) {
            Some((_, pains, at)) => {
                pains.push(c.pain);
                *at = (*at).max(c.at);
            }
            None => days.push((*date, vec![c.pain], c.at)),
        }
    }
    days.sort_by_key(|(d, _, _)| *d);
    days.into_iter().map(|(d, p, at)| (d, f(&p), at)).collect()
}

fn mean(pains: &[u8]) -> f64 {
    pains.iter().map(|&p| f64::from(p)).sum::<f64>() / pains.len().max(1) as f64
}

pub(super) fn severe_days(history: &[Dated], today: NaiveDate, raise: &mut Raise) {
    let days = daily(history, |p| f64::from(*p.iter().max().unwrap_or(&0)));
    for w in days.windows(3) {
        let consecutive =
            w[1].0 - w[0].0 == Duration::days(1) && w[2].0 - w[1].0 == Duration::days(1);
        if consecutive && w.iter().all(|d| d.1 >= 8.0) && today - w[2].0 <= Duration::days(6) {
            raise(
                "severe-three-days",
                format!("pain 8 or more on {}, {} and {}", w[0].0, w[1].0, w[2].0),
                w[2].2,
            );
        }
    }
}

pub(super) fn trends(history: &[Dated], settings: &Settings, today: NaiveDate, raise: &mut Raise) {
    let days = daily(history, mean);
    // Worse over the last 7 days although something was done for it.
    let week: Vec<_> = days
        .iter()
        .filter(|d| today - d.0 <= Duration::days(6))
        .collect();
    let cared = history
        .iter()
        .any(|(d, c)| today - *d <= Duration::days(6) && !c.treatments.is_empty());
    if let (Some(first), Some(last)) = (week.first(), week.last())
        && last.0 - first.0 >= Duration::days(2)
        && last.1 - first.1 >= 2.0
        && cared
    {
        raise(
            "worsening-despite-self-care",
            format!(
                "average pain rose from {:.1} on {} to {:.1} on {}",
                first.1, first.0, last.1, last.0
            ),
            last.2,
        );
    }
    // No real improvement 14 days into the episode: first three logged days against the last three.
    let start = settings.onset.or(days.first().map(|d| d.0));
    let Some(start) = start else { return };
    let logged: Vec<_> = days.iter().filter(|d| d.0 >= start).collect();
    let (Some(first), Some(last)) = (logged.first(), logged.last()) else {
        return;
    };
    if today - start < Duration::days(14)
        || last.0 - first.0 < Duration::days(14)
        || today - last.0 > Duration::days(2)
    {
        return;
    }
    let early: Vec<f64> = logged.iter().take(3).map(|d| d.1).collect();
    let recent: Vec<f64> = logged
        .iter()
        .filter(|d| last.0 - d.0 <= Duration::days(2))
        .map(|d| d.1)
        .collect();
    let (early, recent) = (avg(&early), avg(&recent));
    if recent > 0.0 && !meaningful_drop(early, recent) {
        raise(
            "no-improvement-14-days",
            format!(
                "average pain {early:.1} at the start ({}) and {recent:.1} now",
                first.0
            ),
            last.2,
        );
    }
}

fn avg(values: &[f64]) -> f64 {
    values.iter().sum::<f64>() / values.len().max(1) as f64
}

pub(super) fn episode(
    history: &[Dated],
    settings: &Settings,
    now: DateTime<Utc>,
    today: NaiveDate,
    raise: &mut Raise,
) {
    let Some(onset) = settings.onset else { return };
    let Some((_, last)) = history.last() else {
        return;
    };
    if last.pain == 0 || now - last.at > Duration::days(7) {
        return;
    }
    let age = today - onset;
    let at = |days: i64| {
        let date = onset + Duration::days(days);
        date.and_hms_opt(0, 0, 0).map_or(now, |d| d.and_utc())
    };
    if age >= Duration::weeks(12) {
        raise(
            "past-12-weeks",
            format!("it began on {onset}, {} weeks ago", age.num_weeks()),
            at(84),
        );
    } else if age >= Duration::weeks(4) {
        raise(
            "still-present-4-weeks",
            format!("it began on {onset}, {} weeks ago", age.num_weeks()),
            at(28),
        );
    }
}
