//! Turns a drawn screen (a ratatui `Buffer`) into an SVG picture, cell by cell, so the
//! README's screenshots come from the real rendering code.

use std::fmt::Write as _;

use ratatui::buffer::Buffer;
use ratatui::style::{Color, Modifier};

const CELL_W: f32 = 8.4;
const CELL_H: f32 = 18.0;
const FONT_SIZE: f32 = 14.0;
/// A dark terminal's default colours.
const DEFAULT_FG: &str = "#e6e6e6";
const DEFAULT_BG: &str = "#1c1f24";

fn colour(c: Color, default: &'static str) -> String {
    match c {
        Color::Reset => default.to_owned(),
        Color::Black => "#1c1f24".into(),
        Color::Red => "#e06c75".into(),
        Color::Green => "#98c379".into(),
        Color::Yellow => "#e5c07b".into(),
        Color::Blue => "#61afef".into(),
        Color::Magenta => "#c678dd".into(),
        Color::Cyan => "#56b6c2".into(),
        Color::Gray => "#abb2bf".into(),
        Color::DarkGray => "#6b717d".into(),
        Color::LightRed => "#ff7b86".into(),
        Color::LightGreen => "#b5e890".into(),
        Color::LightYellow => "#ffd68a".into(),
        Color::LightBlue => "#8cc8ff".into(),
        Color::LightMagenta => "#e0a0ff".into(),
        Color::LightCyan => "#8be0ea".into(),
        Color::White => "#ffffff".into(),
        Color::Rgb(r, g, b) => format!("#{r:02x}{g:02x}{b:02x}"),
        Color::Indexed(i) => format!("#{i:02x}{i:02x}{i:02x}"),
    }
}

fn escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

/// The resolved look of one cell.
#[derive(PartialEq, Clone)]
struct Look {
    fg: String,
    bg: String,
    bold: bool,
    dim: bool,
    underline: bool,
}

fn look(cell: &ratatui::buffer::Cell) -> Look {
    let mut fg = colour(cell.fg, DEFAULT_FG);
    let mut bg = colour(cell.bg, DEFAULT_BG);
    if cell.modifier.contains(Modifier::REVERSED) {
        std::mem::swap(&mut fg, &mut bg);
    }
    Look {
        fg,
        bg,
        bold: cell.modifier.contains(Modifier::BOLD),
        dim: cell.modifier.contains(Modifier::DIM),
        underline: cell.modifier.contains(Modifier::UNDERLINED),
    }
}

/// The buffer as a standalone SVG document.
pub fn to_svg(buf: &Buffer) -> String {
    let area = buf.area;
    let width = f32::from(area.width) * CELL_W;
    let height = f32::from(area.height) * CELL_H;
    let mut out = String::new();
    let _ = writeln!(
        out,
        r#"<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" viewBox="0 0 {width} {height}" font-family="'DejaVu Sans Mono', Menlo, Consolas, monospace" font-size="{FONT_SIZE}">"#
    );
    let _ = writeln!(
        out,
        r#"<rect width="100%" height="100%" fill="{DEFAULT_BG}"/>"#
    );
    for y in 0..area.height {
        let top = f32::from(y) * CELL_H;
        // Backgrounds first, merged into runs.
        let mut x = 0;
        while x < area.width {
            let l = look(&buf[(x, y)]);
            let start = x;
            while x < area.width && look(&buf[(x, y)]).bg == l.bg {
                x += 1;
            }
            if l.bg != DEFAULT_BG {
                let _ = writeln!(
                    out,
                    r#"<rect x="{:.1}" y="{top:.1}" width="{:.1}" height="{CELL_H}" fill="{}"/>"#,
                    f32::from(start) * CELL_W,
                    f32::from(x - start) * CELL_W,
                    l.bg
                );
            }
        }
        // Then text, one element per run of the same look, each placed at its own column so
        // wide characters cannot shift what follows.
        let baseline = top + CELL_H * 0.75;
        let mut x = 0;
        while x < area.width {
            let l = look(&buf[(x, y)]);
            let start = x;
            let mut text = String::new();
            while x < area.width && look(&buf[(x, y)]) == l {
                text.push_str(buf[(x, y)].symbol());
                x += 1;
            }
            if text.trim().is_empty() {
                continue;
            }
            let mut attrs = format!(r#"fill="{}""#, l.fg);
            if l.bold {
                attrs.push_str(r#" font-weight="bold""#);
            }
            if l.dim {
                attrs.push_str(r#" fill-opacity="0.65""#);
            }
            if l.underline {
                attrs.push_str(r#" text-decoration="underline""#);
            }
            let _ = writeln!(
                out,
                r#"<text x="{:.1}" y="{baseline:.1}" {attrs} xml:space="preserve">{}</text>"#,
                f32::from(start) * CELL_W,
                escape(&text)
            );
        }
    }
    out.push_str("</svg>\n");
    out
}

/// The buffer as plain text, one line per row (for snapshots).
pub fn to_text(buf: &Buffer) -> String {
    let mut out = String::new();
    for y in 0..buf.area.height {
        let mut line = String::new();
        for x in 0..buf.area.width {
            line.push_str(buf[(x, y)].symbol());
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}
