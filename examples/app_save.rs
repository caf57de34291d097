//! Benchmark helper: the cost of one check-in saved in the open app (key presses to the next
//! frame drawn), with an empty diary and with a full one, alternating so noise hits both alike.
//! Usage: cargo run --release --example app_save -- EMPTY_DIR FULL_DIR [saves]

use std::time::Instant;

use chrono::Utc;
use nape::app::{App, Msg};
use nape::clock::Zone;
use nape::diary::Diary;
use nape::store::DiskStore;
use nape::ui;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

/// The local state folder the shell's nape would use (NAPE_STATE_DIR, or the platform's).
fn state() -> std::path::PathBuf {
    std::env::var_os("NAPE_STATE_DIR")
        .map(Into::into)
        .unwrap_or_else(|| nape::store::default_state().expect("a state folder"))
}

fn open(dir: &str) -> App {
    let (store, _) = DiskStore::open(dir, &state()).expect("open the diary");
    App::with_diary(
        Diary::open(Box::new(store), Zone::Local, "en_GB.UTF-8", Utc::now()),
        Utc::now(),
        "en_GB.UTF-8",
    )
}

/// One quick check-in and the frame after it, in microseconds.
fn save(app: &mut App, terminal: &mut Terminal<TestBackend>) -> u128 {
    let start = Instant::now();
    app.update(Msg::Digit('4'), Utc::now());
    app.update(Msg::Enter, Utc::now());
    terminal.draw(|frame| ui::view(app, frame)).expect("draw");
    start.elapsed().as_micros()
}

fn median(mut v: Vec<u128>) -> u128 {
    v.sort_unstable();
    v[v.len() / 2]
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let (empty_dir, full_dir) = (&args[1], &args[2]);
    let saves: usize = args.get(3).and_then(|n| n.parse().ok()).unwrap_or(50);
    let (mut empty, mut full) = (open(empty_dir), open(full_dir));
    let mut terminal = Terminal::new(TestBackend::new(80, 24)).expect("terminal");
    let (mut e, mut f) = (Vec::new(), Vec::new());
    for _ in 0..saves {
        e.push(save(&mut empty, &mut terminal));
        f.push(save(&mut full, &mut terminal));
    }
    let (e, f) = (median(e), median(f));
    println!(
        "save in the open app, median of {saves}: empty {e} us, full {f} us, ratio {:.2}",
        f as f64 / e as f64
    );
}
