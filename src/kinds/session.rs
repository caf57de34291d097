//! Cold and heat sessions: monthly files (the `therapy` collection), in start order; a length
//! nape could have set.

use chrono::{DateTime, Utc};
use uuid::Uuid;

use serde_json::{Map, Value};

use super::cells::{moment, opt, time};
use super::rules::{rating, span};
use crate::domain::therapy::{EndReason, Session};
use crate::record::{Collection, Csv, Kind, Merge, Record, Split};

impl Kind for Session {
    const COLLECTION: Collection = Collection {
        name: "therapy",
        split: Split::Monthly,
        merge: Merge::Whole,
    };

    const CSV: Option<Csv<Self>> = Some(Csv {
        name: "session",
        option: "sessions",
        header: &[
            "id",
            "date",
            "time",
            "pack",
            "planned_minutes",
            "minutes",
            "end",
            "pain_before",
            "pain_after",
            "skin_checks",
            "created_at",
            "updated_at",
        ],
        row,
    });

    /// A session nape could have recorded: a length within the safe bounds (extensions
    /// included), ratings 0-10, its times in order, an answer only for a skin check asked.
    fn check(&self) -> Result<(), String> {
        let range = &crate::domain::therapy::limits::bounds().session_minutes;
        let (min, max) = (range.min * 60, range.max * 60);
        if !(min..=max).contains(&self.planned_secs) {
            return Err(format!(
                "planned_secs must be from {min} to {max} (got {})",
                self.planned_secs
            ));
        }
        rating("pain_before", self.pain_before)?;
        rating("pain_after", self.pain_after)?;
        span(self.started_at, self.ended_at, &self.pauses)?;
        if self.skin_felt.len() > self.skin_checks.len() {
            return Err("skin_felt holds more answers than skin_checks were asked".into());
        }
        Ok(())
    }

    fn extra(&self) -> &Map<String, Value> {
        &self.extra
    }

    fn key(r: &Record<Self>) -> (DateTime<Utc>, Uuid) {
        (r.body.started_at, r.id)
    }
}

/// `minutes` is the time it ran, pauses left out.
fn row(r: &Record<Session>, now: DateTime<Utc>) -> Vec<String> {
    let s = &r.body;
    let end = match s.end_reason {
        Some(EndReason::Finished) => "finished",
        Some(EndReason::Stopped) => "stopped",
        Some(EndReason::Numb) => "stopped: numb skin",
        None => "running",
    };
    // "5 min: cold"; a check from before answers were kept has its minute alone.
    let checks: Vec<String> = (s.skin_checks.iter().enumerate())
        .map(|(i, m)| match s.skin_felt.get(i) {
            Some(felt) => format!("{m} min: {}", felt.word()),
            None => format!("{m} min"),
        })
        .collect();
    vec![
        r.id.to_string(),
        r.date.to_string(),
        time(s.started_at),
        s.kind.name().to_lowercase(),
        (s.planned_secs / 60).to_string(),
        s.elapsed(s.ended_at.unwrap_or(now))
            .num_minutes()
            .to_string(),
        end.to_string(),
        opt(s.pain_before),
        opt(s.pain_after),
        checks.join("; "),
        moment(r.created_at),
        moment(r.updated_at),
    ]
}
