//! The Word report (`awayday report --format docx`): the same report model as the Markdown
//! and HTML, laid out with Word's own styles so a council can finish it in its template.

use docx_rs::{Docx, Table};

use super::docx_parts::{self as p, PORTRAIT_MAX_GROUPS};
use super::model::{Report, StatementRow};
use crate::session::summary::format_mean;

/// The finished `.docx` file's bytes.
pub fn to_docx(r: &Report) -> anyhow::Result<Vec<u8>> {
    // With many groups the statement tables would squeeze every column below readable
    // width on a portrait page: the whole document turns landscape instead.
    let landscape = r.groups.len() > PORTRAIT_MAX_GROUPS;
    let width = p::text_width(landscape);
    let mut doc = p::styles(p::page(Docx::new(), landscape));
    doc = title_block(doc, r);
    doc = conclusions(doc, r);
    doc = summary(doc, r, width);
    doc = ranked(doc, r);
    doc = disagreements(doc, r, width);
    doc = findings(doc, r, width);
    doc = action_plan(doc, r, width);
    doc = time(doc, r, width);
    doc = orphans(doc, r, width);
    let mut xml = doc.build();
    xml.document = p::repeat_header_rows(&xml.document);
    xml.styles = p::normal_is_default(&xml.styles);
    let mut out = std::io::Cursor::new(Vec::new());
    xml.pack(&mut out)?;
    Ok(out.into_inner())
}

fn title_block(mut doc: Docx, r: &Report) -> Docx {
    let title = if r.title.is_empty() {
        "Review session"
    } else {
        &r.title
    };
    doc = doc.add_paragraph(p::title(title));
    let (scored, total) = r.coverage;
    let fields = [
        ("Status", r.status.clone()),
        ("Organisation", r.organisation.clone()),
        ("Date", r.date.clone()),
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
    ];
    for (name, value) in fields {
        if !value.is_empty() {
            doc = doc.add_paragraph(p::labelled(name, &value));
        }
    }
    if r.framework_changed {
        doc = doc.add_paragraph(p::labelled(
            "Note",
            "the framework has changed since this session began; records for statements it no longer has are listed at the end.",
        ));
    }
    doc
}

/// Judgement, strengths, areas for improvement and numbered recommendations, as given.
fn findings_block(
    mut doc: Docx,
    judgement: Option<&str>,
    strengths: &str,
    improvements: &str,
    recommendations: &[String],
) -> Docx {
    if let Some(j) = judgement {
        doc = doc.add_paragraph(p::labelled("Judgement", j));
    }
    if !strengths.is_empty() {
        doc = doc.add_paragraph(p::labelled("Strengths", strengths));
    }
    if !improvements.is_empty() {
        doc = doc.add_paragraph(p::labelled("Areas for improvement", improvements));
    }
    if !recommendations.is_empty() {
        doc = doc.add_paragraph(p::labelled("Recommendations", ""));
        for (i, rec) in recommendations.iter().enumerate() {
            doc = doc.add_paragraph(p::item(&format!("{}.", i + 1), rec));
        }
    }
    doc
}

fn conclusions(doc: Docx, r: &Report) -> Docx {
    let c = &r.conclusions;
    if c.is_empty() {
        return doc;
    }
    let judgement = c.judgement.map(|v| {
        r.scale
            .iter()
            .find(|(l, _, _)| *l == v)
            .map_or_else(|| v.to_string(), |(_, label, _)| format!("{v} {label}"))
    });
    findings_block(
        doc.add_paragraph(p::heading(1, "Main conclusions")),
        judgement.as_deref(),
        &c.strengths,
        &c.improvements,
        &c.recommendations,
    )
}

