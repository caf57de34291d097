//! A sudden jump to severe pain asks the sudden-severe question before the check-in is saved:
//! yes saves it with that sign ticked (and its message follows), no saves it as it is.

use uuid::Uuid;

use super::{Confirm, Ctx, Effect};
use crate::domain::checkin::{CheckIn, Draft};
use crate::domain::redflag::SUDDEN_SEVERE;

/// The question, if `checkin` (from `draft`; `except` when an edit) jumps; `save` gives the
/// effects that save a draft.
pub(super) fn ask(
    ctx: &Ctx,
    draft: &Draft,
    checkin: &CheckIn,
    except: Option<Uuid>,
    save: impl Fn(Draft) -> Vec<Effect>,
) -> Option<Vec<Effect>> {
    if draft.symptoms.iter().any(|s| s == SUDDEN_SEVERE) {
        return None;
    }
    let was = ctx.diary.jumped_from(checkin.at, checkin.pain, except)?;
    let mut ticked = draft.clone();
    ticked.symptoms.push(SUDDEN_SEVERE.into());
    Some(vec![Effect::Ask(Confirm {
        question: format!(
            "Pain {was} to {} within a day. Is this a sudden, severe headache or neck pain \
             unlike any before?",
            checkin.pain
        ),
        details: Vec::new(),
        yes: save(ticked),
        no: "",
        otherwise: save(draft.clone()),
    })])
}
