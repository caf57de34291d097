//! The model: everything the screens show, and `update`, the only place it changes.

mod form;
mod timers;
mod today;
mod welcome;

use std::collections::{BTreeMap, HashMap};

use chrono::{DateTime, NaiveDate, Utc};
use ratatui::crossterm::event::KeyEvent;

pub use crate::clock::Zone;
pub use form::{CheckinForm, Group, Item, items as form_items};
pub use timers::{TimerPrompt, TimerView, done_on};
pub use today::TodayView;
pub use welcome::{OnsetChoice, SettingField, SettingsForm};

use crate::domain::checkin::CheckIn;
use crate::domain::redflag::{self, ActiveFlag, Assessment};
use crate::domain::settings::Settings;
use crate::domain::therapy::{PackKind, Session};
use crate::store::{DateRange, Kind, Record, Store, StoreError};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Screen {
    Today,
    Timers,
    Stretches,
    Trends,
    Flags,
    Settings,
    Help,
}

impl Screen {
    pub const ALL: [Screen; 7] = [
        Screen::Today,
        Screen::Timers,
        Screen::Stretches,
        Screen::Trends,
        Screen::Flags,
        Screen::Settings,
        Screen::Help,
    ];

    pub fn title(self) -> &'static str {
        match self {
            Screen::Today => "Today",
            Screen::Timers => "Timers",
            Screen::Stretches => "Stretches",
            Screen::Trends => "Trends",
            Screen::Flags => "Red flags",
            Screen::Settings => "Settings",
            Screen::Help => "Help",
        }
    }

    /// The letter that opens the screen from anywhere a text field does not have focus.
    pub fn key(self) -> char {
        match self {
            Screen::Today => 't',
            Screen::Timers => 'i',
            Screen::Stretches => 's',
            Screen::Trends => 'r',
            Screen::Flags => 'f',
            Screen::Settings => 'e',
            Screen::Help => 'h',
        }
    }

    fn offset(self, by: isize) -> Screen {
        let i = Screen::ALL.iter().position(|s| *s == self).unwrap_or(0) as isize;
        Screen::ALL[(i + by).rem_euclid(Screen::ALL.len() as isize) as usize]
    }
}

/// What can happen. Keys are turned into these by `keys`; time passing is `Tick`.
#[derive(Clone, Debug, PartialEq)]
pub enum Msg {
    Tick,
    Quit,
    Goto(Screen),
    NextScreen,
    PrevScreen,
    /// Up/down in whatever list has focus.
    Up,
    Down,
    Enter,
    Cancel,
    /// A key for the focused text field.
    Text(KeyEvent),
    // Today
    Digit(char),
    Backspace,
    PrevDay,
    NextDay,
    NewCheckin,
    Backfill,
    CopyLast,
    Delete,
    // Forms
    NextField,
    PrevField,
    Toggle,
    Left,
    Right,
    // Confirmations
    Yes,
    No,
    RecordAssessment,
    // Timers
    /// Start a session of this kind, or of the recommended kind.
    StartTimer(Option<PackKind>),
    PauseResume,
    Extend,
    StopTimer,
}

/// A question waiting for y or n.
#[derive(Clone, Debug, PartialEq)]
pub enum Confirm {
    Delete(Box<Record<CheckIn>>),
    Assessed,
    /// Start a session although the protocol advises against it now, for these reasons.
    StartAnyway {
        kind: PackKind,
        reasons: Vec<String>,
    },
}

#[derive(Clone, Debug, PartialEq)]
pub enum Status {
    Info(String),
    Error(String),
}

pub struct App {
    store: Box<dyn Store>,
    /// Each collection's store stamp when it was last read.
    stamps: HashMap<&'static str, u64>,
    pub zone: Zone,
    pub now: DateTime<Utc>,
    pub today: NaiveDate,
    pub screen: Screen,
    pub checkins: Vec<Record<CheckIn>>,
    pub assessments: Vec<Record<Assessment>>,
    pub settings: Option<Record<Settings>>,
    pub sessions: Vec<Record<Session>>,
    pub flags: Vec<ActiveFlag>,
    pub timer: TimerView,
    /// Counts sessions that ended or need a look; the loop rings the bell when it changes.
    pub bell: u64,
    pub today_view: TodayView,
    pub form: Option<CheckinForm>,
    /// First-run welcome, or the Settings screen's editor.
    pub settings_form: SettingsForm,
    pub confirm: Option<Confirm>,
    pub status: Option<Status>,
    /// Scroll position of the Red flags and Help screens.
    pub scroll: u16,
    /// Damage or repairs the store reported, by collection, shown until it is read again.
    pub problems: BTreeMap<&'static str, Vec<String>>,
    pub color: bool,
    pub quit: bool,
}

