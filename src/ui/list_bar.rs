//! The line above a list: the filter being typed and what else narrows the list on the left
//! (cut to fit), the count on the right.

use ratatui::Frame;
use ratatui::layout::{Alignment, Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use unicode_width::UnicodeWidthStr;

use super::text::fit_spans;
use super::theme::Theme;
use crate::app::text_field::TextField;
use crate::i18n::Strings;
use crate::text::clean;

/// Draws the bar. `rest` follows the filter text (chosen filters, the sort); while `typing`,
/// the terminal cursor sits in the filter text.
pub fn render(
    frame: &mut Frame<'_>,
    s: &Strings,
    theme: Theme,
    area: Rect,
    (filter, typing): (&TextField, bool),
    rest: Vec<Span<'static>>,
    count: String,
) {
    let mut spans = Vec::with_capacity(rest.len() + 2);
    if typing || !filter.value().is_empty() {
        spans.push(Span::styled(s.filter_prompt, theme.key()));
        spans.push(Span::raw(clean(filter.value()).into_owned()));
    } else {
        spans.push(Span::styled(s.filter_none, theme.dim()));
    }
    spans.extend(rest);
    let [left, right] = Layout::horizontal([
        Constraint::Min(1),
        Constraint::Length(count.width() as u16 + 2),
    ])
    .areas(area);
    frame.render_widget(
        Paragraph::new(Line::from(fit_spans(spans, left.width as usize))),
        left,
    );
    frame.render_widget(
        Paragraph::new(count)
            .style(theme.title())
            .alignment(Alignment::Right),
        right,
    );
    if typing {
        let x = left.x + (s.filter_prompt.width() + filter.visual_cursor()) as u16;
        if x < left.right() {
            frame.set_cursor_position((x, left.y));
        }
    }
}
