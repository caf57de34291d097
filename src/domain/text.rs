//! Text the person gives nape, at its edges: what is let in, and how it is shown where it goes
//! out. A character that acts on a terminal (escape sequences, the bell) or turns text around
//! (bidi overrides) is never part of a diary: refused coming in; shown escaped (`\u{1b}`) if a
//! hand-edited file holds one anyway.

use std::borrow::Cow;

/// The longest note, in characters.
pub const NOTE_MAX: usize = 10_000;
/// The longest name (a medicine, an activity, a routine), in characters.
pub const NAME_MAX: usize = 120;

/// Bidi controls: embeddings, overrides, isolates and marks, which reorder what follows.
fn is_bidi(c: char) -> bool {
    matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{200E}' | '\u{200F}' | '\u{061C}')
}

/// Whether `c` would act rather than be read. New lines and tabs are writing.
fn acts(c: char) -> bool {
    (c.is_control() && c != '\n' && c != '\t') || is_bidi(c)
}

/// A name: one line, no control characters, at most `NAME_MAX` characters.
pub fn check_name(text: &str) -> Result<(), String> {
    let culprit = |c: char| acts(c) || c == '\n' || c == '\t';
    if let Some(c) = text.chars().find(|c| culprit(*c)) {
        return Err(control(c));
    }
    limit(text, NAME_MAX)
}

/// A note: lines and tabs allowed, no other control characters, at most `NOTE_MAX`.
pub fn check_note(text: &str) -> Result<(), String> {
    if let Some(c) = text.chars().find(|c| acts(*c)) {
        return Err(control(c));
    }
    limit(text, NOTE_MAX)
}

fn control(c: char) -> String {
    format!(
        "holds a control character ({}), which nape does not keep: type it again without it",
        c.escape_unicode()
    )
}

fn limit(text: &str, max: usize) -> Result<(), String> {
    let n = text.chars().count();
    if n > max {
        return Err(format!("is {n} characters long; at most {max} characters"));
    }
    Ok(())
}

/// `text` with every character that would act on a terminal written out (`\u{1b}`), so it
/// is read, never obeyed. New lines and tabs stay.
pub fn shown(text: &str) -> Cow<'_, str> {
    if !text.chars().any(acts) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if acts(c) {
            out.push_str(&c.escape_unicode().to_string());
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// JSON text with every character that would act on a terminal written as a JSON escape
/// (`\u009b`): the same document, read back exactly, but inert on a screen. (serde_json escapes
/// the ASCII controls itself; C1 and bidi controls it leaves raw.)
pub fn json_escaped(json: &str) -> Cow<'_, str> {
    if !json.chars().any(acts) {
        return Cow::Borrowed(json);
    }
    let mut out = String::with_capacity(json.len() + 16);
    for c in json.chars() {
        if acts(c) {
            out.push_str(&format!("\\u{:04x}", c as u32));
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// An id (a routine's, an exercise's): lowercase letters, digits and hyphens only.
pub fn is_plain_id(id: &str) -> bool {
    !id.is_empty() && (id.chars()).all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn what_acts_is_refused_and_shown_escaped() {
        assert!(check_note("two\nlines\tand a tab").is_ok());
        assert!(check_note("bell \u{7}").unwrap_err().contains("\\u{7}"));
        assert!(check_name("a\nb").is_err());
        assert!(check_name("\u{202e}reversed").is_err());
        assert_eq!(shown("a\u{1b}]0;x\u{7}b"), "a\\u{1b}]0;x\\u{7}b");
        assert_eq!(shown("fine\n"), "fine\n");
    }
}
