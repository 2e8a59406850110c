//! The notes editor: multi-line notes for any node. Text is written into the session and its
//! journal as it is typed (so a crash loses at most a keystroke); closing records one
//! undoable change. A paste arrives whole, as one change.

use ratatui::Frame;
use ratatui::crossterm::event::{KeyCode, KeyEvent};
use ratatui::style::Style;
use ratatui_textarea::TextArea;

use super::{Outcome, popup_block};
use crate::framework::NodeIx;
use crate::session::Edit;
use crate::tui::app::App;
use crate::tui::update::Effect;

pub struct NotesOverlay {
    node: NodeIx,
    /// The notes when the editor opened, for the undo record.
    before: String,
    editor: TextArea<'static>,
    /// The notes as last journalled, to journal only what each key changed.
    journalled: String,
}

impl NotesOverlay {
    pub fn open(app: &App) -> Self {
        let before = app.session.notes(app.selected_id()).to_owned();
        let lines: Vec<String> = before.lines().map(str::to_owned).collect();
        let mut editor = TextArea::new(if lines.is_empty() {
            vec![String::new()]
        } else {
            lines
        });
        editor.set_cursor_line_style(Style::default());
        editor.move_cursor(ratatui_textarea::CursorMove::Bottom);
        editor.move_cursor(ratatui_textarea::CursorMove::End);
        NotesOverlay {
            node: app.selected,
            journalled: before.clone(),
            before,
            editor,
        }
    }

    pub fn text(&self) -> String {
        self.editor.lines().join("\n")
    }

    pub fn handle(&mut self, app: &mut App, key: KeyEvent) -> (Outcome, Option<Effect>) {
        let id = app.framework.node(self.node).id.clone();
        if key.code == KeyCode::Esc {
            let after = self.text().trim_end().to_owned();
            app.session.set_notes(&id, after.clone());
            app.history.record(Edit::Notes {
                node: id,
                before: std::mem::take(&mut self.before),
                after,
            });
            app.mark_changed();
            return (Outcome::Close, Some(Effect::Save));
        }
        if self.editor.input(key) {
            self.changed(app, &id);
            return (Outcome::Stay, Some(Effect::Save));
        }
        (Outcome::Stay, None)
    }

    /// Puts pasted text in at the cursor as one change; a paste past
    /// [`super::MAX_PASTE_CHARS`] is refused whole.
    pub fn paste(&mut self, app: &mut App, text: &str) -> Option<Effect> {
        let text = text.replace("\r\n", "\n").replace('\r', "\n");
        let count = text.chars().count();
        if count + self.journalled.len() > super::MAX_PASTE_CHARS {
            app.message = Some(format!(
                "That paste is {count} characters; a note holds up to {} in all. Nothing was pasted.",
                super::MAX_PASTE_CHARS
            ));
            return None;
        }
        if !self.editor.insert_str(&text) {
            return None;
        }
        let id = app.framework.node(self.node).id.clone();
        self.changed(app, &id);
        Some(Effect::Save)
    }

    /// The editor's text changed: into the session, and its difference into the journal.
    fn changed(&mut self, app: &mut App, id: &str) {
        let text = self.text();
        app.outbox.push(crate::session::journal::notes_entry(
            id,
            &self.journalled,
            &text,
        ));
        app.session.set_notes(id, text.clone());
        self.journalled = text;
        app.mark_changed();
    }

    pub fn render(&self, app: &App, frame: &mut Frame) {
        let Some(areas) = crate::tui::layout::areas(frame.area()) else {
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
        let block = popup_block(app, &title, "Esc keeps the notes");
        let inner = block.inner(area);
        frame.render_widget(block, area);
        frame.render_widget(&self.editor, inner);
    }
}
