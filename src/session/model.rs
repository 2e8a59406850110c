//! The session: one workshop's groups, scores, agreed scores and notes, as saved to disk.
//!
//! These serde types *are* the file format (`*.ron`). Nodes are keyed by their framework id
//! and only nodes someone touched are written, so a person can read the file.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::nodes::Nodes;
use crate::framework::{Framework, Level};

/// The newest file format this build writes and reads.
pub const FORMAT_VERSION: u32 = 2;

/// Groups this many levels apart on a statement disagree, unless a session says otherwise.
pub const DEFAULT_SPREAD: u8 = 2;

/// How the room works in this session, remembered with it: the grid of every group's scores,
/// fast entry, and from what spread the groups are said to disagree (the grid, the summary,
/// the report and `d` all use the same).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
#[allow(clippy::struct_excessive_bools)] // independent on/off choices, written as words in the file
pub struct RoomSettings {
    /// The tree shows every group's score side by side.
    pub grid: bool,
    /// A score moves on to the next column, and after Agreed to the next statement.
    pub fast_entry: bool,
    /// The spread at which groups disagree; `None` is [`DEFAULT_SPREAD`].
    #[serde(skip_serializing_if = "Option::is_none")]
    pub spread: Option<u8>,
    /// Room mode: the presenter view shows who has scored a statement, not what, until the
    /// facilitator reveals it (see `reveal.rs`).
    #[serde(skip_serializing_if = "is_false")]
    pub reveal: bool,
    /// In room mode, the facilitator's own grid hides the scores too until they are revealed
    /// (off: the facilitator sees everything as it is typed).
    #[serde(skip_serializing_if = "is_false")]
    pub hide_in_grid: bool,
    /// Solo review: one reviewer scoring alone, in one column (the agreed score, called
    /// "Score"), so fast entry, the tree's counts and the report all read that column.
    #[serde(skip_serializing_if = "is_false")]
    pub solo: bool,
}

#[allow(clippy::trivially_copy_pass_by_ref)] // serde's skip_serializing_if passes a reference
fn is_false(b: &bool) -> bool {
    !*b
}

impl RoomSettings {
    #[allow(clippy::trivially_copy_pass_by_ref)] // serde's skip_serializing_if passes a reference
    pub(crate) fn is_default(&self) -> bool {
        *self == RoomSettings::default()
    }

    /// The spread at which groups disagree.
    pub fn spread(&self) -> u8 {
        self.spread.unwrap_or(DEFAULT_SPREAD)
    }
}

/// A score given to a statement: a level of the scale, or "not applicable".
/// "Not scored yet" is the absence of a score, never a value.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Score {
    Level(u8),
    NotApplicable,
}

/// Which framework a session scores, and the digest of the content it was scored against.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FrameworkRef {
    pub id: String,
    #[serde(default)]
    pub edition: String,
    #[serde(default)]
    pub digest: String,
    /// Where a framework that is not built in was loaded from, to find it again.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub path: Option<String>,
}

/// What the room recorded for one node.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NodeRecord {
    /// Each group's score, by group name.
    #[serde(
        default,
        skip_serializing_if = "BTreeMap::is_empty",
        deserialize_with = "super::unique_keys::deserialize"
    )]
    pub scores: BTreeMap<String, Score>,
    /// The score the room settled on.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub agreed: Option<Score>,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub notes: String,
    /// What the organisation will do about this node.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub actions: Vec<ActionItem>,
    /// The review's findings on an area or heading.
    #[serde(default, skip_serializing_if = "Findings::is_empty")]
    pub findings: Findings,
}

/// A review's findings on an area, a heading, or the whole session (its main conclusions):
/// strengths, areas for improvement, a judgement (a level of the scale, chosen by the
/// facilitator: awayday suggests one from the agreed mean but never sets it) and
/// recommendations, which actions can be linked to.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Findings {
    #[serde(skip_serializing_if = "String::is_empty")]
    pub strengths: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub improvements: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub judgement: Option<u8>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub recommendations: Vec<String>,
}

