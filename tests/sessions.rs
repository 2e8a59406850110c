//! Session files from the command line: create, check, export, and one writer at a time.
#![allow(clippy::unwrap_used)] // tests may unwrap: a panic is a failure

mod common;

use std::process::Command;

use awayday::session::{self, Column, Score, SessionLock, Store};

fn awayday(args: &[&str], data_dir: &std::path::Path) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_awayday"))
        .args(args)
        .env("AWAYDAY_DATA_DIR", data_dir)
        .env("NO_COLOR", "1")
        .output()
        .expect("the binary runs")
}

fn text(out: &std::process::Output) -> String {
    format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    )
}

/// A session over the mini framework with two groups and a few scores, saved in `dir`.
fn scored_session(dir: &std::path::Path) -> std::path::PathBuf {
    let fixture = common::fixture("mini-framework.ron");
    let path = dir.join("s.ron");
    let out = awayday(
        &[
            "new",
            path.to_str().unwrap(),
            "--framework",
            fixture.to_str().unwrap(),
            "--groups",
            "Red, Blue ",
            "--title",
            "T",
            "--no-open",
        ],
        dir,
    );
    assert!(out.status.success(), "{}", text(&out));
    let mut s = session::load(&path).unwrap();
    assert_eq!(s.groups, ["Red", "Blue"]);
    common::set_score(&mut s, "1.1", Column::Group(0), Some(Score::Level(4)));
    common::set_score(&mut s, "1.1", Column::Group(1), Some(Score::Level(1)));
    common::set_score(&mut s, "1.1", Column::Agreed, Some(Score::Level(2)));
    common::set_score(&mut s, "1.2", Column::Group(1), Some(Score::NotApplicable));
    common::set_notes(&mut s, "2.1.a.1", "Said \"yes\", then:\nno".into());
    session::save(&path, &s).unwrap();
    path
}

#[test]
fn new_refuses_to_overwrite_an_existing_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = scored_session(dir.path());
    let before = std::fs::read(&path).unwrap();
    let out = awayday(&["new", path.to_str().unwrap(), "--no-open"], dir.path());
    assert!(!out.status.success());
    assert!(text(&out).contains("already exists"), "{}", text(&out));
    assert_eq!(std::fs::read(&path).unwrap(), before);
}

#[test]
fn csv_export_has_a_row_per_statement_in_outline_order() {
    let dir = tempfile::tempdir().unwrap();
    let path = scored_session(dir.path());
    let out = awayday(
        &["export", path.to_str().unwrap(), "--format", "csv"],
        dir.path(),
    );
    assert!(out.status.success(), "{}", text(&out));
    let mut reader = csv::Reader::from_reader(out.stdout.as_slice());
    let header: Vec<String> = reader
        .headers()
        .unwrap()
        .iter()
        .map(str::to_owned)
        .collect();
    assert_eq!(
        header,
        [
            "id",
            "theme",
            "element",
            "heading",
            "statement",
            "Red",
            "Blue",
            "agreed",
            "mean",
            "mean_unrounded",
            "spread",
            "notes"
        ]
    );
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    let ids: Vec<&str> = rows.iter().map(|r| &r[0]).collect();
    assert_eq!(ids, ["1.1", "1.2", "2.1.a.1", "2.1.a.2", "2.1.b.1"]);
    let cells = |r: &csv::StringRecord| {
        r.iter()
            .skip(5)
            .take(5)
            .map(str::to_owned)
            .collect::<Vec<_>>()
    };
    assert_eq!(cells(&rows[0]), ["4", "1", "2", "2.50", "2.5"]);
    assert_eq!(cells(&rows[1]), ["", "n/a", "", "", ""]);
    assert_eq!(
        [&rows[2][1], &rows[2][2], &rows[2][3]],
        ["2 Leadership", "2.1 Decision-making", "2.1.a Scrutiny"]
    );
    assert_eq!(&rows[2][11], "Said \"yes\", then:\nno");

    let file = dir.path().join("out.csv");
    let out = awayday(
        &[
            "export",
            path.to_str().unwrap(),
            "-o",
            file.to_str().unwrap(),
        ],
        dir.path(),
    );
    assert!(out.status.success(), "{}", text(&out));
    assert!(
        std::fs::read_to_string(file)
            .unwrap()
            .starts_with("id,theme,element,heading,statement,Red,Blue")
    );
}

