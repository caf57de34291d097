//! The first-run welcome and the Settings screen share one small form: the emergency number,
//! when this episode began and, on the Settings screen, the cold and heat numbers.

use tui_input::{Input, InputRequest};

use super::{Ctx, Effect, Follow, Msg};
use crate::diary::{Act, SettingsAct};
use crate::domain::settings::{self, CueMode, Settings};
use crate::domain::therapy::limits::{Limits, bounds};

#[derive(Clone, Copy, Debug, PartialEq, Eq, enum_iterator::Sequence)]
pub enum OnsetChoice {
    Today,
    Date,
    Ongoing,
}

impl OnsetChoice {
    pub fn label(self) -> &'static str {
        match self {
            OnsetChoice::Today => "today",
            OnsetChoice::Date => "on a date",
            OnsetChoice::Ongoing => "it has been going on for a while",
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SettingField {
    Number,
    Onset,
    Date,
    ColdHours,
    SessionMinutes,
    GapMinutes,
    Cues,
    ReadySecs,
    BreakMinutes,
    Night,
}

impl SettingField {
    pub fn label(self) -> String {
        let b = bounds();
        match self {
            SettingField::Number => "Emergency number: ".into(),
            SettingField::Onset => "This episode of neck pain began:".into(),
            SettingField::Date => "Began (date, yesterday, HH:MM): ".into(),
            SettingField::ColdHours => format!("Cold for the first ({}): ", b.cold_hours),
            SettingField::SessionMinutes => format!("Session length ({}): ", b.session_minutes),
            SettingField::GapMinutes => {
                format!("Gap between sessions ({}+ minutes): ", b.gap_minutes.min)
            }
            SettingField::Cues => "Stretch cues: ".into(),
            SettingField::ReadySecs => "Get ready before a hold (0-10 s): ".into(),
            SettingField::BreakMinutes => "Desk break every (minutes, 0 off): ".into(),
            SettingField::Night => "No break reminders (hours, 22-7): ".into(),
        }
    }
}

#[derive(Clone, Debug)]
pub struct SettingsForm {
    pub number: Input,
    pub onset: OnsetChoice,
    pub date: Input,
    pub cold_hours: Input,
    pub session_minutes: Input,
    pub gap_minutes: Input,
    pub cues: CueMode,
    pub ready_secs: Input,
    pub break_minutes: Input,
    pub night: Input,
    /// Index into `fields()`.
    pub focus: usize,
    pub error: Option<String>,
    /// What is wrong with each field, from the last save tried: shown under the field.
    pub problems: Vec<(SettingField, String)>,
    /// On the Settings screen: whether the form is open for changes.
    pub editing: bool,
    /// Whether this is the first-run welcome (always open for changes).
    pub welcome: bool,
    /// The focused field has not been typed into since it was focused: the first character
    /// typed replaces its value ("911" over a suggested "112", not "112911").
    fresh: bool,
}

impl SettingsForm {
    /// The form over the `current` settings (`today` shows an onset of today as "today").
    pub fn new(locale: &str, current: Option<&Settings>, today: chrono::NaiveDate) -> Self {
        let number = current.map_or(settings::emergency_number_for_locale(locale), |s| {
            s.emergency_number.as_str()
        });
        let (onset, date) = match current.map(|s| (s.onset, s.onset_time)) {
            // As "today" stores it, shown as it was chosen.
            Some((Some(date), None)) if date == today => (OnsetChoice::Today, String::new()),
            Some((Some(date), None)) => (OnsetChoice::Date, date.to_string()),
            Some((Some(date), Some(time))) => (
                OnsetChoice::Date,
                format!("{date} {}", time.format("%H:%M")),
            ),
            Some((None, _)) => (OnsetChoice::Ongoing, String::new()),
            None => (OnsetChoice::Today, String::new()),
        };
        let limits = current.map_or(Limits::new(None, None, None), Settings::limits);
        let fresh = Settings::new("", None);
        let stored = current.unwrap_or(&fresh);
        let (from, to) = stored.night_hours();
        SettingsForm {
            number: Input::new(number.to_string()),
            onset,
            date: Input::new(date),
            cold_hours: Input::new(limits.cold_hours.to_string()),
            session_minutes: Input::new(limits.session_minutes.to_string()),
            gap_minutes: Input::new(limits.gap_minutes.to_string()),
            cues: stored.cue_mode(),
            ready_secs: Input::new(stored.ready().to_string()),
            break_minutes: Input::new(stored.break_every().to_string()),
            night: Input::new(format!("{from}-{to}")),
            focus: 0,
            error: None,
            problems: Vec::new(),
            editing: false,
            welcome: current.is_none(),
            fresh: true,
        }
    }

    /// The fields shown: the date only when "on a date" is chosen; the cold and heat numbers
    /// only on the Settings screen, not on the welcome.
    pub fn fields(&self) -> Vec<SettingField> {
        let mut fields = vec![SettingField::Number, SettingField::Onset];
        if self.onset == OnsetChoice::Date {
            fields.push(SettingField::Date);
        }
        if !self.welcome {
            fields.extend([
                SettingField::ColdHours,
                SettingField::SessionMinutes,
                SettingField::GapMinutes,
                SettingField::Cues,
                SettingField::ReadySecs,
                SettingField::BreakMinutes,
                SettingField::Night,
            ]);
        }
        fields
    }

    pub fn focused(&self) -> SettingField {
        let fields = self.fields();
        fields[self.focus.min(fields.len() - 1)]
    }

    pub fn input(&self, field: SettingField) -> Option<&Input> {
        Some(match field {
            SettingField::Number => &self.number,
            SettingField::Date => &self.date,
            SettingField::ColdHours => &self.cold_hours,
            SettingField::SessionMinutes => &self.session_minutes,
            SettingField::GapMinutes => &self.gap_minutes,
            SettingField::ReadySecs => &self.ready_secs,
            SettingField::BreakMinutes => &self.break_minutes,
            SettingField::Night => &self.night,
            SettingField::Onset | SettingField::Cues => return None,
        })
    }

    fn input_mut(&mut self, field: SettingField) -> Option<&mut Input> {
        Some(match field {
            SettingField::Number => &mut self.number,
            SettingField::Date => &mut self.date,
            SettingField::ColdHours => &mut self.cold_hours,
            SettingField::SessionMinutes => &mut self.session_minutes,
            SettingField::GapMinutes => &mut self.gap_minutes,
            SettingField::ReadySecs => &mut self.ready_secs,
            SettingField::BreakMinutes => &mut self.break_minutes,
            SettingField::Night => &mut self.night,
            SettingField::Onset | SettingField::Cues => return None,
        })
    }

    /// Whether typed characters go into a text field (so letters are not screen keys).
    pub fn text_focus(&self) -> bool {
        !matches!(self.focused(), SettingField::Onset | SettingField::Cues)
    }

    /// The focus marker shows while the form can be changed (always, on the welcome).
    pub fn editing_or_welcome(&self) -> bool {
        self.editing || self.welcome
    }

    /// The next or previous choice of the field focused, if it is a fixed choice.
    fn cycle(&mut self, forward: bool) {
        fn step<T: enum_iterator::Sequence>(value: &T, forward: bool) -> T {
            match forward {
                true => enum_iterator::next_cycle(value),
                false => enum_iterator::previous_cycle(value),
            }
        }
        match self.focused() {
            SettingField::Onset => self.onset = step(&self.onset, forward),
            SettingField::Cues => self.cues = step(&self.cues, forward),
            _ => {}
        }
    }

    fn handle(&mut self, msg: Msg) -> Vec<Effect> {
        let count = self.fields().len();
        let choice = !self.text_focus();
        match msg {
            Msg::NextField | Msg::Down => {
                self.focus = (self.focus + 1) % count;
                self.fresh = true;
            }
            Msg::PrevField | Msg::Up => {
                self.focus = (self.focus + count - 1) % count;
                self.fresh = true;
            }
            // A click: to the field, and on an option, that option.
            Msg::Pick(index) if index < count => {
                self.focus = index;
                self.fresh = true;
            }
            Msg::Choose(index, option) if index < count => {
                self.focus = index;
                match self.focused() {
                    SettingField::Onset => {
                        self.onset = enum_iterator::all().nth(option).unwrap_or(self.onset);
                    }
                    SettingField::Cues => {
                        self.cues = enum_iterator::all().nth(option).unwrap_or(self.cues);
                    }
                    _ => {}
                }
            }
            Msg::Left if choice => self.cycle(false),
            Msg::Right | Msg::Toggle if choice => self.cycle(true),
            // A number takes digits only: anything else is refused as it is typed.
            Msg::Edit(InputRequest::InsertChar(c)) if self.refused(c).is_some() => {
                self.error = self.refused(c);
            }
            Msg::Edit(request) => {
                let fresh = std::mem::replace(&mut self.fresh, false);
                if let Some(input) = self.input_mut(self.focused()) {
                    if fresh && matches!(request, InputRequest::InsertChar(_)) {
                        *input = Input::default();
                    }
                    input.handle(request);
                    self.error = None;
                    let focused = self.focused();
                    self.problems.retain(|(field, _)| *field != focused);
                }
            }
            _ => {}
        }
        Vec::new()
    }
}

impl SettingsForm {
    /// The first-run welcome: Enter saves, Esc quits.
    pub fn update_welcome(&mut self, msg: Msg, ctx: &Ctx) -> Vec<Effect> {
        match msg {
            Msg::Enter => self.save(
                ctx,
                "Welcome. Type a number 0-10 and press Enter to check in.",
            ),
            Msg::Cancel => vec![Effect::Quit],
            msg => self.handle(msg),
        }
    }

    /// The Settings screen: Enter opens the form, then saves it; Esc puts the values back.
    pub fn update_settings(&mut self, msg: Msg, ctx: &Ctx) -> Vec<Effect> {
        if !self.editing {
            if msg == Msg::Enter {
                self.editing = true;
                self.focus = 0;
                self.fresh = true;
            }
            return Vec::new();
        }
        match msg {
            Msg::Enter => self.save(ctx, "Settings saved."),
            Msg::Cancel => {
                self.reset(ctx);
                Vec::new()
            }
            msg => self.handle(msg),
        }
    }

    /// After a save or a cancel: the form shows what is stored, closed.
    pub fn reset(&mut self, ctx: &Ctx) {
        *self = SettingsForm::new("", ctx.diary.settings().map(|s| &s.body), ctx.today);
    }

    fn save(&mut self, ctx: &Ctx, done: &str) -> Vec<Effect> {
        let stored = ctx.diary.settings();
        let now = ctx.diary.zone().local(ctx.now);
        let body = match self.settings(now, stored.map(|s| &s.body)) {
            Ok(body) => body,
            Err(problems) => {
                // Each under its field; the cursor goes to the first.
                let fields = self.fields();
                let first = fields
                    .iter()
                    .position(|f| problems.iter().any(|(p, _)| p == f));
                if let Some(first) = first {
                    self.focus = first;
                    self.fresh = true;
                }
                self.error = Some(match problems.len() {
                    1 => "Not saved: a field to fix, marked below it.".to_string(),
                    n => format!("Not saved: {n} fields to fix, each marked below it."),
                });
                self.problems = problems;
                return Vec::new();
            }
        };
        let act = Act::Settings(SettingsAct::Replace(Box::new(body)));
        if ctx.diary.settings_unreadable().is_some() {
            // The person has seen why and chose to start afresh; the damaged file is kept.
            let done =
                "Fresh settings saved; the damaged file was kept aside (nape check lists it).";
            return vec![
                Effect::SetAsideSettings,
                Effect::act(act, done),
                Effect::Then(Follow::SettingsSaved),
            ];
        }
        vec![Effect::act(act, done), Effect::Then(Follow::SettingsSaved)]
    }
}
