//! Words in a note that can describe a warning sign (assets/sign_words.json, with source ids).
//! A match is only a reason to ask the sign's question: nape never claims to have understood a
//! note, and a false prompt is better than a silent miss.

use std::sync::LazyLock;

use serde::Deserialize;

#[derive(Deserialize)]
struct SignWords {
    negations: Vec<String>,
    signs: Vec<Sign>,
}

/// A sign's question (or plain symptom) id, and the word groups that can describe it.
#[derive(Deserialize)]
pub struct Sign {
    pub id: String,
    pub sources: Vec<String>,
    words: Vec<Vec<String>>,
}

static WORDS: LazyLock<SignWords> = LazyLock::new(|| {
    serde_json::from_str(include_str!(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/assets/sign_words.json"
    )))
    .expect("assets/sign_words.json is valid (a test reads it)")
});

/// Every sign the word list knows.
pub fn signs() -> &'static [Sign] {
    &WORDS.signs
}

/// How far back a "no" or "not" reaches, within its clause.
const NEGATION_REACH: usize = 3;

/// Words that end a clause, and with it the reach of a "no".
const CLAUSE_ENDS: [&str; 4] = [",", "but", "and", "though"];

/// The ids of the signs `note` has words for, in the list's order, each once.
pub fn signs_in_note(note: &str) -> Vec<&'static str> {
    // Commas are kept as words of their own: a clause ends there, and so does a "no".
    let lower = note.to_lowercase().replace('’', "'").replace(',', " , ");
    let sentences: Vec<Vec<&str>> = (lower.split(['.', '!', '?', ';', '\n']))
        .map(|s| {
            s.split(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '-' || c == ','))
                .filter(|w| !w.is_empty())
                .collect()
        })
        .collect();
    // A "no" or "not" a few words before, in the same clause.
    let negated = |words: &[&str], at: usize| {
        let from = at.saturating_sub(NEGATION_REACH);
        (words[from..at].iter().rev())
            .take_while(|w| !CLAUSE_ENDS.contains(w))
            .any(|w| WORDS.negations.iter().any(|n| n == w))
    };
    // Each word of the group begins some word of the sentence not negated just before it.
    let found = |words: &[&str], group: &[String]| {
        group.iter().all(|part| {
            (words.iter().enumerate())
                .any(|(i, w)| w.starts_with(part.as_str()) && !negated(words, i))
        })
    };
    (WORDS.signs.iter())
        .filter(|sign| (sign.words.iter()).any(|group| sentences.iter().any(|s| found(s, group))))
        .map(|sign| sign.id.as_str())
        .collect()
}
