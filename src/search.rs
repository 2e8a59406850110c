//! The fuzzy index over framework text, shared by `awayday lookup` and the app's `/` search.
//!
//! A query is split on white space into words, as fzf does: every word must match a node
//! (fuzzily, in its title or text). Results come in two tiers: nodes that contain every word
//! as typed come first, ranked by fuzzy-matcher's precise score plus bonuses for what a reader
//! means by a good hit (the words as a phrase, "call in" ≈ "call-in"; each word whole); then
//! looser fuzzy matches (typos, abbreviations), ranked by the matcher's fast greedy score.
//!
//! Speed, for the worst keystroke rather than the mean: the matcher is costly per call, so it
//! only sees nodes that pass a cheap byte-level subsequence test (a necessary condition for
//! any fuzzy match), and never more than a few hundred of them: a first tier too big is
//! pre-ranked by the cheap bonuses, a loose tier (a typo) by how many of the query's letter
//! pairs each node has (from a per-node bitset made once). While a query grows, only the
//! previous query's candidates are tested again; every query typed is kept with its result,
//! so Backspace finds the shorter query's answer at once.

use fuzzy_matcher::FuzzyMatcher;
use fuzzy_matcher::skim::SkimMatcherV2;

use std::sync::{Mutex, OnceLock};
use std::thread::JoinHandle;

use crate::framework::{Framework, NodeIx};

mod bytes;
mod written;

use bytes::{bitsets_of, contains_word, fold, has_pair, is_subsequence};
pub use written::{WrittenHit, WrittenIndex, search_written};

/// One searchable node: its text prepared once, so a keystroke costs only matching.
struct Entry {
    node: NodeIx,
    /// `title` then `text`, separated by " — " when both exist: what is matched and shown.
    haystack: String,
    /// Lower-cased haystack with hyphens, dashes and quotes as spaces.
    folded: String,
    /// Which byte pairs (hashed to 256 bits) the folded text has: a typo's near matches are
    /// found by counting the query's pairs present, without reading the text.
    pairs: [u64; 4],
    /// The same for the first two bytes of each word: whether a query word starts a word
    /// here, known without reading the text.
    word_starts: [u64; 4],
}

/// A hit: the node, its score, and which characters of [`SearchIndex::haystack`] matched.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hit {
    pub node: NodeIx,
    pub score: i64,
    /// Char indices into the haystack, sorted, without repeats.
    pub positions: Vec<usize>,
}

/// What searches leave behind for the next query: each query typed on the way to the
/// current one, with the entries that passed its subsequence test and its hits.
#[derive(Debug, Clone, Default)]
pub struct Narrowing {
    steps: Vec<Step>,
}

#[derive(Debug, Clone)]
struct Step {
    query: String,
    limit: usize,
    candidates: Vec<u32>,
    hits: Vec<Hit>,
}

/// The index over one framework.
pub struct SearchIndex {
    /// Made on a worker thread (see [`SearchIndex::new`]); taken from it at the first search.
    ready: OnceLock<Vec<Entry>>,
    building: Mutex<Option<JoinHandle<Vec<Entry>>>>,
    /// Node → entry, for showing a hit's text.
    by_node: Vec<u32>,
    precise: SkimMatcherV2,
    greedy: SkimMatcherV2,
}

const PHRASE_BONUS: i64 = 400;
const WORD_BONUS: i64 = 60;
/// At most this many first-tier candidates are scored precisely (the best by the cheap
/// bonuses); above it, the precise scorer's cost per keystroke would pass a frame.
const PRECISE_SCORING_LIMIT: usize = 150;
/// At most this many loose candidates are scored (the best by letter pairs present).
const LOOSE_SCORING_LIMIT: usize = 300;
/// Matcher calls a keystroke may spend on scoring (one per candidate per query word): a
/// long phrase scores fewer candidates, each costing a call per word.
const SCORING_CALLS: usize = 1_200;
/// Hits whose matched characters are found with the result; the rest (further down a list
/// nobody has scrolled to yet) on demand, with [`SearchIndex::positions`].
const HIGHLIGHTED_HITS: usize = 30;

impl SearchIndex {
    /// The index over `framework`. Each node's text is folded and its letter pairs found on
    /// a worker thread, and the first search waits for it: at 25,088 statements that work
    /// takes longer than the rest of opening the screen, which need not wait for it.
    pub fn new(framework: &Framework) -> Self {
        let texts = texts_of(framework);
        // One entry per node, in order: a node's entry has its own index.
        let by_node = (0..texts.len())
            .map(|i| u32::try_from(i).unwrap_or(u32::MAX))
            .collect();
        let index = SearchIndex {
            ready: OnceLock::new(),
            building: Mutex::new(None),
            by_node,
            precise: SkimMatcherV2::default().smart_case(),
            // An element limit of 1 makes every match use skim's linear greedy algorithm.
            greedy: SkimMatcherV2::default().smart_case().element_limit(1),
        };
        let worker = std::thread::Builder::new()
            .name("awayday search index".into())
            .spawn(move || entries_of(texts));
        match worker {
            Ok(worker) => {
                if let Ok(mut building) = index.building.lock() {
                    *building = Some(worker);
                }
            }
            Err(_) => {
                let _ = index.ready.set(entries_of(texts_of(framework)));
            }
        }
        index
    }

