//! The notes editor: multi-line notes for any node. Text is written into the session and its
//! journal as it is typed (so a crash loses at most a keystroke); closing records one
//! undoable change. A paste arrives whole, as one change.

use ratatui::Frame;
use ratatui::style::Style;
use ratatui_textarea::TextArea;

use super::{Reaction, popup_block};
use crate::framework::NodeIx;
use crate::session::Edit;
use crate::tui::action::Action;
use crate::tui::keymap::Context;
use crate::tui::view::View;
use crate::tui::view::ViewContext;
use crate::tui::view::{Opened, Registered};

/// What the editor does with keys that are not text (for the test that each has a key).
pub(super) const ACTIONS: &[Action] = &[Action::Close];

pub struct NotesOverlay {
    node: NodeIx,
    /// The notes when the editor opened, for the undo record.
    before: String,
    editor: TextArea<'static>,
    /// The notes as last journalled, to journal only what each key changed.
    journalled: String,
}

/// The notes editor, opened on the selected node.
pub(super) const VIEW: Registered = Registered {
    name: "notes",
    opens_on: &[Action::EditNotes],
    keys: &[(Context::Notes, ACTIONS)],
    open: |cx, _| Opened::new(NotesOverlay::open(cx)),
    restore: crate::tui::view::no_draft,
};

impl View for NotesOverlay {
    fn context(&self) -> Context {
        Context::Notes
    }

    fn react(&mut self, cx: &ViewContext<'_>, action: &Action) -> Reaction {
        NotesOverlay::react(self, cx, action)
    }

    fn render(&self, cx: &ViewContext<'_>, frame: &mut Frame) {
        NotesOverlay::render(self, cx, frame);
    }
}

impl NotesOverlay {
    pub fn open(app: &ViewContext<'_>) -> Self {
        let before = app.session.notes(app.selected_id()).to_owned();
        let lines: Vec<String> = before.lines().map(str::to_owned).collect();
        let mut editor = TextArea::new(if lines.is_empty() {
            vec![String::new()]
        } else {
            lines
        });
        editor.set_cursor_line_style(Style::default());
        // Long lines wrap at the pane's width (by words, or within a word too long for it).
        editor.set_wrap_mode(ratatui_textarea::WrapMode::WordOrGlyph);
        editor.move_cursor(ratatui_textarea::CursorMove::Bottom);
        editor.move_cursor(ratatui_textarea::CursorMove::End);
        NotesOverlay {
            node: app.selected(),
            journalled: before.clone(),
            before,
            editor,
        }
    }

    pub fn text(&self) -> String {
        self.editor.lines().join("\n")
    }

    pub fn react(&mut self, app: &ViewContext<'_>, action: &Action) -> Reaction {
        let id = app.framework.node(self.node).id.clone();
        match action {
            Action::Close => {
                let after = self.text().trim_end().to_owned();
                let live = self.change(&id, after.clone());
                Reaction::close_then(vec![
                    live,
                    Action::Record(Edit::Notes {
                        node: id,
                        before: std::mem::take(&mut self.before),
                        after,
                    }),
                ])
            }
            Action::Input(key) => {
                if self.editor.input(*key) {
                    let text = self.text();
                    Reaction::then(vec![self.change(&id, text)])
                } else {
                    Reaction::stay()
                }
            }
            Action::Paste(text) => self.paste(&id, text),
            _ => Reaction::stay(),
        }
    }

    /// Puts pasted text in at the cursor as one change; a paste past
    /// [`super::MAX_PASTE_CHARS`] is refused whole.
    fn paste(&mut self, id: &str, text: &str) -> Reaction {
        let text = text.replace("\r\n", "\n").replace('\r', "\n");
        let count = text.chars().count();
        if count + self.journalled.len() > super::MAX_PASTE_CHARS {
            return Reaction::then(vec![Action::Say(format!(
                "That paste is {count} characters; a note holds up to {} in all. Nothing was pasted.",
                super::MAX_PASTE_CHARS
            ))]);
        }
        if !self.editor.insert_str(&text) {
            return Reaction::stay();
        }
        let text = self.text();
        Reaction::then(vec![self.change(id, text)])
    }

    /// The notes changed: applied live (and journalled as what changed since last time).
    fn change(&mut self, id: &str, text: String) -> Action {
        let before = std::mem::replace(&mut self.journalled, text.clone());
        Action::Live(Edit::Notes {
            node: id.to_owned(),
            before,
            after: text,
        })
    }

    pub fn render(&self, app: &ViewContext<'_>, frame: &mut Frame) {
        let Some(areas) = crate::tui::layout::areas(frame.area(), app.grid_columns()) else {
            return;
        };
        // Over the text pane, leaving the tree in view so the room keeps its bearings.
        let area = areas.detail;
        frame.render_widget(ratatui::widgets::Clear, area);
        let node = app.framework.node(self.node);
        let title = format!(
            "Notes · {} {}",
            node.id,
            crate::text::shorten(node.label(), 40)
        );
        let hint = app
            .keymap
            .hints(crate::tui::keymap::Context::Notes, &[Action::Close]);
        let title = crate::text::shorten(&title, crate::text::title_room(area.width));
        let block = popup_block(app, &title, &hint);
        let inner = block.inner(area);
        frame.render_widget(block, area);
        frame.render_widget(&self.editor, inner);
    }
}
