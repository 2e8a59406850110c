//! Finding a statement by what people say: "go to 2.3.c.4" (or "2.3c4") in the search and in
//! `awayday lookup`; and the framework's own text above a note holding the same words.
#![allow(clippy::unwrap_used)] // tests may unwrap: a panic is a failure

mod common;

use std::process::{Command, Stdio};

use awayday::tui::action::Action;
use awayday::tui::update::update;
use common::{app_with, benchmark, feed, type_text};
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

fn key(code: KeyCode) -> Action {
    Action::Key(KeyEvent::new(code, KeyModifiers::NONE))
}

fn search_and_jump(app: &mut awayday::tui::app::App, query: &str) {
    feed(app, &[key(KeyCode::Char('/'))]);
    update(app, Action::Paste(query.into()));
    feed(app, &[key(KeyCode::Enter)]);
    assert!(!app.has_view(), "Enter jumped");
}

#[test]
fn an_id_typed_in_the_search_jumps_straight_there() {
    for typed in ["2.3.c.4", "2.3c4", "2.1.A.1"] {
        let mut app = app_with(benchmark(), &["Red"]);
        search_and_jump(&mut app, typed);
        let want = typed.to_lowercase().replace("3c4", "3.c.4");
        assert_eq!(app.selected_id(), want, "{typed}");
    }
}

#[test]
fn the_statement_ranks_above_a_note_holding_the_same_words() {
    let mut app = app_with(benchmark(), &["Red"]);
    common::set_notes(
        app.session_mut(),
        "1.1",
        "We made some hard calls in the budget round.".into(),
    );
    feed(&mut app, &[key(KeyCode::Char('/'))]);
    type_text(&mut app, "call in");
    feed(&mut app, &[key(KeyCode::Enter)]);
    assert_eq!(app.selected_id(), "2.3.c.4", "the statement about call-in");
}

#[test]
fn lookup_finds_an_id_however_it_is_typed() {
    let dir = tempfile::tempdir().unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_awayday"))
        .args(["lookup", "2.3c4", "--limit", "3"])
        .current_dir(dir.path())
        .env("AWAYDAY_DATA_DIR", dir.path())
        .env_remove("AWAYDAY_CONFIG_DIR")
        .env("NO_COLOR", "1")
        .stdin(Stdio::null())
        .output()
        .unwrap();
    assert!(out.status.success(), "{out:?}");
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.starts_with("2.3.c.4 "), "{text}");
    assert!(text.contains("call-in process"), "{text}");
}
