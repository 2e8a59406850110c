//! `awayday check FILE`: validates a framework or session file and says what is wrong, where.

use std::io::Write;
use std::path::Path;

use anyhow::Result;

use crate::framework;
use crate::session;

pub fn check(path: &Path, out: &mut dyn Write) -> Result<()> {
    let text = framework::read_text(path)?;
    // A session always records its format version; a framework never does.
    if text.contains("format_version") {
        // As every reader sees it: with the edits its journal holds.
        let s = super::workshop::read_session(path)?;
        let fw = session::framework_for(&s, Some(path))?;
        let known = s.nodes.keys().filter(|id| fw.find(id).is_some()).count();
        let orphans = s.nodes.len() - known;
        writeln!(
            out,
            "{}: a valid session of {} ({}): {} groups, {} nodes with scores or notes{}",
            path.display(),
            fw.id,
            fw.edition,
            s.groups.len(),
            known,
            if orphans > 0 {
                format!(", {orphans} for ids the framework no longer has")
            } else {
                String::new()
            }
        )?;
        if fw.digest != s.framework.digest {
            writeln!(
                out,
                "note: the framework has changed since this session was scored"
            )?;
        }
        return Ok(());
    }
    if !text.trim().is_empty() && !text.contains("nodes") {
        anyhow::bail!(
            "{}: not an awayday session or framework file (it has neither format_version nor nodes)",
            path.display()
        );
    }
    let fw = framework::parse(&text, &path.display().to_string())?;
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
