//! THE binding table: which keys do what, where. `map` turns a key press into a message by it,
//! and the footer and Help are drawn from it, so a key and its label cannot drift apart. This is
//! the only place that knows about crossterm's key types.

use std::sync::LazyLock;

mod clicks;
mod shown;

pub use clicks::{clicked, footer_msg, label_msg, mouse, works};
pub use shown::{SECTIONS, footer, section};

use ratatui::crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
use tui_input::backend::crossterm::to_input_request;

use crate::app::{Focus, Msg, Paging, Screen};
use crate::domain::stretch::Feeling;
use crate::domain::therapy::{PackKind, Skin};

/// Where a binding applies.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Scope {
    /// Everywhere, even in a text field.
    Anywhere,
    /// On any screen when no question, form or prompt has the keyboard.
    Screens,
    /// As `Screens`, but not while a routine plays (where the key asks first instead).
    ScreensAtRest,
    /// On the welcome's or the Settings form's "began" choice (not a text field).
    SettingsChoice,
    /// The first-run welcome, text field or not.
    Welcome,
    /// The Settings screen's form, open for changes.
    SettingsEdit,
    /// The check-in form, text field or not.
    Form,
    /// The check-in form on a box, not a text field.
    FormBox,
    Only(Focus),
    /// In either welcome or settings editing (the same small form).
    SettingsForm,
    /// Either of two (a rating asked before or after).
    Either(Focus, Focus),
    /// Where the keys of the screen can be shown in place with a key that is not text.
    Showable,
    /// In a text field (where only F1 shows the keys).
    Typing,
    /// On a page or list that scrolls further than a line at a time.
    Paged,
}

impl Scope {
    fn applies(self, focus: Focus) -> bool {
        match self {
            Scope::Anywhere => true,
            Scope::Screens => matches!(
                focus,
                Focus::Today
                    | Focus::TimersIdle
                    | Focus::TimersLocked
                    | Focus::TimersRunning
                    | Focus::TimersRunningLocked
                    | Focus::Flags
                    | Focus::Settings
                    | Focus::Help
                    | Focus::Stretches
                    | Focus::StretchesLocked
                    | Focus::StretchPlaying
                    | Focus::Trends
            ),
            Scope::ScreensAtRest => focus != Focus::StretchPlaying && Scope::Screens.applies(focus),
            Scope::SettingsChoice => matches!(
                focus,
                Focus::Welcome { text: false } | Focus::SettingsEdit { text: false }
            ),
            Scope::SettingsForm => {
                matches!(focus, Focus::Welcome { .. } | Focus::SettingsEdit { .. })
            }
            Scope::Welcome => matches!(focus, Focus::Welcome { .. }),
            Scope::SettingsEdit => matches!(focus, Focus::SettingsEdit { .. }),
            Scope::Form => matches!(focus, Focus::Form { .. }),
            Scope::FormBox => focus == Focus::Form { text: false },
            Scope::Only(only) => only == focus,
            Scope::Either(one, other) => focus == one || focus == other,
            Scope::Showable => {
                !focus.is_text() && !matches!(focus, Focus::TooSmall | Focus::Alert | Focus::Keys)
            }
            Scope::Typing => focus.is_text(),
            Scope::Paged => matches!(
                focus,
                Focus::Help
                    | Focus::Flags
                    | Focus::Trends
                    | Focus::Keys
                    | Focus::Today
                    | Focus::Stretches
                    | Focus::StretchesLocked
            ),
        }
    }
}

/// A key as the table names it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Key {
    Code(KeyCode),
    Ctrl(char),
    /// Any of 0-9; the message gets the digit.
    Digit,
}

#[derive(Clone, Debug)]
pub struct Binding {
    pub scope: Scope,
    pub keys: Vec<Key>,
    pub msg: Msg,
    /// How the keys are written in the footer and Help ("Enter", "↑↓").
    pub label: &'static str,
    /// What it does, in a word or two for the footer; `None` keeps it out of the footer.
    pub footer: Option<&'static str>,
    /// What it does, for Help.
    pub help: &'static str,
}

fn c(ch: char) -> Key {
    Key::Code(KeyCode::Char(ch))
}

