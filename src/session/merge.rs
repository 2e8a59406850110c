//! Merging reviewers' sessions into one: groups matched by name whatever its case (the first
//! spelling met is kept), scores united, conflicts listed (or settled by `--prefer`, each one
//! reported with the value dropped), notes from different files all kept with their source,
//! actions united. Inputs are never changed.

use std::fmt;

use super::group_names;
use super::model::{Column, Score, Session};

/// Which file wins where the same group scored the same statement differently. (The command
/// line's `--prefer first|last` is `cli::PreferArg`, mapped onto this.)
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
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

/// A conflict `--prefer` settled: the value kept, and every different value dropped.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Settled {
    pub id: String,
    /// The group's name, or "agreed".
    pub column: String,
    /// (file, value) kept.
    pub kept: (String, Option<Score>),
    /// (file, value) for each file whose value differs from the one kept, in input order.
    pub dropped: Vec<(String, Option<Score>)>,
}

impl fmt::Display for Settled {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let value = |(file, v): &(String, Option<Score>)| {
            format!("{} ({file})", super::summary::format_score(*v))
        };
        let dropped: Vec<String> = self.dropped.iter().map(value).collect();
        write!(
            f,
            "{} {}: kept {}, dropped {}",
            self.id,
            self.column,
            value(&self.kept),
            dropped.join(", ")
        )
    }
}

/// A group one file spells differently from an earlier one ("red" and "Red"): one group,
/// under the earlier spelling.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Joined {
    pub file: String,
    pub spelled: String,
    pub kept_from: String,
    pub kept: String,
}

impl fmt::Display for Joined {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "\"{}\" in {} is the group \"{}\" of {} (names differing only in case are one group)",
            self.spelled, self.file, self.kept, self.kept_from
        )
    }
}

/// A merge's result and what the person merging should be told about it.
#[derive(Debug, Clone)]
pub struct Merged {
    pub session: Session,
    /// Groups joined across spellings.
    pub joined: Vec<Joined>,
    /// Conflicts settled by `--prefer`, by statement then column.
    pub settled: Vec<Settled>,
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
    #[error("{}", conflicts_message(.0))]
    Conflicts(Vec<Conflict>),
}

/// The conflicts as told to the person merging, in the singular for one.
fn conflicts_message(conflicts: &[Conflict]) -> String {
    let (n, what) = match conflicts.len() {
        1 => (1, "score; nothing was written. Settle it"),
        n => (n, "scores; nothing was written. Settle them"),
    };
    let list: Vec<String> = conflicts.iter().map(|c| format!("  {c}")).collect();
    format!(
        "{n} conflicting {what}, or merge with --prefer first|last:\n{}",
        list.join("\n")
    )
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
    merge_reported(inputs, prefer).map(|m| m.session)
}

/// [`merge`], with the groups joined across spellings and the conflicts settled.
pub fn merge_reported(
    inputs: &[(String, Session)],
    prefer: Option<Prefer>,
) -> Result<Merged, MergeError> {
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
    // Which file each of the output's groups was first spelled in.
    let mut spelled_in: Vec<&String> = out.groups.iter().map(|_| first_file).collect();
    let mut joined = Vec::new();
    for (file, s) in &inputs[1..] {
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
            match out.groups.iter().position(|o| group_names::same(o, g)) {
                Some(i) if out.groups[i] != *g => joined.push(Joined {
                    file: file.clone(),
                    spelled: g.clone(),
                    kept_from: spelled_in[i].clone(),
                    kept: out.groups[i].clone(),
                }),
                Some(_) => {}
                None => {
                    out.groups.push(g.clone());
                    spelled_in.push(file);
                }
            }
        }
    }

    let mut ids: Vec<&str> = inputs.iter().flat_map(|(_, s)| s.nodes.keys()).collect();
    ids.sort_unstable();
    ids.dedup();
    let mut conflicts = Vec::new();
    let mut settled = Vec::new();
    for id in ids {
        merge_scores(inputs, id, prefer, &mut out, &mut conflicts, &mut settled);
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
        Ok(Merged {
            session: out,
            joined,
            settled,
        })
    } else {
        Err(MergeError::Conflicts(conflicts))
    }
}

/// Every column's score for one statement: agreed values pass, different ones are settled by
/// `prefer` (and listed in `settled`) or recorded as conflicts. A group is found in each file
/// whatever the case it is spelled in there.
fn merge_scores(
    inputs: &[(String, Session)],
    id: &str,
    prefer: Option<Prefer>,
    out: &mut Session,
    conflicts: &mut Vec<Conflict>,
    settled: &mut Vec<Settled>,
) {
    let columns: Vec<(String, Column)> = out
        .groups
        .iter()
        .enumerate()
        .map(|(i, g)| (g.clone(), Column::Group(i)))
        .chain(std::iter::once(("agreed".to_owned(), Column::Agreed)))
        .collect();
    for (name, column) in columns {
        let values: Vec<(String, Option<Score>)> = inputs
            .iter()
            .map(|(file, s)| {
                let v = match column {
                    Column::Agreed => s.score(id, Column::Agreed),
                    Column::Group(_) => s
                        .groups
                        .iter()
                        .position(|g| group_names::same(g, &name))
                        .and_then(|g| s.score(id, Column::Group(g))),
                };
                (file.clone(), v)
            })
            .collect();
        let given: Vec<&(String, Option<Score>)> =
            values.iter().filter(|(_, v)| v.is_some()).collect();
        let Some(&first_given) = given.first() else {
            continue;
        };
        if given.iter().all(|(_, v)| *v == first_given.1) {
            out.set_score(id, column, first_given.1);
            continue;
        }
        let kept = match prefer {
            Some(Prefer::First) => first_given,
            Some(Prefer::Last) => given.last().copied().unwrap_or(first_given),
            None => {
                conflicts.push(Conflict {
                    id: id.to_owned(),
                    column: name,
                    values: given.iter().map(|&(f, v)| (f.clone(), *v)).collect(),
                });
                continue;
            }
        };
        settled.push(Settled {
            id: id.to_owned(),
            column: name,
            kept: kept.clone(),
            dropped: given
                .iter()
                .filter(|(_, v)| *v != kept.1)
                .map(|&(f, v)| (f.clone(), *v))
                .collect(),
        });
        out.set_score(id, column, kept.1);
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_conflict_is_said_in_the_singular() {
        let one = Conflict {
            id: "1.1".into(),
            column: "Red".into(),
            values: vec![
                ("a.ron".into(), Some(Score::Level(3))),
                ("b.ron".into(), Some(Score::Level(4))),
            ],
        };
        let said = MergeError::Conflicts(vec![one.clone()]).to_string();
        assert!(
            said.starts_with("1 conflicting score; nothing was written. Settle it, or merge"),
            "{said}"
        );
        assert!(said.ends_with("\n  1.1 Red: a.ron: 3, b.ron: 4"), "{said}");
        let said = MergeError::Conflicts(vec![one.clone(), one]).to_string();
        assert!(said.starts_with("2 conflicting scores; nothing was written. Settle them"));
    }
}
