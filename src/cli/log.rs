//! `nape log`: a check-in from the shell, validated by the same rules as the Today form.

use chrono::Utc;
use clap::{ArgGroup, Args};

use super::{Cli, Failure};
use crate::clock::Zone;
use crate::diary::Act;
use crate::domain::checkin::Draft;
use crate::domain::redflag;
use crate::domain::settings;
use crate::domain::therapy::{NOT_PAUSED, paused_words};
use crate::record;

#[derive(Args, Debug)]
#[command(group(ArgGroup::new("pain_given").required(true).multiple(false)))]
pub struct LogArgs {
    /// Pain now, 0 (none) to 10 (worst imaginable): `nape log 6`.
    #[arg(value_name = "PAIN", group = "pain_given", allow_hyphen_values = true)]
    pain_now: Option<String>,
    /// Words after the pain are the note: `nape log 5 stiff after standup`.
    #[arg(value_name = "NOTE", requires = "pain_now", conflicts_with = "note")]
    words: Vec<String>,
    /// The same, as an option.
    #[arg(
        long,
        value_name = "0-10",
        group = "pain_given",
        allow_hyphen_values = true
    )]
    pain: Option<String>,
    #[command(flatten)]
    pub answers: Answers,
}

/// What a check-in holds besides its pain: the same options for `nape log` and `nape edit`.
#[derive(Args, Debug)]
pub struct Answers {
    /// Worst pain in the last 24 hours, 0-10.
    #[arg(long, value_name = "0-10", allow_hyphen_values = true)]
    worst: Option<String>,
    /// Stiffness, 0-10.
    #[arg(long, value_name = "0-10", allow_hyphen_values = true)]
    stiffness: Option<String>,
    /// Where it hurts (repeatable; ids below).
    #[arg(short = 'w', long = "where", value_name = "ID")]
    locations: Vec<String>,
    /// A symptom (repeatable; ids below).
    #[arg(short, long = "symptom", value_name = "ID")]
    symptoms: Vec<String>,
    /// None of the symptoms: each is absent. Without it or a --symptom, the check-in says
    /// nothing about symptoms (a spasm that has gone is only "gone" when you say so).
    #[arg(long, conflicts_with = "symptoms")]
    no_symptoms: bool,
    /// Something that may have played a part (repeatable; ids below).
    #[arg(short, long = "context", value_name = "ID")]
    context: Vec<String>,
    /// Something you did for it (repeatable; ids below).
    #[arg(short, long = "treatment", value_name = "ID")]
    treatments: Vec<String>,
    /// A medicine taken, by name only (repeatable).
    #[arg(short, long = "medicine", value_name = "NAME")]
    medicines: Vec<String>,
    /// A note of any length.
    #[arg(short, long, allow_hyphen_values = true)]
    note: Option<String>,
    /// Write the note in $VISUAL or $EDITOR (starting from --note's text, if given).
    #[arg(short, long)]
    pub(super) edit: bool,
    /// Backfill: the local time it describes: "HH:MM" (today), "yesterday HH:MM" or
    /// "YYYY-MM-DD HH:MM" (default: now).
    #[arg(short, long, value_name = "TIME")]
    pub(super) at: Option<String>,
}

impl LogArgs {
    fn draft(&self) -> Draft {
        let pain = (self.pain_now.clone()).or(self.pain.clone());
        let mut draft = self.answers.over(Draft {
            pain: pain.unwrap_or_default(),
            quick: true,
            ..Draft::default()
        });
        if !self.words.is_empty() {
            draft.note = Some(self.words.join(" "));
        }
        draft
    }
}

