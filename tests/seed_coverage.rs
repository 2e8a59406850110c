//! Every bullet of the benchmark's clean extraction (`../shared/seeds/001_…`) is contained in
//! exactly one statement of the built-in benchmark (or, for the lists of headings, in one
//! heading's description). Skipped, with a message, where the seeds folder is absent.
//!
//! The extraction's two-column pages are scrambled: a bullet can be cut at a page or column
//! break and its rest printed elsewhere. So a "bullet" here is the text from a `•` to the next
//! `•` or blank line; each such piece must be found whole inside one statement. Comparison
//! ignores all white space, which the extraction mangles (tabs, wraps, hyphenated wraps).
#![allow(clippy::unwrap_used)] // tests may unwrap: a panic is a failure

mod common;

use std::path::PathBuf;

fn seed(name: &str) -> Option<String> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/seeds");
    let path = std::fs::read_dir(&dir)
        .ok()?
        .filter_map(Result::ok)
        .map(|e| e.path())
        .find(|p| {
            p.file_name()
                .is_some_and(|n| n.to_string_lossy().starts_with(name))
        })?;
    std::fs::read_to_string(path).ok()
}

/// White space removed, so wrapping and tabs do not matter.
fn squash(s: &str) -> String {
    s.chars()
        .filter(|c| !c.is_whitespace() && *c != '\u{ad}')
        .collect()
}

/// The opening words of every bullet: the text from a `•` to the end of its line, at most
/// `MAX_WORDS` words. The extraction often prints two columns on one line, so only a bullet's
/// first words are sure to be its own; the rest of the bullet may be anywhere.
fn bullet_openings(text: &str) -> Vec<String> {
    const MAX_WORDS: usize = 6;
    let mut out = Vec::new();
    for line in text.lines() {
        for part in line.split('•').skip(1) {
            let words: Vec<&str> = part.split_whitespace().take(MAX_WORDS).collect();
            // Too short to be told apart ("• Jobs"), or a fragment cut by the next column.
            if words.len() >= 3 {
                out.push(words.join(" "));
            }
        }
    }
    out
}

#[test]
fn every_bullet_of_the_clean_extraction_is_in_exactly_one_statement() {
    let Some(text) = seed("001_") else {
        eprintln!("skipping: ../shared/seeds/001_… is not here");
        return;
    };
    let fw = common::benchmark();
    let statements: Vec<(String, String)> = fw
        .statements()
        .map(|ix| (fw.node(ix).id.clone(), squash(&fw.node(ix).text)))
        .collect();
    let headings: Vec<String> = fw
        .nodes()
        .iter()
        .filter(|n| n.kind == awayday::framework::NodeKind::Heading)
        .map(|n| squash(&format!("{} – {}", n.title, n.text)))
        .collect();
    let openings = bullet_openings(&text);
    assert!(
        openings.len() > 200,
        "found only {} bullets: is the seed file the right one?",
        openings.len()
    );
    // Distinct bullets can open with the same words ("Political and managerial leaders…"),
    // and a line can cut one bullet's opening shorter than another's. So the statements an
    // opening begins number at least the openings that extend it, and at most those that
    // extend it or that it extends.
    let squashed_openings: Vec<String> = openings.iter().map(|o| squash(o)).collect();
    let bounds = |s: &str| {
        let extend = squashed_openings
            .iter()
            .filter(|o| o.starts_with(s))
            .count();
        let related = squashed_openings
            .iter()
            .filter(|o| o.starts_with(s) || s.starts_with(o.as_str()))
            .count();
        (extend, related)
    };
    let mut seen = std::collections::BTreeSet::new();
    let mut problems = Vec::new();
    for opening in &openings {
        if !seen.insert(opening.as_str()) {
            continue;
        }
        let words: Vec<&str> = opening.split_whitespace().collect();
        // A line cut short by the other column's text: retry with fewer words, down to three.
        let found = (3..=words.len()).rev().find_map(|n| {
            let s = squash(&words[..n].join(" "));
            let holders: Vec<&str> = statements
                .iter()
                .filter(|(_, t)| t.starts_with(&s))
                .map(|(id, _)| id.as_str())
                .collect();
            let in_heading = headings.iter().any(|h| h.starts_with(&s));
            (!holders.is_empty() || in_heading).then(|| (holders, in_heading, bounds(&s)))
        });
        match found {
            None => problems.push(format!("begins no statement: • {opening}")),
            Some((holders, in_heading, (least, most)))
                if !((least..=most).contains(&holders.len())
                    || holders.is_empty() && in_heading) =>
            {
                problems.push(format!(
                    "opens {least} to {most} bullets but begins {} statements ({}): • {opening}",
                    holders.len(),
                    holders.join(", ")
                ));
            }
            Some(_) => {}
        }
    }
    // And the other way: each statement begins one of the document's bullets, so none is a
    // fragment of another or two bullets run together at their start.
    for (id, t) in &statements {
        if !squashed_openings
            .iter()
            .any(|o| t.starts_with(o.as_str()) || o.starts_with(t.as_str()))
        {
            problems.push(format!(
                "statement {id} does not begin any bullet of the document"
            ));
        }
    }
    assert!(
        problems.is_empty(),
        "{} problems over {} bullets:\n{}",
        problems.len(),
        openings.len(),
        problems.join("\n")
    );
}
