//! End to end, voting from the groups' devices: the real binary in tmux with
//! `--serve 127.0.0.1:0`, a group's link read off the screen, its page fetched and its form
//! posted as a browser would, and the session file checked; and the time from eight groups
//! voting at once to their scores on the facilitator's screen.
#![allow(clippy::unwrap_used)] // tests may unwrap: a panic is a failure

mod common;

use std::net::SocketAddr;
use std::path::Path;
use std::sync::{Arc, Barrier};
use std::time::{Duration, Instant};

use awayday::session::{self, Column, Score};
use common::http::{attribute, form_encode, get, post_form};
use common::tmux::Tmux;

/// Each group's link as the voting view shows it, in the groups' order, once all `n` are
/// on screen (a capture can catch the screen half drawn).
fn links(t: &Tmux, n: usize) -> Vec<(SocketAddr, String)> {
    let start = Instant::now();
    loop {
        let found = links_on(&t.screen());
        if found.len() == n || start.elapsed() > Duration::from_secs(5) {
            return found;
        }
        std::thread::sleep(Duration::from_millis(50));
    }
}

fn links_on(screen: &str) -> Vec<(SocketAddr, String)> {
    screen
        .lines()
        .filter_map(|line| {
            let at = line.find("http://")?;
            let rest = &line[at + "http://".len()..];
            let (addr, path) = rest.split_once('/')?;
            let path = path.split_whitespace().next()?;
            path.starts_with("g/")
                .then(|| (addr.parse().unwrap(), format!("/{path}")))
        })
        .collect()
}

fn new_session(dir: &Path, groups: &str) -> std::path::PathBuf {
    let path = dir.join("vote.ron");
    let status = std::process::Command::new(env!("CARGO_BIN_EXE_awayday"))
        .args([
            "new",
            path.to_str().unwrap(),
            "--groups",
            groups,
            "--no-open",
        ])
        .env("AWAYDAY_DATA_DIR", dir)
        .status()
        .unwrap();
    assert!(status.success());
    path
}

fn serving(name: &str, path: &Path, dir: &Path) -> Option<Tmux> {
    let command = format!(
        "exec {} open {} --serve 127.0.0.1:0",
        env!("CARGO_BIN_EXE_awayday"),
        path.display()
    );
    let t = Tmux::start(name, &command, dir)?;
    t.wait_for("Voting is on at http://127.0.0.1:", 10);
    Some(t)
}

#[test]
fn a_group_votes_from_its_page_as_a_browser_would_and_the_session_keeps_it() {
    let dir = tempfile::tempdir().unwrap();
    let path = new_session(dir.path(), "Red,Blue");
    let Some(t) = serving("vote", &path, dir.path()) else {
        return;
    };
    let found = links(&t, 2);
    assert_eq!(found.len(), 2, "{}", t.screen());
    let (addr, red) = found[0].clone();
    // Nothing open yet: the theme is selected.
    assert!(get(addr, &red).body.contains("Waiting for the facilitator"));
    t.keys(&["q"]);
    t.wait_gone("Voting from the groups", 5);
    t.keys(&["j"]);
    t.wait_for("1.1 · Statement", 5);

    // The page, and its form as a browser would submit it.
    let page = get(addr, &red);
    assert_eq!(page.status, 200);
    // Nothing of this laptop's files is on the page.
    let folder = dir.path().to_str().unwrap();
    assert!(!page.body.contains(folder) && !page.body.contains("vote.ron"));
    let action = attribute(&page.body, "<form", "action").unwrap();
    assert_eq!(action, red);
    let statement = attribute(&page.body, "name=\"statement\"", "value").unwrap();
    assert_eq!(statement, "1.1");
    assert!(page.body.contains("name=\"score\" value=\"3\""));
    let sent = post_form(
        addr,
        &action,
        &format!("statement={}&score=3", form_encode(&statement)),
    );
    assert_eq!(sent.status, 303);
    let after = get(addr, sent.header("location").unwrap());
    assert!(after.body.contains("You voted 3"), "{}", after.body);
    assert!(after.body.contains("Waiting for Blue"));
    t.wait_for("Red      3", 5);
    t.keys(&["q"]);
    t.wait_exit(10);

    let s = session::load(&path).unwrap();
    assert_eq!(s.score("1.1", Column::Group(0)), Some(Score::Level(3)));
    assert_eq!(s.score("1.1", Column::Group(1)), None);
    assert_eq!(s.score("1.1", Column::Agreed), None);
    let token = red.trim_start_matches("/g/");
    assert_eq!(s.tokens.get("Red"), Some(token));

    // Opened again, the group's link is the same: its phone reconnects.
    drop(t);
    let t = serving("again", &path, dir.path()).unwrap();
    let (_, again) = links(&t, 2)[0].clone();
    assert_eq!(again, red);
    t.keys(&["q"]);
    t.wait_gone("Voting from the groups", 5);
    t.keys(&["q"]);
    t.wait_exit(10);
}