const UP: Key = Key::Code(KeyCode::Up);
const DOWN: Key = Key::Code(KeyCode::Down);
const LEFT: Key = Key::Code(KeyCode::Left);
const RIGHT: Key = Key::Code(KeyCode::Right);
const ENTER: Key = Key::Code(KeyCode::Enter);
const ESC: Key = Key::Code(KeyCode::Esc);
const TAB: Key = Key::Code(KeyCode::Tab);
const BACKTAB: Key = Key::Code(KeyCode::BackTab);
const BACKSPACE: Key = Key::Code(KeyCode::Backspace);
const F1: Key = Key::Code(KeyCode::F(1));

fn bind(
    scope: Scope,
    keys: &[Key],
    msg: Msg,
    label: &'static str,
    footer: Option<&'static str>,
    help: &'static str,
) -> Binding {
    Binding {
        scope,
        keys: keys.to_vec(),
        msg,
        label,
        footer,
        help,
    }
}

/// The letter that opens each screen from anywhere a text field does not have focus.
pub fn screen_key(screen: Screen) -> char {
    match screen {
        Screen::Today => 't',
        Screen::Timers => 'i',
        Screen::Stretches => 's',
        Screen::Trends => 'r',
        Screen::Flags => 'f',
        Screen::Settings => 'e',
        Screen::Help => 'h',
    }
}

