//! End to end, in a real terminal (tmux): a facilitator runs one statement in room mode for
//! four groups from the presenter view. The room sees who has scored until the reveal, then
//! the spread in words; the agreed score stays on screen until the facilitator moves on.
#![allow(clippy::unwrap_used)] // tests may unwrap: a panic is a failure

mod common;

use awayday::session::{self, Column, Score};
use common::tmux::Tmux;

#[test]
fn a_statement_is_scored_with_a_reveal_for_four_groups() {
    let Some((_dir, path, t)) =
        Tmux::new_session("reveal", "room.ron", "--groups Red,Blue,Green,Yellow")
    else {
        return;
    };
    t.wait_for("[saved]", 10);
    t.keys(&["j", "p"]);
    t.wait_for("j next", 5);
    t.keys(&["R", "f"]);
    t.keys(&["3", "2"]);
    t.wait_for("Waiting for Green, Yellow", 5);
    let hidden = t.screen();
    assert!(!hidden.contains("levels apart"), "{hidden}");
    assert_eq!(hidden.matches("✓ scored").count(), 2, "{hidden}");
    t.keys(&["4", "1"]);
    t.wait_for("Every group has scored", 5);
    assert!(!t.screen().contains("levels apart"));
    t.keys(&["r"]);
    t.wait_for("3 levels apart: Yellow 1, Green 4", 5);
    // The agreed score, held on screen until the facilitator moves on.
    t.keys(&["3"]);
    t.wait_for("Agreed. j: the next statement.", 5);
    assert!(t.screen().contains("1.1 ·"), "still on 1.1: {}", t.screen());
    t.keys(&["j"]);
    t.wait_for("Waiting for Red, Blue, Green, Yellow", 5);
    t.keys(&["p", "q"]);
    t.wait_exit(10);
    let s = session::load(&path).unwrap();
    for (g, v) in [3, 2, 4, 1].into_iter().enumerate() {
        assert_eq!(s.score("1.1", Column::Group(g)), Some(Score::Level(v)));
    }
    assert_eq!(s.score("1.1", Column::Agreed), Some(Score::Level(3)));
    assert!(s.room.reveal, "room mode is remembered");
    assert_eq!(s.selected.as_deref(), Some("1.2"));
}
