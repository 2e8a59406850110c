//! Folding the journal into the readable file: refused when another program changed the
//! file, retried with a growing wait when it cannot be written, and done from disk alone
//! when the screen's loop cannot.

use std::io::{Seek, SeekFrom};
use std::path::Path;

use super::companions::replace_companion;
use super::{Store, StoreError, stamp};
use crate::failpoint;
use crate::files;
use crate::framework::MAX_FILE_BYTES;
use crate::session::file::to_ron;
use crate::session::journal::{self, Entry, Record};
use crate::session::model::Session;
use crate::session::reader::{self, swap_path};
use crate::session::store_error::io_err;

impl Store {
    /// Tries again what failed: records waiting for the journal, then the fold.
    pub fn retry(&mut self, session: &mut Session) -> Result<(), StoreError> {
        // A fold under way ends first: starting the journal afresh under it would lose what
        // its file does not hold yet.
        if self.in_flight.is_some() {
            let _ = self.fold_progress(session, true);
        }
        self.retry_at = None;
        if self.journal_error.is_some() && self.unwritten.is_empty() {
            self.restart_journal()?;
            self.journal_error = None;
            self.succeeded();
        }
        self.write_unwritten()?;
        if self.file_error.is_some() && !self.conflict {
            self.fold(session)?;
        }
        Ok(())
    }

    /// Whether the file is still the one awayday last wrote: cheap when its size, time and
    /// inode are unchanged; otherwise its content is compared, so a rewrite with the same
    /// bytes (a sync tool touching it) is not a change.
    pub fn changed_elsewhere(&mut self) -> bool {
        if self.in_flight.is_some() {
            // Awayday's own write is under way: the file is changing, and no one else's.
            return false;
        }
        let now = stamp(&self.real);
        if now.is_some() && now == self.stamp {
            return false;
        }
        match files::read_limited(&self.real, MAX_FILE_BYTES) {
            Ok(bytes) if journal::digest(&bytes) == self.digest => {
                self.stamp = now;
                false
            }
            _ => true,
        }
    }

    /// Writes `session` as the readable file and empties the journal. Refuses (and enters the
    /// conflict state) if another program changed the file since awayday last wrote it.
    /// The session's count of saves goes up by one.
    pub fn fold(&mut self, session: &mut Session) -> Result<(), StoreError> {
        self.settle_backup();
        if self.in_flight.is_some() {
            // One is already under way: let it end first; if it took everything, that is all.
            let done = self.fold_progress(session, true);
            if done.as_ref().is_some_and(Result::is_ok)
                && self.pending() == 0
                && !self.selection_moved(session)
            {
                return Ok(());
            }
        }
        if self.conflict || self.changed_elsewhere() {
            self.conflict = true;
            return Err(StoreError::ChangedElsewhere {
                path: self.shown.display().to_string(),
            });
        }
        let result = self.write_file(session);
        match &result {
            Ok(()) => {
                self.file_error = None;
                self.succeeded();
            }
            Err(e) => {
                self.file_error = Some(e.to_string());
                self.failed();
            }
        }
        result
    }

    pub(super) fn write_file(&mut self, session: &mut Session) -> Result<(), StoreError> {
        self.settle_backup();
        // A record whose flush fails is in the file about to be written, like any record
        // the journal could not take.
        let _ = self.settle();
        if let Some(e) = unwritable(&self.real, &self.shown) {
            return Err(e);
        }
        let saves = self.saves.max(session.saves) + 1;
        let before = session.saves;
        session.saves = saves;
        let text = to_ron(session);
        session.saves = before;
        if text.len() as u64 > MAX_FILE_BYTES {
            return Err(too_big(&self.shown));
        }
        let digest = journal::digest(text.as_bytes());
        // Records that could not reach the journal are in the text about to be written.
        let waiting = std::mem::take(&mut self.unwritten);
        // Say where these records are going before they go, so a crash in between is told
        // apart from another program's change when the journal is next read.
        let before_marker = self.journal_bytes;
        let marker = journal::encode_line(&Record {
            selected: None,
            entries: vec![Entry::Fold {
                digest: digest.clone(),
                saves,
            }],
        });
        let written = self
            .write_journal_at_end(marker.as_bytes())
            .map_err(|e| io_err(&self.journal_path, &e))
            .and_then(|()| {
                write_session_file(&self.real, text.as_bytes()).map_err(|e| io_err(&self.shown, &e))
            });
        if let Err(e) = written {
            // The file was not written: the marker must not stay to be repeated on every
            // retry, and the records that were waiting wait on.
            if self.journal_bytes > before_marker {
                self.journal_bytes = before_marker;
                self.journal_tail_dirty = true;
                if failpoint::hit("journal.cut-back").is_ok()
                    && self.journal.set_len(before_marker).is_ok()
                {
                    self.journal_tail_dirty = false;
                }
            }
            let mut waiting = waiting;
            waiting.append(&mut self.unwritten);
            self.unwritten = waiting;
            return Err(e);
        }
        session.saves = saves;
        // The session is this text parsed: the next open of the file reads it back.
        crate::cache::put_text(text.as_bytes(), session);
        self.saves = saves;
        self.digest = digest;
        self.stamp = stamp(&self.real);
        self.written_selection.clone_from(&session.selected);
        self.journal_error = None;
        // The file holds everything; a journal that cannot be emptied now is harmless (its
        // marker says its records are in the file), but is said, and tried again.
        if let Err(e) = self.restart_journal() {
            self.journal_error = Some(e.to_string());
            self.failed();
        }
        Ok(())
    }
}

