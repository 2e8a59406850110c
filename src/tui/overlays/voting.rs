//! The voting view: whether the room can vote from its devices, each group's link and
//! whether its device is connected, and the chosen group's link as a QR code to scan.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Color, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Paragraph, Wrap};

use super::{Reaction, popup_block};
use crate::tui::action::Action;
use crate::tui::keymap::Context;
use crate::tui::view::{Opened, Registered, View, ViewContext};
use crate::tui::voting::VotingAction;

/// What the view's keys do (starting and stopping the server goes straight to `update`; a
/// new link is asked for here, for the chosen group).
pub(super) const ACTIONS: &[Action] = &[
    Action::ListUp,
    Action::ListDown,
    Action::Voting(VotingAction::Toggle),
    Action::Voting(VotingAction::Rotate),
    Action::Close,
];

/// Columns a link takes, indented, on its own line (an IPv4 address and port, a token).
const LINK_ROOM: usize = "    http://255.255.255.255:65535/g/".len() + 32;

#[derive(Debug, Default)]
pub struct VotingOverlay {
    /// The group whose QR code is shown.
    pub chosen: usize,
}

/// Voting from the groups' devices: the links, their codes, and who is connected.
pub(super) const VIEW: Registered = Registered {
    name: "voting",
    opens_on: &[Action::Voting(VotingAction::Open)],
    keys: &[(Context::Voting, ACTIONS)],
    open: |_, _| Opened::new(VotingOverlay::default()),
    restore: crate::tui::view::no_draft,
};

impl View for VotingOverlay {
    fn context(&self) -> Context {
        Context::Voting
    }

    fn react(&mut self, cx: &ViewContext<'_>, action: &Action) -> Reaction {
        VotingOverlay::react(self, cx, action)
    }

    fn render(&self, cx: &ViewContext<'_>, frame: &mut Frame) {
        VotingOverlay::render(self, cx, frame);
    }
}

impl VotingOverlay {
    pub fn react(&mut self, app: &ViewContext<'_>, action: &Action) -> Reaction {
        let groups = app.session.groups.len();
        match action {
            Action::ListDown => self.chosen = (self.chosen + 1).min(groups.saturating_sub(1)),
            Action::ListUp => self.chosen = self.chosen.saturating_sub(1),
            // The app makes the link; the view knows whose.
            Action::Voting(VotingAction::Rotate) => {
                return Reaction::then(vec![Action::Voting(VotingAction::NewLink(self.chosen))]);
            }
            Action::Close => return Reaction::close(),
            _ => {}
        }
        Reaction::stay()
    }

    pub fn render(&self, app: &ViewContext<'_>, frame: &mut Frame) {
        let area = frame.area();
        frame.render_widget(Clear, area);
        let hint = app.keymap.hints(
            Context::Voting,
            &[
                Action::ListDown,
                Action::Voting(VotingAction::Toggle),
                Action::Voting(VotingAction::Rotate),
                Action::Close,
            ],
        );
        let block = popup_block(app, "Voting from the groups' devices", &hint);
        let inner = block.inner(area);
        frame.render_widget(block, area);
        let chosen = self.chosen.min(app.session.groups.len().saturating_sub(1));
        let link = app
            .session
            .groups
            .get(chosen)
            .and_then(|g| app.voting.link(app.session, g));
        let qr = link.as_deref().and_then(qr_lines);
        let qr_width = qr
            .as_ref()
            .and_then(|l| l.first())
            .map_or(0, |l| u16::try_from(l.width()).unwrap_or(0));
        let [text, code] =
            Layout::horizontal([Constraint::Min(30), Constraint::Length(qr_width)]).areas(inner);
        // Links are never wrapped (a wrapped link cannot be copied or read out): beside the
        // code when there is room for them, else the chosen group's alone, on the last line.
        let wide = usize::from(text.width) >= LINK_ROOM;
        let [text, bottom] = if wide || link.is_none() {
            [text, Rect::default()]
        } else {
            let [groups, _, bottom_line] = Layout::vertical([
                Constraint::Min(1),
                Constraint::Length(1),
                Constraint::Length(1),
            ])
            .areas(inner);
            [
                Rect {
                    height: groups.height,
                    ..text
                },
                bottom_line,
            ]
        };
        frame.render_widget(
            Paragraph::new(Self::lines(app, chosen, wide)).wrap(Wrap { trim: false }),
            text,
        );
        if let (false, Some(link)) = (wide, &link) {
            frame.render_widget(Line::raw(link.clone()), bottom);
        }
        if let Some(lines) = qr {
            let height = u16::try_from(lines.len()).unwrap_or(u16::MAX);
            let spot = Rect {
                height: height.min(code.height),
                ..code
            };
            frame.render_widget(Paragraph::new(lines), spot);
        }
    }

