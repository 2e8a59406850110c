//! The Markdown writer: lays out the report's document (`layout`) as Markdown; it decides
//! nothing about what a report says.

use std::fmt::Write as _;

use super::doc::{Block, Table};
use super::model::Report;

/// User or framework text as inline Markdown: control characters made harmless, and every
/// character Markdown or HTML would read as markup escaped, so a title cannot become a
/// heading, a link, an image, a table break or a tag. Line breaks become spaces.
fn md(s: &str) -> String {
    let s = crate::text::printable(s);
    let mut out = String::with_capacity(s.len());
    for (i, c) in s.chars().enumerate() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '\n' | '\r' => out.push(' '),
            '\\' | '`' | '*' | '_' | '[' | ']' | '|' | '#' | '~' | '!' => {
                out.push('\\');
                out.push(c);
            }
            // A line starting "- ", "+ " or "1." would become a list.
            '-' | '+' if i == 0 => {
                out.push('\\');
                out.push(c);
            }
            c => out.push(c),
        }
    }
    out
}

/// A table cell: escaped as [`md`], with the line breaks of notes kept as `<br>`.
fn cell(s: &str) -> String {
    s.split('\n').map(md).collect::<Vec<_>>().join("<br>")
}

fn table(out: &mut String, t: &Table) {
    let _ = writeln!(
        out,
        "| {} |",
        t.columns
            .iter()
            .map(|c| cell(&c.title))
            .collect::<Vec<_>>()
            .join(" | ")
    );
    let _ = writeln!(
        out,
        "|{}|",
        t.columns
            .iter()
            .map(|_| "---")
            .collect::<Vec<_>>()
            .join("|")
    );
    for row in &t.rows {
        let cells: Vec<String> = row
            .cells
            .iter()
            .enumerate()
            .map(|(i, c)| {
                let mut s = if c.id.is_empty() {
                    cell(&c.text)
                } else if c.text.is_empty() {
                    format!("**{}**", md(&c.id))
                } else {
                    format!("**{}** {}", md(&c.id), cell(&c.text))
                };
                if i == 0 && row.strong && !s.is_empty() {
                    s = format!("**{}**", s.replace("**", ""));
                }
                for (label, text) in &c.detail {
                    let _ = write!(s, "<br>*{}:* {}", md(label), cell(text));
                }
                s
            })
            .collect();
        let _ = writeln!(out, "| {} |", cells.join(" | "));
    }
    out.push('\n');
}

fn block(out: &mut String, contents: &[(&str, &str)], b: &Block) {
    match b {
        Block::Contents => {
            let _ = writeln!(out, "**Contents**\n");
            for (_, text) in contents {
                let _ = writeln!(out, "- {}", md(text));
            }
            out.push('\n');
        }
        Block::Heading { level, text, .. } => {
            let _ = writeln!(out, "{} {}\n", "#".repeat(usize::from(*level)), md(text));
        }
        Block::Para(t) | Block::Note(t) => {
            let _ = writeln!(out, "{}\n", cell(t).replace("<br>", "  \n"));
        }
        Block::Field { label, text } => {
            let _ = writeln!(
                out,
                "**{}:** {}\n",
                md(label),
                cell(text).replace("<br>", "  \n")
            );
        }
        Block::List {
            label,
            numbered,
            items,
        } => {
            if let Some(l) = label {
                let _ = writeln!(out, "**{}:**\n", md(l));
            }
            for (i, item) in items.iter().enumerate() {
                if *numbered {
                    let _ = writeln!(out, "{}. {}", i + 1, md(item));
                } else {
                    let _ = writeln!(out, "- {}", md(item));
                }
            }
            out.push('\n');
        }
        Block::Table(t) => table(out, t),
    }
}

/// Writes each block as it comes.
struct Writer<'a> {
    contents: Vec<(&'static str, &'static str)>,
    w: &'a mut dyn std::io::Write,
    buf: String,
    error: Option<std::io::Error>,
}

impl super::doc::Sink for Writer<'_> {
    fn push(&mut self, b: Block) {
        block(&mut self.buf, &self.contents, &b);
        if self.buf.len() > 1 << 16 {
            self.flush();
        }
    }
}

impl Writer<'_> {
    fn flush(&mut self) {
        if self.error.is_none()
            && let Err(e) = self.w.write_all(self.buf.as_bytes())
        {
            self.error = Some(e);
        }
        self.buf.clear();
    }
}

/// Writes the report as Markdown to `w`, section by section as it is laid out.
pub fn write_markdown(r: &Report, w: &mut dyn std::io::Write) -> std::io::Result<()> {
    let d = super::layout::head(r);
    let mut out = String::with_capacity(1 << 16);
    let _ = writeln!(out, "# {}\n", md(&d.title));
    for (name, value) in &d.meta {
        let _ = writeln!(out, "- **{name}:** {}", md(value));
    }
    out.push('\n');
    let mut writer = Writer {
        contents: super::layout::contents(r),
        w,
        buf: out,
        error: None,
    };
    super::layout::blocks(r, &mut writer);
    writer.flush();
    writer.error.map_or(Ok(()), Err)
}

/// The report as Markdown.
pub fn to_markdown(r: &Report) -> String {
    super::in_memory(write_markdown, r)
}
