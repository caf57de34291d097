//! The one loop: sleep until a key, a resize, a change in the data folder or the next deadline
//! (a running countdown's next second, or midnight); update; draw only when something changed.

use std::io::{self, IsTerminal};
use std::path::Path;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{self, RecvTimeoutError, Sender};
use std::time::Duration;

use ratatui::crossterm::event::{self, Event, KeyEvent, KeyEventKind, MouseEvent};

use crate::app::{App, Msg};
use crate::clock::Steady;
use crate::{keys, store, ui};

/// After a signal, how long the loop has to finish by itself before the watcher ends the process.
const GRACE: Duration = Duration::from_millis(1500);

/// Where file-system notification is not available, how often the store is looked at instead.
const POLL: Duration = Duration::from_secs(2);

/// What wakes the loop.
enum Wake {
    Key(KeyEvent),
    Mouse(MouseEvent),
    Resize,
    /// A data file may have changed.
    Data,
    /// A routine file of the person's may have changed.
    Routines,
    /// A signal asked nape to end, or the terminal has gone.
    Stop,
}

/// SIGTERM, SIGHUP and SIGINT set the returned flag and wake the loop, which ends normally,
/// restoring the terminal. If it has not ended after GRACE (a terminal that hung up can leave
/// crossterm stuck), the watcher restores the terminal and exits. That is safe at any moment:
/// every save is atomic and already on disk.
fn watch_signals(wake: Sender<Wake>) -> io::Result<Arc<AtomicBool>> {
    use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};
    let stop = Arc::new(AtomicBool::new(false));
    let mut signals = signal_hook::iterator::Signals::new([SIGTERM, SIGHUP, SIGINT])?;
    let flag = Arc::clone(&stop);
    std::thread::spawn(move || {
        if signals.forever().next().is_some() {
            flag.store(true, Ordering::Relaxed);
            let _ = wake.send(Wake::Stop);
            std::thread::sleep(GRACE);
            restore_quietly();
            std::process::exit(0);
        }
    });
    Ok(stop)
}

/// Put the terminal back as far as it can be, saying nothing: it may be gone.
fn restore_quietly() {
    use ratatui::crossterm::{cursor, execute, terminal};
    let _ = terminal::disable_raw_mode();
    let _ = execute!(io::stdout(), terminal::LeaveAlternateScreen, cursor::Show);
    release_mouse();
}

/// Give the mouse back to the terminal (harmless if it was never taken).
fn release_mouse() {
    let _ = ratatui::crossterm::execute!(io::stdout(), event::DisableMouseCapture);
}

/// The mouse, taken for clicks and the wheel while the app runs, and given back when it ends.
struct Mouse(bool);

impl Mouse {
    /// Take it if `wanted`. It is given back if nape panics too, before the panic is reported
    /// (ratatui's own hook restores the rest).
    fn take(wanted: bool) -> io::Result<Mouse> {
        if wanted {
            let hook = std::panic::take_hook();
            std::panic::set_hook(Box::new(move |info| {
                release_mouse();
                hook(info);
            }));
            ratatui::crossterm::execute!(io::stdout(), event::EnableMouseCapture)?;
        }
        Ok(Mouse(wanted))
    }
}

impl Drop for Mouse {
    fn drop(&mut self) {
        if self.0 {
            release_mouse();
        }
    }
}

/// Keys and resizes, read on their own thread so the loop can also wait for data changes.
fn read_input(wake: Sender<Wake>) {
    std::thread::spawn(move || {
        loop {
            let sent = match event::read() {
                Ok(Event::Key(key)) if key.kind == KeyEventKind::Press => wake.send(Wake::Key(key)),
                // Clicks and the wheel; not every move of the pointer.
                Ok(Event::Mouse(mouse)) if keys::clicked(mouse) => wake.send(Wake::Mouse(mouse)),
                Ok(Event::Resize(..)) => wake.send(Wake::Resize),
                Ok(_) => Ok(()),
                // The terminal is gone: end, restoring what can be restored.
                Err(_) => {
                    let _ = wake.send(Wake::Stop);
                    return;
                }
            };
            if sent.is_err() {
                return;
            }
        }
    });
}

