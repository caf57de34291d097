//! The banner's words and style follow the state: calm at rest, alarmed for a new sign, asking
//! about an old unassessed one, never "now" once assessed. Drawn at 80x24, with and without colour.

use crate::common;

use chrono::{DateTime, Duration, TimeZone, Utc};
use nape::app::{App, Msg, Screen};
use nape::domain::checkin::CheckIn;
use nape::domain::redflag::Assessment;
use nape::store::{MemoryStore, Record, Store};
use nape::ui;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::style::Modifier;

fn now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 3, 10, 9, 30, 0).unwrap()
}

/// A welcomed app whose diary holds `symptoms` reported `minutes` ago, and an assessment
/// `assessed` minutes ago if given.
fn app(report: Option<(i64, &str)>, assessed: Option<i64>, color: bool) -> App {
    let store = MemoryStore::new();
    let s: &dyn Store = &store;
    if let Some((minutes, sign)) = report {
        let at = now() - Duration::minutes(minutes);
        let body = CheckIn {
            symptoms: vec![sign.to_string()],
            ..CheckIn::new(at, 4)
        };
        s.add(&Record::new(body, at.date_naive(), at)).unwrap();
    }
    if let Some(minutes) = assessed {
        let at = now() - Duration::minutes(minutes);
        let body = Assessment {
            at,
            extra: Default::default(),
        };
        s.add(&Record::new(body, at.date_naive(), at)).unwrap();
    }
    let mut app = common::app::open(store, now());
    app.update(Msg::Enter, now()); // through the welcome
    app.set_color(color);
    app
}

/// Every row of the screen, and whether the banner's first cell is bold.
fn screen(app: &App) -> (Vec<String>, bool) {
    let mut terminal = Terminal::new(TestBackend::new(80, 24)).unwrap();
    terminal.draw(|frame| ui::view(app, frame)).unwrap();
    let buffer = terminal.backend().buffer();
    let rows = (0..24)
        .map(|y| (0..80).map(|x| buffer[(x, y)].symbol()).collect())
        .collect();
    (rows, buffer[(0, 0)].modifier.contains(Modifier::BOLD))
}

const DAY: i64 = 24 * 60;

#[test]
fn the_banner_says_what_state_the_person_is_in() {
    for color in [true, false] {
        let banner = |report, assessed| screen(&app(report, assessed, color));

        let (rest, bold) = banner(None, None);
        assert!(rest[0].starts_with("✚ Call 999"), "{}", rest[0]);
        // Sudden severe neck pain, not only a headache, is an emergency sign (CLINICAL.md).
        assert!(rest[0].contains("neck pain"), "{}", rest[0]);
        assert!(!bold, "at rest is calm, not the alarm style");

        let (new, bold) = banner(Some((60, "injury")), None);
        assert!(
            new[0].starts_with("‼ EMERGENCY: Call 999 now"),
            "{}",
            new[0]
        );
        assert!(bold);

        let (urgent, _) = banner(Some((60, "worsening-arm")), None);
        assert!(
            urgent[0].starts_with("! URGENT: Get medical care today"),
            "{}",
            urgent[0]
        );

        let (soon, _) = banner(Some((60, "arm-symptoms")), None);
        assert!(soon[0].starts_with("• SEE A CLINICIAN"), "{}", soon[0]);

        // Three days is still new; a minute more and it is asked about instead.
        let (three, _) = banner(Some((3 * DAY, "injury")), None);
        assert!(three[0].contains("Call 999 now"), "{}", three[0]);
        let (old, _) = banner(Some((3 * DAY + 1, "injury")), None);
        assert!(
            old[0].starts_with("‼ EMERGENCY reported 2026-03-07: neck pain after an injury"),
            "{}",
            old[0]
        );
        assert!(!old[..2].join(" ").contains(" now"), "{old:?}");

        let (assessed, _) = banner(Some((2 * DAY, "injury")), Some(DAY));
        assert!(
            assessed[0].starts_with("✓ Assessed 2026-03-09"),
            "{}",
            assessed[0]
        );
        assert!(!assessed[0].contains("now"), "{}", assessed[0]);
    }
}

#[test]
fn an_assessed_sign_on_the_red_flags_screen_never_says_call_now() {
    let mut a = app(Some((2 * DAY, "injury")), Some(DAY), true);
    a.update(Msg::Goto(Screen::Flags), now());
    let (rows, _) = screen(&a);
    let active = rows
        .iter()
        .position(|r| r.contains("EMERGENCY: neck pain after an injury ✓ assessed"))
        .expect("listed as assessed");
    let why = rows[active + 1..active + 3].join(" ");
    assert!(why.contains("New or worse signs: call 999."), "{why}");
    assert!(!why.contains("now"), "{why}");
}

/// The banner rows of `app` drawn at `width` x `height`.
fn banner_at(app: &App, width: u16, height: u16) -> String {
    let rows = if height >= 16 { 2 } else { 1 };
    common::draw::rows(app, width, height)[..rows].join(" ")
}

#[test]
fn the_emergency_number_is_in_the_banner_at_every_size() {
    let cases = [
        ("at rest", app(None, None, false)),
        ("new emergency", app(Some((60, "injury")), None, false)),
        (
            "emergency days old",
            app(Some((5 * DAY, "injury")), None, false),
        ),
        ("assessed", app(Some((2 * DAY, "injury")), Some(DAY), false)),
    ];
    for (state, app) in &cases {
        for width in 10..=120 {
            for height in [3, 12, 24] {
                let banner = banner_at(app, width, height);
                assert!(
                    banner.contains("999"),
                    "{state} at {width}x{height}: {banner:?}"
                );
            }
        }
    }
}
