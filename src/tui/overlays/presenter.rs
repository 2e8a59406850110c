//! The presenter view (`p`): for the projector. The statement's path and id, its text large
//! and centred, every group's score and the agreed one as big blocks in a row, the spread
//! called out when the groups disagree, and the scale with what each level means. Nothing of
//! the facilitator's is shown unless asked (`n` shows the notes). Scoring, fast entry and
//! moving between statements keep working here, so a whole round can be run from it.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Clear, Paragraph, Wrap};
use tui_big_text::{BigText, PixelSize};

use super::Reaction;
use crate::session::Score;
use crate::session::summary;
use crate::tui::action::Action;
use crate::tui::app::App;
use crate::tui::keymap::Context;

/// The smallest screen the room can read this view on.
pub const MIN_WIDTH: u16 = 120;
pub const MIN_HEIGHT: u16 = 30;

/// What the presenter view handles itself (the rest it passes to the main screen).
#[cfg(test)]
pub const ACTIONS: &[Action] = &[
    Action::NextStatement,
    Action::PrevStatement,
    Action::NextColumn,
    Action::PrevColumn,
    Action::Score(1),
    Action::NotApplicable,
    Action::Clear,
    Action::NextDisagreement,
    Action::PrevDisagreement,
    Action::ToggleFastEntry,
    Action::Reveal,
    Action::ToggleRoomMode,
    Action::ToggleNotes,
    Action::Undo,
    Action::Close,
];

/// The actions that do in the presenter view what they do on the main screen.
pub fn passes_to_main(action: &Action) -> bool {
    matches!(
        action,
        Action::Score(_)
            | Action::NotApplicable
            | Action::Clear
            | Action::NextColumn
            | Action::PrevColumn
            | Action::NextDisagreement
            | Action::PrevDisagreement
            | Action::NextStatement
            | Action::PrevStatement
            | Action::ToggleFastEntry
            | Action::Reveal
            | Action::ToggleRoomMode
            | Action::Undo
            | Action::Redo
            | Action::Save
            | Action::Quit
    )
}

#[derive(Debug, Default)]
pub struct PresenterOverlay {
    /// The notes are the facilitator's until shown to the room.
    show_notes: bool,
}

impl PresenterOverlay {
    pub fn react(&mut self, action: &Action) -> Reaction {
        match action {
            Action::Close => Reaction::close(),
            Action::ToggleNotes => {
                self.show_notes = !self.show_notes;
                Reaction::stay()
            }
            _ => Reaction::stay(),
        }
    }

    pub fn render(&self, app: &App, frame: &mut Frame) {
        let full = frame.area();
        frame.render_widget(Clear, full);
        let t = app.theme;
        if full.width < MIN_WIDTH || full.height < MIN_HEIGHT {
            let back = app
                .keymap
                .key_for(Context::Presenter, &Action::Close)
                .unwrap_or_default();
            let lines = vec![
                Line::styled("Make the window bigger for the room", t.warn()),
                Line::raw(format!(
                    "The presenter view needs at least {MIN_WIDTH}×{MIN_HEIGHT}; this window is {}×{}. {back} goes back.",
                    full.width, full.height
                )),
            ];
            let y = full.y + full.height.saturating_sub(2) / 2;
            frame.render_widget(
                Paragraph::new(lines).centered().wrap(Wrap { trim: true }),
                Rect::new(full.x, y, full.width, full.height - (y - full.y)),
            );
            return;
        }
        let margin = full.width / 10;
        let body = Rect::new(
            full.x + margin,
            full.y,
            full.width - 2 * margin,
            full.height,
        );
        let node = app.framework.node(app.selected());
        let strong = Style::default().add_modifier(Modifier::BOLD);
        let scale_lines = Self::scale_lines(app, body.width);
        let [crumb, id, text, blocks, spread, scale, keys] = Layout::vertical([
            Constraint::Length(1),
            Constraint::Length(4),
            Constraint::Fill(1),
            Constraint::Length(7),
            Constraint::Length(2),
            Constraint::Length(u16::try_from(scale_lines.len()).unwrap_or(4)),
            Constraint::Length(1),
        ])
        .areas(body);
        frame.render_widget(
            Paragraph::new(Line::styled(
                app.framework.breadcrumb(app.selected()),
                t.dim(),
            ))
            .centered(),
            crumb,
        );
        frame.render_widget(
            BigText::builder()
                .pixel_size(PixelSize::Quadrant)
                .style(strong)
                .lines(vec![Line::from(node.id.clone())])
                .centered()
                .build(),
            id,
        );
        let mut words = vec![
            Line::default(),
            Line::styled(node.label().to_owned(), strong),
        ];
        let notes = app.session.notes(&node.id);
        if self.show_notes && !notes.is_empty() {
            words.push(Line::default());
            words.extend(notes.lines().map(|l| Line::styled(l.to_owned(), t.dim())));
        }
        frame.render_widget(
            Paragraph::new(words).centered().wrap(Wrap { trim: true }),
            text,
        );
        Self::render_blocks(app, frame, blocks);
        let spread_at = app.session.room.spread();
        let line = match summary::spread(&app.session, &node.id) {
            Some(s) if s >= spread_at => Line::styled(
                format!("▲ The groups disagree: {s} levels apart"),
                t.warn().patch(strong),
            ),
            Some(s) => Line::styled(format!("The groups are within {s} of each other"), t.dim()),
            None => Line::default(),
        };
        frame.render_widget(Paragraph::new(line).centered(), spread);
        frame.render_widget(Paragraph::new(scale_lines), scale);
        let hints = app.keymap.hints(
            Context::Presenter,
            &[
                Action::NextStatement,
                Action::PrevStatement,
                Action::NextColumn,
                Action::NextDisagreement,
                Action::ToggleNotes,
                Action::Close,
            ],
        );
        frame.render_widget(
            Paragraph::new(Line::styled(hints, t.dim())).centered(),
            keys,
        );
    }

