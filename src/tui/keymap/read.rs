//! Reading a key file's text over a keymap: each context and action it names gets exactly
//! the keys given, and anything that cannot be used (a syntax error, an unknown context,
//! action or key, a key bound twice) is refused with its line and column. The compiled-in
//! defaults and a user's `keys.ron` are both read here.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use super::bindings::Keymap;
use super::context::Context;
use super::key::Key;

type File = BTreeMap<String, BTreeMap<String, Vec<String>>>;

/// A key file that cannot be used, and where: said as `keys.ron:3:5: …; the default keys
/// are used.`
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{}:{line}:{col}: {problem}; the default keys are used.", origin.display())]
pub struct KeyFileError {
    pub origin: PathBuf,
    pub line: usize,
    pub col: usize,
    pub problem: KeyFileProblem,
}

/// What is wrong in a key file.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum KeyFileProblem {
    /// The file is not readable RON of the right shape.
    #[error("{0}")]
    Syntax(String),
    #[error("\"{name}\" is not a place keys work; these are: {}", known.join(", "))]
    UnknownContext {
        name: String,
        known: Vec<&'static str>,
    },
    #[error("\"{action}\" is not an action in \"{context}\"; these are: {}", known.join(", "))]
    UnknownAction {
        context: String,
        action: String,
        known: Vec<&'static str>,
    },
    #[error(
        "\"{0}\" is not a key awayday knows (write keys as help shows them: q, Ctrl-r, Enter, PgDn, F1)"
    )]
    UnknownKey(String),
    /// One key for two actions in one place.
    #[error("{0}")]
    Clash(String),
}

/// `base` with the changes in `src`: the user's file over the defaults, or the defaults'
/// own file (`data/keys.ron`) over the actions with no keys yet.
pub(crate) fn apply_to(mut map: Keymap, src: &str, origin: &Path) -> Result<Keymap, KeyFileError> {
    let at = |line: usize, col: usize, problem: KeyFileProblem| KeyFileError {
        origin: origin.to_path_buf(),
        line,
        col,
        problem,
    };
    let file: File = ron::Options::default().from_str(src).map_err(|e| {
        at(
            e.span.start.line,
            e.span.start.col,
            KeyFileProblem::Syntax(e.code.to_string()),
        )
    })?;
    // Where a token is in the file, for messages: the first quoted occurrence after `from`.
    let locate = |token: &str, from: usize| -> (usize, usize, usize) {
        let quoted = format!("\"{token}\"");
        let pos = src[from.min(src.len())..]
            .find(&quoted)
            .map_or(from, |p| from + p);
        let line = src[..pos].matches('\n').count() + 1;
        let col = pos - src[..pos].rfind('\n').map_or(0, |n| n + 1) + 1;
        (line, col, pos)
    };
    for (context_name, actions) in &file {
        let (line, col, context_pos) = locate(context_name, 0);
        let Some(context) = Context::ALL.into_iter().find(|c| c.name() == context_name) else {
            return Err(at(
                line,
                col,
                KeyFileProblem::UnknownContext {
                    name: context_name.clone(),
                    known: Context::ALL.iter().map(|c| c.name()).collect(),
                },
            ));
        };
        for (action_name, keys) in actions {
            let (line, col, action_pos) = locate(action_name, context_pos);
            let known: Vec<&'static str> = map.context(context).map(|b| b.name).collect();
            let Some(binding) = map
                .bindings_mut()
                .iter_mut()
                .find(|b| b.context == context && b.name == action_name)
            else {
                return Err(at(
                    line,
                    col,
                    KeyFileProblem::UnknownAction {
                        context: context_name.clone(),
                        action: action_name.clone(),
                        known,
                    },
                ));
            };
            let mut parsed = Vec::new();
            for key in keys {
                let (line, col, _) = locate(key, action_pos);
                parsed.push(
                    Key::parse(key)
                        .ok_or_else(|| at(line, col, KeyFileProblem::UnknownKey(key.clone())))?,
                );
            }
            binding.keys = parsed;
        }
    }
    if let Some(clash) = map.clashes().first() {
        let (line, col, _) = locate("", 0);
        return Err(at(line, col, KeyFileProblem::Clash(clash.clone())));
    }
    Ok(map)
}
