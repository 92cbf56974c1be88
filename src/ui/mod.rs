//! Pure rendering of [`App`] into a frame: one module per screen plus shared widgets.
//! Rendering reads the state and never touches the store.

mod form;
mod gauge;
mod help;
mod import;
mod initiatives;
pub(crate) mod kpi;
mod list_bar;
mod overview;
pub mod snapshot;
mod table;
pub mod text;
pub mod theme;
mod units;
mod volunteer;

use chrono::Datelike;
use ratatui::Frame;
use ratatui::layout::{Alignment, Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Paragraph, Wrap};

use crate::app::keymap::{self, Command, chord_label};
use crate::app::{App, StatusKind, Tab};
use crate::domain::time::local_offset;
use crate::text::{clean, truncate};
use theme::Theme;
use unicode_width::UnicodeWidthStr;

/// The officer's terminal is 80×24 or larger; a little less still shows every screen whole.
pub const MIN_WIDTH: u16 = 72;
pub const MIN_HEIGHT: u16 = 20;

/// Whether `area` is large enough for the screens; below it only a notice is drawn.
pub fn fits(area: Rect) -> bool {
    area.width >= MIN_WIDTH && area.height >= MIN_HEIGHT
}

/// A tab's screen: draws the body between the tab bar and the footer.
type Screen = fn(&mut Frame<'_>, &App, Theme, Rect);

/// The one place the interface meets a tab: the module that draws it.
fn screen(tab: Tab) -> Screen {
    match tab {
        Tab::Overview => overview::render,
        Tab::Units => units::render,
        Tab::Initiatives => initiatives::render,
        Tab::Volunteer => volunteer::render,
        Tab::Kpi => kpi::render,
    }
}

pub fn render(frame: &mut Frame<'_>, app: &App) {
    let area = frame.area();
    let theme = Theme::new(app.no_color);
    if !fits(area) {
        return too_small(frame, app, area);
    }
    let [header, body, footer] = Layout::vertical([
        Constraint::Length(2),
        Constraint::Min(1),
        Constraint::Length(2),
    ])
    .areas(area);
    render_header(frame, app, theme, header);
    screen(app.tab)(frame, app, theme, body);
    render_footer(frame, app, theme, footer);
    if let Some(p) = &app.import {
        import::render(frame, p, app, theme, body);
    }
    if let Some(f) = &app.form {
        form::render(frame, f, app, theme, body);
    }
    if app.report_menu {
        render_report_menu(frame, app, theme, body);
    }
    if let Some(c) = &app.confirm {
        form::render_confirm(frame, c, app, theme, body);
    }
    if app.help_open {
        help::render(frame, app, theme, area);
    }
}

fn too_small(frame: &mut Frame<'_>, app: &App, area: Rect) {
    let s = app.strings();
    let need = s.too_small_need(MIN_WIDTH, MIN_HEIGHT, area.width, area.height);
    let mut lines = vec![Line::from(s.too_small), Line::from(need)];
    // A question asked here (quitting with unsaved typing) must still be readable.
    if let Some(c) = &app.confirm {
        lines.push(Line::from(""));
        lines.push(Line::from(c.question.clone()));
        lines.push(Line::from(s.confirm_keys));
    }
    frame.render_widget(
        Paragraph::new(lines)
            .alignment(Alignment::Center)
            .wrap(Wrap { trim: true }),
        area,
    );
}

fn render_header(frame: &mut Frame<'_>, app: &App, theme: Theme, area: Rect) {
    let s = app.strings();
    let [tabs_area, info_area] =
        Layout::vertical([Constraint::Length(1), Constraint::Length(1)]).areas(area);
    // When all titles do not fit, the other tabs show as their numbers only.
    let full: usize = Tab::ALL
        .iter()
        .map(|t| t.title(s).width() + 4)
        .sum::<usize>()
        + s.app_name.width()
        + 2;
    let compact = full > tabs_area.width as usize;
    let mut spans = vec![Span::styled(format!(" {} ", s.app_name), theme.title())];
    for tab in Tab::ALL {
        spans.push(Span::styled("│", theme.dim()));
        let label = if compact && tab != app.tab {
            format!(" {} ", tab.index() + 1)
        } else {
            format!(" {} {} ", tab.index() + 1, tab.title(s))
        };
        let style = if tab == app.tab {
            theme.tab_active()
        } else {
            Style::new()
        };
        spans.push(Span::styled(label, style));
    }
    frame.render_widget(Paragraph::new(Line::from(spans)), tabs_area);

    let local = app.now.with_timezone(&local_offset());
    let mut clock = format!(
        "{} {}",
        s.weekday_header(local.weekday()),
        local.format("%d/%m/%Y %H:%M:%S")
    );
    if app.clock.is_fixed() {
        clock = format!("{clock} ({})", s.fixed_clock);
    }
    let clock_width = clock.chars().count() as u16 + 1;
    let [left, right] =
        Layout::horizontal([Constraint::Min(1), Constraint::Length(clock_width)]).areas(info_area);
    let campaign = &app.board.campaign;
    let title = format!(
        " {} · {}",
        clean(&campaign.code),
        clean(&campaign.short_title)
    );
    // Read-only comes first on the line, so it shows at any width and on every screen.
    let left = match app.read_only {
        Some(why) => {
            let banner = format!(" {}: {} ", s.ro_banner, s.ro_reason(why));
            let w = (banner.width() as u16).min(left.width);
            let [flag, rest] =
                Layout::horizontal([Constraint::Length(w), Constraint::Min(0)]).areas(left);
            frame.render_widget(
                Paragraph::new(truncate(&banner, flag.width as usize)).style(theme.error()),
                flag,
            );
            rest
        }
        None => left,
    };
    frame.render_widget(
        Paragraph::new(truncate(&title, left.width as usize)).style(theme.dim()),
        left,
    );
    frame.render_widget(Paragraph::new(clock).alignment(Alignment::Right), right);
}

fn render_footer(frame: &mut Frame<'_>, app: &App, theme: Theme, area: Rect) {
    let s = app.strings();
    let [status_area, hints_area] =
        Layout::vertical([Constraint::Length(1), Constraint::Length(1)]).areas(area);
    if let Some(status) = &app.status {
        let style = match status.kind {
            StatusKind::Info => Style::new(),
            StatusKind::Saved => theme.saved(),
            StatusKind::Error => theme.error(),
        };
        let text = format!(" {}", clean(&status.text));
        // A message longer than a line takes the hints' line too: an error's reason must be
        // read whole (the hints are in `?` meanwhile).
        if text.width() > area.width as usize {
            frame.render_widget(
                Paragraph::new(text).style(style).wrap(Wrap { trim: false }),
                area,
            );
            return;
        }
        frame.render_widget(Paragraph::new(text).style(style), status_area);
    }
    // Help and quit always show; the screen's own keys fill the room left before them.
    let hints: Vec<(String, &str, bool)> = keymap::active_keys(&app.contexts())
        .into_iter()
        .filter_map(|(b, keys)| {
            let label = b.footer?;
            let essential = matches!(b.command(), Some(Command::ToggleHelp | Command::Quit));
            // A run of digits reads as one range ("0–9"), not as its first digit.
            let key = match (keys.first(), keys.last()) {
                (Some(first), Some(last))
                    if keys.len() > 2
                        && keys.iter().all(|k| {
                            matches!(k.code, ratatui::crossterm::event::KeyCode::Char(c) if c.is_ascii_digit())
                        }) =>
                {
                    format!("{}–{}", chord_label(*first), chord_label(*last))
                }
                (Some(first), _) => chord_label(*first),
                (None, _) => return None,
            };
            Some((key, label(s), essential))
        })
        .collect();
    let cost = |(key, word, _): &(String, &str, bool)| key.width() + word.width() + 3;
    let mut room =
        (hints_area.width as usize).saturating_sub(hints.iter().filter(|h| h.2).map(cost).sum());
    let mut spans = Vec::new();
    let mut tail = Vec::new();
    for hint in &hints {
        let target = if hint.2 {
            &mut tail
        } else if cost(hint) <= room {
            room -= cost(hint);
            &mut spans
        } else {
            continue;
        };
        target.push(Span::raw(" "));
        target.push(Span::styled(hint.0.clone(), theme.key()));
        target.push(Span::raw(format!(" {} ", hint.1)));
    }
    spans.extend(tail);
    frame.render_widget(Paragraph::new(Line::from(spans)), hints_area);
}

/// The report choice `R` opened: one line per choice, its keys and what it writes, read from
/// the keymap so the box says what the keys do.
fn render_report_menu(frame: &mut Frame<'_>, app: &App, theme: Theme, area: Rect) {
    use ratatui::widgets::{Block, Borders};
    let s = app.strings();
    let lines: Vec<(String, &str)> = keymap::active_keys(&[keymap::Context::ReportMenu])
        .into_iter()
        .filter(|(b, _)| b.footer.is_some() && b.command() != Some(Command::ToggleHelp))
        .map(|(b, keys)| (keymap::keys_label(&keys), (b.help)(s)))
        .collect();
    let key_w = lines.iter().map(|(k, _)| k.width()).max().unwrap_or(0);
    let text_w = lines.iter().map(|(_, t)| t.width()).max().unwrap_or(0);
    let width = (key_w + text_w + 6) as u16;
    let r = overlay_area(frame, area, width, lines.len() as u16 + 2);
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(theme.key())
        .title(Span::styled(
            format!(" {} ", s.menu_report_title),
            theme.title(),
        ));
    let body: Vec<Line<'_>> = lines
        .into_iter()
        .map(|(keys, text)| {
            Line::from(vec![
                Span::styled(format!(" {keys:<key_w$} "), theme.key()),
                Span::raw(format!(" {text}")),
            ])
        })
        .collect();
    frame.render_widget(
        Paragraph::new(body).block(block).wrap(Wrap { trim: true }),
        r,
    );
}

/// A centred rectangle of at most `width`×`height` inside `area`, cleared for an overlay.
/// A scrollbar on the right border of the boxed `area`, when there is more than fits.
fn border_scrollbar(frame: &mut Frame<'_>, area: Rect, max_scroll: usize, scroll: usize) {
    if max_scroll == 0 {
        return;
    }
    let mut state = ratatui::widgets::ScrollbarState::new(max_scroll).position(scroll);
    frame.render_stateful_widget(
        ratatui::widgets::Scrollbar::new(ratatui::widgets::ScrollbarOrientation::VerticalRight),
        area.inner(ratatui::layout::Margin {
            vertical: 1,
            horizontal: 0,
        }),
        &mut state,
    );
}

fn overlay_area(frame: &mut Frame<'_>, area: Rect, width: u16, height: u16) -> Rect {
    let w = width.min(area.width);
    let h = height.min(area.height);
    let r = Rect {
        x: area.x + (area.width - w) / 2,
        y: area.y + (area.height - h) / 2,
        width: w,
        height: h,
    };
    frame.render_widget(Clear, r);
    r
}
