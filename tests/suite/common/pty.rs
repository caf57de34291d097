//! The real binary in a pseudo-terminal, read through a terminal emulator, as a person sees it.

use std::io::{Read, Write};
use std::num::NonZeroU16;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use portable_pty::{CommandBuilder, PtySize, native_pty_system};

use super::{BIN, Diary};

pub struct Session {
    pub screen: Arc<Mutex<vt100::Parser>>,
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
        let pty = native_pty_system()
            .openpty(PtySize {
                rows,
                cols,
                pixel_width: 0,
                pixel_height: 0,
            })
            .expect("a pseudo-terminal");
        let mut cmd = CommandBuilder::new(BIN);
        cmd.env("NAPE_DATA_DIR", diary.data());
        cmd.env("NAPE_CONFIG_DIR", diary.dir.path().join("config"));
        cmd.env("LANG", "en_GB.UTF-8");
        cmd.env("TERM", "xterm-256color");
        for (key, value) in env {
            cmd.env(key, value);
        }
        let child = pty.slave.spawn_command(cmd).expect("spawn nape");
        drop(pty.slave);
        let screen = Arc::new(Mutex::new(vt100::Parser::new(
            NonZeroU16::new(rows).unwrap(),
            NonZeroU16::new(cols).unwrap(),
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
        Session {
            screen,
            writer,
            child,
            master: pty.master,
        }
    }

    /// Resize the terminal, as a person dragging the window would.
    pub fn resize(&mut self, rows: u16, cols: u16) {
        self.screen.lock().unwrap().screen_mut().set_size(
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

    pub fn contents(&self) -> String {
        self.screen.lock().unwrap().screen().contents()
    }

    /// Wait, up to a deadline, until `text` is on screen.
    pub fn wait_for(&self, text: &str) {
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

    /// Wait, up to a deadline, until `text` is no longer on screen.
    pub fn wait_gone(&self, text: &str) {
        let deadline = Instant::now() + Duration::from_secs(10);
        while Instant::now() < deadline {
            if !self.contents().contains(text) {
                return;
            }
            std::thread::yield_now();
        }
        panic!("{text:?} stayed; the screen was:\n{}", self.contents());
    }

    pub fn send(&mut self, keys: &str) {
        self.writer.write_all(keys.as_bytes()).unwrap();
        self.writer.flush().unwrap();
    }

    /// Wait for the process to end, then for its last output to reach the screen. Returns its
    /// exit status and whether it left the alternate screen.
    pub fn wait_exit(&mut self) -> (bool, bool) {
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
