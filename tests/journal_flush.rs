//! The journal's flush to the disk comes after the key's frame: a record written is every
//! reader's at once, flushed before anything else is written to the journal (or the session
//! let go), and a flush the disk refuses puts the record back to be written again, so no
//! edit is lost and none is replayed half.
#![allow(clippy::unwrap_used)] // tests may unwrap: a panic is a failure

mod common;

use std::path::{Path, PathBuf};

use awayday::failpoint::{self, Mode};
use awayday::session::{self, Column, Score, Session, Store};
use common::benchmark;
use common::score_entry as score;

fn new_session(dir: &Path) -> PathBuf {
    let s = Session::new(&benchmark(), vec!["Red".into()], "2026-12-08".into());
    let path = dir.join("s.ron");
    session::save(&path, &s).unwrap();
    path
}

fn red(read: &session::SessionRead, id: &str) -> Option<Score> {
    read.session.score(id, Column::Group(0))
}

#[test]
fn a_written_record_is_every_readers_before_its_flush_and_the_flush_comes_after() {
    let dir = tempfile::tempdir().unwrap();
    let path = new_session(dir.path());
    let mut store = Store::open(&path).unwrap().store;
    failpoint::arm(None);
    store.write(vec![score("1.1", "Red", 2)], None).unwrap();
    let written = failpoint::disarm();
    assert!(written.contains(&"journal.write"), "{written:?}");
    assert!(
        !written.contains(&"journal.sync"),
        "the frame must not wait for the disk: {written:?}"
    );
    // Another command reading the session now (or after awayday stopped) sees the edit.
    let read = session::read(&path).unwrap();
    assert_eq!(red(&read, "1.1"), Some(Score::Level(2)));
    failpoint::arm(None);
    store.flush().unwrap();
    assert_eq!(failpoint::disarm(), vec!["journal.sync"]);
    // Nothing is left to flush.
    failpoint::arm(None);
    store.flush().unwrap();
    assert!(failpoint::disarm().is_empty());
}

#[test]
fn the_next_write_flushes_the_record_before_it_first() {
    let dir = tempfile::tempdir().unwrap();
    let path = new_session(dir.path());
    let mut store = Store::open(&path).unwrap().store;
    store.write(vec![score("1.1", "Red", 1)], None).unwrap();
    failpoint::arm(None);
    store.write(vec![score("1.2", "Red", 2)], None).unwrap();
    let points = failpoint::disarm();
    let sync = points.iter().position(|p| *p == "journal.sync");
    let write = points.iter().position(|p| *p == "journal.write");
    assert!(
        matches!((sync, write), (Some(s), Some(w)) if s < w),
        "{points:?}"
    );
}

#[test]
fn letting_the_session_go_flushes_what_was_written() {
    let dir = tempfile::tempdir().unwrap();
    let path = new_session(dir.path());
    let mut store = Store::open(&path).unwrap().store;
    store.write(vec![score("1.1", "Red", 3)], None).unwrap();
    failpoint::arm(None);
    drop(store);
    let points = failpoint::disarm();
    assert!(points.contains(&"journal.sync"), "{points:?}");
    assert_eq!(
        red(&session::read(&path).unwrap(), "1.1"),
        Some(Score::Level(3))
    );
}

#[test]
fn a_flush_the_disk_refuses_puts_the_record_back_to_be_written_again() {
    let dir = tempfile::tempdir().unwrap();
    let path = new_session(dir.path());
    let journal = dir.path().join(".s.ron.journal");
    let mut store = Store::open(&path).unwrap().store;
    store.append(vec![score("1.1", "Red", 1)], None).unwrap();
    let durable = std::fs::metadata(&journal).unwrap().len();
    store.write(vec![score("1.2", "Red", 2)], None).unwrap();
    assert!(std::fs::metadata(&journal).unwrap().len() > durable);
    // The disk cannot say the record is on it (an I/O error, a disk pulled out).
    failpoint::arm(Some((0, Mode::Error)));
    let failed = store.flush();
    assert_eq!(
        failpoint::disarm(),
        vec!["journal.sync", "journal.cut-back"]
    );
    assert!(failed.is_err(), "the user is told");
    let health = store.health();
    assert_eq!(health.on_screen_only, 1, "the edit is held on screen");
    assert!(health.journal_error.is_some());
    assert_eq!(
        health.journal_only, 1,
        "only the flushed edit is in the journal"
    );
    assert_eq!(
        std::fs::metadata(&journal).unwrap().len(),
        durable,
        "the record whose flush failed is cut off, not built on"
    );
    // The disk is back: the record goes again, before the next.
    store.append(vec![score("1.3", "Red", 3)], None).unwrap();
    assert_eq!(store.health().on_screen_only, 0);
    assert_eq!(store.health().journal_only, 3);
    drop(store);
    let read = session::read(&path).unwrap();
    assert_eq!(read.from_journal, 3);
    assert!(read.notices.is_empty(), "{:?}", read.notices);
    for (id, v) in [("1.1", 1), ("1.2", 2), ("1.3", 3)] {
        assert_eq!(red(&read, id), Some(Score::Level(v)), "{id}");
    }
}
