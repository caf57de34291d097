//! `nape routines play ID`: a routine in plain lines, for a screen reader or a terminal without
//! the app. One line per cue, in the words the voice says (and said too when cues are voice),
//! the bell where cues ring; Ctrl-C stops it. It is recorded as the app records it: started,
//! its progress every half minute, its end, and how the neck feels after.

use std::io::IsTerminal;
use std::sync::atomic::AtomicBool;
use std::sync::{Arc, mpsc};
use std::time::Duration as Wait;

use chrono::{DateTime, Duration, Utc};
use clap::Args;

use super::{Cli, Failure, open_diary};
use crate::diary::{Act, Diary, RoutineAct};
use crate::domain::settings::CueMode;
use crate::domain::stretch::{Cue, Feeling, Library, Player, Routine, RoutineEnd, duration_words};
use crate::record;

/// How often the record says the routine still plays, as the app's does.
const BEAT_SECS: i64 = 30;

#[derive(Args, Debug)]
pub struct PlayArgs {
    /// The routine's id, as `nape routines list` shows it.
    id: String,
    /// Ask nothing: no pain before or after, no question about how the neck feels.
    #[arg(long)]
    no_pain: bool,
}

/// How many times faster than the clock a routine plays: 1, unless `NAPE_PLAY_SPEED` says
/// otherwise (for tests, which cannot wait minutes; never an option a person sees).
fn speed() -> u32 {
    let set = std::env::var("NAPE_PLAY_SPEED").ok();
    set.and_then(|s| s.parse().ok())
        .filter(|n| (1..=1000).contains(n))
        .unwrap_or(1)
}

pub fn play(cli: &Cli, args: &PlayArgs, library: Library) -> Result<(), Failure> {
    let now = super::now(cli);
    let mut diary = open_diary(cli, now)?;
    let Some(routine) = library.routines.iter().find(|r| r.id == args.id).cloned() else {
        let ids: Vec<&str> = library.routines.iter().map(|r| r.id.as_str()).collect();
        return Err(Failure::BadInput(format!(
            "no routine \"{}\"; the routines are: {}",
            args.id,
            ids.join(", ")
        )));
    };
    refuse_if_closed(&diary, now)?;
    // Questions only where someone can answer them.
    let asking = !args.no_pain && std::io::stdin().is_terminal();
    let pain_before = if asking {
        pain("Pain now, 0-10 (Enter skips)?")?
    } else {
        None
    };
    let mode = diary
        .settings()
        .map(|s| s.body.cue_mode())
        .unwrap_or_default();
    let voice = (mode == CueMode::Voice)
        .then(crate::speech::program)
        .flatten();
    if mode == CueMode::Voice && voice.is_none() {
        say!("Cues are set to voice, but no speech program was found: lines only.")?;
    }
    let id = record::new_id(now);
    let start = RoutineAct::Start {
        id,
        routine: Box::new(routine.clone()),
        pain_before,
    };
    diary.act(Act::Routine(start), now)?;
    let ready = diary.settings().map_or(3, |s| s.body.ready());
    let clock = Clock::new(now, speed());
    run(
        &mut diary,
        id,
        routine,
        ready,
        &clock,
        mode,
        voice.as_deref(),
    )?;
    if asking {
        rate_after(&mut diary, id, clock.now())?;
    }
    Ok(())
}

/// Refused while a warning sign locks stretches, or while a routine plays elsewhere; asked
/// first when the warning signs could not be checked.
fn refuse_if_closed(diary: &Diary, now: DateTime<Utc>) -> Result<(), Failure> {
    if let Some(flag) = diary.lock() {
        let sentence = flag.lock_sentence(diary.emergency_number());
        return Err(Failure::BadInput(format!("{sentence} {}", super::unlock())));
    }
    if let Some(playing) = diary.playing(now) {
        return Err(Failure::BadInput(format!(
            "{} is playing in another nape; one routine at a time",
            playing.body.name
        )));
    }
    if let Some(why) = diary.unchecked() {
        let question = format!("Warning signs could not be checked ({why}). Start anyway?");
        if !super::ask_yes(&question, "run nape check, or play it in the app")? {
            return Err(Failure::BadInput("nothing started".into()));
        }
    }
    Ok(())
}

