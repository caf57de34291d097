//! The one loop: wait for a key, a resize or the next deadline; update; draw only when changed.

use std::io::{self, IsTerminal};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use chrono::Utc;
use ratatui::crossterm::event::{self, Event, KeyEventKind};

use crate::app::{App, Msg};
use crate::{keys, ui};

/// How often the store is asked whether another process changed it (one stat of the lock file).
/// Other deadlines (midnight) fall on these wake-ups too.
const CHECK_EVERY: Duration = Duration::from_secs(1);

pub fn has_terminal() -> bool {
    io::stdin().is_terminal() && io::stdout().is_terminal()
}

pub fn run(app: &mut App) -> io::Result<()> {
    // SIGTERM, SIGHUP and SIGINT end the loop normally, so the terminal is restored on the way out.
    let stop = Arc::new(AtomicBool::new(false));
    for signal in [
        signal_hook::consts::SIGTERM,
        signal_hook::consts::SIGHUP,
        signal_hook::consts::SIGINT,
    ] {
        signal_hook::flag::register(signal, Arc::clone(&stop))?;
    }
    ratatui::run(|terminal| {
        let mut dirty = true;
        loop {
            if dirty {
                terminal.draw(|frame| ui::view(app, frame))?;
                dirty = false;
            }
            if app.quit || stop.load(Ordering::Relaxed) {
                return Ok(());
            }
            if event::poll(CHECK_EVERY)? {
                match event::read()? {
                    Event::Key(key) if key.kind == KeyEventKind::Press => {
                        if let Some(msg) = keys::map(app, key) {
                            dirty |= app.update(msg, Utc::now());
                        }
                    }
                    Event::Resize(..) => dirty = true,
                    _ => {}
                }
            } else {
                dirty |= app.update(Msg::Tick, Utc::now());
            }
        }
    })
}
