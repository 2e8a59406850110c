//! The workshop screen's state: the session and its framework, what is selected, expanded and
//! open, and whether the file on disk is up to date.

use std::path::PathBuf;

use crate::framework::{Framework, NodeIx};
use crate::search::SearchIndex;
use crate::session::journal::{Draft, Entry};
use crate::session::{Column, History, Session};

use super::overlays::Overlay;

/// Whether what is on screen is on disk.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SaveState {
    Saved,
    Unsaved,
    /// The last save failed: the message says why. The next change tries again.
    Failed(String),
}

/// Everything the screen shows and `update` changes.
pub struct App {
    pub framework: Framework,
    pub session: Session,
    /// Where the session is saved.
    pub path: PathBuf,
    pub history: History,
    pub index: SearchIndex,
    /// Per node: whether its children are shown.
    pub expanded: Vec<bool>,
    pub selected: NodeIx,
    pub column: Column,
    /// First tree row on screen.
    pub tree_offset: usize,
    /// Lines scrolled in the text pane.
    pub detail_scroll: u16,
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
}

impl App {
    /// Opens `session` (scored against `framework`) at the node it was left on.
    pub fn new(framework: Framework, session: Session, path: PathBuf) -> Self {
        let index = SearchIndex::new(&framework);
        let mut expanded = vec![false; framework.nodes().len()];
        // Themes start open: the room sees the elements at once.
        for r in framework.roots() {
            expanded[r] = true;
        }
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
            expanded,
            selected: 0,
            column: Column::Group(0),
            tree_offset: 0,
            detail_scroll: 0,
            overlay: None,
            save_state: SaveState::Saved,
            message: None,
            size: (120, 40),
            theme: super::theme::Theme::from_env(),
            outbox: Vec::new(),
        };
        app.reveal(selected);
        app.select(selected);
        app
    }

    /// Nodes shown in the tree, in order: everything whose ancestors are all expanded.
    pub fn visible_rows(&self) -> Vec<NodeIx> {
        let nodes = self.framework.nodes();
        let mut rows = Vec::new();
        let mut ix = 0;
        while ix < nodes.len() {
            rows.push(ix);
            ix = if self.expanded[ix] {
                ix + 1
            } else {
                nodes[ix].end
            };
        }
        rows
    }

    /// Expands every ancestor of `ix` so it is visible.
    pub fn reveal(&mut self, ix: NodeIx) {
        let path = self.framework.path(ix);
        for &p in &path[..path.len() - 1] {
            self.expanded[p] = true;
        }
    }

    /// Selects a node, remembering it in the session so a reopen lands here.
    pub fn select(&mut self, ix: NodeIx) {
        if ix != self.selected {
            self.detail_scroll = 0;
        }
        self.selected = ix;
        self.session.selected = Some(self.framework.node(ix).id.clone());
        self.keep_selection_visible();
    }

    /// The selected node's id.
    pub fn selected_id(&self) -> &str {
        &self.framework.node(self.selected).id
    }

    /// Scrolls the tree so the selected row is on screen.
    pub fn keep_selection_visible(&mut self) {
        let rows = self.visible_rows();
        let height = super::layout::tree_rows(self.size);
        let pos = rows.iter().position(|&r| r == self.selected).unwrap_or(0);
        if pos < self.tree_offset {
            self.tree_offset = pos;
        } else if height > 0 && pos >= self.tree_offset + height {
            self.tree_offset = pos + 1 - height;
        }
        let max_offset = rows.len().saturating_sub(height.max(1));
        self.tree_offset = self.tree_offset.min(max_offset);
    }

    /// The columns in Tab order: each group, then Agreed.
    pub fn columns(&self) -> Vec<Column> {
        (0..self.session.groups.len())
            .map(Column::Group)
            .chain(std::iter::once(Column::Agreed))
            .collect()
    }

    /// A column's name: the group's, or "Agreed".
    pub fn column_name(&self, column: Column) -> &str {
        match column {
            Column::Group(g) => self.session.groups.get(g).map_or("?", String::as_str),
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
        self.session.selected = Some(self.framework.node(self.selected).id.clone());
    }

    /// Keeps the text of a form being typed, so a closed terminal does not lose it.
    pub fn keep_draft(&mut self, draft: Option<Draft>) {
        self.outbox.push(Entry::Draft(draft));
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
            self.keep_draft(Some(draft));
        }
    }

    /// Notes that the session changed and must be written.
    pub fn mark_changed(&mut self) {
        self.save_state = SaveState::Unsaved;
    }
}
