//! The workshop screen's state: the session and its framework, what is selected, expanded and
//! open, and whether the file on disk is up to date.

use std::path::PathBuf;

use crate::framework::{Framework, NodeIx};
use crate::search::SearchIndex;
use crate::session::journal::{Draft, Entry};
use crate::session::{Column, History, Session};

use super::keymap::{Context, Keymap};
use super::tree_view::TreeView;
use super::view::{View, ViewContext};

/// Whether what is on screen is on disk.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SaveState {
    Saved,
    Unsaved,
    /// The readable file cannot be written: these edits are safe in the journal only, and
    /// go into the file by themselves when it can be written again.
    JournalOnly {
        edits: usize,
    },
    /// Not even the journal could be written (or another program changed the file): what
    /// the text says is not saved. awayday keeps trying.
    Failed(String),
}

/// Time-keeping for the time spent in each area.
#[derive(Debug, Clone, Default)]
pub struct Clock {
    pub last_tick: Option<u64>,
    pub last_key: Option<u64>,
    /// Seconds counted but not yet written into the session's agenda, per area id.
    pub pending: std::collections::BTreeMap<String, u32>,
}

/// Everything the screen shows and `update` changes.
/// Everything the screen shows and `update` changes. Its state is the screen layer's
/// (`crate::tui`): `update` changes it, the panes and the loop read it; the rest of the
/// program and the tests read it through the accessors below, and views through a
/// [`ViewContext`].
pub struct App {
    pub(super) framework: Framework,
    pub(super) session: Session,
    /// Where the session is saved.
    pub(super) path: PathBuf,
    pub(super) history: History,
    pub(super) index: SearchIndex,
    /// The outline: what is open, selected, and scrolled to.
    pub(super) tree: TreeView,
    pub(super) column: Column,
    /// The keys in effect (the defaults, with the user's changes).
    pub(super) keymap: Keymap,
    /// Lines scrolled in the text pane.
    pub(super) detail_scroll: u16,
    /// Where the summary's list of disagreements was when it last closed.
    pub(super) summary_cursor: usize,
    /// The time, as the loop last told it (minutes since local midnight), for the pacing line.
    pub(super) now: Option<u16>,
    /// Seconds of the last tick and of the last key, for recording time spent (a gap with no
    /// key for five minutes is not counted).
    pub(super) clock: Clock,
    /// What the text pane last drew: the scroll it used (never past the text's end) and
    /// whether more text is below, so scrolling stops where the text does.
    pub(super) detail_view: std::cell::Cell<(u16, bool)>,
    /// The view open over the main screen, if any: which one is the registry's business.
    overlay: Option<Box<dyn View>>,
    pub(super) save_state: SaveState,
    /// A one-line message for the status bar, cleared by the next key.
    pub(super) message: Option<String>,
    /// The terminal size, for page moves and mouse hits.
    pub(super) size: (u16, u16),
    pub(super) theme: super::theme::Theme,
    /// Changes made outside the undo history (notes as they are typed, forms being filled
    /// in), waiting for the journal.
    pub(super) outbox: Vec<Entry>,
    /// Voting from the groups' devices: asked for or not, and how it is going.
    pub(super) voting: super::voting::Voting,
    /// The round on the statement open to the room: revealed or not (room mode).
    pub(super) round: crate::session::reveal::Round,
    /// The day plan's pace, kept between frames while the records and the plan stay.
    pub(super) pace: super::pace::Pace,
}

impl App {
    /// Opens `session` (scored against `framework`) at the node it was left on.
    pub fn new(framework: Framework, session: Session, path: PathBuf) -> Self {
        let index = SearchIndex::new(&framework);
        // Themes start open: the room sees the elements at once.
        let tree = TreeView::new(&framework);
        let selected = session
            .selected
            .as_deref()
            .and_then(|id| framework.find(id))
            .unwrap_or(0);
        let mut app = App {
            framework,
            session,
            path,
            history: History::default(),
            index,
            tree,
            column: Column::Group(0),
            keymap: Keymap::default(),
            detail_scroll: 0,
            summary_cursor: 0,
            now: None,
            clock: Clock::default(),
            detail_view: std::cell::Cell::new((0, false)),
            overlay: None,
            save_state: SaveState::Saved,
            message: None,
            size: (120, 40),
            theme: super::theme::Theme::from_env(),
            outbox: Vec::new(),
            voting: super::voting::Voting::default(),
            round: crate::session::reveal::Round::default(),
            pace: super::pace::Pace::default(),
        };
        app.column = app.columns()[0];
        app.reveal(selected);
        app.select(selected);
        app.selection_moved();
        app
    }

    /// Nodes shown in the tree, in order.
    pub fn visible_rows(&self) -> Vec<NodeIx> {
        self.tree.visible_rows(&self.framework)
    }

    /// Opens every ancestor of `ix` so it is visible.
    pub fn reveal(&mut self, ix: NodeIx) {
        self.tree.reveal(&self.framework, ix);
    }

    /// The selected node.
    pub fn selected(&self) -> NodeIx {
        self.tree.selected()
    }

    /// Selects a node (which must be visible) and scrolls to it.
    pub fn select(&mut self, ix: NodeIx) {
        let height = super::layout::tree_rows(self.size);
        if self.tree.select(&self.framework, ix, height) {
            self.selection_moved();
        }
    }

