//! The report's document, built once from its figures in the order of a council's review
//! report (seed 003): introduction, background, scope and objectives, approach and
//! participants, main conclusions (with the scores by area), next steps; then the findings
//! per area, the action plan, the statement detail and, in the full copy only, the groups'
//! own scores, the time spent and records the framework no longer has.

use std::fmt::Write as _;

use super::doc::{Block, Cell, Column, ColumnKind, Document, Row, Sink, Table};
use super::judgement::{self, Verdict};
use super::model::Report;
use crate::session::frame::FramePart;

mod appendix;

pub use appendix::TABLE_CHUNK;
use appendix::{detail, findings, groups, orphans, plan, time};

/// From this many groups the statement tables stack each group's score in one cell rather
/// than give every group a column: four 25 mm columns and Agreed would leave the statement
/// too narrow on a portrait page.
pub const STACK_FROM_GROUPS: usize = 4;

fn h(level: u8, anchor: &str, text: impl Into<String>) -> Block {
    Block::Heading {
        level,
        anchor: anchor.to_owned(),
        text: text.into(),
    }
}

fn field(out: &mut dyn Sink, label: &str, text: &str) {
    if !text.is_empty() {
        out.push(Block::Field {
            label: label.to_owned(),
            text: text.to_owned(),
        });
    }
}

fn col(title: &str, kind: ColumnKind) -> Column {
    Column {
        title: title.to_owned(),
        kind,
    }
}

fn dash(s: &str) -> String {
    if s.is_empty() {
        "–".into()
    } else {
        s.to_owned()
    }
}

/// The report's sections, (anchor, heading), in the order they print: the contents list,
/// and the only place a section's heading is named.
pub fn contents(r: &Report) -> Vec<(&'static str, &'static str)> {
    let mut v = Vec::new();
    for part in [FramePart::Introduction, FramePart::Background] {
        if !r.frame.get(part).is_empty() {
            v.push((part.key(), part.heading()));
        }
    }
    v.extend([
        ("scope", FramePart::Scope.heading()),
        ("approach", FramePart::Approach.heading()),
        ("conclusions", FramePart::Conclusions.heading()),
        ("next-steps", FramePart::NextSteps.heading()),
        ("appendix-1", "Appendix 1 – Findings by area"),
        ("appendix-2", "Appendix 2 – Action plan"),
        ("appendix-3", "Appendix 3 – Statement detail"),
    ]);
    if !r.circulated {
        v.push(("appendix-4", "Appendix 4 – The groups' scores"));
        if !r.time.is_empty() {
            v.push(("time", "Time: planned and spent"));
        }
        if !r.orphans.is_empty() {
            v.push((
                "orphans",
                "Records for statements no longer in the framework",
            ));
        }
    }
    v
}

/// The document's head: title, running head and title block; its blocks come from
/// [`blocks`].
pub fn head(r: &Report) -> Document {
    let title = if r.title.is_empty() {
        "Review session".to_owned()
    } else {
        r.title.clone()
    };
    Document {
        running_head: if r.organisation.is_empty() {
            title.clone()
        } else {
            format!("{} · {title}", r.organisation)
        },
        meta: meta(r),
        title,
        blocks: Vec::new(),
    }
}

/// Builds the document a report prints, all of it in memory.
pub fn document(r: &Report) -> Document {
    let mut d = head(r);
    blocks(r, &mut d.blocks);
    d
}

/// Hands the document's blocks to `b` one by one, in order: a writer can write each as it
/// comes rather than hold the whole report (25,000 statements make a 20 MB page).
pub fn blocks(r: &Report, b: &mut dyn Sink) {
    b.push(Block::Contents);
    for (anchor, heading) in contents(r) {
        b.push(h(2, anchor, heading));
        match anchor {
            "introduction" => frame_part(b, r, FramePart::Introduction),
            "background" => frame_part(b, r, FramePart::Background),
            "scope" => scope(b, r),
            "approach" => approach(b, r),
            "conclusions" => conclusions(b, r),
            "next-steps" => {
                frame_part(b, r, FramePart::NextSteps);
                b.push(Block::Para(
                    "What will be done, by whom and by when is in Appendix 2, the action plan."
                        .into(),
                ));
            }
            "appendix-1" => findings(b, r),
            "appendix-2" => plan(b, r),
            "appendix-3" => detail(b, r),
            "appendix-4" => groups(b, r),
            "time" => time(b, r),
            _ => orphans(b, r),
        }
    }
}

fn meta(r: &Report) -> Vec<(String, String)> {
    let (scored, total) = r.coverage;
    let mut m = vec![
        ("Status", r.status.clone()),
        (
            "Copy",
            if r.circulated {
                "for circulation".to_owned()
            } else {
                "full (for the review team)".to_owned()
            },
        ),
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
    ];
    if r.framework_changed {
        m.push((
            "Note",
            "the framework has changed since this session began; records for statements it no longer has are listed at the end.".to_owned(),
        ));
    }
    m.into_iter()
        .filter(|(_, v)| !v.is_empty())
        .map(|(k, v)| (k.to_owned(), v))
        .collect()
}

