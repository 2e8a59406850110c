//! The app as the tests, benches and examples see it: what they read, set up or take out
//! directly (the `test-support` feature), never the program, which reads the state inside
//! the screen layer.

use crate::session::journal::Entry;
use crate::session::{Column, History, Session};
use crate::tui::tree_view::TreeView;
use crate::tui::view::View;

use super::{App, Clock, SaveState};

/// What the tests, benches and examples read, set up or take out directly: never the
/// program, which reads the state inside the screen layer.
impl App {
    /// Where the session is saved.
    pub fn path(&self) -> &std::path::Path {
        &self.path
    }

    /// The undo history.
    pub fn history(&self) -> &History {
        &self.history
    }

    /// The outline: what is open, selected and scrolled to.
    pub fn tree(&self) -> &TreeView {
        &self.tree
    }

    /// The active score column.
    pub fn column(&self) -> Column {
        self.column
    }

    /// The status bar's message, if any.
    pub fn message(&self) -> Option<&str> {
        self.message.as_deref()
    }

    /// Whether what is on screen is on disk.
    pub fn save_state(&self) -> &SaveState {
        &self.save_state
    }

    /// The terminal size the screen is laid out for.
    pub fn size(&self) -> (u16, u16) {
        self.size
    }

    /// The colours in use.
    pub fn theme(&self) -> crate::tui::theme::Theme {
        self.theme
    }

    /// Changes waiting for the journal.
    pub fn outbox(&self) -> &[Entry] {
        &self.outbox
    }

    /// The round on the statement open to the room.
    pub fn round(&self) -> &crate::session::reveal::Round {
        &self.round
    }

    /// Voting from the groups' devices, as the screen knows it.
    pub fn voting(&self) -> &crate::tui::voting::Voting {
        &self.voting
    }

    /// The open view, if it is a `V`.
    pub fn view<V: View>(&self) -> Option<&V> {
        let view: &dyn std::any::Any = self.overlay.as_deref()?;
        view.downcast_ref()
    }

    pub fn session_mut(&mut self) -> &mut Session {
        &mut self.session
    }

    pub fn set_column(&mut self, column: Column) {
        self.column = column;
    }

    pub fn theme_mut(&mut self) -> &mut crate::tui::theme::Theme {
        &mut self.theme
    }

    pub fn clock_mut(&mut self) -> &mut Clock {
        &mut self.clock
    }

    pub fn history_mut(&mut self) -> &mut History {
        &mut self.history
    }

    pub fn voting_mut(&mut self) -> &mut crate::tui::voting::Voting {
        &mut self.voting
    }

    pub fn take_outbox(&mut self) -> Vec<Entry> {
        std::mem::take(&mut self.outbox)
    }
}