    /// The selection changed: the text pane starts at the top, and the session remembers
    /// the node so a reopen lands there (written with the next edit or on quit, not now).
    pub fn selection_moved(&mut self) {
        self.detail_scroll = 0;
        self.detail_view.set((0, false));
        let id = self.framework.node(self.selected()).id.clone();
        // A new statement opens to the room hidden (in room mode).
        self.round.open(&id);
        self.session.selected = Some(id);
    }

    /// The selected node's id.
    pub fn selected_id(&self) -> &str {
        &self.framework.node(self.selected()).id
    }

    /// Scrolls the tree so the selected row is on screen.
    pub fn keep_selection_visible(&mut self) {
        let height = super::layout::tree_rows(self.size);
        self.tree.keep_visible(&self.framework, height);
    }

    /// Scrolls the text pane by `delta` lines, from where it is drawn, never past the text.
    pub fn scroll_detail(&mut self, delta: i32) {
        let (shown, more_below) = self.detail_view.get();
        self.detail_scroll = if delta > 0 {
            if more_below {
                shown.saturating_add(u16::try_from(delta).unwrap_or(0))
            } else {
                shown
            }
        } else {
            shown.saturating_sub(u16::try_from(-delta).unwrap_or(0))
        };
    }

    /// The framework the session is scored against.
    pub fn framework(&self) -> &Framework {
        &self.framework
    }

    /// The session as it is now.
    pub fn session(&self) -> &Session {
        &self.session
    }

    /// The keys in effect.
    pub fn keymap(&self) -> &Keymap {
        &self.keymap
    }

    /// Puts the user's keys in effect.
    pub fn set_keymap(&mut self, keymap: Keymap) {
        self.keymap = keymap;
    }

    /// Sets (or clears) the status bar's message, returning the one it replaces.
    pub fn set_message(&mut self, message: Option<String>) -> Option<String> {
        std::mem::replace(&mut self.message, message)
    }

    /// What an open view may read: built for each key and each frame.
    pub fn view_context(&self) -> ViewContext<'_> {
        ViewContext {
            framework: &self.framework,
            session: &self.session,
            keymap: &self.keymap,
            theme: self.theme,
            index: &self.index,
            column: self.column,
            summary_cursor: self.summary_cursor,
            selection: self.selected(),
            views: super::overlays::registry::VIEWS,
            now: self.now,
            message: self.message.as_deref(),
            round: &self.round,
            voting: &self.voting,
            pace: &self.pace,
        }
    }

    /// How many score columns the room grid shows, when it is on.
    pub fn grid_columns(&self) -> Option<usize> {
        self.view_context().grid_columns()
    }

    /// Where keys go now: the open view's context, or the main screen's.
    pub fn context(&self) -> Context {
        self.overlay.as_ref().map_or(Context::Main, |v| v.context())
    }

    /// The columns in Tab order: each group, then Agreed.
    pub fn columns(&self) -> Vec<Column> {
        self.view_context().columns()
    }

    /// A column's name: the group's, or "Agreed".
    pub fn column_name(&self, column: Column) -> &str {
        self.view_context().column_name(column)
    }

    /// Whether a view is open over the main screen.
    pub fn has_view(&self) -> bool {
        self.overlay.is_some()
    }

    /// Opens `view` over the main screen, in place of any other.
    pub fn open_view(&mut self, view: Box<dyn View>) {
        self.overlay = Some(view);
    }

    /// Closes the open view, if any.
    pub fn close_view(&mut self) {
        self.overlay = None;
    }

    /// Takes the open view out while it reacts (it reads the app, so it cannot be in it).
    pub(super) fn take_view(&mut self) -> Option<Box<dyn View>> {
        self.overlay.take()
    }

    /// Whether the open view lets `action` through to the main screen.
    pub(super) fn view_passes(&self, action: &super::action::Action) -> bool {
        self.overlay
            .as_ref()
            .is_some_and(|v| v.passes_to_main(action))
    }

    /// Draws the open view, if any, over the main screen.
    pub fn render_view(&self, frame: &mut ratatui::Frame) {
        if let Some(view) = &self.overlay {
            view.render(&self.view_context(), frame);
        }
    }

    /// Replaces the whole session (another program's version, or a merge): the undo history
    /// no longer applies to it, and the selection and column are kept where they still exist.
    pub fn replace_session(&mut self, session: Session) {
        self.session = session;
        self.history = History::default();
        if let Column::Group(g) = self.column
            && g >= self.session.groups.len()
        {
            self.column = Column::Group(0);
        }
        self.session.selected = Some(self.framework.node(self.selected()).id.clone());
    }

    /// Reopens the form that was being typed when awayday was last stopped, with its text.
    pub fn restore_draft(&mut self, draft: Draft) {
        let node = match &draft {
            Draft::Action { node, .. } => self.framework.find(node),
            _ => None,
        };
        if let Some(ix) = node {
            self.reveal(ix);
            self.select(ix);
        }
        let restored = super::overlays::registry::restore(&self.view_context(), &draft);
        if restored.is_some() {
            self.overlay = restored;
            self.message =
                Some("Recovered the text you were typing when awayday was stopped.".into());
            // Journal it again: it is in the new journal only once it is written there.
            self.outbox.push(Entry::Draft(Some(draft)));
        }
    }

    /// Notes that the session changed and must be written. A failure stays on screen until
    /// the write that ends it.
    pub fn mark_changed(&mut self) {
        if self.save_state == SaveState::Saved {
            self.save_state = SaveState::Unsaved;
        }
    }
}

#[cfg(test)]
#[path = "views_test.rs"]
mod views_test;

/// What the tests, benches and examples read, set up or take out directly.
#[cfg(feature = "test-support")]
mod test_support;
