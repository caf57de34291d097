//! The one loop: wait for a key, a resize or the next deadline; update; draw only when changed.

use std::io::{self, IsTerminal};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use chrono::Utc;
use ratatui::crossterm::event::{self, Event, KeyEventKind};

use crate::app::{App, Msg};
use crate::{keys, ui};

/// After a signal, how long the loop has to finish by itself before the watcher ends the process.
const GRACE: Duration = Duration::from_millis(1500);

/// SIGTERM, SIGHUP and SIGINT set the returned flag, and the loop ends normally at its next wake-up,
/// restoring the terminal. When the terminal has hung up, crossterm 0.29 can spin reading EOF
/// inside `poll` and never return; so if the loop has not ended after GRACE, the watcher restores
/// the terminal and exits. That is safe at any moment: every save is atomic and already on disk.
fn watch_signals() -> io::Result<Arc<AtomicBool>> {
    use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};
    let stop = Arc::new(AtomicBool::new(false));
    let mut signals = signal_hook::iterator::Signals::new([SIGTERM, SIGHUP, SIGINT])?;
    let flag = Arc::clone(&stop);
    std::thread::spawn(move || {
        if signals.forever().next().is_some() {
            flag.store(true, Ordering::Relaxed);
            std::thread::sleep(GRACE);
            ratatui::restore();
            std::process::exit(0);
        }
    });
    Ok(stop)
}

/// How often the store is asked whether another process changed it (one stat of the lock file).
/// Other deadlines (midnight) fall on these wake-ups too.
const CHECK_EVERY: Duration = Duration::from_secs(1);

pub fn has_terminal() -> bool {
    io::stdin().is_terminal() && io::stdout().is_terminal()
}

pub fn run(app: &mut App) -> io::Result<()> {
    let stop = watch_signals()?;
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
