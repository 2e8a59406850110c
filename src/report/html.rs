//! The HTML report: one self-contained file (no network, no external asset) with the same
//! content as the Markdown, a heat map of areas × groups, and styles that print cleanly.

use std::fmt::Write as _;

use super::model::{Report, StatementRow};
use crate::session::summary::format_mean;

fn esc(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
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
dl.meta { display: grid; grid-template-columns: max-content 1fr; gap: .15rem 1rem; }
dl.meta dt { font-weight: 600; color: var(--muted); }
dl.meta dd { margin: 0; }
table { border-collapse: collapse; width: 100%; margin: .6rem 0 1rem; }
th, td { border: 1px solid var(--line); padding: .35rem .5rem; vertical-align: top; text-align: left; }
th { background: #eef2f5; font-weight: 600; }
td.num, th.num { text-align: center; white-space: nowrap; }
tr.theme td { font-weight: 600; background: #f6f8fa; }
tr.element td:first-child { padding-left: 1.5rem; }
.id { font-weight: 600; white-space: nowrap; color: var(--accent); }
.muted { color: var(--muted); }
.heat td.num { font-weight: 600; min-width: 4.5rem; }
.legend span { display: inline-block; padding: .1rem .5rem; margin-right: .3rem; border-radius: 3px; }
.done { color: var(--muted); text-decoration: line-through; }
@page { size: A4; margin: 18mm 15mm 20mm; @bottom-right { content: 'Page ' counter(page) ' of ' counter(pages); font: 9pt system-ui, sans-serif; color: #5b6570; } }
@media print {
  body { margin: 0; max-width: none; font-size: 10.5pt; }
  table { table-layout: auto; word-break: normal; overflow-wrap: anywhere; }
  td.num, th.num, td.date { white-space: nowrap; }
  h2 { break-after: avoid; }
  h3 { break-after: avoid; }
  tr, .heat { break-inside: avoid; }
  th { background: #eee !important; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  .heat td, .legend span { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
";

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

fn scores_table(out: &mut String, r: &Report, rows: &[StatementRow], with_spread: bool) {
    out.push_str("<table><thead><tr><th>Statement</th>");
    for g in &r.groups {
        let _ = write!(out, "<th class=\"num\">{}</th>", esc(g));
    }
    out.push_str("<th class=\"num\">Agreed</th>");
    out.push_str(if with_spread {
        "<th class=\"num\">Spread</th>"
    } else {
        "<th>Notes</th>"
    });
    out.push_str("</tr></thead><tbody>\n");
    for row in rows {
        let _ = write!(
            out,
            "<tr><td><span class=\"id\">{}</span> {}</td>",
            esc(&row.id),
            esc(&row.text)
        );
        for s in &row.scores {
            let _ = write!(
                out,
                "<td class=\"num\">{}</td>",
                if s.is_empty() { "–" } else { s }
            );
        }
        let _ = write!(
            out,
            "<td class=\"num\">{}</td>",
            if row.agreed.is_empty() {
                "–"
            } else {
                &row.agreed
            }
        );
        if with_spread {
            let _ = write!(
                out,
                "<td class=\"num\">{}</td>",
                row.spread.map_or("–".into(), |s| s.to_string())
            );
        } else {
            let _ = write!(out, "<td>{}</td>", para(&row.notes));
        }
        out.push_str("</tr>\n");
    }
    out.push_str("</tbody></table>\n");
}

#[allow(clippy::too_many_lines)] // one page, top to bottom: splitting it would only scatter it
pub fn to_html(r: &Report) -> String {
    let title = if r.title.is_empty() {
        "Review session"
    } else {
        &r.title
    };
    let (lo, hi) = (
        r.scale.first().map_or(1.0, |l| f64::from(l.0)),
        r.scale.last().map_or(4.0, |l| f64::from(l.0)),
    );
    let mut out = String::new();
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"en-GB\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>{}</title><style>{STYLE}@page {{ @top-left {{ content: '{}'; font: 9pt system-ui, sans-serif; color: #5b6570; }} }}</style></head><body>\n",
        esc(title),
        // The running header on every printed page: organisation and title.
        css_string(&if r.organisation.is_empty() {
            title.to_owned()
        } else {
            format!("{} · {title}", r.organisation)
        })
    );
    let _ = writeln!(out, "<h1>{}</h1>", esc(title));
    out.push_str("<dl class=\"meta\">");
    let (scored, total) = r.coverage;
    for (name, value) in [
        ("Status", r.status.clone()),
        ("Organisation", r.organisation.clone()),
        ("Date", crate::session::in_words(&r.date)),
        ("Facilitator", r.facilitator.clone()),
        ("Groups", r.groups.join(", ")),
        ("Framework", format!("{} ({})", r.framework, r.edition)),
        (
            "Scope",
            format!(
                "this session covered {} ({scored} of {total} statements scored)",
                r.scope_in_words()
            ),
        ),
    ] {
        if !value.is_empty() {
            let _ = write!(out, "<dt>{name}</dt><dd>{}</dd>", esc(&value));
        }
    }
    out.push_str("</dl>\n");

    let c = &r.conclusions;
    if !c.is_empty() {
        out.push_str("<h2>Main conclusions</h2>\n");
        let judgement = c.judgement.map(|v| {
            r.scale
                .iter()
                .find(|(l, _, _)| *l == v)
                .map_or_else(|| v.to_string(), |(_, label, _)| format!("{v} {label}"))
        });
        findings_html(
            &mut out,
            judgement.as_deref(),
            &c.strengths,
            &c.improvements,
            &c.recommendations,
        );
    }
    out.push_str("<h2>Summary</h2>\n");
    if scored == 0 {
        out.push_str("<p>No statements have been scored yet.</p>\n");
    }
    out.push_str("<table><thead><tr><th>Area</th>");
    for g in &r.groups {
        let _ = write!(out, "<th class=\"num\">{} mean</th>", esc(g));
    }
    out.push_str(
        "<th class=\"num\">Agreed mean</th><th class=\"num\">Coverage</th></tr></thead><tbody>\n",
    );
    for row in &r.summary {
        let _ = write!(
            out,
            "<tr class=\"{}\"><td>{} {}</td>",
            if row.nested { "element" } else { "theme" },
            esc(&row.id),
            esc(&row.title)
        );
        for m in &row.group_means {
            let _ = write!(out, "<td class=\"num\">{}</td>", or_dash(&format_mean(*m)));
        }
        let _ = writeln!(
            out,
            "<td class=\"num\">{}</td><td class=\"num\">{}/{}</td></tr>",
            or_dash(&format_mean(row.agreed_mean)),
            row.covered,
            row.total
        );
    }
    out.push_str("</tbody></table>\n<p class=\"muted\">Means leave out statements marked not applicable and those not scored.</p>\n");

    chart(&mut out, r, lo, hi);
    out.push_str(
        "<h2>Heat map of the areas reviewed</h2>\n<table class=\"heat\"><thead><tr><th>Area</th>",
    );
    for g in &r.groups {
        let _ = write!(out, "<th class=\"num\">{}</th>", esc(g));
    }
    out.push_str("<th class=\"num\">Agreed</th></tr></thead><tbody>\n");
    // Only the areas reviewed: an empty row says nothing the scope line does not.
    for row in r
        .summary
        .iter()
        .filter(|row| row.area && r.scope.contains(&row.id))
    {
        let _ = write!(out, "<tr><td>{} {}</td>", esc(&row.id), esc(&row.title));
        for m in row
            .group_means
            .iter()
            .chain(std::iter::once(&row.agreed_mean))
        {
            let _ = write!(
                out,
                "<td class=\"num\" style=\"background:{}\">{}</td>",
                heat(*m, lo, hi),
                or_dash(&format_mean(*m))
            );
        }
        out.push_str("</tr>\n");
    }
    out.push_str("</tbody></table>\n<p class=\"legend\">");
    for (value, label, _) in &r.scale {
        let _ = write!(
            out,
            "<span style=\"background:{}\">{value} {}</span>",
            heat(Some(f64::from(*value)), lo, hi),
            esc(label)
        );
    }
    out.push_str("</p>\n");

    out.push_str("<h2>Strongest and weakest areas</h2>\n");
    if r.strongest.is_empty() {
        out.push_str("<p>Not enough areas have scores yet to compare them.</p>\n");
    } else {
        for (name, items) in [("Strongest", &r.strongest), ("Weakest", &r.weakest)] {
            let _ = write!(out, "<p><strong>{name}:</strong></p><ul>");
            for a in items {
                let _ = write!(
                    out,
                    "<li>{} {} ({})</li>",
                    esc(&a.id),
                    esc(&a.title),
                    crate::session::summary::format_mean(Some(a.mean))
                );
            }
            out.push_str("</ul>\n");
        }
        out.push_str("<p class=\"muted\">Ranked by the agreed mean, or the groups' mean where nothing is agreed yet.</p>\n");
    }

    out.push_str("<h2>Where the groups disagree</h2>\n");
    if r.disagreements.is_empty() {
        let _ = writeln!(
            out,
            "<p>No statement has group scores {} or more levels apart.</p>",
            r.spread
        );
    } else {
        let _ = writeln!(
            out,
            "<p>Statements whose group scores are {} or more levels apart, widest first.</p>",
            r.spread
        );
        scores_table(&mut out, r, &r.disagreements, true);
    }

    out.push_str("<h2>Findings</h2>\n");
    if !r.not_reviewed.is_empty() {
        let _ = writeln!(
            out,
            "<p>Not reviewed in this session: {}.</p>",
            esc(&r.not_reviewed.join("; "))
        );
    }
    for sec in &r.sections {
        let _ = writeln!(out, "<h3>{} {}</h3>", esc(&sec.id), esc(&sec.title));
        findings_html(
            &mut out,
            sec.judgement.as_deref(),
            &sec.strengths,
            &sec.improvements,
            &sec.recommendations,
        );
        for (id, title, notes) in &sec.node_notes {
            let _ = writeln!(
                out,
                "<p><strong>{} {}:</strong> {}</p>",
                esc(id),
                esc(title),
                para(notes)
            );
        }
        if sec.rows.is_empty() {
            out.push_str("<p class=\"muted\">No scores or notes yet.</p>\n");
        } else {
            scores_table(&mut out, r, &sec.rows, false);
            if sec.untouched > 0 {
                let _ = writeln!(
                    out,
                    "<p class=\"muted\">{}</p>",
                    super::untouched_line(sec.untouched)
                );
            }
        }
    }

    out.push_str("<h2>Action plan</h2>\n");
    if r.actions.is_empty() {
        out.push_str("<p>No actions yet.</p>\n");
    } else {
        out.push_str("<p>By area, soonest first; open actions without an owner or a date, or past their date, are flagged.</p>\n");
        let mut area = "";
        let mut group: Option<Option<usize>> = None;
        let header = "<table><thead><tr><th>Node</th><th>Action</th><th>Owner</th><th>Due</th><th>Status</th><th>Needs</th></tr></thead><tbody>";
        for a in &r.actions {
            let rec = a.recommendation.as_ref().map(|(n, _)| *n);
            if a.area != area {
                if !area.is_empty() {
                    out.push_str("</tbody></table>\n");
                }
                area = &a.area;
                group = None;
                let _ = writeln!(out, "<h3>{}</h3>", esc(area));
            }
            if group != Some(rec) {
                if group.is_some() {
                    out.push_str("</tbody></table>\n");
                }
                group = Some(rec);
                // Each action under the recommendation it carries out; the rest after them.
                let area_has_recs = r
                    .actions
                    .iter()
                    .any(|x| x.area == a.area && x.recommendation.is_some());
                if area_has_recs {
                    match &a.recommendation {
                        Some((n, text)) => {
                            let _ = writeln!(out, "<h4>Recommendation {n}: {}</h4>", esc(text));
                        }
                        None => out.push_str("<h4>Other actions</h4>\n"),
                    }
                }
                out.push_str(header);
                out.push('\n');
            }
            let _ = writeln!(
                out,
                "<tr><td>{}</td><td{}>{}</td><td>{}</td><td>{}</td><td>{}</td><td><strong>{}</strong></td></tr>",
                esc(&a.node),
                if a.done { " class=\"done\"" } else { "" },
                esc(&a.text),
                or_dash(&esc(&a.owner)),
                or_dash(&esc(&crate::session::in_words(&a.due))),
                if a.done { "done" } else { "open" },
                esc(&a.flags.join(", "))
            );
        }
        out.push_str("</tbody></table>\n");
    }

    if !r.time.is_empty() {
        out.push_str("<h2>Time: planned and spent</h2>\n<table><thead><tr><th>Area</th><th>Planned (min)</th><th>Spent (min)</th></tr></thead><tbody>\n");
        for t in &r.time {
            let _ = writeln!(
                out,
                "<tr><td>{} {}</td><td>{}</td><td>{}</td></tr>",
                esc(&t.id),
                esc(&t.title),
                t.planned,
                t.spent
            );
        }
        out.push_str("</tbody></table>\n<p>Spent: the time the session was open on the area, idle gaps over five minutes left out.</p>\n");
    }

    if !r.orphans.is_empty() {
        out.push_str("<h2>Records for statements no longer in the framework</h2>\n<p>The framework has changed since these were recorded; they are kept, not dropped.</p>\n<table><thead><tr><th>Id</th><th>Scores</th><th>Notes</th></tr></thead><tbody>\n");
        for o in &r.orphans {
            let _ = writeln!(
                out,
                "<tr><td>{}</td><td>{}</td><td>{}</td></tr>",
                esc(&o.id),
                or_dash(&esc(&o.scores)),
                para(&o.notes)
            );
        }
        out.push_str("</tbody></table>\n");
    }
    out.push_str("</body></html>\n");
    out
}

/// Each reviewed area's agreed mean against the groups' means, as bars on the scale, drawn
/// in inline SVG (nothing to load; prints as drawn).
fn chart(out: &mut String, r: &Report, lo: f64, hi: f64) {
    let rows: Vec<&super::model::SummaryRow> = r
        .summary
        .iter()
        .filter(|row| row.area && r.scope.contains(&row.id))
        .collect();
    if rows.is_empty() {
        return;
    }
    let bar_h = 9.0;
    let row_h = bar_h * 2.0 + 10.0;
    let label_w = 230.0;
    let width = 640.0;
    let span = (hi - lo).max(1.0);
    let scale_x = |m: f64| label_w + (m - lo + 1.0) / (span + 1.0) * (width - label_w - 40.0);
    #[allow(clippy::cast_precision_loss)] // a few dozen rows
    let height = rows.len() as f64 * row_h + 24.0;
    let _ = writeln!(
        out,
        "<h2>Agreed and groups' means by area</h2>\n<svg role=\"img\" aria-label=\"Each area's agreed mean and the groups' mean\" viewBox=\"0 0 {width} {height}\" width=\"100%\" style=\"max-width:{width}px\">"
    );
    for (i, row) in rows.iter().enumerate() {
        #[allow(clippy::cast_precision_loss)]
        let y = i as f64 * row_h + 4.0;
        let given: Vec<f64> = row.group_means.iter().flatten().copied().collect();
        #[allow(clippy::cast_precision_loss)]
        let groups = (!given.is_empty()).then(|| given.iter().sum::<f64>() / given.len() as f64);
        let _ = writeln!(
            out,
            "<text x=\"0\" y=\"{:.1}\" font-size=\"11\">{} {}</text>",
            y + bar_h + 3.0,
            esc(&row.id),
            esc(&crate::text::shorten(&row.title, 32))
        );
        for (k, (name, mean)) in [("agreed", row.agreed_mean), ("groups", groups)]
            .into_iter()
            .enumerate()
        {
            #[allow(clippy::cast_precision_loss)]
            let by = y + k as f64 * (bar_h + 1.0);
            if let Some(m) = mean {
                let _ = writeln!(
                    out,
                    "<rect x=\"{label_w}\" y=\"{by:.1}\" width=\"{:.1}\" height=\"{bar_h}\" fill=\"{}\" stroke=\"#1d232b\" stroke-width=\"{}\"/><text x=\"{:.1}\" y=\"{:.1}\" font-size=\"9\">{name} {}</text>",
                    scale_x(m) - label_w,
                    heat(Some(m), lo, hi),
                    if k == 0 { "1" } else { "0.3" },
                    scale_x(m) + 3.0,
                    by + bar_h - 1.0,
                    format_mean(Some(m))
                );
            }
        }
    }
    out.push_str("</svg>\n");
}

/// Judgement, strengths, areas for improvement and numbered recommendations, as given.
fn findings_html(
    out: &mut String,
    judgement: Option<&str>,
    strengths: &str,
    improvements: &str,
    recommendations: &[String],
) {
    if let Some(j) = judgement {
        let _ = writeln!(out, "<p><strong>Judgement:</strong> {}</p>", esc(j));
    }
    if !strengths.is_empty() {
        let _ = writeln!(out, "<p><strong>Strengths:</strong> {}</p>", esc(strengths));
    }
    if !improvements.is_empty() {
        let _ = writeln!(
            out,
            "<p><strong>Areas for improvement:</strong> {}</p>",
            esc(improvements)
        );
    }
    if !recommendations.is_empty() {
        out.push_str("<p><strong>Recommendations:</strong></p><ol>");
        for rec in recommendations {
            let _ = write!(out, "<li>{}</li>", esc(rec));
        }
        out.push_str("</ol>\n");
    }
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

fn or_dash(s: &str) -> String {
    if s.is_empty() {
        "–".into()
    } else {
        s.to_owned()
    }
}
