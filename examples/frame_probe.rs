//! Benchmark helper: what one frame costs to draw in memory (a tick, then the view into an 80x24
//! buffer and the diff) on Timers with a cold session running, on Today and on Help, against the
//! minimal countdown's frame. Usage: cargo run --release --example frame_probe [frames]

use std::time::Instant;

use chrono::{Duration, Utc};
use nape::app::{App, Msg, Screen};
use nape::clock::Zone;
use nape::diary::Diary;
use nape::domain::therapy::PackKind;
use nape::store::MemoryStore;
use nape::ui;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::widgets::Paragraph;

fn main() {
    let frames: i64 = std::env::args()
        .nth(1)
        .and_then(|n| n.parse().ok())
        .unwrap_or(20_000);
    let per_frame = |start: Instant| start.elapsed().as_nanos() as f64 / frames as f64 / 1000.0;
    let start = Utc::now();
    let mut app = App::with_diary(
        Diary::open(
            Box::new(MemoryStore::new()),
            Zone::Local,
            "en_GB.UTF-8",
            start,
        ),
        start,
        "en_GB.UTF-8",
    );
    app.update(Msg::Enter, start);
    app.update(Msg::Goto(Screen::Timers), start);
    app.update(Msg::StartTimer(Some(PackKind::Cold)), start);
    for screen in [Screen::Timers, Screen::Today, Screen::Help] {
        app.update(Msg::Goto(screen), start);
        let mut terminal = Terminal::new(TestBackend::new(80, 24)).expect("terminal");
        let began = Instant::now();
        for i in 0..frames {
            // One second a frame, within the 15-minute session.
            let now = start + Duration::seconds(i % 800);
            app.update(Msg::Tick, now);
            terminal.draw(|frame| ui::view(&app, frame)).expect("draw");
        }
        println!("{screen:?}: {:.1} us a frame", per_frame(began));
    }
    let mut terminal = Terminal::new(TestBackend::new(80, 24)).expect("terminal");
    let began = Instant::now();
    for i in 0..frames {
        let text = format!("{}:{:02} left", i / 60 % 20, i % 60);
        terminal
            .draw(|f| f.render_widget(Paragraph::new(text), f.area()))
            .expect("draw");
    }
    println!("minimal countdown: {:.1} us a frame", per_frame(began));
}
