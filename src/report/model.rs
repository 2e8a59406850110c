//! What a report says, worked out once from `session::summary`; the Markdown and HTML writers
//! only lay it out. A report never invents: an empty part says so.

use crate::framework::{Framework, NodeIx, NodeKind};
use crate::session::summary::{self, format_score};
use crate::session::{Column, Session};

/// How many areas are named strongest and weakest.
const RANKED_SHOWN: usize = 3;
/// An area is ranked only when at least this many of its statements have a score the room
/// can stand on (an agreed score, or scores from two groups or more): one group's one score
/// does not make an area the weakest.
pub const RANK_MIN_STATEMENTS: usize = 3;

mod areas;
mod plan;

use areas::{node_findings, reviewed, section, statement_row, summary_row};
pub use plan::priority_rank;
use plan::{action_plan, plan_rows};

pub struct Report {
    pub title: String,
    pub organisation: String,
    pub date: String,
    pub facilitator: String,
    pub groups: Vec<String>,
    pub framework: String,
    pub edition: String,
    /// Statements with any score, and all statements.
    pub coverage: (usize, usize),
    /// The spread from which groups disagree (the session's, as the app uses it).
    pub spread: u8,
    /// The scale's levels: (value, label, meaning).
    pub scale: Vec<(u8, String, String)>,
    pub summary: Vec<SummaryRow>,
    pub strongest: Vec<Ranked>,
    pub weakest: Vec<Ranked>,
    pub disagreements: Vec<StatementRow>,
    pub sections: Vec<Section>,
    pub actions: Vec<ActionRow>,
    /// Records for ids the framework no longer has.
    pub orphans: Vec<Orphan>,
    /// With a plan for the day: per area, the minutes planned and spent.
    pub time: Vec<TimeRow>,
    /// The areas this session reviewed (anything scored or noted), by id, in outline order.
    pub scope: Vec<String>,
    /// The areas it did not, collapsed into one line.
    pub not_reviewed: Vec<String>,
    /// The session's main conclusions.
    pub conclusions: crate::session::Findings,
    /// "Draft", or "Final, version 2": what the reader holds.
    pub status: String,
    /// Set when the framework's content differs from what the session was scored against.
    pub framework_changed: bool,
    /// The report's frame: introduction, background, scope, approach, next steps.
    pub frame: crate::session::frame::Frame,
    /// Findings written on a theme that has elements (the elements have sections).
    pub theme_findings: Vec<NodeFindings>,
    /// The action plan as one table: every recommendation, with its actions.
    pub plan: Vec<PlanRow>,
    /// The copy circulated outside the room: no time spent, per-group scores,
    /// disagreements, raw notes or internal flags. The full copy is the default.
    pub circulated: bool,
}

impl Report {
    /// The band a mean is in: the label of the level its printed figure (two decimals, see
    /// [`super::judgement`]) rounds to. Never printed beside a judgement the facilitator gave.
    pub fn judgement(&self, mean: Option<f64>) -> Option<&str> {
        let level = super::judgement::band(mean?);
        self.scale
            .iter()
            .find(|(v, _, _)| *v == level)
            .map(|(_, label, _)| label.as_str())
    }

