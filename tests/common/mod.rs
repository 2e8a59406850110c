//! Shared helpers for the integration tests.
#![allow(dead_code)]

pub mod http;
pub mod tmux;

use std::path::{Path, PathBuf};

use awayday::framework::{self, Framework};
use awayday::session::Session;
use awayday::session::{ActionItem, Column, Edit, History, Score};
use awayday::tui::action::Action;
use awayday::tui::action::Effect;
use awayday::tui::app::App;
use awayday::tui::update::update;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

pub fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

pub fn mini() -> Framework {
    framework::load_path(&fixture("mini-framework.ron")).expect("the mini fixture loads")
}

pub fn benchmark() -> Framework {
    framework::resolve(None).expect("the built-in benchmark loads")
}

/// An app over `fw` with the given groups, saved nowhere in particular.
pub fn app_with(fw: Framework, groups: &[&str]) -> App {
    let session = Session::new(
        &fw,
        groups.iter().map(|g| (*g).to_owned()).collect(),
        "2026-11-23".into(),
    );
    let mut app = App::new(fw, session, PathBuf::from("/tmp/awayday-test-session.ron"));
    app.theme_mut().colour = false;
    update(&mut app, Action::Resize(120, 40));
    app
}

/// Feeds actions, returning the last effect.
pub fn feed(app: &mut App, actions: &[Action]) -> Option<Effect> {
    let mut last = None;
    for a in actions {
        last = update(app, a.clone()).or(last);
    }
    last
}

/// Sets a score the only way a session changes: an edit through the undo history.
pub fn set_score(s: &mut Session, id: &str, column: Column, score: Option<Score>) {
    let before = s.score(id, column);
    History::default().apply(
        s,
        Edit::Score {
            node: id.to_owned(),
            column,
            before,
            after: score,
        },
    );
}

/// Sets a node's notes through the undo history.
pub fn set_notes(s: &mut Session, id: &str, notes: String) {
    let before = s.notes(id).to_owned();
    History::default().apply(
        s,
        Edit::Notes {
            node: id.to_owned(),
            before,
            after: notes,
        },
    );
}

/// Sets a node's actions through the undo history.
pub fn set_actions(s: &mut Session, id: &str, actions: Vec<ActionItem>) {
    let before = s.actions(id).to_vec();
    History::default().apply(
        s,
        Edit::Actions {
            node: id.to_owned(),
            before,
            after: actions,
        },
    );
}

/// Types text into whatever overlay is open.
pub fn type_text(app: &mut App, text: &str) {
    for c in text.chars() {
        update(
            app,
            Action::Key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE)),
        );
    }
}

pub fn key(code: KeyCode) -> Action {
    Action::Key(KeyEvent::new(code, KeyModifiers::NONE))
}

/// Selects the node with this id (expanding what is needed).
pub fn select(app: &mut App, id: &str) {
    let ix = app.framework().find(id).expect("id exists");
    app.reveal(ix);
    app.select(ix);
}

/// The session as awayday opens it next (file and journal), once a killed process's lock is
/// gone (its last thread can outlive the zombie state of its first by a moment).
pub fn reopened(path: &Path) -> awayday::session::Opened {
    for _ in 0..100 {
        match awayday::session::Store::open(path) {
            Err(awayday::session::StoreError::Lock(_)) => {
                std::thread::sleep(std::time::Duration::from_millis(50));
            }
            other => return other.expect("the session reopens"),
        }
    }
    panic!("{} stayed locked", path.display());
}

/// A journal entry: `group`'s score on `node` is level `v`.
pub fn score_entry(node: &str, group: &str, v: u8) -> awayday::session::journal::Entry {
    awayday::session::journal::Entry::Score {
        node: node.into(),
        group: Some(group.into()),
        score: Some(Score::Level(v)),
    }
}
