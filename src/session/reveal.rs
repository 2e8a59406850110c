//! The round on one statement in room mode: which statement is open to the room, whether its
//! scores have been revealed, and who has scored it. In room mode the projector shows who has
//! scored, not what, so the groups still to report are not anchored by the others; the
//! facilitator reveals when everyone is in. The scores themselves stay in the session (and its
//! journal): a round only decides what the room may see. A vote from anywhere (a key, a device
//! on the LAN) is a score in the session, so [`Round::has_scored`] and [`Round::waiting`] see it
//! at once; the app holds one `Round` (`App::round`), opened on each statement selected.

use super::model::{Column, Score, Session};

/// The round on the statement open to the room.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Round {
    /// The statement (node id) open to the room, if any.
    statement: Option<String>,
    /// Whether the room has been shown the scores of `statement`.
    revealed: bool,
}

impl Round {
    /// Opens `id` to the room. Another statement starts hidden; the one already open keeps
    /// its state, so coming back to it after a look elsewhere does not hide it again.
    /// Returns whether the open statement changed.
    pub fn open(&mut self, id: &str) -> bool {
        if self.statement.as_deref() == Some(id) {
            return false;
        }
        self.statement = Some(id.to_owned());
        self.revealed = false;
        true
    }

    /// The statement open to the room.
    pub fn statement(&self) -> Option<&str> {
        self.statement.as_deref()
    }

    /// Whether the room has been shown the open statement's scores.
    pub fn revealed(&self) -> bool {
        self.revealed
    }

    /// Shows the room the open statement's scores.
    pub fn reveal(&mut self) {
        self.revealed = true;
    }

    /// Hides them again (a reveal pressed too early).
    pub fn hide(&mut self) {
        self.revealed = false;
    }

    /// Whether the scores are hidden from the room now: room mode is on, the facilitator has
    /// not revealed them, and the room has not yet agreed (a settled statement, come back to,
    /// is no secret). Outside room mode nothing is hidden.
    pub fn hides(&self, session: &Session) -> bool {
        session.room.reveal && !self.revealed && self.agreed(session).is_none()
    }

    /// Whether the facilitator's own screen hides the group scores on statement `id` now: the
    /// open statement, not yet revealed, when they chose to hide their grid too.
    pub fn hides_from_facilitator(&self, session: &Session, id: &str) -> bool {
        session.room.hide_in_grid && self.hides(session) && self.statement.as_deref() == Some(id)
    }

    /// Whether `group` (by name) has given the open statement a score (a level or n/a).
    pub fn has_scored(&self, session: &Session, group: &str) -> bool {
        self.score_of(session, group).is_some()
    }

    /// The score `group` gave the open statement.
    fn score_of(&self, session: &Session, group: &str) -> Option<Score> {
        let id = self.statement.as_deref()?;
        let g = session.groups.iter().position(|n| n == group)?;
        session.score(id, Column::Group(g))
    }

    /// The groups, in column order, that have not yet scored the open statement.
    pub fn waiting<'a>(&self, session: &'a Session) -> Vec<&'a str> {
        session
            .groups
            .iter()
            .filter(|g| !self.has_scored(session, g))
            .map(String::as_str)
            .collect()
    }

    /// Whether every group has scored the open statement.
    pub fn all_in(&self, session: &Session) -> bool {
        self.statement.is_some() && self.waiting(session).is_empty()
    }

    /// The agreed score of the open statement, once given.
    pub fn agreed(&self, session: &Session) -> Option<Score> {
        session.score(self.statement.as_deref()?, Column::Agreed)
    }
}

/// "Waiting for Purple, Orange", or `None` when every group is in.
pub fn waiting_words(waiting: &[&str]) -> Option<String> {
    (!waiting.is_empty()).then(|| format!("Waiting for {}", waiting.join(", ")))
}

