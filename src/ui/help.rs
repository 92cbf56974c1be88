//! The `?` overlay: every key that works where the officer is, read from the keymap itself.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph};
use unicode_width::UnicodeWidthStr;

use super::overlay_area;
use super::theme::Theme;
use crate::app::App;
use crate::app::keymap::{self, Context, keys_label};
use crate::text::truncate;

pub fn render(frame: &mut Frame<'_>, app: &App, theme: Theme, area: Rect) {
    let s = app.strings();
    let contexts = app.contexts_under_help();
    let screen = if app.form.is_some() {
        app.form
            .as_ref()
            .map_or("", |f| f.title.as_str())
            .to_string()
    } else {
        app.tab.title(s).to_string()
    };
    let bindings = keymap::active_keys(&contexts);
    let key_w = bindings
        .iter()
        .map(|(_, keys)| keys_label(keys).width())
        .max()
        .unwrap_or(4)
        .max(8);
    let mut lines: Vec<Line> = Vec::new();
    let mut section = None;
    for (b, keys) in &bindings {
        let is_global = b.context == Context::Global;
        if section != Some(is_global) {
            section = Some(is_global);
            // A blank line between sections, when the overlay has room for it.
            if !lines.is_empty() && bindings.len() + 6 < area.height as usize {
                lines.push(Line::from(""));
            }
            let title = if is_global {
                s.help_section_global
            } else {
                s.help_section_screen
            };
            lines.push(Line::styled(title, theme.title()));
        }
        lines.push(Line::from(vec![
            Span::styled(format!("  {:<key_w$}  ", keys_label(keys)), theme.key()),
            Span::raw((b.help)(s)),
        ]));
    }
    if app.is_typing() || contexts.contains(&Context::TextEdit) {
        lines.push(Line::from(vec![
            Span::styled(format!("  {:<key_w$}  ", s.help_typing), theme.key()),
            Span::raw(s.help_typing_keys),
        ]));
    }
    let close_keys: Vec<String> = keymap::active_keys(&[Context::Help])
        .iter()
        .map(|(b, keys)| format!("{}: {}", keys_label(keys), (b.help)(s)))
        .collect();
    let width = lines.iter().map(Line::width).max().unwrap_or(20).max(40) as u16 + 4;
    let height = lines.len() as u16 + 2;
    let r = overlay_area(frame, area, width, height);
    let title = s.help_title(&screen);
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(theme.key())
        .title(Span::styled(
            format!(" {} ", truncate(&title, r.width.saturating_sub(4) as usize)),
            theme.title(),
        ))
        .title_bottom(Line::from(format!(
            " {} ",
            truncate(&close_keys.join(" · "), r.width.saturating_sub(4) as usize)
        )));
    let inner = block.inner(r);
    let max_scroll = lines.len().saturating_sub(inner.height as usize);
    let scroll = app.help_scroll.get().min(max_scroll);
    app.help_scroll.set(scroll);
    frame.render_widget(
        Paragraph::new(lines)
            .block(block)
            .scroll((scroll as u16, 0)),
        r,
    );
    // When not every key fits, a scrollbar on the border says there is more below.
    super::border_scrollbar(frame, r, max_scroll, scroll);
}
