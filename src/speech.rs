//! Spoken cues for the stretch player: a text-to-speech program is started for each cue and
//! left to finish on its own, so the loop never waits for a voice. `NAPE_SPEECH` names the
//! program to use (tests give one that records what it was asked to say).

use std::process::{Command, Stdio};

/// The first of these found on the PATH speaks.
const PROGRAMS: &[&str] = &["espeak-ng", "spd-say", "say", "espeak"];

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

/// Say `words` with `program`, without waiting for it.
pub fn say(program: &str, words: &str) {
    let child = Command::new(program)
        .arg(words)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn();
    if let Ok(mut child) = child {
        std::thread::spawn(move || child.wait()); // reaped, so it leaves no zombie
    }
}