/// The terminal going away without a SIGHUP (the shell that started nape ignores hang-ups) must
/// end nape too. crossterm's reader retries a dead terminal for ever, so this thread asks the
/// kernel directly: a poll for no events at all returns only on hang-up or error.
fn watch_hangup() {
    use rustix::event::{PollFd, PollFlags, poll};
    // The same terminal crossterm reads: standard input when it is one, else /dev/tty.
    let tty = if io::stdin().is_terminal() {
        rustix::stdio::stdin().try_clone_to_owned()
    } else {
        std::fs::File::open("/dev/tty").map(Into::into)
    };
    let Ok(tty) = tty else { return };
    std::thread::spawn(move || {
        loop {
            let mut fds = [PollFd::new(&tty, PollFlags::empty())];
            match poll(&mut fds, None) {
                Ok(_) => {
                    let gone = PollFlags::HUP | PollFlags::ERR | PollFlags::NVAL;
                    if fds[0].revents().intersects(gone) {
                        // Every save is already on disk. Ending here, not through the loop,
                        // because a restore that reports its failure on the dead terminal
                        // panics (and can hang in the panic hook).
                        restore_quietly();
                        std::process::exit(0);
                    }
                }
                Err(rustix::io::Errno::INTR) => {}
                Err(_) => return,
            }
        }
    });
}

pub fn has_terminal() -> bool {
    io::stdin().is_terminal() && io::stdout().is_terminal()
}

/// Run the app until it quits. `data` is the folder to watch for other processes' saves.
/// `config` is the config folder, whose `routines` are read again when they change. With
/// `mouse`, clicks and the wheel work too. With `state` (this desk's local state folder), each
/// session started leaves a waiter, which calls for the person once the app is closed.
pub fn run(
    app: &mut App,
    data: Option<&Path>,
    config: Option<&Path>,
    state: Option<&Path>,
    mouse: bool,
) -> io::Result<()> {
    let (tx, rx) = mpsc::channel();
    let stop = watch_signals(tx.clone())?;
    watch_hangup();
    // One wake-up per burst of changes: the flag is set until the loop has looked.
    let pending = Arc::new(AtomicBool::new(false));
    let (for_watch, pending_watch) = (tx.clone(), Arc::clone(&pending));
    let start_watching = move || {
        data.and_then(|root| {
            let (tx, pending) = (for_watch.clone(), Arc::clone(&pending_watch));
            store::watch(root, move || {
                if !pending.swap(true, Ordering::AcqRel) {
                    let _ = tx.send(Wake::Data);
                }
            })
        })
    };
    // The person's routine files, read again when one changes. Until the folder exists its
    // parent is watched, and the folder itself once it is made; whether it is yet, with the watch.
    let for_routines = tx.clone();
    let watch_routines = move |root: &Path| {
        let folder = root.join("routines");
        let made = folder.is_dir();
        let tx = for_routines.clone();
        let watched = if made { folder.as_path() } else { root };
        let watch = store::watch_folder(watched, move || {
            let _ = tx.send(Wake::Routines);
        });
        (watch, made)
    };
    let mut routines = config.map(&watch_routines);
    // Set up after the first frame: watching walks every folder and file of the diary, which a
    // long history makes slow. Anything saved meanwhile is read with the rest of the history.
    let (mut watch, mut poll, mut watching) = (None, false, false);
    let mut clock = Steady::new();
    ratatui::run(|terminal| {
        let _mouse = Mouse::take(mouse)?;
        // Where the last frame put what a click does.
        let mut hits = ui::Hits::default();
        read_input(tx);
        let mut dirty = true;
        // The terminal's size is asked only when it says it changed: asking opens /dev/tty,
        // which `draw` would do every frame, every second a countdown runs.
        let mut resized = true;
        // From zero, so a session that ended while nape was closed rings at start too.
        let mut rung = 0;
        let mut chimed = app.chime();
        let mut waited = None;
        let voice = crate::speech::program();
        app.set_voice(voice.is_some());
        loop {
            if dirty {
                if resized {
                    terminal.autoresize()?;
                    resized = false;
                    // The model knows the size so that keys do nothing unseen on a tiny one.
                    let area = terminal.get_frame().area();
                    app.update(Msg::Resized(area.width, area.height), clock.now());
                }
                let mut frame = terminal.get_frame();
                let area = frame.area();
                hits = ui::view_with_hits(app, &mut frame);
                terminal.apply_buffer()?;
                dirty = false;
                // What the view measured goes back to the model, which never calls the view.
                let end = ui::page_end(app, area.width, area.height);
                if let Some(end) = end.filter(|end| app.measured() != Some(*end)) {
                    dirty = app.update(Msg::PageEnd(end), clock.now());
                }
            }
            if app.bell() != rung {
                rung = app.bell();
                alert(terminal, needs_a_look(app, clock.now()))?;
            }
            if app.chime() != chimed {
                chimed = app.chime();
                ring(terminal)?;
            }
            // Cues of one moment as one utterance: each would cut off the one before.
            let words = app.take_speech();
            if let (Some(program), false) = (&voice, words.is_empty()) {
                crate::speech::say(program, &words.join(" "));
            }
            if app.quit() || stop.load(Ordering::Relaxed) {
                return Ok(());
            }
            // A session started or resumed, here or elsewhere, or running at start: its waiter
            // (a second one ends at once, so this is safe to repeat).
            let running = (app.diary().running())
                .filter(|r| !r.body.is_paused())
                .map(|r| r.id);
            if let (true, Some(data), Some(state)) =
                (running.is_some() && running != waited, data, state)
            {
                crate::cli::waiter::spawn(data, state);
            }
            waited = running;
            if !watching {
                watching = true;
                watch = start_watching();
                poll = watch.is_none();
            }
            if app.diary().checking() {
                dirty |= app.update(Msg::ReadHistory, clock.now());
                continue;
            }
            let mut wait = app.next_wake(clock.now());
            if poll {
                wait = wait.min(POLL);
            }
            match rx.recv_timeout(wait) {
                Ok(Wake::Key(key)) => {
                    // Any key goes to the model: one with no binding still closes a message.
                    let msg = keys::map(app.focus(), key).unwrap_or(Msg::Other);
                    dirty |= app.update(msg, clock.now());
                }
                Ok(Wake::Mouse(event)) => {
                    let msg = mouse.then(|| keys::mouse(app.focus(), event, &hits));
                    if let Some(msg) = msg.flatten() {
                        dirty |= app.update(msg, clock.now());
                    }
                }
                Ok(Wake::Resize) => (dirty, resized) = (true, true),
                Ok(Wake::Routines) => {
                    if let Some(root) = config {
                        if routines.as_ref().is_some_and(|(_, made)| !made) {
                            routines = Some(watch_routines(root));
                        }
                        let files = store::routines::read(root);
                        app.set_library(crate::domain::stretch::Library::with_user(&files));
                        dirty = true;
                    }
                }
                Ok(Wake::Data) => {
                    pending.store(false, Ordering::Release);
                    dirty |= app.update(Msg::DataChanged, clock.now());
                }
                Ok(Wake::Stop) | Err(RecvTimeoutError::Disconnected) => return Ok(()),
                Err(RecvTimeoutError::Timeout) => {
                    let msg = if poll { Msg::DataChanged } else { Msg::Tick };
                    dirty |= app.update(msg, clock.now());
                }
            }
        }
    })
}

