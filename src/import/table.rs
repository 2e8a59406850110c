//! A table outline (CSV, or a spreadsheet's sheet): one row per statement, with columns found
//! by their header names: `theme`, `element`, `heading`, `statement`, and optionally ids
//! (`theme id`, `element id`, `heading id`, `statement id` or `id`). Rows of the same theme,
//! element and heading are grouped in the order they first appear.

use crate::framework::NodeKind;

use super::outline::{At, ImportError, Part};

/// The columns found in a header.
struct Columns {
    theme: usize,
    element: Option<usize>,
    heading: Option<usize>,
    statement: usize,
    ids: [Option<usize>; 4],
}

fn find(header: &[String], names: &[&str]) -> Option<usize> {
    header.iter().position(|h| {
        let h = h.trim().to_lowercase();
        names.iter().any(|n| h == *n)
    })
}

/// Reads rows (each with the line it is on, 1-based; the first is the header).
#[allow(clippy::too_many_lines)] // one row's checks, in the order a reader meets them
pub(super) fn read(rows: &[(usize, Vec<String>)], origin: &str) -> Result<Vec<Part>, ImportError> {
    let err = |line: usize, column: usize, message: String| ImportError {
        origin: origin.to_owned(),
        at: At { line, column },
        message,
    };
    let Some((header_line, header)) = rows.first() else {
        return Err(err(1, 1, "the table is empty".into()));
    };
    let need = |names: &[&str], what: &str| {
        find(header, names).ok_or_else(|| {
            err(
                *header_line,
                1,
                format!(
                    "no \"{what}\" column: the first row must name the columns (theme, element, heading, statement)"
                ),
            )
        })
    };
    let cols = Columns {
        theme: need(&["theme"], "theme")?,
        element: find(header, &["element"]),
        heading: find(header, &["heading"]),
        statement: need(&["statement", "feature", "statement text"], "statement")?,
        ids: [
            find(header, &["theme id"]),
            find(header, &["element id"]),
            find(header, &["heading id"]),
            find(header, &["statement id", "id"]),
        ],
    };
    let widest = [
        Some(cols.theme),
        cols.element,
        cols.heading,
        Some(cols.statement),
    ]
    .into_iter()
    .chain(cols.ids)
    .flatten()
    .max()
    .unwrap_or(0);
    let mut themes: Vec<Part> = Vec::new();
    for (line, cells) in &rows[1..] {
        if cells.iter().all(|c| c.trim().is_empty()) {
            continue;
        }
        if cells.len() <= widest {
            return Err(err(
                *line,
                cells.len() + 1,
                format!(
                    "this row has {} columns; the header has {}",
                    cells.len(),
                    header.len()
                ),
            ));
        }
        let cell = |i: usize| cells[i].trim().to_owned();
        let id = |k: usize| cols.ids[k].map(cell).filter(|s| !s.is_empty());
        let at = |i: usize| At {
            line: *line,
            column: i + 1,
        };
        let theme_title = cell(cols.theme);
        if theme_title.is_empty() {
            return Err(err(*line, cols.theme + 1, "this row has no theme".into()));
        }
        let statement = cell(cols.statement);
        if statement.is_empty() {
            return Err(err(
                *line,
                cols.statement + 1,
                "this row has no statement".into(),
            ));
        }
        let theme = child(
            &mut themes,
            NodeKind::Theme,
            &theme_title,
            id(0),
            at(cols.theme),
        );
        let mut parent = theme;
        if let Some(e) = cols.element.map(cell).filter(|s| !s.is_empty()) {
            parent = child(
                &mut parent.children,
                NodeKind::Element,
                &e,
                id(1),
                at(cols.element.unwrap_or(0)),
            );
        }
        if let Some(h) = cols.heading.map(cell).filter(|s| !s.is_empty()) {
            if parent.kind != NodeKind::Element {
                return Err(err(
                    *line,
                    cols.heading.unwrap_or(0) + 1,
                    "a heading needs an element: this row has a heading but no element".into(),
                ));
            }
            parent = child(
                &mut parent.children,
                NodeKind::Heading,
                &h,
                id(2),
                at(cols.heading.unwrap_or(0)),
            );
        }
        let mut part = Part::new(NodeKind::Statement, &statement, at(cols.statement));
        part.id = id(3);
        parent.children.push(part);
    }
    Ok(themes)
}

/// The child of this kind and title, made if it is new.
fn child<'a>(
    parts: &'a mut Vec<Part>,
    kind: NodeKind,
    title: &str,
    id: Option<String>,
    at: At,
) -> &'a mut Part {
    let found = parts
        .iter()
        .position(|p| p.kind == kind && p.title == title.trim());
    let i = found.unwrap_or_else(|| {
        let mut p = Part::new(kind, title, at);
        p.id = id;
        parts.push(p);
        parts.len() - 1
    });
    &mut parts[i]
}

/// CSV text as rows with their line numbers.
pub(super) fn csv_rows(src: &str, origin: &str) -> Result<Vec<(usize, Vec<String>)>, ImportError> {
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(src.as_bytes());
    let mut rows = Vec::new();
    for record in reader.records() {
        let record = record.map_err(|e| {
            let line = e
                .position()
                .map_or(1, |p| usize::try_from(p.line()).unwrap_or(1));
            ImportError {
                origin: origin.to_owned(),
                at: At { line, column: 1 },
                message: e.to_string(),
            }
        })?;
        let line = record
            .position()
            .map_or(rows.len() + 1, |p| usize::try_from(p.line()).unwrap_or(1));
        rows.push((line, record.iter().map(str::to_owned).collect()));
    }
    Ok(rows)
}
