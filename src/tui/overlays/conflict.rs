//! The conflict overlay: another program changed the session file while it was open. Nothing
//! is written over it until the facilitator chooses: take theirs, keep ours, or merge.

use ratatui::Frame;
use ratatui::crossterm::event::{KeyCode, KeyEvent};
use ratatui::text::Line;
use ratatui::widgets::{Clear, Paragraph, Wrap};

use super::{Outcome, popup_block};
use crate::tui::app::App;
use crate::tui::persist::Resolution;
use crate::tui::update::Effect;

pub struct ConflictOverlay {
    file: String,
    ours: String,
}

impl ConflictOverlay {
    pub fn new(file: &str, ours: &str) -> Self {
        ConflictOverlay {
            file: file.to_owned(),
            ours: ours.to_owned(),
        }
    }

    /// Only the three choices close it: until one is made, nothing is written over the file
    /// (edits made meanwhile are still journalled).
    pub fn handle(&mut self, _app: &mut App, key: KeyEvent) -> (Outcome, Option<Effect>) {
        let choice = match key.code {
            KeyCode::Char('r') => Resolution::Theirs,
            KeyCode::Char('k') => Resolution::Ours,
            KeyCode::Char('m') => Resolution::Merge,
            _ => return (Outcome::Stay, None),
        };
        (Outcome::Stay, Some(Effect::Resolve(choice)))
    }

    pub fn render(&self, app: &App, frame: &mut Frame) {
        let area = crate::tui::layout::centred(frame.area(), 76, 14);
        frame.render_widget(Clear, area);
        let block = popup_block(app, "The session file was changed elsewhere", "r · k · m");
        let t = app.theme;
        let lines = vec![
            Line::raw(format!(
                "Another program (a sync tool, an editor, another copy of awayday) changed {} after awayday last wrote it. Nothing has been written over it.",
                self.file
            )),
            Line::raw(""),
            Line::raw(format!("Your version is kept in {}.", self.ours)),
            Line::raw(""),
            Line::styled("r  reload theirs (yours stays in that copy)", t.title()),
            Line::styled(
                "k  keep yours, writing over theirs (theirs is kept beside it)",
                t.title(),
            ),
            Line::styled(
                "m  merge both: yours wins where both scored a statement",
                t.title(),
            ),
        ];
        frame.render_widget(
            Paragraph::new(lines)
                .wrap(Wrap { trim: false })
                .block(block),
            area,
        );
    }
}
