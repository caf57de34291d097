//! Routines played: monthly files, in start order.

use chrono::{DateTime, Utc};
use uuid::Uuid;

use serde_json::{Map, Value};

use super::cells::{defuse, moment, opt, time};
use super::rules::{rating, span};
use crate::domain::stretch::{RoutineEnd, RoutineSession, StepDone};
use crate::record::{Collection, Csv, Kind, Merge, Record, Split};

impl Kind for RoutineSession {
    const COLLECTION: Collection = Collection {
        name: "routines",
        split: Split::Monthly,
        merge: Merge::Whole,
    };

    const CSV: Option<Csv<Self>> = Some(Csv {
        name: "routine",
        option: "routines",
        header: &[
            "id",
            "date",
            "time",
            "routine",
            "name",
            "version",
            "steps_done",
            "steps_total",
            "minutes",
            "pauses",
            "end",
            "pain_before",
            "pain_after",
            "feeling",
            "created_at",
            "updated_at",
        ],
        row,
    });

    /// A routine nape could have recorded: ratings 0-10, its times in order, no more
    /// exercises done than it has, and a name that is one line of text.
    fn check(&self) -> Result<(), String> {
        rating("pain_before", self.pain_before)?;
        rating("pain_after", self.pain_after)?;
        span(self.started_at, self.ended_at, &self.pauses)?;
        if self.steps_done > self.steps_total || self.steps.len() > self.steps_total as usize {
            return Err(format!(
                "steps_done ({}) and steps ({}) cannot be more than steps_total ({})",
                self.steps_done,
                self.steps.len(),
                self.steps_total
            ));
        }
        use crate::domain::text::is_plain_id;
        if !is_plain_id(&self.routine) {
            return Err("routine must be an id: lowercase letters, digits and hyphens".into());
        }
        let told = |s: &StepDone| StepDone::new(&s.exercise, s.held_secs, s.planned_secs).outcome;
        if let Some(s) =
            (self.steps.iter()).find(|s| s.held_secs > s.planned_secs || told(s) != s.outcome)
        {
            return Err(format!(
                "steps: {} held {} s of {} planned, recorded as {:?}",
                s.exercise, s.held_secs, s.planned_secs, s.outcome
            ));
        }
        if let Some(step) = self.steps.iter().find(|s| !is_plain_id(&s.exercise)) {
            let shown = crate::domain::text::shown(&step.exercise).into_owned();
            return Err(format!("steps: \"{shown}\" is not an exercise id"));
        }
        if self.desk.as_deref().is_some_and(|d| !is_plain_id(d)) {
            return Err("desk must be a desk id".into());
        }
        crate::domain::text::check_name(&self.name).map_err(|why| format!("name {why}"))
    }

    fn key(r: &Record<Self>) -> (DateTime<Utc>, Uuid) {
        (r.body.started_at, r.id)
    }

    fn extra(&self) -> &Map<String, Value> {
        &self.extra
    }
}

fn row(r: &Record<RoutineSession>, now: DateTime<Utc>) -> Vec<String> {
    let s = &r.body;
    let end = s.end.map_or("playing", |e| match e {
        RoutineEnd::Finished => "finished",
        RoutineEnd::Stopped => "stopped",
        RoutineEnd::Incomplete => "ended, not all done",
        RoutineEnd::Reported => "stopped and reported",
        RoutineEnd::Interrupted => "interrupted",
    });
    vec![
        r.id.to_string(),
        r.date.to_string(),
        time(s.started_at),
        defuse(&s.routine),
        defuse(&s.name),
        s.version.to_string(),
        s.steps_done.to_string(),
        s.steps_total.to_string(),
        (s.duration_secs(now) / 60).to_string(),
        s.pauses.len().to_string(),
        end.to_string(),
        opt(s.pain_before),
        opt(s.pain_after),
        s.feeling.map(|f| f.word()).unwrap_or_default().to_string(),
        moment(r.created_at),
        moment(r.updated_at),
    ]
}
