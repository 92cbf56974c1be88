//! Colours and marks. Every state has a mark and a word, so the screen reads without colour
//! (NO_COLOR, monochrome terminals, colour-blind officers).

use ratatui::style::{Color, Modifier, Style};

use crate::domain::checklist::CheckState;

#[derive(Debug, Clone, Copy)]
pub struct Theme {
    pub color: bool,
}

impl Theme {
    pub fn new(no_color: bool) -> Theme {
        Theme { color: !no_color }
    }

    fn fg(self, c: Color) -> Style {
        if self.color {
            Style::new().fg(c)
        } else {
            Style::new()
        }
    }

    pub fn title(self) -> Style {
        Style::new().add_modifier(Modifier::BOLD)
    }

    pub fn dim(self) -> Style {
        if self.color {
            Style::new().fg(Color::DarkGray)
        } else {
            Style::new()
        }
    }

    pub fn selected(self) -> Style {
        if self.color {
            Style::new()
                .bg(Color::Blue)
                .fg(Color::White)
                .add_modifier(Modifier::BOLD)
        } else {
            Style::new().add_modifier(Modifier::REVERSED)
        }
    }

    /// The selected cell inside the selected row.
    pub fn cursor_cell(self) -> Style {
        if self.color {
            Style::new()
                .bg(Color::Yellow)
                .fg(Color::Black)
                .add_modifier(Modifier::BOLD)
        } else {
            Style::new().add_modifier(Modifier::REVERSED | Modifier::UNDERLINED)
        }
    }

    pub fn tab_active(self) -> Style {
        if self.color {
            Style::new().fg(Color::Yellow).add_modifier(Modifier::BOLD)
        } else {
            Style::new().add_modifier(Modifier::REVERSED)
        }
    }

    pub fn key(self) -> Style {
        self.fg(Color::Cyan).add_modifier(Modifier::BOLD)
    }

    pub fn saved(self) -> Style {
        self.fg(Color::Green)
    }

    pub fn error(self) -> Style {
        self.fg(Color::Red).add_modifier(Modifier::BOLD)
    }

    pub fn warn(self) -> Style {
        self.fg(Color::Yellow)
    }

    pub fn good(self) -> Style {
        self.fg(Color::Green)
    }

    pub fn state(self, state: &CheckState) -> Style {
        match state {
            CheckState::Done { late: false, .. } => self.fg(Color::Green),
            CheckState::Done { late: true, .. } => self.fg(Color::LightGreen),
            CheckState::Pending { .. } => Style::new(),
            CheckState::DueSoon { .. } => self.fg(Color::Yellow).add_modifier(Modifier::BOLD),
            CheckState::Overdue { .. } => self.fg(Color::Red).add_modifier(Modifier::BOLD),
            CheckState::NotApplicable => self.dim(),
        }
    }
}

/// The one-character mark of a state, as the legend explains it.
pub fn mark(state: &CheckState) -> &'static str {
    match state {
        CheckState::Done { late: false, .. } => "✔",
        CheckState::Done { late: true, .. } => "✘",
        CheckState::Pending { .. } => "·",
        CheckState::DueSoon { .. } => "!",
        CheckState::Overdue { .. } => "✖",
        CheckState::NotApplicable => "–",
    }
}
