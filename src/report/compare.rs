//! Comparing reviews over time (`awayday compare OLD.ron NEW.ron [MORE.ron…]`): per area and
//! per statement, the agreed score in each session and what moved, statements new or gone
//! because the framework changed (matched by id), and last time's actions with their status.
//! Groups need not match: only the agreed scores are compared.

use crate::framework::Framework;
use crate::session::summary::{self, format_score};
use crate::session::{Column, Score, Session};

pub use super::compare_csv::to_csv;
pub use super::compare_html::to_html;
pub use super::compare_markdown::to_markdown;

/// One review: a name for it (its file or title), the session and its framework.
pub struct Review {
    pub name: String,
    pub session: Session,
    pub framework: Framework,
}

/// One statement across the reviews.
pub struct Moved {
    pub id: String,
    pub text: String,
    /// The agreed score in each review (None: not scored, or not in that framework).
    pub agreed: Vec<Option<Score>>,
    /// Whether each review's framework has the statement (if it has and `agreed` is None,
    /// the statement was not scored in that review).
    pub in_framework: Vec<bool>,
    /// Last minus first, where both are levels.
    pub change: Option<i16>,
    /// "new" (not in the first framework), "removed" (not in the last), or "".
    pub status: &'static str,
}

/// One area across the reviews: its agreed mean in each.
pub struct AreaTrend {
    pub id: String,
    pub title: String,
    pub means: Vec<Option<f64>>,
    pub change: Option<f64>,
}

/// The comparison.
pub struct Comparison {
    pub names: Vec<String>,
    pub areas: Vec<AreaTrend>,
    pub statements: Vec<Moved>,
    /// Actions of the review before the last: (node, text, status then, status now).
    pub actions: Vec<(String, String, String, String)>,
}

fn level(s: Option<Score>) -> Option<i16> {
    match s {
        Some(Score::Level(v)) => Some(i16::from(v)),
        _ => None,
    }
}

/// Compares reviews, oldest first.
pub fn compare(reviews: &[Review]) -> Comparison {
    let last = reviews.last().expect("at least two reviews");
    let first = &reviews[0];
    // Statements: the newest framework's, in its order, then those only older ones had.
    let mut ids: Vec<(String, String)> = last
        .framework
        .statements()
        .map(|ix| {
            let n = last.framework.node(ix);
            (n.id.clone(), n.text.clone())
        })
        .collect();
    for r in reviews.iter().rev().skip(1) {
        for ix in r.framework.statements() {
            let n = r.framework.node(ix);
            if !ids.iter().any(|(id, _)| *id == n.id) {
                ids.push((n.id.clone(), n.text.clone()));
            }
        }
    }
    let statements = ids
        .into_iter()
        .map(|(id, text)| {
            let agreed: Vec<Option<Score>> = reviews
                .iter()
                .map(|r| {
                    r.framework
                        .find(&id)
                        .and_then(|_| r.session.score(&id, Column::Agreed))
                })
                .collect();
            let in_framework: Vec<bool> = reviews
                .iter()
                .map(|r| r.framework.find(&id).is_some())
                .collect();
            let change = match (level(agreed[0]), level(*agreed.last().unwrap_or(&None))) {
                (Some(a), Some(b)) => Some(b - a),
                _ => None,
            };
            let status = if first.framework.find(&id).is_none() {
                "new"
            } else if last.framework.find(&id).is_none() {
                "removed"
            } else {
                ""
            };
            Moved {
                id,
                text,
                agreed,
                in_framework,
                change,
                status,
            }
        })
        .collect();
    let areas = summary::scoring_areas(&last.framework)
        .into_iter()
        .map(|a| {
            let node = last.framework.node(a);
            let means: Vec<Option<f64>> = reviews
                .iter()
                .map(|r| {
                    r.framework
                        .find(&node.id)
                        .and_then(|ix| summary::figures(&r.framework, &r.session, ix).agreed.mean())
                        // Rounded once, here: the change is worked out from the figures shown.
                        .map(summary::round1)
                })
                .collect();
            let change = match (means[0], *means.last().unwrap_or(&None)) {
                (Some(a), Some(b)) => Some(summary::round1(b - a)),
                _ => None,
            };
            AreaTrend {
                id: node.id.clone(),
                title: node.title.clone(),
                means,
                change,
            }
        })
        .collect();
    let before = &reviews[reviews.len() - 2];
    let actions = follow_actions(&before.session, &last.session);
    Comparison {
        names: reviews.iter().map(|r| r.name.clone()).collect(),
        areas,
        statements,
        actions,
    }
}

