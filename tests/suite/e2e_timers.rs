//! Timers with the real binary: the shell and the app see the same session, and time passes
//! correctly while nape is closed or killed.

use crate::common;

use chrono::Utc;
use common::Diary;
use common::pty::Session;
use nape::domain::therapy::{PackKind, Session as Pack};
use nape::store::{Record, Store};

/// Settings as the welcome would store them, so the app opens on Today.
fn welcomed(diary: &Diary) {
    let mut app = Session::start(diary);
    app.wait_for("Welcome to nape");
    app.send("\r");
    app.wait_for("Pain now?");
    app.send("q");
    assert!(app.wait_exit().0);
}

#[test]
fn a_session_started_from_the_shell_shows_the_right_time_in_the_app() {
    let diary = Diary::new();
    welcomed(&diary);
    let out = diary.ok(&["timer", "start", "cold", "--minutes", "10"]);
    assert!(out.contains("Cold session started: 10 minutes"), "{out}");
    let mut app = Session::start(&diary);
    // 10:00 just started, so 9:5x or 10:00 left, beside the banner on every screen.
    app.wait_until("the countdown", |screen| {
        screen.contains("❄ Cold 9:5") || screen.contains("❄ Cold 10:00")
    });
    // And the reverse: paused in the app, seen from the shell.
    app.send("ip");
    app.wait_for("(paused)");
    let status = diary.ok(&["timer", "status"]);
    assert!(status.contains("paused"), "{status}");
    // A stop from the shell shows in the open app (how soon: .ci/bench-app).
    diary.ok(&["timer", "stop", "--pain", "3"]);
    app.wait_gone("left of");
    app.send("\x03");
    assert!(app.wait_exit().0);
}

#[test]
fn killed_mid_session_the_next_start_shows_the_time_left() {
    let diary = Diary::new();
    welcomed(&diary);
    diary.ok(&["timer", "start", "cold", "--minutes", "10"]);
    let mut first = Session::start(&diary);
    first.wait_for("❄ Cold");
    first.child.kill().unwrap(); // SIGKILL: no chance to save anything on the way out
    first.child.wait().unwrap();
    let mut second = Session::start(&diary);
    second.wait_for("❄ Cold 9:");
    second.send("q");
    assert!(second.wait_exit().0);
}

#[test]
fn a_session_that_ended_while_closed_is_logged_at_its_end() {
    let diary = Diary::new();
    welcomed(&diary);
    // A 5-minute session that began 30 minutes ago, as if nape had been closed since.
    let (store, _) = common::disk_store(&diary.data());
    let started = Utc::now() - chrono::Duration::minutes(30);
    let session = Pack::new(PackKind::Cold, 5, started);
    let record = Record::new(session, started.date_naive(), started);
    (&store as &dyn Store).add(&record).unwrap();

    let mut app = Session::start(&diary);
    app.wait_for("Cold session ended 25 minutes ago.");
    app.send("q");
    assert!(app.wait_exit().0);
    let export: serde_json::Value = serde_json::from_str(&diary.ok(&["export"])).unwrap();
    let saved = &export["collections"]["therapy"][0];
    assert_eq!(saved["end_reason"], "finished");
    let ended: chrono::DateTime<Utc> = saved["ended_at"].as_str().unwrap().parse().unwrap();
    assert_eq!(ended, started + chrono::Duration::minutes(5));
}

#[test]
fn quitting_while_a_timer_runs_says_it_keeps_running() {
    let diary = Diary::new();
    welcomed(&diary);
    diary.ok(&["timer", "start", "cold", "--minutes", "10"]);
    let mut app = Session::start(&diary);
    app.wait_for("❄ Cold");
    app.send("q");
    assert!(app.wait_exit().0);
    app.wait_for("keeps running");
    app.wait_for("nape status");
}

/// Rules 1 and 2 across two processes: a sign logged in the shell interrupts the open app,
/// pauses its session (the shell says so too), and its Timers footer then offers only stop.
#[test]
fn a_sign_logged_in_the_shell_interrupts_the_open_app_and_locks_its_timer() {
    let diary = Diary::new();
    welcomed(&diary);
    diary.ok(&["timer", "start", "cold"]);
    let mut app = Session::start(&diary);
    app.wait_for("❄ Cold");
    let out = diary.ok(&["log", "4", "-s", "weakness"]);
    assert!(out.contains("EMERGENCY") && out.contains("paused"), "{out}");
    app.wait_for("EMERGENCY: call 999 now");
    app.send("\r"); // read
    app.send("i");
    let footer = app.wait_until("the locked footer", |screen| screen.contains("x stop"));
    assert!(
        !footer.contains("p pause") && !footer.contains("p resume"),
        "{footer}"
    );
    assert!(footer.contains("(paused)"), "{footer}");
    app.send("\x03");
    assert!(app.wait_exit().0);
}

/// Rule 3 across two processes: what the app said about its session is replaced when the shell
/// changes it.
#[test]
fn the_apps_paused_message_is_replaced_when_the_shell_resumes_the_session() {
    let diary = Diary::new();
    welcomed(&diary);
    diary.ok(&["timer", "start", "cold"]);
    let mut app = Session::start(&diary);
    app.wait_for("❄ Cold");
    app.send("ip");
    app.wait_for("Paused: the cold session");
    diary.ok(&["timer", "resume"]);
    let screen = app.wait_until("the message replaced", |s| {
        s.contains("Cold session running")
    });
    assert!(!screen.contains("Paused:"), "{screen}");
    app.send("\x03");
    assert!(app.wait_exit().0);
}
