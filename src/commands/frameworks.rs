//! `awayday frameworks`: the built-in frameworks, and those installed in the data folder's
//! `frameworks/`, one line each.

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
    let mut problems = Vec::new();
    for file in crate::places::installed_frameworks() {
        match crate::framework::load_path(&file) {
            Ok(fw) => rows.push([
                fw.id.clone(),
                fw.title.clone(),
                format!("{} (installed)", fw.edition).trim().to_owned(),
                fw.statement_count().to_string(),
            ]),
            Err(e) => problems.push(e.to_string()),
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
    if let Some(dir) = crate::places::frameworks_dir() {
        writeln!(out)?;
        writeln!(
            out,
            "Framework files in {} are listed too (awayday import … -o there installs one).",
            dir.display()
        )?;
    }
    for p in problems {
        writeln!(out, "not usable: {p}")?;
    }
    Ok(())
}
