//! Which part of the app the keyboard talks to: worked out here once, for the key table, the
//! footer and Help.

use super::stretches::Stage;
use super::{App, Focus, MIN_HEIGHT, MIN_WIDTH, Screen, TimerPrompt};

impl App {
    /// What the keyboard talks to now; the key table, the footer and Help go by it.
    pub fn focus(&self) -> Focus {
        if self
            .size
            .is_some_and(|(w, h)| w < MIN_WIDTH || h < MIN_HEIGHT)
        {
            return Focus::TooSmall;
        }
        if self.alert.is_some() {
            return Focus::Alert;
        }
        if self.keys.is_some() {
            return Focus::Keys;
        }
        if self.confirm.is_some() {
            return Focus::Confirm;
        }
        let text = self.settings_form.text_focus();
        if self.welcome() {
            return Focus::Welcome { text };
        }
        match self.screen {
            Screen::Today => match &self.today_state.form {
                Some(form) => Focus::Form {
                    text: form.focused().is_text(),
                },
                None => Focus::Today,
            },
            Screen::Settings if self.settings_form.editing => Focus::SettingsEdit { text },
            Screen::Settings => Focus::Settings,
            Screen::Timers => match self.timers.prompt {
                Some(TimerPrompt::Safety(_)) => Focus::TimerNotes,
                Some(TimerPrompt::PainBefore(_)) => Focus::TimerPain,
                Some(TimerPrompt::PainAfter { .. }) => Focus::TimerPainAfter,
                Some(TimerPrompt::SkinCheck(_)) => Focus::TimerSkin,
                None if self.diary.running().is_some() && self.diary.locked() => {
                    Focus::TimersRunningLocked
                }
                None if self.diary.running().is_some() => Focus::TimersRunning,
                None if self.diary.locked() => Focus::TimersLocked,
                None => Focus::TimersIdle,
            },
            Screen::Flags => Focus::Flags,
            Screen::Help => Focus::Help,
            Screen::Stretches => match self.stretches.stage {
                Stage::List if self.diary.locked() => Focus::StretchesLocked,
                Stage::List => Focus::Stretches,
                Stage::PainBefore(_) => Focus::StretchPain,
                Stage::PainAfter { .. } => Focus::StretchPainAfter,
                Stage::Playing { .. } => Focus::StretchPlaying,
                Stage::Feeling { .. } => Focus::StretchFeeling,
            },
            Screen::Trends => match self.trends().prompt {
                None => Focus::Trends,
                Some(super::Prompt::Rate { .. }) => Focus::TrendsRate,
                Some(super::Prompt::Name { .. }) => Focus::TrendsName,
            },
        }
    }
}
