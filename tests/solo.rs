//! Solo review: one reviewer scoring alone, in one column (the reviewer's score, read as the
//! agreed one), so fast entry takes one key a statement, the tree counts that column and the
//! report reads it.
#![allow(clippy::unwrap_used)] // tests may unwrap: a panic is a failure

mod common;

use std::process::{Command, Stdio};

use awayday::report::{self, model};
use awayday::session::{Column, Score};
use awayday::tui::action::Action;
use common::{app_with, benchmark, feed, select};
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

fn press(c: char) -> Action {
    Action::Key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE))
}

#[test]
fn one_column_and_one_key_a_statement() {
    let mut app = app_with(benchmark(), &["Reviewer"]);
    select(&mut app, "1.1");
    feed(&mut app, &[press('S')]);
    assert!(app.session().room.solo, "remembered with the session");
    assert_eq!(app.columns(), [Column::Agreed]);
    assert_eq!(app.column(), Column::Agreed);
    assert_eq!(app.column_name(Column::Agreed), "Score");
    let main = awayday::tui::svg::to_text(&awayday::tui::scenes::draw(&app));
    assert!(main.contains("[solo]"), "the status bar says so: {main}");
    feed(&mut app, &[press('f'), press('3'), press('2'), press('4')]);
    for (id, v) in [("1.1", 3), ("1.2", 2), ("1.3", 4)] {
        assert_eq!(
            app.session().score(id, Column::Agreed),
            Some(Score::Level(v)),
            "{id}"
        );
    }
    assert_eq!(app.selected_id(), "1.4", "each score moved on");
    assert_eq!(app.column(), Column::Agreed, "never to a group's column");
    // `]`: the next statement without a score, with no groups to wait for.
    feed(&mut app, &[press('f')]);
    select(&mut app, "1.1");
    feed(&mut app, &[press(']')]);
    assert_eq!(app.selected_id(), "1.4");
    feed(&mut app, &[press('S')]);
    assert_eq!(app.columns().len(), 2, "off: the group, then Agreed");
    assert_eq!(app.column(), Column::Group(0));
}

#[test]
fn the_report_reads_the_one_column() {
    let mut app = app_with(benchmark(), &["Reviewer"]);
    feed(&mut app, &[press('S'), press('f')]);
    select(&mut app, "1.1");
    for _ in 0..60 {
        feed(&mut app, &[press('3')]);
    }
    assert!(
        app.session().scores_of_group(0).is_empty(),
        "every score is in the one column"
    );
    let r = model::build(app.framework(), app.session());
    let md = report::to_markdown(&r);
    assert!(!md.contains("Not enough areas have scores yet"), "{md}");
}

#[test]
fn new_and_open_take_solo() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("alone.ron");
    let out = Command::new(env!("CARGO_BIN_EXE_awayday"))
        .arg("new")
        .arg(&path)
        .args(["--solo", "--no-open"])
        .current_dir(dir.path())
        .env("AWAYDAY_DATA_DIR", dir.path())
        .env_remove("AWAYDAY_CONFIG_DIR")
        .stdin(Stdio::null())
        .output()
        .unwrap();
    assert!(out.status.success(), "{out:?}");
    assert!(awayday::session::load(&path).unwrap().room.solo);
}
