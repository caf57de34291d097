//! The full check-in form: every field of a check-in, for a new entry, a backfill or an edit.

use ratatui::crossterm::event::{Event, KeyEvent};
use tui_input::Input;
use tui_input::backend::crossterm::EventHandler;

use super::{App, Msg, Status, Zone};
use crate::domain::checkin::{CheckIn, Draft, Field, FieldError, TIME_FORMAT};
use crate::domain::redflag;
use crate::domain::vocabulary::{self, Term};
use crate::store::Record;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Group {
    Where,
    Symptom,
    Warning,
    Context,
    Treatment,
}

impl Group {
    pub const ALL: [Group; 5] = [
        Group::Where,
        Group::Symptom,
        Group::Warning,
        Group::Context,
        Group::Treatment,
    ];

    pub fn title(self) -> &'static str {
        match self {
            Group::Where => "Where it hurts",
            Group::Symptom => "Symptoms",
            Group::Warning => "Warning signs (any of these now?)",
            Group::Context => "What may have played a part",
            Group::Treatment => "What you did for it",
        }
    }

    pub fn terms(self) -> Vec<Term> {
        match self {
            Group::Where => vocabulary::LOCATIONS.to_vec(),
            Group::Symptom => vocabulary::SYMPTOMS.to_vec(),
            Group::Warning => redflag::questions()
                .map(|q| Term {
                    id: q.id.as_str(),
                    label: q.question.as_str(),
                })
                .collect(),
            Group::Context => vocabulary::CONTEXT.to_vec(),
            Group::Treatment => vocabulary::TREATMENTS.to_vec(),
        }
    }

    fn index(self) -> usize {
        Group::ALL.iter().position(|g| *g == self).unwrap_or(0)
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Item {
    Pain,
    Worst,
    Stiffness,
    When,
    Choice(Group, usize),
    Medicines,
    Note,
}

impl Item {
    pub fn is_text(self) -> bool {
        !matches!(self, Item::Choice(..))
    }

    pub fn label(self) -> &'static str {
        match self {
            Item::Pain => "Pain now (0-10)",
            Item::Worst => "Worst in 24 h",
            Item::Stiffness => "Stiffness (0-10)",
            Item::When => "When",
            Item::Medicines => "Medicines (names)",
            Item::Note => "Note",
            Item::Choice(..) => "",
        }
    }

    fn field(self) -> Option<Field> {
        Some(match self {
            Item::Pain => Field::Pain,
            Item::Worst => Field::Worst,
            Item::Stiffness => Field::Stiffness,
            Item::When => Field::At,
            Item::Medicines => Field::Medicine,
            Item::Note => Field::Note,
            Item::Choice(Group::Where, _) => Field::Where,
            Item::Choice(Group::Symptom | Group::Warning, _) => Field::Symptom,
            Item::Choice(Group::Context, _) => Field::Context,
            Item::Choice(Group::Treatment, _) => Field::Treatment,
        })
    }
}

/// Every row of the form, in order.
pub fn items() -> Vec<Item> {
    let mut items = vec![Item::Pain, Item::Worst, Item::Stiffness, Item::When];
    for group in Group::ALL {
        items.extend((0..group.terms().len()).map(|i| Item::Choice(group, i)));
    }
    items.extend([Item::Medicines, Item::Note]);
    items
}

#[derive(Clone, Debug, Default)]
pub struct CheckinForm {
    /// The entry being edited; `None` for a new one.
    pub original: Option<Record<CheckIn>>,
    /// The time as first shown, so an edit that leaves it alone keeps the exact stored time.
    original_when: String,
    pub pain: Input,
    pub worst: Input,
    pub stiffness: Input,
    pub when: Input,
    pub medicines: Input,
    pub note: Input,
    pub chosen: [Vec<String>; 5],
    pub focus: usize,
    pub errors: Vec<FieldError>,
}

impl CheckinForm {
    /// A new entry; `at` prefills the time for a backfill ("" means now).
    pub fn new(at: Option<String>) -> Self {
        CheckinForm {
            when: Input::new(at.unwrap_or_default()),
            ..CheckinForm::default()
        }
    }

    pub fn copy_of(last: &CheckIn) -> Self {
        let mut form = CheckinForm::filled(last);
        form.when = Input::default();
        form.note = Input::default();
        form
    }

    pub fn edit(record: &Record<CheckIn>, zone: Zone) -> Self {
        let mut form = CheckinForm::filled(&record.body);
        let when = zone.local(record.body.at).format(TIME_FORMAT).to_string();
        form.when = Input::new(when.clone());
        form.original_when = when;
        form.note = Input::new(record.body.note.clone().unwrap_or_default());
        form.original = Some(record.clone());
        form
    }

    fn filled(c: &CheckIn) -> Self {
        let text = |v: Option<u8>| Input::new(v.map(|n| n.to_string()).unwrap_or_default());
        let warnings: Vec<String> = c
            .symptoms
            .iter()
            .filter(|s| redflag::find(s).is_some())
            .cloned()
            .collect();
        let plain: Vec<String> = c
            .symptoms
            .iter()
            .filter(|s| redflag::find(s).is_none())
            .cloned()
            .collect();
        CheckinForm {
            pain: Input::new(c.pain.to_string()),
            worst: text(c.worst),
            stiffness: text(c.stiffness),
            medicines: Input::new(c.medicines.join(", ")),
            chosen: [
                c.locations.clone(),
                plain,
                warnings,
                c.context.clone(),
                c.treatments.clone(),
            ],
            ..CheckinForm::default()
        }
    }

