//! The comparison of reviews as CSV: one row per statement, its agreed score in each review.

use super::compare::Comparison;
use crate::session::summary::format_score;

/// The comparison as CSV: one row per statement.
pub fn to_csv(c: &Comparison) -> anyhow::Result<String> {
    let mut w = ::csv::Writer::from_writer(Vec::new());
    let mut header = vec!["id".to_owned(), "statement".to_owned()];
    header.extend(c.names.iter().map(|n| super::csv_cell(n)));
    header.extend(["change".to_owned(), "status".to_owned()]);
    w.write_record(&header)?;
    for s in &c.statements {
        let mut row = vec![super::csv_cell(&s.id), super::csv_cell(&s.text)];
        row.extend(s.agreed.iter().map(|v| format_score(*v)));
        row.push(s.change.map_or(String::new(), |d| d.to_string()));
        row.push(s.status.to_owned());
        w.write_record(&row)?;
    }
    Ok(String::from_utf8(w.into_inner()?)?)
}
