//! A session's records, by node id, shared between copies of the session.
//!
//! A fold copies the whole session on the screen's thread before handing it to its worker.
//! With every record (its scores map, notes, actions) copied that took 20–40 ms at 25,088
//! statements, longer than a frame. Here each record sits behind an [`Arc`], so a copy shares
//! every record, and an edit copies only the record it changes (`Arc::make_mut`): a record
//! the worker still holds is copied once, on its first edit, and never changes under it.
//!
//! In the file this is the same map as ever: node id → record, in id order, each id once.
//!
//! Each holds a stamp that changes with every edit, so what the screen works out from the
//! records (the day plan's pace, on every frame) is kept until they change.

use std::collections::BTreeMap;
use std::fmt;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// Per node id, what was recorded (`R`: a session's [`super::model::R`]); untouched
/// nodes are absent. Iterates in id order. Generic over the record only so this file needs
/// nothing from the model that holds it.
#[derive(Clone)]
pub struct Nodes<R>(BTreeMap<Arc<str>, Arc<R>>, Stamp);

/// Which records a [`Nodes`] holds: a number no other set of records was given in this run
/// (a copy keeps it until either is edited). Two equal stamps mean the same records; two
/// different stamps may still (an edit back to what was there).
pub type Stamp = u64;

fn new_stamp() -> Stamp {
    static NEXT: AtomicU64 = AtomicU64::new(1);
    NEXT.fetch_add(1, Ordering::Relaxed)
}

impl<R> Default for Nodes<R> {
    fn default() -> Self {
        Nodes(BTreeMap::new(), new_stamp())
    }
}

/// The records alone are compared, not their stamps.
impl<R: PartialEq> PartialEq for Nodes<R> {
    fn eq(&self, other: &Self) -> bool {
        self.0 == other.0
    }
}

impl<R: Eq> Eq for Nodes<R> {}

impl<R> Nodes<R> {
    /// Which records these are (see [`Stamp`]).
    pub fn stamp(&self) -> Stamp {
        self.1
    }

    /// The map, to change: the stamp changes first.
    fn edited(&mut self) -> &mut BTreeMap<Arc<str>, Arc<R>> {
        self.1 = new_stamp();
        &mut self.0
    }
}

/// The `(id, record)` pairs of [`Nodes`], in id order.
pub type Iter<'a, R> = std::iter::Map<
    std::collections::btree_map::Iter<'a, Arc<str>, Arc<R>>,
    fn((&'a Arc<str>, &'a Arc<R>)) -> (&'a str, &'a R),
>;

impl<R: Clone + Default> Nodes<R> {
    /// The record for a node, if anything was recorded.
    pub fn get(&self, id: &str) -> Option<&R> {
        self.0.get(id).map(AsRef::as_ref)
    }

    pub fn contains_key(&self, id: &str) -> bool {
        self.0.contains_key(id)
    }

    /// The record for a node, to edit; copied first if a copy of the session shares it.
    pub fn get_mut(&mut self, id: &str) -> Option<&mut R> {
        self.edited().get_mut(id).map(Arc::make_mut)
    }

    /// The record for a node, to edit, made empty first if there was none; copied first if a
    /// copy of the session shares it.
    pub fn get_or_default(&mut self, id: &str) -> &mut R {
        // The id already held is reused, so an edit to a recorded node allocates nothing.
        let key = self
            .0
            .get_key_value(id)
            .map_or_else(|| Arc::from(id), |(k, _)| Arc::clone(k));
        Arc::make_mut(self.edited().entry(key).or_default())
    }

    /// Removes a node's record.
    pub fn remove(&mut self, id: &str) {
        self.edited().remove(id);
    }

    /// Keeps only the records `keep` says yes to; those kept are not copied.
    pub fn retain(&mut self, mut keep: impl FnMut(&str, &R) -> bool) {
        self.edited().retain(|id, rec| keep(id, rec));
    }

    pub fn clear(&mut self) {
        self.edited().clear();
    }