    pub fn focused(&self) -> Item {
        let items = items();
        items[self.focus.min(items.len() - 1)]
    }

    pub fn input(&self, item: Item) -> Option<&Input> {
        Some(match item {
            Item::Pain => &self.pain,
            Item::Worst => &self.worst,
            Item::Stiffness => &self.stiffness,
            Item::When => &self.when,
            Item::Medicines => &self.medicines,
            Item::Note => &self.note,
            Item::Choice(..) => return None,
        })
    }

    fn input_mut(&mut self, item: Item) -> Option<&mut Input> {
        Some(match item {
            Item::Pain => &mut self.pain,
            Item::Worst => &mut self.worst,
            Item::Stiffness => &mut self.stiffness,
            Item::When => &mut self.when,
            Item::Medicines => &mut self.medicines,
            Item::Note => &mut self.note,
            Item::Choice(..) => return None,
        })
    }

    pub fn is_chosen(&self, group: Group, index: usize) -> bool {
        let terms = group.terms();
        terms
            .get(index)
            .is_some_and(|t| self.chosen[group.index()].iter().any(|c| c == t.id))
    }

    fn toggle(&mut self, group: Group, index: usize) {
        let Some(term) = group.terms().get(index).copied() else {
            return;
        };
        let chosen = &mut self.chosen[group.index()];
        match chosen.iter().position(|c| c == term.id) {
            Some(i) => {
                chosen.remove(i);
            }
            None => chosen.push(term.id.to_string()),
        }
    }

    pub fn error_for(&self, item: Item) -> Option<&FieldError> {
        let field = item.field()?;
        let first_of_group = match item {
            Item::Choice(_, i) => i == 0,
            _ => true,
        };
        first_of_group
            .then(|| self.errors.iter().find(|e| e.field == field))
            .flatten()
    }

    pub fn draft(&self) -> Draft {
        let [locations, plain, warnings, context, treatments] = self.chosen.clone();
        let note = self.note.value();
        Draft {
            pain: self.pain.value().into(),
            worst: self.worst.value().into(),
            stiffness: self.stiffness.value().into(),
            at: self.when.value().into(),
            locations,
            symptoms: plain.into_iter().chain(warnings).collect(),
            context,
            treatments,
            medicines: self
                .medicines
                .value()
                .split(',')
                .filter(|m| !m.trim().is_empty())
                .map(str::to_string)
                .collect(),
            note: (!note.is_empty()).then(|| note.to_string()),
        }
    }
}

impl App {
    pub(super) fn update_form(&mut self, msg: Msg) {
        let Some(form) = self.form.as_mut() else {
            return;
        };
        let last = items().len() - 1;
        match msg {
            Msg::NextField | Msg::Down => form.focus = (form.focus + 1).min(last),
            Msg::PrevField | Msg::Up => form.focus = form.focus.saturating_sub(1),
            Msg::Toggle => match form.focused() {
                Item::Choice(group, index) => form.toggle(group, index),
                item => type_into(
                    form,
                    item,
                    KeyEvent::from(ratatui::crossterm::event::KeyCode::Char(' ')),
                ),
            },
            Msg::Text(key) => {
                let item = form.focused();
                type_into(form, item, key);
            }
            Msg::Cancel => {
                self.form = None;
                self.status = Some(Status::Info("Check-in closed without saving.".into()));
            }
            Msg::Enter => self.save_form(),
            _ => {}
        }
    }

    fn save_form(&mut self) {
        let Some(form) = self.form.as_mut() else {
            return;
        };
        let (mut checkin, date) = match self.zone.validate(&form.draft(), self.now) {
            Ok(ok) => ok,
            Err(errors) => {
                let first = items()
                    .iter()
                    .position(|i| i.field() == Some(errors[0].field));
                form.focus = first.unwrap_or(form.focus);
                form.errors = errors;
                self.status = Some(Status::Error(
                    "Not saved yet: fix the field marked below.".into(),
                ));
                return;
            }
        };
        let result = match form.original.clone() {
            Some(mut record) => {
                if form.when.value() == form.original_when {
                    checkin.at = record.body.at;
                }
                checkin.extra = std::mem::take(&mut record.body.extra);
                record.body = checkin;
                record.date = if form.when.value() == form.original_when {
                    record.date
                } else {
                    date
                };
                record.updated_at = self.now;
                self.store.as_ref().update(&record).map(|a| (a, record))
            }
            None => {
                let record = Record::new(checkin, date, self.now);
                self.store.as_ref().add(&record).map(|a| (a, record))
            }
        };
        match result {
            Ok((applied, record)) => {
                let time = self.zone.local(record.body.at).format("%Y-%m-%d %H:%M");
                self.form = None;
                self.save(
                    Ok(applied),
                    format!("Saved: pain {} at {time}.", record.body.pain),
                );
                self.today_view.day = record.date;
                let position = self
                    .checkins_on(record.date)
                    .position(|r| r.id == record.id);
                self.today_view.selected = position.unwrap_or(0);
            }
            Err(e) => self.status = Some(Status::Error(format!("Not saved: {e}"))),
        }
    }
}

fn type_into(form: &mut CheckinForm, item: Item, key: KeyEvent) {
    if let Some(input) = form.input_mut(item) {
        input.handle_event(&Event::Key(key));
        form.errors.retain(|e| Some(e.field) != item.field());
    }
}
