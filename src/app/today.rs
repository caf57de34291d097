//! The Today screen: the fast check-in, and browsing, editing and deleting entries by day.

use chrono::NaiveDate;

use super::{App, CheckinForm, Confirm, Msg, Status};
use crate::domain::checkin::Draft;
use crate::store::Record;

#[derive(Clone, Debug, PartialEq)]
pub struct TodayView {
    /// The day being looked at (today unless browsing back).
    pub day: NaiveDate,
    pub selected: usize,
    /// Digits typed for the fast path: a pain rating waiting for Enter.
    pub quick: String,
}

impl TodayView {
    pub fn new(today: NaiveDate) -> Self {
        TodayView {
            day: today,
            selected: 0,
            quick: String::new(),
        }
    }

    pub fn clamp(&mut self, entries: usize) {
        self.selected = self.selected.min(entries.saturating_sub(1));
    }
}

impl App {
    pub(super) fn update_today(&mut self, msg: Msg) {
        let count = self.checkins_on(self.today_view.day).count();
        let view = &mut self.today_view;
        match msg {
            Msg::Digit(c) => {
                // "1" then "0" makes 10; any other digit starts again, so a slip is one key to fix.
                view.quick = if view.quick == "1" && c == '0' {
                    "10".into()
                } else {
                    c.to_string()
                };
            }
            Msg::Backspace => {
                view.quick.pop();
            }
            Msg::Cancel => view.quick.clear(),
            Msg::Enter if !view.quick.is_empty() => self.save_quick(),
            Msg::Enter => {
                if let Some(record) = self.selected_checkin().cloned() {
                    self.form = Some(CheckinForm::edit(&record, self.zone));
                }
            }
            Msg::Up => view.selected = view.selected.saturating_sub(1),
            Msg::Down => view.selected = (view.selected + 1).min(count.saturating_sub(1)),
            Msg::PrevDay => {
                view.day = view.day.pred_opt().unwrap_or(view.day);
                view.selected = 0;
            }
            Msg::NextDay if view.day < self.today => {
                view.day = view.day.succ_opt().unwrap_or(view.day);
                view.selected = 0;
            }
            Msg::NewCheckin => self.form = Some(CheckinForm::new(None)),
            Msg::Backfill => {
                let at = (self.today_view.day < self.today)
                    .then(|| format!("{} 12:00", self.today_view.day));
                self.form = Some(CheckinForm::new(at));
            }
            Msg::CopyLast => match self.checkins.last() {
                Some(last) => self.form = Some(CheckinForm::copy_of(&last.body)),
                None => {
                    self.status = Some(Status::Info(
                        "There is no earlier check-in to copy yet.".into(),
                    ))
                }
            },
            Msg::Delete => {
                if let Some(record) = self.selected_checkin().cloned() {
                    self.confirm = Some(Confirm::Delete(Box::new(record)));
                }
            }
            _ => {}
        }
    }

    pub fn selected_checkin(&self) -> Option<&Record<crate::domain::checkin::CheckIn>> {
        self.checkins_on(self.today_view.day)
            .nth(self.today_view.selected)
    }

    fn save_quick(&mut self) {
        let draft = Draft {
            pain: std::mem::take(&mut self.today_view.quick),
            ..Draft::default()
        };
        match self.zone.validate(&draft, self.now) {
            Ok((checkin, date)) => {
                let pain = checkin.pain;
                let record = Record::new(checkin, date, self.now);
                let result = self.store.as_ref().add(&record);
                let time = self.zone.local(self.now).format("%H:%M");
                if self.save(result, format!("Saved: pain {pain} at {time}.")) {
                    self.today_view.day = date;
                    self.today_view.selected = self.checkins_on(date).count().saturating_sub(1);
                }
            }
            Err(errors) => {
                let text: Vec<String> = errors.iter().map(ToString::to_string).collect();
                self.status = Some(Status::Error(text.join("; ")));
            }
        }
    }
}
