//! Typing a query one key at a time, with what each key leaves for the next (narrowing, and
//! each word's scores remembered), finds exactly what the same query finds typed afresh: the
//! same nodes, in the same order, with the same scores and the same letters lit.

use awayday::search::{Hit, Narrowing, SearchIndex};

/// Types `keys` one at a time (a `\u{8}` is Backspace), checking every query on the way
/// against a fresh search.
fn type_and_compare(index: &SearchIndex, keys: &str, limit: usize) {
    let mut query = String::new();
    let mut narrowing = Narrowing::default();
    for key in keys.chars() {
        if key == '\u{8}' {
            query.pop();
        } else {
            query.push(key);
        }
        let (typed, next) = index.search_from(&query, limit, narrowing);
        narrowing = next;
        let fresh: Vec<Hit> = index.search(&query, limit);
        assert_eq!(typed, fresh, "{query:?}, typed after {keys:?}");
    }
}

#[test]
fn a_query_typed_key_by_key_finds_what_it_finds_typed_afresh() {
    let base = awayday::framework::resolve(None).expect("the built-in benchmark");
    // Several copies of every statement, so ties, the scoring caps and the loose tier all
    // come into play.
    let fw = awayday::demo::synthetic(&base, 4);
    let index = SearchIndex::new(&fw);
    for keys in [
        "leadership",
        "goldne thraed",
        "the council has a clear golden thread from its ambitions to individual objectives",
        // Words retyped after Backspace, a word growing after a space, and a capital letter
        // (smart case changes how the matcher scores it).
        "call in\u{8}\u{8}\u{8} out of h\u{8}\u{8}hours",
        "Golden Thread\u{8}\u{8}\u{8}\u{8}\u{8}\u{8} thread",
        "perf manag risk  part",
        "zzq\u{8}\u{8}\u{8}scrutiny",
    ] {
        type_and_compare(&index, keys, 100);
    }
    // A short list (as `awayday lookup` shows) scores fewer candidates per key.
    type_and_compare(&index, "golden thraed from its ambitions", 10);
}

/// The text a hit's positions point into, as the index builds it: the title, then the text.
fn haystack(fw: &awayday::framework::Framework, hit: &Hit) -> Vec<char> {
    let n = fw.node(hit.node);
    match (n.title.is_empty(), n.text.is_empty()) {
        (false, false) => format!("{} — {}", n.title, n.text),
        (false, true) => n.title.clone(),
        _ => n.text.clone(),
    }
    .chars()
    .collect()
}

#[test]
fn the_letters_lit_in_each_shown_hit_spell_the_word_typed() {
    let fw = awayday::framework::resolve(None).expect("the built-in benchmark");
    let index = SearchIndex::new(&fw);
    let mut narrowing = Narrowing::default();
    let mut hits = Vec::new();
    for end in 1..="thread".len() {
        let (found, next) = index.search_from(&"thread"[..end], 100, narrowing);
        narrowing = next;
        hits = found;
    }
    assert!(hits.len() > 5, "{} hits", hits.len());
    // The first hits are highlighted with the result; each lights "thread", in order.
    for hit in hits.iter().take(5) {
        let text = haystack(&fw, hit);
        let lit: String = hit
            .positions
            .iter()
            .map(|&p| text[p].to_ascii_lowercase())
            .collect();
        assert_eq!(lit, "thread", "{:?}", text.iter().collect::<String>());
    }
}

#[test]
fn a_typo_among_many_near_misses_still_finds_its_statement_first() {
    let base = awayday::framework::resolve(None).expect("the built-in benchmark");
    // Hundreds of nodes before it in the outline hold the typo's letters in order: only the
    // few dozen with most of its letter pairs are scored, so the pairs must be counted for
    // the benchmark's last statement to be among them.
    let fw = awayday::demo::synthetic(&base, 4);
    let index = SearchIndex::new(&fw);
    let mut narrowing = Narrowing::default();
    let typo = "futrue pay presures asesed";
    let mut hits = Vec::new();
    for end in 1..=typo.len() {
        let (found, next) = index.search_from(&typo[..end], 10, narrowing);
        narrowing = next;
        hits = found;
    }
    let first: String = haystack(&fw, &hits[0])
        .iter()
        .collect::<String>()
        .to_lowercase();
    assert!(
        first.contains("future pay pressures have been assessed"),
        "first hit: {first}"
    );
}
