//! `awayday tree`: the outline, indented, or the whole tree as JSON.

use std::io::Write;

use anyhow::Result;
use serde::Serialize;

use crate::framework::{Framework, NodeIx};
use crate::text::shorten;

/// Longest label printed per outline line: statements are paragraphs, the outline is a map.
const OUTLINE_LABEL_CHARS: usize = 72;

pub fn tree(fw: &Framework, out: &mut dyn Write) -> Result<()> {
    writeln!(out, "{} ({})", fw.title, fw.edition)?;
    for node in fw.nodes() {
        let indent = "  ".repeat(node.depth + 1);
        let label = shorten(node.label(), OUTLINE_LABEL_CHARS);
        writeln!(out, "{indent}{}  {label}", node.id)?;
    }
    Ok(())
}

#[derive(Serialize)]
struct JsonNode<'a> {
    id: &'a str,
    title: &'a str,
    text: &'a str,
    children: Vec<JsonNode<'a>>,
}

fn json_node(fw: &Framework, ix: NodeIx) -> JsonNode<'_> {
    let n = fw.node(ix);
    JsonNode {
        id: &n.id,
        title: &n.title,
        text: &n.text,
        children: n.children.iter().map(|&c| json_node(fw, c)).collect(),
    }
}

/// The whole tree: a root object for the framework whose children are its top-level nodes.
pub fn tree_json(fw: &Framework, out: &mut dyn Write) -> Result<()> {
    let root = JsonNode {
        id: &fw.id,
        title: &fw.title,
        text: &fw.source,
        children: fw.roots().map(|r| json_node(fw, r)).collect(),
    };
    serde_json::to_writer_pretty(&mut *out, &root)?;
    writeln!(out)?;
    Ok(())
}
