//! The Markdown report: title block, summary table, strongest and weakest areas, where the
//! groups disagree, findings per area, and the action plan.

use std::fmt::Write as _;

use super::model::{Report, StatementRow};
use crate::session::summary::format_mean;

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

fn dash(s: &str) -> &str {
    if s.is_empty() { "–" } else { s }
}

fn table_header(out: &mut String, columns: &[String]) {
    let _ = writeln!(out, "| {} |", columns.join(" | "));
    let _ = writeln!(
        out,
        "|{}|",
        columns.iter().map(|_| "---").collect::<Vec<_>>().join("|")
    );
}

fn scores_table(out: &mut String, r: &Report, rows: &[StatementRow], with_spread: bool) {
    let mut cols = vec!["Statement".to_owned()];
    cols.extend(r.groups.iter().map(|g| cell(g)));
    cols.push("Agreed".into());
    if with_spread {
        cols.push("Spread".into());
    } else {
        cols.push("Notes".into());
    }
    table_header(out, &cols);
    for row in rows {
        let mut cells = vec![format!("**{}** {}", md(&row.id), cell(&row.text))];
        cells.extend(row.scores.iter().map(|s| dash(s).to_owned()));
        cells.push(dash(&row.agreed).to_owned());
        if with_spread {
            cells.push(row.spread.map_or("–".into(), |s| s.to_string()));
        } else {
            cells.push(cell(&row.notes));
        }
        let _ = writeln!(out, "| {} |", cells.join(" | "));
    }
}

pub fn to_markdown(r: &Report) -> String {
    let mut out = String::new();
    title_block(&mut out, r);
    conclusions(&mut out, r);
    summary(&mut out, r);
    ranked(&mut out, r);
    disagreements(&mut out, r);
    findings(&mut out, r);
    action_plan(&mut out, r);
    time(&mut out, r);
    orphans(&mut out, r);
    out
}

fn time(out: &mut String, r: &Report) {
    if r.time.is_empty() {
        return;
    }
    let _ = writeln!(out, "## Time: planned and spent\n");
    table_header(
        out,
        &["Area", "Planned (min)", "Spent (min)"].map(str::to_owned),
    );
    for t in &r.time {
        let _ = writeln!(
            out,
            "| {} {} | {} | {} |",
            md(&t.id),
            cell(&t.title),
            t.planned,
            t.spent
        );
    }
    let _ = writeln!(
        out,
        "\nSpent: the time the session was open on the area, idle gaps over five minutes left out.\n"
    );
}

fn title_block(out: &mut String, r: &Report) {
    let title = if r.title.is_empty() {
        "Review session"
    } else {
        &r.title
    };
    let _ = writeln!(out, "# {}\n", md(title));
    let field = |out: &mut String, name: &str, value: &str| {
        if !value.is_empty() {
            let _ = writeln!(out, "- **{name}:** {value}");
        }
    };
    field(out, "Status", &md(&r.status));
    field(out, "Organisation", &md(&r.organisation));
    field(out, "Date", &md(&r.date));
    field(out, "Facilitator", &md(&r.facilitator));
    let groups: Vec<String> = r.groups.iter().map(|g| md(g)).collect();
    field(out, "Groups", &groups.join(", "));
    field(
        out,
        "Framework",
        &format!("{} ({})", md(&r.framework), md(&r.edition)),
    );
    let (scored, total) = r.coverage;
    field(
        out,
        "Scope",
        &format!(
            "this session covered {} ({scored} of {total} statements scored)",
            md(&r.scope_in_words())
        ),
    );
    if r.framework_changed {
        let _ = writeln!(
            out,
            "- **Note:** the framework has changed since this session began; records for statements it no longer has are listed at the end."
        );
    }
    out.push('\n');
}

fn conclusions(out: &mut String, r: &Report) {
    let c = &r.conclusions;
    if c.is_empty() {
        return;
    }
    let _ = writeln!(out, "## Main conclusions\n");
    findings_block(
        out,
        c.judgement.map(|v| {
            r.scale
                .iter()
                .find(|(l, _, _)| *l == v)
                .map_or_else(|| v.to_string(), |(_, label, _)| format!("{v} {label}"))
        }),
        &c.strengths,
        &c.improvements,
        &c.recommendations,
    );
}

