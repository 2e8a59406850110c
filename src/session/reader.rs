//! One way to read a session: the readable file plus every whole, checksummed edit of its
//! journal that belongs to it, replayed exactly as opening the app replays them. Every shell
//! command and the app read through here, so a report made after a crash holds every edit
//! the screen showed. Reading never writes the session, its journal or anything beside it.

use std::io::Read as _;
use std::path::{Path, PathBuf};

use super::file::{parse, parse_bytes};
use super::journal::{self, Draft, Entry, Parsed};
use super::model::Session;
use super::store_error::{StoreError, io_err};
use crate::files;
use crate::framework::MAX_FILE_BYTES;

/// A session as every reader sees it.
#[derive(Debug)]
pub struct SessionRead {
    pub session: Session,
    /// The session's real path (links and `..` resolved).
    pub real: PathBuf,
    /// The file's bytes as read, before the journal was replayed.
    pub bytes: Vec<u8>,
    /// Edits replayed from the journal: made in the app, not yet written into the file.
    pub from_journal: usize,
    /// What was found in the journal that the reader should know (damaged lines, a journal
    /// that was not used and why).
    pub notices: Vec<String>,
    /// The form being typed when the journal ends.
    pub draft: Option<Draft>,
    /// What to do with a journal that was not used (the app sets it aside; readers leave it).
    pub unused: Option<Unused>,
    /// The most saves of the file the journal knows of.
    pub journal_saves: u64,
    /// Where the journal's last whole record ends.
    pub journal_whole_bytes: u64,
    /// The journal's bytes as read (empty when there is none), to tell whether a later read
    /// would find the same.
    journal_raw: Vec<u8>,
    /// SHA-256 of `bytes`, when the journal needed it.
    pub(super) digest: Option<String>,
}

/// Why a journal beside a session was not replayed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Unused {
    /// Not an awayday journal at all.
    NotAJournal,
    /// The journal of another session (its header names another file).
    Foreign { session: String },
    /// Older than the file: awayday has saved the file since the journal's last state.
    Older,
}

/// What the journal's records mean for the file they sit beside.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Verdict {
    /// Replay the records from this one on: the ones before are already in the file.
    Replay {
        from: usize,
    },
    /// The file is not one the journal knows: replay every record on top of it, and say so.
    ReplayOverChanged {
        file_older: bool,
    },
    Unused(Unused),
}

/// Reads the session at `path` (any name for it) with every edit its journal holds.
pub fn read(path: &Path) -> Result<SessionRead, StoreError> {
    let real = files::real_path(path).map_err(|e| io_err(path, &e))?;
    read_at(&real, path)
}

/// [`read`] of the session whose real path is `real`; `shown` names it in messages.
pub(super) fn read_at(real: &Path, shown: &Path) -> Result<SessionRead, StoreError> {
    read_again(real, shown, None)
}

/// [`read_at`], giving back `earlier` (a read of the same session moments before) when the
/// file and its journal still hold exactly the bytes it read: parsing is most of the time
/// it takes to open a large session, and opening the app reads it once to report a broken
/// file before anything is locked, and again once it is.
pub(super) fn read_again(
    real: &Path,
    shown: &Path,
    earlier: Option<SessionRead>,
) -> Result<SessionRead, StoreError> {
    let path = shown;
    let mut bytes = files::read_limited(real, MAX_FILE_BYTES).map_err(|e| StoreError::Io {
        path: path.display().to_string(),
        message: e.to_string(),
    })?;
    if let Some(earlier) = earlier
        && earlier.real == real
        && earlier.bytes == bytes
        && read_journal(&journal_path(real)).is_ok_and(|raw| raw == earlier.journal_raw)
    {
        return Ok(earlier);
    }
    let mut notices = Vec::new();
    let mut from_swap = false;
    if let Some(swap) = interrupted_rewrite(real, &bytes) {
        from_swap = true;
        // A hard-linked session rewritten in place was cut off half-way: its durable copy
        // is what was being written (opening the app puts it back into the file).
        bytes = swap;
        notices.push(
            "The last save was interrupted half-way; the session was read from its copy."
                .to_owned(),
        );
    }
    if let Err(e) = std::str::from_utf8(&bytes) {
        return Err(StoreError::Io {
            path: path.display().to_string(),
            message: format!(
                "is not UTF-8 text (invalid byte at offset {})",
                e.valid_up_to()
            ),
        });
    }
    let session = parse_bytes(&bytes, &path.display().to_string())?;
    let mut found = SessionRead {
        session,
        real: real.to_owned(),
        bytes,
        from_journal: 0,
        notices,
        draft: None,
        unused: None,
        journal_saves: 0,
        journal_whole_bytes: 0,
        journal_raw: Vec::new(),
        digest: None,
    };
    replay_journal(&mut found, from_swap)?;
    Ok(found)
}

