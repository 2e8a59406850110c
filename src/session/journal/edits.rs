//! From edits to journal entries and back: the entries an edit writes (absolute values,
//! long notes as splices), runs of entries coalesced, and what an entry does to a session
//! when the journal is replayed.

use super::{Draft, Entry, Record, digest};
use crate::session::history::Edit;
use crate::session::model::{Column, Session};

/// Within a run of entries, a whole note, a score or a draft followed at once by a newer one
/// of the same thing says nothing the newer one does not: a burst of typed keys, or the
/// records waiting while the disk is full, keep only the last state.
pub fn coalesce(entries: &mut Vec<Entry>) {
    let superseded = |a: &Entry, b: &Entry| match (a, b) {
        (Entry::Notes { node: x, .. }, Entry::Notes { node: y, .. }) => x == y,
        (
            Entry::Score {
                node: x, group: g, ..
            },
            Entry::Score {
                node: y, group: h, ..
            },
        ) => x == y && g == h,
        (Entry::Draft(_), Entry::Draft(_)) => true,
        _ => false,
    };
    let mut kept: Vec<Entry> = Vec::with_capacity(entries.len());
    for e in entries.drain(..) {
        if kept.last().is_some_and(|last| superseded(last, &e)) {
            kept.pop();
        }
        kept.push(e);
    }
    *entries = kept;
}

/// Notes shorter than this are journalled whole on every change (simple, and safe to replay
/// anywhere); longer ones as splices, so the bytes per keystroke stay small.
pub const WHOLE_NOTE_BYTES: usize = 4096;

/// The entry recording that `node`'s notes went from `before` to `after`.
pub fn notes_entry(node: &str, before: &str, after: &str) -> Entry {
    if before.len().max(after.len()) < WHOLE_NOTE_BYTES {
        return Entry::Notes {
            node: node.to_owned(),
            text: after.to_owned(),
        };
    }
    let mut prefix = before
        .bytes()
        .zip(after.bytes())
        .take_while(|(a, b)| a == b)
        .count();
    while !before.is_char_boundary(prefix) || !after.is_char_boundary(prefix) {
        prefix -= 1;
    }
    let room = before.len().min(after.len()) - prefix;
    let mut suffix = before
        .bytes()
        .rev()
        .zip(after.bytes().rev())
        .take(room)
        .take_while(|(a, b)| a == b)
        .count();
    while !before.is_char_boundary(before.len() - suffix)
        || !after.is_char_boundary(after.len() - suffix)
    {
        suffix -= 1;
    }
    Entry::NotesSplice {
        node: node.to_owned(),
        before: digest(before.as_bytes())[..16].to_owned(),
        at: prefix,
        delete: before.len() - suffix - prefix,
        insert: after[prefix..after.len() - suffix].to_owned(),
    }
}

/// The journal entries that record `edit`'s effect on `session`, read after it was applied
/// (forwards or backwards), as absolute values.
pub fn entries_for(edit: &Edit, forward: bool, session: &Session) -> Vec<Entry> {
    match edit {
        Edit::Score { node, column, .. } => vec![Entry::Score {
            node: node.clone(),
            group: match column {
                Column::Group(g) => match session.groups.get(*g) {
                    Some(name) => Some(name.clone()),
                    None => return Vec::new(),
                },
                Column::Agreed => None,
            },
            score: session.score(node, *column),
        }],
        Edit::Notes {
            node,
            before,
            after,
        } => {
            let (from, to) = if forward {
                (before, after)
            } else {
                (after, before)
            };
            vec![notes_entry(node, from, to)]
        }
        Edit::Actions { node, .. } => vec![Entry::Actions {
            node: node.clone(),
            actions: session.actions(node).to_vec(),
        }],
        Edit::RenameGroup { before, after, .. } => {
            let (from, to) = if forward {
                (before, after)
            } else {
                (after, before)
            };
            vec![Entry::RenameGroup {
                from: from.clone(),
                to: to.clone(),
            }]
        }
        Edit::AddGroup { name } => vec![if forward {
            Entry::AddGroup { name: name.clone() }
        } else {
            Entry::RemoveGroup { name: name.clone() }
        }],
        Edit::Meta { field, .. } => vec![Entry::Meta {
            field: *field,
            value: field.value(session).to_owned(),
        }],
        Edit::Room { .. } => vec![Entry::Room(session.room)],
        Edit::Agenda { .. } => vec![Entry::Agenda(session.agenda.clone())],
        Edit::Findings { node, .. } => vec![Entry::Findings {
            node: node.clone(),
            findings: session.findings(node.as_deref()).clone(),
        }],
        Edit::RemoveGroup {
            index,
            name,
            scores,
        } => {
            if forward {
                vec![Entry::RemoveGroup { name: name.clone() }]
            } else {
                let mut entries = vec![Entry::InsertGroup {
                    index: *index,
                    name: name.clone(),
                }];
                entries.extend(scores.iter().map(|(node, score)| Entry::Score {
                    node: node.clone(),
                    group: Some(name.clone()),
                    score: Some(*score),
                }));
                entries
            }
        }
        Edit::MoveGroup { from, to } => {
            let to = if forward { *to } else { *from };
            session
                .groups
                .get(to)
                .map(|name| Entry::MoveGroup {
                    name: name.clone(),
                    to,
                })
                .into_iter()
                .collect()
        }
    }
}

