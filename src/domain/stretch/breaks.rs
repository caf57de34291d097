//! Desk breaks: when the next reminder is due, measured from the last routine or break, and
//! the night hours with none.

use chrono::{DateTime, Days, Duration, NaiveDateTime, NaiveTime, Timelike, Utc};

/// When to remind next: `every` minutes after `last` (a routine, a dismissed reminder, or
/// opening nape), or when a snooze ends if that is later. `None` when reminders are off.
pub fn next_reminder(
    last: DateTime<Utc>,
    every_minutes: u32,
    snoozed_until: Option<DateTime<Utc>>,
) -> Option<DateTime<Utc>> {
    if every_minutes == 0 {
        return None;
    }
    let due = last + Duration::minutes(i64::from(every_minutes));
    Some(snoozed_until.map_or(due, |s| s.max(due)))
}

/// Whether `hour` (local, 0-23) is in the night hours `from`-`to`, which may wrap midnight.
pub fn is_night(hour: u32, (from, to): (u32, u32)) -> bool {
    match from.cmp(&to) {
        std::cmp::Ordering::Less => (from..to).contains(&hour),
        std::cmp::Ordering::Greater => hour >= from || hour < to,
        std::cmp::Ordering::Equal => false,
    }
}

/// The first local time at or after `due` outside the night hours: `due` itself by day, the
/// end of the night (`to` o'clock) when `due` falls in it.
pub fn first_daytime(due: NaiveDateTime, night: (u32, u32)) -> NaiveDateTime {
    if !is_night(due.hour(), night) {
        return due;
    }
    let end = NaiveTime::from_hms_opt(night.1, 0, 0).unwrap_or(NaiveTime::MIN);
    let day = if due.time() < end {
        due.date()
    } else {
        due.date() + Days::new(1)
    };
    day.and_time(end)
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    #[test]
    fn night_hours_wrap_midnight() {
        assert!(is_night(23, (22, 7)) && is_night(3, (22, 7)) && !is_night(7, (22, 7)));
        assert!(is_night(13, (12, 14)) && !is_night(14, (12, 14)));
        assert!(!is_night(5, (0, 0)), "the same hour twice: no night");
    }

    #[test]
    fn a_reminder_due_at_night_waits_for_the_morning() {
        let at = |d, h, m| {
            chrono::NaiveDate::from_ymd_opt(2026, 3, d)
                .unwrap()
                .and_hms_opt(h, m, 0)
                .unwrap()
        };
        assert_eq!(first_daytime(at(10, 21, 59), (22, 7)), at(10, 21, 59));
        assert_eq!(first_daytime(at(10, 22, 1), (22, 7)), at(11, 7, 0));
        assert_eq!(first_daytime(at(11, 3, 30), (22, 7)), at(11, 7, 0));
        assert_eq!(first_daytime(at(10, 13, 0), (12, 14)), at(10, 14, 0));
        assert_eq!(first_daytime(at(10, 5, 0), (0, 0)), at(10, 5, 0));
    }

    #[test]
    fn a_snooze_puts_the_reminder_off_and_zero_is_off() {
        let t = Utc.with_ymd_and_hms(2026, 3, 10, 9, 0, 0).unwrap();
        assert_eq!(next_reminder(t, 50, None), Some(t + Duration::minutes(50)));
        let snooze = t + Duration::minutes(60);
        assert_eq!(next_reminder(t, 50, Some(snooze)), Some(snooze));
        assert_eq!(next_reminder(t, 0, None), None);
    }
}
