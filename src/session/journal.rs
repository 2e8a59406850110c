//! The session's journal: an append-only file beside the session holding every edit since the
//! readable RON was last written, one checksummed line per batch of edits, fsynced before the
//! next key is read. Like vim's swap file or `SQLite`'s WAL, it makes each keystroke durable at
//! the cost of the keystroke, and is folded into the RON when the app is idle and on quit.
//!
//! Every entry is an absolute value ("Red's score on 2.3.a.1 is 3", "the notes of 1.1 are
//! …"), not a difference, so replaying a record twice, or over a file that already holds it,
//! gives the same session. The header names the file content the records apply to (`base`),
//! and a `Fold` entry says which content they were folded into, so opening can tell "already
//! in the file" from "the file was changed elsewhere".

use std::fmt::Write as _;

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use super::history::MetaField;
use super::model::{ActionItem, Column, RoomSettings, Score, Session};

/// The first line of a journal: which session, and the file content its records apply to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Header {
    /// Always "awayday journal", so a stray file is not mistaken for one.
    pub journal: String,
    pub version: u32,
    /// The session's real path when the journal was started.
    pub session: String,
    /// SHA-256 of the session file's bytes the records apply to.
    pub base: String,
    /// How many times awayday had written that file (its `saves`): a file saved more often
    /// than any state this journal knows is newer than the journal, whatever the clocks say.
    #[serde(default)]
    pub saves: u64,
}

pub const MAGIC: &str = "awayday journal";
pub const VERSION: u32 = 1;

impl Header {
    pub fn new(session: &str, base: &str, saves: u64) -> Self {
        Header {
            journal: MAGIC.to_owned(),
            version: VERSION,
            session: session.to_owned(),
            base: base.to_owned(),
            saves,
        }
    }
}

/// Text being typed in a form, kept like notes so a closed terminal does not lose it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Draft {
    /// An action being written on `node` (`index` is the action edited, `None` for a new one).
    Action {
        node: String,
        index: Option<usize>,
        text: String,
        owner: String,
        due: String,
        /// The "For rec." field as typed. `None` in a draft journalled before drafts carried
        /// it: the saved link then stands.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        recommendation: Option<String>,
    },
    /// The session's title, organisation or facilitator being edited.
    Meta { field: MetaField, value: String },
    /// A group's name being edited (`index`), or a new group's (`None`).
    Group { index: Option<usize>, value: String },
    /// Findings being written on `node` (or the main conclusions, `None`): strengths, areas
    /// for improvement, judgement, recommendations, as typed.
    Findings {
        node: Option<String>,
        fields: [String; 4],
    },
    /// The day's plan: its start and end, or its breaks, as typed.
    Plan {
        field: super::agenda::PlanField,
        value: String,
    },
}

/// One change, as an absolute value.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Entry {
    /// A score: `group` is the group's name, `None` for the agreed score; `score: None` clears.
    Score {
        node: String,
        group: Option<String>,
        score: Option<Score>,
    },
    Notes {
        node: String,
        text: String,
    },
    /// A change inside a long note, so a keystroke in it writes the keystroke, not the note:
    /// at byte `at`, `delete` bytes replaced by `insert`. Applied only to the note it was
    /// made on (`before`: the first 16 hex digits of that note's SHA-256), so a replay over
    /// a note changed elsewhere cannot garble it.
    NotesSplice {
        node: String,
        before: String,
        at: usize,
        delete: usize,
        insert: String,
    },
    Actions {
        node: String,
        actions: Vec<ActionItem>,
    },
    RenameGroup {
        from: String,
        to: String,
    },
    AddGroup {
        name: String,
    },
    RemoveGroup {
        name: String,
    },
    /// A group put back at a position (its scores follow as `Score` entries).
    InsertGroup {
        index: usize,
        name: String,
    },
    MoveGroup {
        name: String,
        to: usize,
    },
    Room(RoomSettings),
    /// The groups' voting tokens, after one was made or rotated.
    Tokens(super::tokens::GroupTokens),
    Agenda(Option<super::agenda::Agenda>),
    /// Findings on a node, or the session's conclusions (`node: None`).
    Findings {
        node: Option<String>,
        findings: super::model::Findings,
    },
    Meta {
        field: MetaField,
        value: String,
    },
    /// The form being typed in, or `None` once it is kept or cancelled.
    Draft(Option<Draft>),
    /// The records before this one were written into the file whose SHA-256 is `digest`,
    /// awayday's `saves`-th write of it.
    Fold {
        digest: String,
        #[serde(default)]
        saves: u64,
    },
}

/// One line of the journal: the edits of one batch of keys, and where the selection was.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Record {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub selected: Option<String>,
    pub entries: Vec<Entry>,
}

/// SHA-256 of some bytes, as hex: the identity of a file's content.
pub fn digest(bytes: &[u8]) -> String {
    let hash = Sha256::digest(bytes);
    let mut s = String::with_capacity(64);
    for b in hash {
        let _ = write!(s, "{b:02x}");
    }
    s
}

/// A line: the first 16 hex digits of the payload's SHA-256, a space, the JSON payload, and a
/// newline. A line cut short by a crash, or damaged, fails its checksum.
pub fn encode_line<T: Serialize>(value: &T) -> String {
    // Plain data with string keys always serialises.
    let json = serde_json::to_string(value).unwrap_or_default();
    format!("{} {json}\n", &digest(json.as_bytes())[..16])
}