/// Applies one entry to a session. Entries that no longer fit (a score for a group that is
/// gone) are skipped: replay must never fail half-way.
pub fn apply(session: &mut Session, entry: &Entry) {
    match entry {
        Entry::Score { node, group, score } => {
            let column = match group {
                None => Some(Column::Agreed),
                Some(g) => session
                    .groups
                    .iter()
                    .position(|x| x == g)
                    .map(Column::Group),
            };
            if let Some(column) = column {
                session.set_score(node, column, *score);
            }
        }
        Entry::Notes { node, text } => {
            session.set_notes(node, text.clone());
        }
        Entry::NotesSplice {
            node,
            before,
            at,
            delete,
            insert,
        } => {
            let notes = session.notes(node);
            let end = at.saturating_add(*delete);
            if digest(notes.as_bytes())[..16] == *before
                && end <= notes.len()
                && notes.is_char_boundary(*at)
                && notes.is_char_boundary(end)
            {
                let mut text = String::with_capacity(notes.len() + insert.len());
                text.push_str(&notes[..*at]);
                text.push_str(insert);
                text.push_str(&notes[end..]);
                session.set_notes(node, text);
            }
        }
        Entry::Actions { node, actions } => {
            session.set_actions(node, actions.clone());
        }
        Entry::RenameGroup { from, to } => {
            if let Some(i) = session.groups.iter().position(|g| g == from) {
                let _ = session.rename_group(i, to);
            }
        }
        Entry::AddGroup { name } => {
            let _ = session.add_group(name);
        }
        Entry::RemoveGroup { name } => {
            if let Some(i) = session.groups.iter().position(|g| g == name) {
                session.remove_group(i);
            }
        }
        Entry::InsertGroup { index, name } => session.insert_group(*index, name),
        Entry::MoveGroup { name, to } => {
            if let Some(from) = session.groups.iter().position(|g| g == name) {
                session.move_group(from, *to);
            }
        }
        Entry::Room(room) => session.room = *room,
        Entry::Tokens(tokens) => session.tokens.clone_from(tokens),
        Entry::Agenda(agenda) => session.agenda.clone_from(agenda),
        Entry::Findings { node, findings } => {
            session.set_findings(node.as_deref(), findings.clone());
        }
        Entry::Meta { field, value } => field.set(session, value.clone()),
        Entry::Draft(_) | Entry::Fold { .. } => {}
    }
}

/// The outcome of replaying records over a session.
#[derive(Debug, Default)]
pub struct Replayed {
    /// Edits applied (drafts and folds not counted).
    pub edits: usize,
    /// The form that was being typed when the journal ends, if any.
    pub draft: Option<Draft>,
}

/// The form text the records leave open: the last draft entry, unless a later one closed it.
pub fn last_draft(records: &[Record]) -> Option<Draft> {
    records
        .iter()
        .flat_map(|r| &r.entries)
        .filter_map(|e| match e {
            Entry::Draft(d) => Some(d),
            _ => None,
        })
        .next_back()
        .cloned()
        .flatten()
}

/// Replays `records` over `session` in order.
pub fn replay(session: &mut Session, records: &[Record]) -> Replayed {
    let mut out = Replayed::default();
    for r in records {
        for e in &r.entries {
            match e {
                Entry::Draft(d) => out.draft.clone_from(d),
                Entry::Fold { .. } => {}
                other => {
                    apply(session, other);
                    out.edits += 1;
                }
            }
        }
        if let Some(sel) = &r.selected {
            session.selected = Some(sel.clone());
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_long_note_is_journalled_as_a_splice_that_replays_exactly() {
        let node = "1.1";
        let before = format!("{}é tail", "a".repeat(5000));
        let after = format!("{}éX tail", "a".repeat(5000));
        let entry = notes_entry(node, &before, &after);
        assert!(matches!(&entry, Entry::NotesSplice { insert, .. } if insert == "X"));
        let fw = crate::framework::resolve(None).unwrap();
        let mut s = Session::new(&fw, vec!["Red".into()], "2026-01-01".into());
        s.set_notes(node, before.clone());
        apply(&mut s, &entry);
        assert_eq!(s.notes(node), after);
        // Replayed again over the changed note, it does nothing.
        apply(&mut s, &entry);
        assert_eq!(s.notes(node), after);
    }
}