/// The routine played to its end or until Ctrl-C, and its end recorded.
fn run(
    diary: &mut Diary,
    id: uuid::Uuid,
    routine: Routine,
    ready: u32,
    clock: &Clock,
    mode: CueMode,
    voice: Option<&str>,
) -> Result<(), Failure> {
    let (stop, ended) = stop_signal()?;
    let (name, total) = (routine.name.clone(), routine.steps.len() as u32);
    say!(
        "{name}: {total} exercises, about {}. Stop at sharp pain, dizziness, tingling or double \
         vision. Ctrl-C ends it.",
        duration_words(routine.total_secs(ready))
    )?;
    let started = clock.now();
    let (mut player, cues) = Player::start(routine, ready, started);
    tell(&cues, mode, voice)?;
    let mut beat = started;
    let how = loop {
        let now = clock.now();
        // A warning sign put in force elsewhere (a check-in from another terminal, the app)
        // stops the routine here as it would in the app: locked means locked.
        diary.refresh(now);
        if let Some(flag) = diary.lock() {
            say!("{}", flag.lock_sentence(diary.emergency_number()))?;
            break RoutineEnd::Stopped;
        }
        let cues = player.advance(now);
        tell(&cues, mode, voice)?;
        if player.finished {
            break RoutineEnd::Finished;
        }
        if now - beat >= Duration::seconds(BEAT_SECS) {
            beat = now;
            let progress = RoutineAct::Progress {
                id,
                steps: player.steps(now),
                pauses: player.pauses.clone(),
            };
            diary.act(Act::Routine(progress), now)?;
        }
        // Until the next cue: the next phase, or the next second of a countdown.
        let next = (player.next_change())
            .unwrap_or(now)
            .min(now + Duration::seconds(1))
            .min(beat + Duration::seconds(BEAT_SECS));
        if stop.recv_timeout(clock.wait(now, next)).is_ok() {
            break RoutineEnd::Stopped;
        }
    };
    // From here Ctrl-C ends nape at once, as at any question.
    ended.store(true, std::sync::atomic::Ordering::Relaxed);
    let now = clock.now();
    let (done, ran) = (
        player.steps_done(now),
        (now - started).num_seconds().max(0) as u32,
    );
    let end = RoutineAct::End {
        id,
        how,
        steps: player.steps(now),
        pauses: player.pauses.clone(),
    };
    diary.act(Act::Routine(end), now)?;
    say!("{}", how.words(&name, done, total, ran))
}

/// Each cue a line; the bell where cues ring, the voice where they are spoken.
fn tell(cues: &[Cue], mode: CueMode, voice: Option<&str>) -> Result<(), Failure> {
    if cues.is_empty() {
        return Ok(());
    }
    for cue in cues {
        say!("{}", cue.words())?;
    }
    if mode != CueMode::Off && cues.iter().any(Cue::rings) && std::io::stdout().is_terminal() {
        print!("\x07");
    }
    if let Some(program) = voice {
        let words: Vec<String> = cues.iter().map(Cue::words).collect();
        crate::speech::say(program, &words.join(" "));
    }
    Ok(())
}

/// Ctrl-C (and a hang-up or SIGTERM) ends the routine, recorded as stopped where it got to;
/// once the returned flag is set (the routine has ended), they end nape as they usually do.
fn stop_signal() -> Result<(mpsc::Receiver<()>, Arc<AtomicBool>), Failure> {
    use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};
    let failed = |e: std::io::Error| Failure::Other(format!("could not listen for Ctrl-C: {e}"));
    let ended = Arc::new(AtomicBool::new(false));
    for signal in [SIGINT, SIGTERM, SIGHUP] {
        signal_hook::flag::register_conditional_default(signal, Arc::clone(&ended))
            .map_err(failed)?;
    }
    let mut signals =
        signal_hook::iterator::Signals::new([SIGINT, SIGTERM, SIGHUP]).map_err(failed)?;
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        for _ in signals.forever() {
            if tx.send(()).is_err() {
                return;
            }
        }
    });
    Ok((rx, ended))
}

/// How the neck feels, then pain now; either may be skipped.
fn rate_after(diary: &mut Diary, id: uuid::Uuid, now: DateTime<Utc>) -> Result<(), Failure> {
    let feeling = loop {
        let answer = super::ask(
            "How does your neck feel now? 1 better, 2 about the same, 3 worse (Enter skips):",
            "give --no-pain",
        )?;
        match answer.as_str() {
            "" => break None,
            "1" => break Some(Feeling::Better),
            "2" => break Some(Feeling::Same),
            "3" => break Some(Feeling::Worse),
            _ => say!("1, 2 or 3, or Enter to skip.")?,
        }
    };
    let pain = pain("And pain now, 0-10 (Enter skips)?")?;
    if feeling.is_some() || pain.is_some() {
        diary.act(Act::Routine(RoutineAct::Rate { id, feeling, pain }), now)?;
        say!("Noted.")?;
    }
    Ok(())
}

/// A pain rating asked on the terminal until it is 0-10 or skipped.
fn pain(question: &str) -> Result<Option<u8>, Failure> {
    loop {
        let answer = super::ask(question, "give --no-pain")?;
        if answer.is_empty() {
            return Ok(None);
        }
        match answer.parse::<u8>() {
            Ok(n) if n <= 10 => return Ok(Some(n)),
            _ => say!("A whole number from 0 to 10, or Enter to skip.")?,
        }
    }
}

/// The routine's clock: the wall clock from the start, `speed` times faster (1 but in tests).
struct Clock {
    start: DateTime<Utc>,
    at: std::time::Instant,
    speed: u32,
}

impl Clock {
    fn new(start: DateTime<Utc>, speed: u32) -> Clock {
        Clock {
            start,
            at: std::time::Instant::now(),
            speed,
        }
    }

    fn now(&self) -> DateTime<Utc> {
        let went = self.at.elapsed() * self.speed;
        self.start + Duration::from_std(went).unwrap_or_default()
    }

    /// How long to wait, by the wall clock, from `now` until `next` on this clock.
    fn wait(&self, now: DateTime<Utc>, next: DateTime<Utc>) -> Wait {
        let gap = (next - now).to_std().unwrap_or_default();
        (gap / self.speed).max(Wait::from_millis(1))
    }
}
