//! The session a council officer tried the report with (issue 22): up to eight groups with
//! the names rooms use, 164 of the benchmark's 196 statements scored, findings on every
//! element, 24 actions and a frame. Deterministic, for the print check and the tests.

use crate::framework::{Framework, NodeKind};
use crate::session::frame::Frame;
use crate::session::{ActionItem, Column, Findings, Score, Session};

/// The groups' names, in column order.
pub const GROUPS: [&str; 8] = [
    "Cabinet",
    "CMT",
    "Scrutiny",
    "Heads of Service",
    "Partners",
    "Staff panel",
    "Unions",
    "Parishes",
];

/// How many statements are scored.
pub const SCORED: usize = 164;
/// How many actions the plan holds.
pub const ACTIONS: usize = 24;

/// The sample session over `fw` with the first `groups` of [`GROUPS`].
#[allow(clippy::too_many_lines)] // one made-up day, top to bottom
pub fn session(fw: &Framework, groups: usize) -> Session {
    let names = GROUPS
        .iter()
        .take(groups.clamp(1, 8))
        .map(|g| (*g).to_owned())
        .collect();
    let mut s = Session::new(fw, names, "2026-11-23".into());
    s.title = "Corporate peer review self-assessment".into();
    s.organisation = "Wyre Forest District Council".into();
    s.facilitator = "A. Facilitator".into();
    s.frame = Frame {
        introduction: "This report sets out the findings of the council's self-assessment against the corporate peer review benchmark, held as a one-day workshop of members, officers and partners.".into(),
        background: "The council last took part in a corporate peer review three years ago. Since then it has restructured its senior management and adopted a new corporate plan.".into(),
        scope: "The review covered every theme of the benchmark. Its objectives were to agree where the council stands, to name its strengths and areas for improvement, and to agree an action plan.".into(),
        approach: "Each group scored the benchmark's statements on its own; the room then agreed one score for each statement and the facilitator recorded the findings and recommendations.".into(),
        conclusions: "The council has a clear ambition and sound governance, but performance management is not yet consistent across services.".into(),
        next_steps: "The action plan will go to Cabinet in January and progress will be reported to Scrutiny every quarter.".into(),
    };
    let levels: Vec<u8> = fw.scale.levels.iter().map(|l| l.value).collect();
    let mut seed: u64 = 0x2545_f491_4f6c_dd1d;
    for (n, ix) in fw.statements().take(SCORED).enumerate() {
        let id = fw.node(ix).id.clone();
        for g in 0..s.groups.len() {
            seed = seed
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1_442_695_040_888_963_407);
            let pick = usize::try_from(seed >> 33).unwrap_or(0);
            let score = if pick % 20 == 0 {
                Score::NotApplicable
            } else {
                Score::Level(levels[pick % levels.len()])
            };
            s.set_score(&id, Column::Group(g), Some(score));
        }
        s.set_score(
            &id,
            Column::Agreed,
            Some(Score::Level(levels[(n * 7 + 1) % levels.len()])),
        );
        if n % 6 == 0 {
            s.set_notes(&id, format!("Evidence discussed for {id}: the groups cited examples from several services, including the leisure review and the customer contact centre."));
        }
    }
    let elements: Vec<usize> = (0..fw.nodes().len())
        .filter(|&ix| fw.node(ix).kind == NodeKind::Element)
        .collect();
    for (k, &ix) in elements.iter().enumerate() {
        let id = fw.node(ix).id.clone();
        s.set_findings(
            Some(&id),
            Findings {
                strengths: format!("Members and officers gave consistent examples of {} working well, with evidence from several services.", fw.node(ix).title.to_lowercase()),
                improvements: "Practice is not consistent across services, and the evidence is not gathered in one place.".into(),
                judgement: Some(levels[k % levels.len()]),
                recommendations: vec![
                    format!("Agree a corporate approach to {}.", fw.node(ix).title.to_lowercase()),
                    "Report progress to Scrutiny every quarter.".into(),
                ],
            },
        );
    }
    s.conclusions = Findings {
        judgement: Some(2),
        recommendations: vec!["Council leaders should agree new and more dynamic ways of leading performance improvement.".into()],
        ..Findings::default()
    };
    // 24 actions: on elements' recommendations, one on the main conclusions, some unlinked.
    let owners = [
        "Chief Executive",
        "Head of Democratic Services",
        "Corporate performance manager",
        "",
    ];
    let priorities = ["High", "Medium", "Low", ""];
    let mut made = 0;
    'outer: for round in 0..3 {
        for (k, &ix) in elements.iter().enumerate() {
            if made == ACTIONS {
                break 'outer;
            }
            let id = fw.node(ix).id.clone();
            let mut list = s.actions(&id).to_vec();
            list.push(ActionItem {
                id: String::new(),
                text: format!("Action {} for {}: set up a working group, agree its terms of reference and report back.", made + 1, fw.node(ix).title),
                owner: owners[(k + round) % owners.len()].to_owned(),
                due: if (k + round) % 5 == 4 { String::new() } else { format!("2027-0{}-{:02}", 1 + (k + round) % 9, 1 + k % 28) },
                recommendation: match round { 0 => Some(1), 1 => Some(2), _ => None },
                conclusion: false,
                priority: priorities[(k + round) % priorities.len()].to_owned(),
                status: crate::session::ActionStatus::Open,
            });
            if made == 0 {
                list.push(ActionItem {
                    text: "Agree a programme of leadership development for senior managers and Cabinet.".into(),
                    owner: "Chief Executive".into(),
                    due: "2027-03-31".into(),
                    recommendation: Some(1),
                    conclusion: true,
                    priority: "High".into(),
                    ..ActionItem::default()
                });
                made += 1;
            }
            s.set_actions(&id, list);
            made += 1;
        }
    }
    s
}
