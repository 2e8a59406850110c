//! The fuzzy index over framework text, shared by `awayday lookup` and the app's `/` search.
//!
//! A query is split on white space into words, as fzf does: every word must match a node
//! (fuzzily, in its title or text). Results come in two tiers: nodes that contain every word
//! as typed come first, ranked by fuzzy-matcher's precise score plus bonuses for what a reader
//! means by a good hit (the words as a phrase, "call in" ≈ "call-in"; each word whole); then
//! looser fuzzy matches (typos, abbreviations), ranked by the matcher's fast greedy score.
//!
//! Speed: the matcher is costly per call, so it only sees nodes that pass a cheap byte-level
//! subsequence test (a necessary condition for any fuzzy match), and while a query only grows,
//! as it does when typed, only the previous query's candidates are tested again.

use fuzzy_matcher::FuzzyMatcher;
use fuzzy_matcher::skim::SkimMatcherV2;

use crate::framework::{Framework, NodeIx};

/// One searchable node: its text prepared once, so a keystroke costs only matching.
struct Entry {
    node: NodeIx,
    /// `title` then `text`, separated by " — " when both exist: what is matched and shown.
    haystack: String,
    /// Lower-cased haystack with hyphens, dashes and quotes as spaces.
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

/// What a search leaves behind for the next, longer query to start from.
#[derive(Debug, Clone, Default)]
pub struct Narrowing {
    query: String,
    /// Entries that passed the subsequence test for `query`.
    candidates: Vec<u32>,
}

/// The index over one framework.
pub struct SearchIndex {
    entries: Vec<Entry>,
    /// Node → entry, for showing a hit's text.
    by_node: Vec<u32>,
    precise: SkimMatcherV2,
    greedy: SkimMatcherV2,
}

const PHRASE_BONUS: i64 = 400;
const WORD_BONUS: i64 = 60;
/// Above this many first-tier candidates, they are ranked with the greedy scorer.
const PRECISE_SCORING_LIMIT: usize = 2_000;
/// Past this many first-tier hits, looser matches are not scored: they would not be shown.
const FIRST_TIER_ENOUGH: usize = 100;

impl SearchIndex {
    pub fn new(framework: &Framework) -> Self {
        let entries: Vec<Entry> = framework
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
        let mut by_node = vec![0; framework.nodes().len()];
        for (i, e) in entries.iter().enumerate() {
            by_node[e.node] = u32::try_from(i).unwrap_or(u32::MAX);
        }
        SearchIndex {
            entries,
            by_node,
            precise: SkimMatcherV2::default().smart_case(),
            // An element limit of 1 makes every match use skim's linear greedy algorithm.
            greedy: SkimMatcherV2::default().smart_case().element_limit(1),
        }
    }

    /// The text a hit's positions refer to.
    pub fn haystack(&self, node: NodeIx) -> &str {
        self.by_node
            .get(node)
            .and_then(|&i| self.entries.get(i as usize))
            .map_or("", |e| e.haystack.as_str())
    }

    /// The best `limit` hits for `query`, best first; ties keep the outline's order.
    pub fn search(&self, query: &str, limit: usize) -> Vec<Hit> {
        self.search_from(query, limit, &Narrowing::default()).0
    }

