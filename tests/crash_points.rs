//! Crash at every write point, the way `SQLite` tests its commits: a workshop's file work
//! (opening with edits to recover and a backup to keep, appending edits, folding them into
//! the file, a hard-linked file rewritten in place, the watchdog's fold from disk) is run
//! once to count its writes, flushes, renames and truncates, then once per point and per
//! way of failing there: an error the program lives through (a full disk), the process
//! dying just before it, and the process dying half-way through it. After each, the session
//! is read back by the shell commands' reader and by opening it as the app does, and must
//! hold every edit that was acknowledged, once, with nothing half-applied; and a failure the
//! program lived through must have been reported.
#![allow(clippy::unwrap_used)] // tests may unwrap: a panic is a failure

mod common;

use std::path::{Path, PathBuf};

use awayday::failpoint::{self, Mode};
use awayday::session::journal::{self, Entry};
use awayday::session::{self, Column, Nodes, Score, Session, Store};
use common::benchmark;

/// How the file is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Scenario {
    /// Renamed over atomically.
    Plain,
    /// Hard-linked: rewritten in place, with a swap copy beside it first.
    HardLinked,
    /// Folded from disk by the watchdog (the terminal has gone) instead of by the app.
    Watchdog,
}

/// One edit of the script: a score or a note, each an absolute value.
#[derive(Debug, Clone)]
enum Step {
    Score(&'static str, u8),
    Note(&'static str, &'static str),
    Fold,
}

const SCRIPT: &[Step] = &[
    Step::Score("1.1", 1),
    Step::Score("1.2", 2),
    Step::Note("1.1", "Strong evidence from the staff survey"),
    Step::Fold,
    Step::Score("1.3", 3),
    Step::Score("1.1", 4),
    Step::Note("1.1", "Revised after the break"),
    Step::Fold,
    Step::Score("2.1.a.1", 2),
];

/// Edits already in the journal when the trial starts (an earlier run was killed).
const EARLIER: &[Step] = &[
    Step::Score("3.1.a.1", 4),
    Step::Note("3.1.a.1", "from before"),
];

fn entry(step: &Step) -> Option<Entry> {
    match step {
        Step::Score(id, v) => Some(Entry::Score {
            node: (*id).into(),
            group: Some("Red".into()),
            score: Some(Score::Level(*v)),
        }),
        Step::Note(id, text) => Some(Entry::Notes {
            node: (*id).into(),
            text: (*text).into(),
        }),
        Step::Fold => None,
    }
}

fn apply(s: &mut Session, step: &Step) {
    match step {
        Step::Score(id, v) => {
            common::set_score(s, id, Column::Group(0), Some(Score::Level(*v)));
        }
        Step::Note(id, text) => common::set_notes(s, id, (*text).into()),
        Step::Fold => {}
    }
}

/// The nodes after the earlier edits and the first `n` edits of the script.
fn expected(base: &Session, n: usize) -> Nodes<awayday::session::NodeRecord> {
    let mut s = base.clone();
    for step in EARLIER {
        apply(&mut s, step);
    }
    for step in SCRIPT.iter().filter(|s| !matches!(s, Step::Fold)).take(n) {
        apply(&mut s, step);
    }
    s.nodes
}

struct Setup {
    _dir: tempfile::TempDir,
    path: PathBuf,
    base: Session,
}

/// A session with two edits in its journal that were never folded.
fn setup(scenario: Scenario) -> Setup {
    let dir = tempfile::tempdir().unwrap();
    let fw = benchmark();
    let base = Session::new(&fw, vec!["Red".into(), "Blue".into()], "2026-12-07".into());
    let path = dir.path().join("s.ron");
    session::save(&path, &base).unwrap();
    if scenario == Scenario::HardLinked {
        std::fs::hard_link(&path, dir.path().join("link.ron")).unwrap();
    }
    let mut store = Store::open(&path).unwrap().store;
    for step in EARLIER {
        store.append(vec![entry(step).unwrap()], None).unwrap();
    }
    drop(store);
    Setup {
        _dir: dir,
        path,
        base,
    }
}

/// What a trial did: edits acknowledged (the append or fold returned success), edits tried,
/// and whether every failure the program lived through was reported.
struct Trial {
    /// The program lived through the failure (an error, a write cut short).
    lived: bool,
    acknowledged: usize,
    tried: usize,
    failed_unreported: bool,
    steps: usize,
    /// The points passed, by name.
    names: Vec<&'static str>,
}

/// Runs the script, failing the point `at` as its mode says; `clean` names the points of a
/// clean run, in order.
fn run(
    path: &Path,
    scenario: Scenario,
    at: Option<(usize, Mode)>,
    clean: &[&'static str],
) -> Trial {
    failpoint::arm(at);
    let mut trial = Trial {
        lived: !matches!(at, Some((_, Mode::Death | Mode::Torn))),
        acknowledged: 0,
        tried: 0,
        failed_unreported: false,
        steps: 0,
        names: Vec::new(),
    };
    let dead = |at: Option<(usize, Mode)>| matches!(at, Some((n, Mode::Death | Mode::Torn)) if failpoint::steps() > n);
    let Ok(opened) = Store::open(path) else {
        trial.steps = failpoint::steps();
        trial.names = failpoint::disarm();
        return trial; // the user is told and awayday does not start
    };
    let (mut store, mut s) = (opened.store, opened.session);
    if matches!(at, Some((n, Mode::Error | Mode::Short)) if failpoint::steps() > n)
        && opened.notices.is_empty()
        && store.health() == session::Health::default()
    {
        // A failure while opening that was neither refused nor reported.
        trial.failed_unreported = true;
    }
    for step in SCRIPT {
        if dead(at) {
            break;
        }
        let before = failpoint::steps();
        let ok = match step {
            Step::Fold if scenario == Scenario::Watchdog => {
                // The watchdog folds from disk and the process exits.
                let ok = session::fold_on_disk(store.path()).is_ok();
                if matches!(at, Some((n, Mode::Error | Mode::Short)) if before <= n && failpoint::steps() > n)
                    && ok
                {
                    trial.failed_unreported = true;
                }
                break;
            }
            Step::Fold => store.fold(&mut s).is_ok(),
            other => {
                apply(&mut s, other);
                trial.tried += 1;
                store.append(vec![entry(other).unwrap()], None).is_ok()
            }
        };
        let health = store.health();
        let reported = !ok || health.journal_error.is_some() || health.file_error.is_some();
        let failed_here = matches!(at, Some((n, Mode::Error | Mode::Short)) if before <= n && failpoint::steps() > n);
        // An in-place rewrite that fails is written once more at once; when that succeeds,
        // nothing was lost and there is nothing to tell.
        let retried =
            ok && at.is_some_and(|(n, _)| clean.get(n).is_some_and(|p| p.starts_with("in-place.")));
        if failed_here && !reported && !retried {
            trial.failed_unreported = true;
        }
        // Success covers every edit made so far: records that waited are written first,
        // and a fold writes the whole session.
        if ok && health.on_screen_only == 0 {
            trial.acknowledged = trial.tried;
        }
    }
    trial.steps = failpoint::steps();
    trial.names = failpoint::disarm();
    drop(store); // killed: the lock goes, whatever is on disk stays
    trial
}

/// Reads the session back every way there is and checks it against the trial.
fn verify(setup: &Setup, trial: &Trial, what: &str) {
    let read = session::read(&setup.path).unwrap_or_else(|e| panic!("{what}: read: {e}"));
    let allowed: Vec<_> = (trial.acknowledged..=trial.tried)
        .map(|n| expected(&setup.base, n))
        .collect();
    assert!(
        allowed.contains(&read.session.nodes),
        "{what}: the reader's session is not the earlier edits plus {}..={} of the script:\n{:#?}",
        trial.acknowledged,
        trial.tried,
        read.session.nodes
    );
    if trial.lived {
        // A program that lived through a failed write cut the journal back: no damage is
        // left for a reader to skip.
        assert!(
            !read
                .notices
                .iter()
                .any(|n| n.contains("damaged") || n.contains("middle of an edit")),
            "{what}: {:?}",
            read.notices
        );
    }
    let opened = Store::open(&setup.path).unwrap_or_else(|e| panic!("{what}: open: {e}"));
    assert_eq!(
        opened.session.nodes, read.session.nodes,
        "{what}: the app and the reader disagree"
    );
    drop(opened);
    // Opened once more, after the app's own recovery wrote the file: still the same.
    let again = session::read(&setup.path).unwrap();
    assert_eq!(
        again.session.nodes, read.session.nodes,
        "{what}: after recovery"
    );
    assert!(
        !trial.failed_unreported,
        "{what}: a failed write was not reported"
    );
}

/// Walks every point of one scenario in every mode; returns how many were tried.
fn walk(scenario: Scenario) -> usize {
    let clean = setup(scenario);
    let trial = run(&clean.path, scenario, None, &[]);
    assert_eq!(trial.acknowledged, trial.tried, "{scenario:?}: a clean run");
    verify(&clean, &trial, &format!("{scenario:?} clean"));
    let points = trial.steps;
    assert!(points >= 20, "{scenario:?}: only {points} points counted");
    let mut tried = 0;
    for at in 0..points {
        for mode in [Mode::Error, Mode::Short, Mode::Death, Mode::Torn] {
            let lives = matches!(mode, Mode::Error | Mode::Short);
            if lives && trial.names[at] == "folder.sync" {
                continue; // flushing a folder reports no error that matters (files::sync_dir)
            }
            let s = setup(scenario);
            let t = run(&s.path, scenario, Some((at, mode)), &trial.names);
            let name = trial.names[at];
            verify(
                &s,
                &t,
                &format!("{scenario:?} {mode:?} at point {at} ({name})"),
            );
            tried += 1;
        }
    }
    println!("{scenario:?}: {points} points, {tried} crash trials");
    tried
}

#[test]
fn every_write_point_survives_an_error_and_a_death_plain() {
    assert!(walk(Scenario::Plain) >= 100);
}

#[test]
fn every_write_point_survives_an_error_and_a_death_hard_linked() {
    assert!(walk(Scenario::HardLinked) >= 100);
}

#[test]
fn every_write_point_survives_an_error_and_a_death_watchdog() {
    assert!(walk(Scenario::Watchdog) >= 60);
}

/// The names of the points a clean run passes, so a new write path cannot slip past the
/// walk unnamed: each kind of write is among them.
#[test]
fn the_walk_passes_every_kind_of_write() {
    let mut names = std::collections::BTreeSet::new();
    for scenario in [Scenario::Plain, Scenario::HardLinked, Scenario::Watchdog] {
        let s = setup(scenario);
        failpoint::arm(None);
        let opened = Store::open(&s.path).unwrap();
        let (mut store, mut session) = (opened.store, opened.session);
        apply(&mut session, &SCRIPT[0]);
        store
            .append(vec![entry(&SCRIPT[0]).unwrap()], None)
            .unwrap();
        if scenario == Scenario::Watchdog {
            session::fold_on_disk(store.path()).unwrap();
        } else {
            store.fold(&mut session).unwrap();
        }
        names.extend(failpoint::disarm());
    }
    for name in [
        "journal.write",
        "journal.sync",
        "journal.cut-back",
        "temp.create",
        "temp.write",
        "temp.sync",
        "rename",
        "folder.sync",
        "in-place.truncate",
        "in-place.write",
        "in-place.sync",
    ] {
        assert!(names.contains(name), "{name} not passed: {names:?}");
    }
    let _ = journal::MAGIC;
}
