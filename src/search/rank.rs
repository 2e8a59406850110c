//! Ranking a query's candidates: the first tier (every word as typed) by the precise
//! matcher and the bonuses a reader expects, within a keystroke's budget of matcher calls; then
//! the looser matches, pre-ranked by letter pairs; each word's answers remembered in the memo.

use fuzzy_matcher::FuzzyMatcher;

use super::bytes::{contains_word, fold, has_byte, has_pair, pairs_present};
use super::narrowing::{Candidate, Matcher, Memo};
use super::{
    Entry, HIGHLIGHTED_HITS, Hit, LOOSE_SCORING_LIMIT, PHRASE_BONUS, PRECISE_SCORING_LIMIT,
    SCORING_CALLS, SearchIndex, WORD_BONUS,
};

impl SearchIndex {
    /// The best `limit` of `candidates` (which all pass the subsequence test), best first.
    pub(super) fn rank(
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
    pub(super) fn matched(&self, e: &Entry, term: &str) -> Vec<usize> {
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
