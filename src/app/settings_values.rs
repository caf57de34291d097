//! What the welcome's and Settings' values make: the settings, or what is wrong with each
//! field, every one at once; and a character a field refuses as it is typed.

use super::{OnsetChoice, SettingField, SettingsForm};
use crate::domain::settings::{self, Settings};
use crate::domain::therapy::limits::bounds;

impl SettingsForm {
    /// Why `c` cannot go into the field focused, if it cannot: a number takes digits only
    /// (the night hours a dash too), said as it is typed rather than at the save.
    pub(super) fn refused(&self, c: char) -> Option<String> {
        let (name, takes) = match self.focused() {
            SettingField::Number => ("The emergency number", "digits"),
            SettingField::ColdHours => ("Cold for the first", "digits"),
            SettingField::SessionMinutes => ("Session length", "digits"),
            SettingField::GapMinutes => ("Gap between sessions", "digits"),
            SettingField::ReadySecs => ("Get ready before a hold", "digits"),
            SettingField::BreakMinutes => ("Desk break every", "digits"),
            SettingField::Night if c == '-' => return None,
            SettingField::Night => ("No break reminders", "digits and a dash (22-7)"),
            _ => return None,
        };
        (!c.is_ascii_digit()).then(|| format!("{name} takes {takes} only."))
    }

    /// `current` with the values typed here, or what is wrong with them: every bad field, named.
    pub(super) fn settings(
        &self,
        now: chrono::NaiveDateTime,
        current: Option<&Settings>,
    ) -> Result<Settings, Vec<(SettingField, String)>> {
        let today = now.date();
        let mut wrong: Vec<(SettingField, String)> = Vec::new();
        // The value, or `fallback` with what is wrong with `field` noted.
        fn noted<T>(
            wrong: &mut Vec<(SettingField, String)>,
            field: SettingField,
            checked: Result<T, String>,
            fallback: T,
        ) -> T {
            checked.unwrap_or_else(|e| {
                wrong.push((field, e));
                fallback
            })
        }
        let number = noted(
            &mut wrong,
            SettingField::Number,
            settings::validate_emergency_number(self.number.value())
                .map_err(|e| format!("Emergency number {e}")),
            String::new(),
        );
        let onset = match self.onset {
            OnsetChoice::Today => Ok((Some(today), None)),
            OnsetChoice::Ongoing => Ok((None, None)),
            // "On a date" with no date is asked about, never quietly taken as today.
            OnsetChoice::Date => settings::parse_onset(self.date.value(), now)
                .map_err(|e| format!("Began {e}"))
                .and_then(|onset| {
                    onset.map(|(date, time)| (Some(date), time)).ok_or(
                        "Began: type the date it began (YYYY-MM-DD), or choose \"today\"".into(),
                    )
                }),
        };
        let (onset, onset_time) = noted(&mut wrong, SettingField::Date, onset, (None, None));
        let mut out = current
            .cloned()
            .unwrap_or_else(|| Settings::new(&number, onset));
        out.emergency_number = number;
        out.onset = onset;
        out.onset_time = onset_time;
        if !self.welcome {
            let b = bounds();
            let named = |name: &'static str| move |e: String| format!("{name} {e}");
            let cold = b
                .cold_hours
                .check("Cold for the first", self.cold_hours.value());
            out.cold_hours = Some(noted(&mut wrong, SettingField::ColdHours, cold, 0));
            let session = (b.session_minutes).check("Session length", self.session_minutes.value());
            out.session_minutes = Some(noted(&mut wrong, SettingField::SessionMinutes, session, 0));
            let gap = (b.gap_minutes).check("Gap between sessions", self.gap_minutes.value());
            out.gap_minutes = Some(noted(&mut wrong, SettingField::GapMinutes, gap, 0));
            out.cues = Some(self.cues);
            let ready = settings::parse_ready_secs(self.ready_secs.value());
            let ready = ready.map_err(named("Get ready"));
            out.ready_secs = Some(noted(&mut wrong, SettingField::ReadySecs, ready, 0));
            let every = settings::parse_break_minutes(self.break_minutes.value());
            let every = every.map_err(named("Desk break every"));
            out.break_minutes = Some(noted(&mut wrong, SettingField::BreakMinutes, every, 0));
            let night = settings::parse_night(self.night.value());
            let night = night.map_err(named("No break reminders")).map(Some);
            out.night = noted(&mut wrong, SettingField::Night, night, None);
        }
        match wrong.is_empty() {
            true => Ok(out),
            false => Err(wrong),
        }
    }
}
