//! `awayday show ID`: one node in full, heading by heading, wrapped to the terminal.

use std::io::Write;

use anyhow::{Result, bail};

use crate::framework::{Framework, NodeIx};
use crate::text::wrap;

/// Text never wraps narrower than this, however deep the indent.
const MIN_TEXT_WIDTH: usize = 24;

pub fn show(fw: &Framework, id: &str, width: usize, out: &mut dyn Write) -> Result<()> {
    let Some(ix) = fw.find(id) else {
        bail!(unknown_id(fw, id));
    };
    let crumb = fw.breadcrumb(ix);
    if !crumb.is_empty() {
        writeln!(out, "{crumb}")?;
        writeln!(out)?;
    }
    write_node(fw, ix, 0, width, out)
}

/// "no node X; did you mean …?" with the nearest ids.
pub(super) fn unknown_id(fw: &Framework, id: &str) -> String {
    let near = fw.similar_ids(id, 6);
    if near.is_empty() {
        format!(
            "no node \"{id}\" in {}; `awayday tree` lists the ids",
            fw.title
        )
    } else {
        format!(
            "no node \"{id}\" in {}; did you mean {}?",
            fw.title,
            near.join(", ")
        )
    }
}

fn write_node(
    fw: &Framework,
    ix: NodeIx,
    indent: usize,
    width: usize,
    out: &mut dyn Write,
) -> Result<()> {
    let n = fw.node(ix);
    let pad = " ".repeat(indent);
    if n.is_statement() {
        let head = format!("{pad}{}  ", n.id);
        let hang = head.chars().count();
        let lines = wrap(&n.text, width.saturating_sub(hang).max(MIN_TEXT_WIDTH));
        for (i, line) in lines.iter().enumerate() {
            if i == 0 {
                writeln!(out, "{head}{line}")?;
            } else {
                writeln!(out, "{}{line}", " ".repeat(hang))?;
            }
        }
        writeln!(out)?;
        return Ok(());
    }
    writeln!(
        out,
        "{pad}{}  {}  ({})",
        n.id,
        n.title,
        n.kind.label().to_lowercase()
    )?;
    if !n.text.is_empty() {
        let body_pad = " ".repeat(indent + 2);
        for line in wrap(
            &n.text,
            width.saturating_sub(indent + 2).max(MIN_TEXT_WIDTH),
        ) {
            writeln!(out, "{body_pad}{line}")?;
        }
    }
    writeln!(out)?;
    for &child in &n.children {
        write_node(fw, child, indent + 2, width, out)?;
    }
    Ok(())
}
