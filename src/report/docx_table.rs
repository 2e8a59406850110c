//! Tables for the Word report: columns sized so no word breaks in the middle (a column is
//! never narrower than its longest word), group names turned upright when many groups would
//! otherwise squeeze every column, and a header row that repeats on each page.

use docx_rs::{
    AlignmentType, BreakType, HeightRule, Paragraph, Run, Shading, Table, TableCell,
    TableLayoutType, TableRow, TextDirectionType, WidthType,
};

use super::doc::{self, ColumnKind};

/// Table text: 10 pt (in half-points); never smaller, whatever the number of groups.
const TABLE_SIZE: usize = 20;
/// The widest character of 10 pt Arial text, on average over a word, in twentieths of a
/// point (bold capitals run wider than the mean, so this errs wide).
const CHAR: usize = 125;
/// A cell's left and right padding together, and a little air.
const PAD: usize = 260;

/// How much room a piece of text needs so none of its words is split.
fn longest_word(text: &str) -> usize {
    let chars = text
        .split_whitespace()
        .map(|w| w.chars().count())
        .max()
        .unwrap_or(1);
    chars * CHAR + PAD
}

/// Column widths in proportion to `weights` over `width`, none below its minimum: what the
/// narrow columns need is taken from the wide ones' slack.
fn fit(weights: &[usize], mins: &[usize], width: usize) -> Vec<usize> {
    let total = weights.iter().sum::<usize>().max(1);
    let mut w: Vec<usize> = weights
        .iter()
        .zip(mins)
        .map(|(x, &m)| (width * x / total).max(m))
        .collect();
    let sum: usize = w.iter().sum();
    if sum > width {
        let over = sum - width;
        let slack: usize = w.iter().zip(mins).map(|(x, m)| x - m).sum();
        for (x, &m) in w.iter_mut().zip(mins) {
            // No slack: every column is at its minimum already, and stays there.
            *x -= ((*x - m) * over.min(slack)).checked_div(slack).unwrap_or(0);
        }
    }
    w
}

fn header_cell(text: &str, width: usize) -> TableCell {
    TableCell::new().width(width, WidthType::Dxa).add_paragraph(
        Paragraph::new().add_run(super::docx_parts::run(text).size(TABLE_SIZE).bold()),
    )
}

/// A body cell: the id in bold before the text, each detail line under it with its label in
/// italics; a theme's row in bold, a done action struck through.
fn body_cell(c: &doc::Cell, row: &doc::Row, width: usize, centre: bool) -> TableCell {
    let style = |r: Run| {
        let r = r.size(TABLE_SIZE);
        let r = if row.strong { r.bold() } else { r };
        if row.done { r.strike() } else { r }
    };
    // Figures centred under their heading, as in the HTML.
    let mut p = if centre {
        Paragraph::new().align(AlignmentType::Center)
    } else {
        Paragraph::new()
    };
    if !c.id.is_empty() {
        p = p.add_run(style(super::docx_parts::run(&format!("{} ", c.id))).bold());
    }
    let text = if c.text.is_empty() && c.id.is_empty() {
        "–"
    } else {
        &c.text
    };
    p = p.add_run(style(super::docx_parts::run(text)));
    for (label, text) in &c.detail {
        p = p
            .add_run(Run::new().add_break(BreakType::TextWrapping))
            .add_run(style(super::docx_parts::run(&format!("{label}: "))).italic())
            .add_run(style(super::docx_parts::run(text)));
    }
    TableCell::new()
        .width(width, WidthType::Dxa)
        .add_paragraph(p)
}

/// A cell's text as it prints, for sizing its column.
fn plain(c: &doc::Cell) -> String {
    let mut s = format!("{} {}", c.id, c.text);
    for (label, text) in &c.detail {
        s.push(' ');
        s.push_str(label);
        s.push(' ');
        s.push_str(text);
    }
    s
}

