//! The parse cache: a session or framework file read again with the same bytes comes back
//! from the cache as exactly what parsing gives; any other bytes, or a damaged, cut short or
//! foreign entry, are parsed as if there were no cache; a cache folder that cannot be written
//! changes nothing; the journal is replayed over a value from the cache as over a parsed one;
//! and a fold leaves the entry for the text it wrote, so the next open is a hit.
//!
//! The cache's folder is set for the whole process, so these tests take turns.
#![allow(clippy::unwrap_used)] // tests may unwrap: a panic is a failure

mod common;

use std::path::{Path, PathBuf};
use std::sync::{Mutex, MutexGuard, PoisonError};

use awayday::cache::{self, Kind};
use awayday::session::{self, Column, Score, Session, Store};
use common::{benchmark, score_entry, set_notes, set_score};

static TURN: Mutex<()> = Mutex::new(());

/// This test's turn, with the cache on (for files of any size) in a folder of its own.
fn cache_in(dir: &Path) -> (MutexGuard<'static, ()>, PathBuf) {
    let turn = TURN.lock().unwrap_or_else(PoisonError::into_inner);
    let folder = dir.join("cache");
    cache::configure(Some(folder.clone()), 0);
    (turn, folder)
}

/// A session with scores, agreed scores and notes: most of what the file can hold.
fn new_session(dir: &Path) -> PathBuf {
    let fw = benchmark();
    let mut s = Session::new(&fw, vec!["Red".into(), "Blue".into()], "2026-11-24".into());
    for (i, id) in fw
        .statements()
        .take(40)
        .map(|ix| fw.node(ix).id.clone())
        .enumerate()
    {
        let v = u8::try_from(i % 4).unwrap() + 1;
        set_score(&mut s, &id, Column::Group(0), Some(Score::Level(v)));
        set_score(&mut s, &id, Column::Group(1), Some(Score::NotApplicable));
        if i % 3 == 0 {
            set_score(&mut s, &id, Column::Agreed, Some(Score::Level(v)));
            set_notes(&mut s, &id, format!("notes on {id}: «evidence» ✓"));
        }
    }
    let path = dir.join("s.ron");
    session::save(&path, &s).unwrap();
    path
}

/// The session as parsing its file alone gives it.
fn parsed(path: &Path) -> Session {
    session::parse(&std::fs::read_to_string(path).unwrap(), "").unwrap()
}

/// Plants, as the entry for the file's bytes as they are now, the file's session with
/// another title: a read that shows that title read the cache.
fn plant_doctored(path: &Path) -> PathBuf {
    let bytes = std::fs::read(path).unwrap();
    let mut doctored = parsed(path);
    // Every read that missed keeps the file's own parse on a worker: those end first, so
    // none lands on top of the doctored entry.
    cache::settle();
    doctored.title = "FROM THE CACHE".into();
    cache::put_text(&bytes, &doctored);
    cache::settle();
    let entry = cache::entry_for(Kind::Session, &bytes).unwrap();
    assert!(entry.is_file());
    entry
}

#[test]
fn a_hit_gives_exactly_the_session_a_parse_gives() {
    let dir = tempfile::tempdir().unwrap();
    let (_turn, _) = cache_in(dir.path());
    let path = new_session(dir.path());
    let first = session::read(&path).unwrap().session;
    cache::settle();
    let entry = cache::entry_for(Kind::Session, &std::fs::read(&path).unwrap()).unwrap();
    assert!(entry.is_file(), "a parse leaves an entry");
    let hits = cache::hits();
    let again = session::read(&path).unwrap().session;
    assert_eq!(cache::hits(), hits + 1, "the second read is a hit");
    assert_eq!(again, parsed(&path));
    assert_eq!(again, first);
}

#[test]
fn a_hit_reads_the_cache_and_one_changed_byte_misses() {
    let dir = tempfile::tempdir().unwrap();
    let (_turn, _) = cache_in(dir.path());
    let path = new_session(dir.path());
    plant_doctored(&path);
    assert_eq!(
        session::read(&path).unwrap().session.title,
        "FROM THE CACHE"
    );
    // One byte of the date changed: another file, parsed.
    let text = std::fs::read_to_string(&path).unwrap();
    let changed = text.replacen("2026-11-24", "2026-11-25", 1);
    assert_eq!(changed.len(), text.len());
    std::fs::write(&path, &changed).unwrap();
    let read = session::read(&path).unwrap().session;
    assert_ne!(read.title, "FROM THE CACHE");
    assert_eq!(read, parsed(&path));
}

#[test]
fn a_damaged_cut_short_or_foreign_entry_is_passed_over_for_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let (_turn, _) = cache_in(dir.path());
    let path = new_session(dir.path());
    let entry = plant_doctored(&path);
    let good = std::fs::read(&entry).unwrap();
    // A letter of a note changed: still a well-formed value, but not the file's.
    let mut damaged = good.clone();
    let note = good.windows(8).position(|w| w == b"evidence").unwrap();
    damaged[note] ^= 0x20;
    let mut foreign = good.clone();
    foreign[8] ^= 0xff; // the layout's number
    let mut other_version = good.clone();
    other_version[13] ^= 0x01; // the first byte of awayday's version
    // A build whose kept types differ (any change to the files that define them) names them
    // by another hash, written after the version.
    let types = env!("PARSE_CACHE_TYPES").as_bytes();
    let at = good[..64]
        .windows(types.len())
        .position(|w| w == types)
        .expect("the entry names the build's types");
    let mut other_types = good.clone();
    other_types[at] ^= 0x01;
    let cases: [(&str, &[u8]); 6] = [
        ("damaged", &damaged),
        ("cut short", &good[..good.len() - 100]),
        ("cut in its header", &good[..10]),
        ("of another layout", &foreign),
        ("of another version", &other_version),
        ("of other types", &other_types),
    ];
    for (what, bytes) in cases {
        std::fs::write(&entry, bytes).unwrap();
        let read = session::read(&path).unwrap().session;
        assert_eq!(read, parsed(&path), "an entry {what} is passed over");
        // The miss keeps the file's own parse, on a worker: let it end before the next case
        // is planted, or it lands on top of it.
        cache::settle();
    }
    // The untouched entry is a hit: the cases above were not misses for another reason.
    std::fs::write(&entry, &good).unwrap();
    assert_eq!(
        session::read(&path).unwrap().session.title,
        "FROM THE CACHE"
    );
}

