//! Bad session files: each gives a clear message naming the file (with line and column for
//! syntax errors) and a non-zero exit, and the file is never changed, replaced or deleted.
#![allow(clippy::unwrap_used)] // tests may unwrap: a panic is a failure

mod common;

use std::path::{Path, PathBuf};
use std::process::Command;

const GOOD: &str = include_str!("fixtures/mini-session.ron");

fn awayday(args: &[&str], dir: &Path) -> (bool, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_awayday"))
        .args(args)
        .env("AWAYDAY_DATA_DIR", dir)
        .env("NO_COLOR", "1")
        .output()
        .unwrap();
    (
        out.status.success(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// Writes `bytes` as a session next to a copy of the mini framework.
fn bad_file(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    std::fs::copy(
        common::fixture("mini-framework.ron"),
        dir.join("mini-framework.ron"),
    )
    .unwrap();
    let path = dir.join(name);
    std::fs::write(&path, bytes).unwrap();
    path
}

/// Opens and checks the file; both must fail, say `expected`, name the file, and leave the
/// folder exactly as it was.
fn refused(name: &str, bytes: &[u8], expected: &str) {
    refused_by(
        &["open", "check", "report", "export"],
        name,
        bytes,
        expected,
    );
}

fn refused_by(commands: &[&str], name: &str, bytes: &[u8], expected: &str) {
    let dir = tempfile::tempdir().unwrap();
    let path = bad_file(dir.path(), name, bytes);
    let listing = || {
        let mut names: Vec<String> = std::fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        names
    };
    let before = listing();
    for &cmd in commands {
        let (ok, err) = awayday(&[cmd, path.to_str().unwrap()], dir.path());
        assert!(!ok, "{cmd} {name} should fail");
        assert!(
            err.contains(&path.display().to_string()),
            "{cmd} {name}: the message names the file: {err}"
        );
        assert!(
            err.contains(expected),
            "{cmd} {name}: expected {expected:?} in: {err}"
        );
    }
    assert_eq!(std::fs::read(&path).unwrap(), bytes, "{name} was changed");
    assert_eq!(listing(), before, "{name}: files were created or removed");
}

#[test]
fn truncated_file_gives_line_and_column() {
    let cut = &GOOD[..GOOD.len() * 2 / 3];
    let line = cut.lines().count();
    refused(
        "truncated.ron",
        cut.as_bytes(),
        &format!("truncated.ron:{line}:"),
    );
}

#[test]
fn corrupt_file_gives_line_and_column() {
    let corrupt = GOOD.replacen("agreed: Some(Level(3))", "agreed: Some(Level(3)", 1);
    refused("corrupt.ron", corrupt.as_bytes(), "corrupt.ron:");
}

#[test]
fn empty_file() {
    refused("empty.ron", b"", "is empty");
    refused("blank.ron", b"  \n\n ", "is empty");
}

#[test]
fn binary_file() {
    refused(
        "binary.ron",
        &[0x89, b'P', b'N', b'G', 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0xff],
        "not UTF-8",
    );
}

#[test]
fn foreign_ron_file() {
    // `check` accepts a framework file (it checks both kinds); the others want a session.
    refused_by(
        &["open", "report", "export"],
        "framework.ron",
        include_bytes!("fixtures/mini-framework.ron"),
        "not an awayday session",
    );
    refused(
        "other.ron",
        b"(name: \"something else\", size: 3)",
        "not an awayday session",
    );
    refused_by(
        &["check"],
        "other2.ron",
        b"(name: \"x\")",
        "not an awayday session or framework file",
    );
}

#[test]
fn newer_format_version() {
    refused(
        "newer.ron",
        GOOD.replace("format_version: 1", "format_version: 3")
            .as_bytes(),
        "newer awayday",
    );
}

#[test]
fn scores_for_a_group_that_does_not_exist() {
    refused(
        "ghost.ron",
        GOOD.replace("\"Red\": Level(4)", "\"Purple\": Level(4)")
            .as_bytes(),
        "\"Purple\", which is not a group",
    );
}

#[test]
fn a_missing_framework_is_named_with_its_edition() {
    let src = GOOD.replace(
        "path: Some(\"mini-framework.ron\"),",
        "path: Some(\"gone.ron\"),",
    );
    refused("orphaned.ron", src.as_bytes(), "\"mini\" (edition test)");
}

#[test]
fn a_huge_file_is_refused_without_reading_it() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("huge.ron");
    // Sparse: 51 MB long without writing 51 MB.
    std::fs::File::create(&path)
        .unwrap()
        .set_len(51 * 1024 * 1024)
        .unwrap();
    let (ok, err) = awayday(&["open", path.to_str().unwrap()], dir.path());
    assert!(!ok);
    assert!(
        err.contains("huge.ron") && err.contains("over 50 MB are refused"),
        "{err}"
    );
    assert_eq!(std::fs::metadata(&path).unwrap().len(), 51 * 1024 * 1024);
}

#[test]
fn a_missing_file_is_named() {
    let dir = tempfile::tempdir().unwrap();
    let (ok, err) = awayday(
        &["open", dir.path().join("nope.ron").to_str().unwrap()],
        dir.path(),
    );
    assert!(!ok);
    assert!(
        err.contains("nope.ron") && err.contains("No such file"),
        "{err}"
    );
}

/// Root ignores file permissions, so as root the permission checks run the binary as the
/// unprivileged `nobody` (with `runuser`); as anyone else they run it as themselves.
#[cfg(unix)]
fn running_as_root() -> bool {
    let dir = tempfile::tempdir().unwrap();
    let probe = dir.path().join("probe");
    std::fs::write(&probe, "x").unwrap();
    let mut perms = std::fs::metadata(&probe).unwrap().permissions();
    perms.set_readonly(true);
    std::fs::set_permissions(&probe, perms).unwrap();
    std::fs::OpenOptions::new().write(true).open(&probe).is_ok()
}

/// Runs `awayday open PATH` as an ordinary user; `None` when that cannot be arranged.
#[cfg(unix)]
fn open_unprivileged(path: &Path, dir: &Path) -> Option<(bool, String)> {
    let bin = env!("CARGO_BIN_EXE_awayday");
    let out = if running_as_root() {
        Command::new("runuser")
            .args(["-u", "nobody", "--", bin, "open"])
            .arg(path)
            .env("AWAYDAY_DATA_DIR", dir)
            .env("NO_COLOR", "1")
            .output()
            .ok()?
    } else {
        Command::new(bin)
            .arg("open")
            .arg(path)
            .env("AWAYDAY_DATA_DIR", dir)
            .env("NO_COLOR", "1")
            .output()
            .ok()?
    };
    let err = String::from_utf8_lossy(&out.stderr).into_owned();
    // runuser itself failing (no such user, not allowed) is not the app's answer.
    if err.starts_with("runuser:") {
        return None;
    }
    Some((out.status.success(), err))
}

#[cfg(unix)]
#[test]
fn unreadable_unwritable_files_and_read_only_folders() {
    use std::os::unix::fs::PermissionsExt;
    let set = |p: &Path, mode| {
        std::fs::set_permissions(p, std::fs::Permissions::from_mode(mode)).unwrap();
    };
    let dir = tempfile::tempdir().unwrap();
    set(dir.path(), 0o777);
    let path = bad_file(dir.path(), "s.ron", GOOD.as_bytes());
    set(&dir.path().join("mini-framework.ron"), 0o644);

    set(&path, 0o200);
    let Some((ok, err)) = open_unprivileged(&path, dir.path()) else {
        eprintln!("skipping permission checks: cannot run as an unprivileged user here");
        return;
    };
    assert!(
        !ok && err.contains("s.ron") && err.contains("ermission denied"),
        "unreadable: {err}"
    );

    set(&path, 0o444);
    let (ok, err) = open_unprivileged(&path, dir.path()).unwrap();
    assert!(
        !ok && err.contains("s.ron") && err.contains("cannot be written"),
        "unwritable: {err}"
    );

    set(&path, 0o666);
    set(dir.path(), 0o555);
    let (ok, err) = open_unprivileged(&path, dir.path()).unwrap();
    set(dir.path(), 0o777);
    assert!(
        !ok && err.contains("s.ron") && err.contains("ermission denied"),
        "read-only folder: {err}"
    );
    assert_eq!(
        std::fs::read_to_string(&path).unwrap(),
        GOOD,
        "never changed"
    );
}

#[test]
fn a_session_of_a_changed_framework_still_checks_and_keeps_its_records() {
    let dir = tempfile::tempdir().unwrap();
    let src = GOOD.replace(
        "digest: \"1248f25640c1cbf9\"",
        "digest: \"0123456789abcdef\"",
    );
    let path = bad_file(dir.path(), "changed.ron", src.as_bytes());
    let out = Command::new(env!("CARGO_BIN_EXE_awayday"))
        .arg("check")
        .arg(&path)
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{text}");
    assert!(
        text.contains("the framework has changed since this session was scored"),
        "{text}"
    );
    assert!(
        text.contains("1 for ids the framework no longer has"),
        "{text}"
    );
    let report = Command::new(env!("CARGO_BIN_EXE_awayday"))
        .arg("report")
        .arg(&path)
        .output()
        .unwrap();
    let md = String::from_utf8_lossy(&report.stdout);
    assert!(
        md.contains("| 9.9 | Red 1 | A statement later removed from the framework. |"),
        "{md}"
    );
}

/// Line and column (1-based) where `needle` starts in `src`.
fn at(src: &str, needle: &str) -> (usize, usize) {
    let pos = src.find(needle).unwrap();
    let line = src[..pos].matches('\n').count() + 1;
    let col = pos - src[..pos].rfind('\n').map_or(0, |n| n + 1) + 1;
    (line, col)
}

/// The fixture with its groups list replaced.
fn with_groups(groups: &str) -> String {
    let src = GOOD.replace(
        "groups: [\"Red\", \"Blue\", \"Green\"]",
        &format!("groups: [{groups}]"),
    );
    assert_ne!(src, GOOD, "the fixture lists its groups as expected");
    src
}

#[test]
fn group_names_differing_only_in_case_are_refused_at_the_second() {
    let src = with_groups("\"Red\", \"Blue\", \"Green\", \"red\"");
    let (line, col) = at(&src, "red\"]");
    refused(
        "case.ron",
        src.as_bytes(),
        &format!("case.ron:{line}:{col}: groups \"Red\" and \"red\" differ only in case"),
    );
    // Spaces around a name do not make another group either.
    let src = with_groups("\"Red\", \"Blue\", \"Green\", \" BLUE \"");
    let (line, col) = at(&src, " BLUE \"]");
    refused(
        "spaced.ron",
        src.as_bytes(),
        &format!("spaced.ron:{line}:{col}: groups \"Blue\" and \" BLUE \" differ only in case"),
    );
}

#[test]
fn agreed_is_not_a_group_name_in_any_case() {
    for name in ["Agreed", "AGREED", "agreed "] {
        let src = with_groups(&format!("\"Red\", \"Blue\", \"Green\", \"{name}\""));
        let (line, col) = at(&src, &format!("{name}\"]"));
        refused(
            "agreed.ron",
            src.as_bytes(),
            &format!("agreed.ron:{line}:{col}: a group cannot be called \"{name}\""),
        );
    }
}

#[test]
fn an_empty_or_blank_group_name_is_refused_where_it_is_written() {
    for name in ["", "   "] {
        let src = with_groups(&format!("\"Red\", \"{name}\", \"Blue\", \"Green\""));
        let (line, col) = at(&src, &format!("{name}\", \"Blue"));
        refused(
            "blank.ron",
            src.as_bytes(),
            &format!("blank.ron:{line}:{col}: group 2 has no name"),
        );
    }
}

#[test]
fn a_score_for_a_group_spelled_in_another_case_is_refused_where_it_is_written() {
    // Refused, not taken as Red's: see `validate` in src/session/file.rs for why.
    let src = GOOD.replace("\"Red\": Level(3)", "\"RED\": Level(3)");
    assert_ne!(src, GOOD);
    let (line, col) = at(&src, "RED\"");
    refused(
        "spelled.ron",
        src.as_bytes(),
        &format!(
            "spelled.ron:{line}:{col}: node 2.1.a.1 has a score for \"RED\", but the group is spelled \"Red\""
        ),
    );
    let src = GOOD.replace("\"Red\": Level(3)", "\"Purple\": Level(3)");
    let (line, col) = at(&src, "Purple\"");
    refused(
        "ghost2.ron",
        src.as_bytes(),
        &format!(
            "ghost2.ron:{line}:{col}: node 2.1.a.1 has a score for \"Purple\", which is not a group"
        ),
    );
}