impl App {
    /// `locale` suggests the emergency number on first run.
    pub fn new(store: Box<dyn Store>, zone: Zone, now: DateTime<Utc>, locale: &str) -> App {
        let today = zone.date(now);
        let mut app = App {
            stamps: HashMap::new(),
            store,
            zone,
            now,
            today,
            screen: Screen::Today,
            checkins: Vec::new(),
            assessments: Vec::new(),
            settings: None,
            sessions: Vec::new(),
            flags: Vec::new(),
            timer: TimerView::default(),
            bell: 0,
            today_view: TodayView::new(today),
            form: None,
            settings_form: SettingsForm::new(locale, None),
            confirm: None,
            status: None,
            scroll: 0,
            problems: BTreeMap::new(),
            color: true,
            quit: false,
        };
        app.reload(None);
        if let Some(settings) = &app.settings {
            app.settings_form = SettingsForm::new(locale, Some(&settings.body));
        }
        // A session that ran out while nape was closed is closed and reported now.
        app.advance_timer();
        app
    }

    pub fn welcome(&self) -> bool {
        self.settings.is_none()
    }

    pub fn emergency_number(&self) -> &str {
        self.settings
            .as_ref()
            .map_or(self.settings_form.number.value(), |s| {
                s.body.emergency_number.as_str()
            })
    }

    /// Emergency or urgent signs not yet seen by a clinician: timers and stretches wait.
    pub fn locked(&self) -> bool {
        self.flags.iter().any(ActiveFlag::locks)
    }

    pub fn checkins_on(&self, day: NaiveDate) -> impl Iterator<Item = &Record<CheckIn>> {
        self.checkins.iter().filter(move |r| r.date == day)
    }

    /// Read again each collection that changed since it was last read, and `force` whatever
    /// its stamp says. Returns whether anything was read.
    fn reload(&mut self, force: Option<&str>) -> bool {
        let mut read = false;
        if let Some(mut checkins) = self.fresh::<CheckIn>(force) {
            checkins.sort_by_key(|r| (r.body.at, r.id));
            self.checkins = checkins;
            read = true;
        }
        if let Some(assessments) = self.fresh::<Assessment>(force) {
            self.assessments = assessments;
            read = true;
        }
        if let Some(mut sessions) = self.fresh::<Session>(force) {
            sessions.sort_by_key(|r| (r.body.started_at, r.id));
            self.sessions = sessions;
            read = true;
        }
        if let Some(settings) = self.fresh::<Settings>(force) {
            self.settings = settings.into_iter().max_by_key(|r| r.updated_at);
            read = true;
        }
        if read {
            self.evaluate_flags();
            self.today_view
                .clamp(self.checkins_on(self.today_view.day).count());
        }
        read
    }

    /// One kind's records if its collection changed since it was last read (or is forced).
    fn fresh<T: Kind>(&mut self, force: Option<&str>) -> Option<Vec<Record<T>>> {
        let name = T::COLLECTION.name;
        // The stamp is read first, so a write made during the read is noticed next time.
        let stamp = self.store.stamp(T::COLLECTION);
        if force != Some(name) && self.stamps.get(name) == Some(&stamp) {
            return None;
        }
        let mut problems = Vec::new();
        let records = load::<T>(self.store.as_ref(), &mut problems);
        self.problems.insert(name, problems);
        if records.is_some() {
            self.stamps.insert(name, stamp);
        }
        records
    }

    /// The first thing the store reported that the person should know.
    pub fn problem(&self) -> Option<&String> {
        self.problems.values().flatten().next()
    }

    fn evaluate_flags(&mut self) {
        let history: Vec<_> = self.checkins.iter().map(|r| (r.date, &r.body)).collect();
        let assessed: Vec<_> = self.assessments.iter().map(|a| a.body.at).collect();
        let fallback = Settings::new(self.settings_form.number.value(), None);
        let settings = self.settings.as_ref().map_or(&fallback, |s| &s.body);
        self.flags = redflag::evaluate(&history, &assessed, settings, self.now, self.today);
    }

