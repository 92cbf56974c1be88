//! Headless rendering: the same `render` into an off-screen buffer, printed as plain text.

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;

use crate::app::App;

/// The largest snapshot drawn. The buffer is a cell per column and row, so 65535×65535 asked
/// for 206 GB and aborted; these are far past any real terminal.
pub const MAX_WIDTH: u16 = 1000;
pub const MAX_HEIGHT: u16 = 500;

/// What the screen would show at `width`×`height`, one line per row, trailing spaces trimmed,
/// with no escape codes. A size outside 1..=[`MAX_WIDTH`] × 1..=[`MAX_HEIGHT`] is brought
/// inside (the command line refuses one first, with a message).
pub fn render_text(app: &App, width: u16, height: u16) -> String {
    let backend = TestBackend::new(width.clamp(1, MAX_WIDTH), height.clamp(1, MAX_HEIGHT));
    let mut terminal = match Terminal::new(backend) {
        Ok(t) => t,
        Err(e) => return format!("render failed: {e}\n"),
    };
    if let Err(e) = terminal.draw(|f| super::render(f, app)) {
        return format!("render failed: {e}\n");
    }
    buffer_text(terminal.backend().buffer())
}

pub fn buffer_text(buffer: &Buffer) -> String {
    let area = buffer.area;
    let mut out = String::with_capacity((area.width as usize + 1) * area.height as usize);
    for y in 0..area.height {
        let mut line = String::new();
        let mut skip = 0;
        for x in 0..area.width {
            if skip > 0 {
                skip -= 1;
                continue;
            }
            let symbol = buffer[(x, y)].symbol();
            // A wide character occupies the next cell too; that cell holds nothing to print.
            skip = unicode_width::UnicodeWidthStr::width(symbol).saturating_sub(1);
            line.push_str(symbol);
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}
