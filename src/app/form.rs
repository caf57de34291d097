//! The full check-in form: every field of a check-in, for a new entry, a backfill or an edit.

use tui_input::{Input, InputRequest};

use super::form_items::{Group, Item, items};
use super::note::Note;
use super::today::TodayFollow;
use super::{Confirm, Ctx, Effect, Follow, Msg, Paging};
use crate::clock::Zone;
use crate::domain::checkin::{CheckIn, Draft, FieldError, TIME_FORMAT};
use crate::domain::redflag;
use crate::record::Record;

#[derive(Clone, Debug, Default)]
pub struct CheckinForm {
    /// The entry being edited; `None` for a new one.
    pub original: Option<Record<CheckIn>>,
    /// The time as first shown, so an edit that leaves it alone keeps the exact stored time.
    pub(super) original_when: String,
    pub pain: Input,
    pub worst: Input,
    pub stiffness: Input,
    pub when: Input,
    pub medicines: Input,
    pub note: Note,
    pub chosen: [Vec<String>; 5],
    pub focus: usize,
    pub errors: Vec<FieldError>,
    /// What the form held when it opened, so closing it can ask only when something changed.
    initial: Draft,
    /// A new check-in copied from the last one (its title says so).
    pub copied: bool,
    /// Opened by "stop and report" during a routine (its title says so).
    pub reporting: bool,
    /// The focused field has not been typed into since it was focused: a digit typed into a
    /// prefilled rating replaces it ("4" over "6", not "64").
    fresh: bool,
}

/// Whether `text` can be no 0-10 rating (true means refuse it).
fn parse_rating_field(text: &str) -> bool {
    !matches!(text.parse::<u8>(), Ok(n) if n <= 10 && text.len() <= 2)
}

/// Which section of the form an item is in: the ratings and time, each group of boxes, then
/// medicines and the note.
pub fn section(item: Item) -> usize {
    match item {
        Item::Pain | Item::Worst | Item::Stiffness | Item::When => 0,
        Item::Choice(group, _) => 1 + group.index(),
        Item::Medicines | Item::Note => 1 + enum_iterator::cardinality::<Group>(),
    }
}

/// The first row of `section`, or the last row if there is no such section.
fn section_start(wanted: usize) -> usize {
    let rows = items();
    rows.iter()
        .position(|i| section(*i) >= wanted)
        .unwrap_or(rows.len() - 1)
}

impl CheckinForm {
    /// A new entry; `at` prefills the time for a backfill ("" means now).
    pub fn new(at: Option<String>) -> Self {
        CheckinForm {
            when: Input::new(at.unwrap_or_default()),
            ..CheckinForm::default()
        }
        .opened()
    }

    /// A check-in for what came on during a routine: the symptoms in view, ready to tick,
    /// and stretches ticked as what was done.
    /// The check-in opened by "stop and report", with `pain` (the latest known) filled in so
    /// the first Ctrl-S saves it.
    pub fn reporting(pain: Option<u8>) -> Self {
        let mut form = CheckinForm::new(None);
        if let Some(pain) = pain {
            form.pain = Input::new(pain.to_string());
        }
        form.chosen[Group::Treatment.index()].push("stretches".into());
        form.focus = section_start(1 + Group::Symptom.index());
        form.reporting = true;
        form.opened()
    }

    /// A new check-in like `last`, at `when` ("" for now). Warning-sign answers are never
    /// copied: a sign is reported when it is there, not carried forward by a shortcut.
    pub fn copy_of(last: &CheckIn, when: Option<String>) -> Self {
        let mut form = CheckinForm::filled(last);
        form.when = Input::new(when.unwrap_or_default());
        form.note = Note::default();
        form.chosen[Group::Warning.index()].clear();
        form.copied = true;
        form.opened()
    }

    pub fn edit(record: &Record<CheckIn>, zone: Zone) -> Self {
        let mut form = CheckinForm::filled(&record.body);
        let when = zone.local(record.body.at).format(TIME_FORMAT).to_string();
        form.when = Input::new(when.clone());
        form.original_when = when;
        form.note = Note::new(record.body.note.as_deref().unwrap_or_default());
        form.original = Some(record.clone());
        form.opened()
    }

    /// Remember what the form opened with.
    fn opened(mut self) -> Self {
        self.initial = self.draft();
        self.fresh = true;
        self
    }

    /// Whether anything was changed since the form opened.
    pub fn changed(&self) -> bool {
        self.draft() != self.initial
    }

