//! `nape undo` through the real binary: the last change to a check-in made on this computer,
//! by the shell or the app, taken back and named; never one another desk has changed since.

use crate::common;

use common::Diary;
use common::pty::Session;

fn pains(diary: &Diary) -> Vec<u64> {
    let list: serde_json::Value =
        serde_json::from_str(&diary.ok(&["list", "--days", "30", "--json"])).unwrap();
    let rows = list.as_array().unwrap();
    rows.iter().map(|r| r["pain"].as_u64().unwrap()).collect()
}

#[test]
fn undo_takes_back_adds_edits_and_deletes_one_at_a_time_and_says_which() {
    let diary = Diary::new();
    diary.ok(&["log", "5", "--at", "08:00"]);
    diary.ok(&["log", "7", "--at", "09:00"]);
    let id = common::saved_id(&diary.ok(&["log", "3", "--at", "10:00"])).unwrap();
    diary.ok(&["edit", &id, "--pain", "4"]);
    diary.ok(&["delete", &id, "--yes"]);
    assert_eq!(pains(&diary), [5, 7]);

    let said = diary.ok(&["undo"]);
    assert!(
        said.contains("Undone: a delete") && said.contains("pain 4"),
        "{said}"
    );
    assert_eq!(pains(&diary), [5, 7, 4]);
    let said = diary.ok(&["undo"]);
    assert!(
        said.contains("Undone: an edit") && said.contains("pain 3"),
        "{said}"
    );
    assert_eq!(pains(&diary), [5, 7, 3]);
    let said = diary.ok(&["undo"]);
    assert!(
        said.contains("10:00 check-in, pain 3, that was added is deleted"),
        "{said}"
    );
    assert_eq!(pains(&diary), [5, 7]);
    diary.ok(&["undo"]);
    diary.ok(&["undo"]);
    assert!(pains(&diary).is_empty());
    let out = diary.run(&["undo"]);
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("nothing to undo"), "{err}");
}

#[test]
fn a_change_made_since_on_another_desk_is_never_thrown_away() {
    let diary = Diary::new();
    diary.ok(&["log", "5", "--at", "08:00"]);
    let id = common::saved_id(&diary.ok(&["log", "7", "--at", "09:00"])).unwrap();
    // Another computer (its own local state) changes the later entry afterwards.
    let other = diary.dir.path().join("other-desk");
    let out = diary
        .command(&["edit", &id, "--pain", "6"])
        .env("NAPE_STATE_DIR", &other)
        .output()
        .unwrap();
    assert!(out.status.success());
    let out = diary.run(&["undo"]);
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("changed since") && err.contains("nothing was undone"),
        "{err}"
    );
    assert!(
        err.contains("the 09:00 check-in") || err.contains(" 09:00 check-in,"),
        "names it: {err}"
    );
    assert_eq!(pains(&diary), [5, 6]);
    // Let go: the next undo reaches the change before it, the 08:00 entry's adding.
    let said = diary.ok(&["undo"]);
    assert!(said.contains("08:00 check-in, pain 5"), "{said}");
    assert_eq!(pains(&diary), [6]);
}

#[test]
fn undoing_a_warning_sign_says_the_lock_is_lifted() {
    let diary = Diary::new();
    diary.ok(&["log", "4", "-s", "stroke-signs"]);
    let said = diary.ok(&["undo"]);
    assert!(
        said.contains("lock on timers and stretches is lifted"),
        "{said}"
    );
    let status = diary.ok(&["status"]);
    assert!(!status.contains("EMERGENCY"), "{status}");
}

#[test]
fn a_delete_in_the_app_is_undone_from_the_shell_and_the_app_shows_it_back() {
    let diary = Diary::new();
    diary.ok(&["log", "6", "--at", "08:00"]);
    let mut app = Session::start(&diary);
    app.wait_for("Welcome to nape");
    app.send("\r");
    app.wait_for("08:00  pain 6");
    app.send("d");
    app.wait_for("Delete the 08:00 check-in");
    app.send("y");
    app.wait_gone("08:00  pain 6");
    let said = diary.ok(&["undo"]);
    assert!(said.contains("Undone: a delete"), "{said}");
    app.wait_for("08:00  pain 6");
    // The app's own offer to bring it back knows it is back.
    app.send("u");
    app.wait_for("already back");
    app.send("q");
    assert_eq!(app.wait_exit(), (true, true));
}

#[test]
fn a_change_older_than_a_day_is_let_go_with_its_copy_of_the_entry() {
    let diary = Diary::new();
    diary.ok(&["log", "5", "kept", "private"]);
    let journal = diary.local().join("changes.json");
    let mut notes: serde_json::Value =
        serde_json::from_slice(&std::fs::read(&journal).unwrap()).unwrap();
    let old = chrono::Utc::now() - chrono::Duration::days(2);
    notes[0]["at"] = serde_json::json!(old);
    std::fs::write(&journal, serde_json::to_vec(&notes).unwrap()).unwrap();
    let out = diary.run(&["undo"]);
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("nothing to undo"), "{err}");
    assert_eq!(pains(&diary), [5], "the entry stays");
    let left = std::fs::read_to_string(&journal).unwrap();
    assert!(!left.contains("kept private"), "no copy left: {left}");
}