#[test]
fn check_validates_sessions_too() {
    let dir = tempfile::tempdir().unwrap();
    let path = scored_session(dir.path());
    let out = awayday(&["check", path.to_str().unwrap()], dir.path());
    assert!(out.status.success(), "{}", text(&out));
    assert!(
        text(&out).contains("a valid session of mini"),
        "{}",
        text(&out)
    );

    let bad = dir.path().join("bad.ron");
    let src = std::fs::read_to_string(&path)
        .unwrap()
        .replace("Level(4)", "Level(7)");
    std::fs::write(&bad, src).unwrap();
    let out = awayday(&["check", bad.to_str().unwrap()], dir.path());
    assert!(!out.status.success());
    assert!(
        text(&out).contains("score 7, which is not on the scale"),
        "{}",
        text(&out)
    );

    let newer = dir.path().join("newer.ron");
    let src = std::fs::read_to_string(&path)
        .unwrap()
        .replace("format_version: 2", "format_version: 9");
    std::fs::write(&newer, &src).unwrap();
    let out = awayday(&["open", newer.to_str().unwrap()], dir.path());
    assert!(!out.status.success());
    assert!(
        text(&out).contains("newer awayday (session format 9)"),
        "{}",
        text(&out)
    );
    assert_eq!(
        std::fs::read_to_string(&newer).unwrap(),
        src,
        "never overwritten"
    );
}

#[test]
fn opening_a_framework_file_as_a_session_says_what_it_is() {
    let dir = tempfile::tempdir().unwrap();
    let out = awayday(
        &[
            "open",
            common::fixture("mini-framework.ron").to_str().unwrap(),
        ],
        dir.path(),
    );
    assert!(!out.status.success());
    assert!(
        text(&out).contains("not an awayday session"),
        "{}",
        text(&out)
    );
}

#[test]
fn a_session_held_by_another_process_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let path = scored_session(dir.path());
    let lock = SessionLock::acquire(&path, &path).unwrap();
    let err = Store::open(&path).unwrap_err().to_string();
    assert!(
        err.contains("is open in another awayday") && err.contains(&std::process::id().to_string()),
        "{err}"
    );
    drop(lock);
    // Released: the next one gets it, and the lock file stays (deleting it would race). (The
    // retry is for this test process: another test's child, between its fork and its exec,
    // holds a copy of every open file for a moment, the lock's among them.)
    common::reopened(&path);
    assert!(session::lock_path(&path).exists());
}

#[cfg(unix)]
#[test]
fn opening_keeps_the_file_as_found_and_folds_keep_permissions() {
    let dir = tempfile::tempdir().unwrap();
    let path = scored_session(dir.path());
    let first = std::fs::read_to_string(&path).unwrap();
    let opened = Store::open(&path).unwrap();
    let mut store = opened.store;
    let mut s = opened.session;
    assert_eq!(
        std::fs::read_to_string(session::backup_path(&path)).unwrap(),
        first
    );
    common::set_notes(&mut s, "1.1", "changed".into());
    store.fold(&mut s).unwrap();
    // The backup is still the file as it was when opened.
    assert_eq!(
        std::fs::read_to_string(session::backup_path(&path)).unwrap(),
        first
    );
    // A save keeps the file's permissions.
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o640)).unwrap();
        let before = std::fs::read(&path).unwrap();
        std::fs::write(&path, before).unwrap();
        common::set_notes(&mut s, "1.1", "changed again".into());
        store.fold(&mut s).unwrap();
        assert_eq!(
            std::fs::metadata(&path).unwrap().permissions().mode() & 0o777,
            0o640
        );
    }
    // No temporary files left behind.
    let leftovers: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .filter_map(Result::ok)
        .filter(|e| e.file_name().to_string_lossy().ends_with("tmp"))
        .collect();
    assert!(leftovers.is_empty());
}

#[test]
fn a_journal_cannot_make_two_groups_of_one_name_in_another_case() {
    use awayday::session::journal::Entry;
    let dir = tempfile::tempdir().unwrap();
    let path = scored_session(dir.path());
    {
        let mut store = Store::open(&path).unwrap().store;
        let name = |n: &str| n.to_owned();
        for entry in [
            Entry::AddGroup { name: name("red") },
            Entry::AddGroup {
                name: name(" BLUE "),
            },
            Entry::AddGroup {
                name: name("agreed"),
            },
            Entry::InsertGroup {
                index: 0,
                name: name("RED"),
            },
            Entry::RenameGroup {
                from: name("Blue"),
                to: name("rEd"),
            },
            // A group may change the case of its own name.
            Entry::RenameGroup {
                from: name("Red"),
                to: name("RED"),
            },
        ] {
            store.append(vec![entry], None).unwrap();
        }
        // Dropped without a fold: the edits are only in the journal, replayed on open.
    }
    let opened = Store::open(&path).unwrap();
    assert_eq!(opened.session.groups, ["RED", "Blue"]);
    assert_eq!(
        opened.session.score("1.1", Column::Group(0)),
        Some(Score::Level(4)),
        "Red's scores follow its new spelling"
    );
    drop(opened);
    assert_eq!(session::load(&path).unwrap().groups, ["RED", "Blue"]);
}
