//! Reading and writing session files: version check, validation, atomic save with a backup.

use std::path::{Path, PathBuf};

use serde::Deserialize;

use super::group_names;
use super::locate::{self, Spot};
use super::model::{FORMAT_VERSION, FrameworkRef, Score, Session};
use crate::cache;
use crate::framework::{self, Framework, LoadError};

/// Why a session could not be opened or saved.
#[derive(Debug, thiserror::Error)]
pub enum SessionError {
    #[error(transparent)]
    Load(#[from] LoadError),
    #[error(
        "{origin}: written by a newer awayday (session format {found}); this version reads format {FORMAT_VERSION} and older. Nothing was changed."
    )]
    NewerFormat { origin: String, found: u32 },
    #[error("{origin}: not an awayday session: {message}")]
    Foreign { origin: String, message: String },
    #[error("{origin}: {message}")]
    Invalid { origin: String, message: String },
    #[error(
        "{origin}: cannot find the framework this session scores: \"{id}\" (edition {edition}){hint}"
    )]
    FrameworkMissing {
        origin: String,
        id: String,
        edition: String,
        hint: String,
    },
    #[error("{path}: cannot save: {source}")]
    Write {
        path: PathBuf,
        source: std::io::Error,
    },
}

/// Only the version, read first so a newer file is refused with the right message rather than
/// failing on a field this version does not know.
#[derive(Deserialize)]
struct VersionProbe {
    format_version: u32,
}

/// Parses and validates session text. `origin` names the source in messages.
pub fn parse(src: &str, origin: &str) -> Result<Session, SessionError> {
    // One pass over the text when it is a session this version reads: the usual case, and
    // most of the cost of opening a large one. The version alone is read only to explain a
    // text that is not.
    let full = framework::parse_ron::<Session>(src, origin);
    if let Ok(session) = &full
        && session.format_version <= FORMAT_VERSION
    {
        validate(session, src, origin)?;
        return full.map_err(SessionError::Load);
    }
    let probe: VersionProbe = framework::parse_ron(src, origin).map_err(|e| match e {
        LoadError::Syntax { message, .. } if message.contains("format_version") => {
            SessionError::Foreign {
                origin: origin.to_owned(),
                message: "it has no format_version".into(),
            }
        }
        other => SessionError::Load(other),
    })?;
    if probe.format_version > FORMAT_VERSION {
        return Err(SessionError::NewerFormat {
            origin: origin.to_owned(),
            found: probe.format_version,
        });
    }
    let session = full?;
    validate(&session, src, origin)?;
    Ok(session)
}

/// [`parse`] of a file's `bytes`, through the parse cache: the same bytes parsed and
/// checked before are read back from it, and a session parsed here is kept in it.
pub(super) fn parse_bytes(bytes: &[u8], origin: &str) -> Result<Session, SessionError> {
    let kept = cache::wanted(bytes.len()).then(|| cache::Key::of(bytes));
    if let Some(key) = kept
        && let Some(session) = cache::get::<Session>(cache::Kind::Session, key, bytes.len())
    {
        return Ok(session);
    }
    let text = std::str::from_utf8(bytes).map_err(|e| SessionError::Invalid {
        origin: origin.to_owned(),
        message: format!(
            "is not UTF-8 text (invalid byte at offset {})",
            e.valid_up_to()
        ),
    })?;
    let session = parse(text, origin)?;
    if let Some(key) = kept {
        cache::put_later(cache::Kind::Session, key, bytes.len(), session.clone());
    }
    Ok(session)
}

/// Reads a session file.
pub fn load(path: &Path) -> Result<Session, SessionError> {
    let src = framework::read_text(path)?;
    parse(&src, &path.display().to_string())
}

/// Checks what the types cannot: names, scores on the scale, scores of known groups. A
/// problem at a group's name is located in `src` (line and column), as syntax errors are.
fn validate(s: &Session, src: &str, origin: &str) -> Result<(), SessionError> {
    let invalid = |message: String| SessionError::Invalid {
        origin: origin.to_owned(),
        message,
    };
    let located = |spot: Spot<'_>, message: String| match locate::find(src, spot) {
        Some((line, column)) => SessionError::Load(LoadError::Syntax {
            origin: origin.to_owned(),
            line,
            column,
            message,
        }),
        None => invalid(message),
    };
    if s.groups.is_empty() {
        return Err(invalid("the session has no groups".into()));
    }
    for i in 0..s.groups.len() {
        if let Some(message) = group_names::problem(&s.groups, i) {
            return Err(located(Spot::Group(i), message));
        }
    }
    if s.scale.len() < 2 {
        return Err(invalid(
            "the session's scale has fewer than two levels".into(),
        ));
    }
    for (id, rec) in &s.nodes {
        for g in rec.scores.keys() {
            if s.groups.contains(g) {
                continue;
            }
            // A score keyed by a group in another case ("red" for "Red") is refused, not
            // taken as that group's: every reader (reports, CSV, the journal, merge) finds a
            // group's scores by the name as the groups list spells it, and taking "red" as
            // "Red" would mean choosing, unasked, between the two when a node has both. awayday
            // never writes this; a hand edit does, and its author knows which was meant.
            let message = match s.groups.iter().find(|name| group_names::same(name, g)) {
                Some(spelled) => format!(
                    "node {id} has a score for \"{g}\", but the group is spelled \"{spelled}\"; write it as the groups list does"
                ),
                None => format!("node {id} has a score for \"{g}\", which is not a group"),
            };
            return Err(located(Spot::Score { node: id, group: g }, message));
        }
        for score in rec.scores.values().chain(&rec.agreed) {
            if let Score::Level(v) = score
                && !s.scale.iter().any(|l| l.value == *v)
            {
                return Err(invalid(format!(
                    "node {id} has score {v}, which is not on the scale"
                )));
            }
        }
    }
    Ok(())
}

