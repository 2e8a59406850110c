//! The Word report (`awayday report --format docx`): lays out the report's document
//! (`layout`) with Word's own styles, so a council can finish it in its template; like the
//! Markdown writer it decides nothing about what a report says.

use docx_rs::Docx;

use super::doc::Block;
use super::docx_parts as p;
use super::model::Report;

/// Lays out blocks one by one, keeping the page's orientation: a table too wide for a
/// portrait page starts landscape pages, which run to the next heading (as in the HTML).
struct Writer {
    doc: Docx,
    contents: Vec<(&'static str, &'static str)>,
    landscape: bool,
}

impl super::doc::Sink for Writer {
    fn push(&mut self, b: Block) {
        let mut doc = std::mem::take(&mut self.doc);
        match b {
            Block::Contents => {
                doc = doc.add_paragraph(p::labelled("Contents", ""));
                for (_, text) in &self.contents {
                    doc = doc.add_paragraph(p::item("•", text));
                }
            }
            Block::Heading { level, text, .. } => {
                if self.landscape {
                    doc = doc.add_paragraph(p::section_break(true));
                    self.landscape = false;
                }
                // The document's level 2 (a section) is Word's Heading 1: the title is Title.
                doc = doc.add_paragraph(p::heading(level.saturating_sub(1).clamp(1, 3), &text));
            }
            Block::Para(t) => doc = doc.add_paragraph(p::para(&t)),
            Block::Note(t) => doc = doc.add_paragraph(p::note(&t)),
            Block::Field { label, text } => doc = doc.add_paragraph(p::labelled(&label, &text)),
            Block::List {
                label,
                numbered,
                items,
            } => {
                if let Some(l) = label {
                    doc = doc.add_paragraph(p::labelled(&l, ""));
                }
                for (i, item) in items.iter().enumerate() {
                    let marker = if numbered {
                        format!("{}.", i + 1)
                    } else {
                        "•".to_owned()
                    };
                    doc = doc.add_paragraph(p::item(&marker, item));
                }
            }
            Block::Table(t) => {
                let wide = t.wide();
                if wide != self.landscape {
                    // A section's properties sit at its end: this break closes the pages so far.
                    doc = doc.add_paragraph(p::section_break(self.landscape));
                    self.landscape = wide;
                }
                doc = doc.add_table(super::docx_table::table(&t, p::text_width(wide)));
            }
        }
        self.doc = doc;
    }
}

/// The finished `.docx` file's bytes.
pub fn to_docx(r: &Report) -> anyhow::Result<Vec<u8>> {
    let d = super::layout::head(r);
    let mut doc = p::styles(Docx::new()).add_paragraph(p::title(&d.title));
    for (name, value) in &d.meta {
        doc = doc.add_paragraph(p::labelled(name, value));
    }
    let mut w = Writer {
        doc,
        contents: super::layout::contents(r),
        landscape: false,
    };
    super::layout::blocks(r, &mut w);
    // The last section's properties are the body's own.
    let doc = p::page(w.doc, w.landscape);
    let mut xml = doc.build();
    xml.document = p::footer_on_every_section(&p::repeat_header_rows(&xml.document));
    xml.styles = p::normal_is_default(&xml.styles);
    let mut out = std::io::Cursor::new(Vec::new());
    xml.pack(&mut out)?;
    Ok(out.into_inner())
}