    pub fn len(&self) -> usize {
        self.0.len()
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// Each id and its record, in id order.
    pub fn iter(&self) -> Iter<'_, R> {
        self.0.iter().map(|(id, rec)| (id.as_ref(), rec.as_ref()))
    }

    /// The ids, in order.
    pub fn keys(&self) -> impl DoubleEndedIterator<Item = &str> + ExactSizeIterator {
        self.0.keys().map(AsRef::as_ref)
    }

    /// The records, in id order.
    pub fn values(&self) -> impl DoubleEndedIterator<Item = &R> + ExactSizeIterator {
        self.0.values().map(AsRef::as_ref)
    }

    /// The records `edit` says yes to, to edit: only those are copied where a copy of the
    /// session shares them.
    pub fn values_mut_where(
        &mut self,
        mut edit: impl FnMut(&R) -> bool,
    ) -> impl Iterator<Item = &mut R> {
        self.edited()
            .values_mut()
            .filter(move |rec| edit(rec))
            .map(Arc::make_mut)
    }
}

impl<'a, R: Clone + Default> IntoIterator for &'a Nodes<R> {
    type Item = (&'a str, &'a R);
    type IntoIter = Iter<'a, R>;

    fn into_iter(self) -> Self::IntoIter {
        self.iter()
    }
}

impl<S: Into<Arc<str>>, R> FromIterator<(S, R)> for Nodes<R> {
    fn from_iter<T: IntoIterator<Item = (S, R)>>(iter: T) -> Self {
        Nodes(
            iter.into_iter()
                .map(|(id, rec)| (id.into(), Arc::new(rec)))
                .collect(),
            new_stamp(),
        )
    }
}

/// Printed as the map it is, as when records were held directly.
impl<R: fmt::Debug> fmt::Debug for Nodes<R> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.fmt(f)
    }
}

/// Written as the map of id → record it always was.
impl<R: Serialize + Clone + Default> Serialize for Nodes<R> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_map(self.iter())
    }
}

