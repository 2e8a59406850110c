//! Importing an edited outline over last year's framework (`--update OLD.ron`): every
//! statement whose text is unchanged, or only slightly changed, keeps its old id, and so do
//! themes, elements and headings with the same or a similar title; what is new gets an id
//! not used before. Sessions keep pointing at the right statements.

use crate::framework::{FrameworkFile, NodeFile, NodeKind};

use super::outline::Part;

/// How alike two texts must be (normalised Levenshtein similarity) to be the same statement
/// reworded rather than a new one.
const REWORDED: f64 = 0.8;

/// What changed against the old framework.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Changes {
    /// New statements: (id, text).
    pub added: Vec<(String, String)>,
    /// Statements gone: (id, text).
    pub removed: Vec<(String, String)>,
    /// Statements kept with new words: (id, before, after).
    pub reworded: Vec<(String, String, String)>,
}

fn flat(nodes: &[NodeFile], out: &mut Vec<(String, NodeKind, String)>) {
    for n in nodes {
        let words = if n.kind == NodeKind::Statement {
            n.text.clone()
        } else {
            n.title.clone()
        };
        out.push((n.id.clone(), n.kind, normal(&words)));
        flat(&n.children, out);
    }
}

fn normal(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Gives `parts` the old ids where their text matches, then fresh ids where it does not.
pub(super) fn keep_ids(parts: &mut [Part], old: &FrameworkFile) -> Changes {
    let mut olds = Vec::new();
    flat(&old.nodes, &mut olds);
    let mut used = vec![false; olds.len()];
    let mut changes = Changes::default();
    // Exact matches first, everywhere, so a reworded statement cannot take another's id.
    match_pass(parts, &olds, &mut used, &mut changes, true);
    match_pass(parts, &olds, &mut used, &mut changes, false);
    for (i, (id, kind, text)) in olds.iter().enumerate() {
        if !used[i] && *kind == NodeKind::Statement {
            changes.removed.push((id.clone(), text.clone()));
        }
    }
    let taken: Vec<String> = olds.iter().map(|(id, _, _)| id.clone()).collect();
    fresh_ids(parts, "", &taken, &mut changes);
    changes
}

fn match_pass(
    parts: &mut [Part],
    olds: &[(String, NodeKind, String)],
    used: &mut [bool],
    changes: &mut Changes,
    exact: bool,
) {
    for p in parts.iter_mut() {
        if p.id.is_none() {
            let words = normal(&p.title);
            let best = olds
                .iter()
                .enumerate()
                .filter(|(i, (_, kind, _))| !used[*i] && *kind == p.kind)
                .map(|(i, (_, _, text))| (i, strsim::normalized_levenshtein(text, &words)))
                .filter(|(_, sim)| if exact { *sim >= 1.0 } else { *sim >= REWORDED })
                .max_by(|a, b| a.1.total_cmp(&b.1));
            if let Some((i, sim)) = best {
                used[i] = true;
                p.id = Some(olds[i].0.clone());
                if sim < 1.0 && p.kind == NodeKind::Statement {
                    changes
                        .reworded
                        .push((olds[i].0.clone(), olds[i].2.clone(), words));
                }
            }
        }
        match_pass(&mut p.children, olds, used, changes, exact);
    }
}

/// Ids for parts still without one: the next number (or letter, for headings) under the
/// parent that no old or kept id uses.
fn fresh_ids(parts: &mut [Part], prefix: &str, taken: &[String], changes: &mut Changes) {
    let mut here: Vec<String> = parts.iter().filter_map(|p| p.id.clone()).collect();
    for p in parts.iter_mut() {
        if p.id.is_none() {
            // There are fewer ids taken than numbers, so a free one is always found.
            let id = (0..=taken.len() + here.len())
                .map(|n: usize| {
                    let own = if p.kind == NodeKind::Heading {
                        char::from(b'a' + u8::try_from(n % 26).unwrap_or(0)).to_string()
                            + &"z".repeat(n / 26)
                    } else {
                        (n + 1).to_string()
                    };
                    if prefix.is_empty() {
                        own
                    } else {
                        format!("{prefix}.{own}")
                    }
                })
                .find(|id| !taken.contains(id) && !here.contains(id))
                .unwrap_or_default();
            here.push(id.clone());
            if p.kind == NodeKind::Statement {
                changes.added.push((id.clone(), normal(&p.title)));
            }
            p.id = Some(id);
        }
        let id = p.id.clone().unwrap_or_default();
        fresh_ids(&mut p.children, &id, taken, changes);
    }
}
