//! The fold on a worker thread: the readable file is written while keys keep coming, and
//! nothing typed meanwhile is lost, whether the process goes on, or dies before the file is
//! written, or after it is written and before the journal is started afresh. Also: opening
//! keeps the backup without rewriting it when the file has not changed since, and the
//! screen's open writes it on a worker.
#![allow(clippy::unwrap_used)] // tests may unwrap: a panic is a failure

mod common;

use std::path::{Path, PathBuf};

use awayday::session::{self, Column, Score, Session, Store};
use common::{benchmark, score_entry, set_score};

fn new_session(dir: &Path) -> PathBuf {
    let fw = benchmark();
    let s = Session::new(&fw, vec!["Red".into(), "Blue".into()], "2026-11-24".into());
    let path = dir.join("s.ron");
    session::save(&path, &s).unwrap();
    path
}

/// A score made as the app makes one: in the session, then journalled.
fn score(store: &mut Store, s: &mut Session, node: &str, v: u8) {
    set_score(s, node, Column::Group(0), Some(Score::Level(v)));
    store
        .append(vec![score_entry(node, "Red", v)], s.selected.clone())
        .unwrap();
}

fn red(s: &Session, node: &str) -> Option<Score> {
    s.score(node, Column::Group(0))
}

/// The session as a reader finds it in `dir` (the file and its journal).
fn read_in(dir: &Path) -> Session {
    session::read(&dir.join("s.ron")).unwrap().session
}

/// Copies the session and its journal, as they are now, to a new folder: what a crash at
/// this moment would leave.
fn crash_copy(path: &Path) -> tempfile::TempDir {
    let copy = tempfile::tempdir().unwrap();
    std::fs::copy(path, copy.path().join("s.ron")).unwrap();
    std::fs::copy(
        session::journal_path(path),
        copy.path().join(".s.ron.journal"),
    )
    .unwrap();
    copy
}

#[test]
fn a_fold_on_the_worker_writes_the_file_and_keeps_what_is_typed_meanwhile() {
    let dir = tempfile::tempdir().unwrap();
    let path = new_session(dir.path());
    let opened = Store::open(&path).unwrap();
    let (mut store, mut s) = (opened.store, opened.session);
    score(&mut store, &mut s, "1.1", 3);
    assert!(store.fold_in_background(&s).unwrap());
    assert!(store.folding());
    // Typed while the worker writes: not in the file being written.
    score(&mut store, &mut s, "1.2", 4);
    score(&mut store, &mut s, "1.1", 2);
    let done = store.fold_progress(&mut s, true);
    assert!(matches!(done, Some(Ok(()))), "{done:?}");
    assert!(!store.folding());

    let file = session::load(&path).unwrap();
    assert_eq!(
        red(&file, "1.1"),
        Some(Score::Level(3)),
        "the file has the copy"
    );
    assert_eq!(file.saves, 1);
    // The keys typed meanwhile are still journalled, and count as not yet in the file; the
    // journal started afresh with them alone, after its header.
    assert_eq!(store.pending(), 2);
    let journal = std::fs::read_to_string(session::journal_path(&path)).unwrap();
    assert_eq!(journal.lines().count(), 3, "{journal}");
    let read = read_in(dir.path());
    assert_eq!(red(&read, "1.1"), Some(Score::Level(2)));
    assert_eq!(red(&read, "1.2"), Some(Score::Level(4)));
    // And they go into the file with the next fold.
    store.fold(&mut s).unwrap();
    drop(store);
    let file = session::load(&path).unwrap();
    assert_eq!(red(&file, "1.1"), Some(Score::Level(2)));
    assert_eq!(red(&file, "1.2"), Some(Score::Level(4)));
    let reopened = Store::open(&path).unwrap();
    assert!(reopened.notices.is_empty(), "{:?}", reopened.notices);
    assert_eq!(red(&reopened.session, "1.1"), Some(Score::Level(2)));
}

