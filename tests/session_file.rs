//! The session file, trusted: links, locks, backups, the journal, other programs' changes and
//! bounded work, attacked through the library (the end-to-end side is in
//! `session_file_e2e.rs`). Each test names the item of the guarantees table it checks.
#![allow(clippy::unwrap_used)] // tests may unwrap: a panic is a failure

mod common;

#[cfg(unix)]
use std::os::unix::fs::MetadataExt;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use awayday::session::journal::{self, Draft, Entry};
use awayday::session::{self, Column, Score, Session, SessionLock, Store, StoreError};
use awayday::tui::action::Action;
use awayday::tui::overlays;
use awayday::tui::update::update;
use common::score_entry as score;
use common::{app_with, benchmark, key, type_text};
use ratatui::crossterm::event::KeyCode;

/// A new session file over the built-in benchmark, groups Red and Blue.
fn new_session(dir: &Path, name: &str) -> PathBuf {
    let fw = benchmark();
    let mut s = Session::new(&fw, vec!["Red".into(), "Blue".into()], "2026-11-24".into());
    s.title = name.into();
    let path = dir.join(name);
    session::save(&path, &s).unwrap();
    path
}

fn listing(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

// 1. A link splits the session.
#[cfg(unix)]
#[test]
fn a_symlinked_session_is_written_as_the_real_file_and_locked_by_any_name() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("real")).unwrap();
    let real = new_session(&dir.path().join("real"), "s.ron");
    let link = dir.path().join("cur.ron");
    std::os::unix::fs::symlink("real/s.ron", &link).unwrap();

    let opened = Store::open(&link).unwrap();
    let mut store = opened.store;
    let mut s = opened.session;
    // A second awayday by the real name, or through `..`, is refused while this one is open.
    for other in [
        real.clone(),
        dir.path().join("real/../real/s.ron"),
        link.clone(),
    ] {
        let err = Store::open(&other).unwrap_err();
        assert!(matches!(err, StoreError::Lock(_)), "{other:?}: {err}");
    }
    common::set_score(&mut s, "1.1", Column::Group(0), Some(Score::Level(3)));
    store.fold(&mut s).unwrap();
    drop(store);
    assert!(
        std::fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink(),
        "the link stays a link"
    );
    let on_disk = session::load(&real).unwrap();
    assert_eq!(
        on_disk.score("1.1", Column::Group(0)),
        Some(Score::Level(3))
    );
}

#[cfg(unix)]
#[test]
fn a_hard_linked_session_stays_one_file_and_is_locked_by_either_name() {
    let dir = tempfile::tempdir().unwrap();
    let real = new_session(dir.path(), "s.ron");
    let other = dir.path().join("other-name.ron");
    std::fs::hard_link(&real, &other).unwrap();

    let opened = Store::open(&other).unwrap();
    let mut store = opened.store;
    let mut s = opened.session;
    assert!(matches!(
        Store::open(&real).unwrap_err(),
        StoreError::Lock(_)
    ));
    common::set_notes(&mut s, "1.1", "through the hard link".into());
    store.fold(&mut s).unwrap();
    drop(store);
    let (a, b) = (
        std::fs::metadata(&real).unwrap(),
        std::fs::metadata(&other).unwrap(),
    );
    assert_eq!(
        (a.ino(), a.nlink()),
        (b.ino(), 2),
        "still one file, two names"
    );
    assert_eq!(
        session::load(&real).unwrap().notes("1.1"),
        "through the hard link"
    );
    assert!(!dir.path().join(".s.ron.swap").exists());
    assert!(!dir.path().join(".other-name.ron.swap").exists());
}

