//! Editing whatever text has the focus: a form's line, picker query or multi-line field, a
//! figures cell, or a list's filter line.

use ratatui_textarea::CursorMove;

use super::App;
use super::form::{Input, Lines};
use super::keymap::Command;
use super::text_field::TextField;

/// The editing commands of the TextEdit context (Backspace, Delete, the cursor keys).
pub(super) fn command(app: &mut App, cmd: Command) {
    let op = match cmd {
        Command::Backspace => Edit::Backspace,
        Command::Delete => Edit::Delete,
        Command::CursorLeft => Edit::Left,
        Command::CursorRight => Edit::Right,
        Command::CursorHome => Edit::Home,
        Command::CursorEnd => Edit::End,
        Command::Newline => Edit::Newline,
        Command::LineUp => Edit::Up,
        Command::LineDown => Edit::Down,
        _ => return,
    };
    edit(app, op);
}

/// One editing operation on whatever text has the focus.
#[derive(Debug, Clone, Copy)]
pub(super) enum Edit<'a> {
    Insert(char),
    Paste(&'a str),
    Backspace,
    Delete,
    Left,
    Right,
    Home,
    End,
    Newline,
    Up,
    Down,
}

impl Edit<'_> {
    fn changes_text(&self) -> bool {
        matches!(
            self,
            Edit::Insert(_) | Edit::Paste(_) | Edit::Backspace | Edit::Delete | Edit::Newline
        )
    }
}

fn edit_line(f: &mut TextField, op: Edit<'_>) {
    match op {
        Edit::Insert(c) => f.insert(c),
        Edit::Paste(text) => f.insert_str(text),
        Edit::Backspace => f.backspace(),
        Edit::Delete => f.delete(),
        Edit::Left => f.left(),
        Edit::Right => f.right(),
        Edit::Home => f.home(),
        Edit::End => f.end(),
        Edit::Newline | Edit::Up | Edit::Down => {}
    }
}

fn edit_lines(l: &mut Lines, op: Edit<'_>) {
    match op {
        Edit::Insert(c) => l.insert(c),
        Edit::Paste(text) => l.insert_str(text),
        Edit::Backspace => {
            l.area.delete_char();
        }
        Edit::Delete => {
            l.area.delete_next_char();
        }
        Edit::Left => l.area.move_cursor(CursorMove::Back),
        Edit::Right => l.area.move_cursor(CursorMove::Forward),
        Edit::Home => l.area.move_cursor(CursorMove::Head),
        Edit::End => l.area.move_cursor(CursorMove::End),
        Edit::Newline => l.area.insert_newline(),
        Edit::Up => l.area.move_cursor(CursorMove::Up),
        Edit::Down => l.area.move_cursor(CursorMove::Down),
    }
}

pub(super) fn edit(app: &mut App, op: Edit<'_>) {
    if !app.is_typing() {
        return;
    }
    if let Some(form) = app.form.as_mut() {
        // What was found wrong on saving goes once the officer changes the field.
        if op.changes_text()
            && let Some(f) = form.fields.get_mut(form.focus)
        {
            f.problem = None;
        }
        match form.focused_input() {
            Some(Input::Line(f)) => edit_line(f, op),
            Some(Input::Choice(c)) => {
                edit_line(&mut c.query, op);
                if op.changes_text() {
                    c.query_changed();
                }
            }
            Some(Input::Lines(l)) => edit_lines(l, op),
            None => {}
        }
        return;
    }
    let tab = app.tab.view();
    if let Some(f) = tab.typing_target(app) {
        edit_line(f, op);
        return;
    }
    if let Some(list) = tab.list_mut(app) {
        edit_line(&mut list.filter, op);
        if op.changes_text() {
            tab.filter_changed(app);
        }
    }
}