/// The document's table over `width`: each column its share of the page (`Table::widths`),
/// the header row shaded and repeated at the top of each page. When the header words cannot
/// all lie flat without leaving the text columns too narrow, the headers of the figure
/// columns (the groups' scores) are set upright instead.
pub(super) fn table(t: &doc::Table, width: usize) -> Table {
    let header: Vec<&str> = t.columns.iter().map(|c| c.title.as_str()).collect();
    // Per mille of the width: the proportions the Markdown and HTML give the columns.
    let weights: Vec<usize> = t
        .widths()
        .iter()
        .map(|w| {
            // A share of 100 %, so 0..=1000.
            #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
            let w = (w * 10.0).round().max(1.0) as usize;
            w
        })
        .collect();
    let narrow: Vec<bool> = t
        .columns
        .iter()
        .map(|c| matches!(c.kind, ColumnKind::Figure(_)))
        .collect();
    let body_min: Vec<usize> = (0..header.len())
        .map(|i| {
            t.rows
                .iter()
                .map(|r| longest_word(&r.cells.get(i).map(plain).unwrap_or_default()))
                .max()
                .unwrap_or(PAD)
        })
        .collect();
    let flat_min: Vec<usize> = header
        .iter()
        .zip(&body_min)
        .map(|(h, &b)| longest_word(h).max(b))
        .collect();
    // Flat headers while the columns they force still leave half the width to the rest.
    let upright = flat_min.iter().sum::<usize>() > width / 2 * 3 / 2
        || flat_min
            .iter()
            .zip(&narrow)
            .filter(|&(_, &n)| n)
            .map(|(m, _)| m)
            .sum::<usize>()
            > width / 2;
    // Only figure columns (scores, counts) turn upright; text columns stay flat.
    let turned: Vec<bool> = narrow
        .iter()
        .zip(&header)
        .map(|(&n, h)| upright && n && longest_word(h) > PAD + 4 * CHAR)
        .collect();
    let mins: Vec<usize> = (0..header.len())
        .map(|i| {
            if turned[i] {
                body_min[i].max(2 * CHAR + PAD)
            } else {
                flat_min[i]
            }
        })
        .collect();
    let widths = fit(&weights, &mins, width);
    let mut head = TableRow::new(
        header
            .iter()
            .zip(&widths)
            .zip(&turned)
            .map(|((h, &w), &t)| {
                let c = header_cell(h, w).shading(Shading::new().fill("D9E2F3"));
                if t {
                    c.text_direction(TextDirectionType::BtLr)
                } else {
                    c
                }
            })
            .collect(),
    )
    .cant_split();
    if let Some(longest) = header
        .iter()
        .zip(&turned)
        .filter(|(_, t)| **t)
        .map(|(h, _)| h.chars().count())
        .max()
    {
        // Upright text lies along the row's height: make room for the longest name.
        #[allow(clippy::cast_precision_loss)] // a few thousand twips
        let height = (longest * CHAR + PAD) as f32;
        head = head.row_height(height).height_rule(HeightRule::AtLeast);
    }
    let mut all = vec![head];
    all.extend(t.rows.iter().map(|r| {
        TableRow::new(
            r.cells
                .iter()
                .zip(&widths)
                .zip(&narrow)
                .map(|((c, &w), &n)| body_cell(c, r, w, n))
                .collect(),
        )
    }));
    Table::new(all)
        .set_grid(widths.clone())
        .layout(TableLayoutType::Fixed)
        .width(widths.iter().sum(), WidthType::Dxa)
}

#[cfg(test)]
mod tests {
    use super::fit;

    #[test]
    fn narrow_columns_keep_their_minimum_and_the_wide_one_gives_way() {
        let w = fit(&[6, 1, 1], &[500, 1500, 1500], 9000);
        assert_eq!(w[1], 1500);
        assert_eq!(w[2], 1500);
        assert_eq!(w.iter().sum::<usize>(), 9000);
    }
}