// 2. Another program's change is overwritten without a word.
#[test]
fn another_programs_change_stops_the_fold_and_is_never_overwritten() {
    let dir = tempfile::tempdir().unwrap();
    let path = new_session(dir.path(), "s.ron");
    let opened = Store::open(&path).unwrap();
    let mut store = opened.store;
    let mut s = opened.session;
    common::set_score(&mut s, "1.1", Column::Group(0), Some(Score::Level(2)));
    store.append(vec![score("1.1", "Red", 2)], None).unwrap();

    // A sync tool rewrites it (same size and second, so only the content tells).
    let theirs = std::fs::read_to_string(&path)
        .unwrap()
        .replace("title: \"s.ron\"", "title: \"s.rox\"");
    std::fs::write(&path, &theirs).unwrap();

    assert!(store.changed_elsewhere());
    let err = store.fold(&mut s).unwrap_err();
    assert!(matches!(err, StoreError::ChangedElsewhere { .. }), "{err}");
    assert!(store.in_conflict());
    // Nothing written over theirs, the backup is still the file as opened, the edit is in
    // the journal.
    assert_eq!(std::fs::read_to_string(&path).unwrap(), theirs);
    assert!(
        std::fs::read_to_string(session::backup_path(&path))
            .unwrap()
            .contains("title: \"s.ron\"")
    );
    // Merging keeps both: their title, our score.
    let mut merged = store.merge_with_theirs(&s).unwrap();
    assert_eq!(merged.title, "s.rox");
    assert_eq!(merged.score("1.1", Column::Group(0)), Some(Score::Level(2)));
    let kept = store.write_over_theirs(&mut merged).unwrap().unwrap();
    assert_eq!(std::fs::read_to_string(kept).unwrap(), theirs);
    assert!(!store.in_conflict());
    let on_disk = session::load(&path).unwrap();
    assert_eq!(on_disk, merged);
}

#[test]
fn a_rewrite_with_the_same_bytes_is_not_a_change() {
    let dir = tempfile::tempdir().unwrap();
    let path = new_session(dir.path(), "s.ron");
    let mut store = Store::open(&path).unwrap().store;
    let bytes = std::fs::read(&path).unwrap();
    std::fs::remove_file(&path).unwrap();
    std::fs::write(&path, bytes).unwrap(); // a new inode, the same content
    assert!(!store.changed_elsewhere());
}

#[test]
fn taking_theirs_reloads_their_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = new_session(dir.path(), "s.ron");
    let mut opened = Store::open(&path).unwrap();
    let mut store = opened.store;
    let text = std::fs::read_to_string(&path)
        .unwrap()
        .replace("title: \"s.ron\"", "title: \"theirs\"");
    std::fs::write(&path, text).unwrap();
    assert!(store.fold(&mut opened.session).is_err());
    let ours = store.keep_aside(&opened.session, "ours").unwrap();
    assert_eq!(session::load(&ours).unwrap().title, "s.ron");
    let theirs = store.take_theirs().unwrap();
    assert_eq!(theirs.title, "theirs");
    assert!(!store.in_conflict());
}

// 4. Planted links in a shared folder.
#[cfg(unix)]
#[test]
fn planted_links_at_the_lock_and_backup_are_never_written_through() {
    let dir = tempfile::tempdir().unwrap();
    let path = new_session(dir.path(), "team.ron");
    let victim = dir.path().join("victim.txt");
    std::fs::write(&victim, "precious").unwrap();

    std::os::unix::fs::symlink(&victim, dir.path().join(".team.ron.lock")).unwrap();
    let err = Store::open(&path).unwrap_err().to_string();
    assert!(err.contains("symbolic link"), "{err}");
    assert_eq!(std::fs::read_to_string(&victim).unwrap(), "precious");
    std::fs::remove_file(dir.path().join(".team.ron.lock")).unwrap();

    std::os::unix::fs::symlink(&victim, dir.path().join("team.ron.bak")).unwrap();
    let opened = Store::open(&path).unwrap();
    assert!(
        opened.notices.iter().any(|n| n.contains("No backup")),
        "{:?}",
        opened.notices
    );
    assert_eq!(std::fs::read_to_string(&victim).unwrap(), "precious");
    drop(opened);

    std::fs::remove_file(dir.path().join(".team.ron.journal")).unwrap();
    std::os::unix::fs::symlink(&victim, dir.path().join(".team.ron.journal")).unwrap();
    let err = Store::open(&path).unwrap_err().to_string();
    assert!(err.contains("symbolic link"), "{err}");
    assert_eq!(std::fs::read_to_string(&victim).unwrap(), "precious");
}