    /// "1, 2.1 and 2.3", as the scope is written in words.
    pub fn scope_in_words(&self) -> String {
        match self.scope.as_slice() {
            [] => "nothing yet".to_owned(),
            [one] => one.clone(),
            [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
        }
    }
}

/// A theme or element in the summary table.
pub struct SummaryRow {
    pub id: String,
    pub title: String,
    /// True for an element (indented under its theme).
    pub nested: bool,
    /// Whether this row is a scoring area (has its own findings section and heat-map row).
    pub area: bool,
    /// Each group's mean, as shown ("2.5", or "" when nothing is scored).
    pub group_means: Vec<Option<f64>>,
    pub agreed_mean: Option<f64>,
    pub covered: usize,
    pub total: usize,
    /// The facilitator's judgement on this theme or element, if given.
    pub judgement: Option<u8>,
}

pub struct Ranked {
    pub id: String,
    pub title: String,
    pub mean: f64,
}

/// A statement with its scores as shown: one cell per group, then agreed.
pub struct StatementRow {
    pub id: String,
    pub text: String,
    pub scores: Vec<String>,
    pub agreed: String,
    pub mean: String,
    pub spread: Option<u8>,
    pub notes: String,
}

/// One area's findings, in the shape of a review report's appendix.
pub struct Section {
    pub id: String,
    pub title: String,
    /// Notes written on the area itself or its headings: (id, title, notes).
    pub node_notes: Vec<(String, String, String)>,
    /// Statements with scores or notes.
    pub rows: Vec<StatementRow>,
    /// Statements with neither: counted, not listed.
    pub untouched: usize,
    /// The review's findings on the area: judgement (as "2 Reasonable"), strengths, areas
    /// for improvement, recommendations.
    pub judgement: Option<String>,
    pub strengths: String,
    pub improvements: String,
    pub recommendations: Vec<String>,
    /// The facilitator's judgement as a level, and the area's agreed mean.
    pub judgement_level: Option<u8>,
    pub agreed_mean: Option<f64>,
    /// Findings written on the area's headings.
    pub heading_findings: Vec<NodeFindings>,
}

/// Findings written on a node other than an area: a heading, or a theme with elements.
pub struct NodeFindings {
    pub id: String,
    pub title: String,
    /// "2 Reasonable", as given.
    pub judgement: Option<String>,
    pub strengths: String,
    pub improvements: String,
    pub recommendations: Vec<String>,
}

/// One row of the action plan (seed 003's Appendix 2): a recommendation and one of its
/// agreed actions, or the recommendation alone with "no action agreed yet".
pub struct PlanRow {
    /// "2.1 R1 Train new members", "Main conclusions R2 …", or "2.1 (no recommendation)".
    pub recommendation: String,
    /// False on the second and later actions of the same recommendation.
    pub first: bool,
    /// The action, or empty when none is agreed yet.
    pub action: String,
    pub priority: String,
    pub owner: String,
    pub due: String,
    pub done: bool,
    pub flags: Vec<&'static str>,
}

pub struct ActionRow {
    /// The area (element, or theme without elements) the action's node is in.
    pub area: String,
    /// The recommendation of the area it carries out: (number, text).
    pub recommendation: Option<(usize, String)>,
    pub node: String,
    pub text: String,
    pub owner: String,
    /// `YYYY-MM-DD` when entered as a date, else as written.
    pub due: String,
    pub done: bool,
    /// What needs attention: "no owner", "no date", "overdue".
    pub flags: Vec<&'static str>,
    /// "High", "Medium", "Low", or as written.
    pub priority: String,
    /// The action carries out a recommendation of the main conclusions, not of its area.
    pub conclusion: bool,
}

pub struct Orphan {
    pub id: String,
    pub scores: String,
    pub notes: String,
}

/// One area's time: planned by the agenda, and spent in it with awayday open.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TimeRow {
    pub id: String,
    pub title: String,
    pub planned: u16,
    pub spent: u32,
}

fn time_rows(fw: &Framework, s: &Session) -> Vec<TimeRow> {
    let Some(agenda) = &s.agenda else {
        return Vec::new();
    };
    agenda
        .slots(fw)
        .into_iter()
        .map(|slot| TimeRow {
            title: fw.node(slot.area).title.clone(),
            planned: slot.minutes,
            spent: agenda.spent.get(&slot.id).copied().unwrap_or(0) / 60,
            id: slot.id,
        })
        .collect()
}

