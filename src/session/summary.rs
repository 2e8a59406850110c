//! Every figure shown or reported about a session: progress, means, spread.
//!
//! The tree, the score row, the CSV export (and later the reports and dashboard) all take
//! their numbers from here, so they can never disagree. Means leave out "not applicable" and
//! unscored statements.

use crate::framework::{Framework, NodeIx};

use super::model::{Column, Score, Session};

/// How far a column has got under a node, and the mean of its level scores.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Progress {
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
    pub fn mean(&self) -> Option<f64> {
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
pub fn progress(fw: &Framework, session: &Session, ix: NodeIx, column: Column) -> Progress {
    let mut p = Progress::default();
    for s in fw.statements_under(ix) {
        p.add(session.score(&fw.node(s).id, column));
    }
    p
}

/// Progress of `column` over the whole framework.
pub fn overall(fw: &Framework, session: &Session, column: Column) -> Progress {
    let mut p = Progress::default();
    for s in fw.statements() {
        p.add(session.score(&fw.node(s).id, column));
    }
    p
}

/// The groups' level scores for one statement (n/a and unscored left out).
pub fn group_levels(session: &Session, id: &str) -> Vec<u8> {
    (0..session.groups.len())
        .filter_map(|g| match session.score(id, Column::Group(g)) {
            Some(Score::Level(v)) => Some(v),
            _ => None,
        })
        .collect()
}

/// Mean of the groups' level scores for one statement.
pub fn statement_mean(session: &Session, id: &str) -> Option<f64> {
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

/// A mean as shown everywhere: one decimal.
pub fn format_mean(mean: Option<f64>) -> String {
    mean.map_or_else(String::new, |m| format!("{m:.1}"))
}

/// A score as shown in tables: the level number, `n/a`, or empty.
pub fn format_score(score: Option<Score>) -> String {
    match score {
        Some(Score::Level(v)) => v.to_string(),
        Some(Score::NotApplicable) => "n/a".to_owned(),
        None => String::new(),
    }
}
