//! The presenter's join page: every group's name, link and QR code in a grid sized to the
//! window, so the room scans its own link from the projector; paged when they do not all fit.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use crate::tui::action::Action;
use crate::tui::keymap::Context;
use crate::tui::overlays::voting::qr_lines;
use crate::tui::view::ViewContext;
use crate::tui::voting::VotingAction;

/// One group's place on the page: its name, its link (none until the server runs and the
/// group has a token) and the link's code.
struct Group {
    name: String,
    link: Option<String>,
    code: Option<Vec<Line<'static>>>,
}

/// Draws the page; `page` is the one asked for. Returns how many pages the groups took.
pub(super) fn render(app: &ViewContext<'_>, frame: &mut Frame, area: Rect, page: usize) -> usize {
    let theme = app.theme;
    let key = |context, action: Action| app.keymap.key_for(context, &action).unwrap_or_default();
    let back = format!(
        "{} goes back to the statement",
        key(Context::Presenter, Action::Voting(VotingAction::Join))
    );
    if app.voting.shown.is_none() {
        let start = key(Context::Main, Action::Voting(VotingAction::Open));
        let middle = area.y + area.height / 2;
        frame.render_widget(
            Paragraph::new(vec![
                Line::styled(
                    format!("Voting is off: {start} in the main screen starts it"),
                    theme.warn(),
                ),
                Line::styled(back, theme.dim()),
            ])
            .centered(),
            Rect::new(
                area.x,
                middle.saturating_sub(1),
                area.width,
                2.min(area.height),
            ),
        );
        return 1;
    }
    let groups: Vec<Group> = app
        .session
        .groups
        .iter()
        .map(|name| {
            let link = app.voting.link(app.session, name);
            let code = link.as_deref().and_then(qr_lines);
            Group {
                name: name.clone(),
                link,
                code,
            }
        })
        .collect();
    // Every cell the size of the largest: its code or its link, whichever is wider, and a
    // gap; above the code, a line for the name and one for the link, and a gap below.
    let widest = groups
        .iter()
        .map(|g| {
            let code = g
                .code
                .as_ref()
                .and_then(|c| c.first())
                .map_or(0, Line::width);
            code.max(g.link.as_ref().map_or(0, |l| l.chars().count()))
        })
        .max()
        .unwrap_or(0);
    let tallest = groups
        .iter()
        .filter_map(|g| g.code.as_ref().map(Vec::len))
        .max()
        .unwrap_or(0);
    let cell = (widest + 2, tallest + 3);
    // The first row says what the page is for; the last, the page and the key back.
    let across = (usize::from(area.width) / cell.0).max(1);
    let down = (usize::from(area.height).saturating_sub(2) / cell.1).max(1);
    let per_page = across * down;
    let pages = groups.len().div_ceil(per_page).max(1);
    let page = page.min(pages - 1);
    frame.render_widget(
        Paragraph::new(Line::styled(
            "Each group scans its own code, or opens its link, on a phone or laptop on this network",
            theme.title(),
        ))
        .centered(),
        Rect::new(area.x, area.y, area.width, 1),
    );
    let shown = &groups[(page * per_page).min(groups.len())..];
    let shown = &shown[..shown.len().min(per_page)];
    // The grid is centred: the room looks at the middle of the screen.
    let used = (across.min(shown.len()) * cell.0).min(usize::from(area.width));
    let left = area.x + to_u16((usize::from(area.width) - used) / 2);
    for (slot, group) in shown.iter().enumerate() {
        let x = left + to_u16((slot % across) * cell.0);
        let y = area.y + 1 + to_u16((slot / across) * cell.1);
        let width = to_u16(cell.0 - 2).min(area.right().saturating_sub(x));
        let spot = Rect::new(x, y, width, area.bottom().saturating_sub(y + 1));
        draw_group(app, frame, spot, group);
    }
    let foot = if pages > 1 {
        format!(
            "page {} of {pages} · {} next page · {} previous page · {back}",
            page + 1,
            key(Context::Presenter, Action::DetailDown),
            key(Context::Presenter, Action::DetailUp)
        )
    } else {
        back
    };
    frame.render_widget(
        Paragraph::new(Line::styled(foot, theme.key())).centered(),
        Rect::new(area.x, area.bottom().saturating_sub(1), area.width, 1),
    );
    pages
}

/// One group: its name (and "connected ✓" once its device has asked for its page), its link,
/// and its code under them, cut to `spot`.
fn draw_group(app: &ViewContext<'_>, frame: &mut Frame, spot: Rect, group: &Group) {
    let theme = app.theme;
    let mut head = vec![Span::styled(group.name.clone(), theme.title())];
    if app.voting.connected.contains(&group.name) {
        head.push(Span::styled("  connected ✓", theme.ok()));
    }
    let link = group
        .link
        .clone()
        .unwrap_or_else(|| "no link yet".to_owned());
    let mut lines = vec![Line::from(head), Line::raw(link)];
    lines.extend(group.code.iter().flatten().cloned());
    frame.render_widget(Paragraph::new(lines), spot);
}

fn to_u16(n: usize) -> u16 {
    u16::try_from(n).unwrap_or(u16::MAX)
}