/// The swap copy beside a session whose file was left half-written by an interrupted
/// in-place rewrite: only when the file itself does not parse.
fn interrupted_rewrite(real: &Path, bytes: &[u8]) -> Option<Vec<u8>> {
    let swap = files::read_limited(&swap_path(real), MAX_FILE_BYTES).ok()?;
    let whole = std::str::from_utf8(bytes).is_ok_and(|t| parse(t, "").is_ok());
    (!whole && swap != bytes).then_some(swap)
}

/// The copy kept beside a hard-linked session while it is rewritten in place.
pub(super) fn swap_path(real: &Path) -> PathBuf {
    files::companion(real, ".swap")
}

/// The journal beside a session.
pub fn journal_path(real: &Path) -> PathBuf {
    files::companion(real, ".journal")
}

/// Reads the journal beside `read.real` and replays what the file does not hold yet.
/// The journal's bytes; none when there is no journal.
fn read_journal(path: &Path) -> Result<Vec<u8>, StoreError> {
    let meta = match std::fs::symlink_metadata(path) {
        Ok(m) => m,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(e) => return Err(io_err(path, &e)),
    };
    let mut raw = Vec::new();
    if meta.len() > 0 {
        files::open_private_read(path)
            .and_then(|f| f.take(MAX_FILE_BYTES * 2).read_to_end(&mut raw).map(|_| ()))
            .map_err(|e| io_err(path, &e))?;
    }
    Ok(raw)
}

fn replay_journal(read: &mut SessionRead, from_swap: bool) -> Result<(), StoreError> {
    let raw = read_journal(&journal_path(&read.real))?;
    if raw.is_empty() {
        return Ok(());
    }
    // A record is JSON: a byte that is not UTF-8 can only be damage, and damage is skipped
    // line by line like any other.
    let parsed = journal::parse_bytes(&raw);
    read.journal_raw = raw;
    read.journal_saves = parsed.newest_saves();
    read.journal_whole_bytes = parsed.whole_bytes as u64;
    let file_digest = journal::digest(&read.bytes);
    read.digest = Some(file_digest.clone());
    let mut verdict = judge(&parsed, &file_digest, read.session.saves, &read.real);
    if from_swap
        && matches!(
            verdict,
            Verdict::Unused(Unused::Older) | Verdict::ReplayOverChanged { .. }
        )
    {
        // The swap copy is awayday's own write of a state holding every record before it;
        // replayed in order over it, the records give back exactly the work as it was.
        verdict = Verdict::Replay { from: 0 };
    }
    read.draft = journal::last_draft(&parsed.records);
    let from = match &verdict {
        Verdict::Unused(why) => {
            read.unused = Some(why.clone());
            read.draft = None;
            return Ok(());
        }
        Verdict::Replay { from } => *from,
        Verdict::ReplayOverChanged { .. } => 0,
    };
    let replayed = journal::replay(&mut read.session, &parsed.records[from..]);
    read.from_journal = replayed.edits;
    if parsed.damaged > 0 {
        read.notices.push(format!(
            "{} damaged line(s) in the journal were skipped; every whole edit after them was kept.",
            parsed.damaged
        ));
    }
    if parsed.torn {
        read.notices.push(
            "The journal ended in the middle of an edit (awayday was stopped while writing it): everything up to the last whole edit was kept.".into(),
        );
    }
    if let Verdict::ReplayOverChanged { file_older } = verdict
        && replayed.edits > 0
    {
        read.notices.push(if file_older {
            format!(
                "The session file is older than its journal (an earlier copy put back?): the journal's {} were applied on top of it.",
                crate::text::edits(replayed.edits)
            )
        } else {
            format!(
                "The session file had been changed by another program after your last {} here; they were applied on top of it.",
                crate::text::edits(replayed.edits)
            )
        });
    }
    Ok(())
}

/// Decides what a journal means for the file beside it, by content alone: the digest of
/// the file each state of the journal applies to, and how many saves each state had seen.
fn judge(parsed: &Parsed, file_digest: &str, file_saves: u64, real: &Path) -> Verdict {
    let Some(header) = &parsed.header else {
        return Verdict::Unused(Unused::NotAJournal);
    };
    if header.base == file_digest {
        return Verdict::Replay { from: 0 };
    }
    let folded = parsed.records.iter().rposition(|r| {
        r.entries
            .iter()
            .any(|e| matches!(e, Entry::Fold { digest, .. } if digest == file_digest))
    });
    if let Some(i) = folded {
        return Verdict::Replay { from: i + 1 };
    }
    let newest = parsed.newest_saves();
    if file_saves > newest {
        return Verdict::Unused(Unused::Older);
    }
    if header.session != real.display().to_string() {
        return Verdict::Unused(Unused::Foreign {
            session: header.session.clone(),
        });
    }
    Verdict::ReplayOverChanged {
        file_older: file_saves < newest,
    }
}
