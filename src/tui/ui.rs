//! Draws the whole screen from the `App`: panes, then the open overlay; or, on a terminal too
//! small for the layout, a message saying so.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Wrap};

use super::app::App;
use super::layout::{self, MIN_HEIGHT, MIN_WIDTH};
use super::panes::detail::DetailPane;
use super::panes::header::Header;
use super::panes::status::StatusBar;
use super::panes::tree::TreePane;

pub fn render(app: &App, frame: &mut Frame) {
    let area = frame.area();
    let Some(areas) = layout::areas(area, app.grid_columns()) else {
        too_small(app, frame, area);
        return;
    };
    frame.render_widget(Header { app }, areas.header);
    frame.render_widget(TreePane { app }, areas.tree);
    frame.render_widget(DetailPane { app }, areas.detail);
    frame.render_widget(StatusBar { app }, areas.status);
    app.render_view(frame);
}

fn too_small(app: &App, frame: &mut Frame, area: Rect) {
    let lines = vec![
        Line::styled("Make the window bigger", app.theme.warn()),
        Line::raw(format!(
            "awayday needs at least {MIN_WIDTH}×{MIN_HEIGHT}; this window is {}×{}.",
            area.width, area.height
        )),
        Line::raw("Nothing is lost: the session is saved."),
    ];
    let height = 4.min(area.height);
    let y = area.y + area.height.saturating_sub(height) / 2;
    let target = Rect::new(area.x, y, area.width, area.height - (y - area.y));
    frame.render_widget(
        Paragraph::new(lines).wrap(Wrap { trim: true }).centered(),
        target,
    );
}
