//! `awayday merge A.ron B.ron [C.ron…] -o OUT.ron [--prefer first|last]`.

use std::io::Write;
use std::path::{Path, PathBuf};

use anyhow::{Result, bail};

use crate::session::{self, Prefer};

pub fn merge(
    inputs: &[PathBuf],
    output: &Path,
    prefer: Option<Prefer>,
    force: bool,
    out: &mut dyn Write,
) -> Result<()> {
    let out_abs = std::path::absolute(output)?;
    for i in inputs {
        if std::path::absolute(i)? == out_abs {
            bail!(
                "{} is one of the inputs; the merge is written to a new file",
                output.display()
            );
        }
    }
    if output.exists() && !force {
        bail!(
            "{} already exists; choose another name, or add --force to replace it",
            output.display()
        );
    }
    let mut sessions = Vec::new();
    for path in inputs {
        let s = session::load(path)?;
        let name = path.file_name().map_or_else(
            || path.display().to_string(),
            |n| n.to_string_lossy().into_owned(),
        );
        sessions.push((name, s));
    }
    let merged = session::merge(&sessions, prefer)?;
    // The merged framework must still be found, as for any session.
    session::framework_for(&merged, inputs.first().map(PathBuf::as_path))?;
    session::save(output, &merged)?;
    writeln!(
        out,
        "Merged {} sessions into {}: {} groups, {} nodes with scores, notes or actions.",
        inputs.len(),
        output.display(),
        merged.groups.len(),
        merged.nodes.len()
    )?;
    Ok(())
}
