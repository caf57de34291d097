//! Everything the Trends screen and the report show for one span, worked out at once when the
//! data, the day or the span changes (never per frame).

use chrono::{Months, NaiveDate};

use super::{
    Association, Chart, Effect, Facts, Month, Span, Standing, Week, associations, effects, month,
    streak, weeks,
};
use crate::domain::function::MEANINGFUL;

#[derive(Clone, Debug, PartialEq)]
pub struct Summary {
    pub span: Span,
    pub today: NaiveDate,
    pub from: NaiveDate,
    pub chart: Chart,
    pub standing: Standing,
    /// Weeks of the span, oldest first.
    pub weeks: Vec<Week>,
    pub streak: usize,
    pub effects: Vec<Effect>,
    pub associations: Vec<Association>,
    /// This month and the two before, oldest first.
    pub months: Vec<Month>,
    /// Each activities rating in the span: its day and score (the chart's points may be means
    /// of several).
    pub function: Vec<(NaiveDate, f64)>,
    /// Check-ins in the span, and days with one.
    pub checkins: usize,
    pub checkin_days: usize,
}

impl Summary {
    pub fn new(facts: &Facts, span: Span, today: NaiveDate) -> Summary {
        let from = span.from(today, facts.first_day());
        Summary::between(facts, span, from, today)
    }

    /// The figures from `from` to `today` (the report's `--days`).
    pub fn between(facts: &Facts, span: Span, from: NaiveDate, today: NaiveDate) -> Summary {
        let days = facts.days_in(from, today);
        Summary {
            span,
            today,
            from,
            chart: Chart::new(facts, from, today),
            standing: Standing::new(facts, today),
            weeks: weeks(facts, from, today),
            streak: streak(facts, today),
            effects: effects(facts, from, today),
            associations: associations(facts, from, today),
            months: (0..3)
                .rev()
                .filter_map(|back| today.checked_sub_months(Months::new(back)))
                .map(|day| month(facts, day))
                .collect(),
            function: (facts.function.iter())
                .filter(|(d, _)| (from..=today).contains(d))
                .map(|(d, r)| (*d, r.mean()))
                .collect(),
            checkins: days.iter().map(|d| d.count).sum(),
            checkin_days: days.len(),
        }
    }

    /// The functional score's first and latest values in the span, and whether the change
    /// between them is meaningful (2 points, S12). Higher is better on this scale.
    pub fn function_words(&self) -> Option<String> {
        let points = &self.function;
        let (first, last) = (points.first()?, points.last()?);
        let by = last.1 - first.1;
        let how = if points.len() < 2 {
            return Some(format!("{:.1} of 10 (one rating in this span)", last.1));
        } else if by >= MEANINGFUL {
            format!("up {by:.1}: a meaningful gain")
        } else if by <= -MEANINGFUL {
            format!("down {:.1}: a meaningful loss", -by)
        } else {
            "about the same (less than 2 points)".into()
        };
        Some(format!("{:.1} → {:.1} of 10, {how}", first.1, last.1))
    }
}
