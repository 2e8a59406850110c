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
//! previous query's candidates are tested again, only for the word that changed, and each
//! word's scores are remembered (`search/narrowing.rs`); every query typed is kept with its result,
//! so Backspace finds the shorter query's answer at once. Ranking is in `search/rank.rs`.

use fuzzy_matcher::skim::SkimMatcherV2;

use std::sync::{Mutex, OnceLock};
use std::thread::JoinHandle;

use crate::framework::{Framework, NodeIx};

mod bytes;
mod narrowing;
mod rank;
mod written;

use bytes::{bitsets_of, fold, initials_of};
pub use narrowing::Narrowing;
use narrowing::Step;
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
    /// Which bytes start a word (exactly, one bit per byte value), for a one-letter query.
    initials: [u64; 4],
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
        // One entry per node, in order: a node's entry has its own index.
        let by_node = (0..framework.nodes().len())
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
        // Even the texts are made on the worker, from the framework's shared nodes: at
        // 25,088 statements making them took 8 ms before the first frame.
        let nodes = framework.shared_nodes();
        let worker = std::thread::Builder::new()
            .name("awayday search index".into())
            .spawn(move || entries_of(texts_of(&nodes)));
        match worker {
            Ok(worker) => {
                if let Ok(mut building) = index.building.lock() {
                    *building = Some(worker);
                }
            }
            Err(_) => {
                let _ = index.ready.set(entries_of(texts_of(framework.nodes())));
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
    /// one's candidates, and only for the words that changed (typing). Returns what the next
    /// query can start from.
    pub fn search_from(
        &self,
        query: &str,
        limit: usize,
        mut previous: Narrowing,
    ) -> (Vec<Hit>, Narrowing) {
        if let Some(known) = previous.towards(query, limit) {
            let hits = known.hits.clone();
            return (hits, previous);
        }
        let terms: Vec<&str> = query.split_whitespace().collect();
        if terms.is_empty() {
            return (Vec::new(), Narrowing::default());
        }
        let folded_terms: Vec<String> = terms.iter().map(|t| fold(t)).collect();
        previous.memo.keep_only(&terms, &folded_terms);
        let candidates = match previous.shorter() {
            Some((shorter, candidates)) => self.narrow(shorter, candidates, &terms, &folded_terms),
            None => self.every_candidate(&folded_terms),
        };
        let hits = self.rank(
            &candidates,
            &terms,
            &folded_terms,
            limit,
            &mut previous.memo,
        );
        previous.push(Step {
            query: query.to_owned(),
            limit,
            terms: terms.iter().map(|t| (*t).to_owned()).collect(),
            candidates: Some(candidates),
            hits: hits.clone(),
        });
        (hits, previous)
    }

    /// The characters of `node`'s text that `query` matches, for highlighting a hit whose
    /// positions were not found with the result.
    pub(crate) fn positions(&self, node: NodeIx, query: &str) -> Vec<usize> {
        let terms: Vec<&str> = query.split_whitespace().collect();
        self.by_node
            .get(node)
            .and_then(|&i| self.entries().get(i as usize))
            .map_or_else(Vec::new, |e| {
                let mut positions: Vec<usize> =
                    terms.iter().flat_map(|t| self.matched(e, t)).collect();
                positions.sort_unstable();
                positions.dedup();
                positions
            })
    }
}

/// What is searched in each node, in node order: its title and text.
fn texts_of(nodes: &[crate::framework::Node]) -> Vec<String> {
    nodes
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
            let initials = initials_of(folded.as_bytes());
            Entry {
                node,
                haystack,
                folded,
                pairs,
                word_starts,
                initials,
            }
        })
        .collect()
}
