//! Every figure shown or reported about a session: progress, means, spread.
//!
//! The tree, the score row, the CSV export (and later the reports and dashboard) all take
//! their numbers from here, so they can never disagree. Means leave out "not applicable" and
//! unscored statements.

use crate::framework::{Framework, NodeIx};

use super::model::{Column, Score, Session};

/// How far a column has got under a node, and the mean of its level scores.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub(crate) struct Progress {
    /// Statements with a score (a level or n/a) in the column.
    pub scored: usize,
    /// Statements under the node.
    pub total: usize,
    /// Sum and count of level scores (n/a left out), for the mean.
    sum: u64,
    levels: usize,
}

impl Progress {
    /// Mean of the level scores, if any statement has one.
    pub(crate) fn mean(&self) -> Option<f64> {
        #[allow(clippy::cast_precision_loss)] // counts are far below 2^52
        (self.levels > 0).then(|| self.sum as f64 / self.levels as f64)
    }

    fn add(&mut self, score: Option<Score>) {
        self.total += 1;
        match score {
            Some(Score::Level(v)) => {
                self.scored += 1;
                self.sum += u64::from(v);
                self.levels += 1;
            }
            Some(Score::NotApplicable) => self.scored += 1,
            None => {}
        }
    }
}

/// Progress of `column` over the statements under node `ix`.
pub(crate) fn progress(fw: &Framework, session: &Session, ix: NodeIx, column: Column) -> Progress {
    let mut p = Progress::default();
    for s in fw.statements_under(ix) {
        p.add(session.score(&fw.node(s).id, column));
    }
    p
}

/// The groups' level scores for one statement (n/a and unscored left out).
pub(crate) fn group_levels(session: &Session, id: &str) -> Vec<u8> {
    (0..session.groups.len())
        .filter_map(|g| match session.score(id, Column::Group(g)) {
            Some(Score::Level(v)) => Some(v),
            _ => None,
        })
        .collect()
}

/// Mean of the groups' level scores for one statement.
pub(crate) fn statement_mean(session: &Session, id: &str) -> Option<f64> {
    let levels = group_levels(session, id);
    #[allow(clippy::cast_precision_loss)]
    (!levels.is_empty())
        .then(|| levels.iter().map(|&v| f64::from(v)).sum::<f64>() / levels.len() as f64)
}

/// Highest minus lowest group level for one statement; `None` until two groups gave levels.
pub fn spread(session: &Session, id: &str) -> Option<u8> {
    let levels = group_levels(session, id);
    if levels.len() < 2 {
        return None;
    }
    let max = levels.iter().max().copied().unwrap_or(0);
    let min = levels.iter().min().copied().unwrap_or(0);
    Some(max - min)
}

/// A figure rounded to one decimal the way people expect, half away from zero: 2.25 → 2.3,
/// 2.35 → 2.4, −0.25 → −0.3. (Formatting with `{:.1}` alone rounds the binary value, so
/// 2.25 printed 2.2.) The one rounding rule for the screen, the reports and the CSV.
pub(crate) fn round1(x: f64) -> f64 {
    // Nudged by a hair so a decimal that binary stores just under .x5 still rounds up.
    let scaled = x * 10.0;
    let nudged = scaled + scaled.signum() * 1e-9;
    nudged.round() / 10.0
}

/// A mean as shown everywhere: one decimal, rounded half away from zero.
pub fn format_mean(mean: Option<f64>) -> String {
    mean.map_or_else(String::new, |m| {
        let r = round1(m);
        // Never "-0.0".
        format!("{:.1}", if r == 0.0 { 0.0 } else { r })
    })
}

/// A score as shown in tables: the level number, `n/a`, or empty.
pub(crate) fn format_score(score: Option<Score>) -> String {
    match score {
        Some(Score::Level(v)) => v.to_string(),
        Some(Score::NotApplicable) => "n/a".to_owned(),
        None => String::new(),
    }
}

/// Figures for one node: each group's progress, the agreed column's, and coverage.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct NodeFigures {
    pub node: NodeIx,
    /// Per group, in session order.
    pub groups: Vec<Progress>,
    pub agreed: Progress,
    /// Statements with a score in any column.
    pub covered: usize,
    pub total: usize,
}