/// Judgement, strengths, areas for improvement and numbered recommendations, as given.
fn findings_block(
    out: &mut String,
    judgement: Option<String>,
    strengths: &str,
    improvements: &str,
    recommendations: &[String],
) {
    if let Some(j) = judgement {
        let _ = writeln!(out, "**Judgement:** {}\n", md(&j));
    }
    if !strengths.is_empty() {
        let _ = writeln!(out, "**Strengths:** {}\n", md(strengths));
    }
    if !improvements.is_empty() {
        let _ = writeln!(out, "**Areas for improvement:** {}\n", md(improvements));
    }
    if !recommendations.is_empty() {
        let _ = writeln!(out, "**Recommendations:**\n");
        for (i, rec) in recommendations.iter().enumerate() {
            let _ = writeln!(out, "{}. {}", i + 1, md(rec));
        }
        out.push('\n');
    }
}

fn summary(out: &mut String, r: &Report) {
    let (scored, _) = r.coverage;
    let _ = writeln!(out, "## Summary\n");
    if scored == 0 {
        let _ = writeln!(out, "No statements have been scored yet.\n");
    }
    let mut cols = vec!["Area".to_owned()];
    cols.extend(r.groups.iter().map(|g| format!("{} mean", cell(g))));
    cols.extend(["Agreed mean".to_owned(), "Coverage".to_owned()]);
    table_header(out, &cols);
    for row in &r.summary {
        let name = if row.nested {
            format!("{} {}", md(&row.id), cell(&row.title))
        } else {
            format!("**{} {}**", md(&row.id), cell(&row.title))
        };
        let mut cells = vec![name];
        cells.extend(
            row.group_means
                .iter()
                .map(|m| dash(&format_mean(*m)).to_owned()),
        );
        // The agreed mean carries its judgement word, as a review report gives it.
        let agreed = format_mean(row.agreed_mean);
        cells.push(match r.judgement(row.agreed_mean) {
            Some(word) => format!("{agreed} {word}"),
            None => dash(&agreed).to_owned(),
        });
        cells.push(format!("{}/{}", row.covered, row.total));
        let _ = writeln!(out, "| {} |", cells.join(" | "));
    }
    let _ = writeln!(
        out,
        "\nMeans leave out statements marked not applicable and those not scored; a mean's judgement is the level it rounds to.\n"
    );
    let _ = writeln!(out, "**Key to the scale:**\n");
    for (value, label, meaning) in &r.scale {
        let _ = writeln!(out, "- **{value} {}:** {}", md(label), md(meaning));
    }
    out.push('\n');
}

fn ranked(out: &mut String, r: &Report) {
    let _ = writeln!(out, "## Strongest and weakest areas\n");
    if r.strongest.is_empty() {
        let _ = writeln!(
            out,
            "Not enough areas have scores yet to compare them (an area is ranked once {} of its statements have an agreed score or scores from two groups).\n",
            super::model::RANK_MIN_STATEMENTS
        );
    } else {
        let list = |out: &mut String, name: &str, items: &[super::model::Ranked]| {
            let _ = writeln!(out, "**{name}:**\n");
            for a in items {
                let _ = writeln!(
                    out,
                    "- {} {} ({})",
                    md(&a.id),
                    md(&a.title),
                    format_mean(Some(a.mean))
                );
            }
            out.push('\n');
        };
        list(out, "Strongest", &r.strongest);
        list(out, "Weakest", &r.weakest);
        let _ = writeln!(
            out,
            "Ranked by the agreed mean, or the groups' mean where nothing is agreed yet.\n"
        );
    }
}

