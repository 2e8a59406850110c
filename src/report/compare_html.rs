//! The comparison of reviews as one self-contained HTML page, with the areas as a heat map.

use std::fmt::Write as _;

use super::compare::{Comparison, not_scored_somewhere, score_cell, signed};
use crate::session::summary::format_mean;

/// A heat-map cell's colour for a mean on a 1–4 scale (red, amber, light green, green; a
/// scale of other length is placed by its rounded level, clamped), as the report's heat map.
fn heat(mean: f64) -> &'static str {
    const COLOURS: [&str; 4] = ["#f4b6b6", "#f9d9a6", "#d4ecb8", "#9fd49a"];
    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)] // a level, 1–4
    let i = (mean.round().clamp(1.0, 4.0) as usize) - 1;
    COLOURS[i]
}

/// The comparison as one self-contained HTML page: a heat map of the areas' agreed means
/// in each review, then the statements that moved, were not scored, or are new or gone.
pub fn to_html(c: &Comparison) -> String {
    let esc = |s: &str| {
        crate::text::printable(s)
            .replace('&', "&amp;")
            .replace('<', "&lt;")
            .replace('>', "&gt;")
    };
    let mut out = String::from(
        "<!DOCTYPE html>\n<html lang=\"en-GB\"><head><meta charset=\"utf-8\"><title>What moved</title><style>body{font-family:sans-serif;max-width:60rem;margin:auto}table{border-collapse:collapse;width:100%}td,th{border:1px solid #999;padding:.2rem .4rem;text-align:left;overflow-wrap:normal;word-break:normal;hyphens:none}td.heat{text-align:center}thead{display:table-header-group}tr{break-inside:avoid}@page{size:A4;margin:18mm}@media print{td.heat{print-color-adjust:exact;-webkit-print-color-adjust:exact}}</style></head><body>\n",
    );
    let _ = writeln!(out, "<h1>What moved: {}</h1>", esc(&c.names.join(" → ")));
    out.push_str("<h2>Heat map: agreed mean of each area in each review</h2><table class=\"heatmap\"><thead><tr><th>Area</th>");
    for n in &c.names {
        let _ = write!(out, "<th>{}</th>", esc(n));
    }
    out.push_str("<th>Change</th></tr></thead><tbody>\n");
    for a in &c.areas {
        let _ = write!(out, "<tr><td>{} {}</td>", esc(&a.id), esc(&a.title));
        for m in &a.means {
            match m {
                Some(v) => {
                    let _ = write!(
                        out,
                        "<td class=\"heat\" style=\"background:{}\">{}</td>",
                        heat(*v),
                        format_mean(Some(*v))
                    );
                }
                None => out.push_str("<td class=\"heat\">not scored</td>"),
            }
        }
        let _ = writeln!(out, "<td>{}</td></tr>", signed(a.change));
    }
    out.push_str(
        "</tbody></table>\n<h2>Statements</h2><table><thead><tr><th>Id</th><th>Statement</th>",
    );
    for n in &c.names {
        let _ = write!(out, "<th>{}</th>", esc(n));
    }
    out.push_str("<th>Change</th><th></th></tr></thead><tbody>\n");
    for s in c.statements.iter().filter(|s| {
        s.change.is_some_and(|d| d != 0) || !s.status.is_empty() || not_scored_somewhere(s)
    }) {
        let _ = write!(out, "<tr><td>{}</td><td>{}</td>", esc(&s.id), esc(&s.text));
        for i in 0..s.agreed.len() {
            let _ = write!(out, "<td>{}</td>", score_cell(s, i));
        }
        let _ = writeln!(
            out,
            "<td>{}</td><td>{}</td></tr>",
            s.change.map_or(String::new(), |d| if d > 0 {
                format!("+{d}")
            } else {
                d.to_string()
            }),
            s.status
        );
    }
    out.push_str("</tbody></table>\n</body></html>\n");
    out
}
