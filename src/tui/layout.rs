//! Where each pane goes for a terminal size. Rendering and mouse hit-testing both use this, so
//! a click lands on the row that was drawn there.

use ratatui::layout::{Constraint, Layout, Rect};

/// Below this the layout cannot show a statement and its scores legibly.
pub const MIN_WIDTH: u16 = 60;
pub const MIN_HEIGHT: u16 = 16;

/// The screen's regions.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Areas {
    pub header: Rect,
    pub tree: Rect,
    pub detail: Rect,
    pub status: Rect,
}

/// Width of one score cell of the room grid ("2.5" and a space).
pub const GRID_CELL: u16 = 4;

/// The regions for a screen of `area`, or `None` when it is too small. With the room grid
/// on (`grid`: how many score columns it shows), the tree takes the room the cells need,
/// leaving the text pane at least a third.
pub fn areas(area: Rect, grid: Option<usize>) -> Option<Areas> {
    if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
        return None;
    }
    let [header, main, status] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Fill(1),
        Constraint::Length(1),
    ])
    .areas(area);
    // The tree gets about two fifths: enough for ids and short titles, leaving the text room.
    let mut tree_width = (area.width * 2 / 5).clamp(28, 64);
    if let Some(columns) = grid {
        let cells = u16::try_from(columns)
            .unwrap_or(u16::MAX)
            .saturating_mul(GRID_CELL);
        let wanted = cells.saturating_add(26).max(tree_width);
        tree_width = wanted.min(area.width - area.width / 3).max(tree_width);
    }
    let [tree, detail] =
        Layout::horizontal([Constraint::Length(tree_width), Constraint::Fill(1)]).areas(main);
    Some(Areas {
        header,
        tree,
        detail,
        status,
    })
}

/// How many tree rows fit on a screen of `size` (inside the pane's border).
pub fn tree_rows(size: (u16, u16)) -> usize {
    areas(Rect::new(0, 0, size.0, size.1), None)
        .map_or(0, |a| usize::from(a.tree.height.saturating_sub(2)))
}

/// A rectangle of at most `width`×`height` centred in `area`.
pub fn centred(area: Rect, width: u16, height: u16) -> Rect {
    let w = width.min(area.width);
    let h = height.min(area.height);
    Rect::new(
        area.x + (area.width - w) / 2,
        area.y + (area.height - h) / 2,
        w,
        h,
    )
}
