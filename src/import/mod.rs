//! Importing a benchmark from an outline people already have: Markdown, CSV, or a
//! spreadsheet (`.xlsx`, `.ods`), into a framework file with stable, readable ids; or over
//! last year's framework, keeping its ids (`update.rs`).

mod markdown;
pub mod outline;
mod table;
mod update;

use std::path::Path;

pub use outline::ImportError;
pub use update::Changes;

use crate::framework::FrameworkFile;

/// How to import.
#[derive(Debug, Clone, Default)]
pub struct Options {
    pub id: Option<String>,
    pub title: Option<String>,
    /// "1 Underdeveloped, 2 Reasonable, …"
    pub scale: Option<String>,
    /// The sheet of a spreadsheet (default: the first).
    pub sheet: Option<String>,
    /// Last year's framework, whose ids are kept where the text matches.
    pub update: Option<FrameworkFile>,
}

/// What an import gives: the framework file, and what changed against `--update`'s.
#[derive(Debug)]
pub struct Imported {
    pub file: FrameworkFile,
    pub changes: Option<Changes>,
}

/// Why an import failed.
#[derive(Debug, thiserror::Error)]
pub enum Failure {
    #[error(transparent)]
    Located(#[from] ImportError),
    #[error("{0}")]
    Other(String),
}

/// Imports the outline at `path`, by its extension.
pub fn import(path: &Path, opts: &Options) -> Result<Imported, Failure> {
    let origin = path.display().to_string();
    let ext = path
        .extension()
        .map(|e| e.to_string_lossy().to_lowercase())
        .unwrap_or_default();
    let text = || crate::framework::read_text(path).map_err(|e| Failure::Other(e.to_string()));
    let (meta, mut parts) = match ext.as_str() {
        "md" | "markdown" | "txt" => markdown::read(&text()?, &origin)?,
        "csv" => (
            outline::Meta::default(),
            table::read(&table::csv_rows(&text()?, &origin)?, &origin)?,
        ),
        "xlsx" | "xlsm" | "xls" | "ods" => (
            outline::Meta::default(),
            table::read(&sheet_rows(path, opts.sheet.as_deref())?, &origin)?,
        ),
        _ => {
            return Err(Failure::Other(format!(
                "{origin}: awayday imports Markdown (.md), CSV (.csv) and spreadsheets (.xlsx, .ods)"
            )));
        }
    };
    if parts.is_empty() {
        return Err(Failure::Other(format!(
            "{origin}: no themes found: a Markdown outline starts with a # heading; a table needs a theme and a statement per row"
        )));
    }
    let changes = opts
        .update
        .as_ref()
        .map(|old| update::keep_ids(&mut parts, old));
    outline::assign_ids(&mut parts, &origin)?;
    let stem = path
        .file_stem()
        .map_or_else(String::new, |s| s.to_string_lossy().into_owned());
    let title = opts
        .title
        .clone()
        .or(meta.title)
        .or_else(|| opts.update.as_ref().map(|o| o.title.clone()))
        .unwrap_or_else(|| stem.clone());
    let id = opts
        .id
        .clone()
        .or(meta.id)
        .or_else(|| opts.update.as_ref().map(|o| o.id.clone()))
        .unwrap_or_else(|| outline::slug(&title));
    let scale = match opts.scale.clone().or(meta.scale) {
        Some(s) => {
            outline::parse_scale(&s).map_err(|e| Failure::Other(format!("the scale: {e}")))?
        }
        None => opts
            .update
            .as_ref()
            .map_or_else(outline::default_scale, |o| o.scale.clone()),
    };
    let mut file = outline::to_file(&parts, &id, &title, &format!("Imported from {stem}"), scale);
    file.edition = format!("imported {}", crate::session::today());
    Ok(Imported { file, changes })
}

/// A spreadsheet's sheet as rows with their row numbers.
fn sheet_rows(path: &Path, sheet: Option<&str>) -> Result<Vec<(usize, Vec<String>)>, Failure> {
    use calamine::{Reader, open_workbook_auto};
    let origin = path.display().to_string();
    let mut book =
        open_workbook_auto(path).map_err(|e| Failure::Other(format!("{origin}: {e}")))?;
    let names = book.sheet_names();
    let name = match sheet {
        Some(s) => names
            .iter()
            .find(|n| n.as_str() == s)
            .cloned()
            .ok_or_else(|| {
                Failure::Other(format!(
                    "{origin}: no sheet \"{s}\"; its sheets are: {}",
                    names.join(", ")
                ))
            })?,
        None => names
            .first()
            .cloned()
            .ok_or_else(|| Failure::Other(format!("{origin}: the workbook has no sheets")))?,
    };
    let range = book
        .worksheet_range(&name)
        .map_err(|e| Failure::Other(format!("{origin}: {e}")))?;
    let first_row = usize::try_from(range.start().map_or(0, |(r, _)| r)).unwrap_or(0);
    Ok(range
        .rows()
        .enumerate()
        .map(|(i, row)| {
            (
                first_row + i + 1,
                row.iter().map(ToString::to_string).collect(),
            )
        })
        .collect())
}
