//! Tabs 3–5 until their own screens land: the title and what the tab will hold.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Block, Borders, Paragraph, Wrap};

use super::theme::Theme;
use crate::app::{App, Tab};

pub fn render(frame: &mut Frame<'_>, app: &App, theme: Theme, area: Rect) {
    let s = app.strings();
    let note = match app.tab {
        Tab::Initiatives => s.coming_initiatives,
        Tab::Volunteer => s.coming_volunteer,
        _ => s.coming_kpi,
    };
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(theme.dim())
        .title(Line::styled(
            format!(" {} ", app.tab.title(s)),
            theme.title(),
        ));
    frame.render_widget(
        Paragraph::new(note).block(block).wrap(Wrap { trim: true }),
        area,
    );
}
