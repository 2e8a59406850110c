//! `awayday export` and `awayday report`: a session written out for reading elsewhere.

use std::io::{IsTerminal, Write};
use std::path::Path;

use anyhow::Result;

use crate::cli::{CsvTable, ExportFormat, ReportFormat};
use crate::report;
use crate::session;

pub(super) fn export(
    path: &Path,
    format: ExportFormat,
    what: CsvTable,
    excel: bool,
    output: Option<&Path>,
    out: &mut dyn Write,
) -> Result<()> {
    let (s, fw) = super::workshop::load(path)?;
    let table = match what {
        CsvTable::Statements => report::Table::Statements,
        CsvTable::Actions => report::Table::Actions,
    };
    let text = match format {
        ExportFormat::Csv => report::to_csv(&fw, &s, table, excel)?,
    };
    write_out(&inputs(path, &s), &text, output, out)
}

/// `out` is the raw standard output: text goes through `Printable`, a Word file's bytes
/// as they are (a filter would corrupt the archive).
pub(super) fn report_cmd(
    path: &Path,
    format: ReportFormat,
    status: &str,
    circulate: bool,
    output: Option<&Path>,
    out: &mut dyn Write,
) -> Result<()> {
    let (s, fw) = super::workshop::load(path)?;
    let sources = inputs(path, &s);
    let mut built = report::model::build(&fw, &s);
    status.clone_into(&mut built.status);
    built.circulated = circulate;
    // Markdown and HTML are written as they are laid out, never held whole in memory.
    let write: fn(&report::model::Report, &mut dyn Write) -> std::io::Result<()> = match format {
        ReportFormat::Md => report::write_markdown,
        ReportFormat::Html => report::write_html,
        ReportFormat::Csv => {
            let text = report::report_csv(&fw, &s, circulate)?;
            return write_out(
                &sources,
                &text,
                output,
                &mut crate::terminal::Printable(out),
            );
        }
        ReportFormat::Docx => {
            let bytes = report::to_docx(&built)?;
            return write_binary(
                &sources,
                &bytes,
                output,
                out,
                std::io::stdout().is_terminal(),
            );
        }
    };
    match output {
        Some(o) => {
            let inputs: Vec<&Path> = sources.iter().map(std::path::PathBuf::as_path).collect();
            crate::files::refuse_output_on_input(o, &inputs).map_err(anyhow::Error::msg)?;
            crate::files::write_atomic_with(o, &mut |f| write(&built, f))
                .map_err(|e| anyhow::anyhow!("cannot write {}: {e}", o.display()))?;
        }
        None => write(&built, &mut crate::terminal::Printable(out))?,
    }
    Ok(())
}

/// A binary file (the Word report) to `-o FILE`, or to standard output only when that is
/// not a terminal (`> report.docx`), where the bytes would be gibberish and upset the screen.
pub(super) fn write_binary(
    inputs: &[std::path::PathBuf],
    bytes: &[u8],
    output: Option<&Path>,
    out: &mut dyn Write,
    out_is_terminal: bool,
) -> Result<()> {
    match output {
        Some(o) => {
            let inputs: Vec<&Path> = inputs.iter().map(std::path::PathBuf::as_path).collect();
            crate::files::refuse_output_on_input(o, &inputs).map_err(anyhow::Error::msg)?;
            session::write_atomic(o, bytes)?;
        }
        None if out_is_terminal => anyhow::bail!(
            "a Word document cannot be shown in the terminal: give a file to write it to, e.g. -o report.docx"
        ),
        None => out.write_all(bytes)?,
    }
    Ok(())
}

/// What a report is made from: the session file, and its framework's file if it has one.
fn inputs(session_path: &Path, s: &session::Session) -> Vec<std::path::PathBuf> {
    let mut inputs = vec![session_path.to_owned()];
    if let Some(p) = session::framework_file(s, Some(session_path)) {
        inputs.push(p);
    }
    inputs
}

/// Writes to the output file (atomically, never over an input, whatever its name) or to
/// `out`.
fn write_out(
    inputs: &[std::path::PathBuf],
    text: &str,
    output: Option<&Path>,
    out: &mut dyn Write,
) -> Result<()> {
    match output {
        Some(o) => {
            let inputs: Vec<&Path> = inputs.iter().map(std::path::PathBuf::as_path).collect();
            crate::files::refuse_output_on_input(o, &inputs).map_err(anyhow::Error::msg)?;
            session::write_atomic(o, crate::text::printable(text).as_bytes())?;
        }
        None => out.write_all(text.as_bytes())?,
    }
    Ok(())
}

/// `awayday compare`: reviews over time, oldest first.
pub(super) fn compare_cmd(
    paths: &[std::path::PathBuf],
    format: ReportFormat,
    output: Option<&Path>,
    out: &mut dyn Write,
) -> Result<()> {
    let mut reviews = Vec::new();
    let mut sources = Vec::new();
    let mut named = Vec::new();
    for p in paths {
        let (session, framework) = super::workshop::load(p)?;
        sources.extend(inputs(p, &session));
        let file = p
            .file_name()
            .map_or_else(String::new, |s| s.to_string_lossy().into_owned());
        named.push((session.title.clone(), session.date.clone(), file));
        reviews.push(report::compare::Review {
            name: String::new(),
            session,
            framework,
        });
    }
    // Reviews are labelled by title and date, told apart by file when those are the same.
    for (r, name) in reviews.iter_mut().zip(report::compare::labels(&named)) {
        r.name = name;
    }
    let c = report::compare::compare(&reviews);
    let text = match format {
        ReportFormat::Md => report::compare::to_markdown(&c),
        ReportFormat::Html => report::compare::to_html(&c),
        ReportFormat::Csv => report::compare::to_csv(&c)?,
        ReportFormat::Docx => anyhow::bail!(
            "compare writes Markdown, HTML or CSV; for Word, open the HTML in Word or write each review's report with --format docx"
        ),
    };
    write_out(&sources, &text, output, out)
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_word_file_is_refused_on_a_terminal_and_written_to_a_pipe() {
        let mut out = Vec::new();
        let e = super::write_binary(&[], b"PK\x03\x04", None, &mut out, true)
            .expect_err("a terminal gets no binary");
        assert!(e.to_string().contains("-o report.docx"), "{e}");
        assert!(out.is_empty());
        super::write_binary(&[], b"PK\x03\x04", None, &mut out, false).expect("a pipe takes it");
        assert_eq!(out, b"PK\x03\x04");
    }
}
