//! The conflict overlay: another program changed the session file while it was open. Nothing
//! is written over it until the facilitator chooses: take theirs, keep ours, or merge.

use ratatui::Frame;
use ratatui::text::Line;
use ratatui::widgets::{Clear, Paragraph, Wrap};

use super::{Reaction, popup_block};
use crate::tui::action::{Action, Effect};
use crate::tui::keymap::Context;
use crate::tui::view::View;
use crate::tui::view::ViewContext;
use crate::tui::view::{Opened, Registered};

/// The three answers.
pub(super) const ACTIONS: &[Action] = &[
    Action::Resolve(crate::tui::action::Resolution::Theirs),
    Action::Resolve(crate::tui::action::Resolution::Ours),
    Action::Resolve(crate::tui::action::Resolution::Merge),
];

pub(super) struct ConflictOverlay {
    file: String,
    ours: String,
}

/// Opened by the loop, not a key, when another program changed the file (from here, with
/// no names, for tests).
pub(super) const VIEW: Registered = Registered {
    name: "conflict",
    opens_on: &[],
    keys: &[(Context::Conflict, ACTIONS)],
    open: |_, _| Opened::new(ConflictOverlay::new("", "")),
    restore: crate::tui::view::no_draft,
};

impl View for ConflictOverlay {
    fn context(&self) -> Context {
        Context::Conflict
    }

    fn react(&mut self, _cx: &ViewContext<'_>, action: &Action) -> Reaction {
        ConflictOverlay::answer(action)
    }

    fn render(&self, cx: &ViewContext<'_>, frame: &mut Frame) {
        ConflictOverlay::render(self, cx, frame);
    }
}

impl ConflictOverlay {
    pub(super) fn new(file: &str, ours: &str) -> Self {
        ConflictOverlay {
            file: file.to_owned(),
            ours: ours.to_owned(),
        }
    }

    /// Only the three choices answer it: until one is made, nothing is written over the file
    /// (edits made meanwhile are still journalled).
    fn answer(action: &Action) -> Reaction {
        match action {
            Action::Resolve(choice) => Reaction {
                close: false,
                then: Vec::new(),
                effect: Some(Effect::Resolve(*choice)),
            },
            _ => Reaction::stay(),
        }
    }

    pub(super) fn render(&self, app: &ViewContext<'_>, frame: &mut Frame) {
        let area = crate::tui::layout::centred(frame.area(), 76, 14);
        frame.render_widget(Clear, area);
        let block = popup_block(app, "The session file was changed elsewhere", "");
        let t = app.theme;
        let mut lines = vec![
            Line::raw(format!(
                "Another program (a sync tool, an editor, another copy of awayday) changed {} after awayday last wrote it. Nothing has been written over it.",
                self.file
            )),
            Line::raw(""),
            Line::raw(format!("Your version is kept in {}.", self.ours)),
            Line::raw(""),
        ];
        for b in app.keymap.context(Context::Conflict) {
            let key = b.keys.first().map(|k| k.label()).unwrap_or_default();
            lines.push(Line::styled(format!("{key}  {}", b.help), t.title()));
        }
        frame.render_widget(
            Paragraph::new(lines)
                .wrap(Wrap { trim: false })
                .block(block),
            area,
        );
    }
}
