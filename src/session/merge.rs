//! Merging reviewers' sessions into one: groups matched by name, scores united, conflicts
//! listed (or settled by `--prefer`), notes from different files all kept with their source,
//! actions united. Inputs are never changed.

use std::fmt;

use super::model::{Column, Score, Session};

/// Which file wins where the same group scored the same statement differently.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Prefer {
    First,
    Last,
}

/// The same group (or the agreed column) scored one statement differently in two files.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Conflict {
    pub id: String,
    /// The group's name, or "agreed".
    pub column: String,
    /// Each file's value, in input order: (file, value).
    pub values: Vec<(String, Option<Score>)>,
}

impl fmt::Display for Conflict {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let values: Vec<String> = self
            .values
            .iter()
            .map(|(file, v)| format!("{file}: {}", super::summary::format_score(*v)))
            .collect();
        write!(f, "{} {}: {}", self.id, self.column, values.join(", "))
    }
}

#[derive(Debug, thiserror::Error)]
pub enum MergeError {
    #[error("nothing to merge: give at least two session files")]
    TooFew,
    #[error(
        "{file} scores a different framework ({found}) from {first_file} ({expected}); sessions of different frameworks cannot be merged"
    )]
    DifferentFrameworks {
        first_file: String,
        expected: String,
        file: String,
        found: String,
    },
    #[error("{} conflicting scores; nothing was written. Settle them, or merge with --prefer first|last:\n{}", .0.len(), .0.iter().map(|c| format!("  {c}")).collect::<Vec<_>>().join("\n"))]
    Conflicts(Vec<Conflict>),
}

fn framework_label(s: &Session) -> String {
    format!(
        "{} {}, digest {}",
        s.framework.id, s.framework.edition, s.framework.digest
    )
}

/// Merges `inputs` (file name, session), in order. The first session gives the title and
/// other details where later ones leave them empty.
pub fn merge(inputs: &[(String, Session)], prefer: Option<Prefer>) -> Result<Session, MergeError> {
    let [(first_file, first), ..] = inputs else {
        return Err(MergeError::TooFew);
    };
    if inputs.len() < 2 {
        return Err(MergeError::TooFew);
    }
    for (file, s) in &inputs[1..] {
        if s.framework.id != first.framework.id || s.framework.digest != first.framework.digest {
            return Err(MergeError::DifferentFrameworks {
                first_file: first_file.clone(),
                expected: framework_label(first),
                file: file.clone(),
                found: framework_label(s),
            });
        }
    }
    let mut out = first.clone();
    out.nodes.clear();
    for (_, s) in &inputs[1..] {
        for (slot, value) in [
            (&mut out.title, &s.title),
            (&mut out.organisation, &s.organisation),
            (&mut out.facilitator, &s.facilitator),
            (&mut out.date, &s.date),
        ] {
            if slot.is_empty() {
                slot.clone_from(value);
            }
        }
        for g in &s.groups {
            if !out.groups.contains(g) {
                out.groups.push(g.clone());
            }
        }
    }

    let mut ids: Vec<&String> = inputs.iter().flat_map(|(_, s)| s.nodes.keys()).collect();
    ids.sort();
    ids.dedup();
    let mut conflicts = Vec::new();
    for id in ids {
        merge_scores(inputs, id, prefer, &mut out, &mut conflicts);
        out.set_notes(id, merged_notes(inputs, id));
        let mut actions = Vec::new();
        for (_, s) in inputs {
            for a in s.actions(id) {
                if !actions.contains(a) {
                    actions.push(a.clone());
                }
            }
        }
        out.set_actions(id, actions);
        // Findings are one facilitator's write-up: the first file that has them gives them.
        if let Some(f) = inputs
            .iter()
            .map(|(_, s)| s.findings(Some(id)))
            .find(|f| !f.is_empty())
        {
            out.set_findings(Some(id), f.clone());
        }
    }
    if conflicts.is_empty() {
        Ok(out)
    } else {
        Err(MergeError::Conflicts(conflicts))
    }
}

/// Every column's score for one statement: agreed values pass, different ones are settled by
/// `prefer` or recorded as conflicts.
fn merge_scores(
    inputs: &[(String, Session)],
    id: &str,
    prefer: Option<Prefer>,
    out: &mut Session,
    conflicts: &mut Vec<Conflict>,
) {
    let columns: Vec<(String, Column)> = out
        .groups
        .iter()
        .map(|g| (g.clone(), Column::Group(0)))
        .chain(std::iter::once(("agreed".to_owned(), Column::Agreed)))
        .collect();
    for (name, kind) in columns {
        let values: Vec<(String, Option<Score>)> = inputs
            .iter()
            .map(|(file, s)| {
                let v = match kind {
                    Column::Agreed => s.score(id, Column::Agreed),
                    Column::Group(_) => s
                        .groups
                        .iter()
                        .position(|g| *g == name)
                        .and_then(|g| s.score(id, Column::Group(g))),
                };
                (file.clone(), v)
            })
            .collect();
        let given: Vec<&(String, Option<Score>)> =
            values.iter().filter(|(_, v)| v.is_some()).collect();
        let Some(first_given) = given.first() else {
            continue;
        };
        let agree = given.iter().all(|(_, v)| *v == first_given.1);
        let chosen = match (agree, prefer) {
            (true, _) | (false, Some(Prefer::First)) => first_given.1,
            (false, Some(Prefer::Last)) => given.last().and_then(|(_, v)| *v),
            (false, None) => {
                conflicts.push(Conflict {
                    id: id.to_owned(),
                    column: name.clone(),
                    values: given.iter().map(|(f, v)| (f.clone(), *v)).collect(),
                });
                continue;
            }
        };
        let column = match kind {
            Column::Agreed => Column::Agreed,
            Column::Group(_) => {
                Column::Group(out.groups.iter().position(|g| *g == name).unwrap_or(0))
            }
        };
        out.set_score(id, column, chosen);
    }
}

/// One file's notes as they are; notes from several files each under their source's name.
fn merged_notes(inputs: &[(String, Session)], id: &str) -> String {
    let mut distinct: Vec<(&str, &str)> = Vec::new();
    for (file, s) in inputs {
        let notes = s.notes(id);
        if !notes.is_empty() && !distinct.iter().any(|(_, n)| *n == notes) {
            distinct.push((file, notes));
        }
    }
    match distinct.as_slice() {
        [] => String::new(),
        [(_, only)] => (*only).to_owned(),
        many => many
            .iter()
            .map(|(file, notes)| format!("[{file}] {notes}"))
            .collect::<Vec<_>>()
            .join("\n\n"),
    }
}
