//! The list tables every screen draws: an underlined header, one column of spacing, and the
//! selected row marked the same way everywhere.

use ratatui::layout::Constraint;
use ratatui::style::Modifier;
use ratatui::widgets::{Cell, Row, Table};

use super::theme::Theme;

pub fn list_table<'a, H, W>(
    rows: impl IntoIterator<Item = Row<'a>>,
    widths: impl IntoIterator<Item = W>,
    header: impl IntoIterator<Item = H>,
    theme: Theme,
) -> Table<'a>
where
    H: Into<Cell<'a>>,
    W: Into<Constraint>,
{
    Table::new(rows, widths)
        .header(Row::new(header).style(theme.title().add_modifier(Modifier::UNDERLINED)))
        .column_spacing(1)
}

/// `row`, highlighted when it is the selected one.
pub fn selectable(row: Row<'_>, selected: bool, theme: Theme) -> Row<'_> {
    if selected {
        row.style(theme.selected())
    } else {
        row
    }
}
