//! The presenter view (`p`): a projector screen read from the back of the room. A strip with
//! the clock, the area, progress and pace; the statement as large as the window allows; every
//! group's score and the agreed one as blocks, with the spread in words; the scale. In room
//! mode the blocks say who has scored, not what, until the facilitator reveals. Nothing of the
//! facilitator's is shown unless asked (`n` shows the notes, paged). Scoring, fast entry and
//! moving between statements keep working here, so a whole round can be run from it.

mod blocks;
mod join;
mod notes;
mod said;
mod scale;
mod statement;
pub mod strip;

use std::cell::Cell;

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::Line;
use ratatui::widgets::{Clear, Paragraph, Wrap};

use super::Reaction;
use crate::tui::action::Action;
use crate::tui::keymap::Context;
use crate::tui::view::View;
use crate::tui::view::ViewContext;
use crate::tui::view::{Opened, Registered};

/// The smallest screen this view draws on (reduced: ordinary text, the scale on one line).
pub const MIN_WIDTH: u16 = 60;
pub const MIN_HEIGHT: u16 = 16;

/// What the presenter view handles itself (the rest it passes to the main screen).
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
    Action::DetailDown,
    Action::DetailUp,
    Action::Undo,
    Action::Voting(crate::tui::voting::VotingAction::Join),
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

/// Opens the view; from a heading, on its first statement, since the room sees a statement.
fn open(cx: &ViewContext<'_>, _: &Action) -> Opened {
    let mut opened = Opened::new(PresenterOverlay::default());
    let selected = cx.selected();
    if !cx.framework.node(selected).is_statement()
        && let Some(first) = cx.framework.statements_under(selected).next()
    {
        opened.then.push(Action::Select(first));
    }
    opened
}

#[derive(Debug, Default)]
pub struct PresenterOverlay {
    /// The notes are the facilitator's until shown to the room.
    show_notes: bool,
    /// The page of the notes shown, and how many pages they took when last drawn.
    notes_page: usize,
    notes_pages: Cell<usize>,
    /// The join page (every group's link and code) is shown instead of the statement.
    join: bool,
    /// Its page, and how many it took when last drawn.
    join_page: usize,
    join_pages: Cell<usize>,
}

/// The statement shown to the room; from a heading, its first statement is selected.
pub const VIEW: Registered = Registered {
    name: "presenter",
    opens_on: &[Action::Presenter],
    keys: &[(Context::Presenter, ACTIONS)],
    open,
    restore: crate::tui::view::no_draft,
};

impl View for PresenterOverlay {
    fn context(&self) -> Context {
        Context::Presenter
    }

    fn react(&mut self, _cx: &ViewContext<'_>, action: &Action) -> Reaction {
        PresenterOverlay::react(self, action)
    }

    fn render(&self, cx: &ViewContext<'_>, frame: &mut Frame) {
        PresenterOverlay::render(self, cx, frame);
    }

    fn passes_to_main(&self, action: &Action) -> bool {
        passes_to_main(action)
    }
}

impl PresenterOverlay {
    pub fn react(&mut self, action: &Action) -> Reaction {
        match action {
            Action::Close => Reaction::close(),
            Action::ToggleNotes => {
                self.show_notes = !self.show_notes;
                self.notes_page = 0;
                Reaction::stay()
            }
            Action::Voting(crate::tui::voting::VotingAction::Join) => {
                self.join = !self.join;
                self.join_page = 0;
                Reaction::stay()
            }
            Action::DetailDown if self.join => {
                if self.join_page + 1 < self.join_pages.get() {
                    self.join_page += 1;
                }
                Reaction::stay()
            }
            Action::DetailUp if self.join => {
                self.join_page = self.join_page.saturating_sub(1);
                Reaction::stay()
            }
            Action::DetailDown => {
                if self.notes_page + 1 < self.notes_pages.get() {
                    self.notes_page += 1;
                }
                Reaction::stay()
            }
            Action::DetailUp => {
                self.notes_page = self.notes_page.saturating_sub(1);
                Reaction::stay()
            }
            _ => Reaction::stay(),
        }
    }

