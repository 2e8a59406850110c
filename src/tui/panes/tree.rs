//! The outline on the left: collapsible, each row with the active column's progress and mean.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Widget};
use unicode_width::UnicodeWidthStr;

use crate::session::summary::{self, format_score};
use crate::tui::app::App;

pub struct TreePane<'a> {
    pub app: &'a App,
}

/// Columns kept on the right of each row for "12/34 2.5" or a statement's score.
const FIGURES_WIDTH: usize = 10;

impl Widget for TreePane<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let app = self.app;
        let t = app.theme;
        let column_name = app.column_name(app.column);
        let block = Block::bordered()
            .border_style(t.border_focus())
            .title(Line::styled(
                format!(" {} ", app.framework.title),
                t.title(),
            ))
            .title_bottom(
                Line::styled(format!(" scoring: {column_name} "), t.key()).right_aligned(),
            );
        let inner = block.inner(area);
        block.render(area, buf);
        let rows = app.visible_rows();
        let width = usize::from(inner.width);
        for (line_no, &ix) in rows
            .iter()
            .skip(app.tree.offset())
            .take(usize::from(inner.height))
            .enumerate()
        {
            let node = app.framework.node(ix);
            let marker = if node.children.is_empty() {
                " "
            } else if app.tree.is_expanded(ix) {
                "▾"
            } else {
                "▸"
            };
            let figures = if node.is_statement() {
                let s = format_score(app.session.score(&node.id, app.column));
                if s.is_empty() { "·".to_owned() } else { s }
            } else {
                let p = summary::progress(&app.framework, &app.session, ix, app.column);
                let mean = summary::format_mean(p.mean());
                format!("{}/{} {mean:>3}", p.scored, p.total)
            };
            let notes_mark = if app.session.notes(&node.id).is_empty() {
                " "
            } else {
                "✎"
            };
            let indent = "  ".repeat(node.depth);
            let head = format!("{indent}{marker} {} ", node.id);
            // Headings keep a fixed column for "12/34 2.5" so figures line up; a statement's
            // score is short, and its words are worth the room.
            let figures_room = if node.is_statement() {
                figures.width()
            } else {
                FIGURES_WIDTH
            };
            let label_room = width.saturating_sub(head.width() + figures_room + 2);
            let label = crate::text::shorten(&node.label().replace('\n', " "), label_room);
            let pad = width.saturating_sub(head.width() + label.width() + 2 + figures.width());
            let selected = ix == app.selected();
            let base = if selected {
                t.selected()
            } else {
                Style::default()
            };
            let label_style = if node.is_statement() {
                base
            } else {
                base.patch(t.title())
            };
            let line = Line::from(vec![
                Span::styled(head, base),
                Span::styled(label, label_style),
                Span::styled(" ".repeat(pad), base),
                Span::styled(notes_mark, base),
                Span::styled(format!(" {figures}"), base),
            ]);
            let y = inner.y + u16::try_from(line_no).unwrap_or(0);
            line.render(Rect::new(inner.x, y, inner.width, 1), buf);
        }
    }
}
