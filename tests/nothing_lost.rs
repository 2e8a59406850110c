//! Nothing lost on the way out: every shell command reads the journal, a write error never
//! hides later edits, an older journal is never replayed over newer work, and a file made
//! read-only is never written over. Each test names the item of issue 19 it checks.
#![allow(clippy::unwrap_used)] // tests may unwrap: a panic is a failure

mod common;

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use awayday::failpoint::{self, Mode};
use awayday::session::journal;
use awayday::session::{self, Column, FOLD_AT_LEAST_EVERY, Score, Session, Store};
use common::benchmark;
use common::score_entry as score;

fn new_session(dir: &Path, name: &str) -> PathBuf {
    let fw = benchmark();
    let s = Session::new(&fw, vec!["Red".into(), "Blue".into()], "2026-11-24".into());
    let path = dir.join(name);
    session::save(&path, &s).unwrap();
    path
}

fn awayday(args: &[&str], dir: &Path) -> (bool, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_awayday"))
        .args(args)
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .output()
        .unwrap();
    (
        out.status.success(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// Two scores journalled and the app killed before it folded them: the file lacks them.
fn session_killed_before_the_fold(dir: &Path) -> PathBuf {
    let path = new_session(dir, "s.ron");
    let before = std::fs::read(&path).unwrap();
    let mut store = Store::open(&path).unwrap().store;
    store
        .append(
            vec![score("2.1.a.1", "Red", 3), score("2.1.a.1", "Blue", 1)],
            None,
        )
        .unwrap();
    drop(store); // as kill -9 leaves it: the lock goes, the journal stays
    assert_eq!(std::fs::read(&path).unwrap(), before, "not folded yet");
    path
}

// 1. Every shell command reads the journal, and says so once on stderr.
#[test]
fn every_shell_command_sees_edits_only_in_the_journal() {
    let dir = tempfile::tempdir().unwrap();
    let path = session_killed_before_the_fold(dir.path());
    let journal_before = std::fs::read(dir.path().join(".s.ron.journal")).unwrap();
    let said = "2 edits read from its journal";

    let (ok, csv, err) = awayday(&["export", "s.ron"], dir.path());
    assert!(ok, "{err}");
    let row = csv.lines().find(|l| l.starts_with("2.1.a.1,")).unwrap();
    assert!(row.contains(",3,1,"), "{row}");
    assert_eq!(err.matches(said).count(), 1, "{err}");

    for format in ["md", "html", "csv"] {
        let (ok, report, err) = awayday(&["report", "s.ron", "--format", format], dir.path());
        assert!(ok, "{err}");
        assert!(
            report.contains("2.1.a.1"),
            "{format} report lacks the scored statement"
        );
        assert_eq!(err.matches(said).count(), 1, "{format}: {err}");
    }

    let (ok, out, err) = awayday(&["check", "s.ron"], dir.path());
    assert!(ok, "{err}");
    assert!(out.contains("1 nodes with scores"), "{out}");
    assert!(err.contains(said), "{err}");

    let other = dir.path().join("other.ron");
    std::fs::copy(&path, &other).unwrap();
    let (ok, out, err) = awayday(&["merge", "s.ron", "other.ron", "-o", "m.ron"], dir.path());
    assert!(ok, "{err}");
    assert!(out.contains("1 nodes"), "{out}");
    let merged = session::load(&dir.path().join("m.ron")).unwrap();
    assert_eq!(
        merged.score("2.1.a.1", Column::Group(0)),
        Some(Score::Level(3))
    );

    let (ok, out, err) = awayday(
        &["compare", "other.ron", "s.ron", "--format", "csv"],
        dir.path(),
    );
    assert!(ok, "{err}");
    assert!(out.contains("2.1.a.1"), "{out}");

    // Readers never write the session or touch its journal.
    assert_eq!(
        std::fs::read(dir.path().join(".s.ron.journal")).unwrap(),
        journal_before
    );
    assert!(session::load(&path).unwrap().nodes.is_empty());
}

// 1. save-as writes a self-contained copy: the file with the journal's edits.
#[test]
fn save_as_writes_the_journal_edits_into_a_copy_that_stands_alone() {
    let dir = tempfile::tempdir().unwrap();
    session_killed_before_the_fold(dir.path());
    let (ok, out, err) = awayday(&["save-as", "s.ron", "copy.ron"], dir.path());
    assert!(ok, "{err}");
    assert!(out.contains("copy.ron"), "{out}");
    let copy = session::load(&dir.path().join("copy.ron")).unwrap();
    assert_eq!(
        copy.score("2.1.a.1", Column::Group(1)),
        Some(Score::Level(1))
    );
    // Never over the session itself, by any name, nor over an existing file unasked.
    let (ok, _, err) = awayday(&["save-as", "s.ron", "./s.ron", "--force"], dir.path());
    assert!(!ok && err.contains("itself"), "{err}");
    let (ok, _, err) = awayday(&["save-as", "s.ron", "copy.ron"], dir.path());
    assert!(!ok && err.contains("already exists"), "{err}");
}

// 2. Steady work is folded into the readable file every few seconds, not only when idle.
#[test]
fn steady_work_is_folded_at_least_every_few_seconds() {
    let dir = tempfile::tempdir().unwrap();
    let path = new_session(dir.path(), "s.ron");
    let opened = Store::open(&path).unwrap();
    let (mut store, mut s) = (opened.store, opened.session);
    let start = Instant::now();
    assert!(!store.fold_overdue(start), "nothing to fold yet");
    store.append(vec![score("1.1", "Red", 2)], None).unwrap();
    assert!(!store.fold_overdue(Instant::now()));
    let later = Instant::now() + FOLD_AT_LEAST_EVERY;
    assert!(store.fold_overdue(later));
    assert!(FOLD_AT_LEAST_EVERY <= Duration::from_secs(5));
    store.fold(&mut s).unwrap();
    assert!(!store.fold_overdue(later), "folded: nothing is waiting");
}

// 3. A write cut short is cut back before anything else is appended: every later edit is
// read back, and nothing is reported torn.
#[test]
fn a_failed_journal_write_never_hides_the_edits_after_it() {
    let dir = tempfile::tempdir().unwrap();
    let path = new_session(dir.path(), "s.ron");
    let mut store = Store::open(&path).unwrap().store;
    store.append(vec![score("1.1", "Red", 1)], None).unwrap();
    // The disk fills up half-way through the next record's write.
    failpoint::arm(Some((0, Mode::Error)));
    let failed = store.append(vec![score("1.2", "Red", 2)], None);
    failpoint::disarm();
    assert!(failed.is_err(), "the user is told");
    let health = store.health();
    assert_eq!(health.on_screen_only, 1);
    assert!(health.journal_error.is_some());
    // Space comes back: the waiting record goes first, then the new one.
    store.append(vec![score("1.3", "Red", 3)], None).unwrap();
    assert_eq!(store.health().on_screen_only, 0);
    drop(store);
    let read = session::read(&path).unwrap();
    assert_eq!(read.from_journal, 3);
    assert!(read.notices.is_empty(), "{:?}", read.notices);
    for (id, v) in [("1.1", 1), ("1.2", 2), ("1.3", 3)] {
        assert_eq!(
            read.session.score(id, Column::Group(0)),
            Some(Score::Level(v))
        );
    }
}

// 3. A journal written by an older awayday, with half a line and records glued after it:
// the whole records after the damage are kept and the damage reported.
#[test]
fn records_after_a_torn_line_are_replayed_and_the_damage_reported() {
    let dir = tempfile::tempdir().unwrap();
    let path = new_session(dir.path(), "s.ron");
    let mut store = Store::open(&path).unwrap().store;
    store.append(vec![score("1.1", "Red", 1)], None).unwrap();
    drop(store);
    let journal_path = dir.path().join(".s.ron.journal");
    let mut text = std::fs::read_to_string(&journal_path).unwrap();
    let r2 = journal::encode_line(&journal::Record {
        selected: None,
        entries: vec![score("1.2", "Red", 2)],
    });
    let r3 = journal::encode_line(&journal::Record {
        selected: None,
        entries: vec![score("1.3", "Red", 3)],
    });
    text.push_str(&r2[..r2.len() / 2]);
    text.push_str(&r3);
    std::fs::write(&journal_path, text).unwrap();
    let read = session::read(&path).unwrap();
    assert_eq!(
        read.session.score("1.3", Column::Group(0)),
        Some(Score::Level(3))
    );
    assert_eq!(read.session.score("1.2", Column::Group(0)), None);
    assert!(
        read.notices.iter().any(|n| n.contains("damaged")),
        "{:?}",
        read.notices
    );
    let opened = Store::open(&path).unwrap();
    assert_eq!(
        opened.session.score("1.3", Column::Group(0)),
        Some(Score::Level(3))
    );
    assert!(opened.notices.iter().any(|n| n.contains("damaged")));
}

// 3 and 4. A file that cannot be written: the edits stay in the journal, the retries add
// nothing to it, and the screen's figures say where the edits are.
#[test]
fn failed_folds_leave_no_markers_and_say_the_edits_are_in_the_journal() {
    let dir = tempfile::tempdir().unwrap();
    let path = new_session(dir.path(), "s.ron");
    let opened = Store::open(&path).unwrap();
    let (mut store, mut s) = (opened.store, opened.session);
    common::set_score(&mut s, "1.1", Column::Group(0), Some(Score::Level(1)));
    store.append(vec![score("1.1", "Red", 1)], None).unwrap();
    let journal_path = dir.path().join(".s.ron.journal");
    let size = std::fs::metadata(&journal_path).unwrap().len();
    for _ in 0..20 {
        // The folder is read-only: the temporary file cannot be created.
        // (The fold's marker goes into the journal first: a write and a flush.)
        failpoint::arm(Some((2, Mode::Error)));
        assert!(store.fold(&mut s).is_err());
        let passed = failpoint::disarm();
        assert_eq!(passed[2], "temp.create", "{passed:?}");
    }
    assert_eq!(
        std::fs::metadata(&journal_path).unwrap().len(),
        size,
        "retries must not grow the journal"
    );
    let health = store.health();
    assert_eq!((health.journal_only, health.on_screen_only), (1, 0));
    assert!(health.file_error.is_some());
    // Retries back off: not due at once after a failure.
    assert!(!store.retry_due(Instant::now()));
    assert!(store.retry_due(Instant::now() + Duration::from_secs(60)));
    // Permission comes back: the retry writes the file.
    store.retry(&mut s).unwrap();
    assert!(store.health().file_error.is_none());
    drop(store);
    let on_disk = session::load(&path).unwrap();
    assert_eq!(
        on_disk.score("1.1", Column::Group(0)),
        Some(Score::Level(1))
    );
}

// 4. Opening a session that cannot be written names save-as and the journal.
#[test]
fn a_session_that_cannot_be_written_points_to_save_as() {
    let dir = tempfile::tempdir().unwrap();
    let path = session_killed_before_the_fold(dir.path());
    let mut perms = std::fs::metadata(&path).unwrap().permissions();
    perms.set_readonly(true);
    std::fs::set_permissions(&path, perms).unwrap();
    let err = Store::open(&path).unwrap_err().to_string();
    assert!(
        err.contains("awayday save-as") && err.contains("journal"),
        "{err}"
    );
}

// 5. An older journal put back beside a newer file is recognised by content and never
// replayed over the newer work, by the app or by any reader.
#[test]
fn an_older_journal_beside_a_newer_file_is_never_replayed() {
    let dir = tempfile::tempdir().unwrap();
    let path = new_session(dir.path(), "s.ron");
    let journal_path = dir.path().join(".s.ron.journal");
    let opened = Store::open(&path).unwrap();
    let (mut store, mut s) = (opened.store, opened.session);
    common::set_score(&mut s, "1.1", Column::Group(0), Some(Score::Level(1)));
    store.append(vec![score("1.1", "Red", 1)], None).unwrap();
    store.fold(&mut s).unwrap();
    common::set_score(&mut s, "1.1", Column::Group(0), Some(Score::Level(2)));
    store.append(vec![score("1.1", "Red", 2)], None).unwrap();
    let old_journal = std::fs::read(&journal_path).unwrap();
    store.fold(&mut s).unwrap();
    common::set_score(&mut s, "1.1", Column::Group(0), Some(Score::Level(4)));
    store.append(vec![score("1.1", "Red", 4)], None).unwrap();
    store.fold(&mut s).unwrap();
    drop(store);
    // The backup's journal is copied back beside the newer file (its time is newer still).
    std::fs::write(&journal_path, &old_journal).unwrap();
    let read = session::read(&path).unwrap();
    assert_eq!(
        read.session.score("1.1", Column::Group(0)),
        Some(Score::Level(4))
    );
    assert_eq!(read.unused, Some(session::Unused::Older));
    let opened = Store::open(&path).unwrap();
    assert_eq!(
        opened.session.score("1.1", Column::Group(0)),
        Some(Score::Level(4))
    );
    let said = opened.notices.join(" ");
    assert!(said.contains("older than the file"), "{said}");
    assert!(!said.contains("another program"), "{said}");
}

// 8. A file made read-only while open is not written over; the edits stay in the journal.
#[test]
fn a_file_made_read_only_while_open_is_not_written_over() {
    let dir = tempfile::tempdir().unwrap();
    let path = new_session(dir.path(), "s.ron");
    let opened = Store::open(&path).unwrap();
    let (mut store, mut s) = (opened.store, opened.session);
    store.append(vec![score("1.1", "Red", 1)], None).unwrap();
    common::set_score(&mut s, "1.1", Column::Group(0), Some(Score::Level(1)));
    let before = std::fs::read(&path).unwrap();
    let mut perms = std::fs::metadata(&path).unwrap().permissions();
    perms.set_readonly(true);
    std::fs::set_permissions(&path, perms).unwrap();
    let err = store.fold(&mut s).unwrap_err().to_string();
    assert!(err.contains("read-only"), "{err}");
    assert_eq!(std::fs::read(&path).unwrap(), before);
    assert_eq!(store.health().journal_only, 1);
    drop(store);
    let read = session::read(&path).unwrap();
    assert_eq!(
        read.session.score("1.1", Column::Group(0)),
        Some(Score::Level(1))
    );
}

// 3 and 4. The screen says at once, in words, where the edits are: only on screen when the
// journal cannot be written, only in the journal when the file cannot, and saved again
// when the fault goes, by itself.
#[test]
fn the_screen_says_which_edits_are_only_on_screen_and_which_only_in_the_journal() {
    use awayday::tui::app::{App, SaveState};
    use awayday::tui::persist;
    use ratatui::crossterm::event::KeyCode;

    let dir = tempfile::tempdir().unwrap();
    let path = new_session(dir.path(), "s.ron");
    let opened = Store::open(&path).unwrap();
    let mut store = opened.store;
    let mut app = App::new(benchmark(), opened.session, path.clone());
    let go_to_statement = [KeyCode::Char(']')];
    for k in go_to_statement {
        awayday::tui::update::update(&mut app, common::key(k));
    }
    let press = |app: &mut App, c: char| {
        awayday::tui::update::update(app, common::key(KeyCode::Char(c)));
    };

    // The disk is full: the journal cannot be written.
    failpoint::arm(Some((0, Mode::Error)));
    press(&mut app, '3');
    persist::journal(&mut app, &mut store);
    failpoint::disarm();
    assert!(
        matches!(app.save_state(), SaveState::Failed(why) if why.contains("1 edit only on screen")),
        "{:?}",
        app.save_state()
    );
    let said = app.message().unwrap().to_owned();
    assert!(
        said.contains("only on screen") && said.contains("keeps trying"),
        "{said}"
    );

    // Space returns: the retry writes the waiting edit, and the screen says so.
    store.retry(app.session_mut()).unwrap();
    persist::journal(&mut app, &mut store);
    press(&mut app, '2');
    persist::journal(&mut app, &mut store);
    assert_eq!(*app.save_state(), SaveState::Saved);
    assert!(app.message().unwrap().contains("holds every edit again"));

    // The file cannot be written (its folder made read-only): safe in the journal only.
    failpoint::arm(Some((2, Mode::Error)));
    persist::fold(&mut app, &mut store);
    failpoint::disarm();
    assert!(
        matches!(app.save_state(), SaveState::JournalOnly { edits: 2, .. }),
        "{:?}",
        app.save_state()
    );
    let said = app.message().unwrap().to_owned();
    assert!(
        said.contains("safe in its journal") && said.contains("awayday save-as"),
        "{said}"
    );
    drop(store);
    let read = session::read(&path).unwrap();
    assert_eq!(read.from_journal, 2);
}

// 3. Recovered edits that cannot be written into the file yet (a full disk at open) do not
// stop the session opening: they stay in the journal, and the user is told.
#[test]
fn a_session_whose_recovered_edits_cannot_be_folded_still_opens() {
    let dir = tempfile::tempdir().unwrap();
    let path = session_killed_before_the_fold(dir.path());
    // Opening writes the backup unless it already holds the file (a temporary file, its
    // write, flush and rename, the folder), then the fold's marker (its cut-back, write and
    // flush), then the fold's temporary file: the last one made.
    failpoint::arm(None);
    drop(Store::open(&path).unwrap());
    let clean = failpoint::disarm();
    let fold_temp = clean
        .iter()
        .enumerate()
        .rfind(|(_, n)| **n == "temp.create")
        .unwrap()
        .0;
    // The clean open folded; put the same situation back.
    let dir2 = tempfile::tempdir().unwrap();
    let path = session_killed_before_the_fold(dir2.path());
    let before = std::fs::read(&path).unwrap();
    failpoint::arm(Some((fold_temp, Mode::Error)));
    let opened = Store::open(&path);
    failpoint::disarm();
    let opened = opened.unwrap();
    assert_eq!(
        opened.session.score("2.1.a.1", Column::Group(0)),
        Some(Score::Level(3))
    );
    assert!(
        opened
            .notices
            .iter()
            .any(|n| n.contains("safe in its journal")),
        "{:?}",
        opened.notices
    );
    assert_eq!(opened.store.health().journal_only, 2);
    drop(opened);
    assert_eq!(std::fs::read(&path).unwrap(), before);
    assert_eq!(session::read(&path).unwrap().from_journal, 2);
}