// 9. The lock has a race.
#[test]
fn the_lock_file_outlives_its_holder_so_two_processes_always_share_one_lock() {
    let dir = tempfile::tempdir().unwrap();
    let path = new_session(dir.path(), "s.ron");
    let lock_path = session::lock_path(&path);
    let first = SessionLock::acquire(&path, &path).unwrap();
    let id = awayday::files::file_id(&lock_path).unwrap();
    drop(first);
    // Not deleted on release: a process that opened it just before would otherwise lock a
    // deleted file while a third created a new one.
    assert_eq!(awayday::files::file_id(&lock_path), Some(id));
    let second = SessionLock::acquire(&path, &path).unwrap();
    assert!(SessionLock::acquire(&path, &path).is_err());
    drop(second);
}

// 10. Temporary files, the umask, the backup.
#[test]
fn temporary_files_left_by_a_killed_run_are_removed_on_open() {
    let dir = tempfile::tempdir().unwrap();
    let path = new_session(dir.path(), "s.ron");
    let stale = dir.path().join(".s.ron.4242-0.awayday-tmp");
    std::fs::write(&stale, "half a file").unwrap();
    let other = dir.path().join(".t.ron.4242-0.awayday-tmp");
    std::fs::write(&other, "another session's").unwrap();
    let _open = Store::open(&path).unwrap();
    assert!(!stale.exists());
    assert!(
        other.exists(),
        "another session's files are not ours to remove"
    );
}

#[test]
fn the_backup_is_the_file_as_opened_and_verified() {
    let dir = tempfile::tempdir().unwrap();
    let path = new_session(dir.path(), "s.ron");
    let first = std::fs::read(&path).unwrap();
    let opened = Store::open(&path).unwrap();
    let (mut store, mut s) = (opened.store, opened.session);
    for v in 1..=4 {
        common::set_score(&mut s, "1.1", Column::Group(0), Some(Score::Level(v)));
        store.fold(&mut s).unwrap();
    }
    assert_eq!(std::fs::read(session::backup_path(&path)).unwrap(), first);
}

// 13. Every keystroke rewrote the whole file.
#[test]
fn an_edit_writes_a_small_record_whatever_the_size_of_the_session() {
    let dir = tempfile::tempdir().unwrap();
    let path = new_session(dir.path(), "s.ron");
    // A session full of long notes: about 4 MB.
    let fw = benchmark();
    let mut big = session::load(&path).unwrap();
    for n in fw.nodes() {
        common::set_notes(
            &mut big,
            &n.id,
            "A long note about the evidence. ".repeat(600),
        );
    }
    session::save(&path, &big).unwrap();
    let size = std::fs::metadata(&path).unwrap().len();
    assert!(size > 3_000_000, "{size}");
    let before = std::fs::read(&path).unwrap();

    let mut store = Store::open(&path).unwrap().store;
    let written = store
        .append(vec![score("2.1.a.1", "Blue", 4)], Some("2.1.a.1".into()))
        .unwrap();
    assert!(written < 200, "{written} bytes for one score");
    // A keystroke inside one of those long notes is journalled as the keystroke.
    let note = big.notes("1.1").to_owned();
    let typed = format!("{note}x");
    let written = store
        .append(vec![journal::notes_entry("1.1", &note, &typed)], None)
        .unwrap();
    assert!(written < 200, "{written} bytes for one typed character");
    // The readable file is untouched until the fold.
    assert_eq!(std::fs::read(&path).unwrap(), before);
}

#[test]
fn moving_around_writes_nothing() {
    let mut app = app_with(benchmark(), &["Red", "Blue"]);
    for a in [
        Action::Down,
        Action::Down,
        Action::Right,
        Action::PageDown,
        Action::Up,
    ] {
        update(&mut app, a);
    }
    assert!(app.history_mut().take_applied().is_empty());
    assert!(app.outbox().is_empty());
}

