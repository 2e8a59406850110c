//! Merging reviewers' files: clean, conflicting, --prefer, different frameworks, notes kept.
#![allow(clippy::unwrap_used)] // tests may unwrap: a panic is a failure
#![allow(clippy::many_single_char_names)] // a, b: the two reviewers; o: an output

mod common;

use std::path::{Path, PathBuf};
use std::process::Command;

use awayday::session::{self, ActionItem, Column, Score, Session};

/// Two reviewers' sessions over the mini framework, in a temp folder with the framework.
fn reviewers(dir: &Path) -> (PathBuf, PathBuf) {
    std::fs::copy(
        common::fixture("mini-framework.ron"),
        dir.join("mini-framework.ron"),
    )
    .unwrap();
    let base = session::load(&common::fixture("mini-session.ron")).unwrap();
    let mut a = Session {
        groups: vec!["Alice".into()],
        nodes: session::Nodes::default(),
        ..base.clone()
    };
    common::set_score(&mut a, "1.1", Column::Group(0), Some(Score::Level(3)));
    common::set_score(&mut a, "1.2", Column::Group(0), Some(Score::Level(2)));
    common::set_notes(&mut a, "1.1", "Alice: strong evidence".into());
    common::set_actions(
        &mut a,
        "2.1",
        vec![ActionItem {
            id: String::new(),
            text: "Train members".into(),
            ..Default::default()
        }],
    );
    let mut b = Session {
        groups: vec!["Bob".into(), "Alice".into()],
        nodes: session::Nodes::default(),
        ..base
    };
    common::set_score(&mut b, "1.1", Column::Group(0), Some(Score::Level(1)));
    common::set_score(&mut b, "1.1", Column::Group(1), Some(Score::Level(3)));
    common::set_score(
        &mut b,
        "2.1.a.1",
        Column::Group(1),
        Some(Score::NotApplicable),
    );
    common::set_notes(&mut b, "1.1", "Bob: little evidence".into());
    common::set_actions(
        &mut b,
        "2.1",
        vec![
            ActionItem {
                id: String::new(),
                text: "Train members".into(),
                ..Default::default()
            },
            ActionItem {
                id: String::new(),
                text: "Audit call-in".into(),
                ..Default::default()
            },
        ],
    );
    let (pa, pb) = (dir.join("alice.ron"), dir.join("bob.ron"));
    session::save(&pa, &a).unwrap();
    session::save(&pb, &b).unwrap();
    (pa, pb)
}

fn run(args: &[&Path]) -> std::process::Output {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_awayday"));
    cmd.arg("merge");
    for a in args {
        cmd.arg(a);
    }
    cmd.output().unwrap()
}

