//! `awayday merge A.ron B.ron [C.ron…] -o OUT.ron [--prefer first|last]`.

use std::io::Write;
use std::path::{Path, PathBuf};

use anyhow::{Result, bail};

use crate::cli::PreferArg;
use crate::session::{self, Prefer};

pub(super) fn merge(
    inputs: &[PathBuf],
    output: &Path,
    prefer: Option<PreferArg>,
    force: bool,
    out: &mut dyn Write,
) -> Result<()> {
    let prefer = prefer.map(Prefer::from);
    if output.exists() && !force {
        bail!(
            "{} already exists; choose another name, or add --force to replace it",
            output.display()
        );
    }
    let mut sessions = Vec::new();
    let mut sources: Vec<PathBuf> = inputs.to_vec();
    for path in inputs {
        let s = super::workshop::read_session(path)?;
        sources.extend(session::framework_file(&s, Some(path)));
        let name = path.file_name().map_or_else(
            || path.display().to_string(),
            |n| n.to_string_lossy().into_owned(),
        );
        sessions.push((name, s));
    }
    // Never over an input, by any name, whatever --force says.
    let source_refs: Vec<&Path> = sources.iter().map(PathBuf::as_path).collect();
    crate::files::refuse_output_on_input(output, &source_refs)?;
    let session::Merged {
        session: mut merged,
        joined,
        settled,
    } = session::merge_reported(&sessions, prefer)?;
    absolute_framework_path(&mut merged, inputs.first().map(PathBuf::as_path));
    session::framework_for(&merged, Some(output))?;
    let text = session::to_ron(&merged);
    if text.len() as u64 > crate::framework::MAX_FILE_BYTES {
        bail!(
            "the merged session would be {} MB, more than awayday opens ({} MB); nothing was written. Merge fewer files at a time, or shorten the longest notes.",
            text.len() / 1024 / 1024,
            crate::framework::MAX_FILE_BYTES / 1024 / 1024
        );
    }
    session::write_atomic(output, text.as_bytes())?;
    let groups = merged.groups.len();
    writeln!(
        out,
        "Merged {} sessions into {}: {groups} {}, {} nodes with scores, notes or actions.",
        inputs.len(),
        output.display(),
        if groups == 1 { "group" } else { "groups" },
        merged.nodes.len()
    )?;
    for j in &joined {
        writeln!(out, "{j}.")?;
    }
    // What --prefer dropped is said, so no one's score disappears without a word.
    if let (Some(prefer), false) = (prefer, settled.is_empty()) {
        let side = match prefer {
            Prefer::First => "first",
            Prefer::Last => "last",
        };
        let n = settled.len();
        writeln!(
            out,
            "--prefer {side} settled {n} conflicting {}:",
            if n == 1 { "score" } else { "scores" }
        )?;
        for s in &settled {
            writeln!(out, "  {s}")?;
        }
    }
    Ok(())
}

/// Makes the framework file a session names, if any, a path that works from wherever the
/// session is written.
pub(super) fn absolute_framework_path(s: &mut session::Session, read_from: Option<&Path>) {
    if let Some(file) = session::framework_file(s, read_from) {
        let absolute = std::path::absolute(&file).unwrap_or(file);
        s.framework.path = Some(absolute.display().to_string());
    }
}
