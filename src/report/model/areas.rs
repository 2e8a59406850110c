//! Each area's part of the report: its statements' rows, its summary row and its findings.

use super::{NodeFindings, Section, StatementRow, SummaryRow};
use crate::framework::{Framework, NodeIx, NodeKind};
use crate::session::Session;
use crate::session::summary::{self, format_score};

pub(super) fn statement_row(fw: &Framework, s: &Session, ix: NodeIx) -> StatementRow {
    let id = &fw.node(ix).id;
    // One look-up of the record, not one per group: 25,000 statements make it count.
    let record = s.record(id);
    let score = |g: Option<&String>| {
        record.and_then(|r| match g {
            Some(name) => r.scores.get(name).copied(),
            None => r.agreed,
        })
    };
    // The groups' levels, as `summary::group_levels` gives them, from the one record.
    let levels: Vec<u8> = s
        .groups
        .iter()
        .filter_map(|g| match score(Some(g)) {
            Some(crate::session::Score::Level(v)) => Some(v),
            _ => None,
        })
        .collect();
    #[allow(clippy::cast_precision_loss)] // a handful of groups
    let mean = (!levels.is_empty())
        .then(|| levels.iter().map(|&v| f64::from(v)).sum::<f64>() / levels.len() as f64);
    let spread = (levels.len() >= 2).then(|| {
        levels.iter().max().copied().unwrap_or(0) - levels.iter().min().copied().unwrap_or(0)
    });
    StatementRow {
        id: id.clone(),
        text: fw.node(ix).text.clone(),
        scores: s
            .groups
            .iter()
            .map(|g| format_score(score(Some(g))))
            .collect(),
        agreed: format_score(score(None)),
        mean: crate::report::judgement::mean(mean),
        spread,
        notes: record.map_or_else(String::new, |r| r.notes.clone()),
    }
}

pub(super) fn summary_row(fw: &Framework, s: &Session, ix: NodeIx, areas: &[NodeIx]) -> SummaryRow {
    let f = summary::figures(fw, s, ix);
    let node = fw.node(ix);
    SummaryRow {
        id: node.id.clone(),
        title: node.title.clone(),
        nested: node.kind != NodeKind::Theme,
        area: areas.contains(&ix),
        group_means: f.groups.iter().map(summary::Progress::mean).collect(),
        agreed_mean: f.agreed.mean(),
        covered: f.covered,
        total: f.total,
        judgement: s.record(&node.id).and_then(|r| r.findings.judgement),
    }
}

/// Whether the session recorded anything (a score, a note, an action) in an area.
pub(super) fn reviewed(fw: &Framework, s: &Session, area: NodeIx) -> bool {
    let node = fw.node(area);
    (area..node.end).any(|i| s.record(&fw.node(i).id).is_some_and(|r| !r.is_empty()))
}

pub(super) fn node_findings(fw: &Framework, s: &Session, ix: NodeIx) -> Option<NodeFindings> {
    let n = fw.node(ix);
    let f = s.record(&n.id).map(|r| &r.findings)?;
    (!f.is_empty()).then(|| NodeFindings {
        id: n.id.clone(),
        title: n.title.clone(),
        judgement: f.judgement.map(|v| level_words(fw, v)),
        strengths: f.strengths.clone(),
        improvements: f.improvements.clone(),
        recommendations: f.recommendations.clone(),
    })
}

fn level_words(fw: &Framework, v: u8) -> String {
    fw.scale
        .level(v)
        .map_or_else(|| v.to_string(), |l| format!("{v} {}", l.label))
}

pub(super) fn section(fw: &Framework, s: &Session, area: NodeIx) -> Section {
    let node = fw.node(area);
    let node_notes = (area..node.end)
        .filter(|&i| !fw.node(i).is_statement() && !s.notes(&fw.node(i).id).is_empty())
        .map(|i| {
            let n = fw.node(i);
            (n.id.clone(), n.title.clone(), s.notes(&n.id).to_owned())
        })
        .collect();
    let heading_findings = (area + 1..node.end)
        .filter(|&i| !fw.node(i).is_statement())
        .filter_map(|i| node_findings(fw, s, i))
        .collect();
    let mut rows = Vec::new();
    let mut untouched = 0;
    for ix in fw.statements_under(area) {
        let id = &fw.node(ix).id;
        let touched = s
            .record(id)
            .is_some_and(|r| !r.scores.is_empty() || r.agreed.is_some() || !r.notes.is_empty());
        if touched {
            rows.push(statement_row(fw, s, ix));
        } else {
            untouched += 1;
        }
    }
    let f = s.findings(Some(&node.id));
    Section {
        id: node.id.clone(),
        title: node.title.clone(),
        node_notes,
        rows,
        untouched,
        judgement: f.judgement.map(|v| level_words(fw, v)),
        strengths: f.strengths.clone(),
        improvements: f.improvements.clone(),
        recommendations: f.recommendations.clone(),
        judgement_level: f.judgement,
        agreed_mean: summary::figures(fw, s, area).agreed.mean(),
        heading_findings,
    }
}
