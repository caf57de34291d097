//! The model: the diary, each screen's own state, and `update`, the only place any of it
//! changes. Screens say what should happen as effects; `apply` carries them out in one place.

mod alert;
mod breaks;
mod effect;
mod focus;
mod form;
mod form_items;
mod form_save;
mod msg;
mod note;
mod page;
mod passing;
mod rating;
mod read;
mod running;
mod settings_values;
mod stretches;
mod sudden;
mod timers;
mod today;
mod trends;
mod welcome;

use std::ops::Range;

use chrono::{DateTime, NaiveDate, Utc};
use enum_iterator::{next_cycle, previous_cycle};

pub use alert::Alert;
pub use effect::{Confirm, Effect, Follow, Status};
pub use form::CheckinForm;
pub use form_items::{Group, Item, items as form_items};
pub use msg::{Focus, Msg, Paging, Screen};
pub use page::{Measure, Page};
pub use stretches::{Stage, StretchesState};
pub use timers::{Plan, TimerPrompt, TimersState};
pub use today::TodayState;
pub use trends::{Prompt, TrendsState};
pub use welcome::{OnsetChoice, SettingField, SettingsForm};

/// Below this the screens do not fit: the banner and a request to enlarge are shown instead,
/// and only quitting works.
pub const MIN_WIDTH: u16 = 36;
pub const MIN_HEIGHT: u16 = 10;

use crate::diary::Diary;
use crate::domain::settings::validate_emergency_number;

/// What a screen's `update` may read: the diary and the time.
pub struct Ctx<'a> {
    pub diary: &'a Diary,
    pub now: DateTime<Utc>,
    pub today: NaiveDate,
}

pub struct App {
    diary: Diary,
    now: DateTime<Utc>,
    today: NaiveDate,
    /// The UTC span of `today`.
    day: Range<DateTime<Utc>>,
    screen: Screen,
    today_state: TodayState,
    timers: TimersState,
    stretches: StretchesState,
    trends: TrendsState,
    breaks: breaks::Breaks,
    /// Counts a routine's cues; the loop rings the bell (only) when it changes.
    chime: u64,
    /// Words for the voice to say, taken by the loop.
    speech: Vec<String>,
    /// First-run welcome, or the Settings screen's editor.
    settings_form: SettingsForm,
    /// Help or Red flags, as far as it has been read.
    page: Page,
    /// The keys of the screen, shown in place: what has the keyboard under them, and how far
    /// they are read.
    keys: Option<(Focus, Page)>,
    confirm: Option<Confirm>,
    /// Whether a speech program was found (see `set_voice`).
    voice: bool,
    alert: Option<Alert>,
    status: Option<Status>,
    /// Counts sessions that ended or need a look; the loop rings the bell when it changes.
    bell: u64,
    color: bool,
    /// Only ASCII on screen: the terminal's locale is not UTF-8.
    ascii: bool,
    /// Settings have existed in this run: the welcome never comes back, even if they vanish
    /// (a sync tool, an unmounted drive), so keys meant for Today never edit the number.
    welcomed: bool,
    /// The terminal's size, once the loop has said it (tests draw at whatever size they like).
    size: Option<(u16, u16)>,
    quit: bool,
}

impl App {
    /// Over a diary already opened (perhaps with `Diary::open_recent`, to draw sooner).
    /// `locale` suggests the emergency number on first run.
    pub fn with_diary(diary: Diary, now: DateTime<Utc>, locale: &str) -> App {
        let diary_zone = diary.zone();
        let today = diary_zone.date(now);
        let settings_form = SettingsForm::new(locale, diary.settings().map(|s| &s.body), today);
        let mut app = App {
            diary,
            now,
            today,
            day: diary_zone.day_span(today, now),
            screen: Screen::Today,
            today_state: TodayState::new(today),
            timers: TimersState::default(),
            stretches: StretchesState::default(),
            trends: TrendsState::default(),
            breaks: breaks::Breaks::new(now),
            chime: 0,
            speech: Vec::new(),
            settings_form,
            page: Page::default(),
            keys: None,
            confirm: None,
            voice: true,
            alert: None,
            status: None,
            bell: 0,
            color: true,
            ascii: false,
            welcomed: false,
            size: None,
            quit: false,
        };
        app.welcomed = app.diary.settings().is_some();
        // A session that ran out while nape was closed is closed and reported now.
        app.advance(false);
        app
    }

    /// Quit: a routine playing is kept as far as it got, and the Trends view shown is kept.
    fn quit_now(&mut self) {
        let ctx = Ctx {
            diary: &self.diary,
            now: self.now,
            today: self.today,
        };
        let mut effects = self.stretches.quit(&ctx);
        effects.extend(self.trends.leave(&ctx));
        self.apply(effects);
        self.quit = true;
    }

    /// A cue from the routine: the bell, and the voice, as Settings say.
    fn cue(&mut self, cue: &crate::domain::stretch::Cue) {
        let mode = self
            .diary
            .settings()
            .map(|s| s.body.cue_mode())
            .unwrap_or_default();
        use crate::domain::settings::CueMode;
        if mode != CueMode::Off && cue.rings() {
            self.chime += 1;
        }
        if mode == CueMode::Voice {
            self.speech.push(cue.words());
        }
    }

