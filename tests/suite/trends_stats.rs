//! The trends statistics on synthetic histories, with `today` pinned: gaps, one entry, several a
//! day, a DST day, a backfilled entry, the minimum counts, a year with a missing month.

use chrono::{DateTime, Duration, NaiveDate, TimeZone, Utc};
use nape::domain::checkin::{CheckIn, Dated};
use nape::domain::function::{FunctionRating, Score};
use nape::domain::stretch::RoutineSession;
use nape::domain::therapy::{PackKind, Session};
use nape::domain::trends::{
    self, Change, Chart, Facts, MIN_COUNT, Span, Standing, Summary, associations, change, effects,
    month, streak, weeks,
};

fn date(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

fn at(day: &str, hour: u32) -> DateTime<Utc> {
    Utc.from_utc_datetime(&date(day).and_hms_opt(hour, 0, 0).unwrap())
}

/// Check-ins as (date, hour, pain, context), stored in time order like the diary keeps them.
struct History {
    checkins: Vec<(NaiveDate, CheckIn)>,
    packs: Vec<(NaiveDate, Session)>,
    routines: Vec<(NaiveDate, RoutineSession)>,
    function: Vec<(NaiveDate, FunctionRating)>,
    onset: Option<NaiveDate>,
}

impl History {
    fn new() -> History {
        History {
            checkins: Vec::new(),
            packs: Vec::new(),
            routines: Vec::new(),
            function: Vec::new(),
            onset: None,
        }
    }

    fn pain(mut self, day: &str, hour: u32, pain: u8, context: &[&str]) -> History {
        let mut c = CheckIn::new(at(day, hour), pain);
        c.context = context.iter().map(|s| s.to_string()).collect();
        self.checkins.push((date(day), c));
        self.checkins.sort_by_key(|(_, c)| c.at);
        self
    }

    fn quick(mut self, day: &str, pain: u8) -> History {
        let mut c = CheckIn::new(at(day, 12), pain);
        c.quick = true;
        self.checkins.push((date(day), c));
        self.checkins.sort_by_key(|(_, c)| c.at);
        self
    }

    fn pack(mut self, day: &str, kind: PackKind, before: Option<u8>, after: Option<u8>) -> History {
        let mut s = Session::new(kind, 15, at(day, 9));
        s.pain_before = before;
        s.pain_after = after;
        self.packs.push((date(day), s));
        self
    }

    fn routine(mut self, day: &str, name: &str, before: u8, after: u8) -> History {
        let r: RoutineSession = serde_json::from_value(serde_json::json!({
            "routine": name.to_lowercase(), "version": 1, "name": name,
            "started_at": at(day, 10), "planned_secs": 180, "steps_total": 4, "steps_done": 4,
            "pain_before": before, "pain_after": after
        }))
        .unwrap();
        self.routines.push((date(day), r));
        self
    }

    fn rate(mut self, day: &str, scores: &[u8]) -> History {
        let scores = scores
            .iter()
            .enumerate()
            .map(|(i, s)| Score {
                activity: format!("activity {i}"),
                score: *s,
            })
            .collect();
        let r = FunctionRating {
            at: at(day, 20),
            scores,
            extra: Default::default(),
        };
        self.function.push((date(day), r));
        self
    }

    fn check<T>(&self, test: impl FnOnce(&Facts) -> T) -> T {
        let dated: Vec<Dated> = (self.checkins.iter())
            .map(|(date, c)| Dated {
                date: *date,
                entered: c.at,
                checkin: c,
            })
            .collect();
        let days = trends::daily(&dated);
        let facts = Facts {
            days: &days,
            checkins: dated,
            packs: self.packs.iter().map(|(d, s)| (*d, s)).collect(),
            routines: self.routines.iter().map(|(d, r)| (*d, r)).collect(),
            assessments: Vec::new(),
            onset: self.onset,
            function: self.function.iter().map(|(d, r)| (*d, r)).collect(),
        };
        test(&facts)
    }
}

#[test]
fn days_without_entries_are_gaps_not_zeros() {
    let h = History::new()
        .pain("2026-11-01", 9, 4, &[])
        .pain("2026-11-02", 9, 5, &[])
        .pain("2026-11-05", 9, 6, &[]);
    let chart = h.check(|f| Chart::new(f, date("2026-11-01"), date("2026-11-07")));
    assert_eq!(
        chart.mean,
        vec![vec![(0.0, 4.0), (1.0, 5.0)], vec![(4.0, 6.0)]]
    );
    assert_eq!(chart.len(), 7);
    let points: Vec<f64> = chart.mean.iter().flatten().map(|p| p.1).collect();
    assert!(
        !points.contains(&0.0),
        "no zero stands in for a missing day"
    );
}

#[test]
fn a_single_entry_is_one_point_and_no_comparison() {
    let h = History::new().pain("2026-11-20", 9, 3, &[]);
    let today = date("2026-11-22");
    let s = h.check(|f| Summary::new(f, Span::Week, today));
    assert_eq!(s.chart.mean, vec![vec![(4.0, 3.0)]]);
    assert_eq!(s.chart.rolling, vec![vec![(4.0, 3.0)]]);
    assert_eq!(s.standing.days, Some(2));
    assert_eq!(
        s.standing.change, None,
        "one week cannot be compared with itself"
    );
    assert_eq!((s.checkins, s.checkin_days), (1, 1));
    assert_eq!(s.streak, 0, "the last check-in was two days ago");
}

#[test]
fn several_entries_a_day_give_its_mean_and_worst() {
    let h = History::new()
        .pain("2026-11-10", 8, 2, &[])
        .pain("2026-11-10", 13, 6, &[])
        .pain("2026-11-10", 20, 7, &[]);
    let chart = h.check(|f| Chart::new(f, date("2026-11-10"), date("2026-11-10")));
    assert_eq!(chart.mean, vec![vec![(0.0, 5.0)]]);
    assert_eq!(chart.worst, vec![vec![(0.0, 7.0)]]);
}

#[test]
fn a_dst_day_is_one_day_whatever_its_hours() {
    // 29 March 2026: clocks go forward in Europe; the day has 23 hours. Entries belong to the
    // local date they were made on, so the series has no gap and no extra day.
    let h = History::new()
        .pain("2026-03-28", 22, 4, &[])
        .pain("2026-03-29", 0, 5, &[])
        .pain("2026-03-29", 23, 7, &[])
        .pain("2026-03-30", 1, 3, &[]);
    let chart = h.check(|f| Chart::new(f, date("2026-03-28"), date("2026-03-30")));
    assert_eq!(chart.mean, vec![vec![(0.0, 4.0), (1.0, 6.0), (2.0, 3.0)]]);
}

#[test]
fn a_backfilled_entry_lands_on_its_own_day() {
    // Entered last, dated first: the history is in time order, so it comes first.
    let h = History::new()
        .pain("2026-11-10", 9, 5, &[])
        .pain("2026-11-12", 9, 3, &[])
        .pain("2026-11-11", 9, 4, &[]);
    let chart = h.check(|f| Chart::new(f, date("2026-11-10"), date("2026-11-12")));
    assert_eq!(chart.mean, vec![vec![(0.0, 5.0), (1.0, 4.0), (2.0, 3.0)]]);
    // Its day is in the rolling mean of the day after.
    assert_eq!(chart.rolling[0][2], (2.0, 4.0));
}

#[test]
fn the_rolling_mean_covers_seven_days_including_those_before_the_span() {
    let mut h = History::new();
    for (i, pain) in [7, 7, 7, 7, 7, 7, 0].iter().enumerate() {
        h = h.pain(&format!("2026-11-{:02}", i + 1), 9, *pain, &[]);
    }
    let chart = h.check(|f| Chart::new(f, date("2026-11-07"), date("2026-11-07")));
    assert_eq!(chart.rolling, vec![vec![(0.0, 6.0)]]);
}

#[test]
fn a_year_with_a_missing_month_has_one_gap_there() {
    let mut h = History::new();
    let mut day = date("2025-01-01");
    while day <= date("2025-12-31") {
        if day.format("%m").to_string() != "06" {
            h = h.pain(&day.to_string(), 9, 4, &[]);
        }
        day += Duration::days(1);
    }
    let s = h.check(|f| Summary::new(f, Span::Year, date("2025-12-31")));
    assert_eq!(s.chart.mean.len(), 2, "one run before June, one after");
    assert_eq!(s.checkin_days, 365 - 30);
    let june = h.check(|f| month(f, date("2025-06-15")));
    assert_eq!(june.days.len(), 30);
    assert!(june.days.iter().all(Option::is_none));
    assert_eq!(june.lead(), 6, "1 June 2025 was a Sunday");
    let july = h.check(|f| month(f, date("2025-07-01")));
    assert!(july.days.iter().all(|d| *d == Some(4.0)));
}

#[test]
fn a_long_span_keeps_its_last_day_on_the_chart() {
    // 365 days in bins of 4: the last bin holds today alone and is drawn on today, not past it.
    let mut h = History::new();
    for d in ["2026-11-20", "2026-11-21", "2026-11-22"] {
        h = h.pain(d, 9, 3, &[]).rate(d, &[4, 5]);
    }
    let chart = h.check(|f| Chart::new(f, date("2025-11-23"), date("2026-11-22")));
    assert!(chart.bin > 1);
    let last_x = (chart.len() - 1) as f64;
    let xs: Vec<f64> = chart.mean.iter().flatten().map(|p| p.0).collect();
    assert_eq!(xs.last(), Some(&last_x), "{xs:?}");
    assert!(chart.worst.iter().flatten().all(|p| p.0 <= last_x));
    assert!(chart.function.iter().all(|p| p.0 <= last_x));
    // Each rating still counts on its own for the words.
    let s = h.check(|f| Summary::new(f, Span::Year, date("2026-11-22")));
    assert_eq!(s.function.len(), 3);
}

#[test]
fn change_words_respect_what_is_meaningful() {
    assert_eq!(change(6.0, 4.0), Change::Better(2.0));
    assert_eq!(
        change(3.0, 2.0),
        Change::Better(1.0),
        "a third less is meaningful"
    );
    assert_eq!(change(6.0, 4.5), Change::Same, "1.5 of 6 is 25%");
    assert_eq!(change(4.0, 6.0), Change::Worse(2.0));
    assert_eq!(change(0.0, 0.5), Change::Same);
    // A rise is measured against where it started: 3 to 4.2 is 40% more.
    assert_eq!(change(3.0, 4.2), Change::Worse(4.2 - 3.0));
    // 40% of very little is less than a point: not meaningful either way.
    assert_eq!(change(1.0, 0.6), Change::Same);
    assert_eq!(change(0.6, 1.0), Change::Same);
    assert!(Change::Same.words().contains("about the same"));
}

#[test]
fn standing_compares_this_week_with_the_first() {
    let mut h = History::new();
    h.onset = Some(date("2026-11-01"));
    for d in 1..=7 {
        h = h.pain(&format!("2026-11-{d:02}"), 9, 6, &[]);
    }
    for d in 16..=22 {
        h = h.pain(&format!("2026-11-{d:02}"), 9, 3, &[]);
    }
    // Until the last 7 days stop overlapping the first 7, there is no comparison.
    let early = h.check(|f| Standing::new(f, date("2026-11-13")));
    assert_eq!((early.days, early.change), (Some(12), None));
    let later = h.check(|f| Standing::new(f, date("2026-11-16")));
    assert!(later.change.is_some());
    let s = h.check(|f| Standing::new(f, date("2026-11-22")));
    assert_eq!(s.days, Some(21));
    assert_eq!((s.first_week, s.this_week), (Some(6.0), Some(3.0)));
    assert_eq!(s.change, Some(Change::Better(3.0)));
    assert!(s.course().unwrap().contains("S13"));
}

#[test]
fn adherence_counts_sessions_per_week_and_the_streak() {
    let h = History::new()
        .pain("2026-11-20", 9, 4, &[])
        .pain("2026-11-21", 9, 4, &[])
        .pack("2026-11-21", PackKind::Cold, None, None)
        .pack("2026-11-22", PackKind::Cold, None, None)
        .pack("2026-11-14", PackKind::Heat, None, None)
        .routine("2026-11-22", "Desk reset", 4, 3);
    let today = date("2026-11-22");
    let w = h.check(|f| weeks(f, date("2026-11-09"), today));
    assert_eq!(w.len(), 2);
    assert_eq!(w[0].from, date("2026-11-09"), "cut short at the start");
    assert_eq!((w[1].from, w[1].to), (date("2026-11-16"), today));
    assert_eq!(
        (w[1].cold, w[1].heat, w[1].stretch, w[1].checkin_days),
        (2, 0, 1, 2)
    );
    assert_eq!((w[0].cold, w[0].heat), (0, 1));
    assert_eq!(h.check(|f| streak(f, today)), 2, "today may still come");
    assert_eq!(h.check(|f| streak(f, date("2026-11-21"))), 2);
    assert_eq!(h.check(|f| streak(f, date("2026-11-24"))), 0);
}

#[test]
fn effects_need_three_rated_sessions() {
    let from = date("2026-11-01");
    let to = date("2026-11-30");
    let h = History::new()
        .pack("2026-11-02", PackKind::Cold, Some(6), Some(4))
        .pack("2026-11-03", PackKind::Cold, Some(5), Some(4))
        .pack("2026-11-04", PackKind::Cold, Some(5), None)
        .routine("2026-11-05", "Desk reset", 4, 3);
    let e = h.check(|f| effects(f, from, to));
    let cold = &e[0];
    assert_eq!(
        (cold.name.as_str(), cold.sessions, cold.rated),
        ("Cold", 3, 2)
    );
    assert!(!cold.enough(), "{MIN_COUNT} rated sessions are needed");
    // A routine ended before its first step is no session, as adherence counts it.
    let mut h = h.routine("2026-11-07", "Desk reset", 5, 5);
    h.routines.last_mut().unwrap().1.steps_done = 0;
    let h = h.pack("2026-11-06", PackKind::Cold, Some(6), Some(3));
    let e = h.check(|f| effects(f, from, to));
    assert!(e[0].enough());
    assert_eq!(e[0].change, -2.0);
    assert!(e[0].words().starts_with("2.0 points less pain after"));
    assert_eq!(e[2].name, "Desk reset");
    assert_eq!((e[2].sessions, e[2].rated), (1, 1));
    assert!(!e[2].enough());
}

#[test]
fn associations_need_three_days_with_and_without_and_skip_quick_days() {
    let mut h = History::new();
    for d in 1..=3 {
        h = h.pain(&format!("2026-11-{d:02}"), 9, 6, &["poor-sleep"]);
    }
    for d in 4..=5 {
        h = h.pain(&format!("2026-11-{d:02}"), 9, 3, &[]);
    }
    // A quick check-in asks nothing about sleep: its day is neither with nor without.
    h = h.quick("2026-11-06", 1);
    let range = (date("2026-11-01"), date("2026-11-30"));
    let a = h.check(|f| associations(f, range.0, range.1));
    assert_eq!(a.len(), 1);
    assert_eq!((a[0].with_days, a[0].without_days), (3, 2));
    assert!(!a[0].enough());
    // Ticked in a pain-only check-in (as `nape log 6 -c poor-sleep` makes): still "with".
    let mut h = h.quick("2026-11-08", 6);
    h.checkins.last_mut().unwrap().1.context = vec!["poor-sleep".into()];
    let h = h.pain("2026-11-07", 9, 3, &["exercise"]);
    let a = h.check(|f| associations(f, range.0, range.1));
    let sleep = a.iter().find(|a| a.label == "poor sleep").unwrap();
    assert!(sleep.enough());
    assert_eq!(
        (sleep.with_days, sleep.with_mean, sleep.without_mean),
        (4, 6.0, 3.0)
    );
    let words = sleep.words();
    assert!(
        words.contains("associated with 3.0 points more pain"),
        "{words}"
    );
    assert!(!words.contains("cause"));
}

#[test]
fn the_functional_score_is_a_second_series() {
    let h = History::new()
        .rate("2026-11-01", &[2, 4, 3])
        .rate("2026-11-08", &[5, 6, 4]);
    let s = h.check(|f| Summary::new(f, Span::Month, date("2026-11-10")));
    let first = s.chart.function[0];
    assert_eq!(first.1, 3.0);
    assert_eq!(s.chart.function[1].1, 5.0);
    assert!(s.function_words().unwrap().contains("meaningful gain"));
}

#[test]
fn spans_start_where_they_should() {
    let today = date("2026-11-22");
    assert_eq!(Span::Week.from(today, None), date("2026-11-16"));
    assert_eq!(Span::Year.from(today, None), date("2025-11-23"));
    assert_eq!(
        Span::All.from(today, Some(date("2020-01-01"))),
        date("2020-01-01")
    );
    assert_eq!(Span::All.from(today, None), today);
    assert_eq!(Span::Week.shorter(), Span::Week);
    assert_eq!(Span::Year.longer(), Span::All);
}

/// The chart's and the report's worst is the person's "worst in the last 24 hours" answer, or the
/// pain now of a check-in that did not give one; the same whether a day is worked out whole or
/// kept in step entry by entry.
#[test]
fn a_days_worst_is_the_worst_answered_else_the_pain_now() {
    let answered = CheckIn {
        worst: Some(8),
        ..CheckIn::new(at("2026-05-04", 9), 3)
    };
    let quick = CheckIn::new(at("2026-05-04", 15), 5);
    let history = [answered, quick];
    let dated: Vec<Dated> = (history.iter())
        .map(|c| Dated {
            date: c.at.date_naive(),
            entered: c.at,
            checkin: c,
        })
        .collect();
    let days = trends::daily(&dated);
    assert_eq!(
        (days[0].max, days[0].worst),
        (5, 8),
        "pain now 5 at most; worst answered 8"
    );
    assert!(days[0].worst_given);
    let same = trends::day(date("2026-05-04"), history.iter()).unwrap();
    assert_eq!(same, days[0]);
    let unanswered = trends::day(date("2026-05-04"), [&history[1]].into_iter()).unwrap();
    assert_eq!((unanswered.worst, unanswered.worst_given), (5, false));
}

/// What helps uses the same meaningful-change rule as the associations: half a point less pain
/// after is "no meaningful change", never "less pain after".
#[test]
fn a_small_change_after_a_treatment_is_not_called_less_pain() {
    let from = date("2026-11-01");
    let to = date("2026-11-30");
    let h = History::new()
        .pack("2026-11-02", PackKind::Heat, Some(5), Some(5))
        .pack("2026-11-03", PackKind::Heat, Some(5), Some(4))
        .pack("2026-11-04", PackKind::Heat, Some(6), Some(5))
        .pack("2026-11-05", PackKind::Heat, Some(5), Some(5));
    let e = h.check(|f| effects(f, from, to));
    let heat = &e[1];
    assert!(heat.enough());
    assert_eq!(heat.change, -0.5);
    assert!(
        heat.words()
            .starts_with("no meaningful change in pain after"),
        "{}",
        heat.words()
    );
    assert!(!heat.helps(), "too small to say it helped");
}

/// A sparkline wider than its days pads between them with blanks: "·" is kept for a day with
/// no check-in, as on the calendar.
#[test]
fn a_sparkline_pads_with_blanks_not_with_the_no_check_in_mark() {
    use nape::domain::trends::Column;
    let h = History::new()
        .pain("2026-11-20", 9, 4, &[])
        .pain("2026-11-22", 9, 6, &[]);
    let today = date("2026-11-22");
    let summary = h.check(|f| Summary::new(f, Span::Week, today));
    let columns = summary.chart.columns(21);
    let between = columns
        .iter()
        .filter(|c| matches!(c, Column::Between))
        .count();
    let none = columns
        .iter()
        .filter(|c| matches!(c, Column::NoCheckIn))
        .count();
    assert_eq!(none, 5, "5 of the 7 days had no check-in: {columns:?}");
    assert_eq!(between, 21 - 7, "{columns:?}");
}

/// Progress keeps calendar weeks, Monday to Sunday, whatever the span: the same week is the same
/// row at 30 and at 90 days, and a part-week says so.
#[test]
fn weeks_are_calendar_weeks_and_a_part_week_says_so() {
    let h = History::new().pain("2026-11-04", 9, 4, &[]);
    // From a Wednesday to a Sunday 18 days on.
    let w = h.check(|f| weeks(f, date("2026-11-04"), date("2026-11-22")));
    let spans: Vec<(NaiveDate, NaiveDate)> = w.iter().map(|w| (w.from, w.to)).collect();
    assert_eq!(
        spans,
        [
            (date("2026-11-04"), date("2026-11-08")),
            (date("2026-11-09"), date("2026-11-15")),
            (date("2026-11-16"), date("2026-11-22")),
        ]
    );
    assert!(w[0].part() && !w[1].part() && !w[2].part());
    // Another start: the same calendar weeks.
    let later = h.check(|f| weeks(f, date("2026-11-10"), date("2026-11-22")));
    assert_eq!(
        (later[1].from, later[1].to),
        (date("2026-11-16"), date("2026-11-22"))
    );
}
