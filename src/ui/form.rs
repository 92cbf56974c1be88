//! The form overlay and the yes/no question: labels, fields, inline errors.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph, Wrap};
use unicode_width::UnicodeWidthStr;

use super::overlay_area;
use super::text::{clean, truncate};
use super::theme::Theme;
use crate::app::{App, Confirm, Form};

pub fn render(frame: &mut Frame<'_>, form: &Form, app: &App, theme: Theme, area: Rect) {
    let s = app.strings();
    let width = area.width.min(76);
    // Per field: label+input line, and an error or hint line.
    let height = (form.fields.len() as u16) * 2 + 4;
    let r = overlay_area(frame, area, width, height);
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(theme.key())
        .title(Span::styled(
            format!(
                " {} ",
                truncate(&clean(&form.title), width.saturating_sub(4) as usize)
            ),
            theme.title(),
        ))
        .title_bottom(Line::from(format!(
            " {} ",
            truncate(s.form_keys, width.saturating_sub(4) as usize)
        )));
    let inner = block.inner(r);
    frame.render_widget(block, r);
    let label_w = form
        .fields
        .iter()
        .map(|f| f.label.width())
        .max()
        .unwrap_or(8)
        + 2;
    let input_w = (inner.width as usize).saturating_sub(label_w + 1).max(1);
    let mut y = inner.y + 1;
    for (i, field) in form.fields.iter().enumerate() {
        if y + 1 > inner.bottom() {
            break;
        }
        let focused = i == form.focus;
        let value = field.input.value();
        let scroll = field.input.scroll(input_w);
        let visible: String = clean(value).chars().skip(scroll).collect();
        let shown = truncate(&visible, input_w);
        let pad = input_w.saturating_sub(shown.width());
        let input_style = if focused {
            theme.selected()
        } else {
            theme
                .dim()
                .add_modifier(ratatui::style::Modifier::UNDERLINED)
        };
        let line = Line::from(vec![
            Span::styled(
                format!("{:<label_w$}", field.label),
                if focused { theme.key() } else { theme.title() },
            ),
            Span::styled(format!("{shown}{}", " ".repeat(pad)), input_style),
        ]);
        frame.render_widget(
            Paragraph::new(line),
            Rect {
                x: inner.x,
                y,
                width: inner.width,
                height: 1,
            },
        );
        if focused {
            let cx =
                inner.x + (label_w + field.input.visual_cursor().saturating_sub(scroll)) as u16;
            if cx < inner.right() {
                frame.set_cursor_position((cx, y));
            }
        }
        let note = match form.shown_error(i, s) {
            Some(err) => Line::styled(format!("{:label_w$}✖ {err}", ""), theme.error()),
            None => match field.hint {
                Some(h) if focused => Line::styled(format!("{:label_w$}{h}", ""), theme.dim()),
                _ => Line::from(""),
            },
        };
        frame.render_widget(
            Paragraph::new(note),
            Rect {
                x: inner.x,
                y: y + 1,
                width: inner.width,
                height: 1,
            },
        );
        y += 2;
    }
}

pub fn render_confirm(
    frame: &mut Frame<'_>,
    confirm: &Confirm,
    app: &App,
    theme: Theme,
    area: Rect,
) {
    let s = app.strings();
    let width = (confirm.question.width().max(s.confirm_keys.width()) as u16 + 6).min(area.width);
    let r = overlay_area(frame, area, width, 5);
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(theme.error());
    let lines = vec![
        Line::styled(confirm.question.clone(), theme.title()),
        Line::from(""),
        Line::styled(s.confirm_keys, theme.key()),
    ];
    frame.render_widget(
        Paragraph::new(lines).block(block).wrap(Wrap { trim: true }),
        r,
    );
}
