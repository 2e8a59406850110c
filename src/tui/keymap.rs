//! Keys as data: for every context (the main screen, each list, each form, the editor), which
//! keys do what. Help, the status bar and every hint on screen are generated from this table,
//! so they cannot disagree with what the keys do. The actions are listed in `catalogue.rs`;
//! their default keys are a key file, `data/keys.ron`, read by the same code as a user's
//! `keys.ron`, which changes only what it names (see `keyfile.rs`).

mod catalogue;
mod context;
mod key;

use std::path::Path;
use std::sync::OnceLock;

use ratatui::crossterm::event::KeyEvent;

use super::action::Action;

pub use context::Context;
pub use key::Key;

/// Keys, the action they trigger, its name in a key file, and what help says about it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Binding {
    pub context: Context,
    /// The action's name in a key file: `quit`, `score-3`, `next-column`.
    pub name: &'static str,
    pub keys: Vec<Key>,
    pub action: Action,
    /// One line for help.
    pub help: &'static str,
    /// A word or two for hints on screen.
    pub hint: &'static str,
}

/// The effective keys: the defaults, with a user's changes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Keymap {
    bindings: Vec<Binding>,
}

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
                super::keyfile::apply_to(unbound, DEFAULT_KEYS, Path::new("data/keys.ron"))
                    .unwrap_or_else(|e| panic!("the compiled-in default keys: {e}"))
            })
            .clone()
    }
}

impl Keymap {
    /// Every binding (for tests that check the whole table).
    #[cfg(any(test, feature = "test-support"))]
    pub fn bindings(&self) -> &[Binding] {
        &self.bindings
    }

    pub(crate) fn bindings_mut(&mut self) -> &mut Vec<Binding> {
        &mut self.bindings
    }

    /// The bindings of one context, in help's order.
    pub fn context(&self, context: Context) -> impl Iterator<Item = &Binding> {
        self.bindings.iter().filter(move |b| b.context == context)
    }

    /// What a key press does in `context`: its binding, or, where text is typed, the key
    /// itself as input.
    pub fn route(&self, context: Context, event: KeyEvent) -> Option<Action> {
        let key = Key::of(event);
        self.context(context)
            .find(|b| b.keys.contains(&key))
            .map(|b| b.action.clone())
            .or_else(|| context.takes_text().then_some(Action::Input(event)))
    }

    /// The first key for an action in `context`, as help writes it.
    pub fn key_for(&self, context: Context, action: &Action) -> Option<String> {
        self.context(context)
            .find(|b| b.action == *action)
            .and_then(|b| b.keys.first())
            .map(|k| k.label())
    }

    /// A hint line for a view: "key hint · key hint", for the actions given, from the table.
    pub fn hints(&self, context: Context, actions: &[Action]) -> String {
        actions
            .iter()
            .filter_map(|a| {
                let b = self.context(context).find(|b| b.action == *a)?;
                Some(format!("{} {}", b.keys.first()?.label(), b.hint))
            })
            .collect::<Vec<_>>()
            .join(" · ")
    }

    /// Keys bound twice in one context, as "context: key (a, b)" lines.
    pub fn clashes(&self) -> Vec<String> {
        let mut out = Vec::new();
        for context in Context::ALL {
            let bindings: Vec<&Binding> = self.context(context).collect();
            for (i, a) in bindings.iter().enumerate() {
                for b in &bindings[i + 1..] {
                    for key in &a.keys {
                        if b.keys.contains(key) {
                            out.push(format!(
                                "{}: {} is bound to both {} and {}",
                                context.name(),
                                key.label(),
                                a.name,
                                b.name
                            ));
                        }
                    }
                }
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::crossterm::event::{KeyCode, KeyModifiers};
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
        let changed = crate::tui::keyfile::apply(
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
