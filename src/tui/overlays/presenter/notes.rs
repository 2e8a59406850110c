//! The facilitator's notes on the presenter, when shown to the room: a page at a time, under
//! the blocks.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use crate::tui::action::Action;
use crate::tui::keymap::Context;
use crate::tui::view::ViewContext;

/// The notes, a page at a time, the page and how to turn it said when there is more; `page` is
/// the one asked for. Returns how many pages the notes took.
pub(super) fn render(
    app: &ViewContext<'_>,
    frame: &mut Frame,
    area: Rect,
    lines: &[String],
    page: usize,
) -> usize {
    if area.height == 0 || lines.is_empty() {
        return 0;
    }
    let t = app.theme;
    let all = usize::from(area.height);
    // The first row names the notes (and, when they take more than a page, the page).
    let per_page = all.saturating_sub(1).max(1);
    let pages = lines.len().div_ceil(per_page);
    let page = page.min(pages - 1);
    let mut shown: Vec<Line> = vec![Line::styled("Notes", t.title())];
    shown.extend(
        lines
            .iter()
            .skip(page * per_page)
            .take(per_page)
            .map(|l| Line::raw(l.clone())),
    );
    if pages > 1 {
        let keys = app
            .keymap
            .hints(Context::Presenter, &[Action::DetailDown, Action::DetailUp]);
        shown[0] = Line::from(vec![
            Span::styled("Notes", t.title()),
            Span::styled(format!("  page {} of {pages} · {keys}", page + 1), t.key()),
        ]);
    }
    frame.render_widget(Paragraph::new(shown), area);
    pages
}
