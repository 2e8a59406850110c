//! The report's appendices: findings by area, the action plan as one table, the statement
//! detail and, in the full copy only, the groups' scores, the time spent and records the
//! framework no longer has; with the tables of statements they share.

use super::{STACK_FROM_GROUPS, col, dash, field, findings_fields, h};
use crate::report::doc::{Block, Cell, Column, ColumnKind, Row, Sink, Table};
use crate::report::judgement::{self, Verdict};
use crate::report::model::{Report, Section, StatementRow};

pub(super) fn findings(b: &mut dyn Sink, r: &Report) {
    b.push(Block::Note(
        "For each area reviewed: the judgement, the findings and the recommendations; the agreed mean beside them. The scores behind them are in Appendix 3.".into(),
    ));
    for sec in &r.sections {
        for t in r
            .theme_findings
            .iter()
            .filter(|t| sec.id.starts_with(&format!("{}.", t.id)))
            .filter(|t| {
                // Once, before the theme's first section.
                r.sections
                    .iter()
                    .find(|s| s.id.starts_with(&format!("{}.", t.id)))
                    .is_some_and(|first| first.id == sec.id)
            })
        {
            b.push(h(3, "", format!("{} {}", t.id, t.title)));
            findings_fields(
                b,
                t.judgement.as_deref(),
                &t.strengths,
                &t.improvements,
                &t.recommendations,
            );
        }
        area_findings(b, r, sec);
    }
    // Theme findings whose elements were not reviewed still print.
    for t in r.theme_findings.iter().filter(|t| {
        !r.sections
            .iter()
            .any(|s| s.id.starts_with(&format!("{}.", t.id)))
    }) {
        b.push(h(3, "", format!("{} {}", t.id, t.title)));
        findings_fields(
            b,
            t.judgement.as_deref(),
            &t.strengths,
            &t.improvements,
            &t.recommendations,
        );
    }
}

fn area_findings(b: &mut dyn Sink, r: &Report, sec: &Section) {
    b.push(h(3, "", format!("{} {}", sec.id, sec.title)));
    let empty = sec.judgement.is_none()
        && sec.strengths.is_empty()
        && sec.improvements.is_empty()
        && sec.recommendations.is_empty()
        && sec.agreed_mean.is_none()
        && sec.heading_findings.is_empty()
        && (r.circulated || sec.node_notes.is_empty());
    findings_fields(
        b,
        sec.judgement.as_deref(),
        &sec.strengths,
        &sec.improvements,
        &sec.recommendations,
    );
    if let Some(m) = sec.agreed_mean {
        // The band only where the facilitator gave no judgement: never two words.
        let text = match Verdict::of(&r.scale, sec.judgement_level, Some(m)) {
            Verdict::Band(word) => format!("{}, in the {word} band", judgement::mean(Some(m))),
            _ => judgement::mean(Some(m)),
        };
        field(b, "Agreed mean", &text);
    }
    for hf in &sec.heading_findings {
        b.push(h(4, "", format!("{} {}", hf.id, hf.title)));
        findings_fields(
            b,
            hf.judgement.as_deref(),
            &hf.strengths,
            &hf.improvements,
            &hf.recommendations,
        );
    }
    if !r.circulated {
        for (id, title, notes) in &sec.node_notes {
            field(b, &format!("Notes on {id} {title}"), notes);
        }
    }
    if empty {
        b.push(Block::Note("No findings or scores yet.".into()));
    }
}

