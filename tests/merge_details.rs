//! `awayday merge` in the details: three files at once, notes that are the same in two files
//! kept once and empty ones left out, a group spelled the same in two files not reported as
//! joined, and the refusal of another framework naming both frameworks.
//! Written against cargo-mutants' misses in `session/merge.rs` (see docs/testing.md).
#![allow(clippy::unwrap_used)] // tests may unwrap: a panic is a failure

mod common;

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use awayday::session::{self, Column, Score, Session};

/// A session over the mini framework (copied into `dir`) with `groups`, saved as `name`.
fn session_file(
    dir: &Path,
    name: &str,
    groups: &[&str],
    edit: impl FnOnce(&mut Session),
) -> PathBuf {
    std::fs::copy(
        common::fixture("mini-framework.ron"),
        dir.join("mini-framework.ron"),
    )
    .unwrap();
    let base = session::load(&common::fixture("mini-session.ron")).unwrap();
    let mut s = Session {
        groups: groups.iter().map(|g| (*g).to_owned()).collect(),
        nodes: session::Nodes::default(),
        ..base
    };
    edit(&mut s);
    let path = dir.join(name);
    session::save(&path, &s).unwrap();
    path
}

fn merge(dir: &Path, inputs: &[&Path]) -> (Output, PathBuf) {
    let out = dir.join("merged.ron");
    let _ = std::fs::remove_file(&out);
    let o = Command::new(env!("CARGO_BIN_EXE_awayday"))
        .arg("merge")
        .args(inputs)
        .arg("-o")
        .arg(&out)
        .env("NO_COLOR", "1")
        .output()
        .unwrap();
    (o, out)
}

fn said(o: &Output) -> String {
    format!(
        "{}{}",
        String::from_utf8_lossy(&o.stdout),
        String::from_utf8_lossy(&o.stderr)
    )
}

#[test]
fn three_files_merge_into_one() {
    let dir = tempfile::tempdir().unwrap();
    let files: Vec<PathBuf> = ["Red", "Blue", "Green"]
        .iter()
        .enumerate()
        .map(|(i, g)| {
            let level = u8::try_from(i + 1).unwrap();
            session_file(dir.path(), &format!("{g}.ron"), &[g], |s| {
                common::set_score(s, "1.1", Column::Group(0), Some(Score::Level(level)));
            })
        })
        .collect();
    let inputs: Vec<&Path> = files.iter().map(PathBuf::as_path).collect();
    let (o, out) = merge(dir.path(), &inputs);
    assert!(o.status.success(), "{}", said(&o));
    let merged = session::load(&out).unwrap();
    assert_eq!(merged.groups, ["Red", "Blue", "Green"]);
    for g in 0..3 {
        assert_eq!(
            merged.score("1.1", Column::Group(g)),
            Some(Score::Level(u8::try_from(g + 1).unwrap()))
        );
    }
}

#[test]
fn the_same_notes_are_kept_once_and_empty_notes_are_left_out() {
    let dir = tempfile::tempdir().unwrap();
    let a = session_file(dir.path(), "a.ron", &["Red"], |s| {
        common::set_notes(s, "1.1", "The same words.".into());
        common::set_notes(s, "1.2", "Only here.".into());
    });
    let b = session_file(dir.path(), "b.ron", &["Blue"], |s| {
        common::set_notes(s, "1.1", "The same words.".into());
        // A score, so 1.2 is in this file too, with no notes.
        common::set_score(s, "1.2", Column::Group(0), Some(Score::Level(2)));
    });
    let (o, out) = merge(dir.path(), &[&a, &b]);
    assert!(o.status.success(), "{}", said(&o));
    let merged = session::load(&out).unwrap();
    assert_eq!(merged.notes("1.1"), "The same words.");
    assert_eq!(merged.notes("1.2"), "Only here.");
}

#[test]
fn a_group_spelled_the_same_in_two_files_is_not_reported_as_joined() {
    let dir = tempfile::tempdir().unwrap();
    let a = session_file(dir.path(), "a.ron", &["Red"], |s| {
        common::set_score(s, "1.1", Column::Group(0), Some(Score::Level(2)));
    });
    let b = session_file(dir.path(), "b.ron", &["Red", "Blue"], |s| {
        common::set_score(s, "1.2", Column::Group(0), Some(Score::Level(3)));
    });
    let (o, out) = merge(dir.path(), &[&a, &b]);
    assert!(o.status.success(), "{}", said(&o));
    assert!(!said(&o).contains("is the group"), "{}", said(&o));
    assert_eq!(session::load(&out).unwrap().groups, ["Red", "Blue"]);
}

#[test]
fn another_framework_is_refused_naming_both() {
    let dir = tempfile::tempdir().unwrap();
    let a = session_file(dir.path(), "a.ron", &["Red"], |_| {});
    let b = session_file(dir.path(), "b.ron", &["Blue"], |s| {
        s.framework.digest = "0000000000000000".into();
    });
    let first = session::load(&a).unwrap().framework;
    let (o, out) = merge(dir.path(), &[&a, &b]);
    assert!(!o.status.success());
    assert!(!out.exists());
    let message = said(&o);
    for label in [
        format!("{} {}, digest {}", first.id, first.edition, first.digest),
        format!("{} {}, digest 0000000000000000", first.id, first.edition),
    ] {
        assert!(message.contains(&label), "{label:?} not in {message}");
    }
}