#[rustfmt::skip]
static TABLE: LazyLock<Vec<Binding>> = LazyLock::new(|| {
    use Focus::*;
    use Scope::{Anywhere, Either, FormBox, Only, Paged, Screens, ScreensAtRest, SettingsChoice, SettingsForm};
    let mut t = vec![
        bind(Anywhere, &[Key::Ctrl('c')], Msg::Quit, "Ctrl-C", None, "quit from anywhere (a check-in half typed: asks first; again quits)"),
        bind(Only(Focus::TooSmall), &[c('q')], Msg::Quit, "q", Some("quit"), "quit while the terminal is too small to show nape (nothing else works then)"),
        // The keys shown in place
        bind(Only(Keys), &[ESC, c('?'), c('q'), F1], Msg::Keys, "Esc", Some("close"), "close the keys (? and q too)"),
        bind(Only(Keys), &[c('h')], Msg::Goto(Screen::Help), "h", Some("whole Help"), "the whole Help, with every screen's keys"),
        bind(Only(Keys), &[UP, c('k')], Msg::Up, "↑", Some("↓ scroll"), "scroll up (k too)"),
        bind(Only(Keys), &[DOWN, c('j')], Msg::Down, "↓", None, "scroll down (j too)"),
        // Questions
        bind(Only(Alert), &[ENTER, ESC], Msg::Dismiss, "Enter", Some("I have read this"), "close the message about a sign just reported (the banner keeps it)"),
        bind(Only(Confirm), &[c('y'), c('Y')], Msg::Yes, "y", Some("yes"), "yes"),
        bind(Only(Confirm), &[c('n'), c('N'), ESC], Msg::No, "n", Some("no"), "no (Esc too)"),
        // The welcome and the Settings form
        bind(SettingsForm, &[TAB, DOWN], Msg::NextField, "Tab", Some("next"), "next field"),
        bind(SettingsForm, &[BACKTAB, UP], Msg::PrevField, "Shift-Tab", None, "previous field"),
        bind(Scope::Welcome, &[ENTER], Msg::Enter, "Enter", Some("start"), "on the welcome: save and start"),
        bind(Scope::Welcome, &[ESC], Msg::Cancel, "Esc", Some("quit"), "on the welcome: quit without saving"),
        bind(Scope::SettingsEdit, &[ENTER], Msg::Enter, "Enter", Some("save"), "in Settings: save the changes"),
        bind(Scope::SettingsEdit, &[ESC], Msg::Cancel, "Esc", Some("cancel"), "in Settings: put the values back"),
        bind(SettingsChoice, &[LEFT], Msg::Left, "←", Some("→ choose"), "the choice before (when the episode began, stretch cues)"),
        bind(SettingsChoice, &[RIGHT, c(' ')], Msg::Right, "→", None, "the next choice (Space too)"),
        // The check-in form
        bind(Scope::Form, &[Key::Ctrl('s')], Msg::Save, "Ctrl-S", Some("save"), "save the check-in"),
        bind(FormBox, &[c('j')], Msg::NextField, "j", None, "next row, on a box"),
        bind(FormBox, &[c('k')], Msg::PrevField, "k", None, "previous row, on a box"),
        bind(Scope::Form, &[TAB], Msg::NextSection, "Tab", Some("section"), "the next section (places, symptoms, warning signs, ...)"),
        bind(Scope::Form, &[BACKTAB], Msg::PrevSection, "Shift-Tab", None, "the previous section"),
        bind(Scope::Form, &[UP], Msg::PrevField, "↑", Some("↓ move"), "the row above"),
        bind(Scope::Form, &[DOWN], Msg::NextField, "↓", None, "the row below"),
        bind(FormBox, &[c(' ')], Msg::Toggle, "Space", Some("tick"), "tick or untick a box"),
        bind(Scope::Form, &[ENTER], Msg::Enter, "Enter", None, "on a box: tick it; in a field: the next row; in the note: a new line"),
        bind(Scope::Form, &[ESC], Msg::Cancel, "Esc", Some("close"), "close without saving (asks first if anything changed)"),
        // Today
        bind(Only(Today), &[Key::Digit], Msg::Digit('0'), "0-10 Enter", Some("check in"), "type your pain now, then Enter saves it"),
        bind(Only(Today), &[c('a')], Msg::NewCheckin, "a", Some("full form"), "a full check-in"),
        bind(Only(Today), &[c('c')], Msg::CopyLast, "c", Some("copy last"), "a full check-in filled from your last one"),
        bind(Only(Today), &[UP, c('k')], Msg::Up, "↑", Some("↓ pick"), "pick the entry above (k too)"),
        bind(Only(Today), &[DOWN, c('j')], Msg::Down, "↓", None, "pick the entry below (j too)"),
        bind(Only(Today), &[ENTER], Msg::Enter, "Enter", Some("edit"), "edit the picked entry (or save the pain typed)"),
        bind(Only(Today), &[c('v')], Msg::Details, "v", Some("details"), "the picked check-in in full (v or Esc closes)"),
        bind(Only(Today), &[c('d'), Key::Code(KeyCode::Delete)], Msg::Delete, "d", Some("delete"), "delete the picked entry (asks first)"),
        bind(Only(Today), &[c('u')], Msg::Undo, "u", None, "bring back the check-in deleted last (for 10 minutes)"),
        bind(Only(Today), &[LEFT, c('[')], Msg::PrevDay, "←", Some("→ day"), "the day before ([ too)"),
        bind(Only(Today), &[RIGHT, c(']')], Msg::NextDay, "→", None, "the day after (] too)"),
        bind(Only(Today), &[c('b')], Msg::Backfill, "b", Some("backfill"), "a check-in for the day shown"),
        bind(Only(Today), &[BACKSPACE], Msg::Backspace, "Backspace", None, "take back a typed digit"),
        bind(Only(Today), &[c('p')], Msg::RateActivities, "p", None, "rate your activities (asked gently once a week)"),
        bind(Only(Today), &[ESC], Msg::Cancel, "Esc", None, "clear the typed pain, or close the details"),
        // Timers
        bind(Only(TimersIdle), &[ENTER], Msg::StartTimer(None), "Enter", Some("start recommended"), "start the pack that suits now (cold in the first days, heat after)"),
        bind(Only(TimersIdle), &[c('c')], Msg::StartTimer(Some(PackKind::Cold)), "c", Some("cold"), "start a cold session"),
        bind(Only(TimersIdle), &[c('w')], Msg::StartTimer(Some(PackKind::Heat)), "w", Some("heat"), "start a heat session"),
        bind(Only(TimersRunning), &[c('p'), c(' ')], Msg::PauseResume, "p", Some("pause/resume"), "pause or resume (Space too)"),
        bind(Only(TimersRunning), &[c('+'), c('=')], Msg::Extend, "+", Some("1 more minute"), "one more minute, up to the cap"),
        bind(Only(TimersRunning), &[c('x')], Msg::StopTimer, "x", Some("stop"), "stop the session early"),
        bind(Only(TimersRunningLocked), &[c('x')], Msg::StopTimer, "x", Some("stop"), "while timers are locked: stop the session (it cannot be resumed)"),
        bind(Only(TimerNotes), &[c('y'), c('Y')], Msg::Yes, "y", Some("I have read these"), "say you have read the safety notes"),
        bind(Only(TimerNotes), &[ESC, c('n')], Msg::Cancel, "Esc", Some("not now"), "at the safety notes: start nothing"),
        bind(Either(TimerPain, TimerPainAfter), &[Key::Digit], Msg::Digit('0'), "0-10", Some("pain"), "type your pain"),
        bind(Either(TimerPain, TimerPainAfter), &[ENTER], Msg::Enter, "Enter", Some("save/skip"), "save the rating; with none typed, skip it"),
        bind(Either(TimerPain, TimerPainAfter), &[BACKSPACE], Msg::Backspace, "Backspace", None, "take back a digit"),
        bind(Either(TimerPain, TimerPainAfter), &[ESC], Msg::Cancel, "Esc", Some("skip"), "skip the rating (before a session: start without it)"),
        bind(Only(TimerPain), &[c('n')], Msg::No, "n", Some("cancel"), "before a session: start nothing"),
        bind(Only(TimerSkin), &[c('1')], Msg::Skin(Skin::Cold), "1", Some("cold"), "the skin feels cold"),
        bind(Only(TimerSkin), &[c('2')], Msg::Skin(Skin::Burning), "2", Some("burning"), "the skin feels burning"),
        bind(Only(TimerSkin), &[c('3')], Msg::Skin(Skin::Aching), "3", Some("aching"), "the skin aches"),
        bind(Only(TimerSkin), &[c('4')], Msg::Skin(Skin::Numb), "4", Some("numb: stop"), "the skin is numb: the session stops"),
        // Stretches
        bind(Only(Stretches), &[ENTER], Msg::Enter, "Enter", Some("start"), "start the picked routine"),
        bind(Only(Stretches), &[UP, c('k')], Msg::Up, "↑", Some("↓ pick"), "pick the routine above (k too)"),
        bind(Only(Stretches), &[DOWN, c('j')], Msg::Down, "↓", None, "pick the routine below (j too)"),
        bind(Only(StretchesLocked), &[UP, c('k')], Msg::Up, "↑", Some("↓ pick"), "pick the routine above (k too)"),
        bind(Only(StretchesLocked), &[DOWN, c('j')], Msg::Down, "↓", None, "pick the routine below (j too)"),
        bind(Only(StretchPlaying), &[c('!')], Msg::Report, "!", Some("stop & report"), "stop: sharp pain, dizziness, tingling or double vision came on (opens a check-in)"),
        bind(Only(StretchPlaying), &[c('p'), c(' ')], Msg::PauseResume, "p", Some("pause"), "pause or resume the routine (Space too)"),
        bind(Only(StretchPlaying), &[c('n'), RIGHT], Msg::Skip, "n", Some("next"), "skip to the next exercise (→ too)"),
        bind(Only(StretchPlaying), &[c('b'), LEFT], Msg::Back, "b", Some("back"), "back to the start of this exercise, or the one before (← too)"),
        bind(Only(StretchPlaying), &[c('x')], Msg::StopTimer, "x", Some("stop"), "end the routine here"),
        bind(Only(StretchPlaying), &[c('q')], Msg::QuitAsks, "q", Some("quit"), "quit nape: asks first, and keeps the routine as far as it got"),
        bind(Either(StretchPain, StretchPainAfter), &[Key::Digit], Msg::Digit('0'), "0-10", Some("pain"), "type your pain"),
        bind(Either(StretchPain, StretchPainAfter), &[ENTER], Msg::Enter, "Enter", Some("save/skip"), "save the rating; with none typed, skip it"),
        bind(Either(StretchPain, StretchPainAfter), &[BACKSPACE], Msg::Backspace, "Backspace", None, "take back a digit"),
        bind(Either(StretchPain, StretchPainAfter), &[ESC], Msg::Cancel, "Esc", Some("skip"), "skip the rating (before a routine: start without it)"),
        bind(Only(StretchPain), &[c('n')], Msg::No, "n", Some("cancel"), "before a routine: start nothing"),
        bind(Only(StretchFeeling), &[c('1')], Msg::Feeling(Feeling::Better), "1", Some("better"), "after a routine: your neck feels better"),
        bind(Only(StretchFeeling), &[c('2')], Msg::Feeling(Feeling::Same), "2", Some("same"), "after a routine: about the same"),
        bind(Only(StretchFeeling), &[c('3')], Msg::Feeling(Feeling::Worse), "3", Some("worse"), "after a routine: worse"),
        bind(Only(StretchFeeling), &[ESC], Msg::Cancel, "Esc", Some("skip"), "after a routine: skip the question"),
        // Trends
        bind(Only(Trends), &[LEFT, c('[')], Msg::Left, "←", Some("→ span"), "a shorter span: 7, 30, 90, 365 days or all ([ too)"),
        bind(Only(Trends), &[RIGHT, c(']')], Msg::Right, "→", None, "a longer span (] too)"),
        bind(Only(Trends), &[UP, c('k')], Msg::Up, "↑", Some("↓ section"), "the section before: chart, calendar, progress, what helps, activities (k too)"),
        bind(Only(Trends), &[DOWN, c('j')], Msg::Down, "↓", None, "the next section (j too)"),
        bind(Only(Trends), &[c('w')], Msg::WriteReport, "w", Some("write report"), "write the report for a clinician (HTML) for the span shown, and say where"),
        bind(Only(Trends), &[c('p')], Msg::RateActivities, "p", Some("rate activities"), "rate your activities now (the functional scale)"),
        bind(Only(Trends), &[c('a')], Msg::NameActivities, "a", None, "name or change the activities your neck makes hard (up to 5)"),
        bind(Only(TrendsRate), &[Key::Digit], Msg::Digit('0'), "0-10", Some("rating"), "how well you can do it: 0 unable, 10 as before the pain"),
        bind(Only(TrendsRate), &[ENTER], Msg::Enter, "Enter", Some("next"), "keep the rating and go to the next activity"),
        bind(Only(TrendsRate), &[BACKSPACE], Msg::Backspace, "Backspace", None, "take back a digit"),
        bind(Only(TrendsRate), &[ESC], Msg::Cancel, "Esc", Some("stop"), "stop rating; nothing is saved"),
        bind(Only(TrendsName), &[ENTER], Msg::Enter, "Enter", Some("next (empty ends)"), "keep this activity and name the next; an empty line ends the list"),
        bind(Only(TrendsName), &[ESC], Msg::Cancel, "Esc", Some("cancel"), "leave the activities as they were"),
        // Red flags, Help, Settings
        bind(Only(Flags), &[c('a'), c('A')], Msg::RecordAssessment, "a", Some("a clinician assessed me"), "record that a clinician has assessed you (asks first)"),
        bind(Only(Flags), &[UP, c('k')], Msg::Up, "↑", Some("↓ scroll"), "scroll up (k too)"),
        bind(Only(Flags), &[DOWN, c('j')], Msg::Down, "↓", None, "scroll down (j too)"),
        bind(Only(Help), &[UP, c('k')], Msg::Up, "↑", Some("↓ scroll"), "scroll up (k too)"),
        bind(Only(Help), &[DOWN, c('j')], Msg::Down, "↓", None, "scroll down (j too)"),
        bind(Only(Settings), &[ENTER], Msg::Enter, "Enter", Some("edit"), "in Settings: start changing them"),
        // Paging, wherever a page or a list scrolls (Trends: the section of words in view)
        bind(Paged, &[Key::Code(KeyCode::PageDown), c(' ')], Msg::Page(Paging::Down), "PgDn", None, "a page down (Space too)"),
        bind(Paged, &[Key::Code(KeyCode::PageUp)], Msg::Page(Paging::Up), "PgUp", None, "a page up"),
        bind(Paged, &[Key::Ctrl('d')], Msg::Page(Paging::HalfDown), "Ctrl-D", None, "half a page down"),
        bind(Paged, &[Key::Ctrl('u')], Msg::Page(Paging::HalfUp), "Ctrl-U", None, "half a page up"),
        bind(Paged, &[c('g'), Key::Code(KeyCode::Home)], Msg::Page(Paging::Top), "g", None, "to the top (Home too)"),
        bind(Paged, &[c('G'), Key::Code(KeyCode::End)], Msg::Page(Paging::Bottom), "G", None, "to the end (End too)"),
        // Everywhere else
        bind(Screens, &[TAB], Msg::NextScreen, "Tab", Some("next screen"), "next screen"),
        bind(Screens, &[BACKTAB], Msg::PrevScreen, "Shift-Tab", None, "previous screen"),
    ];
    for screen in enum_iterator::all::<Screen>() {
        let label = match screen_key(screen) {
            't' => "t",
            'i' => "i",
            's' => "s",
            'r' => "r",
            'f' => "f",
            'e' => "e",
            _ => "h",
        };
        t.push(bind(Screens, &[c(screen_key(screen))], Msg::Goto(screen), label, None, screen.title()));
    }
    t.push(bind(Screens, &[c('z')], Msg::Snooze, "z", None, "a desk-break reminder: again in 10 minutes"));
    t.push(bind(Screens, &[c('Z')], Msg::DismissBreak, "Z", None, "a desk-break reminder: skip this one"));
    t.push(bind(Scope::Showable, &[c('?'), F1], Msg::Keys, "?", Some("keys"), "the keys that work here, shown in place (F1 too)"));
    t.push(bind(Scope::Typing, &[F1], Msg::Keys, "F1", Some("keys"), "in a text field: the keys that work here, shown in place"));
    t.push(bind(ScreensAtRest, &[c('q')], Msg::Quit, "q", Some("quit"), "quit (your entries are already saved)"));
    t
});