/// Read as that map, refusing an id written twice.
impl<'de, R: Deserialize<'de>> Deserialize<'de> for Nodes<R> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let read: BTreeMap<String, R> = super::unique_keys::deserialize(d)?;
        Ok(read.into_iter().collect())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::session::journal::digest;
    use crate::session::{
        ActionItem, ActionStatus, Column, Findings, NodeRecord, Score, Session, to_ron,
    };

    /// A session with every kind of record the file holds: group and agreed scores, "not
    /// applicable", notes with quotes, a line break and non-ASCII letters, actions with every
    /// field, findings on an area and the session's conclusions.
    fn written() -> Session {
        let fw = crate::framework::resolve(None).unwrap();
        let groups = ["Red", "Blue", "Green"].map(String::from).to_vec();
        let mut s = Session::new(&fw, groups, "2026-11-23".into());
        for (n, ix) in fw.statements().enumerate() {
            let id = fw.node(ix).id.clone();
            let level = Score::Level(u8::try_from(n % 4 + 1).unwrap());
            s.set_score(&id, Column::Group(n % 3), Some(level));
            if n % 7 == 0 {
                s.set_score(&id, Column::Agreed, Some(Score::NotApplicable));
            }
            if n % 5 == 0 {
                s.set_notes(&id, format!("On {id}: \"evidence\" seen,\nrésumé à côté"));
            }
        }
        s.set_actions(
            "1.1",
            vec![ActionItem {
                id: "2026-1".into(),
                text: "Publish the plan".into(),
                owner: "Chief Executive".into(),
                due: "2027-03-31".into(),
                status: ActionStatus::Done,
                recommendation: Some(1),
                priority: "High".into(),
                conclusion: true,
            }],
        );
        let findings = Findings {
            strengths: "A clear vision".into(),
            improvements: "Slow decisions".into(),
            judgement: Some(2),
            recommendations: vec!["Publish the plan".into()],
        };
        s.set_findings(Some("1"), findings.clone());
        s.set_findings(None, findings);
        s.selected = Some("1.1".into());
        s
    }

    #[test]
    fn the_file_reads_byte_for_byte_as_before_the_records_were_shared() {
        // The digest and length of this text as written while each record was held directly.
        let text = to_ron(&written());
        assert_eq!(
            (text.len(), digest(text.as_bytes()).as_str()),
            (
                26322,
                "3dc2022ddf22bbc87db94bf03d371e67d38e860acbdcf679613fc6b1282d5a87"
            ),
            "{text}"
        );
        // And it reads back to the same session.
        assert_eq!(crate::session::parse(&text, "test").unwrap(), written());
    }

    #[test]
    fn an_edit_to_a_copy_leaves_the_original_as_it_was() {
        let original = written();
        let text = to_ron(&original);
        let mut copy = original.clone();
        assert_eq!(copy, original);
        copy.set_score("1.1", Column::Group(0), Some(Score::Level(4)));
        copy.set_notes("1.2", "changed".into());
        copy.nodes.get_mut("1.3").unwrap().notes.push_str("more");
        copy.nodes.get_or_default("2.1").actions.clear();
        copy.remove_group(1);
        copy.nodes.retain(|id, _| id != "1.4");
        assert_eq!(
            to_ron(&original),
            text,
            "an edit to the copy reached the original"
        );
        assert_eq!(original, written());
        assert_eq!(copy.score("1.1", Column::Group(0)), Some(Score::Level(4)));
        assert_eq!(copy.notes("1.2"), "changed");
        assert!(copy.notes("1.3").ends_with("more"));
        assert!(copy.record("1.4").is_none());
        assert_ne!(copy, original);
        // The other way round: an edit to the original leaves the copy alone.
        let copy = original.clone();
        let mut original = original;
        original.set_notes("1.5", "the original's".into());
        assert_eq!(to_ron(&copy), text);
    }

    #[test]
    fn a_copy_shares_every_record_until_one_is_edited() {
        let original = written();
        let mut copy = original.clone();
        let shared = |a: &Session, b: &Session| {
            a.nodes
                .0
                .iter()
                .zip(b.nodes.0.iter())
                .filter(|((_, x), (_, y))| Arc::ptr_eq(x, y))
                .count()
        };
        assert_eq!(shared(&original, &copy), original.nodes.len());
        copy.set_notes("1.2", "changed".into());
        assert_eq!(shared(&original, &copy), original.nodes.len() - 1);
    }

    #[test]
    fn debug_and_a_repeated_id_read_as_the_map_did() {
        let nodes: Nodes<NodeRecord> = [("1.1", NodeRecord::default())].into_iter().collect();
        assert_eq!(format!("{nodes:?}"), format!("{:?}", nodes.0));
        assert!(format!("{nodes:?}").starts_with("{\"1.1\": NodeRecord {"));
        let twice = "{\"1.1\": (notes: \"a\"), \"1.1\": (notes: \"b\")}";
        let err = ron::from_str::<Nodes<NodeRecord>>(twice)
            .unwrap_err()
            .to_string();
        assert!(err.contains("appears twice"), "{err}");
    }

    #[test]
    fn records_are_compared_not_stamps_and_an_edit_changes_the_stamp() {
        let original = written();
        let read: Nodes<NodeRecord> =
            ron::from_str(&ron::to_string(&original.nodes).unwrap()).unwrap();
        assert_ne!(
            read.stamp(),
            original.nodes.stamp(),
            "read apart, stamped apart"
        );
        assert_eq!(read, original.nodes, "the same records are equal");
        let mut copy = original.nodes.clone();
        assert_eq!(
            copy.stamp(),
            original.nodes.stamp(),
            "a copy is the same records"
        );
        let id = original.nodes.keys().next().unwrap().to_owned();
        copy.get_or_default(&id).notes.push('!');
        assert_ne!(copy.stamp(), original.nodes.stamp());
        assert_ne!(copy, original.nodes, "a changed record is not equal");
        let mut removed = original.nodes.clone();
        removed.remove(&id);
        assert_ne!(removed.stamp(), original.nodes.stamp());
        assert_ne!(removed, original.nodes);
    }
}
