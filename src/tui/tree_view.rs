//! The outline's view state: which nodes are open, which is selected, which row is at the top,
//! and every move over it (rows, pages, parents, children, reveal) and what a click hits.
//! It knows the framework's shape and the number of rows on screen, nothing else.

use crate::framework::{Framework, NodeIx};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TreeView {
    /// Per node: whether its children are shown.
    expanded: Vec<bool>,
    selected: NodeIx,
    /// The first row on screen.
    offset: usize,
}

impl TreeView {
    /// A view of `fw` with its themes open and its first node selected.
    pub fn new(fw: &Framework) -> Self {
        let mut expanded = vec![false; fw.nodes().len()];
        for r in fw.roots() {
            expanded[r] = true;
        }
        TreeView {
            expanded,
            selected: 0,
            offset: 0,
        }
    }

    pub fn selected(&self) -> NodeIx {
        self.selected
    }

    pub fn offset(&self) -> usize {
        self.offset
    }

    pub fn is_expanded(&self, ix: NodeIx) -> bool {
        self.expanded.get(ix).copied().unwrap_or(false)
    }

    /// Nodes shown, in order: everything whose ancestors are all open.
    pub fn visible_rows(&self, fw: &Framework) -> Vec<NodeIx> {
        let nodes = fw.nodes();
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

    /// Opens every ancestor of `ix` so it is shown.
    pub fn reveal(&mut self, fw: &Framework, ix: NodeIx) {
        let path = fw.path(ix);
        for &p in &path[..path.len() - 1] {
            self.expanded[p] = true;
        }
    }

    /// Selects `ix` (which must be shown) and scrolls it into the `height` rows on screen.
    /// Returns whether the selection changed.
    pub fn select(&mut self, fw: &Framework, ix: NodeIx, height: usize) -> bool {
        let changed = ix != self.selected;
        self.selected = ix;
        self.keep_visible(fw, height);
        changed
    }

    /// Scrolls so the selected row is on screen, and no further than the last row allows.
    pub fn keep_visible(&mut self, fw: &Framework, height: usize) {
        let rows = self.visible_rows(fw);
        let pos = rows.iter().position(|&r| r == self.selected).unwrap_or(0);
        if pos < self.offset {
            self.offset = pos;
        } else if height > 0 && pos >= self.offset + height {
            self.offset = pos + 1 - height;
        }
        self.offset = self.offset.min(rows.len().saturating_sub(height.max(1)));
    }

    /// Moves the selection `delta` rows (negative: up), stopping at the ends.
    pub fn move_by(&mut self, fw: &Framework, delta: isize, height: usize) -> bool {
        let rows = self.visible_rows(fw);
        let pos = rows.iter().position(|&r| r == self.selected).unwrap_or(0);
        let target = pos.saturating_add_signed(delta).min(rows.len() - 1);
        self.select(fw, rows[target], height)
    }

    /// Selects the `row`th row shown (the last if past the end).
    pub fn move_to_row(&mut self, fw: &Framework, row: usize, height: usize) -> bool {
        let rows = self.visible_rows(fw);
        self.select(fw, rows[row.min(rows.len() - 1)], height)
    }

    /// `←`: closes an open node, or goes to its parent.
    pub fn left(&mut self, fw: &Framework, height: usize) -> bool {
        let ix = self.selected;
        let node = fw.node(ix);
        if !node.children.is_empty() && self.expanded[ix] {
            self.expanded[ix] = false;
            self.keep_visible(fw, height);
            false
        } else if let Some(parent) = node.parent {
            self.select(fw, parent, height)
        } else {
            false
        }
    }

    /// `→`: opens a closed node, or goes to its first child.
    pub fn right(&mut self, fw: &Framework, height: usize) -> bool {
        let ix = self.selected;
        let Some(&child) = fw.node(ix).children.first() else {
            return false;
        };
        if self.expanded[ix] {
            self.select(fw, child, height)
        } else {
            self.expanded[ix] = true;
            self.keep_visible(fw, height);
            false
        }
    }

    /// Opens or closes the selected node.
    pub fn toggle(&mut self, fw: &Framework, height: usize) {
        let ix = self.selected;
        if !fw.node(ix).children.is_empty() {
            self.expanded[ix] = !self.expanded[ix];
            self.keep_visible(fw, height);
        }
    }

    /// The node drawn on the `row`th line of the tree's inside, if any.
    pub fn row_at(&self, fw: &Framework, row: usize) -> Option<NodeIx> {
        self.visible_rows(fw).get(self.offset + row).copied()
    }

    /// Scrolls the rows by `delta` without moving the selection off screen.
    pub fn scroll(&mut self, fw: &Framework, delta: isize, height: usize) -> bool {
        self.move_by(fw, delta, height)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fw() -> Framework {
        crate::framework::resolve(None).unwrap()
    }

    #[test]
    fn themes_start_open_and_moves_stop_at_the_ends() {
        let fw = fw();
        let mut t = TreeView::new(&fw);
        let rows = t.visible_rows(&fw);
        assert_eq!(fw.node(rows[1]).id, "1.1");
        assert!(!t.move_by(&fw, -1, 10));
        t.move_by(&fw, 1_000, 10);
        assert_eq!(t.selected(), *rows.last().unwrap());
        assert!(t.offset() + 10 > rows.len() - 1);
    }

    #[test]
    fn left_closes_then_goes_to_the_parent_and_right_reverses_it() {
        let fw = fw();
        let mut t = TreeView::new(&fw);
        let el = fw.find("2.3").unwrap();
        t.reveal(&fw, el);
        t.select(&fw, el, 10);
        t.right(&fw, 10);
        assert!(t.is_expanded(el));
        t.right(&fw, 10);
        assert_eq!(fw.node(t.selected()).id, "2.3.a");
        t.left(&fw, 10);
        assert_eq!(t.selected(), el);
        t.left(&fw, 10);
        assert!(!t.is_expanded(el));
        t.left(&fw, 10);
        assert_eq!(fw.node(t.selected()).id, "2");
    }

    #[test]
    fn reveal_opens_ancestors_and_select_scrolls_to_it() {
        let fw = fw();
        let mut t = TreeView::new(&fw);
        let deep = fw
            .find("5.2.b.1")
            .unwrap_or_else(|| fw.statements().last().unwrap());
        t.reveal(&fw, deep);
        t.select(&fw, deep, 5);
        let rows = t.visible_rows(&fw);
        let pos = rows.iter().position(|&r| r == deep).unwrap();
        assert!(pos >= t.offset() && pos < t.offset() + 5);
        assert_eq!(t.row_at(&fw, pos - t.offset()), Some(deep));
    }
}