fn decode_line<T: serde::de::DeserializeOwned>(line: &str) -> Option<T> {
    let (sum, json) = line.split_once(' ')?;
    if sum.len() != 16 || digest(json.as_bytes())[..16] != *sum {
        return None;
    }
    serde_json::from_str(json).ok()
}

/// A whole record at the end of a damaged line: older versions of awayday appended after a
/// write cut short, gluing the next record to the half line. Found by trying each place a
/// checksum could start.
fn decode_glued(line: &str) -> Option<Record> {
    line.match_indices(" {")
        .filter_map(|(i, _)| i.checked_sub(16))
        .filter(|&start| line.is_char_boundary(start))
        .find_map(|start| decode_line::<Record>(&line[start..]))
}

/// What a journal's bytes hold.
#[derive(Debug, Default)]
pub struct Parsed {
    pub header: Option<Header>,
    pub records: Vec<Record>,
    /// The journal ended in the middle of a record (a crash while writing it): the whole
    /// records before it are kept.
    pub torn: bool,
    /// Damaged lines with whole records after them (a write that failed half-way before
    /// awayday learnt to cut them back, or a damaged disk): skipped, and every whole record
    /// after them kept, since each record holds absolute values.
    pub damaged: usize,
    /// Byte length of the journal up to the end of its last whole line.
    pub whole_bytes: usize,
}

impl Parsed {
    /// The highest `saves` this journal knows the file reached: its header's, or a later fold's.
    pub fn newest_saves(&self) -> u64 {
        let header = self.header.as_ref().map_or(0, |h| h.saves);
        self.records
            .iter()
            .flat_map(|r| &r.entries)
            .filter_map(|e| match e {
                Entry::Fold { saves, .. } => Some(*saves),
                _ => None,
            })
            .fold(header, u64::max)
    }
}

/// Reads a journal's text. An empty file (a fold was cut short after emptying it) holds
/// nothing; a file whose first line is not a header is `header: None`.
pub fn parse(text: &str) -> Parsed {
    parse_bytes(text.as_bytes())
}

/// [`parse`] of a journal's bytes: a line that is not UTF-8 is damage like any other, and
/// `whole_bytes` counts the bytes as they are on disk.
pub fn parse_bytes(bytes: &[u8]) -> Parsed {
    let mut parsed = Parsed::default();
    let mut lines = bytes
        .split_inclusive(|b| *b == b'\n')
        .map(|l| (l.len(), std::str::from_utf8(l).ok()));
    let Some((first_len, first)) = lines.next() else {
        return parsed;
    };
    parsed.header = first
        .and_then(|l| l.strip_suffix('\n'))
        .and_then(decode_line::<Header>)
        .filter(|h| h.journal == MAGIC);
    if parsed.header.is_none() {
        return parsed;
    }
    let mut offset = first_len;
    parsed.whole_bytes = offset;
    let mut bad_since_last_whole = 0;
    for (len, line) in lines {
        offset += len;
        let whole = line.and_then(|l| l.strip_suffix('\n'));
        if let Some(r) = whole.and_then(decode_line::<Record>) {
            parsed.records.push(r);
            parsed.damaged += bad_since_last_whole;
            bad_since_last_whole = 0;
            parsed.whole_bytes = offset;
        } else if let Some(r) = whole.and_then(decode_glued) {
            // Half a line with a whole record appended to it.
            parsed.records.push(r);
            parsed.damaged += bad_since_last_whole + 1;
            bad_since_last_whole = 0;
            parsed.whole_bytes = offset;
        } else {
            bad_since_last_whole += 1;
        }
    }
    parsed.torn = bad_since_last_whole > 0;
    parsed
}

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
pub fn entries_for(edit: &super::Edit, forward: bool, session: &Session) -> Vec<Entry> {
    use super::Edit;
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
    fn a_damaged_line_ends_the_journal() {
        let h = encode_line(&Header::new("/s.ron", "abc", 0));
        let r = encode_line(&Record {
            selected: None,
            entries: vec![Entry::AddGroup { name: "Red".into() }],
        });
        let whole = format!("{h}{r}{r}");
        let p = parse(&whole);
        assert_eq!((p.records.len(), p.torn), (2, false));
        let cut = &whole[..whole.len() - 5];
        let p = parse(cut);
        assert_eq!((p.records.len(), p.torn), (1, true));
        assert_eq!(p.whole_bytes, h.len() + r.len());
        // A damaged record in the middle is skipped; the whole ones after it are kept.
        let flipped = whole.replacen("Red", "Rex", 1);
        let p = parse(&flipped);
        assert_eq!((p.records.len(), p.torn, p.damaged), (1, false, 1));
        assert_eq!(p.whole_bytes, whole.len());
        // Half a line followed by whole ones (a write cut short, then later appends).
        let half = &r[..r.len() / 2];
        let p = parse(&format!("{h}{r}{half}{r}"));
        assert_eq!((p.records.len(), p.torn, p.damaged), (2, false, 1));
        let p = parse(&format!("{h}{r}{half}\n{r}{half}"));
        assert_eq!((p.records.len(), p.torn, p.damaged), (2, true, 1));
    }

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

    #[test]
    fn a_file_without_a_header_is_not_a_journal() {
        assert!(parse("hello\n").header.is_none());
        assert!(parse("").header.is_none());
    }
}
