//! The validated framework in memory: metadata, scale, and the node tree flattened in preorder.
//!
//! Preorder makes every subtree a contiguous range (`ix..node.end`), so "all statements under
//! this node" is a slice, not a walk, and the outline the screen shows is the same order.

use std::collections::HashMap;
use std::sync::Arc;

use super::file::NodeKind;

/// Position of a node in [`Framework::nodes`].
pub type NodeIx = usize;

/// One scale level.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Level {
    pub value: u8,
    pub label: String,
    pub meaning: String,
}

/// The scale a framework (and a session) scores with.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Scale {
    pub levels: Vec<Level>,
    pub not_applicable: String,
}

impl Scale {
    /// The level with this number, if the scale has one.
    pub fn level(&self, value: u8) -> Option<&Level> {
        self.levels.iter().find(|l| l.value == value)
    }

    /// Highest level value minus lowest: the widest possible spread.
    pub fn range(&self) -> u8 {
        let max = self.levels.iter().map(|l| l.value).max().unwrap_or(0);
        let min = self.levels.iter().map(|l| l.value).min().unwrap_or(0);
        max - min
    }
}

/// A node with its place in the tree. Serialised only into the parse cache.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Node {
    pub id: String,
    pub kind: NodeKind,
    pub title: String,
    pub text: String,
    pub depth: usize,
    pub parent: Option<NodeIx>,
    /// One past the last node of this node's subtree.
    pub end: NodeIx,
    /// Direct children, in order.
    pub children: Vec<NodeIx>,
    /// Statements in this subtree (1 for a statement itself).
    pub statement_count: usize,
}

impl Node {
    /// A short name for lists: the title, or the start of the text for a statement.
    pub fn label(&self) -> &str {
        if self.title.is_empty() {
            &self.text
        } else {
            &self.title
        }
    }

    pub fn is_statement(&self) -> bool {
        self.kind == NodeKind::Statement
    }
}

/// A loaded, validated framework.
#[derive(Debug, Clone)]
pub struct Framework {
    pub id: String,
    pub title: String,
    pub edition: String,
    pub source: String,
    pub scale: Scale,
    /// Hex digest of the framework's content, recorded in sessions to notice edits.
    pub digest: String,
    /// Shared, never changed: the parse cache encodes them on its worker after the first
    /// frame, without a copy.
    nodes: Arc<[Node]>,
    /// Ids are looked up on every frame (the pace counts agreed statements by id): a fast
    /// hasher, since the ids are the framework's own and no one chooses them to collide.
    by_id: HashMap<String, NodeIx, foldhash::fast::RandomState>,
}

impl Framework {
    pub(crate) fn from_parts(
        meta: (String, String, String, String),
        scale: Scale,
        nodes: Vec<Node>,
        digest: String,
    ) -> Self {
        let by_id = nodes
            .iter()
            .enumerate()
            .map(|(ix, n)| (n.id.clone(), ix))
            .collect();
        let (id, title, edition, source) = meta;
        Framework {
            id,
            title,
            edition,
            source,
            scale,
            digest,
            nodes: nodes.into(),
            by_id,
        }
    }

    /// The nodes, shared (see [`Framework::nodes`]).
    pub(crate) fn shared_nodes(&self) -> Arc<[Node]> {
        Arc::clone(&self.nodes)
    }

    /// Every node, in preorder (the outline's order).
    pub fn nodes(&self) -> &[Node] {
        &self.nodes
    }

    pub fn node(&self, ix: NodeIx) -> &Node {
        &self.nodes[ix]
    }

    /// The node with this id.
    pub fn find(&self, id: &str) -> Option<NodeIx> {
        self.by_id.get(id).copied()
    }

    /// Top-level nodes, in order.
    pub fn roots(&self) -> impl Iterator<Item = NodeIx> + '_ {
        self.nodes
            .iter()
            .enumerate()
            .filter(|(_, n)| n.parent.is_none())
            .map(|(ix, _)| ix)
    }

    /// The node and its ancestors, outermost first.
    pub fn path(&self, ix: NodeIx) -> Vec<NodeIx> {
        let mut path = vec![ix];
        let mut cur = ix;
        while let Some(p) = self.nodes[cur].parent {
            path.push(p);
            cur = p;
        }
        path.reverse();
        path
    }

    /// "Theme › Element › Heading" for a node (its ancestors' labels, not its own).
    pub fn breadcrumb(&self, ix: NodeIx) -> String {
        let path = self.path(ix);
        path[..path.len() - 1]
            .iter()
            .map(|&p| {
                let n = &self.nodes[p];
                format!("{} {}", n.id, n.label())
            })
            .collect::<Vec<_>>()
            .join(" › ")
    }

    /// Indices of the statements in a node's subtree (itself, if it is one).
    pub fn statements_under(&self, ix: NodeIx) -> impl Iterator<Item = NodeIx> + '_ {
        (ix..self.nodes[ix].end).filter(|&i| self.nodes[i].is_statement())
    }

    /// Every statement, in order.
    pub fn statements(&self) -> impl Iterator<Item = NodeIx> + '_ {
        (0..self.nodes.len()).filter(|&i| self.nodes[i].is_statement())
    }

    pub fn statement_count(&self) -> usize {
        self.nodes.iter().filter(|n| n.is_statement()).count()
    }

    /// Ids that look like `id`, best first: for "did you mean" messages.
    pub fn similar_ids(&self, id: &str, limit: usize) -> Vec<&str> {
        // Ids are compared ignoring case: "2.3.C" means 2.3.c.
        let wanted = id.to_lowercase();
        let mut scored: Vec<(usize, &str)> = self
            .nodes
            .iter()
            .map(|n| {
                (
                    strsim::levenshtein(&wanted, &n.id.to_lowercase()),
                    n.id.as_str(),
                )
            })
            .filter(|(d, nid)| *d <= 2 || nid.to_lowercase().starts_with(&wanted))
            .collect();
        scored.sort_by(|a, b| a.0.cmp(&b.0).then_with(|| natural_cmp(a.1, b.1)));
        scored.into_iter().take(limit).map(|(_, s)| s).collect()
    }
}

/// Orders "2.10" after "2.9": compares dot-separated parts numerically where both are numbers.
pub fn natural_cmp(a: &str, b: &str) -> std::cmp::Ordering {
    let mut pa = a.split('.');
    let mut pb = b.split('.');
    loop {
        match (pa.next(), pb.next()) {
            (None, None) => return std::cmp::Ordering::Equal,
            (None, Some(_)) => return std::cmp::Ordering::Less,
            (Some(_), None) => return std::cmp::Ordering::Greater,
            (Some(x), Some(y)) => {
                let ord = match (x.parse::<u64>(), y.parse::<u64>()) {
                    (Ok(nx), Ok(ny)) => nx.cmp(&ny),
                    _ => x.cmp(y),
                };
                if ord != std::cmp::Ordering::Equal {
                    return ord;
                }
            }
        }
    }
}
