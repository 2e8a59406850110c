//! Writers that turn a session and its framework into files for reporting: pure functions,
//! no IO. Every figure comes from `session::summary`, through `model`.

pub mod compare;
mod compare_csv;
mod compare_html;
mod compare_markdown;
mod csv;
pub mod doc;
mod docx;
mod docx_parts;
mod docx_table;
mod html;
pub mod judgement;
pub mod layout;
mod markdown;
pub mod model;
pub mod sample;

pub use self::csv::{Table, cell as csv_cell, report_csv, to_csv};
pub use docx::to_docx;
pub use html::{to_html, write_html};
pub use markdown::{to_markdown, write_markdown};

/// What a streaming writer (`write_markdown`, `write_html`) writes for `r`, as a string.
fn in_memory(
    write: fn(&model::Report, &mut dyn std::io::Write) -> std::io::Result<()>,
    r: &model::Report,
) -> String {
    let mut bytes = Vec::new();
    // Writing to memory cannot fail.
    let _ = write(r, &mut bytes);
    String::from_utf8(bytes).unwrap_or_default()
}

/// "3 more statements have neither scores nor notes." (or "1 more statement has …").
fn untouched_line(n: usize) -> String {
    if n == 1 {
        "1 more statement has neither scores nor notes.".to_owned()
    } else {
        format!("{n} more statements have neither scores nor notes.")
    }
}