// The journal replayed.
#[test]
fn a_journal_is_replayed_on_open_and_a_torn_record_is_dropped_with_a_word() {
    let dir = tempfile::tempdir().unwrap();
    let path = new_session(dir.path(), "s.ron");
    {
        let mut store = Store::open(&path).unwrap().store;
        store.append(vec![score("1.1", "Red", 3)], None).unwrap();
        store
            .append(vec![score("1.2", "Blue", 1)], Some("1.2".into()))
            .unwrap();
        store.append(vec![score("1.3", "Red", 4)], None).unwrap();
        // Dropped without a fold: as if killed.
    }
    let journal_path = dir.path().join(".s.ron.journal");
    let len = std::fs::metadata(&journal_path).unwrap().len();
    // Cut the last record in the middle, as a crash while writing it would.
    std::fs::OpenOptions::new()
        .write(true)
        .open(&journal_path)
        .unwrap()
        .set_len(len - 20)
        .unwrap();
    let opened = Store::open(&path).unwrap();
    let s = &opened.session;
    assert_eq!(s.score("1.1", Column::Group(0)), Some(Score::Level(3)));
    assert_eq!(s.score("1.2", Column::Group(1)), Some(Score::Level(1)));
    assert_eq!(s.score("1.3", Column::Group(0)), None, "the torn record");
    assert_eq!(s.selected.as_deref(), Some("1.2"));
    let said = opened.notices.join(" ");
    assert!(said.contains("middle of an edit"), "{said}");
    assert!(said.contains("Recovered 2 edits"), "{said}");
    // Recovered edits are folded into the readable file at once.
    drop(opened);
    let on_disk = session::load(&path).unwrap();
    assert_eq!(
        on_disk.score("1.2", Column::Group(1)),
        Some(Score::Level(1))
    );
}

#[test]
fn a_journal_from_another_session_is_refused_and_kept() {
    let dir = tempfile::tempdir().unwrap();
    let a = new_session(dir.path(), "a.ron");
    let b = new_session(dir.path(), "b.ron");
    {
        let mut store = Store::open(&a).unwrap().store;
        store.append(vec![score("1.1", "Red", 4)], None).unwrap();
    }
    std::fs::copy(
        dir.path().join(".a.ron.journal"),
        dir.path().join(".b.ron.journal"),
    )
    .unwrap();
    let opened = Store::open(&b).unwrap();
    assert_eq!(opened.session.score("1.1", Column::Group(0)), None);
    let said = opened.notices.join(" ");
    assert!(said.contains("belongs to another session"), "{said}");
    assert!(
        listing(dir.path())
            .iter()
            .any(|n| n.starts_with(".b.ron.journal.refused")),
        "{:?}",
        listing(dir.path())
    );
}

#[test]
fn a_crash_between_writing_the_file_and_emptying_the_journal_replays_nothing_twice() {
    let dir = tempfile::tempdir().unwrap();
    let path = new_session(dir.path(), "s.ron");
    let journal_path = dir.path().join(".s.ron.journal");
    let opened = Store::open(&path).unwrap();
    let (mut store, mut s) = (opened.store, opened.session);
    let long = "x".repeat(5000);
    common::set_notes(&mut s, "1.1", long.clone());
    store
        .append(vec![journal::notes_entry("1.1", "", &long)], None)
        .unwrap();
    let with_y = format!("{long}y");
    store
        .append(vec![journal::notes_entry("1.1", &long, &with_y)], None)
        .unwrap();
    common::set_notes(&mut s, "1.1", with_y.clone());
    let kept = std::fs::read(&journal_path).unwrap();
    store.fold(&mut s).unwrap();
    drop(store);
    // Put back the journal as it was just after the fold's marker and before it was emptied.
    let folded = std::fs::read_to_string(&path).unwrap();
    let marker = journal::encode_line(&journal::Record {
        selected: None,
        entries: vec![Entry::Fold {
            digest: journal::digest(folded.as_bytes()),
            saves: session::parse(&folded, "").unwrap().saves,
        }],
    });
    let mut text = kept;
    text.extend_from_slice(marker.as_bytes());
    std::fs::write(&journal_path, text).unwrap();
    let opened = Store::open(&path).unwrap();
    assert_eq!(opened.session.notes("1.1"), with_y);
    assert!(opened.notices.is_empty(), "{:?}", opened.notices);
}

