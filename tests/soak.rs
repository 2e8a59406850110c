//! The soak test: random keys at human pace over every view of the real binary in tmux, `kill -9`
//! and a restart at random moments, a ledger of every score the screen showed, checked at the
//! end against every reader (`export`, `report --format csv`, `check`, `save-as`, the reader
//! and reopening), and the app's memory sampled throughout.
//!
//! Ignored by default: `scripts/soak.sh [SECONDS] [SEED]` runs it (`AWAYDAY_SOAK_SECS`,
//! `AWAYDAY_SOAK_SEED`); `.ci/run` runs a short form with a fixed seed.
//!
//! The keys are chosen from what the screen shows, so a seed gives the same choices only as
//! long as the screen answers the same way; the seed, the step and the keys before a failure
//! are printed, and the run's folder is kept with its step log.
#![allow(clippy::unwrap_used)] // tests may unwrap: a panic is a failure

mod common;

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use awayday::session::{self, Column, Score, Session};
use common::tmux::Tmux;

const BIN: &str = env!("CARGO_BIN_EXE_awayday");
/// The scores pane's rows, in order: the groups, then the room's agreed score.
const COLUMNS: [&str; 4] = ["Red", "Blue", "Green", "Agreed"];
/// Memory may grow by this much over the run (session, journal and undo history grow with
/// the work), and no more.
const RSS_GROWTH_PERCENT: u64 = 20;
const RSS_GROWTH_KB: u64 = 5 * 1024;

/// xorshift64*: a few lines, seedable, good enough to choose keys.
struct Rng(u64);

impl Rng {
    fn new(seed: u64) -> Rng {
        // splitmix64's finaliser spreads neighbouring seeds apart and is one-to-one, so every
        // seed gives its own run; zero, xorshift's one fixed point, is moved off.
        let mut z = seed.wrapping_add(0x9E37_79B9_7F4A_7C15);
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        Rng((z ^ (z >> 31)).max(1))
    }

    fn next(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        self.0 = x;
        x.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[usize::try_from(self.below(items.len() as u64)).unwrap()]
    }

    fn percent(&mut self, p: u64) -> bool {
        self.below(100) < p
    }
}

/// One key press: a tmux key name, or literal text typed at once.
#[derive(Debug, Clone)]
enum Key {
    Name(&'static str),
    Text(String),
}

impl std::fmt::Display for Key {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Key::Name(k) => write!(f, "{k}"),
            Key::Text(t) => write!(f, "{t:?}"),
        }
    }
}

/// A statement as the main screen shows it: its id, each column's score as the CSV writes it
/// (`"3"`, `"n/a"`, `""`), and the column being scored.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Shown {
    id: String,
    values: [String; 4],
    active: usize,
}

/// What the screen shows, as far as choosing the next key goes.
#[derive(Debug, Clone, PartialEq, Eq)]
enum View {
    /// The tree or the grid, nothing over it; the statement when one is selected.
    Main(Option<Shown>),
    Presenter,
    /// Session details, choosing a row (not editing one).
    DetailsList,
    /// Any other overlay, editor, form or question.
    Other,
}

/// The name of the view on screen, to show every view was visited.
fn view_name(screen: &str) -> &'static str {
    const OVERLAYS: [(&str, &str); 10] = [
        ("╭ Notes ·", "notes"),
        ("╭ Actions ·", "actions"),
        ("╭ Findings on the", "findings"),
        ("╭ Main conclusions", "conclusions"),
        ("╭ Summary", "summary"),
        ("╭ Search", "search"),
        ("╭ Session", "session details"),
        ("╭ The day's plan", "day plan"),
        ("╭ Keys", "help"),
        ("╭ ", "other overlay"),
    ];
    if let Some((_, name)) = OVERLAYS.iter().find(|(m, _)| screen.contains(m)) {
        return name;
    }
    if screen.contains('┏') {
        "presenter"
    } else if screen.lines().nth(1).is_some_and(|l| l.contains("Red Blu")) {
        "grid"
    } else {
        "tree"
    }
}

fn classify(screen: &str) -> View {
    if screen.contains("╭ Session") && screen.contains("d remove group") {
        return View::DetailsList;
    }
    // Overlays have round corners; the main panes square ones.
    if screen.contains('╭') {
        return View::Other;
    }
    if screen.contains('┏') {
        return View::Presenter;
    }
    if !screen.contains("scoring:") {
        return View::Other;
    }
    View::Main(parse_statement(screen))
}

