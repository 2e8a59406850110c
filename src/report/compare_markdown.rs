//! The comparison of reviews as Markdown: the areas, what went up and down, new and removed
//! statements, those scored in one review and not another, and last time's actions.

use std::fmt::Write as _;

use super::compare::{Comparison, Moved, not_scored_somewhere, score_cell, signed};
use crate::session::summary::format_mean;

fn md(s: &str) -> String {
    crate::text::printable(s)
        .replace('|', "\\|")
        .replace('\n', " ")
}

/// The comparison as Markdown: areas, what went up, what went down, new and removed
/// statements, last time's actions.
#[allow(clippy::too_many_lines)] // one section after another, as the reader meets them
pub fn to_markdown(c: &Comparison) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "# What moved: {}\n", md(&c.names.join(" → ")));
    let _ = writeln!(out, "## Areas: agreed mean in each review\n");
    let _ = writeln!(
        out,
        "| Area | {} | Change |",
        c.names
            .iter()
            .map(|n| md(n))
            .collect::<Vec<_>>()
            .join(" | ")
    );
    let _ = writeln!(out, "|---|{}---|", "---|".repeat(c.names.len()));
    for a in &c.areas {
        let means: Vec<String> = a
            .means
            .iter()
            .map(|m| {
                let s = format_mean(*m);
                if s.is_empty() { "–".to_owned() } else { s }
            })
            .collect();
        let _ = writeln!(
            out,
            "| {} {} | {} | {} |",
            md(&a.id),
            md(&a.title),
            means.join(" | "),
            signed(a.change)
        );
    }
    out.push('\n');
    let row = |out: &mut String, s: &Moved| {
        let scores: Vec<String> = (0..s.agreed.len()).map(|i| score_cell(s, i)).collect();
        let change = s.change.map_or("–".to_owned(), |d| {
            if d > 0 {
                format!("+{d}")
            } else {
                d.to_string()
            }
        });
        let _ = writeln!(
            out,
            "| {} | {} | {} | {change} |",
            md(&s.id),
            md(&s.text),
            scores.join(" | ")
        );
    };
    let header = |out: &mut String, title: &str| {
        let _ = writeln!(out, "## {title}\n");
        let _ = writeln!(
            out,
            "| Id | Statement | {} | Change |",
            c.names
                .iter()
                .map(|n| md(n))
                .collect::<Vec<_>>()
                .join(" | ")
        );
        let _ = writeln!(out, "|---|---|{}---|", "---|".repeat(c.names.len()));
    };
    let mut up: Vec<&Moved> = c
        .statements
        .iter()
        .filter(|s| s.change.is_some_and(|d| d > 0))
        .collect();
    up.sort_by_key(|s| -s.change.unwrap_or(0));
    let mut down: Vec<&Moved> = c
        .statements
        .iter()
        .filter(|s| s.change.is_some_and(|d| d < 0))
        .collect();
    down.sort_by_key(|s| s.change.unwrap_or(0));
    for (title, list) in [("Better", up), ("Worse", down)] {
        header(&mut out, title);
        if list.is_empty() {
            let _ = writeln!(out, "| | None. | {}|", "| ".repeat(c.names.len() + 1));
        }
        for s in list {
            row(&mut out, s);
        }
        out.push('\n');
    }
    for (title, status) in [
        (
            "New statements (not in the first review's framework)",
            "new",
        ),
        (
            "Removed statements (not in the last review's framework)",
            "removed",
        ),
    ] {
        let list: Vec<&Moved> = c.statements.iter().filter(|s| s.status == status).collect();
        if !list.is_empty() {
            header(&mut out, title);
            for s in list {
                row(&mut out, s);
            }
            out.push('\n');
        }
    }
    // Scored in one review and not in another, though both had the statement: kept, so a
    // statement skipped this year does not vanish from the comparison.
    let gaps: Vec<&Moved> = c
        .statements
        .iter()
        .filter(|s| not_scored_somewhere(s))
        .collect();
    if !gaps.is_empty() {
        header(&mut out, "Scored in one review, not in another");
        for s in gaps {
            row(&mut out, s);
        }
        out.push('\n');
    }
    let before = &c.names[c.names.len() - 2];
    let _ = writeln!(out, "## Actions from {}\n", md(before));
    if c.actions.is_empty() {
        let _ = writeln!(out, "None were recorded.\n");
    } else {
        let _ = writeln!(out, "| Node | Action | Then | Now |\n|---|---|---|---|");
        for (node, text, then, now) in &c.actions {
            let _ = writeln!(out, "| {} | {} | {then} | {now} |", md(node), md(text));
        }
        out.push('\n');
    }
    out
}
