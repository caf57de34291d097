use chrono::{Duration, Utc};
use nape::app::{App, Msg, Screen};
use nape::clock::Zone;
use nape::domain::therapy::PackKind;
use nape::store::MemoryStore;
use nape::ui;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::widgets::Paragraph;
use std::time::Instant;

fn main() {
    let frames = 20000i64;
    let start = Utc::now();
    let mut app = App::new(
        Box::new(MemoryStore::new()),
        Zone::Local,
        start,
        "en_GB.UTF-8",
    );
    app.update(Msg::Enter, start);
    app.update(Msg::Goto(Screen::Timers), start);
    app.update(Msg::StartTimer(Some(PackKind::Cold)), start);
    for screen in [Screen::Timers, Screen::Today, Screen::Help] {
        app.update(Msg::Goto(screen), start);
        let mut terminal = Terminal::new(TestBackend::new(80, 24)).unwrap();
        let t = Instant::now();
        for i in 0..frames {
            let now = start + Duration::milliseconds(i * 1000 % 800_000);
            app.update(Msg::Tick, now);
            terminal.draw(|frame| ui::view(&app, frame)).unwrap();
        }
        println!(
            "{screen:?}: {:.1} us",
            t.elapsed().as_nanos() as f64 / frames as f64 / 1000.0
        );
    }
    let mut terminal = Terminal::new(TestBackend::new(80, 24)).unwrap();
    let t = Instant::now();
    for i in 0..frames {
        terminal
            .draw(|f| f.render_widget(Paragraph::new(format!("{} left", i)), f.area()))
            .unwrap();
    }
    println!(
        "countdown: {:.1} us",
        t.elapsed().as_nanos() as f64 / frames as f64 / 1000.0
    );
    let mut terminal = Terminal::new(TestBackend::new(80, 24)).unwrap();
    let t = Instant::now();
    for _ in 0..frames {
        app.update(Msg::Tick, start);
    }
    println!(
        "tick only: {:.1} us",
        t.elapsed().as_nanos() as f64 / frames as f64 / 1000.0
    );
    let _ = &mut terminal;
}
