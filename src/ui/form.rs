//! The form overlay and the yes/no question: labels, fields of each kind, a picker's list under
//! its field, inline errors, and scrolling when a form is taller than the screen.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Modifier;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph, Wrap};
use unicode_width::UnicodeWidthStr;

use super::overlay_area;
use super::theme::Theme;
use crate::app::form::{Choice, Field, Input, Pick};
use crate::app::{App, Confirm, Form};
use crate::i18n::Strings;
use crate::text::{clean, truncate};

/// Most lines a picker's list shows at once.
const PICKER_ROWS: usize = 6;

fn field_rows(field: &Field) -> u16 {
    match &field.input {
        Input::Lines(l) => l.rows.max(1),
        _ => 1,
    }
}

pub fn render(frame: &mut Frame<'_>, form: &Form, app: &App, theme: Theme, area: Rect) {
    let s = app.strings();
    let width = area.width.min(92);
    let errors: Vec<Option<String>> = (0..form.fields.len())
        .map(|i| form.shown_error(i, s))
        .collect();
    // Each field's first row, counted from the top of the content.
    let mut tops = Vec::with_capacity(form.fields.len());
    let mut y = 0u16;
    for (f, e) in form.fields.iter().zip(&errors) {
        tops.push(y);
        y += field_rows(f) + u16::from(e.is_some());
    }
    let mut content = y + 1; // one line for the focused field's hint
    // A short form with a picker keeps room for the picker's list inside its frame.
    if form
        .fields
        .iter()
        .any(|f| matches!(f.input, Input::Choice(_)))
    {
        content = content.max(PICKER_ROWS as u16 + 4);
    }
    let height = (content + 2).min(area.height);
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
            truncate(
                if matches!(form.purpose, crate::app::form::Purpose::ImportPath { .. }) {
                    s.im_prompt_keys
                } else {
                    s.form_keys
                },
                width.saturating_sub(4) as usize
            )
        )));
    let inner = block.inner(r);
    frame.render_widget(block, r);
    if inner.height < 2 || inner.width < 8 {
        return;
    }
    let label_w = form
        .fields
        .iter()
        .map(|f| f.label.width())
        .max()
        .unwrap_or(8)
        .min(20)
        + 2;
    let input_w = (inner.width as usize).saturating_sub(label_w).max(1);
    // Room for fields: all but the hint line. Scroll so the focused field shows whole.
    let room = inner.height - 1;
    let focus = form.focus.min(form.fields.len().saturating_sub(1));
    let focus_bottom = tops.get(focus).copied().unwrap_or(0)
        + form.fields.get(focus).map_or(1, field_rows)
        + u16::from(errors.get(focus).is_some_and(Option::is_some));
    let offset = focus_bottom.saturating_sub(room);

    let mut dropdown: Option<(Rect, &Choice)> = None;
    for (i, field) in form.fields.iter().enumerate() {
        let rows = field_rows(field);
        let Some(top) = tops[i].checked_sub(offset) else {
            continue;
        };
        if top + rows > room {
            break;
        }
        let y = inner.y + top;
        let focused = i == focus;
        let label_style = if focused { theme.key() } else { theme.title() };
        frame.render_widget(
            Paragraph::new(Span::styled(
                truncate(field.label, label_w - 1),
                label_style,
            )),
            Rect {
                x: inner.x,
                y,
                width: label_w as u16,
                height: 1,
            },
        );
        let input_area = Rect {
            x: inner.x + label_w as u16,
            y,
            width: input_w as u16,
            height: rows,
        };
        render_input(frame, field, focused, theme, input_area, s);
        if focused
            && let Input::Choice(c) = &field.input
            && c.open
        {
            dropdown = Some((input_area, c));
        }
        if let Some(err) = &errors[i]
            && top + rows < room
        {
            frame.render_widget(
                Paragraph::new(Line::styled(
                    truncate(&format!("✖ {err}"), input_w),
                    theme.error(),
                )),
                Rect {
                    x: input_area.x,
                    y: y + rows,
                    width: input_w as u16,
                    height: 1,
                },
            );
        }
    }
    if let Some(hint) = form.fields.get(focus).and_then(|f| f.hint) {
        frame.render_widget(
            Paragraph::new(Line::styled(
                truncate(hint, inner.width as usize),
                theme.dim(),
            )),
            Rect {
                x: inner.x,
                y: inner.bottom() - 1,
                width: inner.width,
                height: 1,
            },
        );
    }
    if let Some((at, choice)) = dropdown {
        render_dropdown(frame, choice, theme, at, area, s);
    }
}

