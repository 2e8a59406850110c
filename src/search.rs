//! The fuzzy index over framework text, shared by `awayday lookup` and the app's `/` search.
//!
//! A query is split on white space into terms, as fzf does: every term must match a node
//! (fuzzily, in its title or text). Ranking adds each term's fuzzy score to bonuses for what a
//! reader means by a good hit: the terms found as a phrase ("call in" ≈ "call-in"), and each
//! term found as a whole word.

use fuzzy_matcher::FuzzyMatcher;
use fuzzy_matcher::skim::SkimMatcherV2;

use crate::framework::{Framework, NodeIx};

/// One searchable node: its text prepared once, so a keystroke costs only matching.
struct Entry {
    node: NodeIx,
    /// `title` then `text`, separated by " — " when both exist: what is matched and shown.
    haystack: String,
    /// Lower-cased haystack with hyphens and dashes as spaces, for phrase and word bonuses.
    folded: String,
}

/// A hit: the node, its score, and which characters of [`SearchIndex::haystack`] matched.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hit {
    pub node: NodeIx,
    pub score: i64,
    /// Char indices into the haystack, sorted, without repeats.
    pub positions: Vec<usize>,
}

/// The index over one framework.
pub struct SearchIndex {
    entries: Vec<Entry>,
    matcher: SkimMatcherV2,
}

const PHRASE_BONUS: i64 = 400;
const WORD_BONUS: i64 = 60;

impl SearchIndex {
    pub fn new(framework: &Framework) -> Self {
        let entries = framework
            .nodes()
            .iter()
            .enumerate()
            .map(|(ix, n)| {
                let haystack = match (n.title.is_empty(), n.text.is_empty()) {
                    (false, false) => format!("{} — {}", n.title, n.text),
                    (false, true) => n.title.clone(),
                    _ => n.text.clone(),
                };
                let folded = fold(&haystack);
                Entry {
                    node: ix,
                    haystack,
                    folded,
                }
            })
            .collect();
        SearchIndex {
            entries,
            matcher: SkimMatcherV2::default().smart_case(),
        }
    }

    /// The text a hit's positions refer to.
    pub fn haystack(&self, node: NodeIx) -> &str {
        self.entries
            .iter()
            .find(|e| e.node == node)
            .map_or("", |e| e.haystack.as_str())
    }

    /// The best `limit` hits for `query`, best first; ties keep the outline's order.
    pub fn search(&self, query: &str, limit: usize) -> Vec<Hit> {
        let terms: Vec<&str> = query.split_whitespace().collect();
        if terms.is_empty() {
            return Vec::new();
        }
        let phrase = fold(&terms.join(" "));
        let folded_terms: Vec<String> = terms.iter().map(|t| fold(t)).collect();
        let mut scored: Vec<(i64, usize)> = self
            .entries
            .iter()
            .enumerate()
            .filter_map(|(i, e)| {
                let mut score = 0;
                for t in &terms {
                    score += self.matcher.fuzzy_match(&e.haystack, t)?;
                }
                Some((i, score + bonus(&e.folded, &phrase, &folded_terms)))
            })
            .map(|(i, s)| (s, i))
            .collect();
        scored.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
        scored.truncate(limit);
        scored
            .into_iter()
            .map(|(score, i)| {
                let e = &self.entries[i];
                let mut positions: Vec<usize> = terms
                    .iter()
                    .filter_map(|t| self.matcher.fuzzy_indices(&e.haystack, t))
                    .flat_map(|(_, p)| p)
                    .collect();
                positions.sort_unstable();
                positions.dedup();
                Hit {
                    node: e.node,
                    score,
                    positions,
                }
            })
            .collect()
    }
}

/// Lower case, with hyphens, dashes and quotes read as spaces: "call-in" reads as "call in".
fn fold(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            '-' | '–' | '—' | '‘' | '’' | '\'' | '"' | '“' | '”' | '/' => ' ',
            c => c.to_ascii_lowercase(),
        })
        .collect::<String>()
        .to_lowercase()
}

fn bonus(folded: &str, phrase: &str, terms: &[String]) -> i64 {
    let mut bonus = 0;
    if terms.len() > 1 && contains_word(folded, phrase) {
        bonus += PHRASE_BONUS;
    }
    for t in terms {
        if contains_word(folded, t) {
            bonus += WORD_BONUS;
        }
    }
    bonus
}

/// Whether `needle` occurs in `hay` starting at a word boundary.
fn contains_word(hay: &str, needle: &str) -> bool {
    hay.match_indices(needle).any(|(pos, _)| {
        hay[..pos]
            .chars()
            .next_back()
            .is_none_or(|c| !c.is_alphanumeric())
    })
}
