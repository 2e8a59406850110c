//! Checking a parsed framework file before it is used: its id and title, its scale, and every
//! node (its id unique and plain, a statement's text and no children, a heading's title and
//! statements under it), each problem with the line and column it is on, because the person
//! reading the message is editing a text file by hand.

use super::file::{FrameworkFile, NodeFile, NodeKind};

/// One thing wrong with a file, with where it is when known.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub line: Option<usize>,
    pub column: Option<usize>,
    pub message: String,
}

/// Every problem with `file`; `src` is its text, only to say where each is.
pub(super) fn validate(file: &FrameworkFile, src: &str) -> Vec<Problem> {
    let mut problems = Vec::new();
    let mut at = |line_col: Option<(usize, usize)>, message: String| {
        problems.push(Problem {
            line: line_col.map(|(l, _)| l),
            column: line_col.map(|(_, c)| c),
            message,
        });
    };
    if file.id.trim().is_empty() {
        at(
            locate_field(src, "id"),
            "the framework has an empty id".into(),
        );
    }
    if file.title.trim().is_empty() {
        at(
            locate_field(src, "title"),
            "the framework has an empty title".into(),
        );
    }
    for message in scale_problems(file) {
        at(locate_field(src, "scale"), message);
    }
    // Ids borrowed, and hashed fast: the ids are the file's own, and this runs on every
    // framework read, where copying and hashing each of 33,000 ids the slow way showed.
    let mut seen: std::collections::HashMap<&str, usize, foldhash::fast::RandomState> =
        std::collections::HashMap::default();
    let mut statements = 0;
    let mut stack: Vec<&NodeFile> = file.nodes.iter().rev().collect();
    while let Some(node) = stack.pop() {
        let n = seen.entry(node.id.as_str()).or_insert(0usize);
        *n += 1;
        // Messages first; where they are is worked out only if there are any, because finding
        // an id in the text is a scan of the whole file.
        let mut found: Vec<String> = Vec::new();
        if *n == 2 {
            found.push(format!("duplicate id \"{}\"", node.id));
        }
        if node.id.trim().is_empty() || node.id.chars().any(char::is_whitespace) {
            found.push(format!("id \"{}\" is empty or has spaces", node.id));
        }
        if node.kind == NodeKind::Statement {
            statements += 1;
            if node.text.trim().is_empty() {
                found.push(format!("statement \"{}\" has no text", node.id));
            }
            if !node.children.is_empty() {
                found.push(format!(
                        "statement \"{}\" has children; only statements are scored, so they must be leaves",
                        node.id
                    ),
                );
            }
        } else {
            if node.title.trim().is_empty() {
                found.push(format!(
                    "{} \"{}\" has no title",
                    node.kind.label().to_lowercase(),
                    node.id
                ));
            }
            if node.children.is_empty() {
                found.push(format!(
                    "{} \"{}\" has no statements under it",
                    node.kind.label().to_lowercase(),
                    node.id
                ));
            }
        }
        if !found.is_empty() {
            let loc = locate_id(src, &node.id, *n - 1);
            for message in found {
                at(loc, message);
            }
        }
        stack.extend(node.children.iter().rev());
    }
    if statements == 0 {
        at(None, "the framework has no statements".into());
    }
    problems
}

fn scale_problems(file: &FrameworkFile) -> Vec<String> {
    let levels = &file.scale.levels;
    let mut out = Vec::new();
    if levels.len() < 2 {
        out.push(format!(
            "the scale needs at least two levels, it has {}",
            levels.len()
        ));
    }
    if levels.len() > 9 {
        out.push("the scale has more than nine levels; scores are typed with keys 1–9".into());
    }
    for pair in levels.windows(2) {
        if pair[1].value <= pair[0].value {
            out.push(format!(
                "scale levels must rise: {} follows {}",
                pair[1].value, pair[0].value
            ));
        }
    }
    for level in levels {
        if !(1..=9).contains(&level.value) {
            out.push(format!("scale level {} is outside 1–9", level.value));
        }
        if level.label.trim().is_empty() {
            out.push(format!("scale level {} has no label", level.value));
        }
        if level.meaning.trim().is_empty() {
            out.push(format!("scale level {} has no meaning", level.value));
        }
    }
    if file.scale.not_applicable.trim().is_empty() {
        out.push("the scale's not-applicable label is empty".into());
    }
    out
}

/// Where the `nth` (0-based) `id: "…"` with this value is written: (line, column), 1-based.
fn locate_id(src: &str, id: &str, nth: usize) -> Option<(usize, usize)> {
    let needle = format!("\"{}\"", id.replace('\\', "\\\\").replace('"', "\\\""));
    src.match_indices(&needle)
        .filter(|(pos, _)| src[..*pos].trim_end().ends_with("id:"))
        .nth(nth)
        .map(|(pos, _)| line_col(src, pos))
}

/// Where a top-level field like `scale:` is written.
fn locate_field(src: &str, field: &str) -> Option<(usize, usize)> {
    let needle = format!("{field}:");
    src.find(&needle).map(|pos| line_col(src, pos))
}

fn line_col(src: &str, pos: usize) -> (usize, usize) {
    let before = &src[..pos];
    let line = before.matches('\n').count() + 1;
    let col = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line, col)
}
