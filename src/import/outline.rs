//! The outline every importer reads into: themes, elements, headings and statements with where
//! each came from (for messages), turned into a framework file with stable, readable ids
//! (`2.3.c.4`): themes numbered, elements numbered within them, headings lettered, statements
//! numbered within their parent. Ids written in the source are kept.

use crate::framework::{FrameworkFile, LevelFile, NodeFile, NodeKind, ScaleFile};

/// Where something is in the source: line and column, from 1.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct At {
    pub line: usize,
    pub column: usize,
}

/// One node of an imported outline.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Part {
    pub kind: NodeKind,
    pub title: String,
    pub text: String,
    /// An id the source gave, kept as it is.
    pub id: Option<String>,
    pub at: At,
    pub children: Vec<Part>,
}

impl Part {
    pub(crate) fn new(kind: NodeKind, title: &str, at: At) -> Self {
        Part {
            kind,
            title: title.trim().to_owned(),
            text: String::new(),
            id: None,
            at,
            children: Vec::new(),
        }
    }
}

/// A problem in the source, with where it is.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{origin}:{}:{}: {message}", at.line, at.column)]
pub struct ImportError {
    pub origin: String,
    pub at: At,
    pub message: String,
}

/// What the importer knows about the framework besides its outline.
#[derive(Debug, Clone, Default)]
pub(crate) struct Meta {
    pub id: Option<String>,
    pub title: Option<String>,
    /// "1 Underdeveloped, 2 Reasonable, 3 Good, 4 Strong".
    pub scale: Option<String>,
}

/// The four-level scale of the built-in frameworks, meanings included.
pub(crate) fn default_scale() -> ScaleFile {
    let fw = crate::framework::resolve(None).expect("the built-in benchmark loads");
    ScaleFile {
        levels: fw
            .scale
            .levels
            .iter()
            .map(|l| LevelFile {
                value: l.value,
                label: l.label.clone(),
                meaning: l.meaning.clone(),
            })
            .collect(),
        not_applicable: fw.scale.not_applicable.clone(),
    }
}

/// Why a scale written on the command line or in a file's header is not one.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub(crate) enum ScaleError {
    #[error("\"{0}\" is not a level; write levels as \"1 Underdeveloped\"")]
    NotALevel(String),
    #[error("\"{0}\" does not start with the level's number")]
    NoNumber(String),
    #[error("a scale needs at least two levels")]
    TooFew,
}

/// "1 Underdeveloped, 2 Reasonable, 3 Good, 4 Strong": levels with the built-in meanings
/// where the labels match, else the label as its meaning.
pub(crate) fn parse_scale(text: &str) -> Result<ScaleFile, ScaleError> {
    let known = default_scale();
    let mut levels = Vec::new();
    for part in text.split(',').map(str::trim).filter(|p| !p.is_empty()) {
        let (value, label) = part
            .split_once(' ')
            .ok_or_else(|| ScaleError::NotALevel(part.to_owned()))?;
        let value: u8 = value
            .parse()
            .map_err(|_| ScaleError::NoNumber(part.to_owned()))?;
        let label = label.trim().to_owned();
        let meaning = known
            .levels
            .iter()
            .find(|l| l.label.eq_ignore_ascii_case(&label))
            .map_or_else(|| label.clone(), |l| l.meaning.clone());
        levels.push(LevelFile {
            value,
            label,
            meaning,
        });
    }
    if levels.len() < 2 {
        return Err(ScaleError::TooFew);
    }
    Ok(ScaleFile {
        levels,
        not_applicable: known.not_applicable,
    })
}

/// "Partnership standards 2026" → "partnership-standards-2026".
pub(crate) fn slug(title: &str) -> String {
    let mut out = String::new();
    for c in title.chars() {
        if c.is_alphanumeric() {
            out.extend(c.to_lowercase());
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    out.trim_end_matches('-').to_owned()
}

/// Letters for headings: a, b, … z, aa, ab, …
fn letters(n: usize) -> String {
    let mut n = n;
    let mut s = Vec::new();
    loop {
        s.push(char::from(b'a' + u8::try_from(n % 26).unwrap_or(0)));
        if n < 26 {
            break;
        }
        n = n / 26 - 1;
    }
    s.iter().rev().collect()
}

/// Gives every part without one an id from its place, refusing a duplicate id.
pub(crate) fn assign_ids(parts: &mut [Part], origin: &str) -> Result<(), ImportError> {
    fn walk(
        parts: &mut [Part],
        prefix: &str,
        seen: &mut Vec<(String, At)>,
        origin: &str,
    ) -> Result<(), ImportError> {
        let (mut numbered, mut lettered) = (0usize, 0usize);
        for p in parts.iter_mut() {
            let own = if p.kind == NodeKind::Heading {
                lettered += 1;
                letters(lettered - 1)
            } else {
                numbered += 1;
                numbered.to_string()
            };
            let id = p.id.clone().unwrap_or_else(|| {
                if prefix.is_empty() {
                    own
                } else {
                    format!("{prefix}.{own}")
                }
            });
            if let Some((_, first)) = seen.iter().find(|(s, _)| *s == id) {
                return Err(ImportError {
                    origin: origin.to_owned(),
                    at: p.at,
                    message: format!(
                        "the id \"{id}\" is used twice (first at line {}); ids must be unique",
                        first.line
                    ),
                });
            }
            seen.push((id.clone(), p.at));
            p.id = Some(id.clone());
            walk(&mut p.children, &id, seen, origin)?;
        }
        Ok(())
    }
    walk(parts, "", &mut Vec::new(), origin)
}

/// The framework file for an outline whose ids are assigned.
pub(crate) fn to_file(
    parts: &[Part],
    id: &str,
    title: &str,
    source: &str,
    scale: ScaleFile,
) -> FrameworkFile {
    fn node(p: &Part) -> NodeFile {
        let (title, text) = if p.kind == NodeKind::Statement {
            (String::new(), p.title.clone())
        } else {
            (p.title.clone(), p.text.trim().to_owned())
        };
        NodeFile {
            id: p.id.clone().unwrap_or_default(),
            kind: p.kind,
            title,
            text,
            children: p.children.iter().map(node).collect(),
        }
    }
    FrameworkFile {
        id: id.to_owned(),
        title: title.to_owned(),
        edition: String::new(),
        source: source.to_owned(),
        scale,
        nodes: parts.iter().map(node).collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headings_are_lettered_and_the_rest_numbered() {
        assert_eq!(letters(0), "a");
        assert_eq!(letters(25), "z");
        assert_eq!(letters(26), "aa");
        assert_eq!(
            slug("Partnership standards — 2026!"),
            "partnership-standards-2026"
        );
    }

    #[test]
    fn a_scale_is_read_with_known_meanings() {
        let s = parse_scale("1 Underdeveloped, 2 Reasonable, 3 Good, 4 Strong").unwrap();
        assert_eq!(s, default_scale());
        assert_eq!(parse_scale("1 Low"), Err(ScaleError::TooFew));
        assert_eq!(
            parse_scale("1 Low, 2").unwrap_err().to_string(),
            "\"2\" is not a level; write levels as \"1 Underdeveloped\""
        );
        assert_eq!(
            parse_scale("one Low, two High").unwrap_err().to_string(),
            "\"one Low\" does not start with the level's number"
        );
        assert_eq!(
            ScaleError::TooFew.to_string(),
            "a scale needs at least two levels"
        );
    }
}
