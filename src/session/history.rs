//! Every change to a session as a reversible edit, and the undo/redo stacks over them.

use super::model::{ActionItem, Column, Findings, RoomSettings, Score, Session};

/// Which descriptive field of a session.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum MetaField {
    Title,
    Organisation,
    Facilitator,
    /// A part of the report's frame.
    Frame(super::frame::FramePart),
}

impl MetaField {
    pub fn label(self) -> &'static str {
        match self {
            MetaField::Title => "Title",
            MetaField::Organisation => "Organisation",
            MetaField::Facilitator => "Facilitator",
            MetaField::Frame(p) => p.heading(),
        }
    }

    /// The field's value in `session`.
    pub fn value(self, session: &Session) -> &str {
        match self {
            MetaField::Title => &session.title,
            MetaField::Organisation => &session.organisation,
            MetaField::Facilitator => &session.facilitator,
            MetaField::Frame(p) => session.frame.get(p),
        }
    }

    /// Sets the field (only through an edit or a journal replay).
    pub(crate) fn set(self, session: &mut Session, value: String) {
        *self.slot(session) = value;
    }

    fn slot(self, session: &mut Session) -> &mut String {
        match self {
            MetaField::Title => &mut session.title,
            MetaField::Organisation => &mut session.organisation,
            MetaField::Facilitator => &mut session.facilitator,
            MetaField::Frame(p) => session.frame.slot(p),
        }
    }
}

/// One change, holding both sides so it can be undone and redone.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Edit {
    Score {
        node: String,
        column: Column,
        before: Option<Score>,
        after: Option<Score>,
    },
    Notes {
        node: String,
        before: String,
        after: String,
    },
    Actions {
        node: String,
        before: Vec<ActionItem>,
        after: Vec<ActionItem>,
    },
    RenameGroup {
        index: usize,
        before: String,
        after: String,
    },
    AddGroup {
        name: String,
    },
    Meta {
        field: MetaField,
        before: String,
        after: String,
    },
    /// How the room works: the grid, fast entry, the disagreement spread.
    Room {
        before: RoomSettings,
        after: RoomSettings,
    },
    /// A group removed, with every score it had, so undo brings them back.
    RemoveGroup {
        index: usize,
        name: String,
        scores: Vec<(String, Score)>,
    },
    /// A group moved from one position to another.
    MoveGroup {
        from: usize,
        to: usize,
    },
    /// The day's plan set, changed or its time spent recorded.
    Agenda {
        before: Option<super::agenda::Agenda>,
        after: Option<super::agenda::Agenda>,
    },
    /// Findings on a node, or the session's conclusions (`node: None`).
    Findings {
        node: Option<String>,
        before: Findings,
        after: Findings,
    },
}

impl Edit {
    /// The node an edit touched, so undo can show the room what changed back.
    pub fn node(&self) -> Option<&str> {
        match self {
            Edit::Score { node, .. } | Edit::Notes { node, .. } | Edit::Actions { node, .. } => {
                Some(node)
            }
            Edit::Findings { node, .. } => node.as_deref(),
            _ => None,
        }
    }

    /// The edit as it applies now. A plan change holds the whole plan, time spent included,
    /// but the time spent goes on being recorded after it: undone or redone, it changes the
    /// plan (start, end, breaks, minutes) and carries the time spent as it is now. With no
    /// plan now (it was removed, or its setting undone), the time the edit holds is the
    /// latest there is, since none is recorded without a plan.
    fn rebased(mut self, session: &Session) -> Edit {
        if let (Edit::Agenda { before, after }, Some(now)) = (&mut self, &session.agenda) {
            for side in [before, after].into_iter().flatten() {
                side.spent.clone_from(&now.spent);
            }
        }
        self
    }

