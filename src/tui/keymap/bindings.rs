//! The keys in effect: each action's binding (its keys, its name in a key file, its words in
//! help), and what a key press does in a context, read from them.

use ratatui::crossterm::event::KeyEvent;

use super::context::Context;
use super::key::Key;
use crate::tui::action::Action;

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
    pub(super) bindings: Vec<Binding>,
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
    pub(crate) fn context(&self, context: Context) -> impl Iterator<Item = &Binding> {
        self.bindings.iter().filter(move |b| b.context == context)
    }

    /// What a key press does in `context`: its binding, or, where text is typed, the key
    /// itself as input.
    pub(crate) fn route(&self, context: Context, event: KeyEvent) -> Option<Action> {
        let key = Key::of(event);
        self.context(context)
            .find(|b| b.keys.contains(&key))
            .map(|b| b.action.clone())
            .or_else(|| context.takes_text().then_some(Action::Input(event)))
    }

    /// The first key for an action in `context`, as help writes it.
    pub(crate) fn key_for(&self, context: Context, action: &Action) -> Option<String> {
        self.context(context)
            .find(|b| b.action == *action)
            .and_then(|b| b.keys.first())
            .map(|k| k.label())
    }

    /// A hint line for a view: "key hint · key hint", for the actions given, from the table.
    pub(crate) fn hints(&self, context: Context, actions: &[Action]) -> String {
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
    pub(crate) fn clashes(&self) -> Vec<String> {
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
