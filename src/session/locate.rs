//! Where in a session file's text a group's name, or a score's group, is written, for the
//! messages about problems found once the file has been read. The text is read again by the
//! RON parser, which stops at the spot: the position is the parser's own, as for a syntax
//! error, where a text search would be fooled by the same words in a title or a note.

use std::fmt;

use serde::de::{self, DeserializeSeed, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};

/// What to find.
#[derive(Debug, Clone, Copy)]
pub enum Spot<'a> {
    /// The name at this position of the groups list (0-based).
    Group(usize),
    /// The group's name as a key of this node's scores.
    Score { node: &'a str, group: &'a str },
}

/// Raised when the spot is reached, so the parser reports where it was.
const FOUND: &str = "awayday: the spot was found";

/// The spot's line and column (1-based), if the text has it.
pub fn find(src: &str, spot: Spot<'_>) -> Option<(usize, usize)> {
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
