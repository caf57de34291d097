//! The real binary in a pseudo-terminal, read through a terminal emulator, as a person sees it.

mod common;

use std::io::{Read, Write};
use std::num::NonZeroU16;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use common::{BIN, Diary};
use portable_pty::{CommandBuilder, PtySize, native_pty_system};

struct Session {
    screen: Arc<Mutex<vt100::Parser>>,
    writer: Box<dyn Write + Send>,
    child: Box<dyn portable_pty::Child + Send + Sync>,
}

impl Session {
    fn start(diary: &Diary) -> Session {
        let pty = native_pty_system()
            .openpty(PtySize {
                rows: 24,
                cols: 80,
                pixel_width: 0,
                pixel_height: 0,
            })
            .expect("a pseudo-terminal");
        let mut cmd = CommandBuilder::new(BIN);
        cmd.env("NAPE_DATA_DIR", diary.data());
        cmd.env("NAPE_CONFIG_DIR", diary.dir.path().join("config"));
        cmd.env("LANG", "en_GB.UTF-8");
        cmd.env("TERM", "xterm-256color");
        let child = pty.slave.spawn_command(cmd).expect("spawn nape");
        drop(pty.slave);
        let screen = Arc::new(Mutex::new(vt100::Parser::new(
            NonZeroU16::new(24).unwrap(),
            NonZeroU16::new(80).unwrap(),
            0,
        )));
        let mut reader = pty.master.try_clone_reader().unwrap();
        let feed = Arc::clone(&screen);
        std::thread::spawn(move || {
            let mut buf = [0u8; 4096];
            while let Ok(n) = reader.read(&mut buf) {
                if n == 0 {
                    break;
                }
                feed.lock().unwrap().process(&buf[..n]);
            }
        });
        let writer = pty.master.take_writer().unwrap();
        // The master must live as long as the session; leak it into the reader's lifetime.
        std::mem::forget(pty.master);
        Session {
            screen,
            writer,
            child,
        }
    }

    fn contents(&self) -> String {
        self.screen.lock().unwrap().screen().contents()
    }

    /// Wait, up to a deadline, until `text` is on screen.
    fn wait_for(&self, text: &str) {
        let deadline = Instant::now() + Duration::from_secs(10);
        while Instant::now() < deadline {
            if self.contents().contains(text) {
                return;
            }
            std::thread::yield_now();
        }
        panic!(
            "{text:?} never appeared; the screen was:\n{}",
            self.contents()
        );
    }

    fn send(&mut self, keys: &str) {
        self.writer.write_all(keys.as_bytes()).unwrap();
        self.writer.flush().unwrap();
    }

    /// Wait for the process to end, then for its last output to reach the screen. Returns its
    /// exit status and whether it left the alternate screen.
    fn wait_exit(&mut self) -> (bool, bool) {
        let deadline = Instant::now() + Duration::from_secs(10);
        let mut success = None;
        while Instant::now() < deadline {
            if success.is_none() {
                success = self
                    .child
                    .try_wait()
                    .unwrap()
                    .map(|status| status.success());
            }
            let restored = !self.screen.lock().unwrap().screen().alternate_screen();
            if let Some(ok) = success
                && restored
            {
                return (ok, restored);
            }
            std::thread::yield_now();
        }
        let restored = !self.screen.lock().unwrap().screen().alternate_screen();
        match success {
            Some(ok) => (ok, restored),
            None => panic!("nape did not exit; the screen was:\n{}", self.contents()),
        }
    }
}

const DOWN: &str = "\x1b[B";

#[test]
fn first_run_a_fast_check_in_and_quit_then_export_holds_it() {
    let diary = Diary::new();
    let mut app = Session::start(&diary);
    app.wait_for("Welcome to nape");
    app.wait_for("Emergency number: 999");
    app.send("\r");
    app.wait_for("Pain now?");
    app.send("7");
    app.wait_for("Pain now:  7");
    app.send("\r");
    app.wait_for("pain 7");
    app.send("q");
    let (ok, restored) = app.wait_exit();
    assert!(ok && restored, "quit cleanly and restored the terminal");

    let export: serde_json::Value = serde_json::from_str(&diary.ok(&["export"])).unwrap();
    let checkins = export["collections"]["checkins"].as_array().unwrap();
    assert_eq!(checkins.len(), 1);
    assert_eq!(checkins[0]["pain"], 7);
    assert_eq!(
        export["collections"]["settings"][0]["emergency_number"],
        "999"
    );
}

#[test]
fn an_emergency_answer_in_the_form_raises_the_emergency_banner() {
    let diary = Diary::new();
    let mut app = Session::start(&diary);
    app.wait_for("Welcome to nape");
    app.send("\r");
    app.wait_for("Pain now?");
    app.send("a");
    app.wait_for("New check-in");
    app.send("3");
    // Past the other text fields, the places and the symptoms, to the first warning sign.
    app.send(&DOWN.repeat(19));
    app.wait_for("› [ ] Face drooping");
    app.send(" \r");
    app.wait_for("‼ EMERGENCY: Call 999 now");
    app.send("i");
    app.wait_for("Locked: stroke signs");
    // SIGTERM ends it cleanly too.
    let pid = app.child.process_id().unwrap();
    std::process::Command::new("kill")
        .args(["-TERM", &pid.to_string()])
        .status()
        .unwrap();
    let (ok, restored) = app.wait_exit();
    assert!(ok, "SIGTERM ends nape with success");
    assert!(restored, "the terminal is restored");
}

#[test]
fn a_check_in_from_the_shell_shows_in_the_open_app() {
    let diary = Diary::new();
    let mut app = Session::start(&diary);
    app.wait_for("Welcome to nape");
    app.send("\r");
    app.wait_for("No check-ins yet today.");
    let started = Instant::now();
    diary.ok(&["log", "--pain", "5", "--note", "from another terminal"]);
    app.wait_for("from another terminal");
    assert!(
        started.elapsed() < Duration::from_secs(2),
        "took {:?}",
        started.elapsed()
    );
    app.send("\x03"); // Ctrl-C
    assert!(app.wait_exit().0);
}
