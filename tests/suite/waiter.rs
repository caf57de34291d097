//! The waiter a session's start leaves behind, through the real binary with a fake notifier
//! (`NAPE_NOTIFY`) and session times set by hand: it calls at a skin check and at the end,
//! leaves the calls to an open app, never runs twice, and ends with the session.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use chrono::Utc;

use crate::common;
use common::Diary;

// Generous: under a full test run on two cores a process can take a while to be scheduled.
const PATIENCE: Duration = Duration::from_secs(30);

/// A notifier that writes each notification's words as a line of `log`.
fn fake_notifier(diary: &Diary) -> (PathBuf, PathBuf) {
    let (script, log) = (
        diary.dir.path().join("notify"),
        diary.dir.path().join("notified"),
    );
    let text = format!("#!/bin/sh\nprintf '%s\\n' \"$2\" >> '{}'\n", log.display());
    std::fs::write(&script, text).unwrap();
    let executable = std::os::unix::fs::PermissionsExt::from_mode(0o700);
    std::fs::set_permissions(&script, executable).unwrap();
    (script, log)
}

fn notified(log: &Path) -> String {
    std::fs::read_to_string(log).unwrap_or_default()
}

/// Wait, up to a deadline, for `done`.
fn until(what: &str, mut done: impl FnMut() -> bool) {
    let deadline = Instant::now() + PATIENCE;
    while !done() {
        assert!(Instant::now() < deadline, "{what} never came");
        std::thread::sleep(Duration::from_millis(20));
    }
}

/// The waiter, once it runs: its process id.
fn the_waiter(diary: &Diary) -> u32 {
    until("the waiter", || waiter_pid(diary).is_some_and(alive));
    waiter_pid(diary).unwrap()
}

/// The running waiter's process id, from its lock.
fn waiter_pid(diary: &Diary) -> Option<u32> {
    let text = std::fs::read_to_string(diary.local().join("waiter.lock")).ok()?;
    text.trim().parse().ok()
}

fn alive(pid: u32) -> bool {
    Path::new(&format!("/proc/{pid}")).exists()
        && !std::fs::read_to_string(format!("/proc/{pid}/stat"))
            .unwrap_or_default()
            .contains(") Z ")
}

/// Move the running session's start `minutes` back, as time passing would (a whole-file write,
/// as a save makes).
fn started_ago(diary: &Diary, minutes: i64) {
    let month = Utc::now().format("%Y-%m").to_string();
    let path = diary.data().join(Diary::own("therapy", &month));
    let mut file: serde_json::Value =
        serde_json::from_slice(&std::fs::read(&path).unwrap()).unwrap();
    let records = file["records"].as_array_mut().unwrap();
    let last = records.last_mut().unwrap();
    let at = Utc::now() - chrono::Duration::minutes(minutes) - chrono::Duration::seconds(20);
    last["started_at"] = serde_json::json!(at);
    let temp = path.with_extension("edit");
    std::fs::write(&temp, serde_json::to_vec(&file).unwrap()).unwrap();
    std::fs::rename(&temp, &path).unwrap();
}

fn start(diary: &Diary, notifier: &Path, kind: &str) {
    let args = ["timer", "start", kind, "--pain", "3", "--anyway"];
    common::succeeds(diary.command(&args).env("NAPE_NOTIFY", notifier));
}

#[test]
fn a_closed_app_still_hears_the_skin_check_and_the_waiter_ends_with_the_session() {
    let diary = Diary::new();
    let (notifier, log) = fake_notifier(&diary);
    start(&diary, &notifier, "cold");
    let pid = the_waiter(&diary);
    // Never twice: a second waiter ends at once.
    let mut second = diary.command(&["waiter"]).spawn().unwrap();
    until("the second waiter's end", || {
        second.try_wait().unwrap().is_some()
    });
    assert_eq!(waiter_pid(&diary), Some(pid));
    started_ago(&diary, 5);
    until("the skin check's call", || {
        notified(&log).contains("5 minutes: check your skin")
    });
    assert!(!notified(&log).contains("over"), "{}", notified(&log));
    // Stopped: the waiter has nothing left to wait for.
    diary.ok(&["timer", "stop"]);
    until("the waiter's end", || !alive(pid));
    assert_eq!(notified(&log).lines().count(), 1, "{}", notified(&log));
}

