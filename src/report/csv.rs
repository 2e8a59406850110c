//! CSV for spreadsheets: one row per statement in outline order (or one per action), with
//! the theme and element in columns of their own. `mean` is rounded by the report's one
//! rule (two decimals, `judgement`); the export adds `mean_unrounded` beside it, the
//! report's CSV does not (and its circulated copy leaves out each group's scores and notes). A cell a
//! spreadsheet would run as a formula (starting `=`, `+`, `-`, `@`, a tab or a carriage
//! return) is neutralised as OWASP recommends, with a leading apostrophe, so a note can
//! never execute; `excel` adds the byte-order mark Excel on Windows needs to read UTF-8.

use crate::framework::{Framework, NodeIx, NodeKind};
use crate::session::summary::{format_score, spread, statement_mean};
use crate::session::{Column, Session};

/// Which table.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Table {
    /// One row per statement.
    #[default]
    Statements,
    /// One row per action.
    Actions,
}

/// A cell as a spreadsheet will take it: text that would start a formula gets a leading `'`.
pub fn cell(text: &str) -> String {
    let shown = crate::text::printable(text);
    if text.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{shown}")
    } else {
        shown.into_owned()
    }
}

/// The theme and element a node sits in: (theme id and title, element id and title).
fn places(fw: &Framework, ix: NodeIx) -> (String, String) {
    let mut theme = String::new();
    let mut element = String::new();
    for p in fw.path(ix) {
        let n = fw.node(p);
        match n.kind {
            NodeKind::Theme => theme = format!("{} {}", n.id, n.title),
            NodeKind::Element => element = format!("{} {}", n.id, n.title),
            _ => {}
        }
    }
    (theme, element)
}

fn finish(w: ::csv::Writer<Vec<u8>>, excel: bool) -> anyhow::Result<String> {
    let body = String::from_utf8(w.into_inner()?)?;
    Ok(if excel {
        format!("\u{feff}{body}")
    } else {
        body
    })
}

/// The session as CSV.
pub fn to_csv(
    fw: &Framework,
    session: &Session,
    table: Table,
    excel: bool,
) -> anyhow::Result<String> {
    match table {
        Table::Statements => statements(fw, session, excel, Columns::Export),
        Table::Actions => actions(fw, session, excel),
    }
}

/// The statements as the report's CSV: means rounded, no unrounded column; circulated,
/// without each group's scores or the notes.
pub fn report_csv(fw: &Framework, session: &Session, circulated: bool) -> anyhow::Result<String> {
    let columns = if circulated {
        Columns::Circulated
    } else {
        Columns::Report
    };
    statements(fw, session, false, columns)
}

/// Which columns a statements table has.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Columns {
    /// Everything, and the mean unrounded beside the rounded one.
    Export,
    /// Everything, the mean rounded only.
    Report,
    /// No group's own scores, no notes.
    Circulated,
}

/// `id, theme, element, heading, statement, <each group>, agreed, mean, [mean_unrounded,]
/// spread, notes`.
fn statements(
    fw: &Framework,
    session: &Session,
    excel: bool,
    columns: Columns,
) -> anyhow::Result<String> {
    let full = columns != Columns::Circulated;
    let mut w = ::csv::Writer::from_writer(Vec::new());
    let mut header = ["id", "theme", "element", "heading", "statement"]
        .map(str::to_owned)
        .to_vec();
    if full {
        header.extend(session.groups.iter().map(|g| cell(g)));
    }
    header.extend(["agreed", "mean"].map(str::to_owned));
    if columns == Columns::Export {
        header.push("mean_unrounded".into());
    }
    if full {
        header.extend(["spread", "notes"].map(str::to_owned));
    }
    w.write_record(&header)?;
    for ix in fw.statements() {
        let node = fw.node(ix);
        let id = node.id.as_str();
        let (theme, element) = places(fw, ix);
        let heading = node
            .parent
            .map(|p| fw.node(p))
            .filter(|p| p.kind == NodeKind::Heading)
            .map_or_else(String::new, |p| format!("{} {}", p.id, p.title));
        let mut row = vec![
            cell(id),
            cell(&theme),
            cell(&element),
            cell(&heading),
            cell(&node.text),
        ];
        if full {
            row.extend(
                (0..session.groups.len())
                    .map(|g| format_score(session.score(id, Column::Group(g)))),
            );
        }
        row.push(format_score(session.score(id, Column::Agreed)));
        let mean = statement_mean(session, id);
        row.push(super::judgement::mean(mean));
        if columns == Columns::Export {
            // Unrounded, as a number a spreadsheet can sum and average.
            row.push(mean.map_or_else(String::new, |m| m.to_string()));
        }
        if full {
            row.push(spread(session, id).map_or(String::new(), |s| s.to_string()));
            row.push(cell(session.notes(id)));
        }
        w.write_record(&row)?;
    }
    finish(w, excel)
}

/// `node, theme, element, action, owner, due, status`, in outline order.
fn actions(fw: &Framework, session: &Session, excel: bool) -> anyhow::Result<String> {
    let mut w = ::csv::Writer::from_writer(Vec::new());
    w.write_record([
        "node", "theme", "element", "action", "owner", "due", "status",
    ])?;
    for (ix, node) in fw.nodes().iter().enumerate() {
        let (theme, element) = places(fw, ix);
        for a in session.actions(&node.id) {
            w.write_record([
                cell(&node.id),
                cell(&theme),
                cell(&element),
                cell(&a.text),
                cell(&a.owner),
                cell(&a.due),
                a.status.label().to_owned(),
            ])?;
        }
    }
    finish(w, excel)
}
