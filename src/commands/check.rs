//! `awayday check FILE`: validates a framework file and says what is wrong, and where.

use std::io::Write;
use std::path::Path;

use anyhow::Result;

use crate::framework;

pub fn check(path: &Path, out: &mut dyn Write) -> Result<()> {
    let fw = framework::load_path(path)?;
    writeln!(
        out,
        "{}: a valid framework: {} ({}), {} nodes, {} statements, {} scale levels",
        path.display(),
        fw.id,
        fw.title,
        fw.nodes().len(),
        fw.statement_count(),
        fw.scale.levels.len()
    )?;
    Ok(())
}
