//! Reading a framework file: RON parsing, then validation into a [`Framework`].
//!
//! Every error names the file and, where it can, the line and column, because the person
//! reading it is editing a text file by hand.

use std::fmt;
use std::path::Path;

use super::file::{FrameworkFile, NodeFile, NodeKind};
use super::model::{Framework, Level, Node, Scale};
pub use super::validate::Problem;
use super::validate::validate;
use crate::cache::{self, Kind};

/// Files larger than this are refused before reading: no framework is anywhere near it.
pub const MAX_FILE_BYTES: u64 = 50 * 1024 * 1024;

/// Why a file could not be used.
#[derive(Debug, thiserror::Error)]
pub enum LoadError {
    #[error("{origin}: cannot read: {source}")]
    Read {
        origin: String,
        source: std::io::Error,
    },
    #[error("{origin}: {message}")]
    Refused { origin: String, message: String },
    #[error("{origin}:{line}:{column}: {message}")]
    Syntax {
        origin: String,
        line: usize,
        column: usize,
        message: String,
    },
    #[error("{}", Invalid { origin, problems })]
    Invalid {
        origin: String,
        problems: Vec<Problem>,
    },
}

/// Formats a list of problems as `origin:line:col: message` lines.
struct Invalid<'a> {
    origin: &'a str,
    problems: &'a [Problem],
}

impl fmt::Display for Invalid<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, p) in self.problems.iter().enumerate() {
            if i > 0 {
                writeln!(f)?;
            }
            match (p.line, p.column) {
                (Some(l), Some(c)) => write!(f, "{}:{l}:{c}: {}", self.origin, p.message)?,
                (Some(l), None) => write!(f, "{}:{l}: {}", self.origin, p.message)?,
                _ => write!(f, "{}: {}", self.origin, p.message)?,
            }
        }
        Ok(())
    }
}

/// Reads a whole file as UTF-8 text, refusing what is not a regular file, a file over the
/// size limit (checked while reading, too), and binary files, each with a clear message.
pub fn read_text(path: &Path) -> Result<String, LoadError> {
    use crate::files::{ReadError, read_limited};
    let origin = path.display().to_string();
    let bytes = read_limited(path, MAX_FILE_BYTES).map_err(|e| match e {
        ReadError::Io(source) => LoadError::Read {
            origin: origin.clone(),
            source,
        },
        ReadError::TooBig(max) => LoadError::Refused {
            origin: origin.clone(),
            message: format!(
                "is over {} MB; files over {} MB are refused",
                max / 1024 / 1024,
                max / 1024 / 1024
            ),
        },
        other => LoadError::Refused {
            origin: origin.clone(),
            message: other.to_string(),
        },
    })?;
    String::from_utf8(bytes).map_err(|e| LoadError::Refused {
        origin,
        message: format!(
            "is not UTF-8 text (invalid byte at offset {}): is it the right file?",
            e.utf8_error().valid_up_to()
        ),
    })
}

/// Parses RON into `T`, turning a syntax error into a located [`LoadError`].
pub fn parse_ron<T: serde::de::DeserializeOwned>(src: &str, origin: &str) -> Result<T, LoadError> {
    if src.starts_with('\u{feff}') {
        return Err(LoadError::Syntax {
            origin: origin.to_owned(),
            line: 1,
            column: 1,
            message: "the file starts with a byte-order mark (U+FEFF), which awayday does not read; save it as UTF-8 without a BOM (editors offer \"UTF-8\" beside \"UTF-8 with BOM\")".into(),
        });
    }
    if src.trim().is_empty() {
        return Err(LoadError::Refused {
            origin: origin.to_owned(),
            message: "is empty".into(),
        });
    }
    ron::Options::default()
        .from_str::<T>(src)
        .map_err(|e| LoadError::Syntax {
            origin: origin.to_owned(),
            line: e.span.start.line,
            column: e.span.start.col,
            message: e.code.to_string(),
        })
}

/// A framework as the parse cache keeps it: built, checked and flattened, with its digest
/// (each a pass over the whole tree to work out again).
type Kept = (String, String, String, String, Scale, String, Vec<Node>);

