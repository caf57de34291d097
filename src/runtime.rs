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

pub fn has_terminal() -> bool {
    io::stdin().is_terminal() && io::stdout().is_terminal()
}

pub fn run(app: &mut App) -> io::Result<()> {
    let stop = watch_signals()?;
    ratatui::run(|terminal| {
        let mut dirty = true;
        // From zero, so a session that ended while nape was closed rings at start too.
        let mut rung = 0;
        loop {
            if dirty {
                terminal.draw(|frame| ui::view(app, frame))?;
                dirty = false;
            }
            if app.bell != rung {
                rung = app.bell;
                alert(terminal)?;
            }
            if app.quit || stop.load(Ordering::Relaxed) {
                return Ok(());
            }
            // At most a second: also when the store is checked for other processes' changes.
            if event::poll(app.next_wake(Utc::now()))? {
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

/// The terminal bell, and a desktop notification where `notify-send` exists. The notification
/// carries no diary text, only that a session needs a look.
fn alert(terminal: &mut ratatui::DefaultTerminal) -> io::Result<()> {
    use std::io::Write;
    let out = terminal.backend_mut();
    out.write_all(b"\x07")?;
    out.flush()?;
    let notify = std::process::Command::new("notify-send")
        .args(["nape", "A cold or heat session needs a look."])
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn();
    if let Ok(mut child) = notify {
        std::thread::spawn(move || child.wait()); // reaped, so it leaves no zombie
    }
    Ok(())
}