fn frame_part(b: &mut dyn Sink, r: &Report, part: FramePart) {
    let text = r.frame.get(part);
    if !text.is_empty() {
        b.push(Block::Para(text.to_owned()));
    }
}

fn scope(b: &mut dyn Sink, r: &Report) {
    if !r.frame.scope.is_empty() {
        b.push(Block::Para(r.frame.scope.clone()));
    }
    let (scored, total) = r.coverage;
    b.push(Block::Para(format!(
        "This session covered {} ({scored} of {total} statements scored).",
        r.scope_in_words()
    )));
    if !r.not_reviewed.is_empty() {
        b.push(Block::Para(format!(
            "Not reviewed in this session: {}.",
            r.not_reviewed.join("; ")
        )));
    }
}

fn approach(b: &mut dyn Sink, r: &Report) {
    if !r.frame.approach.is_empty() {
        b.push(Block::Para(r.frame.approach.clone()));
    }
    let mut said = format!(
        "The statements of {} were scored by {} {}: {}",
        r.framework,
        r.groups.len(),
        if r.groups.len() == 1 {
            "group"
        } else {
            "groups"
        },
        r.groups.join(", ")
    );
    if !r.facilitator.is_empty() {
        let _ = write!(said, ", facilitated by {}", r.facilitator);
    }
    if !r.date.is_empty() {
        let _ = write!(said, ", on {}", crate::session::in_words(&r.date));
    }
    said.push_str(". The room then agreed one score for each statement.");
    b.push(Block::Para(said));
}

/// Judgement, strengths, areas for improvement and numbered recommendations, as given.
fn findings_fields(
    b: &mut dyn Sink,
    judgement: Option<&str>,
    strengths: &str,
    improvements: &str,
    recommendations: &[String],
) {
    field(b, "Judgement", judgement.unwrap_or(""));
    field(b, "Strengths", strengths);
    field(b, "Areas for improvement", improvements);
    if !recommendations.is_empty() {
        b.push(Block::List {
            label: Some("Recommendations".into()),
            numbered: true,
            items: recommendations.to_vec(),
        });
    }
}

fn conclusions(b: &mut dyn Sink, r: &Report) {
    if !r.frame.conclusions.is_empty() {
        b.push(Block::Para(r.frame.conclusions.clone()));
    }
    let c = &r.conclusions;
    let given = c.judgement.map(|v| judgement::level_words(&r.scale, v));
    findings_fields(
        b,
        given.as_deref(),
        &c.strengths,
        &c.improvements,
        &c.recommendations,
    );
    b.push(h(3, "", "Scores by area"));
    if r.coverage.0 == 0 {
        b.push(Block::Para("No statements have been scored yet.".into()));
    }
    let mut t = Table {
        columns: vec![
            col("Area", ColumnKind::Text(1)),
            col("Agreed mean", ColumnKind::Figure(25)),
            col("Judgement", ColumnKind::Fixed(42)),
            col("Coverage", ColumnKind::Figure(25)),
        ],
        rows: Vec::new(),
        heat: false,
    };
    for row in &r.summary {
        let verdict = Verdict::of(&r.scale, row.judgement, row.agreed_mean);
        t.rows.push(Row {
            cells: vec![
                Cell {
                    id: row.id.clone(),
                    text: row.title.clone(),
                    ..Cell::default()
                },
                Cell::text(dash(&judgement::mean(row.agreed_mean))),
                Cell::text(dash(&verdict.cell())),
                Cell::text(format!("{}/{}", row.covered, row.total)),
            ],
            strong: !row.nested,
            nested: row.nested,
            done: false,
        });
    }
    b.push(Block::Table(t));
    b.push(Block::Note(
        "Means leave out statements marked not applicable and those not scored, and are rounded once, to two decimals. The judgement is the facilitator's where one was given; otherwise the band of the scale the agreed mean falls in (2.47 is in band 2, 2.50 in band 3).".into(),
    ));
    b.push(Block::List {
        label: Some("Key to the scale".into()),
        numbered: false,
        items: r
            .scale
            .iter()
            .map(|(v, label, meaning)| format!("{v} {label}: {meaning}"))
            .collect(),
    });
    b.push(h(3, "", "Strongest and weakest areas"));
    if r.strongest.is_empty() {
        b.push(Block::Para(format!(
            "Not enough areas have scores yet to compare them (an area is ranked once {} of its statements have an agreed score or scores from two groups).",
            super::model::RANK_MIN_STATEMENTS
        )));
    } else {
        for (name, items) in [("Strongest", &r.strongest), ("Weakest", &r.weakest)] {
            b.push(Block::List {
                label: Some(name.into()),
                numbered: false,
                items: items
                    .iter()
                    .map(|a| format!("{} {} ({})", a.id, a.title, judgement::mean(Some(a.mean))))
                    .collect(),
            });
        }
        b.push(Block::Note(
            "Ranked by the agreed mean, or the groups' mean where nothing is agreed yet.".into(),
        ));
    }
}
