//! A Markdown outline: `#` themes, `##` elements, `###` headings, list items statements, and
//! a paragraph under a heading its text. Front matter between `---` lines may give the
//! `title`, `id` and `scale`. An id may be written at the end of a heading or item as
//! `{#2.3.c}`.

use crate::framework::NodeKind;

use super::outline::{At, ImportError, Meta, Part};

/// Reads a Markdown outline, line by line.
#[allow(clippy::too_many_lines)] // one kind of line after another: heading, item, text
pub(super) fn read(src: &str, origin: &str) -> Result<(Meta, Vec<Part>), ImportError> {
    let err = |line: usize, column: usize, message: String| ImportError {
        origin: origin.to_owned(),
        at: At { line, column },
        message,
    };
    let lines: Vec<&str> = src.lines().collect();
    let (meta, i) = front_matter(&lines, origin)?;
    let mut themes: Vec<Part> = Vec::new();
    // Where text goes: the part most recently opened (theme, element, heading, statement).
    let mut depth = 0usize; // 0 none, 1 theme, 2 element, 3 heading
    let mut in_statement = false;
    for (n, raw) in lines.iter().enumerate().skip(i) {
        let line_no = n + 1;
        let line = raw.trim_end();
        let trimmed = line.trim_start();
        let indent = line.len() - trimmed.len();
        if trimmed.is_empty() {
            in_statement = false;
            continue;
        }
        let hashes = trimmed.chars().take_while(|&c| c == '#').count();
        if hashes > 0 && (trimmed[hashes..].starts_with([' ', '\t']) || hashes == trimmed.len()) {
            let (title, id) = split_id(trimmed[hashes..].trim());
            if title.is_empty() {
                return Err(err(
                    line_no,
                    indent + hashes + 1,
                    "this heading is empty: give it a title".into(),
                ));
            }
            let at = At {
                line: line_no,
                column: indent + 1,
            };
            let mut part = Part::new(
                match hashes {
                    1 => NodeKind::Theme,
                    2 => NodeKind::Element,
                    3 => NodeKind::Heading,
                    _ => {
                        return Err(err(
                            line_no,
                            indent + 1,
                            "only #, ## and ### make the outline (theme, element, heading); statements are list items".into(),
                        ));
                    }
                },
                &title,
                at,
            );
            part.id = id;
            match hashes {
                1 => themes.push(part),
                2 => {
                    let Some(theme) = themes.last_mut() else {
                        return Err(err(
                            line_no,
                            indent + 1,
                            "this ## element has no # theme above it".into(),
                        ));
                    };
                    theme.children.push(part);
                }
                _ => {
                    let element = themes
                        .last_mut()
                        .and_then(|t| t.children.last_mut())
                        .filter(|e| e.kind == NodeKind::Element);
                    let Some(element) = element.filter(|_| depth >= 2) else {
                        return Err(err(
                            line_no,
                            indent + 1,
                            "this ### heading has no ## element above it".into(),
                        ));
                    };
                    element.children.push(part);
                }
            }
            depth = hashes;
            in_statement = false;
            continue;
        }
        if let Some(item) = list_item(trimmed) {
            let (text, id) = split_id(item);
            let at = At {
                line: line_no,
                column: indent + 1,
            };
            if text.is_empty() {
                return Err(err(line_no, indent + 1, "this list item is empty".into()));
            }
            let Some(parent) = current(&mut themes, depth) else {
                return Err(err(
                    line_no,
                    indent + 1,
                    "a statement before any heading: put it under a #, ## or ### heading".into(),
                ));
            };
            let mut part = Part::new(NodeKind::Statement, &text, at);
            part.id = id;
            parent.children.push(part);
            in_statement = true;
            continue;
        }
        // Text: continues a statement (indented, right after it), or describes the part.
        let Some(parent) = current(&mut themes, depth) else {
            return Err(err(
                line_no,
                indent + 1,
                "text before any heading: start the outline with a # theme".into(),
            ));
        };
        if in_statement && indent > 0 {
            if let Some(st) = parent.children.last_mut() {
                st.title.push(' ');
                st.title.push_str(trimmed);
            }
            continue;
        }
        if !parent.text.is_empty() {
            parent.text.push(' ');
        }
        parent.text.push_str(trimmed);
    }
    Ok((meta, themes))
}

/// The front matter between `---` lines, if the file starts with one, and the line after it.
fn front_matter(lines: &[&str], origin: &str) -> Result<(Meta, usize), ImportError> {
    let mut meta = Meta::default();
    if lines.first().is_none_or(|l| l.trim() != "---") {
        return Ok((meta, 0));
    }
    let mut i = 1;
    loop {
        let Some(line) = lines.get(i) else {
            return Err(ImportError {
                origin: origin.to_owned(),
                at: At { line: 1, column: 1 },
                message: "the front matter opened here is never closed with ---".into(),
            });
        };
        i += 1;
        if line.trim() == "---" {
            return Ok((meta, i));
        }
        if let Some((key, value)) = line.split_once(':') {
            let value = Some(value.trim().to_owned()).filter(|v| !v.is_empty());
            match key.trim() {
                "title" => meta.title = value,
                "id" => meta.id = value,
                "scale" => meta.scale = value,
                _ => {}
            }
        }
    }
}

/// The part text and statements go to: the deepest one open.
fn current(themes: &mut [Part], depth: usize) -> Option<&mut Part> {
    let theme = themes.last_mut()?;
    if depth <= 1 {
        return Some(theme);
    }
    let element = theme
        .children
        .iter_mut()
        .rfind(|c| c.kind == NodeKind::Element)?;
    if depth == 2 {
        return Some(element);
    }
    element
        .children
        .iter_mut()
        .rfind(|c| c.kind == NodeKind::Heading)
}

/// The text of a list item (`- `, `* `, `+ `, `1. `, `1) `), if the line is one.
fn list_item(line: &str) -> Option<&str> {
    for marker in ["- ", "* ", "+ "] {
        if let Some(rest) = line.strip_prefix(marker) {
            return Some(rest.trim());
        }
    }
    let digits = line.chars().take_while(char::is_ascii_digit).count();
    if digits > 0 {
        let rest = &line[digits..];
        if let Some(r) = rest.strip_prefix(". ").or_else(|| rest.strip_prefix(") ")) {
            return Some(r.trim());
        }
    }
    None
}

/// "Title {#2.3.c}" → ("Title", Some("2.3.c")).
fn split_id(text: &str) -> (String, Option<String>) {
    if let Some(open) = text.rfind("{#")
        && text.ends_with('}')
    {
        let id = text[open + 2..text.len() - 1].trim();
        if !id.is_empty() {
            return (text[..open].trim().to_owned(), Some(id.to_owned()));
        }
    }
    (text.trim().to_owned(), None)
}
