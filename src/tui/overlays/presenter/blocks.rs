//! The presenter view's row of blocks, one per column: each group's name, legible, over its
//! score in big digits, and the agreed score last. In room mode, before the reveal, a block
//! says only whether its group has scored.

use ratatui::Frame;
use ratatui::layout::{Alignment, Constraint, Layout, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::text::Line;
use ratatui::widgets::{Block, BorderType, Paragraph};
use tui_big_text::{BigText, PixelSize};

use crate::session::{Column, Score};
use crate::tui::view::ViewContext;

/// What one block shows.
enum Content {
    /// The score (or n/a), for the room to see.
    Score(String),
    /// Scored, but not yet revealed.
    Scored,
    /// Not yet scored.
    Waiting,
}

/// Draws the blocks in `area`; `hidden` is whether the room may not yet see the scores.
pub(super) fn render(app: &ViewContext<'_>, frame: &mut Frame, area: Rect, hidden: bool) {
    let t = app.theme;
    let columns = app.columns();
    let id = app.selected_id();
    let cells = Layout::horizontal(columns.iter().map(|_| Constraint::Fill(1)))
        .spacing(1)
        .split(area);
    for (&c, &cell) in columns.iter().zip(cells.iter()) {
        let active = c == app.column;
        let score = app.session.score(id, c);
        // An agreed score is never hidden: giving it ends the round.
        let content = match (score, hidden && c != Column::Agreed) {
            (None, _) => Content::Waiting,
            (Some(_), true) => Content::Scored,
            (Some(Score::Level(v)), false) => Content::Score(v.to_string()),
            (Some(Score::NotApplicable), false) => Content::Score("n/a".to_owned()),
        };
        let name = app.column_name(c);
        let width = usize::from(cell.width.saturating_sub(4));
        // The ▶ gives way to the name in a narrow block (the thick border still marks it).
        let marked = active && name.chars().count() + 2 <= width;
        let name =
            crate::text::shorten(&format!("{}{name}", if marked { "▶ " } else { "" }), width);
        let border = match (&content, active) {
            (_, true) => t.key(),
            (Content::Scored, false) => t.ok(),
            _ => t.border(),
        };
        let block = Block::bordered()
            .border_type(if active || matches!(content, Content::Scored) {
                BorderType::Thick
            } else {
                BorderType::Plain
            })
            .border_style(border)
            // Names are read from the back of the room: bold, never dim.
            .title(Line::styled(name, if active { t.key() } else { t.title() }))
            .title_alignment(Alignment::Center);
        let inner = block.inner(cell);
        frame.render_widget(block, cell);
        draw_content(app, frame, inner, &content);
        // The level's name under its digits, where the block has a row to spare.
        if let (Content::Score(_), Some(Score::Level(v))) = (&content, score)
            && let Some(level) = app.framework.scale.level(v)
            && inner.height >= 7
        {
            let label = crate::text::shorten(&level.label, usize::from(inner.width));
            frame.render_widget(
                Paragraph::new(Line::styled(label, t.title())).centered(),
                Rect::new(inner.x, inner.bottom() - 1, inner.width, 1),
            );
        }
    }
}

fn draw_content(app: &ViewContext<'_>, frame: &mut Frame, inner: Rect, content: &Content) {
    let t = app.theme;
    let (text, style) = match content {
        Content::Score(s) => (s.as_str(), Style::default().add_modifier(Modifier::BOLD)),
        Content::Scored => ("✓ scored", t.ok().add_modifier(Modifier::BOLD)),
        Content::Waiting => ("waiting", Style::default()),
    };
    let big = match content {
        Content::Score(s) => pixels(inner, s),
        _ => None,
    };
    if let Some((pixels, rows)) = big {
        let top = inner.y + inner.height.saturating_sub(rows) / 2;
        frame.render_widget(
            BigText::builder()
                .pixel_size(pixels)
                .style(style)
                .lines(vec![Line::from(text.to_owned())])
                .centered()
                .build(),
            Rect::new(inner.x, top, inner.width, rows),
        );
    } else {
        let top = inner.y + inner.height.saturating_sub(1) / 2;
        frame.render_widget(
            Paragraph::new(Line::styled(
                crate::text::shorten(text, usize::from(inner.width)),
                style,
            ))
            .centered(),
            Rect::new(inner.x, top, inner.width, 1),
        );
    }
}

/// The largest digits that fit `inner`, and the rows they take.
fn pixels(inner: Rect, text: &str) -> Option<(PixelSize, u16)> {
    let chars = u16::try_from(text.chars().count()).unwrap_or(u16::MAX);
    let wide = |cols: u16| chars.saturating_mul(cols) <= inner.width;
    if inner.height >= 8 && wide(8) {
        Some((PixelSize::Full, 8))
    } else if inner.height >= 4 && wide(8) {
        Some((PixelSize::HalfHeight, 4))
    } else if inner.height >= 4 && wide(4) {
        Some((PixelSize::Quadrant, 4))
    } else {
        None
    }
}