/// The selected statement and its scores pane, when the main screen shows one whole.
fn parse_statement(screen: &str) -> Option<Shown> {
    let header = screen.lines().nth(1)?;
    let title = header.split("┐┌ ").nth(1)?;
    let (id, rest) = title.split_once(" · ")?;
    if !rest.starts_with("Statement ") {
        return None;
    }
    let mut values: [Option<String>; 4] = Default::default();
    let mut active = None;
    for line in screen.lines() {
        let Some(right) = line.split("││").nth(1) else {
            continue;
        };
        let (marker, row) = if let Some(r) = right.strip_prefix("▶ ") {
            (true, r)
        } else if let Some(r) = right.strip_prefix("  ") {
            (false, r)
        } else {
            continue;
        };
        let Some((name, tail)) = row.split_once(' ') else {
            continue;
        };
        let Some(ix) = COLUMNS.iter().position(|c| *c == name) else {
            continue;
        };
        let tail = tail.trim_start();
        let Some((token, label)) = tail.split_once("  ") else {
            continue;
        };
        let known = [
            "Underdeveloped",
            "Reasonable",
            "Good",
            "Strong",
            "Not applicable",
            "not scored",
        ];
        if !known.iter().any(|k| label.starts_with(k)) {
            continue;
        }
        let value = match token {
            "·" => String::new(),
            "–" => "n/a".to_owned(),
            t if t.len() == 1 && t.chars().all(|c| c.is_ascii_digit()) => t.to_owned(),
            _ => continue,
        };
        if values[ix].replace(value).is_some() {
            return None;
        }
        if marker {
            active = Some(ix);
        }
    }
    let [a, b, c, d] = values;
    Some(Shown {
        id: id.to_owned(),
        values: [a?, b?, c?, d?],
        active: active?,
    })
}

/// What a score key leaves in the active column.
fn expected(key: &str) -> Option<&'static str> {
    Some(match key {
        "1" => "1",
        "2" => "2",
        "3" => "3",
        "4" => "4",
        "-" => "n/a",
        "0" | "x" | "BSpace" => "",
        _ => return None,
    })
}

const SCORE_KEYS: [&str; 8] = ["1", "2", "3", "4", "-", "0", "x", "BSpace"];
const MAIN_MOVES: [&str; 21] = [
    "j", "k", "h", "l", "Up", "Down", "Left", "Right", "g", "G", "PgUp", "PgDn", "]", "[", "d",
    "D", "Enter", "Space", "J", "K", "C-d",
];
/// Every view the main screen opens. Fast entry (`f`) is left out: it moves on after a score,
/// so the screen would show the next statement instead of the score just given.
const OPENERS: [&str; 12] = ["v", "p", "n", "a", "F", "C", "s", "/", "e", "t", "?", "F1"];
const TEXT: [&str; 16] = [
    "a", "e", "r", "Board", "survey", " ", ";", ",", "é", "–", "🙂", "7", "Q", "ß", "(", "\"",
];
const EDIT_KEYS: [&str; 8] = [
    "BSpace", "Left", "Right", "Home", "End", "Enter", "Escape", "y",
];
const FORM_KEYS: [&str; 9] = [
    "Tab", "BTab", "Up", "Down", "PgDn", "PgUp", "Space", "C-u", "n",
];

/// Everything measured and noticed in a run.
#[derive(Default)]
struct Run {
    steps: usize,
    kills: usize,
    clean_exits: usize,
    scores_confirmed: usize,
    score_keys: usize,
    /// Score keys whose effect the screen never showed (the statement is then left out).
    unconfirmed: usize,
    /// (statement, column) → (value, step the screen showed it).
    ledger: BTreeMap<(String, usize), (String, usize)>,
    /// Statements that may have changed without the screen showing it.
    doubtful: BTreeSet<String>,
    views: BTreeMap<&'static str, usize>,
    /// (seconds into the run, pid, `VmRSS` in kB).
    rss: Vec<(f64, u32, u64)>,
    log: String,
    failures: Vec<String>,
    seed: u64,
    /// The step of the last kill, until a key that can change a score is sent.
    after_kill: Option<usize>,
}