fn disagreements(out: &mut String, r: &Report) {
    let _ = writeln!(out, "## Where the groups disagree\n");
    if r.disagreements.is_empty() {
        let _ = writeln!(
            out,
            "No statement has group scores {} or more levels apart.\n",
            r.spread
        );
    } else {
        let _ = writeln!(
            out,
            "Statements whose group scores are {} or more levels apart, widest first.\n",
            r.spread
        );
        scores_table(out, r, &r.disagreements, true);
        out.push('\n');
    }
}

fn findings(out: &mut String, r: &Report) {
    let _ = writeln!(out, "## Findings\n");
    if !r.not_reviewed.is_empty() {
        let names: Vec<String> = r.not_reviewed.iter().map(|a| md(a)).collect();
        let _ = writeln!(out, "Not reviewed in this session: {}.\n", names.join("; "));
    }
    for sec in &r.sections {
        let _ = writeln!(out, "### {} {}\n", md(&sec.id), md(&sec.title));
        findings_block(
            out,
            sec.judgement.clone(),
            &sec.strengths,
            &sec.improvements,
            &sec.recommendations,
        );
        for (id, title, notes) in &sec.node_notes {
            let _ = writeln!(
                out,
                "**{} {}:** {}\n",
                md(id),
                md(title),
                cell(notes).replace("<br>", "  \n")
            );
        }
        if sec.rows.is_empty() {
            let _ = writeln!(out, "No scores or notes yet.\n");
        } else {
            scores_table(out, r, &sec.rows, false);
            out.push('\n');
        }
        if sec.untouched > 0 && !sec.rows.is_empty() {
            let _ = writeln!(out, "{}\n", super::untouched_line(sec.untouched));
        }
    }
}

fn action_plan(out: &mut String, r: &Report) {
    let _ = writeln!(out, "## Action plan\n");
    if r.actions.is_empty() {
        let _ = writeln!(out, "No actions yet.\n");
        return;
    }
    let _ = writeln!(
        out,
        "By area, soonest first; open actions without an owner or a date, or past their date, are flagged.\n"
    );
    let mut area = "";
    let mut group: Option<Option<usize>> = None;
    for a in &r.actions {
        let rec = a.recommendation.as_ref().map(|(n, _)| *n);
        let new_area = a.area != area;
        if new_area {
            if !area.is_empty() {
                out.push('\n');
            }
            area = &a.area;
            group = None;
            let _ = writeln!(out, "### {}\n", md(area));
        }
        // Each action under the recommendation it carries out; the rest after them.
        let area_has_recs = r
            .actions
            .iter()
            .any(|x| x.area == a.area && x.recommendation.is_some());
        if group != Some(rec) {
            if !new_area {
                out.push('\n');
            }
            group = Some(rec);
            if area_has_recs {
                match &a.recommendation {
                    Some((n, text)) => {
                        let _ = writeln!(out, "#### Recommendation {n}: {}\n", md(text));
                    }
                    None => {
                        let _ = writeln!(out, "#### Other actions\n");
                    }
                }
            }
            table_header(
                out,
                &["Node", "Action", "Owner", "Due", "Status", "Needs"].map(str::to_owned),
            );
        }
        let _ = writeln!(
            out,
            "| {} | {} | {} | {} | {} | {} |",
            cell(&a.node),
            cell(&a.text),
            dash(&cell(&a.owner)),
            dash(&cell(&a.due)),
            if a.done { "done" } else { "open" },
            if a.flags.is_empty() {
                String::new()
            } else {
                format!("**{}**", a.flags.join(", "))
            }
        );
    }
    out.push('\n');
}

fn orphans(out: &mut String, r: &Report) {
    if !r.orphans.is_empty() {
        let _ = writeln!(
            out,
            "## Records for statements no longer in the framework\n"
        );
        let _ = writeln!(
            out,
            "The framework has changed since these were recorded; they are kept, not dropped.\n"
        );
        table_header(out, &["Id", "Scores", "Notes"].map(str::to_owned));
        for o in &r.orphans {
            let _ = writeln!(
                out,
                "| {} | {} | {} |",
                cell(&o.id),
                dash(&cell(&o.scores)),
                cell(&o.notes)
            );
        }
        out.push('\n');
    }
}
