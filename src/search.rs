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
mod narrowing;
mod written;

use bytes::{
    bitsets_of, contains_word, fold, has_byte, has_pair, initials_of, is_subsequence,
    pairs_present, subsequence_end,
};
pub use narrowing::Narrowing;
use narrowing::{Candidate, Matcher, Memo, Step, unchanged};
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

    /// Every entry holding each word's letters in order, and how many of the first words it
    /// holds as typed.
    fn every_candidate(&self, folded_terms: &[String]) -> Vec<Candidate> {
        let Some((last, others)) = folded_terms.split_last() else {
            return Vec::new();
        };
        (0..u32::try_from(self.entries().len()).unwrap_or(u32::MAX))
            .filter_map(|entry| {
                let hay = self.entries()[entry as usize].folded.as_bytes();
                if !others.iter().all(|t| is_subsequence(hay, t.as_bytes())) {
                    return None;
                }
                let end = subsequence_end(hay, last.as_bytes(), 0)?;
                Some(Candidate {
                    entry,
                    lead: self.lead(entry, folded_terms, 0),
                    end: u32::try_from(end).unwrap_or(u32::MAX),
                    settled_pairs: self.pairs_present(entry, others),
                })
            })
            .collect()
    }

    /// The shorter query's candidates that pass the longer one's tests: only the words that
    /// differ from the shorter query's are tested, since every candidate passed the others,
    /// and a word being typed on only for its new letters.
    fn narrow(
        &self,
        shorter: &Step,
        candidates: &[Candidate],
        terms: &[&str],
        folded_terms: &[String],
    ) -> Vec<Candidate> {
        let same = unchanged(&shorter.terms, terms);
        // The shorter query's last word, if this query types on in it: its new letters.
        let typed_on = shorter
            .terms
            .get(same)
            .filter(|_| same + 1 == shorter.terms.len())
            .map(|t| fold(t))
            .and_then(|t| {
                folded_terms
                    .get(same)?
                    .strip_prefix(t.as_str())
                    .map(str::len)
            });
        let (first_changed, rest) = match typed_on {
            Some(_) => (same + 1, &folded_terms[same + 1..]),
            None => (same, &folded_terms[same..]),
        };
        let last = folded_terms.len() - 1;
        // Words but the last that were the shorter query's last word, or new: their pairs
        // join the settled count (only the shorter query's last word can have changed).
        let newly_settled = &folded_terms[(shorter.terms.len() - 1).min(last)..last];
        candidates
            .iter()
            .filter_map(|c| {
                let hay = self.entries()[c.entry as usize].folded.as_bytes();
                let mut end = c.end as usize;
                if let Some(new_letters) = typed_on {
                    let word = folded_terms[same].as_bytes();
                    end = subsequence_end(hay, &word[word.len() - new_letters..], end)?;
                }
                for (k, t) in rest.iter().enumerate() {
                    let at = subsequence_end(hay, t.as_bytes(), 0)?;
                    if first_changed + k == last {
                        end = at;
                    }
                }
                Some(Candidate {
                    entry: c.entry,
                    // A first word it did not hold is unchanged, and still not held: only a
                    // candidate holding every unchanged word is read again.
                    lead: if usize::from(c.lead) < same {
                        c.lead
                    } else {
                        self.lead(c.entry, folded_terms, same)
                    },
                    end: u32::try_from(end).unwrap_or(u32::MAX),
                    settled_pairs: c
                        .settled_pairs
                        .saturating_add(self.pairs_present(c.entry, newly_settled)),
                })
            })
            .collect()
    }

    /// How many letter pairs of `words` entry `i`'s text has.
    fn pairs_present(&self, i: u32, words: &[String]) -> u16 {
        let bits = &self.entries()[i as usize].pairs;
        words
            .iter()
            .fold(0, |n: u16, w| n.saturating_add(pairs_present(bits, w)))
    }

    /// How many of `folded_terms`, one after another from the first, the entry's text holds
    /// as typed, knowing it holds the first `from`.
    fn lead(&self, entry: u32, folded_terms: &[String], from: usize) -> u16 {
        let hay = &self.entries()[entry as usize].folded;
        let held = from
            + folded_terms[from..]
                .iter()
                .take_while(|t| hay.contains(t.as_str()))
                .count();
        u16::try_from(held).unwrap_or(u16::MAX)
    }

    /// The best `limit` of `candidates` (which all pass the subsequence test), best first.
    fn rank(
        &self,
        candidates: &[Candidate],
        terms: &[&str],
        folded_terms: &[String],
        limit: usize,
        memo: &mut Memo,
    ) -> Vec<Hit> {
        let phrase = fold(&terms.join(" "));
        let every_word = u16::try_from(terms.len()).unwrap_or(u16::MAX);
        let (first, loose): (Vec<&Candidate>, Vec<&Candidate>) =
            candidates.iter().partition(|c| c.lead >= every_word);
        let first: Vec<u32> = first.into_iter().map(|c| c.entry).collect();
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
                    let starts_word = has_byte(&self.entries()[i as usize].initials, letter);
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
                Matcher::Greedy
            } else {
                Matcher::Precise
            };
            self.score(&best, terms, &phrase, folded_terms, matcher, memo)
        };
        sort_best_first(&mut scored);
        // Looser matches rank after every first-tier one: scored only if they can be shown.
        if scored.len() < limit {
            let last = folded_terms.last().map_or("", String::as_str);
            let mut pre: Vec<(i64, u32)> = loose
                .iter()
                .map(|c| {
                    let bits = &self.entries()[c.entry as usize].pairs;
                    let present = c.settled_pairs.saturating_add(pairs_present(bits, last));
                    (i64::from(present), c.entry)
                })
                .collect();
            let cap = scoring_cap(terms.len(), limit, LOOSE_SCORING_LIMIT);
            if pre.len() > cap {
                sort_best_first(&mut pre);
                pre.truncate(cap);
            }
            let best: Vec<u32> = pre.into_iter().map(|(_, i)| i).collect();
            let mut more = self.score(&best, terms, &phrase, folded_terms, Matcher::Greedy, memo);
            sort_best_first(&mut more);
            scored.extend(more);
        }
        scored.truncate(limit);
        scored
            .into_iter()
            .enumerate()
            .map(|(rank, (score, i))| Hit {
                node: self.entries()[i as usize].node,
                score,
                positions: if rank < HIGHLIGHTED_HITS {
                    self.matched_remembered(i, terms, memo)
                } else {
                    Vec::new()
                },
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
            .map_or_else(Vec::new, |e| {
                let mut positions: Vec<usize> =
                    terms.iter().flat_map(|t| self.matched(e, t)).collect();
                positions.sort_unstable();
                positions.dedup();
                positions
            })
    }

    /// Each entry's score: the matcher's for each word (remembered from earlier keys while
    /// the word stays in the query), plus the bonuses for whole words and the phrase.
    fn score(
        &self,
        entries: &[u32],
        terms: &[&str],
        phrase: &str,
        folded_terms: &[String],
        matcher: Matcher,
        memo: &mut Memo,
    ) -> Vec<(i64, u32)> {
        let matching = match matcher {
            Matcher::Precise => &self.precise,
            Matcher::Greedy => &self.greedy,
        };
        // Each word's memo is found once per key, not once per entry.
        let mut by_term: Vec<_> = terms
            .iter()
            .map(|t| {
                memo.scores
                    .remove(&(matcher, (*t).to_owned()))
                    .unwrap_or_default()
            })
            .collect();
        let mut words: Vec<_> = folded_terms
            .iter()
            .map(|t| memo.whole_words.remove(t).unwrap_or_default())
            .collect();
        let scored = entries
            .iter()
            .filter_map(|&i| {
                let e = &self.entries()[i as usize];
                let mut score = 0;
                for (t, known) in terms.iter().zip(by_term.iter_mut()) {
                    score += (*known
                        .entry(i)
                        .or_insert_with(|| matching.fuzzy_match(&e.haystack, t)))?;
                }
                let mut bonus = 0;
                if terms.len() > 1 && contains_word(&e.folded, phrase) {
                    bonus += PHRASE_BONUS;
                }
                for (t, known) in folded_terms.iter().zip(words.iter_mut()) {
                    if *known
                        .entry(i)
                        .or_insert_with(|| contains_word(&e.folded, t))
                    {
                        bonus += WORD_BONUS;
                    }
                }
                Some((score + bonus, i))
            })
            .collect();
        for (t, known) in terms.iter().zip(by_term) {
            memo.scores.insert((matcher, (*t).to_owned()), known);
        }
        for (t, known) in folded_terms.iter().zip(words) {
            memo.whole_words.insert(t.clone(), known);
        }
        scored
    }

    /// The characters of entry `i` the query's words match, each word's remembered while it
    /// stays in the query.
    fn matched_remembered(&self, i: u32, terms: &[&str], memo: &mut Memo) -> Vec<usize> {
        let e = &self.entries()[i as usize];
        let mut positions: Vec<usize> = Vec::new();
        for t in terms {
            let known = memo.positions.entry((*t).to_owned()).or_default();
            positions.extend(known.entry(i).or_insert_with(|| self.matched(e, t)).iter());
        }
        positions.sort_unstable();
        positions.dedup();
        positions
    }

    /// The characters of an entry one query word matches. Found with the linear greedy
    /// matcher: the ranking is already done, and the precise one's cost is quadratic.
    fn matched(&self, e: &Entry, term: &str) -> Vec<usize> {
        self.greedy
            .fuzzy_indices(&e.haystack, term)
            .map(|(_, p)| p)
            .unwrap_or_default()
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
