//! Keys as data: for every context (the main screen, each list, each form, the editor), which
//! keys do what. Help, the status bar and every hint on screen are generated from this table,
//! so they cannot disagree with what the keys do. The actions are listed in `catalogue.rs`;
//! their default keys are a key file, `data/keys.ron`, read by the same code as a user's
//! `keys.ron`, which changes only what it names (see `keyfile.rs`).

mod bindings;
mod catalogue;
mod context;
mod key;
mod read;

use std::path::Path;
use std::sync::OnceLock;

pub use bindings::{Binding, Keymap};
pub use context::Context;
pub use read::KeyFileError;
pub(crate) use read::apply_to;

/// The default keys, a key file naming every action, compiled in.
pub(crate) const DEFAULT_KEYS: &str = include_str!("../../data/keys.ron");

impl Default for Keymap {
    /// The catalogue's actions with the keys of `data/keys.ron`, read once by the code that
    /// reads a user's file; later calls clone it.
    fn default() -> Self {
        static DEFAULTS: OnceLock<Keymap> = OnceLock::new();
        DEFAULTS
            .get_or_init(|| {
                let unbound = Keymap {
                    bindings: catalogue::actions(),
                };
                // The file is part of the build, and a test reads it: it cannot fail here
                // unless that test fails too.
                read::apply_to(unbound, DEFAULT_KEYS, Path::new("data/keys.ron"))
                    .unwrap_or_else(|e| panic!("the compiled-in default keys: {e}"))
            })
            .clone()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tui::action::Action;
    use key::Key;
    use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
    use std::collections::BTreeMap;

    #[test]
    fn the_compiled_in_keys_parse_and_give_every_action_a_key() {
        let file: BTreeMap<String, BTreeMap<String, Vec<String>>> =
            ron::Options::default().from_str(DEFAULT_KEYS).unwrap();
        let map = Keymap::default();
        for b in catalogue::actions() {
            let named = file
                .get(b.context.name())
                .and_then(|actions| actions.get(b.name));
            assert!(
                named.is_some_and(|keys| !keys.is_empty()),
                "data/keys.ron gives no key to {} in {}",
                b.name,
                b.context.name()
            );
        }
        assert_eq!(map.bindings().len(), catalogue::actions().len());
        assert!(map.bindings().iter().all(|b| !b.keys.is_empty()));
        // Spot checks that the file's keys, not only its names, reach the map.
        let q = KeyEvent::new(KeyCode::Char('q'), KeyModifiers::NONE);
        assert_eq!(map.route(Context::Main, q), Some(Action::Quit));
        let up = KeyEvent::new(KeyCode::Up, KeyModifiers::NONE);
        assert_eq!(map.route(Context::Search, up), Some(Action::ListUp));
    }

    #[test]
    fn a_user_file_changing_one_key_changes_only_that_key() {
        let defaults = Keymap::default();
        let changed = apply_to(
            Keymap::default(),
            r#"{ "search": { "clear": ["Ctrl-k"] } }"#,
            Path::new("keys.ron"),
        )
        .unwrap();
        let mut differ = Vec::new();
        for (a, b) in defaults.bindings().iter().zip(changed.bindings()) {
            assert_eq!(
                (a.context, a.name, &a.action),
                (b.context, b.name, &b.action)
            );
            if a.keys != b.keys {
                differ.push((b.context, b.name, b.keys.clone()));
            }
        }
        assert_eq!(defaults.bindings().len(), changed.bindings().len());
        assert_eq!(
            differ,
            vec![(
                Context::Search,
                "clear",
                vec![Key::parse("Ctrl-k").unwrap()]
            )]
        );
    }

    #[test]
    fn no_key_is_bound_twice_in_one_context() {
        let clashes = Keymap::default().clashes();
        assert!(clashes.is_empty(), "{clashes:#?}");
    }

    #[test]
    fn every_binding_round_trips_and_every_label_parses() {
        let map = Keymap::default();
        for b in map.bindings() {
            for key in &b.keys {
                let mods = if key.ctrl {
                    KeyModifiers::CONTROL
                } else {
                    KeyModifiers::NONE
                };
                assert_eq!(
                    map.route(b.context, KeyEvent::new(key.code, mods)),
                    Some(b.action.clone())
                );
                assert_eq!(Key::parse(&key.label()), Some(*key), "{}", key.label());
            }
        }
    }

    #[test]
    fn names_are_unique_in_each_context() {
        let map = Keymap::default();
        for context in Context::ALL {
            let mut names: Vec<&str> = map.context(context).map(|b| b.name).collect();
            let n = names.len();
            names.sort_unstable();
            names.dedup();
            assert_eq!(names.len(), n, "{}", context.name());
        }
    }

    #[test]
    fn unbound_keys_are_text_only_where_text_is_typed() {
        let map = Keymap::default();
        let z = KeyEvent::new(KeyCode::Char('z'), KeyModifiers::NONE);
        assert_eq!(map.route(Context::Main, z), None);
        assert_eq!(map.route(Context::Search, z), Some(Action::Input(z)));
        assert_eq!(map.route(Context::Notes, z), Some(Action::Input(z)));
    }
}
