//! Default key bindings, as data. The help overlay and the status-bar hints are generated from
//! this table, so they cannot disagree with what the keys do.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::action::Action;

/// One key, as written in the table.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Key {
    pub code: KeyCode,
    pub ctrl: bool,
}

const fn k(c: char) -> Key {
    Key {
        code: KeyCode::Char(c),
        ctrl: false,
    }
}

const fn ctrl(c: char) -> Key {
    Key {
        code: KeyCode::Char(c),
        ctrl: true,
    }
}

const fn code(code: KeyCode) -> Key {
    Key { code, ctrl: false }
}

impl Key {
    /// How the key is written in help: `j`, `Ctrl-r`, `↑`, `PgDn`.
    pub fn label(self) -> String {
        let base = match self.code {
            KeyCode::Char(' ') => "Space".to_owned(),
            KeyCode::Char(c) => c.to_string(),
            KeyCode::Up => "↑".into(),
            KeyCode::Down => "↓".into(),
            KeyCode::Left => "←".into(),
            KeyCode::Right => "→".into(),
            KeyCode::Enter => "Enter".into(),
            KeyCode::Tab => "Tab".into(),
            KeyCode::BackTab => "Shift-Tab".into(),
            KeyCode::Backspace => "Backspace".into(),
            KeyCode::PageUp => "PgUp".into(),
            KeyCode::PageDown => "PgDn".into(),
            KeyCode::Home => "Home".into(),
            KeyCode::End => "End".into(),
            KeyCode::F(n) => format!("F{n}"),
            other => format!("{other:?}"),
        };
        if self.ctrl {
            format!("Ctrl-{base}")
        } else {
            base
        }
    }
}

/// A group of bindings under one heading in the help.
pub struct Section {
    pub title: &'static str,
    pub bindings: &'static [Binding],
}

/// Keys, the action they trigger, and what help says about it.
pub struct Binding {
    pub keys: &'static [Key],
    pub action: Action,
    pub help: &'static str,
}

const fn bind(keys: &'static [Key], action: Action, help: &'static str) -> Binding {
    Binding { keys, action, help }
}

/// The default keymap, in the order help lists it.
pub const SECTIONS: &[Section] = &[
    Section {
        title: "Move",
        bindings: &[
            bind(&[code(KeyCode::Up), k('k')], Action::Up, "previous row"),
            bind(&[code(KeyCode::Down), k('j')], Action::Down, "next row"),
            bind(
                &[code(KeyCode::Left), k('h')],
                Action::Left,
                "collapse, or go to parent",
            ),
            bind(
                &[code(KeyCode::Right), k('l')],
                Action::Right,
                "expand, or go to first child",
            ),
            bind(
                &[code(KeyCode::Enter), k(' ')],
                Action::Toggle,
                "expand / collapse",
            ),
            bind(&[k('g'), code(KeyCode::Home)], Action::Top, "first row"),
            bind(&[k('G'), code(KeyCode::End)], Action::Bottom, "last row"),
            bind(&[code(KeyCode::PageUp)], Action::PageUp, "page up"),
            bind(&[code(KeyCode::PageDown)], Action::PageDown, "page down"),
            bind(
                &[k(']')],
                Action::NextUnscored,
                "next statement not scored in this column",
            ),
            bind(
                &[k('[')],
                Action::PrevUnscored,
                "previous statement not scored in this column",
            ),
            bind(
                &[k('J'), ctrl('d')],
                Action::DetailDown,
                "scroll the text pane down",
            ),
            bind(
                &[k('K'), ctrl('u')],
                Action::DetailUp,
                "scroll the text pane up",
            ),
        ],
    },
    Section {
        title: "Score",
        bindings: &[
            bind(
                &[code(KeyCode::Tab)],
                Action::NextColumn,
                "next column: each group, then Agreed",
            ),
            bind(
                &[code(KeyCode::BackTab)],
                Action::PrevColumn,
                "previous column",
            ),
            bind(&[k('1')], Action::Score(1), "score level 1"),
            bind(&[k('2')], Action::Score(2), "score level 2"),
            bind(&[k('3')], Action::Score(3), "score level 3"),
            bind(&[k('4')], Action::Score(4), "score level 4"),
            bind(
                &[k('5')],
                Action::Score(5),
                "score level 5 (if the scale has it)",
            ),
            bind(
                &[k('6')],
                Action::Score(6),
                "score level 6 (if the scale has it)",
            ),
            bind(
                &[k('7')],
                Action::Score(7),
                "score level 7 (if the scale has it)",
            ),
            bind(
                &[k('8')],
                Action::Score(8),
                "score level 8 (if the scale has it)",
            ),
            bind(
                &[k('9')],
                Action::Score(9),
                "score level 9 (if the scale has it)",
            ),
            bind(&[k('-')], Action::NotApplicable, "not applicable"),
            bind(
                &[k('0'), k('x'), code(KeyCode::Backspace)],
                Action::Clear,
                "clear the score",
            ),
        ],
    },
    Section {
        title: "Session",
        bindings: &[
            bind(
                &[k('n')],
                Action::EditNotes,
                "edit notes of the selected node (Esc keeps them)",
            ),
            bind(
                &[k('a')],
                Action::Actions,
                "actions of the selected node: add, edit, done, delete",
            ),
            bind(
                &[k('s')],
                Action::Summary,
                "summary: coverage, means, where groups disagree",
            ),
            bind(
                &[k('/')],
                Action::Search,
                "search all text (Enter jumps, Esc cancels)",
            ),
            bind(
                &[k('e')],
                Action::Settings,
                "title, organisation, facilitator, groups",
            ),
            bind(&[k('u')], Action::Undo, "undo"),
            bind(&[ctrl('r')], Action::Redo, "redo"),
            bind(&[k('?'), code(KeyCode::F(1))], Action::Help, "this help"),
            bind(
                &[ctrl('s')],
                Action::Save,
                "save now (every change is saved anyway)",
            ),
            bind(&[k('q'), ctrl('c')], Action::Quit, "save and quit"),
        ],
    },
];

