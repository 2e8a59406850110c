//! `awayday import FILE [-o OUT.ron] [--id ID] [--title T] [--scale …] [--sheet S]
//! [--update OLD.ron] [--force]`: an outline into a framework file, checked before it is
//! written, never over its input.

use std::io::Write;
use std::path::{Path, PathBuf};

use anyhow::{Result, bail};

use crate::import::{self, Options};

/// The options of `awayday import`.
pub(super) struct ImportArgs {
    pub file: PathBuf,
    pub output: Option<PathBuf>,
    pub id: Option<String>,
    pub title: Option<String>,
    pub scale: Option<String>,
    pub sheet: Option<String>,
    pub update: Option<PathBuf>,
    pub force: bool,
}

pub(super) fn import(args: ImportArgs, out: &mut dyn Write) -> Result<()> {
    let update = match &args.update {
        Some(p) => Some(crate::framework::parse_ron::<
            crate::framework::FrameworkFile,
        >(
            &crate::framework::read_text(p)?,
            &p.display().to_string(),
        )?),
        None => None,
    };
    let opts = Options {
        id: args.id,
        title: args.title,
        scale: args.scale,
        sheet: args.sheet,
        update,
    };
    let imported = import::import(&args.file, &opts)?;
    let text = ron::ser::to_string_pretty(
        &imported.file,
        ron::ser::PrettyConfig::new()
            .indentor("    ".to_owned())
            .struct_names(false),
    )? + "\n";
    // What is written must load: the same checks as any framework file.
    let output = args
        .output
        .unwrap_or_else(|| args.file.with_extension("ron"));
    let fw = crate::framework::parse(&text, &output.display().to_string())?;
    let inputs: Vec<&Path> = std::iter::once(args.file.as_path())
        .chain(args.update.as_deref())
        .collect();
    crate::files::refuse_output_on_input(&output, &inputs).map_err(anyhow::Error::msg)?;
    if output.exists() && !args.force {
        bail!(
            "{} already exists; choose another name, or add --force to replace it",
            output.display()
        );
    }
    if let Some(dir) = output.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir)?;
    }
    crate::session::write_atomic(&output, text.as_bytes())?;
    writeln!(
        out,
        "Wrote {}: \"{}\" (id {}), {} themes, {} statements.",
        output.display(),
        fw.title,
        fw.id,
        fw.roots().count(),
        fw.statement_count()
    )?;
    if let Some(c) = imported.changes {
        writeln!(
            out,
            "Against the old framework: {} added, {} removed, {} reworded; every other statement keeps its id.",
            c.added.len(),
            c.removed.len(),
            c.reworded.len()
        )?;
        for (id, text) in &c.added {
            writeln!(out, "  added     {id}  {text}")?;
        }
        for (id, text) in &c.removed {
            writeln!(out, "  removed   {id}  {text}")?;
        }
        for (id, before, after) in &c.reworded {
            writeln!(out, "  reworded  {id}  {before}\n            →  {after}")?;
        }
    }
    writeln!(
        out,
        "Run a session on it: awayday new --framework {}",
        output.display()
    )?;
    Ok(())
}