    fn lines(app: &ViewContext<'_>, chosen: usize, with_links: bool) -> Vec<Line<'static>> {
        let t = app.theme;
        let toggle = app
            .keymap
            .key_for(Context::Voting, &Action::Voting(VotingAction::Toggle))
            .unwrap_or_default();
        let mut lines = vec![match app.voting.shown {
            Some(addr) => Line::styled(
                format!(
                    "Voting is on at http://{addr}. Each group opens its own link (or scans its code) on a phone or laptop on this network."
                ),
                t.ok(),
            ),
            None => Line::styled(
                format!(
                    "Voting is off. Press {toggle} to let the groups vote from their own devices on this network."
                ),
                t.warn(),
            ),
        }];
        lines.push(Line::raw(""));
        for (g, name) in app.session.groups.iter().enumerate() {
            let connected = app.voting.connected.contains(name);
            let mark = if g == chosen { "▶ " } else { "  " };
            let state = if app.voting.shown.is_none() {
                ""
            } else if connected {
                "  connected"
            } else {
                "  not connected"
            };
            lines.push(Line::from(vec![
                Span::styled(
                    format!("{mark}{name}"),
                    if g == chosen { t.selected() } else { t.title() },
                ),
                Span::styled(state.to_owned(), if connected { t.ok() } else { t.dim() }),
            ]));
            if let Some(link) = app.voting.link(app.session, name).filter(|_| with_links) {
                lines.push(Line::raw(format!("    {link}")));
            }
        }
        lines.push(Line::raw(""));
        lines.push(Line::styled(
            "The page shows the statement open here; a group sees its own vote and who has voted, never another group's score before the reveal.",
            t.dim(),
        ));
        lines
    }
}

/// A link as a QR code, two rows of modules to a line of half blocks, dark on light whatever
/// the terminal's colours (a code drawn light on dark does not scan everywhere).
pub(super) fn qr_lines(link: &str) -> Option<Vec<Line<'static>>> {
    let code = qrcode::QrCode::with_error_correction_level(link, qrcode::EcLevel::L).ok()?;
    let width = code.width();
    let colors = code.to_colors();
    // Two modules of light margin all round: scanners need a quiet zone.
    let quiet = 2;
    let side = width + 2 * quiet;
    let dark = |x: usize, y: usize| {
        x >= quiet
            && y >= quiet
            && x < width + quiet
            && y < width + quiet
            && colors[(y - quiet) * width + (x - quiet)] == qrcode::Color::Dark
    };
    let shade = |on: bool| if on { Color::Black } else { Color::White };
    Some(
        (0..side)
            .step_by(2)
            .map(|y| {
                Line::from(
                    (0..side)
                        .map(|x| {
                            Span::styled(
                                "▀",
                                Style::new().fg(shade(dark(x, y))).bg(shade(dark(x, y + 1))),
                            )
                        })
                        .collect::<Vec<_>>(),
                )
            })
            .collect(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_link_becomes_its_qr_code_in_half_blocks_with_a_light_margin() {
        let link = "http://192.168.1.20:8377/g/0123456789abcdef0123456789abcdef";
        let lines = qr_lines(link).unwrap();
        let code = qrcode::QrCode::with_error_correction_level(link, qrcode::EcLevel::L).unwrap();
        let (width, colors) = (code.width(), code.to_colors());
        let side = width + 4;
        assert_eq!(lines.len(), side.div_ceil(2));
        // Every module read back from the drawing (top half: foreground, bottom: background)
        // is the code's, and the two-module margin is light.
        for y in 0..side {
            for x in 0..side {
                let style = lines[y / 2].spans[x].style;
                let drawn = if y % 2 == 0 { style.fg } else { style.bg };
                let inside = (2..width + 2).contains(&x) && (2..width + 2).contains(&y);
                let dark = inside && colors[(y - 2) * width + (x - 2)] == qrcode::Color::Dark;
                let want = if dark { Color::Black } else { Color::White };
                assert_eq!(drawn, Some(want), "module ({x}, {y})");
            }
        }
    }
}
