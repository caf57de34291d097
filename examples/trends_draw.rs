//! Benchmark helper: a redraw of the Trends screen (span "all") against a redraw of Today, at
//! 120x40 over the same diary, alternating so noise hits both alike; and the time to work the
//! trends out once (which happens when the data, the day or the span changes, never per frame).
//! Usage: cargo run --release --example trends_draw -- DATA_DIR [draws]

use std::time::Instant;

use chrono::Utc;
use nape::app::{App, Msg, Screen};
use nape::clock::Zone;
use nape::diary::Diary;
use nape::domain::trends::{Span, Summary};
use nape::store::DiskStore;
use nape::ui;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

fn median(mut v: Vec<u128>) -> u128 {
    v.sort_unstable();
    v[v.len() / 2]
}

fn draw(app: &App, terminal: &mut Terminal<TestBackend>) -> u128 {
    let start = Instant::now();
    terminal.draw(|frame| ui::view(app, frame)).expect("draw");
    start.elapsed().as_micros()
}

/// The local state folder the shell's nape would use (NAPE_STATE_DIR, or the platform's).
fn state() -> std::path::PathBuf {
    std::env::var_os("NAPE_STATE_DIR")
        .map(Into::into)
        .unwrap_or_else(|| nape::store::default_state().expect("a state folder"))
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let draws: usize = args.get(2).and_then(|n| n.parse().ok()).unwrap_or(200);
    let open = || {
        let (store, _) = DiskStore::open(&args[1], &state()).expect("open the diary");
        App::with_diary(
            Diary::open(Box::new(store), Zone::Local, "en_GB.UTF-8", Utc::now()),
            Utc::now(),
            "en_GB.UTF-8",
        )
    };
    let (mut today, mut trends) = (open(), open());
    today.update(Msg::Goto(Screen::Today), Utc::now());
    trends.update(Msg::Goto(Screen::Trends), Utc::now());
    // SPAN=year for a year; "all" by default. From the shortest span up (the diary keeps the
    // last one chosen).
    let want = match std::env::var("SPAN").as_deref() {
        Ok("year") => Span::Year,
        _ => Span::All,
    };
    for _ in enum_iterator::all::<Span>() {
        trends.update(Msg::Left, Utc::now());
    }
    for _ in enum_iterator::all::<Span>() {
        if trends.trends().view(trends.diary()).span != want {
            trends.update(Msg::Right, Utc::now());
        }
    }
    let mut terminal = Terminal::new(TestBackend::new(120, 40)).expect("terminal");
    let (mut t, mut r) = (Vec::new(), Vec::new());
    for _ in 0..draws {
        t.push(draw(&today, &mut terminal));
        r.push(draw(&trends, &mut terminal));
    }
    let (t, r) = (median(t), median(r));
    println!(
        "redraw at 120x40, median of {draws}: Today {t} us, Trends ({}) {r} us, ratio {:.2}",
        want.label(),
        r as f64 / t as f64
    );
    let diary = trends.diary();
    let mut derive = Vec::new();
    for _ in 0..9 {
        let start = Instant::now();
        let summary = Summary::new(&diary.facts(), Span::All, trends.today());
        derive.push(start.elapsed().as_micros());
        std::hint::black_box(summary);
    }
    println!(
        "working the trends out (all of it, on a change), median of 9: {} us",
        median(derive)
    );
}
