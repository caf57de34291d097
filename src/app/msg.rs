//! What can happen (messages), where the app is (screens), and what has the keyboard (focus).
//! Messages carry meanings, never key codes: `keys` turns key presses into these.

use enum_iterator::Sequence;
use tui_input::InputRequest;

use crate::domain::stretch::Feeling;
use crate::domain::therapy::{PackKind, Skin};

/// In tab order (`enum_iterator::all`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Sequence)]
pub enum Screen {
    Today,
    Timers,
    Stretches,
    Trends,
    Flags,
    Settings,
    Help,
}

impl Screen {
    pub fn title(self) -> &'static str {
        match self {
            Screen::Today => "Today",
            Screen::Timers => "Timers",
            Screen::Stretches => "Stretches",
            Screen::Trends => "Trends",
            Screen::Flags => "Red flags",
            Screen::Settings => "Settings",
            Screen::Help => "Help",
        }
    }
}

/// Scrolling by more than a line, as pagers do.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Paging {
    Up,
    Down,
    HalfUp,
    HalfDown,
    Top,
    Bottom,
    /// A few rows, as a mouse wheel turns (in a list, one).
    LinesUp,
    LinesDown,
}

/// What can happen. Keys are turned into these by `keys`; time passing is `Tick`.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Msg {
    Tick,
    /// Another process may have saved: look at the store's stamps again.
    DataChanged,
    /// The first screen is drawn: read the rest of the history (see `Diary::open_recent`).
    ReadHistory,
    /// The terminal's size, at start and after each resize.
    Resized(u16, u16),
    /// How far the long page on show (Help, Red flags) can scroll at the terminal's size, as
    /// the view measured it: only the view knows how the page wraps.
    PageEnd(super::Measure),
    /// A key with no binding where it was pressed: it only closes a message.
    Other,
    Quit,
    /// Scroll a long page or list by more than a line.
    Page(Paging),
    /// Show the keys of the screen in place, or hide them.
    Keys,
    /// q while a routine plays: quitting asks first.
    QuitAsks,
    Goto(Screen),
    NextScreen,
    PrevScreen,
    /// Up/down in whatever list has focus.
    Up,
    Down,
    /// A click on the n-th of what is listed (an entry, a routine, a section, a row of the
    /// form): picks it, and a click on what is already picked opens it, as Enter does.
    Pick(usize),
    /// A click on option `.1` of the form's field `.0` (a fixed choice): chooses it.
    Choose(usize, usize),
    /// The check-in form's next or previous section (places, symptoms, warning signs, ...).
    NextSection,
    PrevSection,
    Enter,
    /// Save the check-in form (its own key, so Enter never saves half a form).
    Save,
    Cancel,
    /// An edit to the focused text field.
    Edit(InputRequest),
    // Today
    Digit(char),
    Backspace,
    PrevDay,
    NextDay,
    NewCheckin,
    Backfill,
    CopyLast,
    Delete,
    /// Bring back the check-in deleted last.
    Undo,
    /// Show or hide the picked check-in in full (for terminals with no room for the pane).
    Details,
    // Forms
    NextField,
    PrevField,
    Toggle,
    Left,
    Right,
    // Questions
    /// Close the message about a warning sign just reported.
    Dismiss,
    Yes,
    No,
    RecordAssessment,
    // Timers
    /// Start a session of this kind, or of the recommended kind.
    StartTimer(Option<PackKind>),
    PauseResume,
    Extend,
    StopTimer,
    /// How the skin feels, at a skin check.
    Skin(Skin),
    // Stretches
    /// On to the next exercise.
    Skip,
    /// Back to the start of this exercise (or the one before).
    Back,
    /// Stop the routine and report what came on.
    Report,
    /// How the neck feels after a routine.
    Feeling(Feeling),
    /// Put the desk-break reminder off ten minutes.
    Snooze,
    /// Dismiss the desk-break reminder.
    DismissBreak,
    // Trends
    /// Name (or rename) the activities of the functional scale.
    NameActivities,
    /// Rate the activities now.
    RateActivities,
    /// Write the report for a clinician to a file.
    WriteReport,
}

/// What the keyboard is talking to. Worked out once, in `App::focus`; the key table, the footer
/// and Help all go by it.
/// Every focus there is (`enum_iterator::all`): footers are worked out for each, and tests walk
/// the key table with it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Sequence)]
pub enum Focus {
    /// The terminal is too small to show the screens: only quitting works, so nothing is
    /// changed unseen.
    TooSmall,
    /// The message about a warning sign just reported.
    Alert,
    /// A yes/no question.
    Confirm,
    /// The keys of the screen, shown in place over it.
    Keys,
    /// The first-run welcome; `text` when a text field has the cursor.
    Welcome {
        text: bool,
    },
    /// The Settings screen's form, open for changes.
    SettingsEdit {
        text: bool,
    },
    /// The check-in form.
    Form {
        text: bool,
    },
    Today,
    /// Timers with no session running.
    TimersIdle,
    /// Timers closed by an unassessed warning sign: nothing can start.
    TimersLocked,
    TimersRunning,
    /// A session not yet ended while an unassessed warning sign locks timers: only stop.
    TimersRunningLocked,
    /// The first-use safety notes of a pack.
    TimerNotes,
    /// A pain rating before a session (n starts nothing).
    TimerPain,
    /// A pain rating after a session.
    TimerPainAfter,
    TimerSkin,
    Flags,
    Settings,
    Help,
    /// The list of routines.
    Stretches,
    /// Stretches closed by an unassessed warning sign.
    StretchesLocked,
    StretchPlaying,
    /// Pain before a routine (n starts nothing).
    StretchPain,
    /// Pain after a routine.
    StretchPainAfter,
    /// How the neck feels after a routine.
    StretchFeeling,
    Trends,
    /// Rating an activity 0-10.
    TrendsRate,
    /// Naming an activity (a text field).
    TrendsName,
}

impl Focus {
    /// Whether typed characters go into a text field (so letters are not keys).
    pub fn is_text(self) -> bool {
        matches!(
            self,
            Focus::Welcome { text: true }
                | Focus::SettingsEdit { text: true }
                | Focus::Form { text: true }
                | Focus::TrendsName
        )
    }
}
