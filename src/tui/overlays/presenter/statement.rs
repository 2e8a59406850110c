//! The statement, the largest thing on the projector: drawn in big letters at the largest size
//! at which the whole text fits the space it has, else as ordinary bold text, wrapped. It is
//! never cut: when even ordinary text does not fit, the last line says how much is left out.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::Line;
use ratatui::widgets::Paragraph;
use tui_big_text::{BigText, PixelSize};

/// The big-letter sizes, largest first, with the cells one letter takes (columns, rows).
const SIZES: [(PixelSize, u16, u16); 3] = [
    (PixelSize::Full, 8, 8),
    (PixelSize::HalfHeight, 8, 4),
    (PixelSize::Quadrant, 4, 4),
];

/// How the statement will be drawn in an area: big letters of a size, or ordinary text.
#[cfg(test)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Size {
    Big(PixelSize),
    Text,
}

/// The big letters' font has ASCII only: typographic punctuation becomes its plain twin, so a
/// quote or a dash is never drawn as a blank.
fn plain(text: &str) -> String {
    text.replace('…', "...")
        .chars()
        .map(|c| match c {
            '‘' | '’' => '\'',
            '“' | '”' => '"',
            '–' | '—' => '-',
            c if c.is_ascii() => c,
            _ => '?',
        })
        .collect()
}

/// The lines of `text` in big letters of `size` in `area`, if they all fit.
fn fit(text: &str, area: Rect, cell: (u16, u16)) -> Option<Vec<String>> {
    let per_line = usize::from(area.width / cell.0);
    if per_line < 12 {
        return None;
    }
    let lines = crate::text::wrap(text, per_line);
    // Words longer than a line would be cut mid-word.
    if lines.iter().any(|l| l.chars().count() > per_line) {
        return None;
    }
    let rows = u16::try_from(lines.len()).ok()?.checked_mul(cell.1)?;
    (rows <= area.height).then_some(lines)
}

/// The size the statement is drawn at in `area`.
#[cfg(test)]
pub fn size(text: &str, area: Rect) -> Size {
    let text = plain(text);
    SIZES
        .iter()
        .find(|&&(_, w, h)| fit(&text, area, (w, h)).is_some())
        .map_or(Size::Text, |&(p, _, _)| Size::Big(p))
}

/// Draws the statement in `area`, as large as it fits, centred.
pub(super) fn render(frame: &mut Frame, area: Rect, text: &str, style: Style) {
    let strong = style.add_modifier(Modifier::BOLD);
    let ascii = plain(text);
    for &(pixels, w, h) in &SIZES {
        if let Some(lines) = fit(&ascii, area, (w, h)) {
            let rows = u16::try_from(lines.len()).unwrap_or(0) * h;
            let top = area.y + (area.height - rows) / 2;
            frame.render_widget(
                BigText::builder()
                    .pixel_size(pixels)
                    .style(strong)
                    .lines(lines.into_iter().map(Line::from).collect::<Vec<_>>())
                    .centered()
                    .build(),
                Rect::new(area.x, top, area.width, rows),
            );
            return;
        }
    }
    let mut lines = crate::text::wrap(text, usize::from(area.width.max(1)));
    let room = usize::from(area.height);
    if lines.len() > room && room > 0 {
        // Never cut silently: the last line that fits says what is left out.
        let hidden: usize = lines[room - 1..]
            .iter()
            .map(|l| l.split_whitespace().count())
            .sum();
        lines.truncate(room - 1);
        lines.push(format!("… {hidden} more words: make the window bigger"));
    }
    let top = area.y
        + area
            .height
            .saturating_sub(u16::try_from(lines.len()).unwrap_or(0))
            / 2;
    frame.render_widget(
        Paragraph::new(
            lines
                .into_iter()
                .map(|l| Line::styled(l, strong))
                .collect::<Vec<_>>(),
        )
        .centered(),
        Rect::new(area.x, top, area.width, area.bottom().saturating_sub(top)),
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_statement_is_as_large_as_it_fits() {
        let short = "Councillors challenge decisions.";
        assert_eq!(
            size(short, Rect::new(0, 0, 200, 20)),
            Size::Big(PixelSize::Full)
        );
        let long = "The council has a clear vision for its area, owned by councillors and shared with partners, with priorities that residents recognise.";
        assert_eq!(
            size(long, Rect::new(0, 0, 196, 20)),
            Size::Big(PixelSize::Quadrant)
        );
        assert_eq!(size(long, Rect::new(0, 0, 100, 10)), Size::Text);
        assert_eq!(plain("it’s – “x”…"), "it's - \"x\"...");
    }
}