    fn filled(c: &CheckIn) -> Self {
        let text = |v: Option<u8>| Input::new(v.map(|n| n.to_string()).unwrap_or_default());
        let (warnings, plain): (Vec<String>, Vec<String>) = c
            .symptoms
            .iter()
            .cloned()
            .partition(|s| redflag::find(s).is_some());
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

    /// Move to the box of the question or symptom `id`, if the form has one.
    pub fn focus_on(&mut self, id: &str) {
        let at = items().iter().position(|item| match item {
            Item::Choice(group, i) => group.terms().get(*i).is_some_and(|t| t.id == id),
            _ => false,
        });
        self.focus = at.unwrap_or(self.focus);
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
            Item::Choice(..) | Item::Note => return None,
        })
    }

    fn input_mut(&mut self, item: Item) -> Option<&mut Input> {
        Some(match item {
            Item::Pain => &mut self.pain,
            Item::Worst => &mut self.worst,
            Item::Stiffness => &mut self.stiffness,
            Item::When => &mut self.when,
            Item::Medicines => &mut self.medicines,
            Item::Choice(..) | Item::Note => return None,
        })
    }

    pub fn is_chosen(&self, group: Group, index: usize) -> bool {
        group
            .terms()
            .get(index)
            .is_some_and(|t| self.chosen[group.index()].iter().any(|c| c == t.id))
    }

    fn toggle(&mut self, group: Group, index: usize) {
        let Some(term) = group.terms().get(index) else {
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
        let note = self.note.text();
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
            note: (!note.is_empty()).then_some(note),
            // The form shows every symptom, so one left unticked is a "no".
            quick: false,
        }
    }

    /// Handle one message. `None` asks to close the form without saving.
    pub fn update(&mut self, msg: Msg, ctx: &Ctx) -> Option<Vec<Effect>> {
        let last = items().len() - 1;
        let before = self.focus;
        let in_note = self.focused() == Item::Note;
        match msg {
            // In the note, Up, Down and Enter move and break lines; Up on its first line leaves it.
            Msg::PrevField | Msg::Up if in_note && self.note.up() => {}
            Msg::NextField | Msg::Down if in_note => _ = self.note.down(),
            Msg::Enter if in_note => self.note.newline(),
            Msg::Edit(request) if in_note => self.note.edit(request),
            Msg::NextField | Msg::Down | Msg::Page(Paging::LinesDown) => {
                self.focus = (self.focus + 1).min(last);
            }
            Msg::PrevField | Msg::Up | Msg::Page(Paging::LinesUp) => {
                self.focus = self.focus.saturating_sub(1);
            }
            // A click on a row: to it, and a box clicked is ticked (or unticked).
            Msg::Pick(index) if index <= last => {
                self.focus = index;
                if let Item::Choice(group, index) = self.focused() {
                    self.toggle(group, index);
                }
            }
            Msg::NextSection => self.focus = section_start(section(self.focused()) + 1),
            Msg::PrevSection => {
                self.focus = section_start(section(self.focused()).saturating_sub(1));
            }
            // Enter never saves by surprise: it ticks a box, or moves on from a field.
            Msg::Toggle | Msg::Enter => match self.focused() {
                Item::Choice(group, index) => self.toggle(group, index),
                _ if msg == Msg::Enter => self.focus = (self.focus + 1).min(last),
                item => self.edit_field(item, InputRequest::InsertChar(' ')),
            },
            Msg::Edit(request) => self.edit_field(self.focused(), request),
            Msg::Cancel if self.changed() => {
                return Some(vec![Effect::Ask(Confirm {
                    question: "Discard the changes to this check-in?".into(),
                    no: "Still editing: nothing was thrown away.",
                    details: Vec::new(),
                    otherwise: Vec::new(),
                    yes: vec![Effect::Then(Follow::Today(TodayFollow::CloseForm))],
                })]);
            }
            Msg::Cancel => return None,
            Msg::Save => return Some(self.save(ctx)),
            _ => {}
        }
        if self.focus != before {
            self.fresh = true;
        }
        Some(Vec::new())
    }

    fn edit_field(&mut self, item: Item, request: InputRequest) {
        let fresh = std::mem::replace(&mut self.fresh, false);
        let rating = matches!(item, Item::Pain | Item::Worst | Item::Stiffness);
        let Some(input) = self.input_mut(item) else {
            return;
        };
        // A digit goes on the rating where together they make one, or starts it again, as at
        // every prompt that asks for a rating ("1" then "0" is 10; "7" then "4" is 4).
        if let (true, InputRequest::InsertChar(digit @ '0'..='9')) = (rating, request) {
            let typed = if fresh { "" } else { input.value() };
            *input = Input::new(super::rating::prompt_digit(typed, digit));
            self.errors.retain(|e| Some(e.field) != item.field());
            return;
        }
        let mut edited = input.clone();
        if fresh && rating && matches!(request, InputRequest::InsertChar(_)) {
            edited = Input::default();
        }
        edited.handle(request);
        // A rating takes only what can still be 0-10, as the fast path does ("105" stops at 10).
        let refused = rating && !edited.value().is_empty() && parse_rating_field(edited.value());
        if refused {
            let field = item.field().expect("a rating is a field");
            self.errors.retain(|e| e.field != field);
            self.errors.push(FieldError {
                field,
                message: "must be a whole number from 0 to 10".into(),
            });
            return;
        }
        *input = edited;
        self.errors.retain(|e| Some(e.field) != item.field());
    }
}
