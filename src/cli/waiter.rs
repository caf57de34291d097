//! The waiter: a small process a session's start leaves behind, so a session announces itself
//! when no app is open to do it (a cold pack must not stay on past its time). At each skin check
//! and at the end it rings the bell on its terminal if it has one, sends a desktop notification
//! where a session bus exists and speaks when cues are voice. It follows whichever session runs
//! on this desk, so one started later supersedes, and it ends when none runs or it is paused
//! (resuming starts one again). One at a time.

use std::collections::HashSet;
use std::io::{IsTerminal, Write};
use std::os::unix::ffi::OsStrExt;
use std::path::Path;
use std::process::{Command, Stdio};
use std::sync::mpsc;
use std::time::Duration as Wait;

use chrono::Duration;

use super::{Cli, Failure, data_dir, locale, state_dir};
use crate::clock::Zone;
use crate::diary::Diary;
use crate::domain::settings::CueMode;
use crate::domain::therapy::Call;
use crate::domain::therapy::limits::bounds;
use crate::store::DiskStore;

/// However quiet the folder, the waiter looks again this often (a missed file event, a clock
/// that jumped).
const LOOK_AGAIN: i64 = 60;

/// Start a waiter for the diary at `data`, detached from this process: it outlives it, and a
/// Ctrl-C or a closed terminal does not end it. It rings on this process's terminal if there is
/// one. Best effort: a session runs the same without it.
pub fn spawn(data: &Path, state: &Path) {
    let Ok(program) = std::env::current_exe() else {
        return;
    };
    // Absolute: the waiter may outlive the folder this was started in.
    let absolute = |p: &Path| std::path::absolute(p).unwrap_or_else(|_| p.to_path_buf());
    let mut command = Command::new(program);
    command
        .arg("--data-dir")
        .arg(absolute(data))
        .arg("--state-dir")
        .arg(absolute(state))
        .arg("waiter");
    // This terminal, by name: the waiter holds nothing of it open, so a terminal closed (an
    // ssh session ended) is not kept waiting for it.
    let stdout = std::io::stdout();
    if stdout.is_terminal()
        && let Ok(name) = rustix::termios::ttyname(&stdout, Vec::new())
    {
        command
            .arg("--bell")
            .arg(std::ffi::OsStr::from_bytes(name.as_bytes()));
    }
    // A group of its own from the start: the hang-up a closing terminal sends its foreground
    // group must not reach it before it has left (`detach`).
    std::os::unix::process::CommandExt::process_group(&mut command, 0);
    let child = command
        .current_dir("/")
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn();
    if let Ok(mut child) = child {
        // Reaped if it ends while this process lives, so it leaves no zombie.
        std::thread::spawn(move || child.wait());
    }
}

/// The waiter's life: wait for the next call of the session running here, make it, and end
/// when no session runs (or another waiter already runs).
pub fn wait(cli: &Cli, bell: Option<&Path>) -> Result<(), Failure> {
    detach();
    let (root, state) = (data_dir(cli)?, state_dir(cli)?);
    let here = DiskStore::open_to_look(root.clone(), &state)?;
    let Some(_turn) = here.waiter_here() else {
        return Ok(());
    };
    let (tx, changed) = mpsc::channel();
    // Kept, so that without file events (none to be had) the waits still last their time.
    let _kept = tx.clone();
    let _watch = crate::store::watch(&root, move || {
        let _ = tx.send(());
    });
    let mut made: HashSet<(uuid::Uuid, Call)> = HashSet::new();
    let marks = &bounds().skin_check_minutes;
    // Opened once: opening makes the folders it needs, which must never bring back a data
    // folder someone has just removed. After, it is only read again as it changes.
    // Others write while it reads: it never repairs a file or folds in a sync copy (it may end
    // a routine whose nape is gone, as any nape that reads does).
    let store = DiskStore::open_to_look(root.clone(), &state)?;
    let mut diary = Diary::open(Box::new(store), Zone::Local, &locale(), super::now(cli));
    loop {
        // A folder gone (unmounted, removed) has no session left to wait for.
        if !root.is_dir() {
            return Ok(());
        }
        let now = super::now(cli);
        diary.refresh(now);
        let Some(running) = diary.running() else {
            return Ok(());
        };
        let (id, session) = (running.id, &running.body);
        // Paused, nothing is due until it resumes, which starts a waiter again.
        if session.is_paused() {
            return Ok(());
        }
        let calls: Vec<Call> = (session.calls(marks, now).into_iter())
            .filter(|call| made.insert((id, *call)))
            .collect();
        // An open app makes its own calls.
        if !calls.is_empty() && !here.app_open() {
            announce(&diary, session.kind, &calls, bell);
        }
        if calls.contains(&Call::Over) {
            return Ok(());
        }
        let next = (session.next_call(marks, now))
            .unwrap_or(now + Duration::seconds(LOOK_AGAIN))
            .min(now + Duration::seconds(LOOK_AGAIN));
        let wait = (next - now)
            .to_std()
            .unwrap_or_default()
            .max(Wait::from_millis(10));
        // A change in the folder (a pause, a stop, an answer) or the next call, whichever first.
        let _ = changed.recv_timeout(wait);
    }
}

/// Out of the terminal's session where it can be (a group leader cannot, and stays in its own
/// group), so neither Ctrl-C nor a hang-up there ends the waiter.
fn detach() {
    let _ = rustix::process::setsid();
    for signal in [signal_hook::consts::SIGHUP, signal_hook::consts::SIGINT] {
        let _ = signal_hook::flag::register(signal, std::sync::Arc::default());
    }
}

/// The bell, a desktop notification and the voice (when cues are voice), for `calls`.
fn announce(
    diary: &Diary,
    kind: crate::domain::therapy::PackKind,
    calls: &[Call],
    bell: Option<&Path>,
) {
    let words: Vec<String> = calls.iter().map(|c| c.words(kind)).collect();
    let words = words.join(" ");
    if let Some(tty) = bell {
        ring(tty);
    }
    notify(&words);
    let voice = diary.settings().map(|s| s.body.cue_mode()) == Some(CueMode::Voice);
    if let (true, Some(program)) = (voice, crate::speech::program()) {
        crate::speech::say(&program, &words);
    }
}

/// The bell on the terminal at `tty`, if it is still there; never taken as this process's own
/// terminal.
fn ring(tty: &Path) {
    use std::os::unix::fs::OpenOptionsExt;
    let opened = std::fs::OpenOptions::new()
        .write(true)
        .custom_flags(rustix::fs::OFlags::NOCTTY.bits() as i32)
        .open(tty);
    if let Ok(mut terminal) = opened {
        let _ = terminal.write_all(b"\x07");
    }
}

/// A desktop notification, where a session bus takes one. `NAPE_NOTIFY` names a program to
/// run instead, with the title and the words (tests give one that records them).
pub fn notify(words: &str) {
    if let Some(program) = std::env::var_os("NAPE_NOTIFY").filter(|p| !p.is_empty()) {
        let _ = Command::new(program).args(["nape", words]).status();
        return;
    }
    let _ = notify_rust::Notification::new()
        .appname("nape")
        .summary("nape")
        .body(words)
        .show();
}