    /// As [`search`](Self::search), starting from what the previous query left when this
    /// one only adds to it (typing at the end). Returns what the next query can start from.
    pub fn search_from(
        &self,
        query: &str,
        limit: usize,
        previous: &Narrowing,
    ) -> (Vec<Hit>, Narrowing) {
        let terms: Vec<&str> = query.split_whitespace().collect();
        if terms.is_empty() {
            return (Vec::new(), Narrowing::default());
        }
        let folded_terms: Vec<String> = terms.iter().map(|t| fold(t)).collect();
        let narrows =
            !previous.query.trim().is_empty() && query.starts_with(previous.query.as_str());
        let pool: Box<dyn Iterator<Item = u32>> = if narrows {
            Box::new(previous.candidates.iter().copied())
        } else {
            Box::new(0..u32::try_from(self.entries.len()).unwrap_or(u32::MAX))
        };
        let candidates: Vec<u32> = pool
            .filter(|&i| {
                let hay = self.entries[i as usize].folded.as_bytes();
                folded_terms
                    .iter()
                    .all(|t| is_subsequence(hay, t.as_bytes()))
            })
            .collect();

        let phrase = fold(&terms.join(" "));
        let (first, loose): (Vec<u32>, Vec<u32>) = candidates.iter().partition(|&&i| {
            let hay = &self.entries[i as usize].folded;
            folded_terms.iter().all(|t| hay.contains(t.as_str()))
        });
        // The precise scorer is quadratic; a short query can put most of a large framework in
        // the first tier, where the greedy scorer ranks almost as well at a fraction of the cost.
        let first_scorer = if first.len() > PRECISE_SCORING_LIMIT {
            &self.greedy
        } else {
            &self.precise
        };
        let single_letter = terms.len() == 1 && terms[0].chars().count() == 1;
        let mut scored = if single_letter {
            // One letter ranks nothing by fuzziness: words starting with it come first, then
            // the outline's order. This is every first keystroke, so it must be cheap.
            first
                .iter()
                .map(|&i| {
                    (
                        bonus(&self.entries[i as usize].folded, &phrase, &folded_terms),
                        i,
                    )
                })
                .collect()
        } else {
            self.score(&first, &terms, &phrase, &folded_terms, first_scorer)
        };
        sort_best_first(&mut scored);
        if scored.len() < FIRST_TIER_ENOUGH.max(limit) {
            let mut more = self.score(&loose, &terms, &phrase, &folded_terms, &self.greedy);
            sort_best_first(&mut more);
            scored.extend(more);
        }
        scored.truncate(limit);
        let hits = scored
            .into_iter()
            .map(|(score, i)| self.hit(i, score, &terms))
            .collect();
        (
            hits,
            Narrowing {
                query: query.to_owned(),
                candidates,
            },
        )
    }

    fn score(
        &self,
        entries: &[u32],
        terms: &[&str],
        phrase: &str,
        folded_terms: &[String],
        matcher: &SkimMatcherV2,
    ) -> Vec<(i64, u32)> {
        entries
            .iter()
            .filter_map(|&i| {
                let e = &self.entries[i as usize];
                let mut score = 0;
                for t in terms {
                    score += matcher.fuzzy_match(&e.haystack, t)?;
                }
                Some((score + bonus(&e.folded, phrase, folded_terms), i))
            })
            .collect()
    }

    fn hit(&self, i: u32, score: i64, terms: &[&str]) -> Hit {
        let e = &self.entries[i as usize];
        let mut positions: Vec<usize> = terms
            .iter()
            .filter_map(|t| self.precise.fuzzy_indices(&e.haystack, t))
            .flat_map(|(_, p)| p)
            .collect();
        positions.sort_unstable();
        positions.dedup();
        Hit {
            node: e.node,
            score,
            positions,
        }
    }
}

fn sort_best_first(scored: &mut [(i64, u32)]) {
    scored.sort_unstable_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
}

/// Whether `needle`'s bytes appear in `hay` in order: necessary for a fuzzy match of the
/// same (folded) text, and a hundred times cheaper than the matcher.
fn is_subsequence(hay: &[u8], needle: &[u8]) -> bool {
    let mut rest = hay.iter();
    needle.iter().all(|n| rest.any(|h| h == n))
}

/// Lower case, with hyphens, dashes and quotes read as spaces: "call-in" reads as "call in".
fn fold(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            '-' | '–' | '—' | '‘' | '’' | '\'' | '"' | '“' | '”' | '/' => ' ',
            c => c,
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn subsequence_is_a_necessary_condition() {
        assert!(is_subsequence(b"golden thread", b"gthr"));
        assert!(!is_subsequence(b"golden thread", b"zz"));
        assert!(is_subsequence("café".as_bytes(), "cé".as_bytes()));
    }

    #[test]
    fn folding_reads_hyphens_and_quotes_as_spaces() {
        assert_eq!(fold("Call-In ‘golden’"), "call in  golden ");
    }
}
