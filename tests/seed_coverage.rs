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

/// Page furniture the extraction prints in the middle of the text.
fn is_furniture(line: &str) -> bool {
    let t = line.trim();
    t.starts_with("What are the key features of an ideal authority")
        || t.starts_with("An ideal authority –")
        || t.contains("Corporate peer review benchmark")
        || [
            "Achievements and outcomes",
            "Leadership and governance",
            "Engaging with customers",
            "communities and partners",
            "Resource and performance management",
            "Resource and",
            "performance management",
            "Organisation and people",
        ]
        .iter()
        .any(|h| t.trim_start_matches(|c: char| c.is_ascii_digit() || c == '.' || c == ' ') == *h)
}

/// The bullet pieces of the extraction: from each `•` to the next `•` or blank line.
fn bullet_pieces(text: &str) -> Vec<String> {
    let mut pieces = Vec::new();
    let mut current: Option<String> = None;
    for line in text.lines() {
        if line.trim().is_empty() {
            pieces.extend(current.take());
            continue;
        }
        if is_furniture(line) {
            continue;
        }
        let mut parts = line.split('•');
        let before = parts.next().unwrap_or("");
        if let Some(c) = current.as_mut() {
            c.push(' ');
            c.push_str(before);
        }
        for part in parts {
            pieces.extend(current.take());
            current = Some(part.to_owned());
        }
    }
    pieces.extend(current);
    pieces
        .into_iter()
        .map(|p| p.trim().to_owned())
        .filter(|p| squash(p).chars().count() >= 12)
        .collect()
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
    let pieces = bullet_pieces(&text);
    assert!(
        pieces.len() > 200,
        "found only {} bullets: is the seed file the right one?",
        pieces.len()
    );
    let mut problems = Vec::new();
    for piece in &pieces {
        let s = squash(piece);
        let holders: Vec<&str> = statements
            .iter()
            .filter(|(_, t)| t.contains(&s))
            .map(|(id, _)| id.as_str())
            .collect();
        match holders.len() {
            1 => {}
            0 if headings.iter().any(|h| h.contains(&s)) => {}
            0 => problems.push(format!("in no statement: {piece}")),
            _ => problems.push(format!(
                "in {} statements ({}): {piece}",
                holders.len(),
                holders.join(", ")
            )),
        }
    }
    assert!(
        problems.is_empty(),
        "{} of {} bullets:\n{}",
        problems.len(),
        pieces.len(),
        problems.join("\n")
    );
}
