//! The HTML writer: one self-contained file (no network, no external asset) laying out the
//! report's document (`layout`), with a contents list, heat-map colours, and print styles
//! for A4: each table's columns get fixed widths (no column under 25 mm, text never shrunk
//! below 9 pt), a table too wide for a portrait page goes on landscape pages with its
//! heading, words are never broken, headings stay with what follows, pages are numbered.

use std::fmt::Write as _;

use super::doc::{Block, ColumnKind, Table};
use super::model::Report;

/// Text as HTML: markup escaped, and control characters made harmless (`text::printable`).
fn esc(s: &str) -> String {
    let s = crate::text::printable(s);
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            c => out.push(c),
        }
    }
    out
}

/// Text with line breaks kept.
fn para(s: &str) -> String {
    esc(s).replace('\n', "<br>")
}

const STYLE: &str = r"
:root { --ink: #1d232b; --muted: #5b6570; --line: #d5dae0; --accent: #0b6e79; }
* { box-sizing: border-box; }
body { font: 15px/1.45 system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif; color: var(--ink); max-width: 1100px; margin: 2rem auto; padding: 0 1.5rem; }
h1 { font-size: 1.8rem; margin-bottom: .3rem; color: var(--accent); }
h2 { font-size: 1.3rem; margin-top: 2.2rem; border-bottom: 2px solid var(--accent); padding-bottom: .2rem; }
h3 { font-size: 1.08rem; margin-top: 1.6rem; }
h4 { font-size: 1rem; margin: 1.1rem 0 .3rem; }
dl.meta { display: grid; grid-template-columns: max-content 1fr; gap: .15rem 1rem; }
dl.meta dt { font-weight: 600; color: var(--muted); }
dl.meta dd { margin: 0; }
nav.contents ol { margin: .3rem 0 1rem; }
nav.contents a { color: var(--ink); text-decoration: none; }
table { border-collapse: collapse; width: 100%; margin: .6rem 0 1rem; table-layout: fixed; }
th, td { border: 1px solid var(--line); padding: .3rem .45rem; vertical-align: top; text-align: left; overflow-wrap: normal; word-break: normal; hyphens: manual; }
th { background: #eef2f5; font-weight: 600; }
td.num, th.num { text-align: center; }
tr.theme td { font-weight: 600; background: #f6f8fa; }
tr.element td:first-child { padding-left: 1.2rem; }
.id { font-weight: 600; color: var(--accent); }
.detail { color: var(--muted); margin-top: .2rem; }
.muted { color: var(--muted); }
.heat td.num { font-weight: 600; }
.legend span { display: inline-block; padding: .1rem .5rem; margin-right: .3rem; border-radius: 3px; }
tr.done td:last-child { color: var(--muted); text-decoration: line-through; }
@page { size: A4; margin: 18mm 15mm 20mm; @bottom-right { content: 'Page ' counter(page) ' of ' counter(pages); font: 9pt system-ui, sans-serif; color: #5b6570; } }
@page wide { size: A4 landscape; }
@media print {
  body { margin: 0; max-width: none; padding: 0; font-size: 10.5pt; }
  th, td { font-size: 9.5pt; padding: 1.2mm 1.6mm; }
  .muted, .detail { font-size: 9pt; }
  section.wide { page: wide; }
  h2 { break-before: auto; }
  h2, h3, h4, p.label, p.intro { break-after: avoid; }
  thead { display: table-header-group; }
  tr { break-inside: avoid; }
  a { color: inherit; text-decoration: none; }
  th { background: #eee !important; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  .heat td, .legend span { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
";

fn table(out: &mut String, t: &Table, lo: f64, hi: f64) {
    let widths = t.widths();
    let _ = write!(
        out,
        "<table{}><colgroup>",
        if t.heat { " class=\"heat\"" } else { "" }
    );
    for w in &widths {
        let _ = write!(out, "<col style=\"width:{w:.2}%\">");
    }
    out.push_str("</colgroup><thead><tr>");
    for c in &t.columns {
        let class = if matches!(c.kind, ColumnKind::Figure(_)) {
            " class=\"num\""
        } else {
            ""
        };
        let _ = write!(out, "<th{class}>{}</th>", esc(&c.title));
    }
    out.push_str("</tr></thead><tbody>\n");
    for row in &t.rows {
        let class = match (row.strong, row.nested, row.done) {
            (_, _, true) => " class=\"done\"",
            (true, _, _) => " class=\"theme\"",
            (_, true, _) => " class=\"element\"",
            _ => "",
        };
        let _ = write!(out, "<tr{class}>");
        for (c, col) in row.cells.iter().zip(&t.columns) {
            let num = matches!(col.kind, ColumnKind::Figure(_));
            out.push_str("<td");
            if num {
                out.push_str(" class=\"num\"");
            }
            if t.heat && num {
                let _ = write!(out, " style=\"background:{}\"", heat(c.value, lo, hi));
            }
            out.push('>');
            if !c.id.is_empty() {
                let _ = write!(out, "<span class=\"id\">{}</span> ", esc(&c.id));
            }
            out.push_str(&para(&c.text));
            for (label, text) in &c.detail {
                let _ = write!(
                    out,
                    "<div class=\"detail\"><em>{}:</em> {}</div>",
                    esc(label),
                    para(text)
                );
            }
            out.push_str("</td>");
        }
        out.push_str("</tr>\n");
    }
    out.push_str("</tbody></table>\n");
}

fn block(out: &mut String, contents: &[(&str, &str)], b: &Block, r: &Report) {
    let (lo, hi) = bounds(r);
    match b {
        Block::Contents => {
            out.push_str("<nav class=\"contents\"><p><strong>Contents</strong></p><ol>");
            for (anchor, text) in contents {
                let _ = write!(
                    out,
                    "<li><a href=\"#{}\">{}</a></li>",
                    esc(anchor),
                    esc(text)
                );
            }
            out.push_str("</ol></nav>\n");
        }
        Block::Heading {
            level,
            anchor,
            text,
        } => {
            if !anchor.is_empty() {
                let _ = write!(out, "<a id=\"{}\"></a>", esc(anchor));
            }
            let _ = writeln!(out, "<h{level}>{}</h{level}>", esc(text));
        }
        Block::Para(t) => {
            let _ = writeln!(out, "<p>{}</p>", para(t));
        }
        Block::Note(t) => {
            let _ = writeln!(out, "<p class=\"muted\">{}</p>", para(t));
        }
        Block::Field { label, text } => {
            let _ = writeln!(
                out,
                "<p><strong>{}:</strong> {}</p>",
                esc(label),
                para(text)
            );
        }
        Block::List {
            label,
            numbered,
            items,
        } => {
            if let Some(l) = label {
                let _ = write!(out, "<p class=\"label\"><strong>{}:</strong></p>", esc(l));
            }
            let tag = if *numbered { "ol" } else { "ul" };
            let _ = write!(out, "<{tag}>");
            for item in items {
                let _ = write!(out, "<li>{}</li>", esc(item));
            }
            let _ = writeln!(out, "</{tag}>");
        }
        Block::Table(t) => {
            table(out, t, lo, hi);
            // The heat map's key follows its table.
            if t.heat {
                out.push_str("<p class=\"legend\">");
                for (value, label, _) in &r.scale {
                    let _ = write!(
                        out,
                        "<span style=\"background:{}\">{value} {}</span>",
                        heat(Some(f64::from(*value)), lo, hi),
                        esc(label)
                    );
                }
                out.push_str("</p>\n");
            }
        }
    }
}

/// The lowest and highest levels of the scale, for the heat map's colours.
fn bounds(r: &Report) -> (f64, f64) {
    (
        r.scale.first().map_or(1.0, |l| f64::from(l.0)),
        r.scale.last().map_or(4.0, |l| f64::from(l.0)),
    )
}

/// Writes the blocks as they come. A run of blocks starts at a heading; a run whose first
/// table is too wide for a portrait page goes on landscape pages, with the runs of
/// headings and text just before it (held until a table decides), so a heading is never
/// left behind on the portrait page.
struct Writer<'a> {
    r: &'a Report,
    contents: Vec<(&'static str, &'static str)>,
    w: &'a mut dyn std::io::Write,
    /// Runs of headings and text with no table yet: not written until one comes.
    held: Vec<Block>,
    /// Once the current run has had a table: whether it is on landscape pages.
    decided: Option<bool>,
    buf: String,
    error: Option<std::io::Error>,
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

    fn write(&mut self, b: &Block) {
        block(&mut self.buf, &self.contents, b, self.r);
    }

    /// Writes what is held, and ends the current run.
    fn finish(&mut self) {
        if self.decided == Some(true) {
            self.buf.push_str("</section>\n");
        }
        self.decided = None;
        for b in std::mem::take(&mut self.held) {
            self.write(&b);
        }
        self.flush();
    }
}

impl super::doc::Sink for Writer<'_> {
    fn push(&mut self, b: Block) {
        match (&b, self.decided) {
            (Block::Heading { .. }, Some(wide)) => {
                if wide {
                    self.buf.push_str("</section>\n");
                }
                self.decided = None;
                self.held.push(b);
            }
            (_, Some(_)) => self.write(&b),
            (Block::Table(t), None) => {
                let wide = t.wide();
                if wide {
                    self.buf.push_str("<section class=\"wide\">\n");
                }
                for held in std::mem::take(&mut self.held) {
                    self.write(&held);
                }
                self.write(&b);
                self.decided = Some(wide);
            }
            (_, None) => self.held.push(b),
        }
        if self.buf.len() > 1 << 16 {
            self.flush();
        }
    }
}

/// Writes the report as one HTML page to `w`, section by section as it is laid out.
pub fn write_html(r: &Report, w: &mut dyn std::io::Write) -> std::io::Result<()> {
    let d = super::layout::head(r);
    let mut out = String::with_capacity(1 << 16);
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"en-GB\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>{}</title><style>{STYLE}@page {{ @top-left {{ content: '{}'; font: 9pt system-ui, sans-serif; color: #5b6570; }} }}</style></head><body>\n",
        esc(&d.title),
        // The running header on every printed page: organisation and title.
        css_string(&d.running_head)
    );
    let _ = writeln!(out, "<h1>{}</h1>", esc(&d.title));
    out.push_str("<dl class=\"meta\">");
    for (name, value) in &d.meta {
        let _ = write!(out, "<dt>{}</dt><dd>{}</dd>", esc(name), esc(value));
    }
    out.push_str("</dl>\n");
    let mut writer = Writer {
        r,
        contents: super::layout::contents(r),
        w,
        held: Vec::new(),
        decided: None,
        buf: out,
        error: None,
    };
    writer.flush();
    super::layout::blocks(r, &mut writer);
    writer.finish();
    writer.buf.push_str("</body></html>\n");
    writer.flush();
    writer.error.map_or(Ok(()), Err)
}

/// The report as one HTML page.
pub fn to_html(r: &Report) -> String {
    super::in_memory(write_html, r)
}

/// A background colour for a mean: red at the bottom of the scale, amber mid-way, green at
/// the top. Light enough for dark text, on screen and on paper.
fn heat(mean: Option<f64>, lo: f64, hi: f64) -> String {
    const LOW: [f64; 3] = [244.0, 166.0, 166.0];
    const MID: [f64; 3] = [251.0, 227.0, 160.0];
    const HIGH: [f64; 3] = [168.0, 223.0, 168.0];
    let Some(mean) = mean else {
        return "#ffffff".into();
    };
    let place = if hi > lo {
        ((mean - lo) / (hi - lo)).clamp(0.0, 1.0)
    } else {
        0.5
    };
    let (from, to, along) = if place < 0.5 {
        (LOW, MID, place * 2.0)
    } else {
        (MID, HIGH, (place - 0.5) * 2.0)
    };
    let channel = |i: usize| {
        #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
        let value = (from[i] + (to[i] - from[i]) * along)
            .round()
            .clamp(0.0, 255.0) as u8;
        value
    };
    format!("#{:02x}{:02x}{:02x}", channel(0), channel(1), channel(2))
}

/// Text for a CSS string in single quotes: quotes, backslashes, line breaks and anything that
/// could close the style element escaped.
fn css_string(s: &str) -> String {
    crate::text::printable(s)
        .chars()
        .map(|c| match c {
            '\'' | '\\' | '<' | '>' | '\n' => format!("\\{:x} ", u32::from(c)),
            c => c.to_string(),
        })
        .collect()
}