impl Answers {
    /// `draft` with what was given put in its place: on an empty draft for `nape log`, on the
    /// entry's own answers for `nape edit`. A list given replaces the list; symptoms given (or
    /// none, said so) make it a full check-in.
    pub fn over(&self, mut draft: Draft) -> Draft {
        let given = |value: &Option<String>, into: &mut String| {
            if let Some(value) = value {
                *into = value.clone();
            }
        };
        given(&self.worst, &mut draft.worst);
        given(&self.stiffness, &mut draft.stiffness);
        given(&self.at, &mut draft.at);
        let lists = [
            (&self.locations, &mut draft.locations),
            (&self.context, &mut draft.context),
            (&self.treatments, &mut draft.treatments),
            (&self.medicines, &mut draft.medicines),
        ];
        for (given, into) in lists {
            if !given.is_empty() {
                *into = given.clone();
            }
        }
        if !self.symptoms.is_empty() || self.no_symptoms {
            draft.symptoms = self.symptoms.clone();
            draft.quick = false;
        }
        if self.note.is_some() {
            draft.note = self.note.clone();
        }
        draft
    }
}

pub fn run(cli: &Cli, args: &LogArgs) -> Result<(), Failure> {
    let now = super::now(cli);
    let zone = Zone::Local;
    // The diary checks it again as it saves; checked here first so a typo is told before the
    // data folder is opened or made.
    let mut draft = args.draft();
    if args.answers.edit {
        draft.note = edited(draft.note.as_deref().unwrap_or(""))?;
    }
    let checkin = match zone.validate(&draft, now) {
        Ok((checkin, _)) => checkin,
        Err(errors) => {
            let mut lines: Vec<String> = errors.iter().map(|e| format!("--{e}")).collect();
            lines.push("Nothing was saved.".into());
            // A warning sign answered, or a symptom typed in plain words for one: the number
            // before anything, whatever else was mistyped.
            let lower: Vec<String> = args
                .answers
                .symptoms
                .iter()
                .map(|s| s.to_lowercase())
                .collect();
            let answered = !redflag::answered(&lower).is_empty();
            if answered
                || args
                    .answers
                    .symptoms
                    .iter()
                    .any(|s| redflag::sounds_like_a_sign(s))
            {
                lines.insert(0, redflag::safety_line(&number_anyway(cli, now)));
            }
            return Err(Failure::BadInput(lines.join("\n")));
        }
    };
    // Any check-in may complete a warning sign with answers given earlier (a manipulation
    // backdated before a numbness, say): the diary reads everything from its day on, with the
    // index for what came before, and the save goes through it.
    let mut diary = match super::open_diary_latest_quietly(cli, now) {
        Ok(diary) => diary,
        Err(e) => {
            // The folder could not be opened: the signs answered are told all the same.
            let number = settings::emergency_number_for_locale(&super::locale());
            for def in redflag::answered(&checkin.symptoms) {
                say!(
                    "{}: {} It was not saved (below).",
                    def.level.tag(),
                    def.advice(number)
                )?;
            }
            return Err(e);
        }
    };
    diary.reach(zone.date(checkin.at) - chrono::Duration::days(1), now);
    let id = record::new_id(now);
    let held: Vec<String> = diary.flags().iter().map(|f| f.def.id.clone()).collect();
    let outcome = match diary.act(Act::Log { id, draft }, now) {
        Ok(outcome) => outcome,
        Err(e) => {
            // A warning sign that could not be saved, alone or completing a pattern with what
            // is stored: what to do, with the number, first.
            let number = diary.emergency_number().to_string();
            for flag in diary.would_raise(&checkin, None, now) {
                say!("{}; it was not saved (below).", flag_line(&flag, &number))?;
            }
            return Err(e.into());
        }
    };
    // What could not be read, and what the save itself noticed (a repaired file, say).
    super::tell_problems(&diary);
    let at = zone.local(checkin.at).format("%Y-%m-%d %H:%M");
    say!("Saved check-in {id}: pain {} at {at}.", checkin.pain)?;
    // What the app would interrupt with, said here too: every sign this save put in force.
    let number = diary.emergency_number().to_string();
    // Every level: the locking signs it raised, then any other sign newly in force.
    let newly = (diary.flags().iter())
        .filter(|f| !f.locks() && f.assessed_at.is_none() && !held.contains(&f.def.id));
    for flag in outcome.raised.iter().chain(newly) {
        say!("{}.", flag_line(flag, &number))?;
    }
    // Words in the note that can describe a sign not ticked: which questions to answer.
    let note = checkin.note.as_deref().unwrap_or_default();
    let unasked: Vec<&str> = (redflag::notes::signs_in_note(note).into_iter())
        .filter(|s| !checkin.symptoms.iter().any(|t| t == s))
        .collect();
    if !unasked.is_empty() {
        let each: Vec<String> = unasked.iter().map(|id| format!("--symptom {id}")).collect();
        // Ticked on this check-in, not a second one: its pain is not counted twice.
        say!(
            "Your note has words that can describe a warning sign. If you have it now, call \
             {number} if it is an emergency, and tick it on this check-in in the app (Today, \
             Enter on it): {}",
            each.join(", ")
        )?;
    }
    // A sudden jump to severe pain: the sudden-severe question, as a line (the app asks it).
    let asked = checkin.symptoms.iter().any(|s| s == redflag::SUDDEN_SEVERE);
    if let Some(was) = diary
        .jumped_from(checkin.at, checkin.pain, Some(id))
        .filter(|_| !asked)
    {
        say!(
            "Pain {was} to {} within a day. If this is a sudden, severe headache or neck pain \
             unlike any before, call {number} now, and tick it on this check-in in the app (Today, \
             Enter on it): -s {}.",
            checkin.pain,
            redflag::SUDDEN_SEVERE
        )?;
    }
    match &outcome.paused {
        Some(Ok(kind)) => say!("{}", paused_words(*kind))?,
        // The check-in is saved: said on standard error, with success.
        Some(Err(e)) => super::tell(format_args!("{NOT_PAUSED}: {e}")),
        None => {}
    }
    Ok(())
}

