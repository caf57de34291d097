//! Styles. Without colour (NO_COLOR), levels and selections stay visible through symbols, bold
//! and reverse video.

use ratatui::style::{Color, Modifier, Style};

use crate::domain::redflag::Level;

#[derive(Clone, Copy)]
pub struct Theme {
    color: bool,
}

impl Theme {
    pub fn new(color: bool) -> Self {
        Theme { color }
    }

    fn pick(&self, colored: Style, plain: Style) -> Style {
        if self.color { colored } else { plain }
    }

    pub fn level(&self, level: Level) -> Style {
        let bold = Style::new().add_modifier(Modifier::BOLD);
        match level {
            Level::Emergency => self.pick(
                bold.fg(Color::White).bg(Color::Red),
                bold.add_modifier(Modifier::REVERSED),
            ),
            Level::Urgent => self.pick(
                bold.fg(Color::Black).bg(Color::Yellow),
                bold.add_modifier(Modifier::REVERSED),
            ),
            Level::Soon => self.pick(bold.fg(Color::Black).bg(Color::Cyan), bold),
        }
    }

    /// The banner when no sign is active: present, but calm, unlike any level's alarm style.
    pub fn banner_rest(&self) -> Style {
        self.pick(Style::new().fg(Color::LightRed), Style::new())
    }

    pub fn assessed(&self) -> Style {
        self.pick(Style::new().fg(Color::Green), Style::new())
    }

    pub fn selected(&self) -> Style {
        Style::new().add_modifier(Modifier::REVERSED)
    }

    pub fn heading(&self) -> Style {
        self.pick(
            Style::new().fg(Color::Cyan).add_modifier(Modifier::BOLD),
            Style::new().add_modifier(Modifier::BOLD),
        )
    }

    pub fn dim(&self) -> Style {
        self.pick(Style::new().fg(Color::DarkGray), Style::new())
    }

    pub fn error(&self) -> Style {
        self.pick(
            Style::new().fg(Color::Red).add_modifier(Modifier::BOLD),
            Style::new().add_modifier(Modifier::BOLD),
        )
    }

    pub fn ok(&self) -> Style {
        self.pick(Style::new().fg(Color::Green), Style::new())
    }

    pub fn timer(&self) -> Style {
        self.pick(
            Style::new().fg(Color::Cyan).add_modifier(Modifier::BOLD),
            Style::new().add_modifier(Modifier::BOLD),
        )
    }

    pub fn key(&self) -> Style {
        self.pick(
            Style::new().fg(Color::Yellow).add_modifier(Modifier::BOLD),
            Style::new().add_modifier(Modifier::BOLD),
        )
    }

    /// A chart line by its part: the daily mean, the worst, the 7-day mean, the activities score.
    pub fn series(&self, part: usize) -> Style {
        let color = [Color::Cyan, Color::Red, Color::Yellow, Color::Green];
        self.pick(Style::new().fg(color[part % color.len()]), Style::new())
    }

    /// A calendar day by its mean pain: calm, middling or high (the number is always shown).
    pub fn pain(&self, mean: f64) -> Style {
        let color = match mean {
            m if m < 3.5 => Color::Green,
            m if m < 6.5 => Color::Yellow,
            _ => Color::Red,
        };
        self.pick(Style::new().fg(color), Style::new())
    }
}
