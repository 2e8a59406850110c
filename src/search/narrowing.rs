//! What one search leaves for the next, so a keystroke costs only what it changed: each query
//! typed on the way to the current one (Backspace answers from it), the nodes that passed each
//! query's cheap tests, and what the matcher said of each word of the query against each node
//! it scored (typing the ninth word of a phrase scores that word, not the eight before it).

use std::collections::HashMap;

use super::bytes::{fold, is_subsequence, pairs_present, subsequence_end};
use super::{Hit, SearchIndex};

/// What searches leave behind for the next query.
#[derive(Debug, Clone, Default)]
pub struct Narrowing {
    pub(super) steps: Vec<Step>,
    pub(super) memo: Memo,
}

/// One query typed, with what it found.
#[derive(Debug, Clone)]
pub(super) struct Step {
    pub(super) query: String,
    pub(super) limit: usize,
    /// The query's words as typed.
    pub(super) terms: Vec<String>,
    /// The entries whose text holds every word's letters in order. Kept for the newest
    /// queries and for each query ending a word (see [`Narrowing::thin`]); `None` when
    /// dropped, and a longer query starts from an earlier one that has them.
    pub(super) candidates: Option<Vec<Candidate>>,
    pub(super) hits: Vec<Hit>,
}

/// An entry that passed a query's subsequence test.
#[derive(Debug, Clone, Copy)]
pub(super) struct Candidate {
    pub(super) entry: u32,
    /// How many of the query's first words its text holds as typed, one after another from
    /// the first: all of them puts it in the first tier. Kept so a longer query only checks
    /// the words that changed.
    pub(super) lead: u16,
    /// Where the query's last word's letters, found as early as they come, end in its
    /// text: typing on in that word only looks for the new letters from there.
    pub(super) end: u32,
    /// How many letter pairs of the query's words but the last its text has (see
    /// [`super::bytes::pairs_present`]): a loose match's rough rank adds the last word's.
    pub(super) settled_pairs: u16,
}

/// Which of the two matchers scored a word: their scores differ, so each has its own memo.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(super) enum Matcher {
    Precise,
    Greedy,
}

/// Per query word, what was worked out for each entry: the matcher's score (`None`: no
/// match), whether the word starts a word there, and the characters it matches. A word's
/// answer for an entry never depends on the other words, so it holds while the word stays in
/// the query.
#[derive(Debug, Clone, Default)]
pub(super) struct Memo {
    pub(super) scores: HashMap<(Matcher, String), HashMap<u32, Option<i64>>>,
    pub(super) whole_words: HashMap<String, HashMap<u32, bool>>,
    pub(super) positions: HashMap<String, HashMap<u32, Vec<usize>>>,
}

impl Memo {
    /// Forgets the words no longer in the query, so the memo stays the size of one query.
    pub(super) fn keep_only(&mut self, terms: &[&str], folded: &[String]) {
        self.scores.retain(|(_, t), _| terms.contains(&t.as_str()));
        self.positions.retain(|t, _| terms.contains(&t.as_str()));
        self.whole_words.retain(|t, _| folded.contains(t));
    }
}

impl Narrowing {
    /// Keeps the steps on the way to `query`; returns the step that answers it already, if
    /// one does.
    pub(super) fn towards(&mut self, query: &str, limit: usize) -> Option<&Step> {
        self.steps
            .retain(|s| query.starts_with(s.query.as_str()) && !s.query.trim().is_empty());
        self.steps
            .iter()
            .find(|s| s.query == query && s.limit == limit)
    }

    /// The longest query kept with its candidates, which the new one extends.
    pub(super) fn shorter(&self) -> Option<(&Step, &[Candidate])> {
        self.steps
            .iter()
            .rev()
            .find_map(|s| Some((s, s.candidates.as_deref()?)))
    }

    /// Adds a query's step, and drops the candidates of older ones but those ending a word:
    /// a long phrase typed would otherwise keep tens of thousands of candidates per key. A
    /// query after Backspace then starts from the word before, a little slower, as correct.
    pub(super) fn push(&mut self, step: Step) {
        self.steps.push(step);
        let newest = self.steps.len().saturating_sub(KEPT_CANDIDATES);
        for s in &mut self.steps[..newest] {
            if !s.query.ends_with(char::is_whitespace) {
                s.candidates = None;
            }
        }
    }
}

/// The newest queries whose candidates are all kept.
const KEPT_CANDIDATES: usize = 4;

/// How many of `terms` a query's earlier step had as they are now: the first words, up to
/// the one being typed (or the new word started).
pub(super) fn unchanged(before: &[String], terms: &[&str]) -> usize {
    before
        .iter()
        .zip(terms)
        .take_while(|(b, t)| b.as_str() == **t)
        .count()
}

impl SearchIndex {
    /// Every entry holding each word's letters in order, and how many of the first words it
    /// holds as typed.
    pub(super) fn every_candidate(&self, folded_terms: &[String]) -> Vec<Candidate> {
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
    pub(super) fn narrow(
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
}
