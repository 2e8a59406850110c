//! The framework file format: the serde types a `data/*.ron` file is written in.
//!
//! These mirror the file exactly (a nested tree). The rest of the program works on
//! [`super::Framework`], the validated, flattened form built from them.

use serde::{Deserialize, Serialize};

/// A whole framework file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FrameworkFile {
    /// Short, stable identifier, e.g. `corporate-peer-review-benchmark`.
    pub id: String,
    pub title: String,
    /// Which edition of the source this transcribes; sessions record it.
    #[serde(default)]
    pub edition: String,
    /// Where the text comes from (publisher, document).
    #[serde(default)]
    pub source: String,
    pub scale: ScaleFile,
    pub nodes: Vec<NodeFile>,
}

/// The scoring scale: ordered levels, plus the words used for "not applicable".
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ScaleFile {
    pub levels: Vec<LevelFile>,
    #[serde(default = "default_not_applicable")]
    pub not_applicable: String,
}

fn default_not_applicable() -> String {
    "Not applicable".to_owned()
}

/// One level of a scale: the number typed, its label, and what it means.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LevelFile {
    pub value: u8,
    pub label: String,
    pub meaning: String,
}

/// What a node is in the benchmark's hierarchy.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum NodeKind {
    Theme,
    Element,
    Heading,
    Statement,
}

impl NodeKind {
    /// The word shown to users for this kind of node.
    pub fn label(self) -> &'static str {
        match self {
            NodeKind::Theme => "Theme",
            NodeKind::Element => "Element",
            NodeKind::Heading => "Heading",
            NodeKind::Statement => "Statement",
        }
    }
}

/// One node of the tree as written in the file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NodeFile {
    pub id: String,
    pub kind: NodeKind,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub title: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub text: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub children: Vec<NodeFile>,
}
