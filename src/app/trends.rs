//! The Trends screen's state: the span and section in view (kept in the settings, so they
//! survive a restart), the statistics worked out when the data, the day or the span changes
//! (never per frame), and the activities prompts of the functional scale.

use chrono::NaiveDate;
use tui_input::Input;

use super::{Ctx, Effect, Msg, Page, Status};
use crate::diary::{Act, Diary, SettingsAct};
use crate::domain::function::{self, MAX_ACTIVITIES, Score};
use crate::domain::settings::{Section, TrendsView};
use crate::domain::trends::{Span, Summary};
use crate::keys;

/// A question the Activities section is asking.
#[derive(Clone, Debug)]
pub enum Prompt {
    /// Rating activity `index` (0-10); `scores` holds those rated so far.
    Rate {
        index: usize,
        typed: String,
        scores: Vec<u8>,
    },
    /// Naming activity `index`; `names` holds those named so far.
    Name {
        index: usize,
        input: Input,
        names: Vec<String>,
    },
}

#[derive(Clone, Debug, Default)]
pub struct TrendsState {
    /// `None` until the settings have been read: then the stored view.
    view: Option<TrendsView>,
    /// The figures, and what they were worked out from (diary version, today, span).
    summary: Option<((u64, NaiveDate, Span), Summary)>,
    pub prompt: Option<Prompt>,
    /// How far the section of words in view is scrolled.
    pub page: Page,
}

impl TrendsState {
    pub fn view(&self, diary: &Diary) -> TrendsView {
        self.view.unwrap_or_else(|| diary.trends_view())
    }

    pub fn summary(&self) -> Option<&Summary> {
        self.summary.as_ref().map(|(_, s)| s)
    }

    /// Work the figures out again if the data, the day or the span changed since.
    pub fn derive(&mut self, diary: &Diary, today: NaiveDate) {
        let span = self.view(diary).span;
        let key = (diary.version(), today, span);
        if self.summary.as_ref().is_none_or(|(k, _)| *k != key) {
            let summary = Summary::new(&diary.facts(), span, today);
            self.summary = Some((key, summary));
        }
    }

    pub fn update(&mut self, msg: Msg, ctx: &Ctx) -> Vec<Effect> {
        if self.prompt.is_some() {
            return self.answer(msg, ctx);
        }
        let mut view = self.view(ctx.diary);
        match msg {
            Msg::Left => view.span = view.span.shorter(),
            Msg::Right => view.span = view.span.longer(),
            Msg::Up => view.section = view.section.step(true),
            Msg::Down => view.section = view.section.step(false),
            Msg::Pick(index) => {
                view.section = enum_iterator::all::<Section>()
                    .nth(index)
                    .unwrap_or(view.section);
            }
            Msg::Page(_) => {
                self.page.scroll(msg);
                return Vec::new();
            }
            Msg::NameActivities => return self.start_naming(ctx),
            Msg::RateActivities => return self.start_rating(ctx),
            Msg::WriteReport => return vec![Effect::WriteReport(view.span)],
            _ => return Vec::new(),
        }
        // Kept in the settings on leaving Trends (`leave`), not on every key: holding an arrow
        // down writes nothing. Another section or span starts at its top.
        self.view = Some(view);
        self.page = Page::default();
        Vec::new()
    }

    /// Show `view` and keep it in the settings, quietly.
    /// Leaving Trends (another screen, or quitting): keep the span and section shown, quietly,
    /// if they are not what is stored.
    pub fn leave(&mut self, ctx: &Ctx) -> Vec<Effect> {
        let Some(view) = self.view.filter(|v| *v != ctx.diary.trends_view()) else {
            return Vec::new();
        };
        vec![Effect::act(
            Act::Settings(SettingsAct::TrendsView(view)),
            "",
        )]
    }

    pub fn start_rating(&mut self, ctx: &Ctx) -> Vec<Effect> {
        let mut view = self.view(ctx.diary);
        view.section = Section::Function;
        self.view = Some(view);
        let mut effects = Vec::new();
        if ctx.diary.activities().is_empty() {
            effects.extend(self.start_naming(ctx));
            return effects;
        }
        self.prompt = Some(Prompt::Rate {
            index: 0,
            typed: String::new(),
            scores: Vec::new(),
        });
        effects
    }

    pub fn start_naming(&mut self, ctx: &Ctx) -> Vec<Effect> {
        let names = ctx.diary.activities().to_vec();
        self.prompt = Some(Prompt::Name {
            index: 0,
            input: Input::new(names.first().cloned().unwrap_or_default()),
            names,
        });
        Vec::new()
    }