impl Findings {
    pub fn is_empty(&self) -> bool {
        *self == Findings::default()
    }
}

impl NodeRecord {
    pub fn is_empty(&self) -> bool {
        self.scores.is_empty()
            && self.findings.is_empty()
            && self.agreed.is_none()
            && self.notes.is_empty()
            && self.actions.is_empty()
    }
}

/// Whether an action is still to do.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum ActionStatus {
    #[default]
    Open,
    Done,
}

impl ActionStatus {
    pub fn label(self) -> &'static str {
        match self {
            ActionStatus::Open => "open",
            ActionStatus::Done => "done",
        }
    }
}

/// One action of the action plan: what, who, by when, and whether it is done.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ActionItem {
    /// Names the action across reviews: given when `awayday new --from` carries it into next
    /// year's session, so `compare` follows it through edits to its text. Empty until then.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub id: String,
    pub text: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub owner: String,
    /// `YYYY-MM-DD` when entered in the app; older files may hold free text.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub due: String,
    #[serde(default)]
    pub status: ActionStatus,
    /// The recommendation (1-based, of the same node's findings) this action carries out.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub recommendation: Option<usize>,
    /// "High", "Medium", "Low" or as written; empty when not set.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub priority: String,
    /// `recommendation` numbers one of the session's main conclusions, not the node's.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub conclusion: bool,
}

/// One workshop.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Session {
    pub format_version: u32,
    pub framework: FrameworkRef,
    #[serde(default)]
    pub title: String,
    #[serde(default)]
    pub organisation: String,
    /// The workshop's date, `YYYY-MM-DD`.
    #[serde(default)]
    pub date: String,
    #[serde(default)]
    pub facilitator: String,
    /// The breakout groups, in column order. Names are unique.
    pub groups: Vec<String>,
    /// The scale scored with, copied from the framework so the file reads on its own.
    pub scale: Vec<Level>,
    /// Per node id, what was recorded. Untouched nodes are absent. A copy of the session
    /// shares the records (see [`Nodes`]); each id is read once (see `unique_keys`).
    #[serde(default)]
    pub nodes: Nodes<NodeRecord>,
    /// The node selected when the session was last saved, to reopen where the room left off.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub selected: Option<String>,
    /// How the room works (grid, fast entry, the disagreement spread).
    #[serde(default, skip_serializing_if = "RoomSettings::is_default")]
    pub room: RoomSettings,
    /// The plan for the day, and the time spent in each area.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub agenda: Option<super::plan::Agenda>,
    /// The session's main conclusions: findings on the review as a whole.
    #[serde(default, skip_serializing_if = "Findings::is_empty")]
    pub conclusions: Findings,
    /// The report's frame: introduction, background, scope, approach, next steps.
    #[serde(default, skip_serializing_if = "super::frame::Frame::is_empty")]
    pub frame: super::frame::Frame,
    /// How many times awayday has written this file. Its journal records the count it
    /// applies to, so a journal older than the file (a backup copied back beside it) is
    /// recognised by the file's content and never replayed over newer work.
    #[serde(default, skip_serializing_if = "is_zero")]
    pub saves: u64,
    /// Each group's secret for voting from its own device, so links survive a restart.
    #[serde(default, skip_serializing_if = "super::tokens::GroupTokens::is_empty")]
    pub tokens: super::tokens::GroupTokens,
}

#[allow(clippy::trivially_copy_pass_by_ref)] // serde's skip_serializing_if passes a reference
fn is_zero(n: &u64) -> bool {
    *n == 0
}

/// A score column: one of the groups (by position), or the agreed score.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Column {
    Group(usize),
    Agreed,
}

