//! Where in a session file's text a group's name, or a score's group, is written, for the
//! messages about problems found once the file has been read. The text is read again by the
//! RON parser, which stops at the spot: the position is the parser's own, as for a syntax
//! error, where a text search would be fooled by the same words in a title or a note.

use std::fmt;

use serde::de::{self, DeserializeSeed, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};

/// What to find.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Spot<'a> {
    /// The name at this position of the groups list (0-based).
    Group(usize),
    /// The group's name as a key of this node's scores.
    Score { node: &'a str, group: &'a str },
}

/// Raised when the spot is reached, so the parser reports where it was.
const FOUND: &str = "awayday: the spot was found";

/// The spot's line and column (1-based), if the text has it.
pub(crate) fn find(src: &str, spot: Spot<'_>) -> Option<(usize, usize)> {
    match ron::Options::default().from_str_seed(src, Session(spot)) {
        Err(e) if e.code == ron::Error::Message(FOUND.to_owned()) => {
            Some((e.span.start.line, e.span.start.col))
        }
        _ => None,
    }
}

fn found<E: de::Error>() -> E {
    E::custom(FOUND)
}

/// Every field skipped but the one holding the spot.
struct Session<'a>(Spot<'a>);

impl<'de> DeserializeSeed<'de> for Session<'_> {
    type Value = ();

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_struct("Session", &["groups", "nodes"], self)
    }
}

impl<'de> Visitor<'de> for Session<'_> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a session")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        while let Some(field) = map.next_key::<String>()? {
            match (field.as_str(), self.0) {
                ("groups", Spot::Group(index)) => map.next_value_seed(Groups(index))?,
                ("nodes", Spot::Score { node, group }) => {
                    map.next_value_seed(Nodes { node, group })?;
                }
                _ => {
                    map.next_value::<IgnoredAny>()?;
                }
            }
        }
        Ok(())
    }
}

struct Groups(usize);

impl<'de> DeserializeSeed<'de> for Groups {
    type Value = ();

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_seq(self)
    }
}

impl<'de> Visitor<'de> for Groups {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a list of group names")
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        let mut index = 0;
        while seq.next_element_seed(Name(index == self.0))?.is_some() {
            index += 1;
        }
        Ok(())
    }
}

/// One name of the groups list; the one sought stops the parser while it is still at the
/// name (once the element is returned, the parser has moved past the comma after it).
struct Name(bool);

impl<'de> DeserializeSeed<'de> for Name {
    type Value = ();

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_str(self)
    }
}

impl Visitor<'_> for Name {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a group's name")
    }

    fn visit_str<E: de::Error>(self, _: &str) -> Result<(), E> {
        if self.0 { Err(found()) } else { Ok(()) }
    }
}

struct Nodes<'a> {
    node: &'a str,
    group: &'a str,
}

impl<'de> DeserializeSeed<'de> for Nodes<'_> {
    type Value = ();

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_map(self)
    }
}

impl<'de> Visitor<'de> for Nodes<'_> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("the nodes")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        while let Some(id) = map.next_key::<String>()? {
            if id == self.node {
                map.next_value_seed(Record(self.group))?;
            } else {
                map.next_value::<IgnoredAny>()?;
            }
        }
        Ok(())
    }
}

/// One node's record, looking for `scores`.
struct Record<'a>(&'a str);

impl<'de> DeserializeSeed<'de> for Record<'_> {
    type Value = ();

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_struct("NodeRecord", &["scores"], self)
    }
}

impl<'de> Visitor<'de> for Record<'_> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a node's record")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        while let Some(field) = map.next_key::<String>()? {
            if field == "scores" {
                map.next_value_seed(Scores(self.0))?;
            } else {
                map.next_value::<IgnoredAny>()?;
            }
        }
        Ok(())
    }
}

/// A node's scores, looking for the group's key.
struct Scores<'a>(&'a str);

impl<'de> DeserializeSeed<'de> for Scores<'_> {
    type Value = ();

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_map(self)
    }
}

impl<'de> Visitor<'de> for Scores<'_> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a node's scores")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        while let Some(group) = map.next_key::<String>()? {
            if group == self.0 {
                return Err(found());
            }
            map.next_value::<IgnoredAny>()?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::session::agenda::Agenda;
    use crate::session::{Column, Findings, RoomSettings, Score};

    /// The fixture with everything a session can hold, as awayday writes it, then its last
    /// group renamed "red" in the groups list only (as a hand edit would). The findings
    /// quote group names and RON, to be stepped over.
    fn everything() -> String {
        let mut s = crate::session::parse(
            include_str!("../../tests/fixtures/mini-session.ron"),
            "mini-session.ron",
        )
        .unwrap();
        let mut agenda = Agenda::new("09:30-16:30", &["12:30-13:15".to_owned()]).unwrap();
        agenda.minutes.insert("1".into(), 40);
        agenda.spent.insert("1".into(), 600);
        s.agenda = Some(agenda);
        s.room = RoomSettings {
            grid: true,
            fast_entry: true,
            spread: Some(1),
            ..RoomSettings::default()
        };
        let findings = Findings {
            strengths: "groups: [\"Red\", \"Green\"]".into(),
            improvements: "\"2.1.a.2\": (scores: {\"Green\": Level(1)})".into(),
            judgement: Some(3),
            recommendations: vec!["Train".into()],
        };
        s.conclusions = findings.clone();
        s.set_findings(Some("2.1"), findings);
        s.set_score("2.1.a.2", Column::Group(2), Some(Score::NotApplicable));
        let src = crate::session::to_ron(&s);
        let list = src.find("\n    groups:").unwrap();
        let green = list + src[list..].find("\"Green\"").unwrap();
        format!("{}\"red\"{}", &src[..green], &src[green + 7..])
    }

    /// Byte offset of a (line, column) position.
    fn offset(src: &str, (line, col): (usize, usize)) -> usize {
        let start: usize = src.split_inclusive('\n').take(line - 1).map(str::len).sum();
        start
            + src[start..]
                .chars()
                .take(col - 1)
                .map(char::len_utf8)
                .sum::<usize>()
    }

    #[test]
    fn a_group_name_is_found_past_everything_a_session_holds() {
        let src = everything();
        let at = offset(&src, find(&src, Spot::Group(2)).unwrap());
        assert!(src[at..].starts_with("red\""), "{}", &src[at..]);
        assert!(src[..at].ends_with("\"Blue\",\n        \""), "{src}");
        assert_eq!(find(&src, Spot::Group(3)), None, "there is no fourth group");
    }

    #[test]
    fn a_score_key_is_found_in_its_node_not_in_notes_or_findings() {
        let src = everything();
        let spot = Spot::Score {
            node: "2.1.a.2",
            group: "Green",
        };
        let at = offset(&src, find(&src, spot).unwrap());
        assert!(
            src[at..].starts_with("Green\": NotApplicable"),
            "{}",
            &src[at..]
        );
        let node = src.find("\n        \"2.1.a.2\": (").unwrap();
        assert!(node < at && !src[node..at].contains("notes"), "{src}");
        let spot = Spot::Score {
            node: "1.2",
            group: "Purple",
        };
        assert_eq!(find(&src, spot), None);
    }
}
