//! The mouse in `update`: a click selects a row, opens it, or picks a column or a score; the
//! wheel scrolls the pane it is over.

use crate::tui::app::App;
use crate::tui::layout;
use crate::tui::panes;

use super::edits::score;

pub(super) fn click(app: &mut App, x: u16, y: u16) {
    let Some(areas) = layout::areas(
        ratatui::layout::Rect::new(0, 0, app.size.0, app.size.1),
        app.grid_columns(),
    ) else {
        return;
    };
    if let (_, Some(scores)) = panes::detail::split(app, areas.detail) {
        match panes::scores::ScoresPane::hit(app, scores, x, y) {
            Some(panes::scores::PaneHit::Column(c)) => {
                app.column = c;
                return;
            }
            Some(panes::scores::PaneHit::Score(s)) => {
                score(app, Some(s));
                return;
            }
            None => {}
        }
    }
    let t = areas.tree;
    let inside =
        x > t.x && x < t.right().saturating_sub(1) && y > t.y && y < t.bottom().saturating_sub(1);
    if !inside {
        return;
    }
    if let Some(ix) = app.tree.row_at(&app.framework, usize::from(y - t.y - 1)) {
        // In the room grid, a click on a score cell also makes its column active.
        if let Some(columns) = app.grid_columns() {
            let cell = layout::GRID_CELL;
            let cells = u16::try_from(columns).unwrap_or(0) * cell + 2;
            let start = t.right().saturating_sub(1).saturating_sub(cells);
            if x >= start {
                let i = usize::from((x - start) / cell);
                if let Some(&c) = app.columns().get(i) {
                    app.column = c;
                }
                app.select(ix);
                return;
            }
        }
        if ix == app.selected() {
            let height = layout::tree_rows(app.size);
            app.tree.toggle(&app.framework, height);
        } else {
            app.select(ix);
        }
    }
}

pub(super) fn wheel(app: &mut App, x: u16, y: u16, down: bool) {
    let Some(areas) = layout::areas(
        ratatui::layout::Rect::new(0, 0, app.size.0, app.size.1),
        app.grid_columns(),
    ) else {
        return;
    };
    if areas.detail.contains(ratatui::layout::Position::new(x, y)) {
        app.scroll_detail(if down { 2 } else { -2 });
    } else {
        let height = layout::tree_rows(app.size);
        if app
            .tree
            .scroll(&app.framework, if down { 1 } else { -1 }, height)
        {
            app.selection_moved();
        }
    }
}