/// The action bound to a key press, if any.
pub fn action_for(event: KeyEvent) -> Option<Action> {
    let ctrl = event.modifiers.contains(KeyModifiers::CONTROL);
    // Terminals report Shift-Tab as BackTab (usually with SHIFT set): match on the code alone.
    let key = Key {
        code: event.code,
        ctrl,
    };
    SECTIONS
        .iter()
        .flat_map(|s| s.bindings.iter())
        .find(|b| b.keys.contains(&key))
        .map(|b| b.action)
}

/// The first key bound to an action, as help writes it.
pub fn key_for(action: Action) -> Option<String> {
    SECTIONS
        .iter()
        .flat_map(|s| s.bindings.iter())
        .find(|b| b.action == action)
        .and_then(|b| b.keys.first())
        .map(|k| k.label())
}

#[cfg(test)]
mod tests {
    use std::collections::HashSet;

    use super::*;

    #[test]
    fn no_key_is_bound_twice() {
        let mut seen = HashSet::new();
        for b in SECTIONS.iter().flat_map(|s| s.bindings.iter()) {
            for key in b.keys {
                assert!(seen.insert(*key), "{} is bound twice", key.label());
            }
        }
    }

    #[test]
    fn every_intent_has_a_key() {
        // Every action a person means (not raw input forwarded to overlays) must be reachable.
        let intents = [
            Action::Up,
            Action::Down,
            Action::Left,
            Action::Right,
            Action::Toggle,
            Action::Top,
            Action::Bottom,
            Action::PageUp,
            Action::PageDown,
            Action::NextUnscored,
            Action::PrevUnscored,
            Action::NextColumn,
            Action::PrevColumn,
            Action::Score(1),
            Action::Clear,
            Action::NotApplicable,
            Action::EditNotes,
            Action::Actions,
            Action::Summary,
            Action::Search,
            Action::Settings,
            Action::Undo,
            Action::Redo,
            Action::Help,
            Action::Save,
            Action::Quit,
            Action::DetailUp,
            Action::DetailDown,
        ];
        for a in intents {
            // An exhaustive match: a new action fails to compile here until it is classified.
            let is_input = match a {
                Action::Key(_) | Action::Click(..) | Action::Wheel { .. } | Action::Resize(..) => {
                    true
                }
                Action::Up
                | Action::Down
                | Action::Left
                | Action::Right
                | Action::Toggle
                | Action::Top
                | Action::Bottom
                | Action::PageUp
                | Action::PageDown
                | Action::NextUnscored
                | Action::PrevUnscored
                | Action::NextColumn
                | Action::PrevColumn
                | Action::Score(_)
                | Action::Clear
                | Action::NotApplicable
                | Action::EditNotes
                | Action::Actions
                | Action::Summary
                | Action::Search
                | Action::Settings
                | Action::Undo
                | Action::Redo
                | Action::Help
                | Action::Save
                | Action::Quit
                | Action::DetailUp
                | Action::DetailDown => false,
            };
            assert!(is_input || key_for(a).is_some(), "{a:?} has no key");
        }
    }

    #[test]
    fn every_binding_round_trips() {
        for b in SECTIONS.iter().flat_map(|s| s.bindings.iter()) {
            for key in b.keys {
                let mods = if key.ctrl {
                    KeyModifiers::CONTROL
                } else {
                    KeyModifiers::NONE
                };
                assert_eq!(action_for(KeyEvent::new(key.code, mods)), Some(b.action));
            }
        }
    }
}
