//! The rules worked out from the history over time: after manipulation, spasm, severe days,
//! trends and the episode's age. Each calls `raise` with the sign's id, a reason and its time.

use chrono::{DateTime, Duration, NaiveDate, NaiveTime, Utc};

use crate::domain::checkin::CheckIn;

use super::{Dated, SHOW_DAYS, rule};
use crate::domain::settings::Settings;
use crate::domain::trends::{Day, mean, meaningful_drop};
use crate::domain::vocabulary::{context, symptom};

const NERVE_SYMPTOMS: [&str; 3] = [
    symptom::DIZZINESS,
    symptom::NUMBNESS,
    symptom::PINS_AND_NEEDLES,
];

pub(super) type Raise<'r> = dyn FnMut(&str, String, DateTime<Utc>) + 'r;

pub(super) fn manipulation(history: &[Dated], raise: &mut Raise) {
    for (m_date, m) in history
        .iter()
        .filter(|(_, c)| c.context.iter().any(|x| x == context::MANIPULATION))
    {
        let after = history.iter().filter(|(_, c)| c.at >= m.at);
        for (date, c) in after
            .clone()
            .filter(|(_, c)| c.at - m.at <= Duration::days(7))
        {
            if let Some(s) = c
                .symptoms
                .iter()
                .find(|s| NERVE_SYMPTOMS.contains(&s.as_str()))
            {
                raise(
                    rule::MANIPULATION_NERVE,
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
                rule::MANIPULATION_PAIN,
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
    let spasm = |c: &CheckIn| c.symptoms.iter().any(|s| s == symptom::SPASM);
    if !spasm(last) || now - last.at > Duration::days(3) {
        return;
    }
    let streak = history.iter().rev().take_while(|(_, c)| spasm(c));
    let Some((first_date, first)) = streak.last() else {
        return;
    };
    if last.at - first.at >= Duration::days(7)
        && !meaningful_drop(f64::from(first.pain), f64::from(last.pain))
    {
        raise(
            rule::SPASM_7_DAYS,
            format!("spasm reported from {first_date} to {last_date}"),
            last.at,
        );
    }
}

pub(super) fn severe_days(days: &[Day], today: NaiveDate, raise: &mut Raise) {
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
            );
        }
    }
}

pub(super) fn trends(
    history: &[Dated],
    days: &[Day],
    settings: &Settings,
    today: NaiveDate,
    raise: &mut Raise,
) {
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
    let cared = history
        .iter()
        .rev()
        .take_while(|(_, c)| c.at >= since)
        .any(|(d, c)| today - *d <= Duration::days(6) && !c.treatments.is_empty());
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
        );
    }
    // No real improvement 14 days into the episode: first three logged days against the last three.
    let start = settings.onset.or(days.first().map(|d| d.date));
    let Some(start) = start else { return };
    let logged: Vec<_> = days.iter().filter(|d| d.date >= start).collect();
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
        );
    }
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
            rule::TWELVE_WEEKS,
            format!("it began on {onset}, {} weeks ago", age.num_weeks()),
            at(84),
        );
    } else if age >= Duration::weeks(4) {
        raise(
            rule::FOUR_WEEKS,
            format!("it began on {onset}, {} weeks ago", age.num_weeks()),
            at(28),
        );
    }
}