impl Run {
    fn observe(&mut self, screen: &str) -> View {
        let view = classify(screen);
        if let View::Main(Some(shown)) = &view {
            for (ix, value) in shown.values.iter().enumerate() {
                let key = (shown.id.clone(), ix);
                let before = self.ledger.insert(key, (value.clone(), self.steps));
                // Between a restart and the next key that can change a score, the app must
                // show what the screen showed before the kill.
                if let (Some(kill), Some((was, step))) = (self.after_kill, &before)
                    && was != value
                {
                    self.failures.push(format!(
                        "seed {}: {} {}: the screen showed {was:?} at step {step}; after the \
                         kill -9 at step {kill} the app shows {value:?}",
                        self.seed, shown.id, COLUMNS[ix]
                    ));
                }
                if before.is_none_or(|(v, _)| v != *value) {
                    let _ = writeln!(
                        self.log,
                        "{:>6} screen: {} {} = {value:?}",
                        self.steps, shown.id, COLUMNS[ix]
                    );
                }
            }
        }
        view
    }
}

struct App {
    dir: PathBuf,
    tmux: Tmux,
    starts: usize,
}

impl App {
    fn start(dir: &Path, starts: usize) -> App {
        let tmux = Tmux::start(
            &format!("soak{starts}"),
            &format!("exec {BIN} open s.ron"),
            dir,
        )
        .expect("tmux is needed for the soak test");
        tmux.keep_dead_panes();
        let app = App {
            dir: dir.to_owned(),
            tmux,
            starts,
        };
        app.wait_ready();
        app
    }