    /// Every node's entry, once the worker has made them.
    fn entries(&self) -> &[Entry] {
        self.ready.get_or_init(|| {
            let worker = self.building.lock().ok().and_then(|mut w| w.take());
            worker.and_then(|w| w.join().ok()).unwrap_or_default()
        })
    }

    /// The text a hit's positions refer to.
    pub(crate) fn haystack(&self, node: NodeIx) -> &str {
        self.by_node
            .get(node)
            .and_then(|&i| self.entries().get(i as usize))
            .map_or("", |e| e.haystack.as_str())
    }

    /// The best `limit` hits for `query`, best first; ties keep the outline's order.
    pub fn search(&self, query: &str, limit: usize) -> Vec<Hit> {
        self.search_from(query, limit, Narrowing::default()).0
    }

    /// As [`search`](Self::search), starting from what earlier queries left: a query typed
    /// before is answered from memory (Backspace), a longer one only re-tests the shorter
    /// one's candidates (typing). Returns what the next query can start from.
    pub fn search_from(
        &self,
        query: &str,
        limit: usize,
        previous: Narrowing,
    ) -> (Vec<Hit>, Narrowing) {
        let mut steps = previous.steps;
        // Keep only the queries on the way to this one.
        steps.retain(|s| query.starts_with(s.query.as_str()) && !s.query.trim().is_empty());
        if let Some(known) = steps.iter().find(|s| s.query == query && s.limit == limit) {
            let hits = known.hits.clone();
            return (hits, Narrowing { steps });
        }
        let terms: Vec<&str> = query.split_whitespace().collect();
        if terms.is_empty() {
            return (Vec::new(), Narrowing::default());
        }
        let folded_terms: Vec<String> = terms.iter().map(|t| fold(t)).collect();
        let pool: Box<dyn Iterator<Item = u32> + '_> = match steps.last() {
            Some(shorter) => Box::new(shorter.candidates.iter().copied()),
            None => Box::new(0..u32::try_from(self.entries().len()).unwrap_or(u32::MAX)),
        };
        let candidates: Vec<u32> = pool
            .filter(|&i| {
                let hay = self.entries()[i as usize].folded.as_bytes();
                folded_terms
                    .iter()
                    .all(|t| is_subsequence(hay, t.as_bytes()))
            })
            .collect();
        let hits = self.rank(&candidates, &terms, &folded_terms, limit);
        steps.push(Step {
            query: query.to_owned(),
            limit,
            candidates,
            hits: hits.clone(),
        });
        (hits, Narrowing { steps })
    }

    /// The best `limit` of `candidates` (which all pass the subsequence test), best first.
    fn rank(
        &self,
        candidates: &[u32],
        terms: &[&str],
        folded_terms: &[String],
        limit: usize,
    ) -> Vec<Hit> {
        let phrase = fold(&terms.join(" "));
        let (first, loose): (Vec<u32>, Vec<u32>) = candidates.iter().partition(|&&i| {
            let hay = &self.entries()[i as usize].folded;
            folded_terms.iter().all(|t| hay.contains(t.as_str()))
        });
        // A rough rank without reading the text: how many query words start a word here.
        let starts: Vec<[u8; 2]> = folded_terms
            .iter()
            .filter_map(|t| t.as_bytes().get(..2).map(|p| [p[0], p[1]]))
            .collect();
        let rough = |i: u32| {
            let bits = &self.entries()[i as usize].word_starts;
            i64::try_from(starts.iter().filter(|p| has_pair(bits, **p)).count()).unwrap_or(0)
        };
        let single_letter = terms.len() == 1 && terms[0].chars().count() == 1;
        let mut scored: Vec<(i64, u32)> = if single_letter {
            // One letter ranks nothing by fuzziness: words starting with it come first, then
            // the outline's order. This is every first keystroke, so it must be cheap.
            let letter = folded_terms[0].as_bytes().first().copied().unwrap_or(b' ');
            first
                .iter()
                .map(|&i| {
                    let bits = &self.entries()[i as usize].word_starts;
                    let starts_word = (0..=255u8).any(|b| has_pair(bits, [letter, b]));
                    (i64::from(starts_word), i)
                })
                .collect()
        } else {
            let mut pre: Vec<(i64, u32)> = first.iter().map(|&i| (rough(i), i)).collect();
            let cap = scoring_cap(terms.len(), limit, PRECISE_SCORING_LIMIT);
            if pre.len() > cap {
                sort_best_first(&mut pre);
                pre.truncate(cap);
            }
            let best: Vec<u32> = pre.into_iter().map(|(_, i)| i).collect();
            // A long phrase is scored word by word: with many words the precise scorer's cost
            // multiplies, while the phrase bonus already ranks the real hits first.
            let matcher = if terms.len() > 3 {
                &self.greedy
            } else {
                &self.precise
            };
            self.score(&best, terms, &phrase, folded_terms, matcher)
        };
        sort_best_first(&mut scored);
        // Looser matches rank after every first-tier one: scored only if they can be shown.
        if scored.len() < limit {
            let wanted: Vec<[u8; 2]> = folded_terms
                .iter()
                .flat_map(|t| t.as_bytes().windows(2).map(|w| [w[0], w[1]]))
                .collect();
            let mut pre: Vec<(i64, u32)> = loose
                .iter()
                .map(|&i| {
                    let pairs = &self.entries()[i as usize].pairs;
                    let present = wanted.iter().filter(|p| has_pair(pairs, **p)).count();
                    (i64::try_from(present).unwrap_or(0), i)
                })
                .collect();
            let cap = scoring_cap(terms.len(), limit, LOOSE_SCORING_LIMIT);
            if pre.len() > cap {
                sort_best_first(&mut pre);
                pre.truncate(cap);
            }
            let best: Vec<u32> = pre.into_iter().map(|(_, i)| i).collect();
            let mut more = self.score(&best, terms, &phrase, folded_terms, &self.greedy);
            sort_best_first(&mut more);
            scored.extend(more);
        }
        scored.truncate(limit);
        scored
            .into_iter()
            .enumerate()
            .map(|(rank, (score, i))| {
                let e = &self.entries()[i as usize];
                Hit {
                    node: e.node,
                    score,
                    positions: if rank < HIGHLIGHTED_HITS {
                        self.matched(e, terms)
                    } else {
                        Vec::new()
                    },
                }
            })
            .collect()
    }

    /// The characters of `node`'s text that `query` matches, for highlighting a hit whose
    /// positions were not found with the result.
    pub(crate) fn positions(&self, node: NodeIx, query: &str) -> Vec<usize> {
        let terms: Vec<&str> = query.split_whitespace().collect();
        self.by_node
            .get(node)
            .and_then(|&i| self.entries().get(i as usize))
            .map_or_else(Vec::new, |e| self.matched(e, &terms))
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
                let e = &self.entries()[i as usize];
                let mut score = 0;
                for t in terms {
                    score += matcher.fuzzy_match(&e.haystack, t)?;
                }
                Some((score + bonus(&e.folded, phrase, folded_terms), i))
            })
            .collect()
    }

    /// The characters of an entry the query's words match. Found with the linear greedy
    /// matcher: the ranking is already done, and the precise one's cost is quadratic.
    fn matched(&self, e: &Entry, terms: &[&str]) -> Vec<usize> {
        let mut positions: Vec<usize> = terms
            .iter()
            .filter_map(|t| self.greedy.fuzzy_indices(&e.haystack, t))
            .flat_map(|(_, p)| p)
            .collect();
        positions.sort_unstable();
        positions.dedup();
        positions
    }
}

