//! What a group may be called. To the room, to a report and to a spreadsheet, "Red", "red"
//! and " RED " are one column, so names are compared without case or surrounding spaces; and
//! "Agreed" is the room's own column, never a group.

/// Two names are one group when they are the same once trimmed and lower-cased.
pub(crate) fn same(a: &str, b: &str) -> bool {
    a.trim().to_lowercase() == b.trim().to_lowercase()
}

/// Whether `name` is the agreed column's, in any case.
pub(crate) fn is_agreed(name: &str) -> bool {
    name.trim().eq_ignore_ascii_case("agreed")
}

/// Why the group at `index` cannot be kept beside the groups before it, in words for a
/// message about a file, or `None` when it can.
pub(crate) fn problem(groups: &[String], index: usize) -> Option<String> {
    let name = groups.get(index)?;
    if name.trim().is_empty() {
        return Some(format!("group {} has no name", index + 1));
    }
    if is_agreed(name) {
        return Some(format!(
            "a group cannot be called \"{name}\": Agreed is the room's own column; rename the group"
        ));
    }
    let earlier = groups[..index].iter().find(|g| same(g, name))?;
    Some(if earlier == name {
        format!("group \"{name}\" is listed twice")
    } else {
        format!(
            "groups \"{earlier}\" and \"{name}\" differ only in case or spaces, so they would be one group; rename one of them, or move its scores to the other"
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(list: &[&str]) -> Vec<String> {
        list.iter().map(|s| (*s).to_owned()).collect()
    }

    #[test]
    fn case_and_surrounding_spaces_do_not_make_another_group() {
        assert!(same("Red", " rED "));
        assert!(same("Équipe", "ÉQUIPE"));
        assert!(!same("Red", "Re d"));
        let groups = names(&["Red", "Blue", "red"]);
        assert_eq!(problem(&groups, 0), None);
        assert_eq!(problem(&groups, 1), None);
        assert!(problem(&groups, 2).is_some_and(|m| m.contains("\"Red\" and \"red\"")));
        assert!(problem(&names(&["A", "A"]), 1).is_some_and(|m| m.contains("listed twice")));
    }

    #[test]
    fn agreed_and_blank_names_are_refused() {
        for bad in ["Agreed", "AGREED", " agreed", "", "  "] {
            assert!(problem(&names(&["Red", bad]), 1).is_some(), "{bad:?}");
        }
        assert!(problem(&names(&["Agreed on"]), 0).is_none());
    }
}