/// The terminal bell alone: a routine's cue.
fn ring(terminal: &mut ratatui::DefaultTerminal) -> io::Result<()> {
    use std::io::Write;
    let out = terminal.backend_mut();
    out.write_all(b"\x07")?;
    out.flush()
}

/// The terminal bell, and a desktop notification where a session bus takes one, saying `words`.
fn alert(terminal: &mut ratatui::DefaultTerminal, words: String) -> io::Result<()> {
    use std::io::Write;
    let out = terminal.backend_mut();
    out.write_all(b"\x07")?;
    out.flush()?;
    // On its own thread: the loop never waits for the desktop.
    std::thread::spawn(move || crate::cli::waiter::notify(&words));
    Ok(())
}

/// What the bell is for, for a notification: the session's call (a skin check, its end), as the
/// waiter says it, or that a warning sign needs attention. Never diary text, nor a sign's name.
fn needs_a_look(app: &App, now: chrono::DateTime<chrono::Utc>) -> String {
    use crate::domain::therapy::Call;
    if app.alert().is_some() {
        return "A warning sign needs your attention now: look at nape.".into();
    }
    let Some(session) = app.diary().sessions().last().map(|s| &s.body) else {
        return "A cold or heat session needs a look.".into();
    };
    let marks = &crate::domain::therapy::limits::bounds().skin_check_minutes;
    let mut calls = session.calls(marks, now);
    if calls.is_empty() {
        // Rung for the end, which the app has just recorded.
        calls.push(Call::Over);
    }
    let words: Vec<String> = calls.iter().map(|c| c.words(session.kind)).collect();
    words.join(" ")
}
