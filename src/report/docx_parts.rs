//! The pieces of the Word report: A4 page, margins, numbered footer, the named styles a
//! council's template replaces (Title, Heading 1–3), and paragraphs and tables built from text.

use docx_rs::{
    AlignmentType, BreakType, Docx, Footer, LineSpacing, PageMargin, PageNum, PageOrientationType,
    PageSize, Paragraph, Run, RunFonts, SectionProperty, Style, StyleType,
};

/// A4 in twentieths of a point (210 × 297 mm).
const A4_SHORT: u32 = 11_906;
const A4_LONG: u32 = 16_838;
/// 20 mm margins all round: room for a hole punch and a printer's grip.
const MARGIN: i32 = 1_134;

/// A4's width, height and orientation.
fn a4(landscape: bool) -> (u32, u32, PageOrientationType) {
    if landscape {
        (A4_LONG, A4_SHORT, PageOrientationType::Landscape)
    } else {
        (A4_SHORT, A4_LONG, PageOrientationType::Portrait)
    }
}

fn margins() -> PageMargin {
    PageMargin::new()
        .top(MARGIN)
        .bottom(MARGIN)
        .left(MARGIN)
        .right(MARGIN)
        .header(567)
        .footer(567)
}

/// The end of a run of pages in one orientation (the next pages turn): an empty paragraph
/// holding the run's page, as Word keeps a section's properties at its end. The footer
/// carries on from the body's section.
pub(super) fn section_break(landscape: bool) -> Paragraph {
    let (w, h, orient) = a4(landscape);
    Paragraph::new().section_property(
        SectionProperty::new()
            .page_size(PageSize::new().size(w, h).orient(orient))
            .page_margin(margins()),
    )
}

/// The page of the last section: A4, portrait or landscape, with the footer "Page N".
pub(super) fn page(doc: Docx, landscape: bool) -> Docx {
    let (w, h, orient) = a4(landscape);
    let footer = Footer::new().add_paragraph(
        Paragraph::new()
            .align(AlignmentType::Center)
            .add_run(Run::new().add_text("Page "))
            .add_page_num(PageNum::new()),
    );
    doc.page_size(w, h)
        .page_orient(orient)
        .page_margin(margins())
        .footer(footer)
}

/// The width text may take, in twentieths of a point.
pub(super) fn text_width(landscape: bool) -> usize {
    let page = if landscape { A4_LONG } else { A4_SHORT };
    // Both are small positive constants.
    #[allow(clippy::cast_sign_loss)]
    let margins = (2 * MARGIN) as u32;
    (page - margins) as usize
}

/// The styles, with Word's own ids and names ("heading 1" is how Word knows its built-in
/// Heading 1), so a council's template restyles them and the navigation pane lists them.
pub(super) fn styles(doc: Docx) -> Docx {
    let heading = |id: &str, name: &str, size: usize, level: usize| {
        Style::new(id, StyleType::Paragraph)
            .name(name)
            .based_on("Normal")
            .next("Normal")
            .q_format(true)
            .bold()
            .size(size)
            .color("1F3864")
            .outline_lvl(level)
            .line_spacing(LineSpacing::new().before(240).after(120))
    };
    doc.default_fonts(RunFonts::new().ascii("Arial").hi_ansi("Arial").cs("Arial"))
        // 11 pt body text: never smaller, whatever the number of groups.
        .default_size(22)
        .add_style(
            Style::new("Title", StyleType::Paragraph)
                .name("Title")
                .based_on("Normal")
                .next("Normal")
                .q_format(true)
                .bold()
                .size(48)
                .color("1F3864")
                .line_spacing(LineSpacing::new().after(240)),
        )
        .add_style(heading("Heading1", "heading 1", 32, 0))
        .add_style(heading("Heading2", "heading 2", 28, 1))
        .add_style(heading("Heading3", "heading 3", 24, 2))
}

/// Text from a session, safe for the document: control characters that XML cannot hold
/// are replaced; each line break of a note becomes a line break in the run.
pub(super) fn run(text: &str) -> Run {
    let text = crate::text::printable(text);
    let mut r = Run::new();
    for (i, line) in text.split('\n').enumerate() {
        if i > 0 {
            r = r.add_break(BreakType::TextWrapping);
        }
        r = r.add_text(line);
    }
    r
}

/// A heading of level 1–3, kept with what follows it.
pub(super) fn heading(level: u8, text: &str) -> Paragraph {
    Paragraph::new()
        .style(&format!("Heading{level}"))
        .keep_next(true)
        .add_run(run(text))
}

/// The document's title.
pub(super) fn title(text: &str) -> Paragraph {
    Paragraph::new().style("Title").add_run(run(text))
}

/// A body paragraph.
pub(super) fn para(text: &str) -> Paragraph {
    Paragraph::new().add_run(run(text))
}

/// A quieter paragraph: how to read what is around it.
pub(super) fn note(text: &str) -> Paragraph {
    Paragraph::new().add_run(run(text).italic())
}

/// "Label: text", the label in bold.
pub(super) fn labelled(label: &str, text: &str) -> Paragraph {
    Paragraph::new()
        .add_run(Run::new().add_text(format!("{label}: ")).bold())
        .add_run(run(text))
}

/// A list item, as "1. text" or "• text" (numbered lists in Word need a numbering part that a
/// template would override anyway).
pub(super) fn item(marker: &str, text: &str) -> Paragraph {
    Paragraph::new()
        .indent(
            Some(360),
            Some(docx_rs::SpecialIndentType::Hanging(360)),
            None,
            None,
        )
        .add_run(Run::new().add_text(format!("{marker}\t")))
        .add_run(run(text))
}

/// docx-rs writes no `w:tblHeader` (Word's "Repeat as header row at the top of each page"),
/// so the header rows, the only rows marked "can't split" by `docx_table::table`, get it here, in the
/// document part's XML before it is packed.
pub(super) fn repeat_header_rows(document: &[u8]) -> Vec<u8> {
    let text = String::from_utf8_lossy(document);
    text.replace("<w:cantSplit />", "<w:cantSplit /><w:tblHeader />")
        .into_bytes()
}

/// A section without a footer of its own takes the previous section's, and the first has
/// none to take: docx-rs gives the footer only to the body's (last) section, so the page
/// numbers would be missing before the first change of orientation. Every section break
/// gets the body's footer reference here.
pub(super) fn footer_on_every_section(document: &[u8]) -> Vec<u8> {
    let text = String::from_utf8_lossy(document);
    let Some(start) = text.rfind("<w:footerReference ") else {
        return document.to_vec();
    };
    let Some(len) = text[start..].find("/>") else {
        return document.to_vec();
    };
    let reference = &text[start..start + len + 2];
    let Some(body) = text.rfind("<w:sectPr>") else {
        return document.to_vec();
    };
    // The reference comes first in a section's properties, as Word's schema orders them.
    let mut out = text[..body].replace("<w:sectPr>", &format!("<w:sectPr>{reference}"));
    out.push_str(&text[body..]);
    out.into_bytes()
}

/// docx-rs writes the Normal style without marking it the default, so a paragraph with no
/// style of its own would have none (Word falls back to its own defaults, and a template's
/// Normal would not apply): marked here.
pub(super) fn normal_is_default(styles: &[u8]) -> Vec<u8> {
    String::from_utf8_lossy(styles)
        .replacen(
            "<w:style w:type=\"paragraph\" w:styleId=\"Normal\">",
            "<w:style w:type=\"paragraph\" w:default=\"1\" w:styleId=\"Normal\">",
            1,
        )
        .into_bytes()
}
