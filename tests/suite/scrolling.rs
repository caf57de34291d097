//! Help and Red flags stop scrolling at their end: Up after holding Down moves at once.

use crate::common;

use chrono::{DateTime, TimeZone, Utc};
use nape::app::{App, Msg, Screen};
use nape::store::MemoryStore;

fn now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 3, 10, 9, 30, 0).unwrap()
}

fn app_at(width: u16, height: u16) -> App {
    let mut app = common::app::open(MemoryStore::new(), now());
    app.update(Msg::Resized(width, height), now());
    app.update(Msg::Enter, now());
    app
}

#[test]
fn up_after_scrolling_past_the_end_moves_the_page_at_once() {
    for screen in [Screen::Help, Screen::Flags] {
        for (width, height) in [(80, 24), (40, 12)] {
            let mut app = app_at(width, height);
            app.update(Msg::Goto(screen), now());
            common::draw::measure(&mut app, width, height, now());
            for _ in 0..400 {
                app.update(Msg::Down, now());
            }
            let end = common::draw::rows(&app, width, height);
            app.update(Msg::Down, now());
            assert_eq!(
                common::draw::rows(&app, width, height),
                end,
                "the end stays"
            );
            app.update(Msg::Up, now());
            let up = common::draw::rows(&app, width, height);
            assert_ne!(up, end, "{screen:?} at {width}x{height}: one Up moves");
            // And the end is the end: the last line is on screen.
            let last = if screen == Screen::Help {
                "["
            } else {
                "nape does not diagnose"
            };
            assert!(end.iter().any(|r| r.contains(last)), "{end:#?}");
        }
    }
}
