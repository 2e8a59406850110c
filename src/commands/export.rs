//! `awayday export` and `awayday report`: a session written out for reading elsewhere.

use std::io::Write;
use std::path::Path;

use anyhow::Result;

use crate::cli::{ExportFormat, ReportFormat};
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
    write_out(path, &text, output, out)
}

pub fn report_cmd(
    path: &Path,
    format: ReportFormat,
    output: Option<&Path>,
    out: &mut dyn Write,
) -> Result<()> {
    let (s, fw) = super::workshop::load(path)?;
    let text = match format {
        ReportFormat::Md => report::to_markdown(&report::model::build(&fw, &s)),
        ReportFormat::Html => report::to_html(&report::model::build(&fw, &s)),
        ReportFormat::Csv => report::to_csv(&fw, &s)?,
    };
    write_out(path, &text, output, out)
}

/// Writes to the output file (atomically, never over the session) or to `out`.
fn write_out(source: &Path, text: &str, output: Option<&Path>, out: &mut dyn Write) -> Result<()> {
    match output {
        Some(o) => {
            if std::path::absolute(o).ok() == std::path::absolute(source).ok() {
                anyhow::bail!(
                    "{} is the session itself; choose another output file",
                    o.display()
                );
            }
            session::write_atomic(o, text.as_bytes())?;
        }
        None => out.write_all(text.as_bytes())?,
    }
    Ok(())
}