    fn wait_ready(&self) {
        let start = Instant::now();
        loop {
            let screen = self.tmux.screen();
            if screen.contains("s.ron") || screen.contains('╭') {
                return;
            }
            assert!(
                self.tmux.dead_status().is_none() && start.elapsed() < Duration::from_secs(30),
                "awayday did not start again; screen:\n{screen}"
            );
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    fn restart(self) -> App {
        let (dir, starts) = (self.dir.clone(), self.starts + 1);
        drop(self);
        App::start(&dir, starts)
    }

    fn kill_9(&self) {
        let pid = self.tmux.pid();
        let status = Command::new("kill")
            .args(["-9", &pid.to_string()])
            .status()
            .unwrap();
        assert!(status.success());
        wait_gone(pid);
    }

    fn rss_kb(&self) -> Option<(u32, u64)> {
        let pid = self.tmux.pid();
        let status = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
        let line = status.lines().find(|l| l.starts_with("VmRSS:"))?;
        let kb = line.split_whitespace().nth(1)?.parse().ok()?;
        Some((pid, kb))
    }

    /// Screens until two in a row are the same (a frame drawn whole), at most `secs`.
    fn settled(&self, secs: f64) -> String {
        let start = Instant::now();
        let mut last = self.tmux.screen();
        loop {
            std::thread::sleep(Duration::from_millis(20));
            let now = self.tmux.screen();
            if now == last || start.elapsed().as_secs_f64() > secs {
                return now;
            }
            last = now;
        }
    }
}

fn wait_gone(pid: u32) {
    for _ in 0..400 {
        let state = std::fs::read_to_string(format!("/proc/{pid}/stat")).unwrap_or_default();
        if state.is_empty() || state.contains(") Z ") {
            return;
        }
        std::thread::sleep(Duration::from_millis(25));
    }
    panic!("process {pid} did not end");
}

fn env_u64(name: &str) -> Option<u64> {
    let v = std::env::var(name).ok()?;
    Some(
        v.trim()
            .parse()
            .unwrap_or_else(|_| panic!("{name} must be a number, not {v:?}")),
    )
}

/// Chooses the next key from what the screen shows.
fn choose(
    rng: &mut Rng,
    view: &View,
    screen: &str,
    dwell: usize,
    details_row: &mut usize,
    openers: &mut Vec<&'static str>,
) -> Key {
    let name = |k: &&'static str| Key::Name(k);
    match view {
        View::Main(shown) => {
            let roll = rng.below(100);
            if roll < 30 && shown.is_some() {
                name(rng.pick(&SCORE_KEYS))
            } else if roll < 30 {
                // On a theme or heading: down to the statements, where the scoring is.
                name(rng.pick(&["]", "l", "l", "j", "Right", "Down", "d"]))
            } else if roll < 40 {
                name(rng.pick(&["Tab", "BTab"]))
            } else if roll < 47 {
                name(rng.pick(&["u", "u", "C-r"]))
            } else if roll < 48 {
                Key::Name("C-s")
            } else if roll < 62 {
                // Every view in turn, in a shuffled order, so a short run still sees them all.
                if openers.is_empty() {
                    openers.extend(OPENERS);
                    for i in (1..openers.len()).rev() {
                        let j = usize::try_from(rng.below(i as u64 + 1)).unwrap();
                        openers.swap(i, j);
                    }
                }
                let k = openers.pop().unwrap();
                if k == "e" {
                    *details_row = 0;
                }
                Key::Name(k)
            } else {
                name(rng.pick(&MAIN_MOVES))
            }
        }
        View::Presenter => {
            let roll = rng.below(100);
            if roll < 40 {
                name(rng.pick(&SCORE_KEYS))
            } else if roll < 45 {
                name(rng.pick(&["u", "C-r"]))
            } else if roll < 55 {
                name(rng.pick(&["p", "Escape"]))
            } else {
                name(rng.pick(&["j", "k", "Tab", "BTab", "d", "D", "n", "?"]))
            }
        }
        // Group rows are never chosen: renaming, removing or adding a group changes the
        // columns the ledger is kept by. Title, organisation and facilitator are rows 0–2.
        View::DetailsList => {
            let roll = rng.below(100);
            if roll < 20 {
                Key::Name("Escape")
            } else if roll < 50 && *details_row <= 2 {
                Key::Name("Enter")
            } else if rng.percent(50) {
                *details_row += 1;
                Key::Name("j")
            } else {
                *details_row = details_row.saturating_sub(1);
                Key::Name("k")
            }
        }
        View::Other if screen.contains("Keep the changes?") => {
            name(rng.pick(&["y", "y", "n", "Enter", "Escape"]))
        }
        View::Other => {
            // The longer in one view, the likelier to leave it, as a person would.
            let leave = 8 + 3 * u64::try_from(dwell).unwrap_or(30).min(30);
            let roll = rng.below(100);
            if roll < leave {
                Key::Name("Escape")
            } else if roll < 55 {
                Key::Text((*rng.pick(&TEXT)).to_owned())
            } else if roll < 80 {
                name(rng.pick(&EDIT_KEYS))
            } else {
                name(rng.pick(&FORM_KEYS))
            }
        }
    }
}

/// In session details, a key that would move to another row or act on a group if the editor
/// has just closed (`Tab`, `j`, `k`, `d`, `a`, `r`, …) is swapped for a harmless one, so no
/// group is ever renamed, removed, added or moved.
fn safe_in_details(rng: &mut Rng, key: Key) -> Key {
    const SAFE_TEXT: [&str; 10] = ["7", "é", " ", ";", "ß", "🙂", "Q", "(", "s", "u"];
    match key {
        Key::Name("Tab" | "BTab" | "Up" | "Down" | "PgDn" | "PgUp" | "n") => Key::Name("Right"),
        Key::Text(_) => Key::Text((*rng.pick(&SAFE_TEXT)).to_owned()),
        other @ Key::Name(_) => other,
    }
}

fn send(app: &App, key: &Key) {
    match key {
        Key::Name(k) => app.tmux.send(k),
        Key::Text(t) => app.tmux.send_literal(t),
    }
}

#[test]
#[ignore = "a soak test: run by scripts/soak.sh, and briefly by .ci/run"]
#[allow(clippy::too_many_lines)] // one run, told in order
fn soak() {
    let secs = env_u64("AWAYDAY_SOAK_SECS").unwrap_or(60);
    let seed = env_u64("AWAYDAY_SOAK_SEED").unwrap_or_else(|| {
        u64::from(
            std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .unwrap()
                .subsec_nanos(),
        )
    });
    eprintln!("soak: {secs} s, seed {seed} (AWAYDAY_SOAK_SEED={seed} repeats the choices)");
    let mut rng = Rng::new(seed);
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().to_owned();
    let path = dir.join("s.ron");
    let out = Command::new(BIN)
        .args(["new", "--no-open", "--groups", "Red,Blue,Green"])
        .args(["--agenda", "09:30-16:00", "--break", "12:30-13:15"])
        .args(["--title", "Soak"])
        .arg(&path)
        .env("AWAYDAY_DATA_DIR", &dir)
        .output()
        .unwrap();
    assert!(out.status.success(), "{out:?}");

    let mut run = Run {
        seed,
        ..Run::default()
    };
    let began = Instant::now();
    let end = began + Duration::from_secs(secs);
    let kill_gap = (secs / 5).clamp(8, 80);
    let mut next_kill = began + Duration::from_secs(8 + rng.below(kill_gap));
    let last_kill = began + Duration::from_secs(secs * 3 / 5);
    let mut next_sample = began;
    let mut details_row = 0;
    let mut openers = Vec::new();
    let (mut dwell, mut last_view) = (0, "");
    let mut app = App::start(&dir, 0);
    let mut screen = app.settled(2.0);
    let mut view = run.observe(&screen);

    // A score just confirmed on screen: the moment a kill tells most, since that score may
    // be only in the journal.
    let mut just_scored = false;
    // The run ends with a kill right after a score, or 10 s past its time without one.
    while Instant::now() < end || (!just_scored && Instant::now() < end + Duration::from_secs(10)) {
        if Instant::now() >= next_sample {
            if let Some((pid, kb)) = app.rss_kb() {
                run.rss.push((began.elapsed().as_secs_f64(), pid, kb));
            }
            next_sample += Duration::from_secs(1);
        }
        // Kills in the first 60% of the run; the rest is one process's life, long enough for
        // memory that grows with the keys to show in the last quarter.
        // Each kill waits (up to 5 s) for a score just confirmed.
        if Instant::now() >= next_kill
            && Instant::now() < last_kill
            && (just_scored || Instant::now() >= next_kill + Duration::from_secs(5))
        {
            let _ = writeln!(run.log, "{:>6} kill -9", run.steps);
            app.kill_9();
            run.kills += 1;
            run.after_kill = Some(run.steps);
            app = app.restart();
            next_kill = Instant::now() + Duration::from_secs(4 + rng.below(kill_gap));
            screen = app.settled(2.0);
            view = run.observe(&screen);
        }
        if run.steps.is_multiple_of(10)
            && let Some(status) = app.tmux.dead_status()
        {
            let _ = writeln!(run.log, "{:>6} exited ({status})", run.steps);
            if status == 0 {
                run.clean_exits += 1;
            } else {
                run.failures.push(format!(
                    "seed {seed}, step {}: awayday ended with status {status}; screen:\n{screen}",
                    run.steps
                ));
            }
            run.after_kill = Some(run.steps);
            app = app.restart();
            screen = app.settled(2.0);
            view = run.observe(&screen);
        }

        let name = view_name(&screen);
        dwell = if name == last_view { dwell + 1 } else { 0 };
        last_view = name;
        just_scored = false;
        let mut key = choose(
            &mut rng,
            &view,
            &screen,
            dwell,
            &mut details_row,
            &mut openers,
        );
        if matches!(view, View::Other) && screen.contains("╭ Session") {
            key = safe_in_details(&mut rng, key);
        }
        run.steps += 1;
        *run.views.entry(name).or_default() += 1;
        let _ = writeln!(run.log, "{:>6} key {key}", run.steps);

        let score = match &key {
            Key::Name(k) => expected(k),
            Key::Text(_) => None,
        };
        if matches!(view, View::Main(_) | View::Presenter)
            && (score.is_some() || matches!(key, Key::Name("u" | "C-r")))
        {
            run.after_kill = None;
        }
        match (&view, score) {
            (View::Main(Some(shown)), Some(value)) => {
                // Only on a screen that has stopped changing: then the statement shown is
                // the one the key scores.
                let again = app.tmux.screen();
                if again != screen {
                    screen = again;
                    view = run.observe(&screen);
                    continue;
                }
                run.score_keys += 1;
                send(&app, &key);
                let column = shown.active;
                let deadline = Instant::now() + Duration::from_secs(5);
                loop {
                    let now = app.settled(1.0);
                    let after = run.observe(&now);
                    if let View::Main(Some(s)) = &after
                        && s.id == shown.id
                        && s.values[column] == value
                    {
                        run.scores_confirmed += 1;
                        just_scored = true;
                        screen = now;
                        view = after;
                        break;
                    }
                    if Instant::now() > deadline {
                        run.unconfirmed += 1;
                        run.doubtful.insert(shown.id.clone());
                        let _ = writeln!(run.log, "{:>6} unconfirmed: {}", run.steps, shown.id);
                        screen = now;
                        view = after;
                        break;
                    }
                }
            }
            (View::Main(_), None) if matches!(key, Key::Name("u" | "C-r")) => {
                send(&app, &key);
                // Undo and redo select what they change, so the screen shows it.
                let start = Instant::now();
                loop {
                    let now = app.settled(1.0);
                    if now != screen || start.elapsed() > Duration::from_millis(1500) {
                        screen = now;
                        break;
                    }
                }
                view = run.observe(&screen);
            }
            (View::Presenter, _) if score.is_some() || matches!(key, Key::Name("u" | "C-r")) => {
                // The presenter's big digits are not read: back to the main screen, which
                // shows the same statement, to see the score there.
                if score.is_some() {
                    run.score_keys += 1;
                }
                send(&app, &key);
                app.tmux.send("p");
                let deadline = Instant::now() + Duration::from_secs(5);
                loop {
                    screen = app.settled(1.0);
                    view = run.observe(&screen);
                    if matches!(view, View::Main(_)) || Instant::now() > deadline {
                        break;
                    }
                }
                if let View::Main(shown) = &view {
                    // Opened on a theme or heading, the presenter has no statement to score.
                    if score.is_some() && shown.is_some() {
                        run.scores_confirmed += 1;
                    }
                    let id = shown.as_ref().map_or("no statement", |s| s.id.as_str());
                    let _ = writeln!(run.log, "{:>6} presenter → {id}", run.steps);
                } else {
                    run.unconfirmed += 1;
                    run.failures.push(format!(
                        "seed {seed}, step {}: lost track after a score in the presenter; screen:\n{screen}",
                        run.steps
                    ));
                }
            }
            _ => {
                send(&app, &key);
                // Human pace: 5 to 15 keys a second, now and then a pause to think.
                let mut pause = 1000 / (5 + rng.below(11));
                if rng.percent(3) {
                    pause += 500 + rng.below(2500);
                }
                if rng.percent(1) {
                    pause += 5000;
                }
                std::thread::sleep(Duration::from_millis(pause));
                screen = app.tmux.screen();
                view = run.observe(&screen);
            }
        }
    }

    // The end: no quit, a last kill.
    let _ = writeln!(run.log, "{:>6} final kill -9", run.steps);
    app.kill_9();
    run.kills += 1;
    let duration = began.elapsed().as_secs_f64();
    drop(app);

    compare_readers(&path, seed, &mut run);
    let (first, last) = rss_quarters(&run.rss, duration);

    // The longest-lived process, on its own: growth there is not hidden by restarts.
    let mut lives: BTreeMap<u32, Vec<u64>> = BTreeMap::new();
    for (_, pid, kb) in &run.rss {
        lives.entry(*pid).or_default().push(*kb);
    }
    let longest = lives
        .values()
        .max_by_key(|v| v.len())
        .cloned()
        .unwrap_or_default();
    let mut views: Vec<String> = run.views.iter().map(|(v, n)| format!("{v} {n}")).collect();
    views.sort();
    let statements: BTreeSet<&String> = run.ledger.keys().map(|(id, _)| id).collect();
    eprintln!(
        "soak figures (seed {seed}):\n  duration {duration:.0} s, keys sent {}, kill -9 {}, \
         clean exits {}\n  score keys {}, scores confirmed on screen {}, unconfirmed {}, \
         ledger {} statement-columns over {} statements ({} left out as doubtful)\n  \
         mismatches {}\n  RSS max first quarter {} kB, last quarter {} kB (limit {} kB), \
         max {} kB over {} samples\n  longest-lived process: {} samples, RSS {} kB at first, {} kB at last\n  \
         keys a second {:.1}\n  views (steps): {}",
        run.steps,
        run.kills,
        run.clean_exits,
        run.score_keys,
        run.scores_confirmed,
        run.unconfirmed,
        run.ledger.len(),
        statements.len(),
        run.doubtful.len(),
        run.failures.len(),
        first,
        last,
        rss_limit(first),
        run.rss.iter().map(|r| r.2).max().unwrap_or(0),
        run.rss.len(),
        longest.len(),
        longest.first().unwrap_or(&0),
        longest.last().unwrap_or(&0),
        f64::from(u32::try_from(run.steps).unwrap_or(u32::MAX)) / duration,
        views.join(", ")
    );

    let mut failures = run.failures.clone();
    if last > rss_limit(first) {
        failures.push(format!(
            "seed {seed}: memory grew: the last quarter's peak {last} kB is over the first's \
             {first} kB + {RSS_GROWTH_PERCENT}% + {RSS_GROWTH_KB} kB"
        ));
    }
    if secs >= 60 {
        for v in [
            "tree",
            "grid",
            "presenter",
            "notes",
            "actions",
            "findings",
            "conclusions",
            "summary",
            "search",
            "session details",
            "day plan",
            "help",
        ] {
            if !run.views.contains_key(v) {
                failures.push(format!("seed {seed}: the run never reached the {v} view"));
            }
        }
        if (run.scores_confirmed as u64) < secs / 6 || run.kills < 2 {
            failures.push(format!(
                "seed {seed}: too little was tried to tell: {} scores confirmed, {} kills",
                run.scores_confirmed, run.kills
            ));
        }
    }
    if !failures.is_empty() {
        let kept = tmp.keep();
        std::fs::write(kept.join("steps.log"), &run.log).unwrap();
        panic!(
            "{} failure(s); the session and steps.log are kept in {}:\n{}",
            failures.len(),
            kept.display(),
            failures.join("\n")
        );
    }
}

fn rss_limit(first: u64) -> u64 {
    first + first * RSS_GROWTH_PERCENT / 100 + RSS_GROWTH_KB
}

/// The highest RSS in the first and in the last quarter of the run.
fn rss_quarters(samples: &[(f64, u32, u64)], duration: f64) -> (u64, u64) {
    let max_in = |from: f64, to: f64| {
        samples
            .iter()
            .filter(|(t, _, _)| *t >= from && *t < to)
            .map(|s| s.2)
            .max()
            .unwrap_or(0)
    };
    (
        max_in(0.0, duration / 4.0),
        max_in(duration * 3.0 / 4.0, duration + 1.0),
    )
}

/// Every reader's scores, by statement id and column (as the CSV writes them).
type Scores = BTreeMap<String, [String; 4]>;

fn compare_readers(path: &Path, seed: u64, run: &mut Run) {
    let dir = path.parent().unwrap();
    let mut readers: Vec<(&str, Scores)> = Vec::new();
    let shell = |args: &[&str]| {
        let out = Command::new(BIN)
            .args(args)
            .current_dir(dir)
            .env("AWAYDAY_DATA_DIR", dir)
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "awayday {args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).unwrap()
    };
    readers.push((
        "awayday export",
        from_csv(&shell(&["export", "s.ron", "--format", "csv"])),
    ));
    readers.push((
        "awayday report --format csv",
        from_csv(&shell(&["report", "s.ron", "--format", "csv"])),
    ));
    let check = shell(&["check", "s.ron"]);
    shell(&["save-as", "s.ron", "copy.ron"]);
    readers.push((
        "awayday save-as, then loaded",
        from_session(&session::load(&dir.join("copy.ron")).unwrap()),
    ));
    let read = session::read(path).unwrap();
    // The ledger is kept by group name: the run must not have changed the groups.
    assert_eq!(
        read.session.groups,
        COLUMNS[..3].to_vec(),
        "seed {seed}: the run changed the groups, so the ledger cannot be checked"
    );
    readers.push(("session::read", from_session(&read.session)));
    // Last, since opening may fold the journal into the file.
    let opened = common::reopened(path);
    readers.push(("reopening (Store::open)", from_session(&opened.session)));

    // `check` counts the nodes holding anything; the reader must agree.
    let counted = check
        .split(" nodes with scores or notes")
        .next()
        .and_then(|s| s.rsplit(' ').next())
        .and_then(|n| n.parse::<usize>().ok());
    if counted != Some(read.session.nodes.len()) {
        run.failures.push(format!(
            "seed {seed}: `awayday check` says {check:?}; the reader holds {} nodes",
            read.session.nodes.len()
        ));
    }
    let scored: BTreeSet<&String> = run
        .ledger
        .iter()
        .filter(|(_, (v, _))| !v.is_empty())
        .map(|((id, _), _)| id)
        .filter(|id| !run.doubtful.contains(*id))
        .collect();
    if counted.is_some_and(|n| n < scored.len()) {
        run.failures.push(format!(
            "seed {seed}: `awayday check` counts {counted:?} nodes, the screen showed {} statements scored",
            scored.len()
        ));
    }

    for ((id, column), (value, step)) in &run.ledger {
        if run.doubtful.contains(id) {
            continue;
        }
        for (reader, scores) in &readers {
            let got = scores.get(id).map_or("", |v| v[*column].as_str());
            if got != value {
                run.failures.push(format!(
                    "seed {seed}: {id} {}: the screen showed {value:?} at step {step}; {reader} gives {got:?}",
                    COLUMNS[*column]
                ));
            }
        }
    }
}

fn from_session(s: &Session) -> Scores {
    let text = |score: Option<Score>| match score {
        Some(Score::Level(n)) => n.to_string(),
        Some(Score::NotApplicable) => "n/a".to_owned(),
        None => String::new(),
    };
    s.nodes
        .keys()
        .map(|id| {
            let columns = [
                Column::Group(0),
                Column::Group(1),
                Column::Group(2),
                Column::Agreed,
            ];
            (id.to_owned(), columns.map(|c| text(s.score(id, c))))
        })
        .collect()
}

/// The statement rows of a CSV whose header names the columns.
fn from_csv(text: &str) -> Scores {
    let rows = parse_csv(text);
    let header = rows.first().expect("a header row");
    let at = |name: &str| {
        header
            .iter()
            .position(|h| h == name)
            .unwrap_or_else(|| panic!("no {name} column in {header:?}"))
    };
    let columns = [at("Red"), at("Blue"), at("Green"), at("agreed")];
    rows.iter()
        .skip(1)
        .filter(|r| r.len() == header.len())
        .map(|r| (r[0].clone(), columns.map(|c| r[c].clone())))
        .collect()
}

/// RFC 4180: fields split by commas, quoted when they hold commas, quotes or line breaks.
fn parse_csv(text: &str) -> Vec<Vec<String>> {
    let mut rows = Vec::new();
    let mut row = Vec::new();
    let mut field = String::new();
    let mut quoted = false;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match (quoted, c) {
            (true, '"') if chars.peek() == Some(&'"') => {
                chars.next();
                field.push('"');
            }
            (true, '"') => quoted = false,
            (false, '"') => quoted = true,
            (false, ',') => row.push(std::mem::take(&mut field)),
            (false, '\r') => {}
            (false, '\n') => {
                row.push(std::mem::take(&mut field));
                rows.push(std::mem::take(&mut row));
            }
            (_, c) => field.push(c),
        }
    }
    if !field.is_empty() || !row.is_empty() {
        row.push(field);
        rows.push(row);
    }
    rows
}

#[test]
fn neighbouring_seeds_give_different_runs() {
    let first = |seed| {
        let mut r = Rng::new(seed);
        [r.next(), r.next()]
    };
    let runs: BTreeSet<[u64; 2]> = (0..1000).map(first).collect();
    assert_eq!(runs.len(), 1000);
    assert_eq!(first(12), first(12));
}

#[test]
fn the_screen_is_read_as_the_app_draws_it() {
    let screen = "\
 Soak                                                                    Corporate peer review benchmark · 2026-12-07
┌ Corporate peer review benchmark ─────────────┐┌ 1.2 · Statement ─────────────────────────────────────────────────────┐
│  ▸ 3.2 Community engagement and…     0/19    │┌ Scores ──────────────────────────────────────────────────────────────┐
│  ▸ 3.3 Delivering through…           0/18    ││  Red      2  Reasonable                                              │
│▾ 4 Resource and performance…         0/56    ││  Blue     –  Not applicable                                          │
│  ▸ 4.1 Performance management        0/24    ││▶ Green    4  Strong                                                  │
│  ▸ 4.2 Resource management           0/32    ││  Agreed   ·  not scored                                              │
└──────────────────────────────── scoring: Green ┘└──────────────────────────────────────────────────────────────────────┘
";
    assert_eq!(
        classify(screen),
        View::Main(Some(Shown {
            id: "1.2".into(),
            values: ["2".into(), "n/a".into(), "4".into(), String::new()],
            active: 2,
        }))
    );
    // An overlay over it: not the main screen, whatever shows through.
    let covered = screen.replace("│  ▸ 4.1", "╭ Notes ·");
    assert_eq!(classify(&covered), View::Other);
    // A row cut by an overlay is not read.
    let cut = screen.replace("Agreed   ·  not scored", "Agreed   ·│ hidden");
    assert_eq!(classify(&cut), View::Main(None));
    assert_eq!(
        parse_csv("id,Red\n1.1,\"a, \"\"b\"\"\nc\"\n"),
        vec![vec!["id", "Red"], vec!["1.1", "a, \"b\"\nc"]]
    );
}