fn summary(mut doc: Docx, r: &Report, width: usize) -> Docx {
    doc = doc.add_paragraph(p::heading(1, "Summary"));
    if r.coverage.0 == 0 {
        doc = doc.add_paragraph(p::para("No statements have been scored yet."));
    }
    let mut header = vec!["Area".to_owned()];
    header.extend(r.groups.iter().map(|g| format!("{g} mean")));
    header.extend(["Agreed mean".to_owned(), "Coverage".to_owned()]);
    let rows: Vec<Vec<String>> = r
        .summary
        .iter()
        .map(|row| {
            let mut cells = vec![format!("{} {}", row.id, row.title)];
            cells.extend(row.group_means.iter().map(|m| format_mean(*m)));
            let agreed = format_mean(row.agreed_mean);
            cells.push(match r.judgement(row.agreed_mean) {
                Some(word) => format!("{agreed} {word}"),
                None => agreed,
            });
            cells.push(format!("{}/{}", row.covered, row.total));
            cells
        })
        .collect();
    let mut weights = vec![5];
    weights.extend(r.groups.iter().map(|_| 1));
    weights.extend([2, 1]);
    doc = doc.add_table(super::docx_table::table(&header, &rows, &weights, width));
    doc = doc.add_paragraph(p::para(
        "Means leave out statements marked not applicable and those not scored; a mean's judgement is the level it rounds to.",
    ));
    doc = doc.add_paragraph(p::heading(3, "Key to the scale"));
    for (value, label, meaning) in &r.scale {
        doc = doc.add_paragraph(p::labelled(&format!("{value} {label}"), meaning));
    }
    doc
}

fn ranked(mut doc: Docx, r: &Report) -> Docx {
    doc = doc.add_paragraph(p::heading(1, "Strongest and weakest areas"));
    if r.strongest.is_empty() {
        return doc.add_paragraph(p::para(&format!(
            "Not enough areas have scores yet to compare them (an area is ranked once {} of its statements have an agreed score or scores from two groups).",
            super::model::RANK_MIN_STATEMENTS
        )));
    }
    for (name, list) in [("Strongest", &r.strongest), ("Weakest", &r.weakest)] {
        doc = doc.add_paragraph(p::labelled(name, ""));
        for a in list {
            doc = doc.add_paragraph(p::item(
                "•",
                &format!("{} {} ({})", a.id, a.title, format_mean(Some(a.mean))),
            ));
        }
    }
    doc.add_paragraph(p::para(
        "Ranked by the agreed mean, or the groups' mean where nothing is agreed yet.",
    ))
}

/// A table of statements: one column per group, then agreed, then the spread or the notes.
fn scores_table(r: &Report, rows: &[StatementRow], with_spread: bool, width: usize) -> Table {
    let mut header = vec!["Statement".to_owned()];
    header.extend(r.groups.iter().cloned());
    header.push("Agreed".into());
    header.push(if with_spread { "Spread" } else { "Notes" }.into());
    let cells: Vec<Vec<String>> = rows
        .iter()
        .map(|row| {
            let mut c = vec![format!("{} {}", row.id, row.text)];
            c.extend(row.scores.iter().cloned());
            c.push(row.agreed.clone());
            c.push(if with_spread {
                row.spread.map_or_else(String::new, |s| s.to_string())
            } else {
                row.notes.clone()
            });
            c
        })
        .collect();
    let mut weights = vec![6];
    weights.extend(r.groups.iter().map(|_| 1));
    weights.extend([1, if with_spread { 1 } else { 4 }]);
    super::docx_table::table(&header, &cells, &weights, width)
}

fn disagreements(mut doc: Docx, r: &Report, width: usize) -> Docx {
    doc = doc.add_paragraph(p::heading(1, "Where the groups disagree"));
    if r.disagreements.is_empty() {
        return doc.add_paragraph(p::para(&format!(
            "No statement has group scores {} or more levels apart.",
            r.spread
        )));
    }
    doc = doc.add_paragraph(p::para(&format!(
        "Statements whose group scores are {} or more levels apart, widest first.",
        r.spread
    )));
    doc.add_table(scores_table(r, &r.disagreements, true, width))
}

