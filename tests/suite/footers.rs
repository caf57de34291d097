//! Every footer fits at 80 and at 40 columns: whole items only, the most useful first, and
//! a key that shows all the others wherever it works.

use nape::app::Focus;
use nape::keys;
use nape::ui::{self, Theme};

#[test]
fn every_footer_fits_with_whole_items_and_leads_to_every_key() {
    for focus in enum_iterator::all::<Focus>() {
        let items: Vec<String> = keys::footer(focus)
            .iter()
            .map(|(key, word)| format!("{key} {word}"))
            .collect();
        for width in [80u16, 40] {
            let text = ui::footer_line(focus, width, &Theme::new(false)).to_string();
            let text = text.trim_end();
            assert!(
                text.chars().count() <= width as usize,
                "{focus:?} at {width}: {text:?} is cut"
            );
            for chunk in text.split("  ").filter(|c| !c.is_empty()) {
                assert!(
                    items.iter().any(|i| i == chunk.trim()),
                    "{focus:?} at {width}: {chunk:?} is not a whole item of {items:?}"
                );
            }
            // Every key is reachable: the footer ends with the key that shows the others, or
            // (where that does not work) has room for all it names.
            match focus {
                Focus::TooSmall | Focus::Alert | Focus::Keys => {
                    assert_eq!(
                        text.split("  ").count(),
                        items.len(),
                        "{focus:?} at {width}: {text:?}"
                    )
                }
                focus if focus.is_text() => {
                    assert!(text.ends_with("F1 keys"), "{focus:?} at {width}: {text:?}")
                }
                _ => assert!(text.ends_with("? keys"), "{focus:?} at {width}: {text:?}"),
            }
            if let Some(first) = items.first() {
                assert!(
                    text.starts_with(first.as_str()),
                    "{focus:?} at {width}: {text:?}"
                );
            }
        }
    }
}

#[test]
fn after_a_session_or_a_routine_no_key_offers_to_cancel_what_has_ended() {
    use nape::app::Msg;
    for (before, after) in [
        (Focus::TimerPain, Focus::TimerPainAfter),
        (Focus::StretchPain, Focus::StretchPainAfter),
    ] {
        let words = |focus| {
            keys::footer(focus)
                .iter()
                .map(|(_, w)| *w)
                .collect::<Vec<_>>()
        };
        assert!(words(before).contains(&"cancel"), "{before:?}");
        assert!(
            !words(after).contains(&"cancel"),
            "{after:?}: {:?}",
            words(after)
        );
        assert!(!keys::works(after, Msg::No), "{after:?}");
        assert!(
            keys::works(after, Msg::Cancel),
            "{after:?}: Esc still skips"
        );
    }
}
