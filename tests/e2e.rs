//! End to end: the real binary in a real terminal (tmux), checked through the saved file.
#![allow(clippy::unwrap_used)] // tests may unwrap: a panic is a failure

mod common;

use awayday::session::{self, Column, Score};
use common::tmux::Tmux;

#[test]
fn a_facilitator_scores_two_groups_and_the_agreed_column_then_quits() {
    let Some((_dir, path, t)) = Tmux::new_session(
        "score",
        "workshop.ron",
        "--groups Red,Blue --title 'Away day'",
    ) else {
        return;
    };
    t.wait_for("Away day", 10);
    // Theme 1 is open and selected: j moves to its first statement, 1.1.
    t.keys(&["j", "j", "3", "Tab", "2", "Tab", "3"]);
    t.wait_for("groups' mean 2.5", 5);
    t.keys(&["n"]);
    t.wait_for("Esc keeps the notes", 5);
    t.text("Groups differ on evidence – ask HR");
    t.keys(&["Escape"]);
    // The editor closed (a `q` sent while it is open is typed into the notes, or read with
    // the Escape as Alt+q), and the notes saved.
    t.wait_gone("Esc keeps the notes", 5);
    t.wait_for("[saved]", 5);
    t.keys(&["q"]);
    t.wait_exit(10);

    let s = session::load(&path).unwrap();
    assert_eq!(s.groups, ["Red", "Blue"]);
    assert_eq!(s.score("1.2", Column::Group(0)), Some(Score::Level(3)));
    assert_eq!(s.score("1.2", Column::Group(1)), Some(Score::Level(2)));
    assert_eq!(s.score("1.2", Column::Agreed), Some(Score::Level(3)));
    assert_eq!(s.notes("1.2"), "Groups differ on evidence – ask HR");
    assert_eq!(s.selected.as_deref(), Some("1.2"));
}

#[test]
fn kill_9_loses_nothing_already_on_screen_and_the_session_reopens() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("killed.ron");
    let bin = env!("CARGO_BIN_EXE_awayday");
    let command = format!("exec {bin} new {} --groups Red,Blue,Green", path.display());
    let Some(t) = Tmux::start("kill", &command, dir.path()) else {
        return;
    };
    t.keep_dead_panes();
    t.wait_for("[saved]", 10);
    t.keys(&["j", "4", "Tab", "3", "Tab", "2", "Tab", "-", "j", "1"]);
    // Kill as soon as the last score is on screen: what the room has seen must be on disk.
    t.wait_for("Agreed   1  Underdeveloped", 10);
    let pid = t.pid();
    let status = std::process::Command::new("kill")
        .args(["-9", &pid.to_string()])
        .status()
        .unwrap();
    assert!(status.success());
    t.wait_dead(5);

    // Reopening replays the journal: every score is back.
    let s = common::reopened(&path).session;
    assert_eq!(s.score("1.1", Column::Group(0)), Some(Score::Level(4)));
    assert_eq!(s.score("1.1", Column::Group(1)), Some(Score::Level(3)));
    assert_eq!(s.score("1.1", Column::Group(2)), Some(Score::Level(2)));
    assert_eq!(s.score("1.1", Column::Agreed), Some(Score::NotApplicable));
    assert_eq!(s.score("1.2", Column::Agreed), Some(Score::Level(1)));

    // The dead process's lock does not block the next one.
    drop(t);
    let command = format!("exec {bin} open {}", path.display());
    let t = Tmux::start("reopen", &command, dir.path()).unwrap();
    t.wait_for("[saved]", 10);
    t.keys(&["q"]);
    t.wait_exit(10);
}

#[test]
fn a_crash_restores_the_terminal_keeps_the_work_and_says_where() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("crash.ron");
    let bin = env!("CARGO_BIN_EXE_awayday");
    let command = format!(
        "AWAYDAY_CRASH_ON_KEY=Z {bin} new {} --groups Red; echo EXIT=$?; sleep 30",
        path.display()
    );
    let Some(t) = Tmux::start("crash", &command, dir.path()) else {
        return;
    };
    t.wait_for("[saved]", 10);
    t.keys(&["j", "3"]);
    // The score is on screen, so it is on disk before the crash.
    t.wait_for("Red      3  Good", 5);
    t.keys(&["Z"]);
    t.wait_for("EXIT=1", 10);
    let screen = t.screen();
    // The terminal is back to normal: the shell's output is visible, the app's screen is gone.
    assert!(!screen.contains("[saved]"), "{screen}");
    assert!(screen.contains("stopped on an internal error"), "{screen}");
    assert!(screen.contains("crash.emergency.ron"), "{screen}");
    let saved = common::reopened(&path).session;
    assert_eq!(saved.score("1.1", Column::Group(0)), Some(Score::Level(3)));
    let emergency = session::load(&session::emergency_path(&path)).unwrap();
    assert_eq!(
        emergency.score("1.1", Column::Group(0)),
        Some(Score::Level(3))
    );
}

#[test]
fn fast_entry_scores_a_heading_for_four_groups_and_the_room() {
    let Some((_dir, path, t)) =
        Tmux::new_session("fast", "room.ron", "--groups Red,Blue,Green,Yellow")
    else {
        return;
    };
    t.wait_for("[saved]", 10);
    // Theme 1 is a heading of statements: 1.1, 1.2, 1.3 scored in five keys each.
    t.keys(&["v", "f", "j"]);
    t.wait_for("[fast entry]", 5);
    t.keys(&[
        "3", "2", "4", "3", "3", "1", "1", "2", "2", "1", "4", "4", "4", "3", "4",
    ]);
    t.wait_for("1.4 ", 5);
    t.keys(&["q"]);
    t.wait_exit(10);
    let s = session::load(&path).unwrap();
    let want = [
        ("1.1", [3, 2, 4, 3], 3),
        ("1.2", [1, 1, 2, 2], 1),
        ("1.3", [4, 4, 4, 3], 4),
    ];
    for (id, groups, agreed) in want {
        for (g, v) in groups.into_iter().enumerate() {
            assert_eq!(
                s.score(id, Column::Group(g)),
                Some(Score::Level(v)),
                "{id} {g}"
            );
        }
        assert_eq!(
            s.score(id, Column::Agreed),
            Some(Score::Level(agreed)),
            "{id}"
        );
    }
    assert!(s.room.grid && s.room.fast_entry, "both remembered");
    assert_eq!(s.selected.as_deref(), Some("1.4"));
}

#[test]
fn the_presenter_view_scores_and_returns_with_the_scores_saved() {
    let Some((_dir, path, t)) =
        Tmux::new_session("presenter", "projector.ron", "--groups Red,Blue")
    else {
        return;
    };
    t.wait_for("[saved]", 10);
    t.keys(&["j", "p"]);
    t.wait_for("j next", 5);
    t.keys(&["4", "Tab", "1"]);
    t.wait_for("3 levels apart: Blue 1, Red 4", 5);
    t.keys(&["p"]);
    t.wait_for("[saved]", 5);
    t.keys(&["q"]);
    t.wait_exit(10);
    let s = session::load(&path).unwrap();
    assert_eq!(s.score("1.1", Column::Group(0)), Some(Score::Level(4)));
    assert_eq!(s.score("1.1", Column::Group(1)), Some(Score::Level(1)));
}