/// How many candidates to score: within the keystroke's matcher calls, at most `most`, at
/// least `limit`, and no more than four times what will be shown (`awayday lookup` shows 10).
fn scoring_cap(terms: usize, limit: usize, most: usize) -> usize {
    (SCORING_CALLS / terms.max(1))
        .min(most)
        .min(limit.saturating_mul(4))
        .max(limit)
}

fn sort_best_first(scored: &mut [(i64, u32)]) {
    scored.sort_unstable_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
}

/// What is searched in each node, in node order: its title and text.
fn texts_of(framework: &Framework) -> Vec<String> {
    framework
        .nodes()
        .iter()
        .map(|n| match (n.title.is_empty(), n.text.is_empty()) {
            (false, false) => format!("{} — {}", n.title, n.text),
            (false, true) => n.title.clone(),
            _ => n.text.clone(),
        })
        .collect()
}

/// The entries for each node's text, in node order.
fn entries_of(texts: Vec<String>) -> Vec<Entry> {
    texts
        .into_iter()
        .enumerate()
        .map(|(node, haystack)| {
            let folded = fold(&haystack);
            let (pairs, word_starts) = bitsets_of(folded.as_bytes());
            Entry {
                node,
                haystack,
                folded,
                pairs,
                word_starts,
            }
        })
        .collect()
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