pub(super) fn plan(b: &mut dyn Sink, r: &Report) {
    if r.plan.is_empty() {
        b.push(Block::Para("No recommendations or actions yet.".into()));
        return;
    }
    b.push(Block::Note(
        "Every recommendation, with the actions agreed for it: the main conclusions' first, then those of each theme, area and heading in the framework's order; a recommendation's actions by priority (high first), then soonest date.".into(),
    ));
    let rows = r.plan.iter().map(|p| {
        let mut action = Cell::text(if p.action.is_empty() {
            "no action agreed yet".to_owned()
        } else {
            p.action.clone()
        });
        if p.done {
            action.detail.push(("Status".into(), "done".into()));
        }
        if !r.circulated && !p.flags.is_empty() {
            action.detail.push(("Needs".into(), p.flags.join(", ")));
        }
        Row {
            cells: vec![
                Cell::text(if p.first {
                    p.recommendation.clone()
                } else {
                    String::new()
                }),
                Cell::text(p.priority.clone()),
                Cell::text(p.owner.clone()),
                Cell::text(crate::session::in_words(&p.due)),
                action,
            ],
            done: p.done,
            ..Row::default()
        }
    });
    b.push(Block::Table(plain_table(
        vec![
            col("Recommendation", ColumnKind::Text(1)),
            col("Priority", ColumnKind::Fixed(25)),
            col("Responsibility", ColumnKind::Fixed(35)),
            col("Date", ColumnKind::Fixed(27)),
            col("Agreed action", ColumnKind::Text(1)),
        ],
        rows,
    )));
}

/// A table of plain rows (no heat map), such as most appendices hold.
fn plain_table(columns: Vec<Column>, rows: impl Iterator<Item = Row>) -> Table {
    Table {
        columns,
        rows: rows.collect(),
        heat: false,
    }
}

/// A row of these cells, nothing else marked on it.
fn plain_row(cells: Vec<Cell>) -> Row {
    Row {
        cells,
        ..Row::default()
    }
}

/// Rows a table is handed on in at most: a writer need never hold more of a long table
/// (25,000 statements) than this. No real benchmark's area or disagreement list is as long.
pub const TABLE_CHUNK: usize = 250;

/// Hands `t` on in parts of at most [`TABLE_CHUNK`] rows, each with the table's columns.
fn push_table(b: &mut dyn Sink, t: Table) {
    let Table {
        columns,
        rows,
        heat,
    } = t;
    let mut rows = rows.into_iter().peekable();
    loop {
        let chunk: Vec<Row> = rows.by_ref().take(TABLE_CHUNK).collect();
        let last = rows.peek().is_none();
        b.push(Block::Table(Table {
            columns: columns
                .iter()
                .map(|c| Column {
                    title: c.title.clone(),
                    kind: c.kind,
                })
                .collect(),
            rows: chunk,
            heat,
        }));
        if last {
            break;
        }
    }
}

/// A table of statements, handed on in parts (see [`push_table`]).
fn push_scores_table(b: &mut dyn Sink, r: &Report, rows: &[StatementRow], with_spread: bool) {
    for chunk in rows.chunks(TABLE_CHUNK) {
        b.push(Block::Table(scores_table(r, chunk, with_spread)));
    }
}

/// A table of statements: per-group columns for few groups, each group's score stacked in
/// one cell for many, and only the agreed score in the circulated copy.
fn scores_table(r: &Report, rows: &[StatementRow], with_spread: bool) -> Table {
    let stacked = r.groups.len() >= STACK_FROM_GROUPS;
    let mut columns = vec![col("Statement", ColumnKind::Text(1))];
    if !r.circulated {
        if stacked {
            columns.push(col("Groups' scores", ColumnKind::Fixed(55)));
        } else {
            columns.extend(r.groups.iter().map(|g| col(g, ColumnKind::Figure(25))));
        }
    }
    columns.push(col("Agreed", ColumnKind::Figure(25)));
    if with_spread {
        columns.push(col("Spread", ColumnKind::Figure(25)));
    }
    let mut t = Table {
        columns,
        rows: Vec::new(),
        heat: false,
    };
    for row in rows {
        let mut first = Cell {
            id: row.id.clone(),
            text: row.text.clone(),
            ..Cell::default()
        };
        if !r.circulated && !row.notes.is_empty() && !with_spread {
            first.detail.push(("Notes".into(), row.notes.clone()));
        }
        let mut cells = vec![first];
        if !r.circulated {
            if stacked {
                cells.push(Cell::text(
                    r.groups
                        .iter()
                        .zip(&row.scores)
                        .map(|(g, s)| format!("{g} {}", dash(s)))
                        .collect::<Vec<_>>()
                        .join("; "),
                ));
            } else {
                cells.extend(row.scores.iter().map(|s| Cell::text(dash(s))));
            }
        }
        cells.push(Cell::text(dash(&row.agreed)));
        if with_spread {
            cells.push(Cell::text(row.spread.map_or("–".into(), |s| s.to_string())));
        }
        t.rows.push(plain_row(cells));
    }
    t
}