#[test]
fn form_text_in_the_journal_comes_back_as_a_draft() {
    let dir = tempfile::tempdir().unwrap();
    let path = new_session(dir.path(), "s.ron");
    let draft = Draft::Action {
        node: "1.1".into(),
        index: None,
        text: "Ask HR for the staff survey".into(),
        owner: "Sam".into(),
        due: String::new(),
        recommendation: None,
        priority: None,
    };
    {
        let mut store = Store::open(&path).unwrap().store;
        store
            .append(vec![Entry::Draft(Some(draft.clone()))], None)
            .unwrap();
    }
    let opened = Store::open(&path).unwrap();
    assert_eq!(opened.draft, Some(draft.clone()));
    let mut app = app_with(benchmark(), &["Red", "Blue"]);
    app.restore_draft(draft);
    assert!(app.view::<overlays::ActionsOverlay>().is_some());
    // Finishing the form keeps the action.
    update(&mut app, key(KeyCode::Enter));
    assert_eq!(
        app.session().actions("1.1")[0].text,
        "Ask HR for the staff survey"
    );
}

#[test]
fn typing_in_a_form_journals_its_text() {
    let mut app = app_with(benchmark(), &["Red"]);
    update(&mut app, Action::Settings);
    update(&mut app, key(KeyCode::Enter)); // the title
    type_text(&mut app, "Away");
    let drafts: Vec<&Entry> = app
        .outbox()
        .iter()
        .filter(|e| matches!(e, Entry::Draft(Some(_))))
        .collect();
    assert!(
        matches!(drafts.last(), Some(Entry::Draft(Some(Draft::Meta { value, .. }))) if value == "Away"),
        "{drafts:?}"
    );
}

// 6. A big paste freezes the app.
#[test]
fn pastes_are_handled_whole_and_quickly_and_a_huge_one_is_refused() {
    let mut app = app_with(benchmark(), &["Red"]);
    update(&mut app, Action::EditNotes);
    let big = "Evidence from the staff survey. ".repeat(12_500); // 400 K characters
    let start = Instant::now();
    update(&mut app, Action::Paste(big.clone()));
    let took = start.elapsed();
    assert!(took < Duration::from_secs(1), "400 K paste took {took:?}");
    assert_eq!(app.session().notes(app.selected_id()).len(), big.len());

    let huge = "x".repeat(10 * 1024 * 1024);
    let start = Instant::now();
    update(&mut app, Action::Paste(huge));
    let took = start.elapsed();
    assert!(took < Duration::from_secs(1), "10 MB paste took {took:?}");
    assert!(app.message().unwrap_or("").contains("Nothing was pasted"));
    // Esc answers at once and keeps the notes.
    update(&mut app, key(KeyCode::Esc));
    assert!(!app.has_view());

    update(&mut app, Action::Search);
    let long = "golden thread ".repeat(200);
    let start = Instant::now();
    update(&mut app, Action::Paste(long));
    let took = start.elapsed();
    assert!(
        took < Duration::from_millis(500),
        "search paste took {took:?}"
    );
    let Some(search) = app.view::<overlays::SearchOverlay>() else {
        panic!("search is open");
    };
    assert_eq!(search.query().chars().count(), 200);
}

#[test]
fn findings_being_typed_are_kept_like_any_form() {
    let mut app = app_with(benchmark(), &["Red"]);
    common::select(&mut app, "2.1");
    update(
        &mut app,
        Action::Key(ratatui::crossterm::event::KeyEvent::new(
            KeyCode::Char('F'),
            ratatui::crossterm::event::KeyModifiers::NONE,
        )),
    );
    type_text(&mut app, "Clear ambition");
    let draft = app
        .outbox()
        .iter()
        .rev()
        .find_map(|e| match e {
            Entry::Draft(Some(d)) => Some(d.clone()),
            _ => None,
        })
        .unwrap();
    assert!(
        matches!(&draft, Draft::Findings { node: Some(n), fields } if n == "2.1" && fields[0] == "Clear ambition"),
        "{draft:?}"
    );
    // After a kill, the form comes back with its text and is kept with Enter.
    let mut again = app_with(benchmark(), &["Red"]);
    again.restore_draft(draft);
    assert!(again.view::<overlays::FindingsOverlay>().is_some());
    update(&mut again, key(KeyCode::Enter));
    assert_eq!(
        again.session().findings(Some("2.1")).strengths,
        "Clear ambition"
    );
}
