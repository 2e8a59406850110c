//! Search over what people wrote in a session (notes, actions, findings, recommendations):
//! the words themselves, as people remember writing them, not the framework's fuzzy index.

use crate::framework::{Framework, NodeIx};

use super::bytes::fold;

/// Where a person's own words matched: a node's notes, or one of its actions.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WrittenHit {
    pub node: NodeIx,
    /// "note" or "action", as the hit is labelled.
    pub what: &'static str,
    pub text: String,
    /// Char indices of the matched words in `text`.
    pub positions: Vec<usize>,
}

/// The notes and actions of `session` holding every word of `query` (ignoring case), in
/// outline order, at most `limit`. The framework's text is fuzzy-searched; what people wrote
/// is searched for the words themselves, as they remember writing them.
pub fn search_written(
    fw: &Framework,
    session: &crate::session::Session,
    query: &str,
    limit: usize,
) -> Vec<WrittenHit> {
    let words: Vec<String> = query.split_whitespace().map(fold).collect();
    if words.is_empty() {
        return Vec::new();
    }
    let mut out = Vec::new();
    for (ix, node) in fw.nodes().iter().enumerate() {
        let Some(rec) = session.record(&node.id) else {
            continue;
        };
        let f = &rec.findings;
        let texts = std::iter::once(("note", rec.notes.as_str()))
            .chain(rec.actions.iter().map(|a| ("action", a.text.as_str())))
            .chain([
                ("finding", f.strengths.as_str()),
                ("finding", f.improvements.as_str()),
            ])
            .chain(
                f.recommendations
                    .iter()
                    .map(|r| ("recommendation", r.as_str())),
            );
        for (what, text) in texts {
            if text.is_empty() {
                continue;
            }
            let folded = fold(text);
            if !words.iter().all(|w| folded.contains(w.as_str())) {
                continue;
            }
            // Folding keeps one char for one (hyphens and quotes become spaces), so char
            // positions in the folded text are positions in the text.
            let mut positions: Vec<usize> = Vec::new();
            for w in &words {
                if let Some(at) = folded.find(w.as_str()) {
                    let start = folded[..at].chars().count();
                    positions.extend(start..start + w.chars().count());
                }
            }
            positions.sort_unstable();
            positions.dedup();
            out.push(WrittenHit {
                node: ix,
                what,
                text: text.to_owned(),
                positions,
            });
            if out.len() >= limit {
                return out;
            }
        }
    }
    out
}
