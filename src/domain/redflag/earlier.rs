//! What the rules need to know of the check-ins before the latest ones, so a shell command can
//! read a few weeks and a short summary instead of years: the signs the older check-ins
//! raised, the spasm run they end with, where their episode began and its first days.
//!
//! The summary is exact. The rules that read only a check-in and the day around it or the week
//! after it (`rules::from_history`) raise the same signs over the older check-ins alone as over
//! the whole history, up to a seam 10 days after the older ones end; past the seam they are
//! worked out from the latest check-ins. The rules that read the newest check-in or `now`
//! (`course::from_latest`) take the rest from here.

use chrono::{DateTime, Duration, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use super::{Dated, course, rules};
use crate::domain::settings::Settings;
use crate::domain::trends::{self, Day};

/// A sign raised: which, why in words, when it happened, and when the answers behind it were
/// entered (an assessment settles only what was entered before it).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Raise {
    pub id: String,
    pub reason: String,
    pub at: DateTime<Utc>,
    pub entered: DateTime<Utc>,
}

/// The signs raised so far, one per sign: the latest time it was raised with its reason (the
/// greater reason where two are as late), and the latest entry behind any of them. Adding in
/// any order, or in parts, gives the same.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Raised(pub Vec<Raise>);

impl Raised {
    pub fn add(&mut self, raise: Raise) {
        let Some(kept) = self.0.iter_mut().find(|r| r.id == raise.id) else {
            self.0.push(raise);
            return;
        };
        let entered = kept.entered.max(raise.entered);
        if (raise.at, &raise.reason) > (kept.at, &kept.reason) {
            *kept = raise;
        }
        kept.entered = entered;
    }
}

/// A check-in that asked about symptoms, as the spasm rule reads it.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct Mark {
    pub at: DateTime<Utc>,
    pub date: NaiveDate,
    pub entered: DateTime<Utc>,
    pub spasm: bool,
}

/// How far past the older check-ins a sign raised from them may be dated, with the days around
/// it the rules read: a week after a manipulation (its local day, across time zones, reaches
/// about two days before it; the other rules a day either side), and days to spare.
const REACH: Duration = Duration::days(10);

/// The check-ins before `from`, summed up for the rules (see the module's comment).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Earlier {
    /// The first date not summed up: the rules are given every check-in dated from here on.
    pub from: NaiveDate,
    /// Signs dated up to here are in `raised`; later ones are worked out from the latest.
    pub seam: Option<DateTime<Utc>>,
    pub raised: Raised,
    /// The last check-in before `from` that asked about symptoms, with the first of the spasm
    /// run it ends (when it reported spasm).
    pub asked: Vec<Mark>,
    /// Where the episode the earlier check-ins end with began (none when the last had no pain).
    pub start: Option<NaiveDate>,
    /// The onset in the settings this was worked out for.
    pub onset: Option<NaiveDate>,
    /// The first three days of the episode (from the onset, or `start`) before `from`.
    pub days: Vec<Day>,
}

impl Earlier {
    /// Sum up `old`, check-ins in time order, for evaluations over those dated from `from` on
    /// and any newer ones it `admits`. `None` when the check-ins before `from` are not all
    /// earlier than the rest (entries dated in other time zones): then there is no seam, and
    /// everything must be read.
    pub fn of(old: &[Dated], from: NaiveDate, settings: &Settings) -> Option<Earlier> {
        let split = old.iter().position(|d| d.date >= from).unwrap_or(old.len());
        let (before, after) = old.split_at(split);
        if after.iter().any(|d| d.date < from) {
            return None;
        }
        let seam = before.last().map(|d| d.checkin.at + REACH);
        let mut raised = Raised::default();
        rules::from_history(old, &mut |id, reason, at, entered| {
            if seam.is_some_and(|seam| at <= seam) {
                raised.add(Raise {
                    id: id.to_string(),
                    reason,
                    at,
                    entered,
                });
            }
        });
        let start = course::episode_start(
            before,
            &Settings {
                onset: None,
                ..settings.clone()
            },
            None,
        );
        let asked = course::asked(before);
        let run = asked.iter().rev().take_while(|m| m.spasm).last();
        let asked: Vec<Mark> = match asked.last() {
            Some(last) if last.spasm => vec![*run.unwrap_or(last), *last],
            Some(last) => vec![*last],
            None => Vec::new(),
        };
        let first = settings.onset.or(start);
        let days = trends::daily(before)
            .into_iter()
            .filter(|d| first.is_some_and(|first| d.date >= first))
            .take(3)
            .collect();
        Some(Earlier {
            from,
            seam,
            raised,
            asked,
            start,
            onset: settings.onset,
            days,
        })
    }

    /// Whether a check-in at `at`, not among those summed up, leaves the summary true: it is
    /// later than every day the summed-up signs read.
    pub fn admits(&self, at: DateTime<Utc>) -> bool {
        self.seam.is_none_or(|seam| at > seam + Duration::days(1))
    }

    /// Whether this was worked out for these settings (the onset moves the episode's start).
    pub fn fits(&self, settings: &Settings) -> bool {
        self.onset == settings.onset
    }
}