/// The emergency number from the settings, or the locale's when the diary cannot be opened.
fn number_anyway(cli: &Cli, now: chrono::DateTime<Utc>) -> String {
    match super::open_diary_quietly(cli, now) {
        Ok(diary) => diary.emergency_number().to_string(),
        Err(_) => settings::emergency_number_for_locale(&super::locale()).to_string(),
    }
}

/// A sign as the shell says it: "‼ EMERGENCY: Call 112 now. Why: ..." (the caller ends it).
pub(super) fn flag_line(flag: &redflag::ActiveFlag, number: &str) -> String {
    let (tag, advice) = (flag.def.level.tag(), flag.def.advice(number));
    format!("{tag}: {advice} Why: {}", flag.reason)
}

/// The note as written in the person's editor ($VISUAL, else $EDITOR, else vi), on a private
/// temporary file that is removed after; `None` if left empty. An editor that fails saves nothing.
pub(super) fn edited(start: &str) -> Result<Option<String>, Failure> {
    let editor = ["VISUAL", "EDITOR"]
        .iter()
        .find_map(|v| std::env::var(v).ok().filter(|e| !e.trim().is_empty()))
        .unwrap_or_else(|| "vi".into());
    let failed = |why: String| Failure::Other(format!("{why}; nothing was saved"));
    // Created readable by its owner alone, and removed when dropped.
    let file = tempfile::Builder::new()
        .prefix("nape-note-")
        .suffix(".txt")
        .tempfile()
        .map_err(|e| failed(format!("could not make a file for the note: {e}")))?;
    std::fs::write(file.path(), start)
        .map_err(|e| failed(format!("could not write the note's file: {e}")))?;
    // "code --wait" and the like: the program, then its own options, as git reads $EDITOR.
    let mut words = editor.split_whitespace();
    let program = words.next().unwrap_or("vi");
    let status = std::process::Command::new(program)
        .args(words)
        .arg(file.path())
        .status()
        .map_err(|e| failed(format!("could not start the editor {program}: {e}")))?;
    if !status.success() {
        return Err(failed(format!("the editor {program} ended with an error")));
    }
    let text = std::fs::read_to_string(file.path())
        .map_err(|e| failed(format!("could not read the note back: {e}")))?;
    let text = text.trim_end();
    Ok((!text.trim().is_empty()).then(|| text.to_string()))
}