fn render_input(
    frame: &mut Frame<'_>,
    field: &Field,
    focused: bool,
    theme: Theme,
    area: Rect,
    s: &Strings,
) {
    let width = area.width as usize;
    let box_style = if focused {
        theme.selected()
    } else {
        theme.dim().add_modifier(Modifier::UNDERLINED)
    };
    match &field.input {
        Input::Line(f) => {
            let scroll = f.scroll(width);
            let visible: String = clean(f.value()).chars().skip(scroll).collect();
            let shown = truncate(&visible, width);
            let pad = width.saturating_sub(shown.width());
            frame.render_widget(
                Paragraph::new(Span::styled(
                    format!("{shown}{}", " ".repeat(pad)),
                    box_style,
                )),
                area,
            );
            if focused {
                let x = area.x + f.visual_cursor().saturating_sub(scroll) as u16;
                if x < area.right() {
                    frame.set_cursor_position((x, area.y));
                }
            }
        }
        Input::Choice(c) => {
            let typed = c.query.value();
            let (text, style) = if focused && !typed.is_empty() {
                (clean(typed).into_owned(), box_style)
            } else if c.selected.is_empty() {
                ("—".to_string(), box_style)
            } else if c.multi {
                (s.d_multi_chosen(c.selected.len(), c.label()), box_style)
            } else {
                (clean(&c.label()).into_owned(), box_style)
            };
            let shown = truncate(&format!("{text} ▾"), width);
            let pad = width.saturating_sub(shown.width());
            frame.render_widget(
                Paragraph::new(Span::styled(format!("{shown}{}", " ".repeat(pad)), style)),
                area,
            );
            if focused {
                let x = area.x + c.query.visual_cursor() as u16;
                if x < area.right() {
                    frame.set_cursor_position((x, area.y));
                }
            }
        }
        Input::Lines(l) if focused => {
            frame.render_widget(&*l.area, area);
        }
        Input::Lines(l) => {
            frame.render_widget(
                Paragraph::new(clean(&l.text()).into_owned())
                    .style(theme.dim())
                    .wrap(Wrap { trim: false }),
                area,
            );
            if l.text().is_empty() {
                frame.render_widget(
                    Paragraph::new(Span::styled(" ".repeat(width), box_style)),
                    Rect { height: 1, ..area },
                );
            }
        }
    }
}

/// The picker's list: under its field when there is room, else above it.
fn render_dropdown(
    frame: &mut Frame<'_>,
    choice: &Choice,
    theme: Theme,
    at: Rect,
    screen: Rect,
    s: &Strings,
) {
    let matches = choice.matches();
    if matches.is_empty() {
        return;
    }
    let rows = matches.len().min(PICKER_ROWS) as u16;
    let below = screen.bottom().saturating_sub(at.bottom());
    let above = at.y.saturating_sub(screen.y);
    let (y, rows) = if below >= rows + 2 || below >= above {
        (at.bottom(), rows.min(below.saturating_sub(2)))
    } else {
        (
            at.y.saturating_sub(rows.min(above.saturating_sub(2)) + 2),
            rows.min(above.saturating_sub(2)),
        )
    };
    if rows == 0 {
        return;
    }
    let area = Rect {
        x: at.x,
        y,
        width: at.width,
        height: rows + 2,
    };
    frame.render_widget(Clear, area);
    let cursor = choice.cursor.min(matches.len() - 1);
    let first = (cursor + 1).saturating_sub(rows as usize);
    let width = at.width.saturating_sub(2) as usize;
    let lines: Vec<Line> = matches
        .iter()
        .enumerate()
        .skip(first)
        .take(rows as usize)
        .map(|(i, pick)| {
            let (text, chosen) = match pick {
                Pick::Option(o) => (
                    clean(&choice.options[*o].label).into_owned(),
                    choice.selected.contains(o),
                ),
                Pick::New(label) => (s.new_option(label), false),
            };
            let mark = match (choice.multi, chosen) {
                (true, true) => "[x] ",
                (true, false) => "[ ] ",
                (false, true) => "✔ ",
                (false, false) => "  ",
            };
            let style = if i == cursor {
                theme.cursor_cell()
            } else {
                Default::default()
            };
            Line::styled(truncate(&format!("{mark}{text}"), width), style)
        })
        .collect();
    let more = matches.len().saturating_sub(first + rows as usize);
    let mut block = Block::default()
        .borders(Borders::ALL)
        .border_style(theme.key());
    if more > 0 {
        block = block.title_bottom(Line::from(format!(" +{more} ")));
    }
    frame.render_widget(Paragraph::new(lines).block(block), area);
}

pub fn render_confirm(
    frame: &mut Frame<'_>,
    confirm: &Confirm,
    app: &App,
    theme: Theme,
    area: Rect,
) {
    let s = app.strings();
    let question = clean(&confirm.question).into_owned();
    let width = (question.width().max(s.confirm_keys.width()) as u16 + 4)
        .min(area.width.min(76))
        .max(20);
    // As tall as the wrapped question needs, so the keys line always shows.
    let inner_w = width.saturating_sub(2).max(1) as usize;
    let question_rows = question.width().div_ceil(inner_w).max(1) as u16 + 1;
    let r = overlay_area(frame, area, width, question_rows + 4);
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(theme.error());
    let lines = vec![
        Line::styled(question, theme.title()),
        Line::from(""),
        Line::styled(s.confirm_keys, theme.key()),
    ];
    frame.render_widget(
        Paragraph::new(lines).block(block).wrap(Wrap { trim: true }),
        r,
    );
}