#[test]
fn the_end_is_called_once_and_the_waiter_then_ends() {
    let diary = Diary::new();
    let (notifier, log) = fake_notifier(&diary);
    start(&diary, &notifier, "heat");
    let pid = the_waiter(&diary);
    started_ago(&diary, 16);
    until("the end's call", || {
        notified(&log).contains("Heat session over")
    });
    until("the waiter's end", || !alive(pid));
    assert_eq!(notified(&log).lines().count(), 1, "{}", notified(&log));
}

#[test]
fn an_open_app_makes_its_own_calls() {
    let diary = Diary::new();
    let (notifier, log) = fake_notifier(&diary);
    let notify = notifier.to_str().unwrap();
    let mut app = common::pty::Session::start_with(&diary, 24, 80, &[("NAPE_NOTIFY", notify)]);
    app.wait_for("Welcome to nape");
    app.send("\r");
    app.wait_for("Pain now?");
    start(&diary, &notifier, "heat");
    let pid = the_waiter(&diary);
    started_ago(&diary, 16);
    // The app rings and says what for; the waiter ends without a notification of its own.
    until("the waiter's end", || !alive(pid));
    until("the app's call", || {
        notified(&log).contains("Heat session over")
    });
    assert_eq!(notified(&log).lines().count(), 1, "{}", notified(&log));
    app.send("q");
    app.wait_exit();
}

#[test]
fn a_removed_data_folder_ends_the_waiter_and_stays_removed() {
    let diary = Diary::new();
    let (notifier, _) = fake_notifier(&diary);
    start(&diary, &notifier, "cold");
    let pid = the_waiter(&diary);
    std::fs::remove_dir_all(diary.data()).unwrap();
    until("the waiter's end", || !alive(pid));
    let left: Vec<_> = walk(&diary.data());
    assert!(
        !diary.data().exists(),
        "the waiter made the folder again: {left:?}"
    );
}

#[test]
fn a_pause_ends_the_waiter_and_a_resume_starts_one_again() {
    let diary = Diary::new();
    let (notifier, _) = fake_notifier(&diary);
    start(&diary, &notifier, "cold");
    let first = the_waiter(&diary);
    diary.ok(&["timer", "pause"]);
    until("the waiter's end while paused", || !alive(first));
    diary.ok(&["timer", "resume"]);
    until("a waiter again", || {
        waiter_pid(&diary).is_some_and(|pid| pid != first && alive(pid))
    });
    let second = waiter_pid(&diary).unwrap();
    diary.ok(&["timer", "stop"]);
    until("its end", || !alive(second));
}

#[test]
fn a_session_started_on_a_terminal_leaves_that_terminal_free_to_close() {
    let diary = Diary::new();
    let args = ["timer", "start", "heat", "--anyway"];
    let mut shell = common::pty::Session::run(&diary, &args, 24, 80, &[]);
    shell.wait_for("session started");
    // The terminal closes with the command: the waiter holds none of it open.
    assert!(shell.wait_exit().0);
    let pid = the_waiter(&diary);
    let cmdline = std::fs::read(format!("/proc/{pid}/cmdline")).unwrap_or_default();
    assert!(
        String::from_utf8_lossy(&cmdline).contains("--bell"),
        "it knows where to ring"
    );
    diary.ok(&["timer", "stop"]);
    until("its end", || !alive(pid));
}

#[test]
fn the_bell_goes_to_the_terminal_named() {
    let diary = Diary::new();
    let (notifier, log) = fake_notifier(&diary);
    start(&diary, &notifier, "heat");
    let first = the_waiter(&diary);
    // Ended by hand, and one started that rings a file standing in for a terminal.
    std::process::Command::new("kill")
        .arg(first.to_string())
        .status()
        .unwrap();
    until("its end", || !alive(first));
    let bell = diary.dir.path().join("tty");
    std::fs::write(&bell, "").unwrap();
    let ring = || {
        let args = ["waiter", "--bell", bell.to_str().unwrap()];
        diary
            .command(&args)
            .env("NAPE_NOTIFY", &notifier)
            .spawn()
            .unwrap()
    };
    let mut waiter = ring();
    // One that ends at once found the lock not yet let go by the one ended: again.
    until("the new waiter", || {
        if waiter.try_wait().unwrap().is_some() {
            waiter = ring();
        }
        waiter_pid(&diary).is_some_and(|p| p != first && alive(p))
    });
    started_ago(&diary, 16);
    until("the end's call", || {
        notified(&log).contains("Heat session over")
    });
    until("its end", || waiter.try_wait().unwrap().is_some());
    assert_eq!(std::fs::read(&bell).unwrap(), b"\x07");
}

fn walk(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir).into_iter().flatten().flatten() {
        out.push(entry.path());
        out.extend(walk(&entry.path()));
    }
    out
}
