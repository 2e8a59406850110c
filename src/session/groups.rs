//! The session's breakout groups: adding, renaming, removing and ordering them, each name
//! checked so no path (a key, undo, a journal replayed) makes two columns of one name.

use super::group_names;
use super::model::{Score, Session};

/// Why a name cannot be a group's, in words for the form that asked.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum GroupNameError {
    #[error("a group needs a name")]
    Empty,
    #[error("\"Agreed\" is the room's own column; choose another name")]
    Agreed,
    #[error("there is already a group called \"{0}\"")]
    Taken(String),
    /// The group to rename (counted from 0) is not there.
    #[error("there is no group {}", .0 + 1)]
    NoSuchGroup(usize),
}

impl Session {
    /// A group name as it would be kept: trimmed, and refused (with the reason) when it is
    /// empty, "Agreed" (the name of the room's column), or taken by another group, ignoring
    /// case, since "Red" and "red" would be the same column to the room and to a spreadsheet.
    /// `index` is the group being renamed, `None` for a new one.
    pub(crate) fn check_group_name(
        &self,
        index: Option<usize>,
        name: &str,
    ) -> Result<String, GroupNameError> {
        let name = name.trim();
        if name.is_empty() {
            return Err(GroupNameError::Empty);
        }
        if group_names::is_agreed(name) {
            return Err(GroupNameError::Agreed);
        }
        let taken = self
            .groups
            .iter()
            .enumerate()
            .any(|(i, g)| Some(i) != index && group_names::same(g, name));
        if taken {
            return Err(GroupNameError::Taken(name.to_owned()));
        }
        Ok(name.to_owned())
    }

    /// Renames a group everywhere its scores are kept. Refuses what [`Self::check_group_name`]
    /// refuses, so no path (a key, undo, a journal replayed) makes two columns of one name;
    /// changing the case of the group's own name is a rename like any other.
    pub(crate) fn rename_group(
        &mut self,
        index: usize,
        name: &str,
    ) -> Result<String, GroupNameError> {
        let Some(old) = self.groups.get(index).cloned() else {
            return Err(GroupNameError::NoSuchGroup(index));
        };
        let name = self.check_group_name(Some(index), name)?;
        if old == name {
            return Ok(old);
        }
        for rec in self.nodes.values_mut_where(|r| r.scores.contains_key(&old)) {
            if let Some(s) = rec.scores.remove(&old) {
                rec.scores.insert(name.clone(), s);
            }
        }
        self.groups[index] = name;
        Ok(old)
    }

    /// Adds a group at the end. Refuses what [`Self::check_group_name`] refuses.
    pub(crate) fn add_group(&mut self, name: &str) -> Result<(), GroupNameError> {
        let name = self.check_group_name(None, name)?;
        self.groups.push(name);
        Ok(())
    }

    /// Removes a group and every score it gave.
    pub(crate) fn remove_group(&mut self, index: usize) {
        if index >= self.groups.len() || self.groups.len() < 2 {
            return;
        }
        let name = self.groups.remove(index);
        for rec in self
            .nodes
            .values_mut_where(|r| r.scores.contains_key(&name))
        {
            rec.scores.remove(&name);
        }
        self.nodes.retain(|_, r| !r.is_empty());
    }

    /// Puts a group back at `index` (to undo its removal); its scores are set after.
    /// Does nothing when the name is taken, in any case.
    pub(crate) fn insert_group(&mut self, index: usize, name: &str) {
        if self.check_group_name(None, name).is_ok() {
            self.groups
                .insert(index.min(self.groups.len()), name.to_owned());
        }
    }

    /// Moves a group to another position (its scores are kept by name).
    pub(crate) fn move_group(&mut self, from: usize, to: usize) {
        if from < self.groups.len() && to < self.groups.len() {
            let g = self.groups.remove(from);
            self.groups.insert(to, g);
        }
    }

    /// Every score a group gave, by node: what removing it would lose.
    pub fn scores_of_group(&self, index: usize) -> Vec<(String, Score)> {
        let Some(name) = self.groups.get(index) else {
            return Vec::new();
        };
        self.nodes
            .iter()
            .filter_map(|(id, r)| r.scores.get(name).map(|s| (id.to_owned(), *s)))
            .collect()
    }

    /// Removes the last group, which must have no scores (only used to undo an add).
    pub(crate) fn remove_last_group(&mut self) {
        if let Some(name) = self.groups.pop() {
            for rec in self
                .nodes
                .values_mut_where(|r| r.scores.contains_key(&name))
            {
                rec.scores.remove(&name);
            }
            self.nodes.retain(|_, r| !r.is_empty());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_refused_name_says_why_in_the_words_the_form_shows() {
        let fw = crate::framework::resolve(None).unwrap();
        let mut s = Session::new(&fw, vec!["Red".into(), "Blue".into()], "2026-01-01".into());
        let words = |r: Result<String, GroupNameError>| r.unwrap_err().to_string();
        assert_eq!(
            words(s.check_group_name(None, "  ")),
            "a group needs a name"
        );
        assert_eq!(
            words(s.check_group_name(None, "agreed")),
            "\"Agreed\" is the room's own column; choose another name"
        );
        assert_eq!(
            words(s.check_group_name(Some(1), " red ")),
            "there is already a group called \"red\""
        );
        assert_eq!(s.check_group_name(Some(0), "RED"), Ok("RED".to_owned()));
        assert_eq!(
            s.add_group("blue"),
            Err(GroupNameError::Taken("blue".into()))
        );
        assert_eq!(
            s.rename_group(5, "Green"),
            Err(GroupNameError::NoSuchGroup(5))
        );
        assert_eq!(
            GroupNameError::NoSuchGroup(5).to_string(),
            "there is no group 6"
        );
        assert_eq!(s.groups, ["Red", "Blue"], "nothing refused was kept");
    }
}