/// Findings written on themes that are not areas themselves (they have elements).
fn theme_findings(fw: &Framework, s: &Session, areas: &[NodeIx]) -> Vec<NodeFindings> {
    (0..fw.nodes().len())
        .filter(|&ix| fw.node(ix).kind == NodeKind::Theme && !areas.contains(&ix))
        .filter_map(|ix| node_findings(fw, s, ix))
        .collect()
}

pub fn build(fw: &Framework, s: &Session) -> Report {
    let areas = summary::scoring_areas(fw);
    let summary_rows = (0..fw.nodes().len())
        .filter(|&ix| matches!(fw.node(ix).kind, NodeKind::Theme | NodeKind::Element))
        .map(|ix| summary_row(fw, s, ix, &areas))
        .collect();
    // Only areas with enough scored to stand on are ranked.
    let ranked: Vec<(NodeIx, f64)> = summary::ranked_areas(fw, s)
        .into_iter()
        .filter(|&(ix, _)| {
            fw.statements_under(ix)
                .filter(|&st| {
                    let id = &fw.node(st).id;
                    s.score(id, Column::Agreed).is_some()
                        || (0..s.groups.len())
                            .filter(|&g| s.score(id, Column::Group(g)).is_some())
                            .count()
                            >= 2
                })
                .count()
                >= RANK_MIN_STATEMENTS
        })
        .collect();
    let shown = RANKED_SHOWN.min(ranked.len() / 2);
    let to_ranked = |&(ix, mean): &(NodeIx, f64)| Ranked {
        id: fw.node(ix).id.clone(),
        title: fw.node(ix).title.clone(),
        mean,
    };
    let strongest = ranked.iter().take(shown).map(to_ranked).collect();
    let weakest = ranked.iter().rev().take(shown).map(to_ranked).collect();
    let disagreements = summary::disagreements(fw, s, s.room.spread())
        .into_iter()
        .map(|d| statement_row(fw, s, d.node))
        .collect();
    let actions = action_plan(fw, s, &areas);
    let plan = plan_rows(fw, s, &areas, &actions);

    let orphans = summary::orphans(fw, s)
        .into_iter()
        .map(|id| {
            let rec = s.record(id).cloned().unwrap_or_default();
            let mut scores: Vec<String> = rec
                .scores
                .iter()
                .map(|(g, sc)| format!("{g} {}", format_score(Some(*sc))))
                .collect();
            if let Some(a) = rec.agreed {
                scores.push(format!("agreed {}", format_score(Some(a))));
            }
            Orphan {
                id: id.to_owned(),
                scores: scores.join(", "),
                notes: rec.notes,
            }
        })
        .collect();
    Report {
        spread: s.room.spread(),
        title: s.title.clone(),
        organisation: s.organisation.clone(),
        date: s.date.clone(),
        facilitator: s.facilitator.clone(),
        groups: s.groups.clone(),
        framework: fw.title.clone(),
        edition: fw.edition.clone(),
        coverage: summary::coverage(fw, s),
        scale: fw
            .scale
            .levels
            .iter()
            .map(|l| (l.value, l.label.clone(), l.meaning.clone()))
            .collect(),
        summary: summary_rows,
        strongest,
        weakest,
        disagreements,
        sections: areas
            .iter()
            .filter(|&&a| reviewed(fw, s, a))
            .map(|&a| section(fw, s, a))
            .collect(),
        scope: areas
            .iter()
            .filter(|&&a| reviewed(fw, s, a))
            .map(|&a| fw.node(a).id.clone())
            .collect(),
        not_reviewed: areas
            .iter()
            .filter(|&&a| !reviewed(fw, s, a))
            .map(|&a| format!("{} {}", fw.node(a).id, fw.node(a).title))
            .collect(),
        actions,
        orphans,
        time: time_rows(fw, s),
        conclusions: s.conclusions.clone(),
        status: "Draft".to_owned(),
        framework_changed: fw.digest != s.framework.digest,
        frame: s.frame.clone(),
        theme_findings: theme_findings(fw, s, &areas),
        plan,
        circulated: false,
    }
}
