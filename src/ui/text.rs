//! Text for the screen: spans cut to a width. The safety filter and width helpers every
//! output shares are in [`crate::text`].

use unicode_width::UnicodeWidthStr;

use crate::text::truncate;

/// Keeps spans within `width` columns, cutting the one that overflows with "…".
pub fn fit_spans(
    spans: Vec<ratatui::text::Span<'_>>,
    width: usize,
) -> Vec<ratatui::text::Span<'_>> {
    let mut used = 0;
    let mut out = Vec::with_capacity(spans.len());
    for span in spans {
        let w = span.content.width();
        if used + w <= width {
            used += w;
            out.push(span);
            continue;
        }
        let cut = truncate(&span.content, width - used);
        out.push(ratatui::text::Span::styled(cut, span.style));
        break;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spans_fit_their_width() {
        use ratatui::text::Span;
        let spans = vec![Span::raw("abc "), Span::raw("defgh")];
        let fitted: Vec<String> = fit_spans(spans, 6)
            .iter()
            .map(|s| s.content.to_string())
            .collect();
        assert_eq!(fitted, vec!["abc ", "d…"]);
    }
}
