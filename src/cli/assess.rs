//! `nape assess`: record that a clinician has assessed the warning signs reported so far, as the
//! Red flags screen does, asking first. It lifts the lock they put on timers and stretches.

use clap::Args;

use super::{Cli, Failure, open_diary};
use crate::diary::Act;
use crate::domain::redflag;

#[derive(Args, Debug)]
pub struct AssessArgs {
    /// Record it without asking (needed where there is no terminal to ask on).
    #[arg(long)]
    yes: bool,
}

pub fn assess(cli: &Cli, args: &AssessArgs) -> Result<(), Failure> {
    let now = super::now(cli);
    let mut diary = open_diary(cli, now)?;
    let waiting: Vec<_> = (diary.flags().iter())
        .filter(|f| f.assessed_at.is_none())
        .cloned()
        .collect();
    if waiting.is_empty() {
        return say!("No warning sign is waiting for a clinician's assessment; nothing recorded.");
    }
    let question = format!(
        "Record that a clinician has assessed you for {}?",
        redflag::named(&waiting)
    );
    if !args.yes && !super::ask_yes(&question, "give --yes to record it")? {
        return say!("Nothing recorded.");
    }
    let locked = diary.locked();
    diary.act(Act::Assessed, now)?;
    say!("Recorded: a clinician has assessed you.")?;
    if locked && !diary.locked() {
        say!("Timers and stretches are open again.")?;
    }
    say!(
        "If a sign comes back or gets worse, log it again: nape shows what to do, with the number \
         ({}).",
        diary.emergency_number()
    )
}