fn stderr(o: &std::process::Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

#[test]
fn a_clean_merge_unites_groups_scores_notes_and_actions() {
    let dir = tempfile::tempdir().unwrap();
    let (a, b) = reviewers(dir.path());
    let out = dir.path().join("merged.ron");
    let before = (std::fs::read(&a).unwrap(), std::fs::read(&b).unwrap());
    let o = run(&[&a, &b, Path::new("-o"), &out]);
    assert!(o.status.success(), "{}", stderr(&o));
    let m = session::load(&out).unwrap();
    assert_eq!(m.groups, ["Alice", "Bob"]);
    assert_eq!(m.score("1.1", Column::Group(0)), Some(Score::Level(3)));
    assert_eq!(m.score("1.1", Column::Group(1)), Some(Score::Level(1)));
    assert_eq!(m.score("1.2", Column::Group(0)), Some(Score::Level(2)));
    assert_eq!(
        m.score("2.1.a.1", Column::Group(0)),
        Some(Score::NotApplicable)
    );
    assert_eq!(
        m.notes("1.1"),
        "[alice.ron] Alice: strong evidence\n\n[bob.ron] Bob: little evidence"
    );
    let actions: Vec<&str> = m.actions("2.1").iter().map(|a| a.text.as_str()).collect();
    assert_eq!(actions, ["Train members", "Audit call-in"]);
    assert_eq!(
        before,
        (std::fs::read(&a).unwrap(), std::fs::read(&b).unwrap()),
        "inputs untouched"
    );
}

#[test]
fn conflicts_stop_the_merge_and_are_all_listed() {
    let dir = tempfile::tempdir().unwrap();
    let (a, b) = reviewers(dir.path());
    let mut s = session::load(&b).unwrap();
    common::set_score(&mut s, "1.1", Column::Group(1), Some(Score::Level(4)));
    common::set_score(&mut s, "1.2", Column::Group(1), Some(Score::NotApplicable));
    session::save(&b, &s).unwrap();
    let out = dir.path().join("merged.ron");
    let o = run(&[&a, &b, Path::new("-o"), &out]);
    assert!(!o.status.success());
    let err = stderr(&o);
    assert!(err.contains("2 conflicting scores"), "{err}");
    assert!(err.contains("1.1 Alice: alice.ron: 3, bob.ron: 4"), "{err}");
    assert!(
        err.contains("1.2 Alice: alice.ron: 2, bob.ron: n/a"),
        "{err}"
    );
    assert!(!out.exists(), "nothing written");

    let o = run(&[
        &a,
        &b,
        Path::new("-o"),
        &out,
        Path::new("--prefer"),
        Path::new("last"),
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let m = session::load(&out).unwrap();
    assert_eq!(m.score("1.1", Column::Group(0)), Some(Score::Level(4)));
    assert_eq!(m.score("1.2", Column::Group(0)), Some(Score::NotApplicable));

    let o = run(&[
        &a,
        &b,
        Path::new("-o"),
        &out,
        Path::new("--prefer"),
        Path::new("first"),
        Path::new("--force"),
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let m = session::load(&out).unwrap();
    assert_eq!(m.score("1.1", Column::Group(0)), Some(Score::Level(3)));
}

#[test]
fn sessions_of_different_frameworks_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    let (a, b) = reviewers(dir.path());
    let mut s = session::load(&b).unwrap();
    s.framework.digest = "0000000000000000".into();
    session::save(&b, &s).unwrap();
    let o = run(&[&a, &b, Path::new("-o"), &dir.path().join("m.ron")]);
    assert!(!o.status.success());
    assert!(stderr(&o).contains("different framework"), "{}", stderr(&o));
}

#[test]
fn the_output_is_never_an_input() {
    let dir = tempfile::tempdir().unwrap();
    let (a, b) = reviewers(dir.path());
    let before = std::fs::read(&a).unwrap();
    let o = run(&[&a, &b, Path::new("-o"), &a, Path::new("--force")]);
    assert!(!o.status.success());
    assert!(stderr(&o).contains("itself"), "{}", stderr(&o));
    assert_eq!(std::fs::read(&a).unwrap(), before);
}

#[test]
fn findings_survive_a_merge() {
    let dir = tempfile::tempdir().unwrap();
    let (a, b) = reviewers(dir.path());
    let mut s = session::load(&a).unwrap();
    session::History::default().apply(
        &mut s,
        session::Edit::Findings {
            node: Some("2.1".into()),
            before: session::Findings::default(),
            after: session::Findings {
                strengths: "Call-in works.".into(),
                ..Default::default()
            },
        },
    );
    session::save(&a, &s).unwrap();
    let out = dir.path().join("m.ron");
    let o = run(&[
        &a,
        &b,
        Path::new("-o"),
        &out,
        Path::new("--prefer"),
        Path::new("first"),
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let merged = session::load(&out).unwrap();
    assert_eq!(merged.findings(Some("2.1")).strengths, "Call-in works.");
}

fn stdout(o: &std::process::Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

/// Two reviewers who named the same group "Red" and "red"; they agree on 1.2 and differ on
/// 1.1 and on the agreed score of 1.1.
fn reviewers_spelling_red_differently(dir: &Path) -> (PathBuf, PathBuf) {
    let (a, b) = reviewers(dir);
    let spell = |path: &Path, name: &str, red: u8, agreed: u8| {
        let mut s = session::load(path).unwrap();
        s.groups = vec![name.into()];
        s.nodes.clear();
        common::set_score(&mut s, "1.1", Column::Group(0), Some(Score::Level(red)));
        common::set_score(&mut s, "1.2", Column::Group(0), Some(Score::Level(2)));
        common::set_score(&mut s, "1.1", Column::Agreed, Some(Score::Level(agreed)));
        session::save(path, &s).unwrap();
    };
    spell(&a, "Red", 3, 3);
    spell(&b, "red", 4, 2);
    (a, b)
}

#[test]
fn groups_spelled_in_another_case_are_one_group_with_their_conflicts_listed() {
    let dir = tempfile::tempdir().unwrap();
    let (a, b) = reviewers_spelling_red_differently(dir.path());
    let out = dir.path().join("m.ron");
    let o = run(&[&a, &b, Path::new("-o"), &out]);
    assert!(!o.status.success(), "{}", stdout(&o));
    let err = stderr(&o);
    assert!(err.contains("2 conflicting scores"), "{err}");
    assert!(err.contains("1.1 Red: alice.ron: 3, bob.ron: 4"), "{err}");
    assert!(
        err.contains("1.1 agreed: alice.ron: 3, bob.ron: 2"),
        "{err}"
    );
    assert!(!out.exists(), "nothing written");

    let o = run(&[
        &a,
        &b,
        Path::new("-o"),
        &out,
        Path::new("--prefer"),
        Path::new("first"),
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let said = stdout(&o);
    assert!(
        said.contains("m.ron: 1 group, 2 nodes"),
        "one group, said in good grammar: {said}"
    );
    assert!(
        said.contains("\"red\" in bob.ron is the group \"Red\" of alice.ron"),
        "which spelling was kept: {said}"
    );
    let m = session::load(&out).unwrap();
    assert_eq!(m.groups, ["Red"]);
    assert_eq!(m.score("1.1", Column::Group(0)), Some(Score::Level(3)));
    assert_eq!(m.score("1.2", Column::Group(0)), Some(Score::Level(2)));
}

#[test]
fn prefer_lists_every_conflict_it_settled_and_the_value_it_dropped() {
    let dir = tempfile::tempdir().unwrap();
    let (a, b) = reviewers_spelling_red_differently(dir.path());
    let out = dir.path().join("m.ron");
    let o = run(&[
        &a,
        &b,
        Path::new("-o"),
        &out,
        Path::new("--prefer"),
        Path::new("last"),
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let said = stdout(&o);
    assert!(
        said.contains("--prefer last settled 2 conflicting scores:"),
        "{said}"
    );
    assert!(
        said.contains("  1.1 Red: kept 4 (bob.ron), dropped 3 (alice.ron)"),
        "{said}"
    );
    assert!(
        said.contains("  1.1 agreed: kept 2 (bob.ron), dropped 3 (alice.ron)"),
        "{said}"
    );
    assert!(!said.contains("1.2"), "1.2 was not in conflict: {said}");
    let m = session::load(&out).unwrap();
    assert_eq!(m.score("1.1", Column::Group(0)), Some(Score::Level(4)));
    assert_eq!(m.score("1.1", Column::Agreed), Some(Score::Level(2)));

    let o = run(&[
        &a,
        &b,
        Path::new("-o"),
        &out,
        Path::new("--prefer"),
        Path::new("first"),
        Path::new("--force"),
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let said = stdout(&o);
    assert!(
        said.contains("  1.1 Red: kept 3 (alice.ron), dropped 4 (bob.ron)"),
        "{said}"
    );
}