#[test]
fn a_crash_on_either_side_of_the_worker_writing_the_file_loses_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let path = new_session(dir.path());
    let opened = Store::open(&path).unwrap();
    let (mut store, mut s) = (opened.store, opened.session);
    score(&mut store, &mut s, "1.1", 3);
    score(&mut store, &mut s, "1.3", 1);
    assert!(store.fold_in_background(&s).unwrap());
    store.hold_fold_write();
    // Typed after the copy was taken, before its marker went into the journal.
    score(&mut store, &mut s, "1.2", 4);
    score(&mut store, &mut s, "1.1", 2);
    while !store.fold_marked() {
        assert!(store.fold_progress(&mut s, false).is_none());
        std::thread::sleep(std::time::Duration::from_millis(1));
    }
    // Typed after the marker, while the file is being written.
    score(&mut store, &mut s, "1.4", 3);
    let expect = |got: &Session| {
        assert_eq!(red(got, "1.1"), Some(Score::Level(2)));
        assert_eq!(red(got, "1.2"), Some(Score::Level(4)));
        assert_eq!(red(got, "1.3"), Some(Score::Level(1)));
        assert_eq!(red(got, "1.4"), Some(Score::Level(3)));
    };
    // Dead before the file is written: the old file and the whole journal.
    let before = crash_copy(&path);
    expect(&read_in(before.path()));
    let journal_then = std::fs::read(session::journal_path(&path)).unwrap();

    let done = store.fold_progress(&mut s, true);
    assert!(matches!(done, Some(Ok(()))), "{done:?}");
    let file = session::load(&path).unwrap();
    assert_eq!(
        red(&file, "1.1"),
        Some(Score::Level(3)),
        "the file has the copy"
    );
    assert_eq!(red(&file, "1.2"), None);
    // Dead after the file is written, before the journal started afresh: the new file and
    // the journal as it was.
    let after = crash_copy(&path);
    std::fs::write(after.path().join(".s.ron.journal"), &journal_then).unwrap();
    expect(&read_in(after.path()));
    // And as it is now.
    expect(&read_in(dir.path()));
    drop(store);
    expect(&Store::open(&path).unwrap().session);
}

#[test]
fn opening_again_keeps_a_backup_that_already_holds_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = new_session(dir.path());
    let bak = session::backup_path(&path);
    drop(Store::open(&path).unwrap());
    assert_eq!(std::fs::read(&bak).unwrap(), std::fs::read(&path).unwrap());
    let first = std::fs::metadata(&bak).unwrap().modified().unwrap();
    // Time enough for a rewrite to carry a later time.
    std::thread::sleep(std::time::Duration::from_millis(50));
    drop(Store::open(&path).unwrap());
    let second = std::fs::metadata(&bak).unwrap().modified().unwrap();
    assert_eq!(first, second, "an unchanged file is not backed up again");

    // A changed file is backed up again, whole.
    let mut s = session::load(&path).unwrap();
    s.title = "Changed".into();
    session::save(&path, &s).unwrap();
    drop(Store::open(&path).unwrap());
    assert_eq!(std::fs::read(&bak).unwrap(), std::fs::read(&path).unwrap());
}

#[test]
fn the_screens_open_keeps_the_backup_on_a_worker_as_the_file_was_opened() {
    let dir = tempfile::tempdir().unwrap();
    let path = new_session(dir.path());
    let first = std::fs::read(&path).unwrap();
    let read = session::read(&path).unwrap();
    let opened = Store::open_after(&path, Some(read)).unwrap();
    let (mut store, mut s) = (opened.store, opened.session);
    score(&mut store, &mut s, "1.1", 3);
    // The first fold waits for the backup, which is the file as opened, not as folded.
    assert!(store.fold_in_background(&s).unwrap());
    assert!(matches!(store.fold_progress(&mut s, true), Some(Ok(()))));
    assert_eq!(std::fs::read(session::backup_path(&path)).unwrap(), first);
    assert!(store.backup_notices(true).is_empty());
}

#[cfg(unix)]
#[test]
fn a_backup_the_worker_cannot_keep_is_said() {
    let dir = tempfile::tempdir().unwrap();
    let path = new_session(dir.path());
    let victim = dir.path().join("victim.txt");
    std::fs::write(&victim, "precious").unwrap();
    std::os::unix::fs::symlink(&victim, session::backup_path(&path)).unwrap();
    let opened = Store::open_after(&path, None).unwrap();
    let mut store = opened.store;
    let said = store.backup_notices(true);
    assert!(said.iter().any(|n| n.contains("No backup")), "{said:?}");
    assert_eq!(std::fs::read_to_string(&victim).unwrap(), "precious");
}
