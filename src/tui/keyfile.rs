//! A user's own keys: `keys.ron` in awayday's config folder (`~/.config/awayday/keys.ron` on
//! Linux, or `$AWAYDAY_CONFIG_DIR`), naming only what it changes:
//!
//! ```ron
//! {
//!     "main": { "quit": ["Q"], "search": ["/", "Ctrl-f"] },
//!     "actions": { "delete": ["D"] },
//! }
//! ```
//!
//! Each action listed gets exactly the keys given. A file that cannot be used (a syntax error,
//! an unknown context, action or key, a key bound twice) is reported with its line and column,
//! and the defaults are used whole: half a keymap would be worse than none.

use std::path::{Path, PathBuf};

use super::keymap::{KeyFileError, Keymap, apply_to};

/// The key file's place: `AWAYDAY_CONFIG_DIR`, else the platform's config folder.
pub(crate) fn path() -> Option<PathBuf> {
    if let Some(dir) = std::env::var_os("AWAYDAY_CONFIG_DIR").filter(|d| !d.is_empty()) {
        return Some(PathBuf::from(dir).join("keys.ron"));
    }
    directories::ProjectDirs::from("", "", "awayday").map(|p| p.config_dir().join("keys.ron"))
}

/// The effective keymap, and what was wrong with the user's file, if anything.
pub(crate) fn load() -> (Keymap, Option<String>) {
    let Some(path) = path() else {
        return (Keymap::default(), None);
    };
    if std::fs::symlink_metadata(&path).is_err() {
        return (Keymap::default(), None);
    }
    match crate::files::read_limited(&path, 1024 * 1024) {
        Ok(bytes) => match apply(&String::from_utf8_lossy(&bytes), &path) {
            Ok(map) => (map, None),
            Err(e) => (Keymap::default(), Some(e.to_string())),
        },
        Err(e) => (
            Keymap::default(),
            Some(format!(
                "{}: {e}; the default keys are used.",
                path.display()
            )),
        ),
    }
}

/// The defaults with the changes in `src` (the text of the file at `origin`).
pub fn apply(src: &str, origin: &Path) -> Result<Keymap, KeyFileError> {
    apply_to(Keymap::default(), src, origin)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tui::action::Action;
    use crate::tui::keymap::Context;
    use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

    fn press(c: char) -> KeyEvent {
        KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE)
    }

    #[test]
    fn a_file_changes_only_what_it_names() {
        let map = apply(r#"{ "main": { "quit": ["Q"] } }"#, Path::new("keys.ron")).unwrap();
        assert_eq!(map.route(Context::Main, press('Q')), Some(Action::Quit));
        assert_eq!(map.route(Context::Main, press('q')), None);
        assert_eq!(map.route(Context::Main, press('j')), Some(Action::Down));
    }

    #[test]
    fn mistakes_are_located_and_the_defaults_kept() {
        let cases = [
            ("{ \"main\": { \"quit\": [\"Q\"] ", "keys.ron:1:"),
            (
                "{\n  \"mian\": {}\n}",
                "keys.ron:2:3: \"mian\" is not a place",
            ),
            (
                "{\n  \"main\": {\n    \"quitt\": [\"Q\"]\n  }\n}",
                "keys.ron:3:5: \"quitt\" is not an action",
            ),
            (
                "{ \"main\": { \"quit\": [\"Hyper-q\"] } }",
                "keys.ron:1:22: \"Hyper-q\" is not a key",
            ),
            ("{ \"main\": { \"quit\": [\"j\"] } }", "j is bound to both"),
        ];
        for (src, expected) in cases {
            let err = apply(src, Path::new("keys.ron")).unwrap_err().to_string();
            assert!(err.contains(expected), "{src}: {err}");
            assert!(err.ends_with("the default keys are used."), "{err}");
        }
    }
}
