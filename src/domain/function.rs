//! The Patient-Specific Functional Scale (S12): up to five activities the neck makes hard, each
//! rated 0 (unable) to 10 (as before the pain). The score is their mean; 2 points is a meaningful
//! change. Ratings keep the activities' names, so renaming one later does not rewrite history.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

/// At most this many activities (the scale asks for 3 to 5).
pub const MAX_ACTIVITIES: usize = 5;
/// Longest activity name, in characters.
pub const MAX_NAME: usize = 60;
/// A change in the score that matters (S12).
pub const MEANINGFUL: f64 = 2.0;
/// Days between the gentle prompts to rate.
pub const PROMPT_DAYS: i64 = 7;

#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
pub struct Score {
    pub activity: String,
    pub score: u8,
}

/// One rating of every activity, at one moment.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
pub struct FunctionRating {
    pub at: DateTime<Utc>,
    pub scores: Vec<Score>,
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// The scale's score of these scores: their mean.
pub fn mean(scores: &[Score]) -> f64 {
    let sum: u32 = scores.iter().map(|s| u32::from(s.score)).sum();
    f64::from(sum) / scores.len().max(1) as f64
}

impl FunctionRating {
    /// The scale's score: the mean of the activities rated.
    pub fn mean(&self) -> f64 {
        mean(&self.scores)
    }

    /// Its own rules, wherever it came from: 1 to 5 activities, named, each 0-10.
    pub fn check(&self) -> Result<(), String> {
        if self.scores.is_empty() || self.scores.len() > MAX_ACTIVITIES {
            return Err(format!(
                "scores must hold 1 to {MAX_ACTIVITIES} activities (got {})",
                self.scores.len()
            ));
        }
        for (i, s) in self.scores.iter().enumerate() {
            if self.scores[..i].iter().any(|t| t.activity == s.activity) {
                return Err(format!("\"{}\" is rated twice", s.activity));
            }
            check_name(&s.activity)?;
            if s.score > 10 {
                return Err(format!(
                    "the score of \"{}\" must be from 0 to 10 (got {})",
                    s.activity, s.score
                ));
            }
        }
        Ok(())
    }
}

/// An activity's name as typed: not empty, not too long.
pub fn check_name(name: &str) -> Result<(), String> {
    super::text::check_name(name).map_err(|why| format!("an activity's name {why}"))?;
    let n = name.trim().chars().count();
    if n == 0 {
        Err("an activity's name is empty".into())
    } else if n > MAX_NAME {
        Err(format!(
            "an activity's name must be at most {MAX_NAME} characters (got {n})"
        ))
    } else {
        Ok(())
    }
}

/// Whether to ask gently for this week's rating: activities are named, and the last rating
/// (by local date) is a week old or there is none.
pub fn due(named: bool, last: Option<NaiveDate>, today: NaiveDate) -> bool {
    named && last.is_none_or(|d| (today - d).num_days() >= PROMPT_DAYS)
}
