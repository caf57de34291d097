//! Spoken cues for the stretch player: a text-to-speech program is started for each cue and
//! left to finish on its own, so the loop never waits for a voice; a new cue stops the one
//! still being said. `NAPE_SPEECH` names the program to use (tests give one that records what
//! it was asked to say).

use std::process::{Child, Command, Stdio};
use std::sync::Mutex;

/// The first of these found on the PATH speaks.
pub const PROGRAMS: &[&str] = &["espeak-ng", "spd-say", "say", "espeak"];

/// The program that will speak, if there is one.
pub fn program() -> Option<String> {
    if let Some(chosen) = std::env::var_os("NAPE_SPEECH").filter(|v| !v.is_empty()) {
        return Some(chosen.to_string_lossy().into_owned());
    }
    let path = std::env::var_os("PATH")?;
    PROGRAMS
        .iter()
        .find(|p| std::env::split_paths(&path).any(|dir| dir.join(p).is_file()))
        .map(|p| (*p).to_string())
}

/// The cue still being spoken, if any: a new cue cuts it off, so two never overlap.
static SPEAKING: Mutex<Option<Child>> = Mutex::new(None);

/// Say `words` with `program`, without waiting for it; whatever was still being said stops.
pub fn say(program: &str, words: &str) {
    let mut speaking = SPEAKING.lock().unwrap_or_else(|e| e.into_inner());
    if let Some(mut before) = speaking.take() {
        if matches!(before.try_wait(), Ok(None)) {
            let _ = before.kill();
        }
        std::thread::spawn(move || before.wait()); // reaped, so it leaves no zombie
    }
    let child = Command::new(program)
        .arg(words)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn();
    *speaking = child.ok();
}