    fn apply(&self, session: &mut Session, forward: bool) {
        let pick = |a: &String, b: &String| if forward { b.clone() } else { a.clone() };
        match self {
            Edit::Score {
                node,
                column,
                before,
                after,
            } => {
                session.set_score(node, *column, if forward { *after } else { *before });
            }
            Edit::Notes {
                node,
                before,
                after,
            } => {
                session.set_notes(node, pick(before, after));
            }
            Edit::Actions {
                node,
                before,
                after,
            } => {
                session.set_actions(
                    node,
                    if forward {
                        after.clone()
                    } else {
                        before.clone()
                    },
                );
            }
            Edit::RenameGroup {
                index,
                before,
                after,
            } => {
                // Both names were valid when the edit was made, so the rename cannot fail.
                let _ = session.rename_group(*index, &pick(before, after));
            }
            Edit::AddGroup { name } => {
                if forward {
                    let _ = session.add_group(name);
                } else {
                    session.remove_last_group();
                }
            }
            Edit::Meta {
                field,
                before,
                after,
            } => *field.slot(session) = pick(before, after),
            Edit::Room { before, after } => session.room = if forward { *after } else { *before },
            Edit::RemoveGroup {
                index,
                name,
                scores,
            } => {
                if forward {
                    session.remove_group(*index);
                } else {
                    session.insert_group(*index, name);
                    if let Some(g) = session.groups.iter().position(|x| x == name) {
                        for (node, score) in scores {
                            session.set_score(node, Column::Group(g), Some(*score));
                        }
                    }
                }
            }
            Edit::MoveGroup { from, to } => {
                let (a, b) = if forward { (*from, *to) } else { (*to, *from) };
                session.move_group(a, b);
            }
            Edit::Agenda { before, after } => {
                session.agenda = if forward {
                    after.clone()
                } else {
                    before.clone()
                };
            }
            Edit::Findings {
                node,
                before,
                after,
            } => {
                let value = if forward {
                    after.clone()
                } else {
                    before.clone()
                };
                session.set_findings(node.as_deref(), value);
            }
        }
    }
}

/// Undo and redo stacks. A new edit clears the redo stack, as in every editor.
///
/// Every edit applied (forwards, undone or redone) is also kept in `applied` until the
/// journal takes it, so each one is written to disk whichever way it was made.
#[derive(Debug, Default, Clone)]
pub struct History {
    undo: Vec<Edit>,
    redo: Vec<Edit>,
    applied: Vec<(Edit, bool)>,
}

impl History {
    /// Applies `edit` to `session` and records it. An edit that changes nothing is dropped.
    pub fn apply(&mut self, session: &mut Session, edit: Edit) -> bool {
        if is_noop(&edit) {
            return false;
        }
        edit.apply(session, true);
        self.applied.push((edit.clone(), true));
        self.undo.push(edit);
        self.redo.clear();
        true
    }

    /// Applies `edit` as text is typed: on disk at once (through the journal) but not an undo
    /// step of its own; [`History::record`] makes the step when the editor closes.
    pub fn apply_live(&mut self, session: &mut Session, edit: Edit) {
        if !is_noop(&edit) {
            edit.apply(session, true);
            self.applied.push((edit, true));
        }
    }

    /// Records an edit whose effect is already in the session (notes typed live).
    pub fn record(&mut self, edit: Edit) {
        if !is_noop(&edit) {
            self.undo.push(edit);
            self.redo.clear();
        }
    }

    pub fn undo(&mut self, session: &mut Session) -> Option<&Edit> {
        let edit = self.undo.pop()?.rebased(session);
        edit.apply(session, false);
        self.applied.push((edit.clone(), false));
        self.redo.push(edit);
        self.redo.last()
    }

    pub fn redo(&mut self, session: &mut Session) -> Option<&Edit> {
        let edit = self.redo.pop()?.rebased(session);
        edit.apply(session, true);
        self.applied.push((edit.clone(), true));
        self.undo.push(edit);
        self.undo.last()
    }

    /// The edits applied since the last call, with their direction (`true` forwards), oldest
    /// first, for the journal.
    pub fn take_applied(&mut self) -> Vec<(Edit, bool)> {
        std::mem::take(&mut self.applied)
    }
}

fn is_noop(edit: &Edit) -> bool {
    match edit {
        Edit::Score { before, after, .. } => before == after,
        Edit::Notes { before, after, .. }
        | Edit::RenameGroup { before, after, .. }
        | Edit::Meta { before, after, .. } => before == after,
        Edit::Actions { before, after, .. } => before == after,
        Edit::Room { before, after } => before == after,
        Edit::Agenda { before, after } => before == after,
        Edit::Findings { before, after, .. } => before == after,
        Edit::MoveGroup { from, to } => from == to,
        Edit::AddGroup { .. } | Edit::RemoveGroup { .. } => false,
    }
}