impl NodeFigures {
    /// The figure used to rank areas: the agreed mean where the room agreed scores, otherwise
    /// the mean of every group score under the node.
    pub(crate) fn overall_mean(&self) -> Option<f64> {
        self.agreed.mean().or_else(|| {
            let (sum, n) = self
                .groups
                .iter()
                .fold((0u64, 0usize), |(s, n), p| (s + p.sum, n + p.levels));
            #[allow(clippy::cast_precision_loss)]
            (n > 0).then(|| sum as f64 / n as f64)
        })
    }
}

/// Figures for the subtree of `ix`.
pub(crate) fn figures(fw: &Framework, session: &Session, ix: NodeIx) -> NodeFigures {
    let mut groups = vec![Progress::default(); session.groups.len()];
    let mut agreed = Progress::default();
    let mut covered = 0;
    let mut total = 0;
    for s in fw.statements_under(ix) {
        let id = &fw.node(s).id;
        let mut any = false;
        for (g, p) in groups.iter_mut().enumerate() {
            let score = session.score(id, Column::Group(g));
            any |= score.is_some();
            p.add(score);
        }
        let a = session.score(id, Column::Agreed);
        any |= a.is_some();
        agreed.add(a);
        total += 1;
        covered += usize::from(any);
    }
    NodeFigures {
        node: ix,
        groups,
        agreed,
        covered,
        total,
    }
}

/// The areas a summary is made of: every element, and every theme that has no elements
/// (the benchmark's theme 1, or a line of enquiry), in outline order.
pub fn scoring_areas(fw: &Framework) -> Vec<NodeIx> {
    use crate::framework::NodeKind;
    (0..fw.nodes().len())
        .filter(|&ix| {
            let n = fw.node(ix);
            match n.kind {
                NodeKind::Element => true,
                NodeKind::Theme => !n
                    .children
                    .iter()
                    .any(|&c| fw.node(c).kind == NodeKind::Element),
                _ => false,
            }
        })
        .collect()
}

/// Statements scored (any column) out of all statements.
pub(crate) fn coverage(fw: &Framework, session: &Session) -> (usize, usize) {
    let mut scored = 0;
    let mut total = 0;
    for s in fw.statements() {
        let id = &fw.node(s).id;
        total += 1;
        let any = session.score(id, Column::Agreed).is_some()
            || (0..session.groups.len()).any(|g| session.score(id, Column::Group(g)).is_some());
        scored += usize::from(any);
    }
    (scored, total)
}

/// A statement the groups scored far apart.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Disagreement {
    pub node: NodeIx,
    pub spread: u8,
}

/// Statements whose groups' levels spread by at least `min_spread`, widest first, then in
/// outline order.
pub(crate) fn disagreements(
    fw: &Framework,
    session: &Session,
    min_spread: u8,
) -> Vec<Disagreement> {
    let mut out: Vec<Disagreement> = fw
        .statements()
        .filter_map(|ix| {
            let spread = spread(session, &fw.node(ix).id)?;
            (spread >= min_spread).then_some(Disagreement { node: ix, spread })
        })
        .collect();
    out.sort_by(|a, b| b.spread.cmp(&a.spread).then(a.node.cmp(&b.node)));
    out
}

/// Areas with a mean, strongest first (ties in outline order).
pub(crate) fn ranked_areas(fw: &Framework, session: &Session) -> Vec<(NodeIx, f64)> {
    let mut ranked: Vec<(NodeIx, f64)> = scoring_areas(fw)
        .into_iter()
        .filter_map(|ix| figures(fw, session, ix).overall_mean().map(|m| (ix, m)))
        .collect();
    ranked.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
    ranked
}

/// Ids in the session that the framework no longer has: kept, never dropped.
pub fn orphans<'a>(fw: &Framework, session: &'a Session) -> Vec<&'a str> {
    session
        .nodes
        .keys()
        .filter(|id| fw.find(id).is_none())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rounding_is_half_away_from_zero() {
        assert_eq!(format_mean(Some(2.25)), "2.3");
        assert_eq!(format_mean(Some(2.35)), "2.4");
        assert_eq!(format_mean(Some(2.249)), "2.2");
        assert_eq!(format_mean(Some(-0.25)), "-0.3");
        assert_eq!(format_mean(Some(-0.04)), "0.0");
        assert_eq!(format_mean(Some(1.0 / 3.0)), "0.3");
    }
}
