//! `awayday export SESSION --format csv [-o FILE]`.

use std::io::Write;
use std::path::Path;

use anyhow::Result;

use crate::cli::ExportFormat;
use crate::report;
use crate::session;

pub fn export(
    path: &Path,
    format: ExportFormat,
    output: Option<&Path>,
    out: &mut dyn Write,
) -> Result<()> {
    let (s, fw) = super::workshop::load(path)?;
    let text = match format {
        ExportFormat::Csv => report::to_csv(&fw, &s)?,
    };
    match output {
        Some(o) => {
            if std::path::absolute(o).ok() == std::path::absolute(path).ok() {
                anyhow::bail!(
                    "{} is the session itself; choose another output file",
                    o.display()
                );
            }
            session::write_atomic(o, text.as_bytes(), false)?;
        }
        None => out.write_all(text.as_bytes())?,
    }
    Ok(())
}
