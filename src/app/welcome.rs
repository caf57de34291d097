//! The first-run welcome and the Settings screen share one small form: the emergency number and
//! when this episode began.

use ratatui::crossterm::event::Event;
use tui_input::Input;
use tui_input::backend::crossterm::EventHandler;

use super::{App, Msg};
use crate::domain::settings::{self, Settings};
use crate::store::Record;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum OnsetChoice {
    Today,
    Date,
    Ongoing,
}

impl OnsetChoice {
    pub const ALL: [OnsetChoice; 3] = [OnsetChoice::Today, OnsetChoice::Date, OnsetChoice::Ongoing];

    pub fn label(self) -> &'static str {
        match self {
            OnsetChoice::Today => "today",
            OnsetChoice::Date => "on a date",
            OnsetChoice::Ongoing => "it has been going on for a while",
        }
    }
}

#[derive(Clone, Debug)]
pub struct SettingsForm {
    pub number: Input,
    pub onset: OnsetChoice,
    pub date: Input,
    /// 0 the number, 1 the onset choice, 2 the date.
    pub focus: usize,
    pub error: Option<String>,
    /// On the Settings screen: whether the form is open for changes.
    pub editing: bool,
    /// Whether this is the first-run welcome (always open for changes).
    pub welcome: bool,
}

impl SettingsForm {
    pub fn new(locale: &str, current: Option<&Settings>) -> Self {
        let number = current.map_or(settings::emergency_number_for_locale(locale), |s| {
            s.emergency_number.as_str()
        });
        let (onset, date) = match current.map(|s| s.onset) {
            Some(Some(date)) => (OnsetChoice::Date, date.to_string()),
            Some(None) => (OnsetChoice::Ongoing, String::new()),
            None => (OnsetChoice::Today, String::new()),
        };
        SettingsForm {
            number: Input::new(number.to_string()),
            onset,
            date: Input::new(date),
            focus: 0,
            error: None,
            editing: false,
            welcome: current.is_none(),
        }
    }

    /// Whether typed characters go into a text field (so letters are not screen keys).
    pub fn text_focus(&self) -> bool {
        self.focus == 0 || self.focus == 2
    }

    /// The focus marker shows while the form can be changed (always, on the welcome).
    pub fn editing_or_welcome(&self) -> bool {
        self.editing || self.welcome
    }

    fn fields(&self) -> usize {
        if self.onset == OnsetChoice::Date {
            3
        } else {
            2
        }
    }

    fn cycle(&mut self, by: isize) {
        let i = OnsetChoice::ALL
            .iter()
            .position(|c| *c == self.onset)
            .unwrap_or(0) as isize;
        self.onset = OnsetChoice::ALL[(i + by).rem_euclid(3) as usize];
    }

    fn handle(&mut self, msg: Msg) {
        match msg {
            Msg::NextField | Msg::Down => self.focus = (self.focus + 1) % self.fields(),
            Msg::PrevField | Msg::Up => {
                self.focus = (self.focus + self.fields() - 1) % self.fields()
            }
            Msg::Left if self.focus == 1 => self.cycle(-1),
            Msg::Right | Msg::Toggle if self.focus == 1 => self.cycle(1),
            Msg::Text(key) => {
                let input = if self.focus == 0 {
                    &mut self.number
                } else {
                    &mut self.date
                };
                input.handle_event(&Event::Key(key));
                self.error = None;
            }
            _ => {}
        }
    }

    /// The settings as typed, or what is wrong with them.
    fn settings(&self, today: chrono::NaiveDate) -> Result<Settings, String> {
        let number = settings::validate_emergency_number(self.number.value())
            .map_err(|e| format!("Emergency number {e}"))?;
        let onset = match self.onset {
            OnsetChoice::Today => Some(today),
            OnsetChoice::Ongoing => None,
            OnsetChoice::Date => settings::parse_onset(self.date.value(), today)
                .map_err(|e| format!("Start date {e}"))?
                .or(Some(today)),
        };
        Ok(Settings::new(&number, onset))
    }
}

impl App {
    pub(super) fn update_welcome(&mut self, msg: Msg) {
        match msg {
            Msg::Enter => {
                self.save_settings("Welcome. Type a number 0-10 and press Enter to check in.");
            }
            Msg::Cancel => self.quit = true,
            msg => self.settings_form.handle(msg),
        }
    }

    pub(super) fn update_settings(&mut self, msg: Msg) {
        if !self.settings_form.editing {
            if msg == Msg::Enter {
                self.settings_form.editing = true;
                self.settings_form.focus = 0;
            }
            return;
        }
        match msg {
            Msg::Enter => {
                if self.save_settings("Settings saved.") {
                    self.settings_form.editing = false;
                }
            }
            Msg::Cancel => {
                let current = self.settings.as_ref().map(|s| &s.body);
                self.settings_form = SettingsForm::new("", current);
            }
            msg => self.settings_form.handle(msg),
        }
    }

    fn save_settings(&mut self, done: &str) -> bool {
        let mut body = match self.settings_form.settings(self.today) {
            Ok(body) => body,
            Err(e) => {
                self.settings_form.error = Some(e);
                return false;
            }
        };
        let result = match self.settings.clone() {
            Some(mut record) => {
                body.extra = std::mem::take(&mut record.body.extra);
                record.body = body;
                record.updated_at = self.now;
                self.store.as_ref().update(&record)
            }
            None => self
                .store
                .as_ref()
                .add(&Record::new(body, self.today, self.now)),
        };
        let saved = self.save(result, done.to_string());
        if saved {
            let current = self.settings.as_ref().map(|s| &s.body);
            self.settings_form = SettingsForm::new("", current);
        }
        saved
    }
}