    pub fn render(&self, app: &ViewContext<'_>, frame: &mut Frame) {
        let full = frame.area();
        frame.render_widget(Clear, full);
        let t = app.theme;
        if full.width < MIN_WIDTH || full.height < MIN_HEIGHT {
            Self::too_small(app, frame, full);
            return;
        }
        if self.join {
            let area = Rect::new(full.x + 1, full.y, full.width - 2, full.height);
            self.join_pages
                .set(join::render(app, frame, area, self.join_page));
            return;
        }
        let h = full.height;
        let body = Rect::new(full.x + 2, full.y, full.width - 4, full.height);
        let node = app.framework.node(app.selected());
        let hidden = app.round.hides(app.session);
        let scale_lines = scale::lines(app, body.width, h >= 40);
        let notes = if self.show_notes {
            app.session.notes(&node.id)
        } else {
            ""
        };
        let note_lines = if notes.trim().is_empty() {
            Vec::new()
        } else {
            notes
                .lines()
                .flat_map(|l| crate::text::wrap(l, usize::from(body.width)))
                .collect()
        };
        let notes_height = if note_lines.is_empty() {
            0
        } else {
            u16::try_from(note_lines.len() + 1)
                .unwrap_or(u16::MAX)
                .min((h / 5).max(3))
        };
        let blocks_height = match h {
            45.. => 12,
            28.. => 7,
            _ => 3,
        };
        let gap = u16::from(h >= 28);
        let [
            strip,
            _,
            crumb,
            text,
            blocks,
            said,
            _,
            notes_area,
            scale,
            keys,
        ] = Layout::vertical([
            Constraint::Length(1),
            Constraint::Length(gap),
            Constraint::Length(1),
            Constraint::Fill(1),
            Constraint::Length(blocks_height),
            Constraint::Length(1),
            Constraint::Length(gap),
            Constraint::Length(notes_height),
            Constraint::Length(u16::try_from(scale_lines.len()).unwrap_or(1)),
            Constraint::Length(1),
        ])
        .areas(body);
        frame.render_widget(
            Paragraph::new(strip::line(app, usize::from(strip.width))),
            strip,
        );
        let crumb_text = crate::text::shorten(
            &format!("{} · {}", node.id, app.framework.breadcrumb(app.selected())),
            usize::from(crumb.width),
        );
        frame.render_widget(
            Paragraph::new(Line::styled(crumb_text, t.title())).centered(),
            crumb,
        );
        statement::render(frame, text, node.label(), Style::default());
        blocks::render(app, frame, blocks, hidden);
        frame.render_widget(Paragraph::new(said::line(app, hidden)).centered(), said);
        self.notes_pages.set(notes::render(
            app,
            frame,
            notes_area,
            &note_lines,
            self.notes_page,
        ));
        frame.render_widget(Paragraph::new(scale_lines), scale);
        let bottom = match app.message {
            Some(m) => Line::styled(crate::text::shorten(m, usize::from(keys.width)), t.key()),
            None => Line::styled(
                crate::text::shorten(&Self::hints(app), usize::from(keys.width)),
                t.dim(),
            ),
        };
        frame.render_widget(Paragraph::new(bottom).centered(), keys);
    }

    fn too_small(app: &ViewContext<'_>, frame: &mut Frame, full: Rect) {
        let t = app.theme;
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
    }

    fn hints(app: &ViewContext<'_>) -> String {
        let mut actions = vec![
            Action::NextStatement,
            Action::PrevStatement,
            Action::NextColumn,
        ];
        if app.session.room.reveal {
            actions.push(Action::Reveal);
        }
        actions.extend([
            Action::ToggleRoomMode,
            Action::NextDisagreement,
            Action::ToggleNotes,
            Action::Voting(crate::tui::voting::VotingAction::Join),
            Action::Close,
        ]);
        app.keymap.hints(Context::Presenter, &actions)
    }
}
