//! CSV: one row per statement in outline order, for spreadsheets and later analysis.

use crate::framework::Framework;
use crate::session::summary::{format_mean, format_score, spread, statement_mean};
use crate::session::{Column, Session};

/// The session as CSV: `id, path, statement, <each group>, agreed, mean, spread, notes`.
pub fn to_csv(fw: &Framework, session: &Session) -> anyhow::Result<String> {
    let mut w = ::csv::Writer::from_writer(Vec::new());
    let mut header = vec!["id".to_owned(), "path".to_owned(), "statement".to_owned()];
    header.extend(session.groups.iter().cloned());
    header.extend(["agreed", "mean", "spread", "notes"].map(str::to_owned));
    w.write_record(&header)?;
    for ix in fw.statements() {
        let node = fw.node(ix);
        let id = node.id.as_str();
        let mut row = vec![id.to_owned(), fw.breadcrumb(ix), node.text.clone()];
        row.extend(
            (0..session.groups.len()).map(|g| format_score(session.score(id, Column::Group(g)))),
        );
        row.push(format_score(session.score(id, Column::Agreed)));
        row.push(format_mean(statement_mean(session, id)));
        row.push(spread(session, id).map_or(String::new(), |s| s.to_string()));
        row.push(session.notes(id).to_owned());
        w.write_record(&row)?;
    }
    Ok(String::from_utf8(w.into_inner()?)?)
}
