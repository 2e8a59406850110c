//! `awayday frameworks`: the built-in frameworks, one line each.

use std::io::Write;

use anyhow::Result;

use crate::framework::{BUILTINS, builtin};

pub fn frameworks(out: &mut dyn Write) -> Result<()> {
    let mut rows = vec![[
        "ID".to_owned(),
        "TITLE".to_owned(),
        "EDITION".to_owned(),
        "STATEMENTS".to_owned(),
    ]];
    for b in BUILTINS {
        if let Some(fw) = builtin(b.id) {
            let fw = fw?;
            rows.push([
                fw.id.clone(),
                fw.title.clone(),
                fw.edition.clone(),
                fw.statement_count().to_string(),
            ]);
        }
    }
    let widths: Vec<usize> = (0..4)
        .map(|c| rows.iter().map(|r| r[c].chars().count()).max().unwrap_or(0))
        .collect();
    for r in &rows {
        writeln!(
            out,
            "{:<w0$}  {:<w1$}  {:<w2$}  {:>w3$}",
            r[0],
            r[1],
            r[2],
            r[3],
            w0 = widths[0],
            w1 = widths[1],
            w2 = widths[2],
            w3 = widths[3]
        )?;
    }
    Ok(())
}
