//! The app drawn in memory at a size, as rows of text, for tests that read the screen.

use nape::app::App;
use nape::ui;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

/// Every row of `app` drawn at `width` x `height`.
pub fn rows(app: &App, width: u16, height: u16) -> Vec<String> {
    let mut terminal = Terminal::new(TestBackend::new(width, height)).expect("a test terminal");
    terminal.draw(|frame| ui::view(app, frame)).expect("draw");
    let buffer = terminal.backend().buffer();
    (0..height)
        .map(|y| (0..width).map(|x| buffer[(x, y)].symbol()).collect())
        .collect()
}

/// What the loop does after each frame: tell the model how far the page on show can scroll.
pub fn measure(app: &mut App, width: u16, height: u16, now: chrono::DateTime<chrono::Utc>) {
    if let Some(end) = ui::page_end(app, width, height) {
        app.update(nape::app::Msg::PageEnd(end), now);
    }
}