/// Reads and validates a framework file from disk, through the parse cache: the same bytes
/// parsed and checked before are read back from it as built, and a file parsed here is kept
/// in it.
pub fn load_path(path: &Path) -> Result<Framework, LoadError> {
    let src = read_text(path)?;
    let origin = path.display().to_string();
    let len = src.len();
    let Some(key) = cache::wanted(len).then(|| cache::Key::of(src.as_bytes())) else {
        return parse(&src, &origin);
    };
    if let Some((id, title, edition, source, scale, digest, nodes)) =
        cache::get::<Kept>(Kind::Framework, key, len)
    {
        return Ok(Framework::from_parts(
            (id, title, edition, source),
            scale,
            nodes,
            digest,
        ));
    }
    let framework = parse(&src, &origin)?;
    cache::put_later(Kind::Framework, key, len, Keeping::of(&framework));
    Ok(framework)
}

/// A framework handed to the parse cache, written as [`Kept`] is read: its nodes shared
/// with the framework in use, so the handing over copies a few strings.
struct Keeping {
    meta: (String, String, String, String),
    scale: Scale,
    digest: String,
    nodes: std::sync::Arc<[Node]>,
}

impl Keeping {
    fn of(f: &Framework) -> Self {
        Keeping {
            meta: (
                f.id.clone(),
                f.title.clone(),
                f.edition.clone(),
                f.source.clone(),
            ),
            scale: f.scale.clone(),
            digest: f.digest.clone(),
            nodes: f.shared_nodes(),
        }
    }
}

impl serde::Serialize for Keeping {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let (id, title, edition, source) = &self.meta;
        (
            id,
            title,
            edition,
            source,
            &self.scale,
            &self.digest,
            &*self.nodes,
        )
            .serialize(s)
    }
}

/// Parses and validates framework text. `origin` names the source in messages.
pub fn parse(src: &str, origin: &str) -> Result<Framework, LoadError> {
    let file: FrameworkFile = parse_ron(src, origin)?;
    build(file, src, origin)
}

/// A built-in framework as the build read it: `json`, its canonical form, with its `digest`
/// (`src` is its RON, only for locating a problem), saving the RON parse, serialisation and
/// hash that [`parse`] takes.
pub(crate) fn parse_prebuilt(
    json: &str,
    src: &str,
    origin: &str,
    digest: &str,
) -> Result<Framework, LoadError> {
    let file: FrameworkFile = serde_json::from_str(json).map_err(|e| LoadError::Refused {
        origin: origin.to_owned(),
        message: format!("cannot be read as built: {e}"),
    })?;
    build_inner(file, src, origin, Some(digest))
}

/// Validates a parsed file and flattens it. `src` is only used to locate problems.
pub fn build(file: FrameworkFile, src: &str, origin: &str) -> Result<Framework, LoadError> {
    build_inner(file, src, origin, None)
}

fn build_inner(
    file: FrameworkFile,
    src: &str,
    origin: &str,
    known_digest: Option<&str>,
) -> Result<Framework, LoadError> {
    let problems = validate(&file, src);
    if !problems.is_empty() {
        return Err(LoadError::Invalid {
            origin: origin.to_owned(),
            problems,
        });
    }
    let digest = known_digest.map_or_else(|| super::digest::digest_of(&file), str::to_owned);
    let FrameworkFile {
        id,
        title,
        edition,
        source,
        scale,
        nodes: roots,
    } = file;
    let mut nodes = Vec::new();
    for root in roots {
        flatten(root, None, 0, &mut nodes);
    }
    let scale = Scale {
        levels: scale
            .levels
            .into_iter()
            .map(|l| Level {
                value: l.value,
                label: l.label,
                meaning: l.meaning,
            })
            .collect(),
        not_applicable: scale.not_applicable,
    };
    Ok(Framework::from_parts(
        (id, title, edition, source),
        scale,
        nodes,
        digest,
    ))
}

/// Appends `node` and its subtree in preorder, its text moved rather than copied (a large
/// framework's text is megabytes). Returns how many statements the subtree holds.
fn flatten(node: NodeFile, parent: Option<usize>, depth: usize, out: &mut Vec<Node>) -> usize {
    let ix = out.len();
    out.push(Node {
        id: node.id,
        kind: node.kind,
        title: trimmed(node.title),
        text: trimmed(node.text),
        depth,
        parent,
        // Set once the subtree is in.
        end: ix,
        children: Vec::with_capacity(node.children.len()),
        statement_count: usize::from(node.kind == NodeKind::Statement),
    });
    let mut count = out[ix].statement_count;
    for child in node.children {
        let cix = out.len();
        out[ix].children.push(cix);
        count += flatten(child, Some(ix), depth + 1, out);
    }
    out[ix].end = out.len();
    out[ix].statement_count = count;
    count
}

/// `text` without the blanks around it, kept in place when there are none.
fn trimmed(text: String) -> String {
    if text.trim().len() == text.len() {
        text
    } else {
        text.trim().to_owned()
    }
}
