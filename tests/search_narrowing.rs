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