    /// Save through the store; say what happened. Returns whether it was saved.
    fn save(&mut self, result: Result<crate::store::Applied, StoreError>, done: String) -> bool {
        match result {
            Ok(applied) => {
                // Forced, in case the folder's time did not move (a coarse file system).
                self.reload(Some(applied.collection));
                let notices = applied.notices.iter().map(ToString::to_string).collect();
                self.problems.insert("saving", notices);
                self.status = Some(Status::Info(done));
                true
            }
            Err(e) => {
                self.status = Some(Status::Error(format!("Not saved: {e}")));
                false
            }
        }
    }

    /// Handle one message at `now`. Returns whether anything visible may have changed.
    pub fn update(&mut self, msg: Msg, now: DateTime<Utc>) -> bool {
        self.now = now;
        let changed = self.advance();
        if msg == Msg::Tick {
            return changed;
        }
        if !matches!(msg, Msg::Text(_)) {
            // A message stays until the next thing the person does.
            self.status = None;
        }
        if msg == Msg::Quit {
            self.quit = true;
            return true;
        }
        if let Some(confirm) = self.confirm.take() {
            self.answer(confirm, msg);
        } else if self.welcome() {
            self.update_welcome(msg);
        } else if self.form.is_some() {
            self.update_form(msg);
        } else {
            self.update_screen(msg);
        }
        true
    }

    /// What time passing does: a new day, changes from other processes, a session running out.
    fn advance(&mut self) -> bool {
        let today = self.zone.date(self.now);
        let new_day = today != self.today;
        if new_day && self.today_view.day == self.today {
            self.today_view.day = today; // follow the person into the new day
        }
        self.today = today;
        let reloaded = self.reload(None);
        if !reloaded && new_day {
            self.evaluate_flags();
        }
        let timer = self.advance_timer();
        reloaded || new_day || timer
    }

    fn answer(&mut self, confirm: Confirm, msg: Msg) {
        match (confirm, msg) {
            (Confirm::Delete(record), Msg::Yes) => {
                let result = self.store.as_ref().delete(&record);
                self.save(result, "Check-in deleted.".into());
            }
            (Confirm::Assessed, Msg::Yes) => {
                let body = Assessment {
                    at: self.now,
                    extra: Default::default(),
                };
                let record = Record::new(body, self.today, self.now);
                let result = self.store.as_ref().add(&record);
                self.save(result, "Recorded: a clinician has assessed you.".into());
            }
            (Confirm::StartAnyway { kind, .. }, Msg::Yes) => self.ask_pain_before(kind),
            (confirm, Msg::No | Msg::Cancel) => {
                let _ = confirm;
                self.status = Some(Status::Info("Nothing changed.".into()));
            }
            (confirm, _) => self.confirm = Some(confirm), // wait for y or n
        }
    }

    fn update_screen(&mut self, msg: Msg) {
        match msg {
            Msg::Goto(screen) => self.goto(screen),
            Msg::NextScreen => self.goto(self.screen.offset(1)),
            Msg::PrevScreen => self.goto(self.screen.offset(-1)),
            _ => match self.screen {
                Screen::Today => self.update_today(msg),
                Screen::Flags => match msg {
                    Msg::RecordAssessment => self.confirm = Some(Confirm::Assessed),
                    Msg::Up => self.scroll = self.scroll.saturating_sub(1),
                    Msg::Down => self.scroll = self.scroll.saturating_add(1),
                    _ => {}
                },
                Screen::Help => match msg {
                    Msg::Up => self.scroll = self.scroll.saturating_sub(1),
                    Msg::Down => self.scroll = self.scroll.saturating_add(1),
                    _ => {}
                },
                Screen::Settings => self.update_settings(msg),
                Screen::Timers => self.update_timers(msg),
                Screen::Stretches | Screen::Trends => {}
            },
        }
    }

    fn goto(&mut self, screen: Screen) {
        self.screen = screen;
        self.scroll = 0;
        self.settings_form.editing = false;
    }
}

/// One kind's records; what went wrong reading them is added to `problems`.
fn load<T: Kind>(store: &dyn Store, problems: &mut Vec<String>) -> Option<Vec<Record<T>>> {
    match store.load_kind::<T>(DateRange::ALL) {
        Ok(loaded) => {
            problems.extend(loaded.notices.iter().map(ToString::to_string));
            problems.extend(loaded.damage.iter().map(ToString::to_string));
            Some(loaded.records)
        }
        Err(e) => {
            problems.push(e.to_string());
            None
        }
    }
}
