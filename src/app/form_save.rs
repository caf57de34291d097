//! Saving the check-in form: checked as the diary will check it (the fields at fault marked),
//! then the questions a save may raise first (a sudden jump, a lock it lifts), then the act.

use super::form::CheckinForm;
use super::form_items::items;
use super::today::TodayFollow;
use super::{Confirm, Ctx, Effect, Follow, Status};
use crate::diary::Act;
use crate::domain::checkin::{CheckIn, Draft};
use crate::domain::redflag;
use crate::record;

impl CheckinForm {
    pub(super) fn save(&mut self, ctx: &Ctx) -> Vec<Effect> {
        let zone = ctx.diary.zone();
        // The same check the diary makes, here to mark the fields at fault.
        let draft = self.draft();
        let (checkin, date) = match zone.validate(&draft, ctx.now) {
            Ok(ok) => ok,
            Err(errors) => {
                let first = items()
                    .iter()
                    .position(|i| i.field() == Some(errors[0].field));
                self.focus = first.unwrap_or(self.focus);
                self.errors = errors;
                return vec![Effect::Say(Status::Error(
                    "Not saved yet: the form says what to fix, at the field the cursor is on."
                        .into(),
                ))];
            }
        };
        // Edited: the stored time is kept unless the time field was changed.
        let edit = (self.original.as_ref()).map(|r| (r, self.when.value() != self.original_when));
        let (id, at, day) = match edit {
            Some((record, false)) => (record.id, record.body.at, record.date),
            Some((record, true)) => (record.id, checkin.at, date),
            None => (record::new_id(ctx.now), checkin.at, date),
        };
        let time = zone.local(at).format("%Y-%m-%d %H:%M");
        let done = format!("Saved: pain {} at {time}.", checkin.pain);
        // Asked about once, when the note is new or changed, not at every later save.
        let original_note = self.original.as_ref().map(|r| r.body.note.clone());
        let save = |draft: Draft| {
            // Words in the note that can describe a sign not ticked: asked once it is saved.
            let new_note = original_note.as_ref() != Some(&draft.note);
            let note = (draft.note.as_deref())
                .filter(|_| new_note)
                .unwrap_or_default();
            let signs: Vec<&'static str> = (redflag::notes::signs_in_note(note).into_iter())
                .filter(|s| !draft.symptoms.iter().any(|t| t == s))
                .collect();
            let act = match edit {
                Some((record, moved)) => Act::Edit {
                    id,
                    base: record.updated_at,
                    draft,
                    moved,
                },
                None => Act::Log { id, draft },
            };
            let mut effects = vec![
                Effect::act(act, done.clone()),
                Effect::Then(Follow::Today(TodayFollow::ShowEntry { day, id })),
            ];
            if !signs.is_empty() {
                let ask = TodayFollow::AskSigns { id, signs };
                effects.push(Effect::Then(Follow::Today(ask)));
            }
            effects
        };
        let checkin = CheckIn { at, ..checkin };
        let except = edit.map(|_| id);
        // A sudden jump asks about sudden severe pain before saving, either way.
        let asked = super::sudden::ask(ctx, &draft, &checkin, except, save);
        // An edit that takes away a sign not yet assessed lifts its lock: asked first of all.
        let lifted = match edit {
            Some(_) => ctx.diary.lifts(id, Some(&checkin), ctx.now),
            None => Vec::new(),
        };
        let then = asked.unwrap_or_else(|| save(draft));
        if lifted.is_empty() {
            return then;
        }
        vec![Effect::Ask(Confirm {
            question: format!(
                "Save? This change takes away {}, not yet assessed by a clinician: the lock lifts.",
                redflag::named(&lifted)
            ),
            no: "Not saved: still editing.",
            details: Vec::new(),
            otherwise: Vec::new(),
            yes: then,
        })]
    }
}
