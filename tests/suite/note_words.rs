//! A note with plain words for a warning sign is saved, then the person is asked the matching
//! questions: the form opens there in the app, the shell names the --symptom ids. "No
//! numbness" is not a sign; a false prompt is acceptable, a silent miss is not.

use crate::common;

use chrono::{DateTime, TimeZone, Utc};
use nape::app::App;
use nape::domain::redflag::notes::{signs, signs_in_note};
use nape::domain::vocabulary;
use nape::keys;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

#[test]
fn plain_words_for_a_sign_are_found_and_simple_negations_skipped() {
    let found = signs_in_note("My face went numb and my speech slurred");
    assert!(found.contains(&"face-numbness"), "{found:?}");
    assert!(found.contains(&"stroke-signs"), "{found:?}");
    assert_eq!(
        signs_in_note("I fainted at lunch. Couldn’t swallow."),
        ["fainting", "swallowing"]
    );
    assert!(signs_in_note("Seeing double since the morning").contains(&"sudden-balance-vision"));
    assert!(signs_in_note("the worst headache of my life").contains(&"worst-headache"));
    assert!(signs_in_note("Tingling in both arms").contains(&"limb-numbness"));
    for calm in [
        "no numbness",
        "No fever today, feeling fine",
        "I didn't faint",
        "not dizzy at all",
    ] {
        assert!(
            signs_in_note(calm).is_empty(),
            "{calm}: {:?}",
            signs_in_note(calm)
        );
    }
    assert!(signs_in_note("stiff after a long day at the screen").is_empty());
    // The sign a pattern makes, not only its parts.
    assert!(
        signs_in_note("chiropractor cracked my neck and now I'm dizzy")
            .contains(&"after-manipulation-signs")
    );
    assert!(signs_in_note("fever and stiff neck").contains(&"meningitis-signs"));
    // A "no" reaches only its own clause.
    for real in [
        "Not sleeping well, dizzy all morning",
        "No better today, vision went double",
        "Nothing unusual but my face went numb",
        "not too bad, face went numb",
        "My face is not numb, my arm is weak",
        "can't lift my arm",
    ] {
        assert!(!signs_in_note(real).is_empty(), "{real}: a silent miss");
    }
}

#[test]
fn every_sign_in_the_word_list_is_a_question_of_the_form_with_its_sources() {
    let sources: Vec<String> = (nape::domain::sources::sources().iter())
        .map(|s| s.id.clone())
        .collect();
    let terms: Vec<&str> = (vocabulary::warning_terms().iter())
        .chain(vocabulary::SYMPTOMS)
        .map(|t| t.id)
        .collect();
    assert!(signs().len() >= 10);
    for sign in signs() {
        assert!(
            terms.contains(&sign.id.as_str()),
            "{} is not in the form",
            sign.id
        );
        assert!(!sign.sources.is_empty(), "{} has no source", sign.id);
        for s in &sign.sources {
            assert!(sources.contains(s), "{}: unknown source {s}", sign.id);
        }
    }
}

fn now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 5, 4, 10, 0, 0).unwrap()
}

fn key(app: &mut App, key: KeyEvent) {
    if let Some(msg) = keys::map(app.focus(), key) {
        app.update(msg, now());
    }
}

#[test]
fn the_app_saves_the_note_then_opens_the_form_at_the_question() {
    let mut app = common::app::open(common::shared::Shared::default(), now());
    let code = |app: &mut App, c| key(app, KeyEvent::from(c));
    code(&mut app, KeyCode::Enter); // the welcome
    code(&mut app, KeyCode::Char('a'));
    code(&mut app, KeyCode::Char('3'));
    // The note is the last field.
    for _ in 0..80 {
        code(&mut app, KeyCode::Down);
    }
    for c in "my face went numb".chars() {
        code(&mut app, KeyCode::Char(c));
    }
    key(
        &mut app,
        KeyEvent::new(KeyCode::Char('s'), KeyModifiers::CONTROL),
    );
    let saved = app.diary().last_checkin().expect("saved first");
    assert_eq!(saved.body.note.as_deref(), Some("my face went numb"));
    assert!(!app.diary().locked(), "a note is never taken as an answer");
    let form = app.form().expect("the form opens again, at the question");
    assert_eq!(form.original.as_ref().map(|r| r.id), Some(saved.id));
    let rows = common::draw::rows(&app, 80, 24).join("\n");
    assert!(rows.contains("› [ ] Numbness of the face"), "{rows}");
    let said = format!("{:?}", app.status());
    assert!(
        said.contains("numb face") || said.contains("a numb face"),
        "{said}"
    );
}

#[test]
fn the_shell_names_the_symptom_ids_to_answer() {
    let diary = common::Diary::new();
    let out = diary.ok(&["log", "3", "-n", "my speech slurred and I feel dizzy"]);
    assert!(out.contains("Saved check-in"), "{out}");
    assert!(out.contains("--symptom stroke-signs"), "{out}");
    assert!(out.contains("--symptom dizziness"), "{out}");
    let status = diary.ok(&["status", "--format", "{flag}"]);
    assert_eq!(status.trim(), "", "the note itself raises nothing");
    let calm = diary.ok(&["log", "3", "-n", "no dizziness today"]);
    assert!(!calm.contains("--symptom"), "{calm}");
}