/// The session as the text written to disk.
pub fn to_ron(session: &Session) -> String {
    let config = ron::ser::PrettyConfig::new()
        .indentor("    ".to_owned())
        .struct_names(false);
    // Serialising plain data with string keys cannot fail; fall back to compact just in case.
    ron::ser::to_string_pretty(session, config)
        .or_else(|_| ron::to_string(session))
        .unwrap_or_default()
        + "\n"
}

/// The backup kept beside a session: the file as it was when it was last opened.
pub fn backup_path(path: &Path) -> PathBuf {
    crate::files::with_suffix(path, ".bak")
}

/// Where the in-memory session is written if the app stops on an internal error.
pub fn emergency_path(path: &Path) -> PathBuf {
    let stem = path.file_stem().unwrap_or_default().to_string_lossy();
    path.with_file_name(format!("{stem}.emergency.ron"))
}

/// Writes `session` to `path` atomically (see [`write_atomic`]).
pub fn save(path: &Path, session: &Session) -> Result<(), SessionError> {
    write_atomic(path, to_ron(session).as_bytes())
}

/// Atomic write of any bytes (sessions, reports, exports): a crash leaves the old file or
/// the new one, never half of one; a symlink stays a symlink.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<(), SessionError> {
    crate::files::write_atomic(path, bytes).map_err(|source| SessionError::Write {
        path: path.to_owned(),
        source,
    })
}

/// The file a session's framework was loaded from, if it is not built in: a relative path is
/// relative to the session's folder.
pub fn framework_file(session: &Session, session_path: Option<&Path>) -> Option<PathBuf> {
    if framework::builtin(&session.framework.id).is_some() {
        return None;
    }
    let p = Path::new(session.framework.path.as_ref()?);
    Some(match session_path.and_then(Path::parent) {
        Some(dir) if p.is_relative() => dir.join(p),
        _ => p.to_owned(),
    })
}

/// Finds the framework a session was scored against: built in by id, else the file it was
/// loaded from (relative paths are relative to the session's folder).
pub fn framework_for(
    session: &Session,
    session_path: Option<&Path>,
) -> Result<Framework, SessionError> {
    framework_named(&session.framework, session_path)
}

/// [`framework_for`] by the session's reference to it alone.
pub fn framework_named(
    fref: &FrameworkRef,
    session_path: Option<&Path>,
) -> Result<Framework, SessionError> {
    let origin = session_path.map_or_else(|| "session".to_owned(), |p| p.display().to_string());
    if let Some(found) = framework::builtin(&fref.id) {
        return Ok(found?);
    }
    if let Some(p) = &fref.path {
        let p = Path::new(p);
        let full = match session_path.and_then(Path::parent) {
            Some(dir) if p.is_relative() => dir.join(p),
            _ => p.to_owned(),
        };
        if full.exists() {
            return Ok(framework::load_path(&full)?);
        }
        return Err(SessionError::FrameworkMissing {
            origin,
            id: fref.id.clone(),
            edition: fref.edition.clone(),
            hint: format!(
                "; it was loaded from {}, which no longer exists",
                full.display()
            ),
        });
    }
    Err(SessionError::FrameworkMissing {
        origin,
        id: fref.id.clone(),
        edition: fref.edition.clone(),
        hint: "; it is not built in and the session does not say where it came from".into(),
    })
}

/// The framework reference at the head of session text as awayday writes it (the second
/// field, after the format's version), read without parsing the rest, so the framework can
/// be loaded while the session is parsed; `None` when the text does not start that way. A
/// guess: the caller checks it against the session once that is parsed.
pub fn framework_ahead(head: &str) -> Option<FrameworkRef> {
    let at = head.find("framework:")? + "framework:".len();
    let rest = &head[at..];
    let open = rest.find('(')?;
    if !rest[..open].trim().is_empty() {
        return None;
    }
    // The matching parenthesis, outside strings.
    let (mut depth, mut in_string, mut escaped) = (0usize, false, false);
    for (i, c) in rest[open..].char_indices() {
        match c {
            _ if escaped => escaped = false,
            '\\' if in_string => escaped = true,
            '"' => in_string = !in_string,
            '(' if !in_string => depth += 1,
            ')' if !in_string => {
                depth -= 1;
                if depth == 0 {
                    return ron::from_str(&rest[open..=open + i]).ok();
                }
            }
            _ => {}
        }
    }
    None
}
