//! Random key and action sequences, pastes, Unicode and control characters, and resizes from
//! 1×1 to 500×200, fed to the app and the renderer: nothing panics, and the session saved
//! afterwards reloads equal to the one in memory.
#![allow(clippy::unwrap_used)] // tests may unwrap: a panic is a failure

mod common;

use awayday::session;
use awayday::tui::action::Action;
use awayday::tui::ui;
use awayday::tui::update::update;
use proptest::prelude::*;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

fn key_code() -> impl Strategy<Value = KeyCode> {
    prop_oneof![
        4 => any::<char>().prop_map(KeyCode::Char),
        2 => proptest::sample::select(vec!['j', 'k', 'h', 'l', '1', '2', '3', '4', '9', '0', '-', 'x', 'n', '/', 'e', '?', 'u', ']', '[', 'g', 'G', 'a', 'q', ' ']).prop_map(KeyCode::Char),
        1 => proptest::sample::select(vec!['\u{0}', '\u{7}', '\u{1b}', '\u{200f}', '\u{301}', '\u{fe0f}', '👍', '日', 'ع', '\t', '\r', '\n']).prop_map(KeyCode::Char),
        2 => proptest::sample::select(vec![
            KeyCode::Enter, KeyCode::Esc, KeyCode::Backspace, KeyCode::Delete, KeyCode::Tab, KeyCode::BackTab,
            KeyCode::Up, KeyCode::Down, KeyCode::Left, KeyCode::Right, KeyCode::Home, KeyCode::End,
            KeyCode::PageUp, KeyCode::PageDown, KeyCode::F(1),
        ]),
    ]
}

fn key_event() -> impl Strategy<Value = KeyEvent> {
    (key_code(), prop_oneof![4 => Just(KeyModifiers::NONE), 1 => Just(KeyModifiers::CONTROL), 1 => Just(KeyModifiers::SHIFT), 1 => Just(KeyModifiers::ALT)])
        .prop_map(|(c, m)| KeyEvent::new(c, m))
}

fn action() -> impl Strategy<Value = Action> {
    prop_oneof![
        // Keys go through the keymap of whatever context has them, as in the loop.
        6 => key_event().prop_map(Action::Key),
        1 => "[a-zé🟢\\n\\t\\u{7}]{0,40}".prop_map(Action::Paste),
        1 => (1u16..=500, 1u16..=200).prop_map(|(w, h)| Action::Resize(w, h)),
        1 => (0u16..200, 0u16..60).prop_map(|(x, y)| Action::Click(x, y)),
        1 => (0u16..200, 0u16..60, any::<bool>()).prop_map(|(column, row, down)| Action::Wheel { column, row, down }),
        1 => (1u8..=9).prop_map(Action::Score),
        1 => Just(Action::Undo),
        1 => Just(Action::Redo),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 96, ..ProptestConfig::default() })]

    #[test]
    fn random_input_never_panics_and_what_is_saved_reloads(actions in proptest::collection::vec(action(), 1..80)) {
        let fw = common::mini();
        let mut app = common::app_with(fw, &["Red", "Blue", "Grün 🟢"]);
        // One terminal for the whole run, resized with the app, as the program keeps one: a
        // new terminal and a copy of its screen for every action made this test take 15 s.
        let (w, h) = app.size();
        let mut terminal = Terminal::new(TestBackend::new(w, h)).unwrap_or_else(|e| match e {});
        for a in actions {
            update(&mut app, a);
            let (w, h) = app.size();
            terminal.backend_mut().resize(w, h);
            terminal.draw(|f| ui::render(&app, f)).unwrap_or_else(|e| match e {});
        }
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("s.ron");
        session::save(&path, app.session()).unwrap();
        let reloaded = session::load(&path).unwrap();
        prop_assert_eq!(&reloaded, app.session());
    }
}
