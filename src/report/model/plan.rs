//! The action plan: every action by area and date, flagged where it lacks an owner or a date
//! or is past it, and the plan's rows by recommendation.

use super::{ActionRow, PlanRow};
use crate::framework::{Framework, NodeIx};
use crate::session::{ActionStatus, Session};

/// The action plan: by area in outline order, then by due date (undated last); what is
/// open and lacks an owner or a date, or is past its date, is flagged.
pub(super) fn action_plan(fw: &Framework, s: &Session, areas: &[NodeIx]) -> Vec<ActionRow> {
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
pub(super) fn plan_rows(
    fw: &Framework,
    s: &Session,
    areas: &[NodeIx],
    actions: &[ActionRow],
) -> Vec<PlanRow> {
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
