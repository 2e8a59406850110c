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
use super::model::{ActionItem, RoomSettings, Score};

mod edits;

pub use edits::{
    Replayed, WHOLE_NOTE_BYTES, apply, coalesce, entries_for, last_draft, notes_entry, replay,
};

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
pub(crate) const VERSION: u32 = 1;

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
        /// The "Priority" field as typed. `None` in a draft journalled before drafts carried
        /// it: the saved priority then stands.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        priority: Option<String>,
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
    /// The report's frame: its parts as typed, in the report's order.
    Frame { parts: Vec<String> },
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
    Agenda(Option<super::plan::Agenda>),
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
    pub(crate) fn newest_saves(&self) -> u64 {
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
pub(crate) fn parse_bytes(bytes: &[u8]) -> Parsed {
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
    fn a_file_without_a_header_is_not_a_journal() {
        assert!(parse("hello\n").header.is_none());
        assert!(parse("").header.is_none());
    }
}
