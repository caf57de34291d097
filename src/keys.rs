//! Key presses to messages, by what has focus: a question, a form, or a screen.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use crate::app::{App, Msg, Screen};
use crate::domain::therapy::PackKind;

pub fn map(app: &App, key: KeyEvent) -> Option<Msg> {
    if key.modifiers.contains(KeyModifiers::CONTROL) && key.code == KeyCode::Char('c') {
        return Some(Msg::Quit);
    }
    if app.confirm.is_some() {
        return match key.code {
            KeyCode::Char('y' | 'Y') => Some(Msg::Yes),
            KeyCode::Char('n' | 'N') | KeyCode::Esc => Some(Msg::No),
            _ => None,
        };
    }
    if app.welcome() || (app.screen == Screen::Settings && app.settings_form.editing) {
        return form_key(key, app.settings_form.text_focus());
    }
    if let Some(form) = &app.form {
        return form_key(key, form.focused().is_text());
    }
    if let Some(msg) = screen_key(app, key) {
        return Some(msg);
    }
    match key.code {
        KeyCode::Tab => Some(Msg::NextScreen),
        KeyCode::BackTab => Some(Msg::PrevScreen),
        KeyCode::Char('q') => Some(Msg::Quit),
        KeyCode::Char('?') => Some(Msg::Goto(Screen::Help)),
        KeyCode::Char(c) => Screen::ALL
            .into_iter()
            .find(|s| s.key() == c)
            .map(Msg::Goto),
        _ => None,
    }
}

/// Keys in a form: movement and saving; characters go to the focused text field.
fn form_key(key: KeyEvent, text_focus: bool) -> Option<Msg> {
    Some(match key.code {
        KeyCode::Tab | KeyCode::Down => Msg::NextField,
        KeyCode::BackTab | KeyCode::Up => Msg::PrevField,
        KeyCode::Enter => Msg::Enter,
        KeyCode::Esc => Msg::Cancel,
        KeyCode::Char(' ') if !text_focus => Msg::Toggle,
        KeyCode::Left if !text_focus => Msg::Left,
        KeyCode::Right if !text_focus => Msg::Right,
        _ if text_focus => Msg::Text(key),
        _ => return None,
    })
}

fn screen_key(app: &App, key: KeyEvent) -> Option<Msg> {
    let screen = app.screen;
    let common = match key.code {
        KeyCode::Up | KeyCode::Char('k') => Some(Msg::Up),
        KeyCode::Down | KeyCode::Char('j') => Some(Msg::Down),
        _ => None,
    };
    match screen {
        Screen::Today => Some(match key.code {
            KeyCode::Char(c @ '0'..='9') => Msg::Digit(c),
            KeyCode::Backspace => Msg::Backspace,
            KeyCode::Enter => Msg::Enter,
            KeyCode::Esc => Msg::Cancel,
            KeyCode::Left | KeyCode::Char('[') => Msg::PrevDay,
            KeyCode::Right | KeyCode::Char(']') => Msg::NextDay,
            KeyCode::Char('a') => Msg::NewCheckin,
            KeyCode::Char('b') => Msg::Backfill,
            KeyCode::Char('c') => Msg::CopyLast,
            KeyCode::Char('d') | KeyCode::Delete => Msg::Delete,
            _ => return common,
        }),
        Screen::Flags => match key.code {
            KeyCode::Char('a' | 'A') => Some(Msg::RecordAssessment),
            _ => common,
        },
        Screen::Settings => (key.code == KeyCode::Enter).then_some(Msg::Enter),
        Screen::Timers => timer_key(app, key),
        Screen::Help => common,
        Screen::Stretches | Screen::Trends => None,
    }
}

/// On Timers, a waiting question takes digits, Enter, Esc and y; otherwise the timer keys.
fn timer_key(app: &App, key: KeyEvent) -> Option<Msg> {
    if app.timer.prompt.is_some() {
        return match key.code {
            KeyCode::Char(c @ '0'..='9') => Some(Msg::Digit(c)),
            KeyCode::Char('y' | 'Y') => Some(Msg::Yes),
            KeyCode::Backspace => Some(Msg::Backspace),
            KeyCode::Enter => Some(Msg::Enter),
            KeyCode::Esc => Some(Msg::Cancel),
            _ => None,
        };
    }
    Some(match key.code {
        KeyCode::Enter => Msg::StartTimer(None),
        KeyCode::Char('c') => Msg::StartTimer(Some(PackKind::Cold)),
        KeyCode::Char('w') => Msg::StartTimer(Some(PackKind::Heat)),
        KeyCode::Char('p' | ' ') => Msg::PauseResume,
        KeyCode::Char('+' | '=') => Msg::Extend,
        KeyCode::Char('x') => Msg::StopTimer,
        _ => return None,
    })
}
