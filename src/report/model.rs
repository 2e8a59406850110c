//! What a report says, worked out once from `session::summary`; the Markdown and HTML writers
//! only lay it out. A report never invents: an empty part says so.

use crate::framework::{Framework, NodeIx, NodeKind};
use crate::session::summary::{self, format_score};
use crate::session::{ActionStatus, Column, Session};

/// How many areas are named strongest and weakest.
const RANKED_SHOWN: usize = 3;
/// An area is ranked only when at least this many of its statements have a score the room
/// can stand on (an agreed score, or scores from two groups or more): one group's one score
/// does not make an area the weakest.
pub const RANK_MIN_STATEMENTS: usize = 3;

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

fn statement_row(fw: &Framework, s: &Session, ix: NodeIx) -> StatementRow {
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
        mean: super::judgement::mean(mean),
        spread,
        notes: record.map_or_else(String::new, |r| r.notes.clone()),
    }
}

fn summary_row(fw: &Framework, s: &Session, ix: NodeIx, areas: &[NodeIx]) -> SummaryRow {
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
fn reviewed(fw: &Framework, s: &Session, area: NodeIx) -> bool {
    let node = fw.node(area);
    (area..node.end).any(|i| s.record(&fw.node(i).id).is_some_and(|r| !r.is_empty()))
}

fn node_findings(fw: &Framework, s: &Session, ix: NodeIx) -> Option<NodeFindings> {
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

fn section(fw: &Framework, s: &Session, area: NodeIx) -> Section {
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

/// The action plan: by area in outline order, then by due date (undated last); what is
/// open and lacks an owner or a date, or is past its date, is flagged.
fn action_plan(fw: &Framework, s: &Session, areas: &[NodeIx]) -> Vec<ActionRow> {
    let today = crate::session::today();
    let mut actions = Vec::new();
    for (ix, n) in fw.nodes().iter().enumerate() {
        let list = s.actions(&n.id);
        if list.is_empty() {
            continue;
        }
        let area_ix = crate::session::agenda::area_of(fw, ix);
        let area = area_ix.map_or_else(
            || "Whole framework".to_owned(),
            |a| format!("{} {}", fw.node(a).id, fw.node(a).title),
        );
        let order = area_ix
            .and_then(|a| areas.iter().position(|&x| x == a))
            .unwrap_or(usize::MAX);
        let area_name = area_ix.map(|x| fw.node(x).id.clone());
        for a in list {
            let done = a.status == ActionStatus::Done;
            let mut flags = Vec::new();
            if !done {
                if a.owner.trim().is_empty() {
                    flags.push("no owner");
                }
                if a.due.trim().is_empty() {
                    flags.push("no date");
                } else if a.due.len() == 10 && a.due < today {
                    flags.push("overdue");
                }
            }
            let recs = if a.conclusion {
                &s.conclusions.recommendations
            } else {
                &s.findings(area_name.as_deref()).recommendations
            };
            actions.push((
                order,
                ix,
                ActionRow {
                    recommendation: a
                        .recommendation
                        .and_then(|n| recs.get(n.checked_sub(1)?).map(|r| (n, r.clone()))),
                    area: area.clone(),
                    node: format!("{} {}", n.id, crate::text::shorten(n.label(), 60)),
                    text: a.text.clone(),
                    owner: a.owner.clone(),
                    due: a.due.clone(),
                    done,
                    flags,
                    priority: a.priority.clone(),
                    conclusion: a.conclusion,
                },
            ));
        }
    }
    // Within an area, the actions of each recommendation together (in its order), the rest
    // after them.
    let rec = |r: &ActionRow| r.recommendation.as_ref().map_or(usize::MAX, |(n, _)| *n);
    actions.sort_by(|(oa, ia, a), (ob, ib, b)| {
        oa.cmp(ob)
            .then_with(|| rec(a).cmp(&rec(b)))
            .then_with(|| a.due.is_empty().cmp(&b.due.is_empty()))
            .then_with(|| a.due.cmp(&b.due))
            .then_with(|| ia.cmp(ib))
    });
    actions.into_iter().map(|(_, _, r)| r).collect()
}

/// How a priority sorts: high first, then medium, low, anything else, and none last.
pub fn priority_rank(p: &str) -> u8 {
    match p.trim().to_lowercase().as_str() {
        "high" | "h" => 0,
        "medium" | "m" => 1,
        "low" | "l" => 2,
        "" => 4,
        _ => 3,
    }
}

/// The plan as one table, in a stated order: the main conclusions' recommendations first,
/// then every theme's, area's and heading's in outline order, each in its number order; a
/// recommendation's actions by priority (high first), then soonest date (undated last).
/// Actions carrying out no recommendation follow their area's recommendations.
fn plan_rows(fw: &Framework, s: &Session, areas: &[NodeIx], actions: &[ActionRow]) -> Vec<PlanRow> {
    let mut out = Vec::new();
    let mut push = |label: String, mut mine: Vec<&ActionRow>| {
        mine.sort_by(|a, b| {
            priority_rank(&a.priority)
                .cmp(&priority_rank(&b.priority))
                .then_with(|| a.due.is_empty().cmp(&b.due.is_empty()))
                .then_with(|| a.due.cmp(&b.due))
        });
        if mine.is_empty() {
            out.push(PlanRow {
                recommendation: label,
                first: true,
                action: String::new(),
                priority: String::new(),
                owner: String::new(),
                due: String::new(),
                done: false,
                flags: Vec::new(),
            });
            return;
        }
        for (i, a) in mine.into_iter().enumerate() {
            out.push(PlanRow {
                recommendation: label.clone(),
                first: i == 0,
                action: a.text.clone(),
                priority: a.priority.clone(),
                owner: a.owner.clone(),
                due: a.due.clone(),
                done: a.done,
                flags: a.flags.clone(),
            });
        }
    };
    for (n, text) in s.conclusions.recommendations.iter().enumerate() {
        let mine = actions
            .iter()
            .filter(|a| a.conclusion && a.recommendation.as_ref().is_some_and(|(k, _)| *k == n + 1))
            .collect();
        push(format!("Main conclusions R{}: {text}", n + 1), mine);
    }
    let in_area = |a: &ActionRow, id: &str| !a.conclusion && a.area.starts_with(&format!("{id} "));
    // Every node with findings, in outline order: an area's recommendations carry its
    // actions; a theme's or heading's are listed, awaiting an action on its area.
    for (ix, node) in fw.nodes().iter().enumerate() {
        if node.is_statement() {
            continue;
        }
        let id = &node.id;
        let an_area = areas.contains(&ix);
        for (n, text) in s.findings(Some(id)).recommendations.iter().enumerate() {
            let mine = if an_area {
                actions
                    .iter()
                    .filter(|a| {
                        in_area(a, id)
                            && a.recommendation.as_ref().is_some_and(|(k, _)| *k == n + 1)
                    })
                    .collect()
            } else {
                Vec::new()
            };
            push(format!("{id} R{}: {text}", n + 1), mine);
        }
        if an_area {
            let rest: Vec<&ActionRow> = actions
                .iter()
                .filter(|a| in_area(a, id) && a.recommendation.is_none())
                .collect();
            if !rest.is_empty() {
                push(format!("{id} {} (no recommendation)", node.title), rest);
            }
        }
    }
    // Actions outside every area, or linked to a recommendation that no longer exists.
    let placed = |a: &ActionRow| {
        (a.conclusion && a.recommendation.is_some())
            || areas.iter().any(|&x| in_area(a, &fw.node(x).id))
    };
    let rest: Vec<&ActionRow> = actions.iter().filter(|a| !placed(a)).collect();
    if !rest.is_empty() {
        push("Other actions".to_owned(), rest);
    }
    out
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