pub(super) fn detail(b: &mut dyn Sink, r: &Report) {
    if r.sections.is_empty() {
        b.push(Block::Para("No scores or notes yet.".into()));
    }
    for sec in &r.sections {
        b.push(h(3, "", format!("{} {}: statements", sec.id, sec.title)));
        if sec.rows.is_empty() {
            b.push(Block::Note("No scores or notes yet.".into()));
            continue;
        }
        push_scores_table(b, r, &sec.rows, false);
        if sec.untouched > 0 {
            b.push(Block::Note(crate::report::untouched_line(sec.untouched)));
        }
    }
}

pub(super) fn groups(b: &mut dyn Sink, r: &Report) {
    b.push(h(3, "", "Heat map of the areas reviewed"));
    let mut columns = vec![col("Area", ColumnKind::Text(1))];
    columns.extend(r.groups.iter().map(|g| col(g, ColumnKind::Figure(25))));
    columns.push(col("Agreed", ColumnKind::Figure(25)));
    let mut t = Table {
        columns,
        rows: Vec::new(),
        heat: true,
    };
    // Only the areas reviewed: an empty row says nothing the scope line does not.
    for row in r
        .summary
        .iter()
        .filter(|row| row.area && r.scope.contains(&row.id))
    {
        let mut cells = vec![Cell {
            id: row.id.clone(),
            text: row.title.clone(),
            ..Cell::default()
        }];
        for m in row
            .group_means
            .iter()
            .chain(std::iter::once(&row.agreed_mean))
        {
            cells.push(Cell {
                text: dash(&judgement::mean(*m)),
                value: *m,
                ..Cell::default()
            });
        }
        t.rows.push(plain_row(cells));
    }
    if t.rows.is_empty() {
        b.push(Block::Para("No statements have been scored yet.".into()));
    } else {
        push_table(b, t);
    }
    b.push(h(3, "", "Where the groups disagree"));
    if r.disagreements.is_empty() {
        b.push(Block::Para(format!(
            "No statement has group scores {} or more levels apart.",
            r.spread
        )));
    } else {
        b.push(Block::Para(format!(
            "Statements whose group scores are {} or more levels apart, widest first.",
            r.spread
        )));
        push_scores_table(b, r, &r.disagreements, true);
    }
}

pub(super) fn time(b: &mut dyn Sink, r: &Report) {
    if r.time.is_empty() {
        return;
    }
    let rows = r.time.iter().map(|row| {
        plain_row(vec![
            Cell::text(format!("{} {}", row.id, row.title)),
            Cell::text(row.planned.to_string()),
            Cell::text(row.spent.to_string()),
        ])
    });
    b.push(Block::Table(plain_table(
        vec![
            col("Area", ColumnKind::Text(1)),
            col("Planned (min)", ColumnKind::Figure(30)),
            col("Spent (min)", ColumnKind::Figure(30)),
        ],
        rows,
    )));
    b.push(Block::Note(
        "Spent: the time the session was open on the area, idle gaps over five minutes left out."
            .into(),
    ));
}

pub(super) fn orphans(b: &mut dyn Sink, r: &Report) {
    if r.orphans.is_empty() {
        return;
    }
    b.push(Block::Para(
        "The framework has changed since these were recorded; they are kept, not dropped.".into(),
    ));
    let rows = r.orphans.iter().map(|o| {
        plain_row(vec![
            Cell::text(o.id.clone()),
            Cell::text(dash(&o.scores)),
            Cell::text(o.notes.clone()),
        ])
    });
    b.push(Block::Table(plain_table(
        vec![
            col("Id", ColumnKind::Fixed(30)),
            col("Scores", ColumnKind::Text(1)),
            col("Notes", ColumnKind::Text(2)),
        ],
        rows,
    )));
}
