//! Broken framework files give a located, readable error and never a panic.
#![allow(clippy::unwrap_used)] // tests may unwrap: a panic is a failure

mod common;

use std::process::Command;

use awayday::framework::{self, LoadError};

const GOOD: &str = include_str!("fixtures/mini-framework.ron");

fn error_of(src: &str) -> String {
    match framework::parse(src, "broken.ron") {
        Ok(_) => panic!("should not load"),
        Err(e) => e.to_string(),
    }
}

#[test]
fn the_fixture_itself_is_valid() {
    let fw = framework::parse(GOOD, "mini").unwrap();
    assert_eq!(fw.statement_count(), 5);
    assert_eq!(fw.node(fw.find("2.1.a").unwrap()).statement_count, 2);
}

#[test]
fn bad_syntax_names_file_line_and_column() {
    let src = GOOD.replace(
        "(id: \"1.2\", kind: Statement,",
        "(id: \"1.2\" kind: Statement,",
    );
    let err = framework::parse(&src, "broken.ron").err().unwrap();
    let LoadError::Syntax { line, column, .. } = &err else {
        panic!("a syntax error, got {err}");
    };
    let expected_line = src
        .lines()
        .position(|l| l.contains("\"1.2\" kind"))
        .unwrap()
        + 1;
    assert_eq!(*line, expected_line);
    assert!(*column > 1);
    assert!(
        err.to_string()
            .starts_with(&format!("broken.ron:{expected_line}:")),
        "{err}"
    );
}

#[test]
fn duplicate_id_is_located_at_the_second_one() {
    let src = GOOD.replace("(id: \"1.2\",", "(id: \"1.1\",");
    let err = error_of(&src);
    let line = src
        .lines()
        .position(|l| l.contains("Local priorities"))
        .unwrap()
        + 1;
    assert!(err.contains(&format!("broken.ron:{line}:")), "{err}");
    assert!(err.contains("duplicate id \"1.1\""), "{err}");
}

#[test]
fn empty_statement_is_reported() {
    let src = GOOD.replace("Decisions are published promptly.", "  ");
    let err = error_of(&src);
    assert!(err.contains("statement \"2.1.b.1\" has no text"), "{err}");
    assert!(err.starts_with("broken.ron:"), "{err}");
}

#[test]
fn empty_scale_is_reported() {
    let start = GOOD.find("levels: [").unwrap();
    let end = GOOD[start..].find("],").unwrap() + start + 2;
    let src = format!("{}levels: [],{}", &GOOD[..start], &GOOD[end..]);
    let err = error_of(&src);
    assert!(
        err.contains("the scale needs at least two levels, it has 0"),
        "{err}"
    );
}

#[test]
fn unknown_fields_and_wrong_kinds_are_syntax_errors_with_a_place() {
    let err = error_of(&GOOD.replace(
        "kind: Theme, title: \"Outcomes\"",
        "kind: Chapter, title: \"Outcomes\"",
    ));
    assert!(
        err.contains("broken.ron:") && err.contains("Chapter"),
        "{err}"
    );
    let err = error_of(&GOOD.replace("edition: \"test\",", "edition: \"test\", colour: \"red\","));
    assert!(err.contains("colour"), "{err}");
}

#[test]
fn a_framework_with_no_statements_is_refused() {
    let src = r#"(id: "x", title: "X", scale: (levels: [(value: 1, label: "a", meaning: "a"), (value: 2, label: "b", meaning: "b")]), nodes: [])"#;
    assert!(error_of(src).contains("no statements"));
}

#[test]
fn empty_and_binary_files_are_refused_clearly() {
    let dir = tempfile::tempdir().unwrap();
    let empty = dir.path().join("empty.ron");
    std::fs::write(&empty, "").unwrap();
    let err = framework::load_path(&empty).err().unwrap().to_string();
    assert!(err.contains("empty.ron: is empty"), "{err}");
    let binary = dir.path().join("binary.ron");
    std::fs::write(&binary, [0u8, 159, 146, 150, 255]).unwrap();
    let err = framework::load_path(&binary).err().unwrap().to_string();
    assert!(err.contains("not UTF-8"), "{err}");
}

fn awayday(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_awayday"))
        .args(args)
        .env("NO_COLOR", "1")
        .output()
        .expect("the binary runs")
}

#[test]
fn check_reports_problems_and_exits_non_zero() {
    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("bad.ron");
    std::fs::write(&bad, GOOD.replace("(id: \"1.2\",", "(id: \"1.1\",")).unwrap();
    let out = awayday(&["check", bad.to_str().unwrap()]);
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("bad.ron:") && err.contains("duplicate id"),
        "{err}"
    );

    let out = awayday(&[
        "check",
        common::fixture("mini-framework.ron").to_str().unwrap(),
    ]);
    assert!(out.status.success());
    assert!(String::from_utf8_lossy(&out.stdout).contains("a valid framework: mini"));
}

#[test]
fn show_suggests_near_ids_for_an_unknown_one() {
    let fixture = common::fixture("mini-framework.ron");
    let out = awayday(&["show", "2.1.c", "--framework", fixture.to_str().unwrap()]);
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("no node \"2.1.c\"") && err.contains("2.1.a"),
        "{err}"
    );
}

#[test]
fn a_framework_that_is_neither_built_in_nor_a_file_is_explained() {
    let out = awayday(&["tree", "--framework", "nonesuch"]);
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("nonesuch") && err.contains("corporate-peer-review-benchmark"),
        "{err}"
    );
}

#[test]
fn blanks_around_a_title_or_a_statement_are_not_kept() {
    let src = r#"(id: "t", title: "T", edition: "test",
        scale: (levels: [(value: 1, label: "Low", meaning: "Low."), (value: 2, label: "High", meaning: "High.")]),
        nodes: [(id: "1", kind: Theme, title: "  Leadership\n", children: [
            (id: "1.1", kind: Statement, text: "\tThe council has a plan.  "),
            (id: "1.2", kind: Statement, text: "Members lead."),
        ])])"#;
    let fw = framework::parse(src, "t.ron").unwrap();
    let text = |id: &str| {
        let n = fw.node(fw.find(id).unwrap());
        (n.title.clone(), n.text.clone())
    };
    assert_eq!(text("1").0, "Leadership");
    assert_eq!(text("1.1").1, "The council has a plan.");
    assert_eq!(text("1.2").1, "Members lead.");
}
