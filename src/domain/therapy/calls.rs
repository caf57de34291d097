//! What a session says for itself when no app is open: a skin check due, its time up. The
//! waiter (a small process a session's start leaves behind) asks when the next call falls due
//! and what it says. Pure: `now` is an argument.

use chrono::{DateTime, Duration, Utc};

use super::{PackKind, Session, State};

/// A moment a session needs the person.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Call {
    /// A cold session's skin check at this minute mark.
    SkinCheck(u32),
    /// The time is up: the pack comes off.
    Over,
}

impl Call {
    /// In a sentence for a notification or the voice: what to do, never diary text.
    pub fn words(self, kind: PackKind) -> String {
        match self {
            Call::SkinCheck(mark) => format!(
                "Cold session, {mark} minutes: check your skin. Numb? Take the pack off now. \
                 Answer in nape, or: nape timer skin cold|burning|aching|numb."
            ),
            Call::Over => format!(
                "{} session over: take the pack off. Rate your pain in nape, or: nape timer rate \
                 --pain N.",
                capital(kind.name())
            ),
        }
    }
}

fn capital(word: &str) -> String {
    let mut chars = word.chars();
    chars
        .next()
        .map_or(String::new(), |c| c.to_uppercase().chain(chars).collect())
}

impl Session {
    /// The calls due at `now`: the latest skin check reached and not answered (`marks` are the
    /// minute marks), and the end once its time is up.
    pub fn calls(&self, marks: &[u32], now: DateTime<Utc>) -> Vec<Call> {
        let skin = self.skin_check_due(marks, now).map(Call::SkinCheck);
        let over = (self.state(now) == State::Due).then_some(Call::Over);
        skin.into_iter().chain(over).collect()
    }

    /// The next moment after `now` a call falls due (a skin check's mark, or the end), if the
    /// session is counting down; none while it is paused or once it has ended.
    pub fn next_call(&self, marks: &[u32], now: DateTime<Utc>) -> Option<DateTime<Utc>> {
        if self.is_paused() || self.ended_at.is_some() {
            return None;
        }
        let elapsed = self.elapsed(now);
        let end = now + self.left(now);
        let marks = marks.iter().map(|m| Duration::minutes(i64::from(*m)));
        let skin = (self.kind == PackKind::Cold)
            .then(|| {
                marks
                    .filter(|at| *at > elapsed && *at < self.planned())
                    .min()
            })
            .flatten()
            .map(|at| now + (at - elapsed));
        Some(skin.map_or(end, |skin| skin.min(end)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn at(minute: i64) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 12, 5, 9, 0, 0).unwrap() + Duration::minutes(minute)
    }

    #[test]
    fn a_cold_session_calls_at_each_skin_check_then_at_its_end() {
        let session = Session::new(PackKind::Cold, 15, at(0));
        let marks = [5, 10];
        assert_eq!(session.next_call(&marks, at(0)), Some(at(5)));
        assert_eq!(session.calls(&marks, at(5)), [Call::SkinCheck(5)]);
        assert_eq!(session.next_call(&marks, at(5)), Some(at(10)));
        assert_eq!(session.next_call(&marks, at(11)), Some(at(15)));
        assert_eq!(
            session.calls(&marks, at(15)),
            [Call::SkinCheck(10), Call::Over]
        );
    }

    #[test]
    fn heat_has_no_skin_checks_and_a_pause_calls_nothing_until_resumed() {
        let heat = Session::new(PackKind::Heat, 15, at(0));
        assert_eq!(heat.next_call(&[5, 10], at(1)), Some(at(15)));
        assert!(heat.calls(&[5, 10], at(6)).is_empty());
        let mut cold = Session::new(PackKind::Cold, 15, at(0));
        cold.pause(at(2)).unwrap();
        assert_eq!(cold.next_call(&[5, 10], at(3)), None);
        cold.resume(at(4)).unwrap();
        // Two minutes paused: the first skin check moves two minutes on.
        assert_eq!(cold.next_call(&[5, 10], at(4)), Some(at(7)));
    }

    #[test]
    fn the_words_name_what_to_do_and_no_diary_text() {
        assert!(
            Call::Over
                .words(PackKind::Heat)
                .starts_with("Heat session over")
        );
        assert!(
            Call::SkinCheck(5)
                .words(PackKind::Cold)
                .contains("5 minutes")
        );
    }
}