    fn ctx_at(&self, now: DateTime<Utc>) -> Ctx<'_> {
        Ctx {
            diary: &self.diary,
            now,
            today: self.today,
        }
    }

    /// Handle one message at `now`. Returns whether anything visible may have changed.
    pub fn update(&mut self, msg: Msg, now: DateTime<Utc>) -> bool {
        // The size comes with the first frame: it must not wait for the rest of the history.
        if let Msg::Resized(width, height) = msg {
            self.size = Some((width, height));
            return true;
        }
        if let Msg::PageEnd(measure) = msg {
            return self.page_on_show().measured(measure);
        }
        if self.answer_keys(msg) {
            return true;
        }
        self.now = now;
        // Nothing is done on part of the history: the first message of any kind reads the rest.
        let older = self.diary.read_older(now);
        let changed = self.advance(msg == Msg::DataChanged) || older;
        self.welcomed |= self.diary.settings().is_some();
        if matches!(msg, Msg::Tick | Msg::DataChanged | Msg::ReadHistory) {
            self.derive();
            return changed;
        }
        if !matches!(msg, Msg::Edit(_)) {
            // A message stays until the next thing the person does.
            self.status = None;
        }
        let ctx = Ctx {
            diary: &self.diary,
            now,
            today: self.today,
        };
        if msg == Msg::Quit {
            // A check-in being typed is asked about first, as Esc does; asked, Ctrl-C again quits.
            let asked = self
                .confirm
                .as_ref()
                .is_some_and(|c| c.yes == [Effect::Quit]);
            let typing = self.today_state.form.as_ref().is_some_and(|f| f.changed());
            if typing && !asked {
                self.confirm = Some(Confirm {
                    question: "Quit and lose this check-in? (Ctrl-C again quits)".into(),
                    details: Vec::new(),
                    otherwise: Vec::new(),
                    yes: vec![Effect::Quit],
                    no: "Still editing: nothing was thrown away.",
                });
                return true;
            }
            self.quit_now();
            return true;
        }
        if self.alert.is_some() {
            // Nothing else until it has been read.
            if msg == Msg::Dismiss {
                self.alert = None;
            }
            return true;
        }
        let effects = if let Some(confirm) = self.confirm.take() {
            match msg {
                Msg::Yes => confirm.yes,
                Msg::No | Msg::Cancel => {
                    let said = (!confirm.no.is_empty())
                        .then(|| Effect::Say(Status::Info(confirm.no.into())));
                    said.into_iter().chain(confirm.otherwise).collect()
                }
                _ => {
                    self.confirm = Some(confirm); // wait for y or n
                    Vec::new()
                }
            }
        } else if self.welcome() {
            self.settings_form.update_welcome(msg, &ctx)
        } else {
            match (msg, self.screen) {
                (Msg::Goto(screen), _) => self.goto(screen),
                (Msg::Snooze, _) => self.breaks.snooze(&ctx),
                (Msg::DismissBreak, _) => self.breaks.dismiss(),
                (Msg::NextScreen, screen) => self.goto(next_cycle(&screen)),
                (Msg::PrevScreen, screen) => self.goto(previous_cycle(&screen)),
                (Msg::RateActivities, _) => {
                    self.screen = Screen::Trends;
                    self.trends.start_rating(&ctx)
                }
                (msg, Screen::Today) => self.today_state.update(msg, &ctx),
                (msg, Screen::Trends) => self.trends.update(msg, &ctx),
                (msg, Screen::Timers) => self.timers.update(msg, &ctx),
                (msg, Screen::Stretches) => self.stretches.update(msg, &ctx),
                (msg, Screen::Settings) => self.settings_form.update_settings(msg, &ctx),
                (msg, Screen::Flags | Screen::Help) => self.page.update(msg),
            }
        };
        self.apply(effects);
        if self.stretches.player().is_some() {
            self.breaks.taken();
        }
        self.welcomed |= self.diary.settings().is_some();
        self.derive();
        true
    }

    /// The long page on show, that the view measures and paging keys scroll.
    fn page_on_show(&mut self) -> &mut Page {
        match (&mut self.keys, self.screen) {
            (Some((_, page)), _) => page,
            (None, Screen::Trends) => &mut self.trends.page,
            (None, _) => &mut self.page,
        }
    }

    /// The keys of the screen shown in place: opened and closed by `Msg::Keys`; while open,
    /// only scrolling, closing and the whole Help work. Returns whether `msg` was theirs.
    fn answer_keys(&mut self, msg: Msg) -> bool {
        match (&mut self.keys, msg) {
            (None, Msg::Keys) => self.keys = Some((self.focus(), Page::default())),
            // Time passing and other writers go on as ever while the keys are shown.
            (None, _) | (Some(_), Msg::Quit | Msg::Tick | Msg::DataChanged | Msg::ReadHistory) => {
                return false;
            }
            (Some(_), Msg::Keys | Msg::Cancel) => self.keys = None,
            (Some((under, _)), Msg::Goto(Screen::Help)) => {
                let under = *under;
                self.keys = None;
                // Only from where a key could go there, or from the check-in form (which waits
                // on Today): a question is answered first, and Settings' changes kept or not.
                let form = matches!(under, Focus::Form { .. });
                if form || crate::keys::works(under, Msg::Goto(Screen::Help)) {
                    return false;
                }
                let text = "The whole Help opens once this is answered or closed.";
                self.status = Some(Status::Info(text.into()));
            }
            (Some((_, page)), msg) => _ = page.scroll(msg),
        }
        true
    }

    fn goto(&mut self, screen: Screen) -> Vec<Effect> {
        let ctx = Ctx {
            diary: &self.diary,
            now: self.now,
            today: self.today,
        };
        let effects = match self.screen == Screen::Trends && screen != Screen::Trends {
            true => self.trends.leave(&ctx),
            false => Vec::new(),
        };
        self.screen = screen;
        self.page = Page::default();
        self.settings_form.editing = false;
        effects
    }
}
