//! Shared helpers for the integration tests.
#![allow(dead_code)]

pub mod tmux;

use std::path::{Path, PathBuf};

use awayday::framework::{self, Framework};
use awayday::session::Session;
use awayday::tui::action::Action;
use awayday::tui::app::App;
use awayday::tui::update::{Effect, update};
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
    app.theme.colour = false;
    update(&mut app, Action::Resize(120, 40));
    app
}

/// Feeds actions, returning the last effect.
pub fn feed(app: &mut App, actions: &[Action]) -> Option<Effect> {
    let mut last = None;
    for a in actions {
        last = update(app, *a).or(last);
    }
    last
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
    let ix = app.framework.find(id).expect("id exists");
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
