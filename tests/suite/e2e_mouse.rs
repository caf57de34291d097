//! The mouse, through the real binary in a pseudo-terminal: clicks on tabs, rows, sections,
//! boxes and a question's answer, and the wheel.

use crate::common;

use common::Diary;
use common::pty::Session;

fn settled(diary: &Diary) -> Session {
    let mut app = Session::start_sized(diary, 24, 80);
    app.wait_for("Welcome to nape");
    app.send("\r");
    app.wait_for("Pain now?");
    assert!(app.mouse_reported(), "the app asks for the mouse");
    app
}

#[test]
fn a_click_on_a_tab_opens_its_screen_and_one_on_a_section_shows_it() {
    let diary = Diary::new();
    let mut app = settled(&diary);
    app.click_on("i Timers");
    app.wait_for("start recommended");
    app.click_on("r Trends");
    app.wait_for("[Pain chart]");
    app.click_on("Calendar");
    app.wait_for("[Calendar]");
    app.click_on("h Help");
    app.wait_for("nape: a self-care coach");
    // The wheel scrolls the page.
    app.wheel(10, 10, true);
    app.wait_gone("nape: a self-care coach");
    app.wheel(10, 10, false);
    app.wait_for("nape: a self-care coach");
    app.send("q");
    assert_eq!(app.wait_exit(), (true, true));
}

#[test]
fn a_click_picks_a_row_a_second_opens_it_and_a_box_clicked_is_ticked() {
    let diary = Diary::new();
    diary.ok(&["log", "3", "--at", "08:00"]);
    diary.ok(&["log", "6", "--at", "09:00"]);
    let mut app = settled(&diary);
    app.wait_for("09:00  pain 6");
    app.click_on("09:00  pain 6");
    app.wait_until("the second picked", |s| s.contains("› 09:00  pain 6"));
    app.click_on("09:00  pain 6");
    app.wait_for("Edit check-in of");
    app.click_on("[ ] headache");
    app.wait_for("[x] headache");
    // The wheel moves through the form's rows.
    app.wheel(10, 10, true);
    app.send("\x1b"); // Esc: asks first, as something changed
    app.wait_for("Discard the changes");
    // The question's answers are in the footer: a click answers.
    app.click_on("n no");
    app.wait_for("Still editing");
    app.send("\x03\x03");
    assert_eq!(app.wait_exit(), (true, true));
}

#[test]
fn with_no_mouse_the_terminal_keeps_the_mouse() {
    let diary = Diary::new();
    let mut app = Session::start_with(&diary, 24, 80, &[("NAPE_NO_MOUSE", "1")]);
    app.wait_for("Welcome to nape");
    app.send("\r");
    app.wait_for("Pain now?");
    assert!(!app.mouse_reported(), "--no-mouse leaves the mouse alone");
    app.send("q");
    assert_eq!(app.wait_exit(), (true, true));
}

#[test]
fn a_tab_clicked_over_a_half_typed_form_does_nothing_the_keys_could_not() {
    let diary = Diary::new();
    let mut app = settled(&diary);
    app.send("a");
    app.wait_for("New check-in");
    app.send("4");
    app.click_on("i Timers");
    // The click did nothing; a key afterwards still types into the form.
    app.send("\x1b[B"); // ↓ to the next row
    app.wait_until("the form still open", |s| {
        s.contains("New check-in") && s.contains("› Worst")
    });
    assert!(!app.contents().contains("start recommended"));
    app.send("\x03\x03");
    assert_eq!(app.wait_exit(), (true, true));
}

#[test]
fn on_the_welcome_and_in_settings_a_click_chooses_an_option() {
    let diary = Diary::new();
    let mut app = Session::start_sized(&diary, 24, 80);
    app.wait_for("Welcome to nape");
    app.click_on("( ) on a date");
    app.wait_for("(•) on a date");
    app.wait_for("Began (date");
    app.click_on("( ) it has been going on");
    app.wait_for("(•) it has been going on");
    app.send("\r");
    app.wait_for("Pain now?");
    app.click_on("e Settings");
    app.wait_for("Enter to change");
    app.send("\r");
    app.click_on("( ) voice");
    app.wait_for("(•) voice");
    app.send("\r");
    app.wait_for("Settings saved.");
    app.send("q");
    assert_eq!(app.wait_exit(), (true, true));
    let export: serde_json::Value = serde_json::from_str(&diary.ok(&["export"])).unwrap();
    let settings = &export["collections"]["settings"][0];
    assert_eq!(settings["cues"], "voice");
    assert!(settings["onset"].is_null(), "{settings}");
}

#[test]
fn each_arrow_of_a_paired_footer_key_does_what_it_shows() {
    let diary = Diary::new();
    diary.ok(&["log", "3", "--at", "08:00"]);
    diary.ok(&["log", "5", "--at", "09:00"]);
    let mut app = settled(&diary);
    app.wait_for("› 08:00  pain 3");
    // The second arrow of "↑ ↓ pick" is ↓ (read once the footer is drawn).
    let screen = app.wait_until("the footer", |s| s.contains("↑ ↓ pick"));
    let (row, line) = (screen.lines().enumerate())
        .find(|(_, l)| l.contains("↑ ↓ pick"))
        .unwrap();
    let column = line[..line.find("↓ pick").unwrap()].chars().count();
    app.click(column, row);
    app.wait_for("› 09:00  pain 5");
    app.click_on("↑ ↓ pick");
    app.wait_for("› 08:00  pain 3");
    app.send("q");
    assert_eq!(app.wait_exit(), (true, true));
}
