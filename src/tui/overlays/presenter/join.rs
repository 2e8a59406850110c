//! The presenter's join page: every group's name, link and QR code in a grid sized to the
//! window, so the room scans its own link from the projector; paged when they do not all fit.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::Paragraph;

use crate::tui::action::Action;
use crate::tui::keymap::Context;
use crate::tui::overlays::voting::qr_lines;
use crate::tui::view::ViewContext;

/// Draws the page; `page` is the one asked for. Returns how many pages the groups took.
pub(super) fn render(app: &ViewContext<'_>, frame: &mut Frame, area: Rect, page: usize) -> usize {
    let t = app.theme;
    let groups = &app.session.groups;
    let close = app
        .keymap
        .key_for(
            Context::Presenter,
            &Action::Voting(crate::tui::voting::VotingAction::Join),
        )
        .unwrap_or_default();
    if app.voting.shown.is_none() {
        let main = app
            .keymap
            .key_for(
                Context::Main,
                &Action::Voting(crate::tui::voting::VotingAction::Open),
            )
            .unwrap_or_default();
        let y = area.y + area.height / 2;
        frame.render_widget(
            Paragraph::new(vec![
                Line::styled(
                    format!("Voting is off: {main} in the main screen starts it"),
                    t.warn(),
                ),
                Line::styled(format!("{close} goes back to the statement"), t.dim()),
            ])
            .centered(),
            Rect::new(area.x, y.saturating_sub(1), area.width, 2.min(area.height)),
        );
        return 1;
    }
    let cells: Vec<(String, Option<String>)> = groups
        .iter()
        .map(|g| (g.clone(), app.voting.link(app.session, g)))
        .collect();
    let codes: Vec<Option<Vec<Line<'static>>>> = cells
        .iter()
        .map(|(_, link)| link.as_deref().and_then(qr_lines))
        .collect();
    // Every cell the size of the largest: its code, or its link, whichever is wider, plus a
    // gap; two lines above the code for the name and the link.
    let code_w = codes
        .iter()
        .flatten()
        .filter_map(|l| l.first().map(Line::width))
        .max()
        .unwrap_or(0);
    let code_h = codes.iter().flatten().map(Vec::len).max().unwrap_or(0);
    let link_w = cells
        .iter()
        .filter_map(|(_, l)| l.as_ref().map(|l| l.chars().count()))
        .max()
        .unwrap_or(0);
    let cell_w = code_w.max(link_w) + 2;
    let cell_h = code_h + 3;
    // The first row says what the page is for; the last, the page and the key back.
    let body_h = usize::from(area.height).saturating_sub(2);
    let across = (usize::from(area.width) / cell_w).max(1);
    let down = (body_h / cell_h).max(1);
    let per_page = across * down;
    let pages = cells.len().div_ceil(per_page).max(1);
    let page = page.min(pages - 1);
    frame.render_widget(
        Paragraph::new(Line::styled(
            "Each group scans its own code, or opens its link, on a phone or laptop on this network",
            t.title(),
        ))
        .centered(),
        Rect::new(area.x, area.y, area.width, 1),
    );
    let start = page * per_page;
    let shown = cells.len().saturating_sub(start).min(per_page);
    // Centre the grid: the room looks at the middle of the screen.
    let used_w = across.min(shown) * cell_w;
    let left = area.x
        + u16::try_from((usize::from(area.width) - used_w.min(usize::from(area.width))) / 2)
            .unwrap_or(0);
    for (i, ((name, link), code)) in cells
        .iter()
        .zip(&codes)
        .enumerate()
        .skip(start)
        .take(per_page)
    {
        let slot = i - start;
        let x = left + u16::try_from((slot % across) * cell_w).unwrap_or(0);
        let y = area.y + 1 + u16::try_from((slot / across) * cell_h).unwrap_or(0);
        let w = u16::try_from(cell_w - 2)
            .unwrap_or(0)
            .min(area.right().saturating_sub(x));
        let connected = app.voting.connected.contains(name);
        let head = if connected {
            Line::from(vec![
                ratatui::text::Span::styled(name.clone(), t.title()),
                ratatui::text::Span::styled("  connected ✓", t.ok()),
            ])
        } else {
            Line::styled(name.clone(), t.title())
        };
        frame.render_widget(Paragraph::new(head), Rect::new(x, y, w, 1));
        let link_text = link.clone().unwrap_or_else(|| "no link yet".to_owned());
        frame.render_widget(
            Paragraph::new(Line::raw(link_text)),
            Rect::new(x, y + 1, w, 1),
        );
        if let Some(lines) = code {
            let h = u16::try_from(lines.len()).unwrap_or(0);
            let room = area.bottom().saturating_sub(y + 2);
            frame.render_widget(
                Paragraph::new(lines.clone()),
                Rect::new(x, y + 2, w, h.min(room)),
            );
        }
    }
    let mut foot = format!("{close} goes back to the statement");
    if pages > 1 {
        let key = |a: Action| {
            app.keymap
                .key_for(Context::Presenter, &a)
                .unwrap_or_default()
        };
        foot = format!(
            "page {} of {pages} · {} next page · {} previous page · {foot}",
            page + 1,
            key(Action::DetailDown),
            key(Action::DetailUp)
        );
    }
    frame.render_widget(
        Paragraph::new(Line::styled(foot, t.key())).centered(),
        Rect::new(area.x, area.bottom().saturating_sub(1), area.width, 1),
    );
    pages
}
