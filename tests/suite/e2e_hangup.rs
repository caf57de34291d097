//! A terminal that goes away ends nape at once, with or without a hang-up signal: it never
//! spins on a dead terminal.

use crate::common;

use std::os::fd::OwnedFd;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use common::{BIN, Diary};
use rustix::fs::{Mode, OFlags};
use rustix::pty::{OpenptFlags, grantpt, openpt, ptsname, unlockpt};

/// A pseudo-terminal pair: the master (our side) and the slave (the program's side).
fn pty() -> (OwnedFd, OwnedFd) {
    let master =
        openpt(OpenptFlags::RDWR | OpenptFlags::NOCTTY | OpenptFlags::CLOEXEC).expect("openpt");
    grantpt(&master).expect("grantpt");
    unlockpt(&master).expect("unlockpt");
    let name = ptsname(&master, Vec::new()).expect("ptsname");
    let slave = rustix::fs::open(
        name.as_c_str(),
        OFlags::RDWR | OFlags::NOCTTY | OFlags::CLOEXEC,
        Mode::empty(),
    )
    .expect("open the slave");
    let size = rustix::termios::Winsize {
        ws_row: 24,
        ws_col: 80,
        ws_xpixel: 0,
        ws_ypixel: 0,
    };
    rustix::termios::tcsetwinsize(&slave, size).expect("window size");
    (master, slave)
}

/// The app on the slave side as its standard streams but not its controlling terminal, so
/// closing the master sends it no SIGHUP: as when the shell that started it ignores hang-ups.
fn start(diary: &Diary, slave: &OwnedFd) -> Child {
    let stream = || Stdio::from(slave.try_clone().expect("dup"));
    Command::new(BIN)
        .env("NAPE_DATA_DIR", diary.data())
        .env("NAPE_CONFIG_DIR", diary.dir.path().join("config"))
        .env("TERM", "xterm-256color")
        .env("LANG", "en_GB.UTF-8")
        .stdin(stream())
        .stdout(stream())
        .stderr(stream())
        .spawn()
        .expect("start nape")
}

/// Read what the app draws until `text` appears (or a deadline passes).
fn wait_for(master: &OwnedFd, text: &str) {
    let deadline = Instant::now() + Duration::from_secs(10);
    let mut seen = Vec::new();
    let mut buf = [0u8; 4096];
    while Instant::now() < deadline {
        let mut fds = [rustix::event::PollFd::new(
            master,
            rustix::event::PollFlags::IN,
        )];
        let timeout = rustix::event::Timespec {
            tv_sec: 0,
            tv_nsec: 50_000_000,
        };
        if rustix::event::poll(&mut fds, Some(&timeout)).unwrap_or(0) > 0
            && let Ok(n) = rustix::io::read(master, &mut buf)
        {
            seen.extend_from_slice(&buf[..n]);
            if String::from_utf8_lossy(&seen).contains(text) {
                return;
            }
        }
    }
    panic!("{text:?} never appeared");
}

/// Wait, up to a deadline, for the process to end; whether it did.
fn ends_within(child: &mut Child, limit: Duration) -> bool {
    let deadline = Instant::now() + limit;
    while Instant::now() < deadline {
        if child.try_wait().expect("try_wait").is_some() {
            return true;
        }
        std::thread::sleep(Duration::from_millis(10));
    }
    false
}

/// The app started on a diary, drawn, and then its terminal closed.
fn started_then_hung_up(diary: &Diary) -> Child {
    diary.ok(&["log", "--pain", "3"]);
    let (master, slave) = pty();
    let child = start(diary, &slave);
    drop(slave);
    wait_for(&master, "Welcome to nape");
    drop(master);
    child
}

#[test]
fn a_terminal_gone_without_a_hang_up_signal_ends_nape() {
    let diary = Diary::new();
    let mut child = started_then_hung_up(&diary);
    let ended = ends_within(&mut child, Duration::from_secs(10));
    if !ended {
        let _ = child.kill();
    }
    assert!(ended, "nape kept running after its terminal went away");
}

#[test]
fn a_hang_up_ends_nape_without_waiting_out_the_grace_period() {
    let diary = Diary::new();
    let mut child = started_then_hung_up(&diary);
    rustix::process::kill_process(
        rustix::process::Pid::from_child(&child),
        rustix::process::Signal::HUP,
    )
    .expect("SIGHUP");
    // How soon (well before the watcher's 1.5 s fallback): .ci/bench-app.
    assert!(ends_within(&mut child, Duration::from_secs(10)));
}