    fn answer(&mut self, msg: Msg, ctx: &Ctx) -> Vec<Effect> {
        let activities = ctx.diary.activities();
        match (self.prompt.as_mut(), msg) {
            (_, Msg::Cancel) => {
                let what = match self.prompt.take() {
                    Some(Prompt::Rate { .. }) => "Stopped: no rating saved.",
                    _ => "Stopped: the activities are as they were.",
                };
                vec![Effect::Say(Status::Info(what.into()))]
            }
            (Some(Prompt::Rate { typed, .. }), Msg::Digit(d)) => {
                *typed = super::rating::prompt_digit(typed, d);
                Vec::new()
            }
            (Some(Prompt::Rate { typed, .. }), Msg::Backspace) => {
                typed.pop();
                Vec::new()
            }
            (Some(Prompt::Rate { typed, .. }), Msg::Enter) if typed.is_empty() => {
                vec![Effect::Say(Status::Error(
                    "Type a number from 0 (unable) to 10 (as before), then Enter; Esc stops."
                        .into(),
                ))]
            }
            (
                Some(Prompt::Rate {
                    index,
                    typed,
                    scores,
                }),
                Msg::Enter,
            ) => {
                scores.push(typed.parse().unwrap_or(0));
                typed.clear();
                *index += 1;
                if *index < activities.len() {
                    return Vec::new();
                }
                let scores: Vec<Score> = (activities.iter().zip(scores.iter()))
                    .map(|(a, s)| Score {
                        activity: a.clone(),
                        score: *s,
                    })
                    .collect();
                self.prompt = None;
                let mean = function::mean(&scores);
                let words = format!("Activities rated: score {mean:.1} of 10.");
                vec![Effect::act(Act::RateActivities(scores), words)]
            }
            (Some(Prompt::Name { input, .. }), Msg::Edit(request)) => {
                input.handle(request);
                Vec::new()
            }
            (
                Some(Prompt::Name {
                    index,
                    input,
                    names,
                }),
                Msg::Enter,
            ) => {
                let typed = input.value().trim().to_string();
                if !typed.is_empty()
                    && let Err(why) = function::check_name(&typed)
                {
                    return vec![Effect::Say(Status::Error(format!("{why}.")))];
                }
                let before = &names[..(*index).min(names.len())];
                if before.iter().any(|n| n.eq_ignore_ascii_case(&typed)) {
                    return vec![Effect::Say(Status::Error(format!(
                        "\"{typed}\" is already in the list; name another, or an empty line ends it."
                    )))];
                }
                // Typed over, or emptied to end the list here.
                names.truncate(*index);
                if !typed.is_empty() {
                    names.push(typed.clone());
                }
                *index += 1;
                if !typed.is_empty() && *index < MAX_ACTIVITIES {
                    let next = ctx.diary.activities().get(*index).cloned();
                    *input = Input::new(next.unwrap_or_default());
                    return Vec::new();
                }
                let names = std::mem::take(names);
                self.prompt = None;
                self.save_names(names)
            }
            _ => Vec::new(),
        }
    }

    fn save_names(&mut self, names: Vec<String>) -> Vec<Effect> {
        let done = match names.len() {
            0 => "No activities: the weekly rating is off.".to_string(),
            n => format!(
                "{n} activities kept. {} rates them.",
                keys::hint(Msg::RateActivities)
            ),
        };
        vec![Effect::act(
            Act::Settings(SettingsAct::Activities(names)),
            done,
        )]
    }
}

impl super::App {
    /// Trends' figures, worked out only while that screen shows and only when what they come
    /// from changed: other screens, and the first frame, never wait for them.
    pub(super) fn derive(&mut self) {
        if self.screen == super::Screen::Trends && !self.welcome() {
            self.trends.derive(&self.diary, self.today);
        }
    }

    /// The report over `span` (everything recorded, for "all"), as HTML in the data folder's
    /// reports, named by its last day.
    pub(super) fn write_report(&self, span: Span) -> Status {
        let diary = self.diary();
        let first = diary.facts().first_day();
        let from = span.from(self.today(), first);
        let request = crate::report::Request {
            to: self.today(),
            days: u32::try_from((self.today() - from).num_days() + 1).unwrap_or(1),
            notes: true,
        };
        let html = crate::report::html(&crate::report::build(diary, request));
        let name = format!(
            "nape-report-{}-{}.html",
            self.today(),
            span.label().replace(' ', "")
        );
        match diary.write_report(&name, html.as_bytes()) {
            Ok(path) => Status::Info(format!(
                "Report for a clinician ({}) written to {}. Open it in a browser to read or \
                 print it.",
                span.label(),
                path.display()
            )),
            Err(e) => Status::Error(format!("The report was not written: {e}")),
        }
    }
}
