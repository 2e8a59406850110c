//! From one review to the next (`awayday new --from last-year.ron`): next year's session
//! starts with last year's groups, people and room settings over the same framework (or its
//! newer version), and last year's open actions, each with an id that `compare` follows.

use super::model::{ActionStatus, Session};
use crate::framework::Framework;

/// Every action of a session with its id: the one it carries, or one made from the review's
/// year and the action's place in the file ("2025-3"), the same every time the file is read,
/// so last year's actions are known by the ids they were carried over with.
pub fn action_ids(s: &Session) -> Vec<(String, usize, String)> {
    let year = s
        .date
        .get(..4)
        .filter(|y| y.chars().all(|c| c.is_ascii_digit()))
        .unwrap_or("review");
    let mut seq = 0;
    let mut out = Vec::new();
    for (node, rec) in &s.nodes {
        for (i, a) in rec.actions.iter().enumerate() {
            seq += 1;
            let id = if a.id.is_empty() {
                format!("{year}-{seq}")
            } else {
                a.id.clone()
            };
            out.push((node.to_owned(), i, id));
        }
    }
    out
}

/// Next year's session over `fw`, dated `date`: last year's title, organisation,
/// facilitator, groups and room settings, no scores, notes or findings, and last year's open
/// actions on the same statements with their ids (the link to last year's recommendation
/// is dropped: next year's findings number their own).
pub fn next_year(last: &Session, fw: &Framework, date: String) -> Session {
    let mut s = Session::new(fw, last.groups.clone(), date);
    s.title.clone_from(&last.title);
    s.organisation.clone_from(&last.organisation);
    s.facilitator.clone_from(&last.facilitator);
    s.room = last.room;
    let ids = action_ids(last);
    for (node, rec) in &last.nodes {
        let open: Vec<_> = rec
            .actions
            .iter()
            .enumerate()
            .filter(|(_, a)| a.status == ActionStatus::Open)
            .map(|(i, a)| {
                let mut a = a.clone();
                a.recommendation = None;
                if let Some((_, _, id)) = ids.iter().find(|(n, j, _)| n == node && *j == i) {
                    a.id.clone_from(id);
                }
                a
            })
            .collect();
        if !open.is_empty() {
            s.set_actions(node, open);
        }
    }
    s
}