/// Why the session file must not be written now: it has been made read-only.
pub(super) fn unwritable(real: &Path, shown: &Path) -> Option<StoreError> {
    std::fs::metadata(real)
        .is_ok_and(|m| m.permissions().readonly())
        .then(|| StoreError::Io {
            path: shown.display().to_string(),
            message: "has been made read-only; nothing was written over it (every edit is kept in its journal)".into(),
        })
}

/// The session has outgrown what awayday opens, so it is not written.
pub(super) fn too_big(shown: &Path) -> StoreError {
    StoreError::Io {
        path: shown.display().to_string(),
        message: format!(
            "the session has grown past {} MB, more than awayday opens",
            MAX_FILE_BYTES / 1024 / 1024
        ),
    }
}

/// Writes the session file: renamed over atomically, or, when it has hard links (a rename
/// would split it from its other names), rewritten in place with a durable copy beside it
/// first, so a crash half-way loses nothing.
pub(super) fn write_session_file(real: &Path, bytes: &[u8]) -> std::io::Result<()> {
    if files::link_count(real).is_some_and(|n| n > 1) {
        let swap = swap_path(real);
        replace_companion(&swap, bytes)?;
        if let Err(e) = files::write_in_place(real, bytes) {
            // The file may be half-written: write it whole once more from memory (cutting
            // it short freed its space). If that fails too, the swap copy stays for every
            // reader and for the next open.
            files::write_in_place(real, bytes).map_err(|_| e)?;
        }
        std::fs::remove_file(&swap)
    } else {
        files::write_atomic(real, bytes)
    }
}

/// Folds the journal of the session at `real` into its file from what is on disk alone, for
/// when the screen's own loop cannot (stuck on a terminal that has gone). The caller's
/// process must hold the session's lock. The journal is kept, with a note of the fold, so a
/// form being typed still comes back.
pub fn fold_on_disk(real: &Path) -> Result<usize, StoreError> {
    let found = reader::read_at(real, real)?;
    if found.from_journal == 0 {
        return Ok(0);
    }
    let mut session = found.session;
    session.saves = session.saves.max(found.journal_saves) + 1;
    let text = to_ron(&session);
    let marker = journal::encode_line(&Record {
        selected: None,
        entries: vec![Entry::Fold {
            digest: journal::digest(text.as_bytes()),
            saves: session.saves,
        }],
    });
    let journal_path = reader::journal_path(real);
    let io = |e: std::io::Error| io_err(&journal_path, &e);
    let mut file = files::open_private(&journal_path).map_err(io)?;
    // After the last whole record, never after half of one.
    file.set_len(found.journal_whole_bytes).map_err(io)?;
    file.seek(SeekFrom::Start(found.journal_whole_bytes))
        .map_err(io)?;
    let whole = found.journal_whole_bytes;
    let written = failpoint::write_all("journal.write", &mut file, marker.as_bytes())
        .and_then(|()| failpoint::hit("journal.sync"))
        .and_then(|()| file.sync_data())
        .map_err(io)
        .and_then(|()| write_session_file(real, text.as_bytes()).map_err(|e| io_err(real, &e)));
    if written.is_err() {
        // Neither half a marker nor a marker for a file that was not written stays behind.
        let _ = failpoint::hit("journal.cut-back").and_then(|()| file.set_len(whole));
    }
    written.map(|()| found.from_journal)
}
