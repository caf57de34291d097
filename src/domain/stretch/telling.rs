//! How an exercise is told, side by side: its lines and its spoken sentence with the side named
//! from the person's own body ({side} and {other} in the data), and its picture, drawn for the
//! first side as seen in a mirror and mirrored for the second.

use super::routine::{Exercise, Sides, Step};

impl Exercise {
    /// The cue lines for `side` ("Left", "Backward"; "" when the exercise has none).
    pub fn cue_lines(&self, side: &str) -> Vec<String> {
        self.cues
            .iter()
            .map(|c| fill(c, self.sides, side))
            .collect()
    }

    /// The spoken sentence for `side`.
    pub fn say_for(&self, side: &str) -> String {
        fill(&self.say, self.sides, side)
    }

    /// The picture for `side`: the second of left and right is the first mirrored, its last
    /// line (the caption) kept as it reads.
    pub fn picture_for(&self, side: &str) -> Vec<String> {
        if self.sides != Sides::LeftRight || side != "Right" {
            return self.picture.clone();
        }
        let caption = self.picture.len().saturating_sub(1);
        let width = self
            .picture
            .iter()
            .map(|l| l.chars().count())
            .max()
            .unwrap_or(0);
        (self.picture.iter().enumerate())
            .map(|(i, line)| {
                if i == caption {
                    line.clone()
                } else {
                    mirror(line, width)
                }
            })
            .collect()
    }
}

impl Step {
    /// For a movement: how many slow movements fill the step's time, and what they are, for
    /// `side` ("5 slow circles backward").
    pub fn moves(&self, side: &str) -> Option<(u32, String)> {
        let m = self.exercise.movement.as_ref()?;
        let count = (self.hold_secs / m.cadence_secs.max(1)).max(1);
        Some((count, fill(&m.what, self.sides, side)))
    }
}

/// `text` with {side} and {other} named for `side`, in lower case.
fn fill(text: &str, sides: Sides, side: &str) -> String {
    let each = sides.each();
    let other = each
        .iter()
        .find(|s| **s != side && !s.is_empty())
        .copied()
        .unwrap_or("");
    text.replace("{side}", &side.to_lowercase())
        .replace("{other}", &other.to_lowercase())
}

/// A line of the picture as seen from the other side: reversed and padded to `width`, with
/// each mirrored character turned round and any words still reading forward.
fn mirror(line: &str, width: usize) -> String {
    let padded: Vec<char> = line
        .chars()
        .chain(std::iter::repeat(' '))
        .take(width)
        .collect();
    let mut out: Vec<char> = padded.iter().rev().map(|c| turned(*c)).collect();
    // Words were reversed with the line: put each back.
    let mut i = 0;
    while i < out.len() {
        if out[i].is_alphabetic() {
            let end = (i..out.len())
                .find(|j| !out[*j].is_alphabetic())
                .unwrap_or(out.len());
            out[i..end].reverse();
            i = end;
        } else {
            i += 1;
        }
    }
    out.into_iter().collect::<String>().trim_end().to_string()
}

fn turned(c: char) -> char {
    match c {
        '/' => '\\',
        '\\' => '/',
        '(' => ')',
        ')' => '(',
        '<' => '>',
        '>' => '<',
        '[' => ']',
        ']' => '[',
        '{' => '}',
        '}' => '{',
        c => c,
    }
}