    /// One block per column: the name (the active one marked ▶), the score in big digits.
    fn render_blocks(app: &App, frame: &mut Frame, area: Rect) {
        let t = app.theme;
        let columns = app.columns();
        let id = app.selected_id();
        let cells = Layout::horizontal(columns.iter().map(|_| Constraint::Fill(1))).split(area);
        for (&c, &cell) in columns.iter().zip(cells.iter()) {
            let active = c == app.column;
            let name = format!("{}{}", if active { "▶ " } else { "" }, app.column_name(c));
            let block = Block::bordered()
                .border_type(if active {
                    BorderType::Thick
                } else {
                    BorderType::Plain
                })
                .border_style(if active { t.key() } else { t.border() })
                .title(Line::styled(
                    name,
                    if active {
                        t.key().add_modifier(Modifier::BOLD)
                    } else {
                        t.title()
                    },
                ))
                .title_alignment(ratatui::layout::Alignment::Center);
            let inner = block.inner(cell);
            frame.render_widget(block, cell);
            let value = match app.session.score(id, c) {
                Some(Score::Level(v)) => v.to_string(),
                Some(Score::NotApplicable) => "-".to_owned(),
                None => ".".to_owned(),
            };
            frame.render_widget(
                BigText::builder()
                    .pixel_size(PixelSize::HalfHeight)
                    .style(Style::default().add_modifier(Modifier::BOLD))
                    .lines(vec![Line::from(value)])
                    .centered()
                    .build(),
                Rect::new(
                    inner.x,
                    inner.y + 1,
                    inner.width,
                    inner.height.saturating_sub(1),
                ),
            );
        }
    }

    /// The scale: each level and what it means, wrapped; only the labels when short of room.
    fn scale_lines(app: &App, width: u16) -> Vec<Line<'static>> {
        let t = app.theme;
        let scale = &app.framework.scale;
        let room = app.size.1.saturating_sub(MIN_HEIGHT) >= 8;
        if !room {
            let mut spans = Vec::new();
            for l in &scale.levels {
                spans.push(Span::styled(format!("{} ", l.value), t.key()));
                spans.push(Span::raw(format!("{}   ", l.label)));
            }
            spans.push(Span::styled("- ", t.key()));
            spans.push(Span::raw(scale.not_applicable.clone()));
            return vec![Line::from(spans).centered()];
        }
        let mut lines = Vec::new();
        for l in &scale.levels {
            let head = format!("{} {}  ", l.value, l.label);
            let hang = head.chars().count();
            for (i, w) in crate::text::wrap(&l.meaning, usize::from(width).saturating_sub(hang))
                .into_iter()
                .enumerate()
            {
                lines.push(if i == 0 {
                    Line::from(vec![Span::styled(head.clone(), t.key()), Span::raw(w)])
                } else {
                    Line::raw(format!("{}{w}", " ".repeat(hang)))
                });
            }
        }
        lines
    }
}
