//! The workshop screen's state: the session and its framework, what is selected, expanded and
//! open, and whether the file on disk is up to date.

use std::path::PathBuf;

use crate::framework::{Framework, NodeIx};
use crate::search::SearchIndex;
use crate::session::journal::{Draft, Entry};
use crate::session::{Column, History, Session};

use super::keymap::{Context, Keymap};
use super::overlays::Overlay;
use super::tree_view::TreeView;

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
pub struct App {
    pub framework: Framework,
    pub session: Session,
    /// Where the session is saved.
    pub path: PathBuf,
    pub history: History,
    pub index: SearchIndex,
    /// The outline: what is open, selected, and scrolled to.
    pub tree: TreeView,
    pub column: Column,
    /// The keys in effect (the defaults, with the user's changes).
    pub keymap: Keymap,
    /// Lines scrolled in the text pane.
    pub detail_scroll: u16,
    /// Where the summary's list of disagreements was when it last closed.
    pub summary_cursor: usize,
    /// The time, as the loop last told it (minutes since local midnight), for the pacing line.
    pub now: Option<u16>,
    /// Seconds of the last tick and of the last key, for recording time spent (a gap with no
    /// key for five minutes is not counted).
    pub clock: Clock,
    /// What the text pane last drew: the scroll it used (never past the text's end) and
    /// whether more text is below, so scrolling stops where the text does.
    pub detail_view: std::cell::Cell<(u16, bool)>,
    pub overlay: Option<Overlay>,
    pub save_state: SaveState,
    /// A one-line message for the status bar, cleared by the next key.
    pub message: Option<String>,
    /// The terminal size, for page moves and mouse hits.
    pub size: (u16, u16),
    pub theme: super::theme::Theme,
    /// Changes made outside the undo history (notes as they are typed, forms being filled
    /// in), waiting for the journal.
    pub outbox: Vec<Entry>,
    /// Voting from the groups' devices: asked for or not, and how it is going.
    pub voting: super::serving::Voting,
    /// The round on the statement open to the room: revealed or not (room mode).
    pub round: crate::session::reveal::Round,
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
            voting: super::serving::Voting::default(),
            round: crate::session::reveal::Round::default(),
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

    /// How many score columns the room grid shows, when it is on.
    pub fn grid_columns(&self) -> Option<usize> {
        self.session.room.grid.then(|| self.columns().len())
    }

    /// Where keys go now: the open view's context, or the main screen's.
    pub fn context(&self) -> Context {
        self.overlay
            .as_ref()
            .map_or(Context::Main, Overlay::context)
    }

    /// The columns in Tab order: each group, then Agreed.
    pub fn columns(&self) -> Vec<Column> {
        // Solo review: the reviewer's score is the agreed one, the only column.
        if self.session.room.solo {
            return vec![Column::Agreed];
        }
        (0..self.session.groups.len())
            .map(Column::Group)
            .chain(std::iter::once(Column::Agreed))
            .collect()
    }

    /// A column's name: the group's, or "Agreed".
    pub fn column_name(&self, column: Column) -> &str {
        match column {
            Column::Group(g) => self.session.groups.get(g).map_or("?", String::as_str),
            Column::Agreed if self.session.room.solo => "Score",
            Column::Agreed => "Agreed",
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
        let restored = super::overlays::Overlay::restore(self, &draft);
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