fn findings(mut doc: Docx, r: &Report, width: usize) -> Docx {
    doc = doc.add_paragraph(p::heading(1, "Findings"));
    if !r.not_reviewed.is_empty() {
        doc = doc.add_paragraph(p::para(&format!(
            "Not reviewed in this session: {}.",
            r.not_reviewed.join("; ")
        )));
    }
    for sec in &r.sections {
        doc = doc.add_paragraph(p::heading(2, &format!("{} {}", sec.id, sec.title)));
        doc = findings_block(
            doc,
            sec.judgement.as_deref(),
            &sec.strengths,
            &sec.improvements,
            &sec.recommendations,
        );
        for (id, title, notes) in &sec.node_notes {
            doc = doc.add_paragraph(p::labelled(&format!("{id} {title}"), notes));
        }
        if sec.rows.is_empty() {
            doc = doc.add_paragraph(p::para("No scores or notes yet."));
        } else {
            doc = doc.add_table(scores_table(r, &sec.rows, false, width));
            if sec.untouched > 0 {
                doc = doc.add_paragraph(p::para(&super::untouched_line(sec.untouched)));
            }
        }
    }
    doc
}

/// The action plan as one table, as a review report's appendix gives it.
fn action_plan(mut doc: Docx, r: &Report, width: usize) -> Docx {
    doc = doc.add_paragraph(p::heading(1, "Action plan"));
    if r.actions.is_empty() {
        return doc.add_paragraph(p::para("No actions yet."));
    }
    doc = doc.add_paragraph(p::para(
        "By area, soonest first; open actions without an owner or a date, or past their date, are flagged.",
    ));
    let header = ["Area", "Recommendation", "Action", "Owner", "Due", "Status"]
        .map(str::to_owned)
        .to_vec();
    let rows: Vec<Vec<String>> = r
        .actions
        .iter()
        .map(|a| {
            let mut status = if a.done { "done" } else { "open" }.to_owned();
            if !a.flags.is_empty() {
                status = format!("{status}: {}", a.flags.join(", "));
            }
            vec![
                a.area.clone(),
                a.recommendation
                    .as_ref()
                    .map_or_else(String::new, |(n, t)| format!("{n}. {t}")),
                format!("{} (on {})", a.text, a.node),
                a.owner.clone(),
                a.due.clone(),
                status,
            ]
        })
        .collect();
    doc.add_table(super::docx_table::table(
        &header,
        &rows,
        &[3, 4, 5, 2, 2, 2],
        width,
    ))
}

fn time(mut doc: Docx, r: &Report, width: usize) -> Docx {
    if r.time.is_empty() {
        return doc;
    }
    doc = doc.add_paragraph(p::heading(1, "Time: planned and spent"));
    let header = ["Area", "Planned (min)", "Spent (min)"]
        .map(str::to_owned)
        .to_vec();
    let rows: Vec<Vec<String>> = r
        .time
        .iter()
        .map(|t| {
            vec![
                format!("{} {}", t.id, t.title),
                t.planned.to_string(),
                t.spent.to_string(),
            ]
        })
        .collect();
    doc = doc.add_table(super::docx_table::table(&header, &rows, &[6, 2, 2], width));
    doc.add_paragraph(p::para(
        "Spent: the time the session was open on the area, idle gaps over five minutes left out.",
    ))
}

fn orphans(mut doc: Docx, r: &Report, width: usize) -> Docx {
    if r.orphans.is_empty() {
        return doc;
    }
    doc = doc.add_paragraph(p::heading(
        1,
        "Records for statements no longer in the framework",
    ));
    doc = doc.add_paragraph(p::para(
        "The framework has changed since these were recorded; they are kept, not dropped.",
    ));
    let header = ["Id", "Scores", "Notes"].map(str::to_owned).to_vec();
    let rows: Vec<Vec<String>> = r
        .orphans
        .iter()
        .map(|o| vec![o.id.clone(), o.scores.clone(), o.notes.clone()])
        .collect();
    doc.add_table(super::docx_table::table(&header, &rows, &[2, 3, 5], width))
}