/// Two texts this close (normalised Levenshtein similarity) are one action reworded: a
/// word changed in a sentence of a few words still matches; a different action does not.
const SAME_ACTION: f64 = 0.75;

/// Last time's actions and what became of each: found by its id (the one it was carried over
/// with), else on the same statement by close text, else "not carried over".
fn follow_actions(before: &Session, now: &Session) -> Vec<(String, String, String, String)> {
    // Last time's ids, given or made from its year and order; this time's as stored (only
    // an action carried over has one: made-up ids of two files would match by chance).
    let then_ids = crate::session::carry::action_ids(before);
    let mut out = Vec::new();
    for (node, i, id) in &then_ids {
        let a = &before.actions(node)[*i];
        let by_id = now
            .nodes
            .values()
            .flat_map(|r| &r.actions)
            .find(|b| !b.id.is_empty() && b.id == *id);
        let by_text = || {
            now.actions(node)
                .iter()
                .map(|b| (strsim::normalized_levenshtein(&b.text, &a.text), b))
                .filter(|(sim, _)| *sim >= SAME_ACTION)
                .max_by(|x, y| x.0.total_cmp(&y.0))
                .map(|(_, b)| b)
        };
        let status = by_id
            .or_else(by_text)
            .map_or("not carried over", |b| b.status.label());
        out.push((
            node.clone(),
            a.text.clone(),
            a.status.label().to_owned(),
            status.to_owned(),
        ));
    }
    out
}

/// A change between two figures rounded to one place: "+0.3", "-0.1", or "no change" (a
/// change that rounds to nothing is none, never "-0.0").
pub(super) fn signed(change: Option<f64>) -> String {
    match change.map(|c| (c * 10.0).round() / 10.0) {
        Some(c) if c > 0.0 => format!("+{c:.1}"),
        Some(c) if c < 0.0 => format!("{c:.1}"),
        Some(_) => "no change".to_owned(),
        None => "–".to_owned(),
    }
}

/// Whether a statement has an agreed score in some review and none in another that had it.
pub(super) fn not_scored_somewhere(s: &Moved) -> bool {
    s.agreed.iter().any(Option::is_some)
        && s.agreed
            .iter()
            .zip(&s.in_framework)
            .any(|(v, &had)| had && v.is_none())
}

/// A statement's agreed score in one review, as a cell: the score, "not scored", or "–"
/// when that review's framework did not have the statement.
pub(super) fn score_cell(s: &Moved, i: usize) -> String {
    match (s.agreed[i], s.in_framework[i]) {
        (Some(v), _) => format_score(Some(v)),
        (None, true) => "not scored".to_owned(),
        (None, false) => "–".to_owned(),
    }
}

/// Names for reviews that a reader tells apart: "Title, date" (or the one there is, or the
/// file's name), and where two come out the same, each with its file's name after it.
pub fn labels(reviews: &[(String, String, String)]) -> Vec<String> {
    let base: Vec<String> = reviews
        .iter()
        .map(
            |(title, date, file)| match (title.is_empty(), date.is_empty()) {
                (false, false) => format!("{title}, {date}"),
                (false, true) => title.clone(),
                (true, false) => date.clone(),
                (true, true) => file.clone(),
            },
        )
        .collect();
    base.iter()
        .zip(reviews)
        .enumerate()
        .map(|(i, (b, (_, _, file)))| {
            let twins = base.iter().filter(|x| *x == b).count();
            if twins < 2 {
                b.clone()
            } else {
                // The file name tells them apart; failing that, the order given.
                let tagged = format!("{b} ({file})");
                let clash = reviews
                    .iter()
                    .enumerate()
                    .any(|(j, (_, _, f))| j != i && base[j] == *b && f == file);
                if clash {
                    format!("{b} (review {})", i + 1)
                } else {
                    tagged
                }
            }
        })
        .collect()
}
