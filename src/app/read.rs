//! What the view, the runtime and the tests read of the app, and the few things set before it
//! runs (the routines, colour, ASCII, whether a voice was found).

use chrono::{DateTime, NaiveDate, Utc};

use super::*;

impl App {
    pub fn diary(&self) -> &Diary {
        &self.diary
    }

    pub fn now(&self) -> DateTime<Utc> {
        self.now
    }

    pub fn today(&self) -> NaiveDate {
        self.today
    }

    pub fn screen(&self) -> Screen {
        self.screen
    }

    pub fn today_state(&self) -> &TodayState {
        &self.today_state
    }

    /// The check-in form on show: Today's, while Today is the screen (another screen, reached
    /// from the keys shown in place, leaves it waiting there).
    pub fn form(&self) -> Option<&CheckinForm> {
        (self.today_state.form.as_ref()).filter(|_| self.screen == Screen::Today)
    }

    pub fn timers(&self) -> &TimersState {
        &self.timers
    }

    pub fn settings_form(&self) -> &SettingsForm {
        &self.settings_form
    }

    /// Help or Red flags, as far as it has been read.
    pub fn page(&self) -> Page {
        self.page
    }

    /// A warning sign just reported, shown over every screen until read.
    pub fn alert(&self) -> Option<&Alert> {
        self.alert.as_ref()
    }

    pub fn confirm(&self) -> Option<&Confirm> {
        self.confirm.as_ref()
    }

    pub fn status(&self) -> Option<&Status> {
        self.status.as_ref()
    }

    /// What the store reported that the person should know, when nothing else is being said.
    pub fn problem(&self) -> Option<&String> {
        self.diary.problem()
    }

    pub fn bell(&self) -> u64 {
        self.bell
    }

    /// Counts a routine's cues that ring (the loop rings the bell alone for these).
    pub fn chime(&self) -> u64 {
        self.chime
    }

    /// Words waiting to be spoken; the loop takes them.
    pub fn take_speech(&mut self) -> Vec<String> {
        std::mem::take(&mut self.speech)
    }

    /// Whether a desk-break reminder is showing.
    pub fn break_due(&self) -> bool {
        self.breaks.due
    }

    pub fn trends(&self) -> &TrendsState {
        &self.trends
    }

    pub fn stretches(&self) -> &StretchesState {
        &self.stretches
    }

    /// The person's own routines (and any bad files among them), beside the built-in ones.
    pub fn set_library(&mut self, library: crate::domain::stretch::Library) {
        self.stretches.replace_library(library);
    }

    pub fn color(&self) -> bool {
        self.color
    }

    pub fn ascii(&self) -> bool {
        self.ascii
    }

    pub fn set_ascii(&mut self, ascii: bool) {
        self.ascii = ascii;
    }

    pub fn set_color(&mut self, color: bool) {
        self.color = color;
    }

    /// Whether a speech program was found, so choosing voice without one is told.
    pub fn set_voice(&mut self, found: bool) {
        self.voice = found;
    }

    /// The page or section in view, as the view last measured it.
    pub fn measured(&self) -> Option<super::Measure> {
        match (&self.keys, self.screen) {
            (Some((_, page)), _) => page.measure,
            (None, Screen::Trends) => self.trends.page.measure,
            (None, _) => self.page.measure,
        }
    }

    /// The keys shown in place: those of what had the keyboard under them, and how far read.
    pub fn keys_shown(&self) -> Option<(super::Focus, &super::Page)> {
        self.keys.as_ref().map(|(focus, page)| (*focus, page))
    }

    /// Say something on the status line (what opening the store fixed, say).
    pub fn tell(&mut self, status: Status) {
        self.status = Some(status);
    }

    pub fn quit(&self) -> bool {
        self.quit
    }

    pub fn welcome(&self) -> bool {
        !self.welcomed && self.diary.settings().is_none()
    }

    /// The number to call. On the welcome, the one being typed once it is a valid number.
    pub fn emergency_number(&self) -> String {
        if self.welcome()
            && let Ok(typed) = validate_emergency_number(self.settings_form.number.value())
        {
            return typed;
        }
        self.diary.emergency_number().to_string()
    }
}
