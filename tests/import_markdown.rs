//! Reading a Markdown outline: each mistake located at its line and column, indented or not;
//! `#` starts a heading only when a space follows it; a line of text after a statement
//! continues the statement only when it is indented.
#![allow(clippy::unwrap_used)] // tests may unwrap: a panic is a failure

use std::path::Path;

use awayday::framework::NodeFile;
use awayday::import::{Failure, Options, import};

/// Imports `md` written to `dir/o.md`.
fn imported(dir: &Path, md: &str) -> Result<Vec<NodeFile>, Failure> {
    let path = dir.join("o.md");
    std::fs::write(&path, md).unwrap();
    import(&path, &Options::default()).map(|i| i.file.nodes)
}

/// Where an import's mistake is, as "line:column", and what it says.
fn mistake(dir: &Path, md: &str) -> (String, String) {
    match imported(dir, md) {
        Err(Failure::Located(e)) => (format!("{}:{}", e.at.line, e.at.column), e.message),
        other => panic!("{md:?} gave {other:?}"),
    }
}

/// Every node as "id title-or-text", with its text after " | " when it has both.
fn outline(nodes: &[NodeFile]) -> Vec<String> {
    let mut out = Vec::new();
    for n in nodes {
        let mut line = format!("{} {}", n.id, n.title);
        if n.title.is_empty() {
            line.push_str(&n.text);
        } else if !n.text.is_empty() {
            line.push_str(" | ");
            line.push_str(&n.text);
        }
        out.push(line);
        out.extend(outline(&n.children));
    }
    out
}

#[test]
fn every_mistake_is_located_at_its_column_when_the_line_is_indented() {
    let dir = tempfile::tempdir().unwrap();
    // Each mistake two spaces in, so a column counted from the indent shows.
    let cases = [
        ("# T\n  #### Too deep\n", "2:3", "only #, ## and ###"),
        ("  ## Element\n", "1:3", "has no # theme above it"),
        ("# T\n  - {#x}\n", "2:3", "this list item is empty"),
        ("  Some words first.\n", "1:3", "text before any heading"),
        ("# T\n  ##\n", "2:5", "this heading is empty"),
        // A duplicate id is put where the second part with it starts.
        (
            "# A {#x}\n  # B {#x}\n",
            "2:3",
            "the id \"x\" is used twice",
        ),
    ];
    for (md, at, says) in cases {
        let (got, message) = mistake(dir.path(), md);
        assert_eq!(got, at, "{md:?}: {message}");
        assert!(message.contains(says), "{md:?}: {message}");
    }
}

#[test]
fn a_hash_with_no_space_after_it_is_text_not_a_heading() {
    let dir = tempfile::tempdir().unwrap();
    let nodes = imported(
        dir.path(),
        "# Theme\n#hashtag in the theme's words\n- One\n",
    )
    .unwrap();
    assert_eq!(
        outline(&nodes),
        ["1 Theme | #hashtag in the theme's words", "1.1 One"]
    );
}

#[test]
fn text_continues_a_statement_only_when_indented_and_its_lines_join_with_a_space() {
    let dir = tempfile::tempdir().unwrap();
    // Two lines of the theme's words, the first straight after a statement.
    let md = "# Theme\n- One,\n  and more of one.\nWords about\nthe theme.\n";
    let nodes = imported(dir.path(), md).unwrap();
    assert_eq!(
        outline(&nodes),
        [
            "1 Theme | Words about the theme.",
            "1.1 One, and more of one."
        ]
    );
}

#[test]
fn front_matter_gives_the_title_id_and_scale_and_an_empty_value_gives_none() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("standards.md");
    let body = "# Theme\n- One\n";
    std::fs::write(
        &path,
        format!(
            "---\ntitle: Partnership standards\nid: ps-2026\nscale: 1 Low, 2 High\n---\n{body}"
        ),
    )
    .unwrap();
    let file = import(&path, &Options::default()).unwrap().file;
    assert_eq!(file.title, "Partnership standards");
    assert_eq!(file.id, "ps-2026");
    let levels: Vec<(u8, &str)> = file
        .scale
        .levels
        .iter()
        .map(|l| (l.value, l.label.as_str()))
        .collect();
    assert_eq!(levels, [(1, "Low"), (2, "High")]);
    // Written but left empty, a field is not set: the title and id come from the file's name.
    std::fs::write(&path, format!("---\ntitle:\nid:   \n---\n{body}")).unwrap();
    let file = import(&path, &Options::default()).unwrap().file;
    assert_eq!(
        (file.title.as_str(), file.id.as_str()),
        ("standards", "standards")
    );
}

#[test]
fn numbered_items_are_statements_and_a_line_starting_with_a_dot_is_not() {
    let dir = tempfile::tempdir().unwrap();
    let md = "# Theme\n1. One\n12) Twelve\n. a dot and a space\n) a bracket\n";
    let nodes = imported(dir.path(), md).unwrap();
    assert_eq!(
        outline(&nodes),
        [
            "1 Theme | . a dot and a space ) a bracket",
            "1.1 One",
            "1.2 Twelve"
        ]
    );
}
