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
    WrittenIndex::new(fw, session).search(query, limit)
}

/// What the room wrote (notes, actions, findings), in outline order and folded once. The
/// search view makes it for its first key and keeps it while it is open, since the session
/// does not change meanwhile: each key then compares words with each text, instead of
/// finding every node's record and folding its texts again (most of a key's time at 25,088
/// statements).
#[derive(Debug, Default)]
pub struct WrittenIndex {
    texts: Vec<Written>,
}

#[derive(Debug)]
struct Written {
    node: NodeIx,
    what: &'static str,
    text: String,
    folded: String,
}

impl WrittenIndex {
    pub fn new(fw: &Framework, session: &crate::session::Session) -> Self {
        let mut texts = Vec::new();
        // The session's records, not every node's: most nodes have nothing written.
        for (id, rec) in &session.nodes {
            let Some(node) = fw.find(id) else {
                continue;
            };
            let f = &rec.findings;
            let written = std::iter::once(("note", rec.notes.as_str()))
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
            for (what, text) in written.filter(|(_, t)| !t.is_empty()) {
                texts.push(Written {
                    node,
                    what,
                    text: text.to_owned(),
                    folded: fold(text),
                });
            }
        }
        // Outline order; a node's own texts stay in the order above (the sort is stable).
        texts.sort_by_key(|w| w.node);
        WrittenIndex { texts }
    }

    /// The texts holding every word of `query`, at most `limit`.
    pub fn search(&self, query: &str, limit: usize) -> Vec<WrittenHit> {
        let words: Vec<String> = query.split_whitespace().map(fold).collect();
        if words.is_empty() {
            return Vec::new();
        }
        let mut out = Vec::new();
        for w in &self.texts {
            let folded = &w.folded;
            if !words.iter().all(|word| folded.contains(word.as_str())) {
                continue;
            }
            // Folding keeps one char for one (hyphens and quotes become spaces), so char
            // positions in the folded text are positions in the text.
            let mut positions: Vec<usize> = Vec::new();
            for word in &words {
                if let Some(at) = folded.find(word.as_str()) {
                    let start = folded[..at].chars().count();
                    positions.extend(start..start + word.chars().count());
                }
            }
            positions.sort_unstable();
            positions.dedup();
            out.push(WrittenHit {
                node: w.node,
                what: w.what,
                text: w.text.clone(),
                positions,
            });
            if out.len() >= limit {
                break;
            }
        }
        out
    }
}
