//! The real binary in a pseudo-terminal, read through a terminal emulator, as a person sees it.

use std::io::{Read, Write};
use std::num::NonZeroU16;
use std::sync::{Arc, Condvar, Mutex};
use std::time::Duration;

use portable_pty::{CommandBuilder, PtySize, native_pty_system};

use super::{BIN, Diary};

/// How long any wait may take before the test fails.
const PATIENCE: Duration = Duration::from_secs(10);

/// What the reader thread keeps: the emulated screen, and whether the program's side of the
/// terminal closed (it ended).
struct Seen {
    parser: vt100::Parser,
    closed: bool,
}

pub struct Session {
    /// Told each time the reader has fed the screen, so waits block instead of spinning.
    seen: Arc<(Mutex<Seen>, Condvar)>,
    pub writer: Box<dyn Write + Send>,
    pub child: Box<dyn portable_pty::Child + Send + Sync>,
    /// Kept for resizing; the session's terminal lives as long as it does.
    master: Box<dyn portable_pty::MasterPty + Send>,
}

impl Session {
    pub fn start(diary: &Diary) -> Session {
        Session::start_sized(diary, 24, 80)
    }

    pub fn start_sized(diary: &Diary, rows: u16, cols: u16) -> Session {
        Session::start_with(diary, rows, cols, &[])
    }

    /// As `start_sized`, with more environment variables.
    pub fn start_with(diary: &Diary, rows: u16, cols: u16, env: &[(&str, &str)]) -> Session {
        Session::run(diary, &[], rows, cols, env)
    }

    /// `nape` with `args` in a terminal of `rows` x `cols` (a command that asks, or the app).
    pub fn run(
        diary: &Diary,
        args: &[&str],
        rows: u16,
        cols: u16,
        env: &[(&str, &str)],
    ) -> Session {
        let pty = native_pty_system()
            .openpty(PtySize {
                rows,
                cols,
                pixel_width: 0,
                pixel_height: 0,
            })
            .expect("a pseudo-terminal");
        let mut cmd = CommandBuilder::new(BIN);
        cmd.args(args);
        cmd.env("NAPE_DATA_DIR", diary.data());
        cmd.env("NAPE_CONFIG_DIR", diary.dir.path().join("config"));
        cmd.env("NAPE_STATE_DIR", diary.dir.path().join("state"));
        cmd.env("LANG", "en_GB.UTF-8");
        cmd.env("TERM", "xterm-256color");
        for (key, value) in env {
            cmd.env(key, value);
        }
        let child = pty.slave.spawn_command(cmd).expect("spawn nape");
        drop(pty.slave);
        let parser = vt100::Parser::new(
            NonZeroU16::new(rows).unwrap(),
            NonZeroU16::new(cols).unwrap(),
            0,
        );
        let seen = Arc::new((
            Mutex::new(Seen {
                parser,
                closed: false,
            }),
            Condvar::new(),
        ));
        let mut reader = pty.master.try_clone_reader().unwrap();
        let feed = Arc::clone(&seen);
        std::thread::spawn(move || {
            let mut buf = [0u8; 4096];
            loop {
                let n = reader.read(&mut buf).unwrap_or(0);
                let (lock, told) = &*feed;
                let mut seen = lock.lock().unwrap();
                if n == 0 {
                    seen.closed = true;
                    told.notify_all();
                    break;
                }
                seen.parser.process(&buf[..n]);
                told.notify_all();
            }
        });
        let writer = pty.master.take_writer().unwrap();
        Session {
            seen,
            writer,
            child,
            master: pty.master,
        }
    }

    /// Resize the terminal, as a person dragging the window would.
    pub fn resize(&mut self, rows: u16, cols: u16) {
        self.seen.0.lock().unwrap().parser.screen_mut().set_size(
            NonZeroU16::new(rows).unwrap(),
            NonZeroU16::new(cols).unwrap(),
        );
        self.master
            .resize(PtySize {
                rows,
                cols,
                pixel_width: 0,
                pixel_height: 0,
            })
            .unwrap();
    }

    /// Whether the program asked the terminal to report the mouse.
    pub fn mouse_reported(&self) -> bool {
        let seen = self.seen.0.lock().unwrap();
        seen.parser.screen().mouse_protocol_mode() != vt100::MouseProtocolMode::None
    }

    /// A left click at `column`, `row` (from 0), as a terminal reports it (SGR).
    pub fn click(&mut self, column: usize, row: usize) {
        let (x, y) = (column + 1, row + 1);
        self.send(&format!("\x1b[<0;{x};{y}M\x1b[<0;{x};{y}m"));
    }

    /// A turn of the wheel at `column`, `row`, down or up.
    pub fn wheel(&mut self, column: usize, row: usize, down: bool) {
        let button = if down { 65 } else { 64 };
        self.send(&format!("\x1b[<{button};{};{}M", column + 1, row + 1));
    }

    /// A click on `text` where the screen shows it (its first character).
    pub fn click_on(&mut self, text: &str) {
        let screen = self.wait_until(&format!("{text:?}"), |s| s.contains(text));
        let (row, line) = (screen.lines().enumerate())
            .find(|(_, line)| line.contains(text))
            .unwrap();
        let column = line[..line.find(text).unwrap()].chars().count();
        self.click(column, row);
    }

    pub fn contents(&self) -> String {
        self.seen.0.lock().unwrap().parser.screen().contents()
    }

    /// Block until `done` holds of what was seen, each time the reader feeds the screen, up to
    /// a deadline. Whether it came to hold.
    fn until(&self, done: impl Fn(&Seen) -> bool) -> bool {
        let (lock, told) = &*self.seen;
        let seen = lock.lock().unwrap();
        let (seen, _) = told
            .wait_timeout_while(seen, PATIENCE, |seen| !done(seen))
            .unwrap();
        done(&seen)
    }

    /// Wait, up to a deadline, until the screen's text passes `test`; that text.
    pub fn wait_until(&self, what: &str, test: impl Fn(&str) -> bool) -> String {
        if !self.until(|seen| test(&seen.parser.screen().contents())) {
            panic!("{what} never came; the screen was:\n{}", self.contents());
        }
        self.contents()
    }

    /// Wait, up to a deadline, until `text` is on screen.
    pub fn wait_for(&self, text: &str) {
        self.wait_until(&format!("{text:?}"), |screen| screen.contains(text));
    }

    /// Wait, up to a deadline, until `text` is no longer on screen.
    pub fn wait_gone(&self, text: &str) {
        let what = format!("the end of {text:?}");
        self.wait_until(&what, |screen| !screen.contains(text));
    }

    pub fn send(&mut self, keys: &str) {
        self.writer.write_all(keys.as_bytes()).unwrap();
        self.writer.flush().unwrap();
    }

    /// Wait for the process to end, then for its last output to reach the screen. Returns its
    /// exit status and whether it left the alternate screen.
    pub fn wait_exit(&mut self) -> (bool, bool) {
        // The reader sees the terminal close once the program has ended and all it wrote is
        // on the screen.
        if !self.until(|seen| seen.closed) {
            panic!("nape did not exit; the screen was:\n{}", self.contents());
        }
        let ok = self.child.wait().unwrap().success();
        let restored = !self
            .seen
            .0
            .lock()
            .unwrap()
            .parser
            .screen()
            .alternate_screen();
        (ok, restored)
    }
}