impl Session {
    /// A new, empty session over `framework`.
    pub fn new(framework: &Framework, groups: Vec<String>, date: String) -> Self {
        Session {
            format_version: FORMAT_VERSION,
            framework: FrameworkRef {
                id: framework.id.clone(),
                edition: framework.edition.clone(),
                digest: framework.digest.clone(),
                path: None,
            },
            title: String::new(),
            organisation: String::new(),
            date,
            facilitator: String::new(),
            groups: if groups.is_empty() {
                vec!["Group 1".to_owned()]
            } else {
                groups
            },
            scale: framework.scale.levels.clone(),
            nodes: Nodes::default(),
            selected: None,
            room: RoomSettings::default(),
            agenda: None,
            conclusions: Findings::default(),
            frame: super::frame::Frame::default(),
            saves: 0,
            tokens: super::tokens::GroupTokens::default(),
        }
    }

    /// The record for a node, if anything was recorded.
    pub fn record(&self, id: &str) -> Option<&NodeRecord> {
        self.nodes.get(id)
    }

    /// The score in `column` for node `id`.
    pub fn score(&self, id: &str, column: Column) -> Option<Score> {
        let rec = self.nodes.get(id)?;
        match column {
            Column::Agreed => rec.agreed,
            Column::Group(g) => rec.scores.get(self.groups.get(g)?).copied(),
        }
    }

    /// Sets (or clears, with `None`) a score; returns what was there before.
    pub(crate) fn set_score(
        &mut self,
        id: &str,
        column: Column,
        score: Option<Score>,
    ) -> Option<Score> {
        let group = match column {
            Column::Group(g) => Some(self.groups.get(g)?.clone()),
            Column::Agreed => None,
        };
        let rec = self.nodes.get_or_default(id);
        let before = match (group, score) {
            (None, s) => std::mem::replace(&mut rec.agreed, s),
            (Some(g), Some(s)) => rec.scores.insert(g, s),
            (Some(g), None) => rec.scores.remove(&g),
        };
        self.prune(id);
        before
    }

    pub fn notes(&self, id: &str) -> &str {
        self.nodes.get(id).map_or("", |r| r.notes.as_str())
    }

    /// Replaces a node's notes; returns the old ones.
    pub(crate) fn set_notes(&mut self, id: &str, notes: String) -> String {
        let rec = self.nodes.get_or_default(id);
        let before = std::mem::replace(&mut rec.notes, notes);
        self.prune(id);
        before
    }

    pub fn actions(&self, id: &str) -> &[ActionItem] {
        self.nodes.get(id).map_or(&[], |r| r.actions.as_slice())
    }

    /// The findings on a node, or the session's conclusions for `None`.
    pub fn findings(&self, id: Option<&str>) -> &Findings {
        static NONE: std::sync::OnceLock<Findings> = std::sync::OnceLock::new();
        match id {
            None => &self.conclusions,
            Some(id) => self
                .nodes
                .get(id)
                .map_or_else(|| NONE.get_or_init(Findings::default), |r| &r.findings),
        }
    }

    /// Replaces the findings on a node (or the conclusions, for `None`).
    pub(crate) fn set_findings(&mut self, id: Option<&str>, findings: Findings) {
        match id {
            None => self.conclusions = findings,
            Some(id) => {
                self.nodes.get_or_default(id).findings = findings;
                self.prune(id);
            }
        }
    }

    /// Replaces a node's actions; returns the old ones.
    pub(crate) fn set_actions(&mut self, id: &str, actions: Vec<ActionItem>) -> Vec<ActionItem> {
        let rec = self.nodes.get_or_default(id);
        let before = std::mem::replace(&mut rec.actions, actions);
        self.prune(id);
        before
    }

    /// Drops a node's record once nothing is left in it, so the file only holds touched nodes.
    pub(super) fn prune(&mut self, id: &str) {
        if self.nodes.get(id).is_some_and(NodeRecord::is_empty) {
            self.nodes.remove(id);
        }
    }
}