/// The spread on statement `id` in words, naming the groups at each end: "3 levels apart:
/// Red 1, Green 4", "1 level apart: Red, Blue 2, Green 3", "All agree: 3". `None` until two
/// groups gave a level.
pub fn spread_words(session: &Session, id: &str) -> Option<String> {
    let levels: Vec<(&str, u8)> = session
        .groups
        .iter()
        .enumerate()
        .filter_map(|(g, name)| match session.score(id, Column::Group(g)) {
            Some(Score::Level(v)) => Some((name.as_str(), v)),
            _ => None,
        })
        .collect();
    if levels.len() < 2 {
        return None;
    }
    let low = levels.iter().map(|&(_, v)| v).min()?;
    let high = levels.iter().map(|&(_, v)| v).max()?;
    if low == high {
        return Some(format!("All agree: {low}"));
    }
    let at = |level: u8| {
        let names: Vec<&str> = levels
            .iter()
            .filter(|&&(_, v)| v == level)
            .map(|&(n, _)| n)
            .collect();
        format!("{} {level}", names.join(", "))
    };
    let apart = high - low;
    let unit = if apart == 1 { "level" } else { "levels" };
    Some(format!("{apart} {unit} apart: {}, {}", at(low), at(high)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::framework::resolve;

    fn session(groups: &[&str]) -> Session {
        let fw = resolve(None).expect("built-in framework");
        Session::new(
            &fw,
            groups.iter().map(|g| (*g).to_owned()).collect(),
            String::new(),
        )
    }

    fn give(s: &mut Session, id: &str, group: usize, score: Score) {
        let name = s.groups[group].clone();
        s.nodes.get_or_default(id).scores.insert(name, score);
    }

    #[test]
    fn a_new_statement_starts_hidden_and_the_same_one_keeps_its_reveal() {
        let mut round = Round::default();
        assert!(round.open("1.1"));
        assert!(!round.revealed());
        round.reveal();
        assert!(!round.open("1.1"), "the same statement");
        assert!(round.revealed(), "still revealed");
        assert!(round.open("1.2"));
        assert!(!round.revealed(), "another statement starts hidden");
        assert_eq!(round.statement(), Some("1.2"));
    }

    #[test]
    fn only_room_mode_hides_and_only_until_revealed_or_agreed() {
        let mut s = session(&["Red", "Blue"]);
        let mut round = Round::default();
        round.open("1.1");
        assert!(!round.hides(&s));
        s.room.reveal = true;
        assert!(round.hides(&s));
        round.reveal();
        assert!(!round.hides(&s));
        round.hide();
        assert!(round.hides(&s));
        assert!(!round.hides_from_facilitator(&s, "1.1"), "their choice");
        s.room.hide_in_grid = true;
        assert!(round.hides_from_facilitator(&s, "1.1"));
        assert!(
            !round.hides_from_facilitator(&s, "1.2"),
            "only the open one"
        );
        s.nodes.get_or_default("1.1").agreed = Some(Score::Level(2));
        assert!(!round.hides(&s), "an agreed statement is settled");
    }

    #[test]
    fn who_has_scored_and_who_is_awaited() {
        let mut s = session(&["Red", "Blue", "Purple", "Orange"]);
        let mut round = Round::default();
        round.open("1.1");
        give(&mut s, "1.1", 0, Score::Level(1));
        give(&mut s, "1.1", 1, Score::NotApplicable);
        give(&mut s, "1.2", 2, Score::Level(3));
        assert!(round.has_scored(&s, "Red"));
        assert!(round.has_scored(&s, "Blue"), "n/a is an answer");
        assert!(!round.has_scored(&s, "Purple"), "scored another statement");
        assert!(!round.has_scored(&s, "Nobody"));
        assert_eq!(round.waiting(&s), ["Purple", "Orange"]);
        assert_eq!(
            waiting_words(&round.waiting(&s)).as_deref(),
            Some("Waiting for Purple, Orange")
        );
        assert!(!round.all_in(&s));
        give(&mut s, "1.1", 2, Score::Level(2));
        give(&mut s, "1.1", 3, Score::Level(2));
        assert!(round.all_in(&s));
        assert_eq!(waiting_words(&round.waiting(&s)), None);
    }

    #[test]
    fn the_spread_names_the_groups_at_each_end() {
        let mut s = session(&["Red", "Blue", "Green", "Orange"]);
        assert_eq!(spread_words(&s, "1.1"), None);
        give(&mut s, "1.1", 0, Score::Level(1));
        assert_eq!(spread_words(&s, "1.1"), None, "one group is no spread");
        give(&mut s, "1.1", 2, Score::Level(4));
        give(&mut s, "1.1", 1, Score::Level(2));
        give(&mut s, "1.1", 3, Score::NotApplicable);
        assert_eq!(
            spread_words(&s, "1.1").as_deref(),
            Some("3 levels apart: Red 1, Green 4")
        );
        give(&mut s, "1.1", 0, Score::Level(2));
        give(&mut s, "1.1", 2, Score::Level(3));
        assert_eq!(
            spread_words(&s, "1.1").as_deref(),
            Some("1 level apart: Red, Blue 2, Green 3")
        );
        give(&mut s, "1.1", 2, Score::Level(2));
        assert_eq!(spread_words(&s, "1.1").as_deref(), Some("All agree: 2"));
    }
}
