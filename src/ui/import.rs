//! The import preview: what a CSV would add, update and leave, or every reason it cannot go
//! in — over the screen it belongs to, until Enter (import) or Esc.

use ratatui::Frame;
use ratatui::layout::{Margin, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph};

use super::theme::Theme;
use crate::app::App;
use crate::app::update_import::ImportPreview;
use crate::io::import::{kind_name, preview::LineKind};
use crate::text::{clean, truncate, wrap};

pub fn render(frame: &mut Frame<'_>, p: &ImportPreview, app: &App, theme: Theme, area: Rect) {
    let s = app.strings();
    let r = area.inner(Margin {
        vertical: 0,
        horizontal: 1,
    });
    frame.render_widget(Clear, r);
    let title = s.im_preview_title(kind_name(p.plan.kind, s), clean(&p.plan.source));
    let hint = if !p.plan.is_clean() {
        s.im_errors_hint
    } else if p.can_apply() {
        s.im_confirm_hint
    } else {
        s.im_nothing_hint
    };
    let border = if p.plan.is_clean() {
        theme.key()
    } else {
        theme.error()
    };
    let inner_width = r.width.saturating_sub(2) as usize;
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(border)
        .title(Span::styled(
            format!(" {} ", truncate(&title, inner_width.saturating_sub(2))),
            theme.title(),
        ))
        .title_bottom(Line::from(format!(
            " {} ",
            truncate(hint, inner_width.saturating_sub(2))
        )));
    let inner = block.inner(r);
    frame.render_widget(block, r);

    // Text from the file goes through `clean`: a cell cannot reach the terminal raw.
    let text_width = inner.width.saturating_sub(1) as usize;
    let mut lines: Vec<Line> = Vec::new();
    for l in &p.lines {
        let style = match l.kind {
            LineKind::Summary | LineKind::Heading => theme.title(),
            LineKind::Error => theme.error(),
            LineKind::Note => theme.warn(),
            LineKind::Add => theme.saved(),
            LineKind::Update => Style::new(),
            LineKind::Unchanged | LineKind::More => theme.dim(),
        };
        let indent = !matches!(l.kind, LineKind::Summary | LineKind::Heading);
        for (i, piece) in wrap(&clean(&l.text), text_width.saturating_sub(2))
            .into_iter()
            .enumerate()
        {
            let lead = if indent && i > 0 { "  " } else { "" };
            lines.push(Line::styled(format!("{lead}{piece}"), style));
        }
    }
    let max_scroll = lines.len().saturating_sub(inner.height as usize);
    let scroll = p.scroll.get().min(max_scroll);
    p.scroll.set(scroll);
    let shown: Vec<Line> = lines
        .into_iter()
        .skip(scroll)
        .take(inner.height as usize)
        .collect();
    frame.render_widget(Paragraph::new(shown), inner);
    super::border_scrollbar(frame, r, max_scroll, scroll);
}
