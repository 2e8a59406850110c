//! Tables for the Word report: columns sized so no word breaks in the middle (a column is
//! never narrower than its longest word), group names turned upright when many groups would
//! otherwise squeeze every column, and a header row that repeats on each page.

use docx_rs::{
    HeightRule, Paragraph, Shading, Table, TableCell, TableLayoutType, TableRow, TextDirectionType,
    WidthType,
};

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

fn cell(text: &str, width: usize, bold: bool) -> TableCell {
    let text = if text.is_empty() { "–" } else { text };
    let mut r = super::docx_parts::run(text).size(TABLE_SIZE);
    if bold {
        r = r.bold();
    }
    TableCell::new()
        .width(width, WidthType::Dxa)
        .add_paragraph(Paragraph::new().add_run(r))
}

/// A table over `width`: the columns in the proportions of `weights` (a wide one for
/// statement text), the header row shaded and repeated at the top of each page. When the
/// header words cannot all lie flat without leaving the text columns too narrow, the headers
/// of the narrow columns (the groups' scores) are set upright instead.
pub fn table(header: &[String], rows: &[Vec<String>], weights: &[usize], width: usize) -> Table {
    let body_min: Vec<usize> = (0..header.len())
        .map(|i| {
            rows.iter()
                .map(|r| longest_word(r.get(i).map_or("", String::as_str)))
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
            .zip(weights)
            .filter(|&(_, &w)| w == 1)
            .map(|(m, _)| m)
            .sum::<usize>()
            > width / 2;
    // Only narrow columns (weight 1: scores, counts) turn upright; text columns stay flat.
    let turned: Vec<bool> = weights
        .iter()
        .zip(header)
        .map(|(&w, h)| upright && w == 1 && longest_word(h) > PAD + 4 * CHAR)
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
    let widths = fit(weights, &mins, width);
    let mut head = TableRow::new(
        header
            .iter()
            .zip(&widths)
            .zip(&turned)
            .map(|((h, &w), &t)| {
                let c = cell(h, w, true).shading(Shading::new().fill("D9E2F3"));
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
    all.extend(rows.iter().map(|r| {
        TableRow::new(
            r.iter()
                .zip(&widths)
                .map(|(c, &w)| cell(c, w, false))
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
