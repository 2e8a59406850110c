//! What a reader means by a good hit, beyond the matcher's own score: the words typed as a
//! phrase ("call in" is the call-in process, not a council that calls officers in), and a
//! word typed whole ("lead" is leading, before "misleading").

use awayday::framework::{self, Framework};
use awayday::search::SearchIndex;

/// A framework of one theme whose statements come in the order given: a tie goes to the
/// earlier, so the later can only come first on its merits.
fn statements(texts: &[&str]) -> Framework {
    let children: Vec<String> = texts
        .iter()
        .enumerate()
        .map(|(i, t)| format!("(id: \"1.{}\", kind: Statement, text: {t:?}),", i + 1))
        .collect();
    let src = format!(
        r#"(id: "rank", title: "Ranking", edition: "test",
            scale: (levels: [(value: 1, label: "Low", meaning: "Low."), (value: 2, label: "High", meaning: "High.")]),
            nodes: [(id: "1", kind: Theme, title: "Theme", children: [{}])])"#,
        children.join("\n")
    );
    framework::parse(&src, "rank.ron").expect("a valid framework")
}

fn first_text(fw: &Framework, query: &str) -> String {
    let hits = SearchIndex::new(fw).search(query, 5);
    fw.node(hits[0].node).text.clone()
}

#[test]
fn the_words_typed_as_a_phrase_rank_first() {
    let fw = statements(&[
        "Call officers in for questions when needed.",
        "Members use the call in process well.",
    ]);
    assert_eq!(
        first_text(&fw, "call in"),
        "Members use the call in process well."
    );
}

#[test]
fn a_word_typed_whole_ranks_before_the_same_letters_inside_a_word() {
    let fw = statements(&[
        "Misleading figures are corrected quickly.",
        "Officers lead improvement across services.",
    ]);
    assert_eq!(
        first_text(&fw, "lead"),
        "Officers lead improvement across services."
    );
}

#[test]
fn letters_typed_as_an_abbreviation_rank_the_words_they_start_first() {
    // Neither holds "ldr" as typed, and neither gets a bonus: the matcher's own score, for
    // letters that start words, decides.
    let fw = statements(&[
        "Libraries and dog runs are open late.",
        "Leadership drives results for residents.",
    ]);
    assert_eq!(
        first_text(&fw, "ldr"),
        "Leadership drives results for residents."
    );
}

#[test]
fn words_typed_whole_outrank_the_same_letters_joined_to_others() {
    // The matcher itself scores the two alike (its bonus for a capital inside a word, as in
    // "eLearning", nearly matches its bonus for the start of a word) and the first wins a
    // tie: only the bonus for each word typed whole puts the second first.
    let fw = statements(&[
        "Staff use eLearning to rePlan work.",
        "Staff learn to replan work.",
    ]);
    assert_eq!(first_text(&fw, "learn plan"), "Staff learn to replan work.");
}