/// The level each of `n` groups shows in the scores pane, read off the screen.
fn levels_on_screen(screen: &str, n: usize) -> Vec<Option<u8>> {
    (1..=n)
        .map(|g| {
            let name = format!("G{g} ");
            screen.lines().find_map(|line| {
                let at = line.find(&name)?;
                let rest = line[at + name.len()..].trim_start();
                rest.chars()
                    .next()?
                    .to_digit(10)
                    .map(|d| u8::try_from(d).unwrap())
            })
        })
        .collect()
}

#[test]
fn eight_groups_voting_at_once_reach_the_facilitators_screen_quickly() {
    const GROUPS: usize = 8;
    const ROUNDS: u8 = 5;
    let dir = tempfile::tempdir().unwrap();
    let names: Vec<String> = (1..=GROUPS).map(|g| format!("G{g}")).collect();
    let path = new_session(dir.path(), &names.join(","));
    let Some(t) = serving("eight", &path, dir.path()) else {
        return;
    };
    let found = links(&t, GROUPS);
    assert_eq!(found.len(), GROUPS, "{}", t.screen());
    t.keys(&["q"]);
    t.wait_gone("Voting from the groups", 5);
    t.keys(&["j"]);
    t.wait_for("1.1 · Statement", 5);

    let mut worst = Duration::ZERO;
    let mut times = Vec::new();
    for round in 0..ROUNDS {
        let level = round % 4 + 1;
        let start = Arc::new(Barrier::new(GROUPS + 1));
        let voters: Vec<_> = found
            .iter()
            .cloned()
            .map(|(addr, link)| {
                let start = Arc::clone(&start);
                std::thread::spawn(move || {
                    start.wait();
                    post_form(addr, &link, &format!("statement=1.1&score={level}")).status
                })
            })
            .collect();
        start.wait();
        let sent = Instant::now();
        loop {
            let shown = levels_on_screen(&t.screen(), GROUPS);
            if shown.iter().all(|&l| l == Some(level)) {
                break;
            }
            assert!(
                sent.elapsed() < Duration::from_secs(10),
                "round {round}: {shown:?}\n{}",
                t.screen()
            );
        }
        let took = sent.elapsed();
        times.push(took);
        worst = worst.max(took);
        for voter in voters {
            assert_eq!(voter.join().unwrap(), 303);
        }
        // Each device's requests stay well inside its rate.
        std::thread::sleep(Duration::from_millis(900));
    }
    eprintln!("eight groups at once, vote to screen (tmux capture): {times:?}, worst {worst:?}");
    // The goal is under 100 ms; this bound leaves room for a loaded test machine.
    assert!(worst < Duration::from_secs(1), "{times:?}");
    t.keys(&["q"]);
    t.wait_exit(10);
    let s = session::load(&path).unwrap();
    let last = (ROUNDS - 1) % 4 + 1;
    for g in 0..GROUPS {
        assert_eq!(s.score("1.1", Column::Group(g)), Some(Score::Level(last)));
    }
}