#[test]
fn a_cache_folder_that_cannot_be_written_or_read_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let (_turn, _) = cache_in(dir.path());
    let path = new_session(dir.path());
    // The cache's folder is a file: nothing can be made in it, nor read from it.
    let blocked = dir.path().join("blocked");
    std::fs::write(&blocked, "not a folder").unwrap();
    cache::configure(Some(blocked.join("parsed")), 0);
    let read = session::read(&path).unwrap();
    cache::settle();
    assert_eq!(read.session, parsed(&path));
    let opened = Store::open(&path).unwrap();
    assert_eq!(opened.session, parsed(&path));
}

#[test]
fn the_journal_is_replayed_over_a_value_from_the_cache() {
    let dir = tempfile::tempdir().unwrap();
    let (_turn, _) = cache_in(dir.path());
    let path = new_session(dir.path());
    let fw = benchmark();
    let last = fw.statements().last().unwrap();
    let node = fw.node(last).id.clone();
    {
        // A score journalled and not folded: as after a crash.
        let opened = Store::open(&path).unwrap();
        let (mut store, mut s) = (opened.store, opened.session);
        set_score(&mut s, &node, Column::Group(0), Some(Score::Level(3)));
        store
            .append(vec![score_entry(&node, "Red", 3)], None)
            .unwrap();
        drop(store);
    }
    plant_doctored(&path);
    let read = session::read(&path).unwrap();
    assert_eq!(read.session.title, "FROM THE CACHE");
    assert_eq!(read.from_journal, 1);
    assert_eq!(
        read.session.score(&node, Column::Group(0)),
        Some(Score::Level(3))
    );
}

#[test]
fn a_fold_leaves_the_entry_the_next_open_reads() {
    let dir = tempfile::tempdir().unwrap();
    let (_turn, _) = cache_in(dir.path());
    let path = new_session(dir.path());
    let fw = benchmark();
    let first = fw.statements().next().unwrap();
    let node = fw.node(first).id.clone();
    let opened = Store::open(&path).unwrap();
    let (mut store, mut s) = (opened.store, opened.session);
    for (v, on_the_worker) in [(2, true), (4, false)] {
        set_score(&mut s, &node, Column::Group(1), Some(Score::Level(v)));
        store
            .append(vec![score_entry(&node, "Blue", v)], None)
            .unwrap();
        if on_the_worker {
            assert!(store.fold_in_background(&s).unwrap());
            assert!(store.fold_progress(&mut s, true).unwrap().is_ok());
        } else {
            store.fold(&mut s).unwrap();
        }
        cache::settle();
        let written = std::fs::read(&path).unwrap();
        let entry = cache::entry_for(Kind::Session, &written).unwrap();
        assert!(
            entry.is_file(),
            "the fold (worker: {on_the_worker}) left an entry"
        );
        let hits = cache::hits();
        let again = session::read(&path).unwrap().session;
        assert_eq!(cache::hits(), hits + 1, "the next read is a hit");
        assert_eq!(again, parsed(&path));
        assert_eq!(again.score(&node, Column::Group(1)), Some(Score::Level(v)));
    }
}

#[test]
fn a_framework_file_read_again_is_a_hit_with_the_same_framework() {
    let dir = tempfile::tempdir().unwrap();
    let (_turn, _) = cache_in(dir.path());
    let path = dir.path().join("framework.ron");
    let source =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("data/corporate-peer-review-benchmark.ron");
    std::fs::copy(source, &path).unwrap();
    let text = std::fs::read_to_string(&path).unwrap();
    let fresh = awayday::framework::parse(&text, "").unwrap();
    let first = awayday::framework::load_path(&path).unwrap();
    cache::settle();
    let hits = cache::hits();
    let again = awayday::framework::load_path(&path).unwrap();
    assert_eq!(cache::hits(), hits + 1, "the second load is a hit");
    for fw in [&first, &again] {
        assert_eq!(fw.digest, fresh.digest);
        assert_eq!(fw.nodes(), fresh.nodes());
        assert_eq!(fw.scale, fresh.scale);
        assert_eq!(
            (&fw.id, &fw.title, &fw.edition, &fw.source),
            (&fresh.id, &fresh.title, &fresh.edition, &fresh.source)
        );
    }
    // A damaged entry: parsed again, the same.
    let entry = cache::entry_for(Kind::Framework, text.as_bytes()).unwrap();
    let mut bytes = std::fs::read(&entry).unwrap();
    let at = bytes.len() - 10;
    bytes[at] ^= 0x01;
    std::fs::write(&entry, &bytes).unwrap();
    let hits = cache::hits();
    let damaged = awayday::framework::load_path(&path).unwrap();
    assert_eq!(cache::hits(), hits, "a damaged entry is no hit");
    assert_eq!(damaged.nodes(), fresh.nodes());
}