/// Whether `binding` applies where `focus` has the keyboard.
pub fn applies(binding: &Binding, focus: Focus) -> bool {
    binding.scope.applies(focus)
}

/// How the key for `msg` is written ("f", "Enter"), for a hint in screen text: from the
/// table, so a hint cannot name a key that does something else.
pub fn hint(msg: Msg) -> &'static str {
    (table().iter().find(|b| b.msg == msg)).map_or("?", |b| b.label)
}

/// How to lift a lock, with the keys that open Red flags and record the assessment.
pub fn unlock() -> String {
    let (flags, assessed) = (hint(Msg::Goto(Screen::Flags)), hint(Msg::RecordAssessment));
    crate::domain::redflag::unlock(&format!("{flags}, then {assessed}"))
}

/// Whether `binding` works on every screen (or every page), rather than being particular to one.
pub fn general(binding: &Binding) -> bool {
    matches!(
        binding.scope,
        Scope::Anywhere
            | Scope::Screens
            | Scope::ScreensAtRest
            | Scope::Showable
            | Scope::Typing
            | Scope::Paged
    )
}

/// How the key for `msg` is written where `focus` has the keyboard ("Esc" closes the keys
/// shown, where elsewhere "?" opens them).
pub fn label_for(focus: Focus, msg: Msg) -> &'static str {
    let here = table().iter().filter(|b| b.scope.applies(focus));
    here.clone()
        .find(|b| b.msg == msg)
        .map_or_else(|| hint(msg), |b| b.label)
}

pub fn table() -> &'static [Binding] {
    &TABLE
}

fn key_of(event: KeyEvent) -> Key {
    if event.modifiers.contains(KeyModifiers::CONTROL)
        && let KeyCode::Char(ch) = event.code
    {
        return Key::Ctrl(ch);
    }
    Key::Code(event.code)
}

/// The message for a key press where `focus` has the keyboard.
pub fn map(focus: Focus, event: KeyEvent) -> Option<Msg> {
    let key = key_of(event);
    let digit = match event.code {
        KeyCode::Char(d)
            if d.is_ascii_digit() && event.modifiers.difference(KeyModifiers::SHIFT).is_empty() =>
        {
            Some(d)
        }
        _ => None,
    };
    for binding in table().iter().filter(|b| b.scope.applies(focus)) {
        if binding.keys.contains(&key) {
            return Some(binding.msg);
        }
        if let (Some(d), true) = (digit, binding.keys.contains(&Key::Digit)) {
            return Some(Msg::Digit(d));
        }
    }
    // In a text field, everything else edits the text.
    if focus.is_text() {
        return to_input_request(&Event::Key(event)).map(Msg::Edit);
    }
    None
}
