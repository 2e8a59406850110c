//! The outline on the left: collapsible, each row with the active column's progress and mean,
//! or, as the room grid, every group's score (or mean) and the agreed one side by side, with
//! the rows where the groups disagree flagged.

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
        // With the grid on, the groups' heads sit on the top border at the right: the title
        // is shortened to the room left of them rather than written over.
        let mut title_room = crate::text::title_room(area.width);
        if app.session.room.grid {
            let cells_width = app.columns().len() * usize::from(crate::tui::layout::GRID_CELL) + 2;
            title_room = title_room.saturating_sub(cells_width + 1);
        }
        let block = Block::bordered()
            .border_style(t.border_focus())
            .title(Line::styled(
                format!(
                    " {} ",
                    crate::text::shorten(&app.framework.title, title_room)
                ),
                t.title(),
            ))
            .title_bottom(
                Line::styled(format!(" scoring: {column_name} "), t.key()).right_aligned(),
            );
        let inner = block.inner(area);
        block.render(area, buf);
        if app.session.room.grid {
            render_grid(app, area, inner, buf);
            return;
        }
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

/// The room grid: per row the id and title, then a cell per group and one for Agreed, then
/// `!` where the groups are the session's spread or more apart. Column heads sit on the top
/// border, the active one marked with `›` (not by colour alone).
fn render_grid(app: &App, area: Rect, inner: Rect, buf: &mut Buffer) {
    let t = app.theme;
    let columns = app.columns();
    let cell = usize::from(crate::tui::layout::GRID_CELL);
    let cells_width = columns.len() * cell + 2;
    let width = usize::from(inner.width);
    let spread_at = f64::from(app.session.room.spread());
    // Heads: the first letters of each name, right-aligned over the cells.
    let heads_x = inner.x + u16::try_from(width.saturating_sub(cells_width)).unwrap_or(0);
    let mut heads = Vec::new();
    for &c in &columns {
        let name: String = app.column_name(c).chars().take(cell - 1).collect();
        let active = c == app.column;
        let label = format!("{}{name:>w$}", if active { "›" } else { " " }, w = cell - 1);
        heads.push(Span::styled(
            label,
            if active {
                t.key().patch(t.selected())
            } else {
                t.key()
            },
        ));
    }
    if area.height > 0 && width > cells_width {
        Line::from(heads).render(
            Rect::new(heads_x, area.y, u16::try_from(cells_width).unwrap_or(0), 1),
            buf,
        );
    }
    for (line_no, &ix) in app
        .visible_rows()
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
        let (values, flagged) = grid_cells(app, ix, &columns, spread_at);
        let indent = "  ".repeat(node.depth);
        let head = format!("{indent}{marker} {} ", node.id);
        // The title gives way first, then the id: the scores always fit.
        let label_room = width.saturating_sub(head.width() + cells_width);
        let head = if head.width() + cells_width > width {
            crate::text::shorten(&head, width.saturating_sub(cells_width))
        } else {
            head
        };
        let label = crate::text::shorten(&node.label().replace('\n', " "), label_room);
        let pad = width.saturating_sub(head.width() + label.width() + cells_width);
        let base = if ix == app.selected() {
            t.selected()
        } else {
            Style::default()
        };
        let mut spans = vec![
            Span::styled(head, base),
            Span::styled(
                label,
                if node.is_statement() {
                    base
                } else {
                    base.patch(t.title())
                },
            ),
            Span::styled(" ".repeat(pad), base),
        ];
        for (v, &c) in values.iter().zip(&columns) {
            let style = if c == app.column {
                base.patch(t.key())
            } else {
                base
            };
            spans.push(Span::styled(format!("{v:>cell$}"), style));
        }
        spans.push(Span::styled(
            if flagged { " !" } else { "  " },
            base.patch(t.warn()),
        ));
        let y = inner.y + u16::try_from(line_no).unwrap_or(0);
        Line::from(spans).render(Rect::new(inner.x, y, inner.width, 1), buf);
    }
}

/// One row's cells: a statement's scores, or a heading's means, per column; and whether the
/// groups are `spread_at` or more apart there.
fn grid_cells(
    app: &App,
    ix: usize,
    columns: &[crate::session::Column],
    spread_at: f64,
) -> (Vec<String>, bool) {
    let node = app.framework.node(ix);
    if node.is_statement() {
        // Room mode, when the facilitator chose it: who has scored, not what, until revealed.
        let hidden = app.round.hides_from_facilitator(&app.session, &node.id);
        let values = columns
            .iter()
            .map(|&c| {
                let score = app.session.score(&node.id, c);
                if hidden && c != crate::session::Column::Agreed && score.is_some() {
                    return "✓".to_owned();
                }
                let s = format_score(score);
                if s.is_empty() { "·".to_owned() } else { s }
            })
            .collect();
        if hidden {
            return (values, false);
        }
        let flagged =
            summary::spread(&app.session, &node.id).is_some_and(|s| f64::from(s) >= spread_at);
        return (values, flagged);
    }
    let f = summary::figures(&app.framework, &app.session, ix);
    let means: Vec<Option<f64>> = f.groups.iter().map(summary::Progress::mean).collect();
    let values = columns
        .iter()
        .map(|&c| {
            let m = match c {
                crate::session::Column::Group(g) => means.get(g).copied().flatten(),
                crate::session::Column::Agreed => f.agreed.mean(),
            };
            let s = summary::format_mean(m);
            if s.is_empty() { "·".to_owned() } else { s }
        })
        .collect();
    let given: Vec<f64> = means.iter().flatten().copied().collect();
    let flagged = given.len() > 1 && {
        let max = given.iter().copied().fold(f64::MIN, f64::max);
        let min = given.iter().copied().fold(f64::MAX, f64::min);
        max - min >= spread_at
    };
    (values, flagged)
}
