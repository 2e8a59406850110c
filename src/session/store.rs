//! The session on disk, trusted: the one real file behind whatever name it was opened by,
//! locked, backed up as it was when opened, every edit journalled before the next key, folded
//! into the readable RON when idle, and never written over a version someone else made.
//!
//! Files beside a session `s.ron` (all in its real folder):
//! - `.s.ron.lock`: the kernel lock that keeps a second awayday out (never deleted);
//! - `.s.ron.journal`: edits not yet folded into `s.ron` (see [`super::journal`]);
//! - `s.ron.bak`: `s.ron` as it was when last opened, verified after writing;
//! - `.s.ron.swap`: only while a hard-linked session is rewritten in place;
//! - `s.ours.ron`, `s.theirs.ron`: the two sides, kept when another program changed `s.ron`.

use std::fs::File;
use std::io::{Seek, SeekFrom};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant, SystemTime};

use super::file::{backup_path, parse, to_ron};
use super::journal::{self, Draft, Entry, Header, Record};
use super::lock::SessionLock;
use super::merge::{Prefer, merge};
use super::model::Session;
use super::reader::{self, Unused, swap_path};
pub use super::store_error::StoreError;
use super::store_error::io_err;
use crate::failpoint;
use crate::files::{self, FileId};
use crate::framework::MAX_FILE_BYTES;

/// A journal longer than this is folded even while keys keep coming, so it stays quick to
/// replay and never outgrows the file it describes by much.
pub const FOLD_BYTES: u64 = 4 * 1024 * 1024;

/// Edits are folded into the readable file at least this often while work goes on, so a
/// reader that cannot see the journal (a copy of the `.ron` alone) is never far behind.
pub const FOLD_AT_LEAST_EVERY: Duration = Duration::from_secs(5);

/// After a failed write, the next try waits this long, doubling up to [`RETRY_MAX`]: a room
/// waiting for its work to be safe again should not wait long once space is back.
const RETRY_FIRST: Duration = Duration::from_millis(500);
const RETRY_MAX: Duration = Duration::from_secs(4);

/// What the session file looked like when awayday last read or wrote it.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Stamp {
    id: FileId,
    len: u64,
    modified: Option<SystemTime>,
}

fn stamp(path: &Path) -> Option<Stamp> {
    let m = std::fs::metadata(path).ok()?;
    Some(Stamp {
        id: files::file_id(path)?,
        len: m.len(),
        modified: m.modified().ok(),
    })
}

/// Where the work stands, for the screen: edits only on screen (the journal could not be
/// written), edits only in the journal (not yet in the readable file), and why.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Health {
    pub on_screen_only: usize,
    pub journal_only: usize,
    pub journal_error: Option<String>,
    pub file_error: Option<String>,
}

/// The open session's files.
#[derive(Debug)]
pub struct Store {
    real: PathBuf,
    shown: PathBuf,
    _lock: SessionLock,
    journal: File,
    journal_path: PathBuf,
    /// Where the journal's last whole record ends: every write starts here, so bytes a
    /// failed write left behind are cut off, never built on.
    journal_bytes: u64,
    /// A failed write may have left bytes past `journal_bytes` that could not be cut yet.
    journal_tail_dirty: bool,
    /// Records that could not be written to the journal yet (a full disk, a lost folder):
    /// written first, in order, as soon as the journal can be written again.
    unwritten: Vec<Record>,
    /// Edits in the journal since the last fold.
    pending_edits: usize,
    /// When the oldest edit not yet in the file was journalled.
    pending_since: Option<Instant>,
    /// SHA-256 of the session file as awayday last read or wrote it.
    digest: String,
    /// How many times awayday has written the file (the `saves` in it).
    saves: u64,
    /// Why the journal, or the file, could not be written the last time it was tried.
    journal_error: Option<String>,
    file_error: Option<String>,
    /// Failed tries in a row, and when the next try is due.
    failures: u32,
    retry_at: Option<Instant>,
    stamp: Option<Stamp>,
    /// The selection in the file as last written.
    written_selection: Option<String>,
    /// Another program changed the file: no fold until the user chooses what to keep.
    conflict: bool,
    /// The form text last journalled, carried into each new journal so a fold loses no draft.
    draft: Option<Draft>,
}

/// A session just opened, with what the user must be told.
#[derive(Debug)]
pub struct Opened {
    pub store: Store,
    pub session: Session,
    /// Things that happened on the way in (edits recovered, backup not kept…), to show.
    pub notices: Vec<String>,
    /// The form that was being typed when awayday was last stopped.
    pub draft: Option<Draft>,
}

impl Store {
    /// Opens the session at `path` (any name for it: a symlink, a hard link, `..`), locks it,
    /// replays its journal and keeps a verified backup of the file as found.
    pub fn open(path: &Path) -> Result<Opened, StoreError> {
        let shown = path.to_owned();
        let real = files::real_path(path).map_err(|e| io_err(path, &e))?;
        let lock = SessionLock::acquire(&real, path)?;
        files::remove_stale_temps(&real);
        let mut notices = Vec::new();
        restore_swap(&real, &shown, &mut notices)?;
        // Every change is written at once, so a file that cannot be written is refused now.
        let writable = if std::fs::metadata(&real).is_ok_and(|m| m.permissions().readonly()) {
            Err(std::io::Error::new(
                std::io::ErrorKind::PermissionDenied,
                "it is read-only",
            ))
        } else {
            std::fs::OpenOptions::new()
                .write(true)
                .open(&real)
                .map(drop)
        };
        if let Err(e) = writable {
            return Err(StoreError::Io {
                path: shown.display().to_string(),
                message: format!(
                    "cannot be written ({e}); awayday saves every change as it is made. Fix the file's permissions, or keep a copy somewhere you can write with `awayday save-as {} COPY.ron` (it includes every edit in the journal).",
                    shown.display()
                ),
            });
        }
        // The same reading every shell command does; only what to do with a journal that
        // does not belong is the app's alone.
        let found = reader::read_at(&real, &shown)?;
        let journal_path = reader::journal_path(&real);
        if let Some(why) = &found.unused {
            notices.push(set_journal_aside(&journal_path, why));
        }
        notices.extend(found.notices);
        if found.from_journal > 0 {
            notices.push(format!(
                "Recovered {} made since the last save (awayday was stopped before writing them into the file).",
                crate::text::edits(found.from_journal)
            ));
        }
        keep_backup(&real, &found.bytes, &mut notices);
        let journal = files::open_private(&journal_path).map_err(|e| io_err(&journal_path, &e))?;
        let mut store = Store {
            written_selection: found.session.selected.clone(),
            real: real.clone(),
            shown,
            _lock: lock,
            journal,
            journal_path,
            // Edits are appended after the journal's last whole record until the first
            // fold empties it: a write that fails before then cuts back to there, never
            // into the records being recovered.
            journal_bytes: if found.unused.is_some() {
                0
            } else {
                found.journal_whole_bytes
            },
            journal_tail_dirty: true,
            unwritten: Vec::new(),
            pending_edits: 0,
            pending_since: None,
            digest: journal::digest(&found.bytes),
            saves: found.session.saves,
            journal_error: None,
            file_error: None,
            failures: 0,
            retry_at: None,
            stamp: stamp(&real),
            conflict: false,
            draft: found.draft.clone(),
        };
        let mut session = found.session;
        if found.from_journal > 0 {
            store.pending_edits = found.from_journal;
            store.pending_since = Some(Instant::now());
            // Put the recovered edits into the readable file now. If it cannot be written
            // (a full disk), they are safe in the journal, which is kept: the session opens
            // and the file is tried again, as after any failed fold.
            if let Err(e) = store.fold(&mut session) {
                notices.push(format!(
                    "The recovered edits could not be written into the file yet ({e}); they are safe in its journal, and awayday keeps trying."
                ));
            }
        } else {
            store.restart_journal()?;
        }
        Ok(Opened {
            store,
            session,
            notices,
            draft: found.draft,
        })
    }

    /// The session's real path.
    pub fn path(&self) -> &Path {
        &self.real
    }

    /// The journal beside the session.
    pub fn journal_path(&self) -> &Path {
        &self.journal_path
    }

    /// The name the session was opened by.
    pub fn shown(&self) -> &Path {
        &self.shown
    }

    /// Edits not yet folded into the file (journalled, or waiting for the journal).
    pub fn pending(&self) -> usize {
        self.pending_edits + self.unwritten.iter().map(edit_count).sum::<usize>()
    }

    /// Whether the journal has grown enough to fold without waiting for a pause.
    pub fn journal_is_long(&self) -> bool {
        self.journal_bytes > FOLD_BYTES
    }

    /// Whether another program's change is waiting for the user's decision.
    pub fn in_conflict(&self) -> bool {
        self.conflict
    }

    /// Whether the file's selection differs from `session`'s (moving writes nothing until
    /// something else is written; quitting writes it).
    pub fn selection_moved(&self, session: &Session) -> bool {
        self.written_selection != session.selected
    }

    /// Appends one record to the journal and makes it durable before returning. If it cannot
    /// be written, it is kept and written first on the next try, and the journal is cut back
    /// to its last whole record, so a write cut short never hides the records after it.
    pub fn append(
        &mut self,
        entries: Vec<Entry>,
        selected: Option<String>,
    ) -> Result<usize, StoreError> {
        if entries.is_empty() {
            return Ok(0);
        }
        for e in &entries {
            if let Entry::Draft(d) = e {
                self.draft.clone_from(d);
            }
        }
        match self.unwritten.last_mut() {
            // While the journal cannot be written, what waits is kept as one record of last
            // states, so a long note typed on a full disk does not pile up a copy per key.
            Some(waiting) => {
                waiting.entries.extend(entries);
                journal::coalesce(&mut waiting.entries);
                if selected.is_some() {
                    waiting.selected = selected;
                }
            }
            None => self.unwritten.push(Record { selected, entries }),
        }
        self.write_unwritten()
    }

    /// Writes the records waiting for the journal, all or none.
    fn write_unwritten(&mut self) -> Result<usize, StoreError> {
        if self.unwritten.is_empty() {
            return Ok(0);
        }
        let mut text = String::new();
        if self.journal_bytes == 0 {
            // A journal emptied by a fold whose header could not be written yet.
            text.push_str(&self.header_line());
        }
        text.extend(self.unwritten.iter().map(journal::encode_line));
        match self.write_journal_at_end(text.as_bytes()) {
            Ok(()) => {
                let edits: usize = self.unwritten.iter().map(edit_count).sum();
                if edits > 0 && self.pending_since.is_none() {
                    self.pending_since = Some(Instant::now());
                }
                self.pending_edits += edits;
                self.unwritten.clear();
                self.journal_error = None;
                self.succeeded();
                Ok(text.len())
            }
            Err(e) => {
                let err = io_err(&self.journal_path, &e);
                self.journal_error = Some(e.to_string());
                self.failed();
                Err(err)
            }
        }
    }

    /// Writes bytes after the journal's last whole record and makes them durable; on any
    /// failure, cuts the journal back to that record (or remembers to, before the next write).
    fn write_journal_at_end(&mut self, bytes: &[u8]) -> std::io::Result<()> {
        let result = (|| {
            if self.journal_tail_dirty {
                failpoint::hit("journal.cut-back")?;
                self.journal.set_len(self.journal_bytes)?;
                self.journal_tail_dirty = false;
            }
            self.journal.seek(SeekFrom::Start(self.journal_bytes))?;
            failpoint::write_all("journal.write", &mut self.journal, bytes)?;
            failpoint::hit("journal.sync")?;
            self.journal.sync_data()
        })();
        match result {
            Ok(()) => {
                self.journal_bytes += bytes.len() as u64;
                Ok(())
            }
            Err(e) => {
                self.journal_tail_dirty = true;
                if failpoint::hit("journal.cut-back").is_ok()
                    && self.journal.set_len(self.journal_bytes).is_ok()
                {
                    self.journal_tail_dirty = false;
                }
                Err(e)
            }
        }
    }

    fn failed(&mut self) {
        self.failures = self.failures.saturating_add(1);
        let wait = RETRY_FIRST
            .saturating_mul(1 << self.failures.min(8).saturating_sub(1))
            .min(RETRY_MAX);
        self.retry_at = Some(Instant::now() + wait);
    }

    fn succeeded(&mut self) {
        if self.journal_error.is_none() && self.file_error.is_none() {
            self.failures = 0;
            self.retry_at = None;
        }
    }

    /// Whether a write failed and its next try is due (tries back off from half a second
    /// to four seconds).
    pub fn retry_due(&self, now: Instant) -> bool {
        self.retry_at.is_some_and(|at| now >= at)
    }

    /// Tries again what failed: records waiting for the journal, then the fold.
    pub fn retry(&mut self, session: &mut Session) -> Result<(), StoreError> {
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

    /// Whether edits have waited in the journal long enough that the file should have them
    /// even though the keys keep coming.
    pub fn fold_overdue(&self, now: Instant) -> bool {
        self.file_error.is_none()
            && self
                .pending_since
                .is_some_and(|t| now.duration_since(t) >= FOLD_AT_LEAST_EVERY)
    }

    /// Where the work stands: what is only on screen, what only in the journal, and why.
    pub fn health(&self) -> Health {
        Health {
            on_screen_only: self.unwritten.iter().map(edit_count).sum(),
            journal_only: self.pending_edits,
            journal_error: self.journal_error.clone(),
            file_error: self.file_error.clone(),
        }
    }

    /// Whether the file is still the one awayday last wrote: cheap when its size, time and
    /// inode are unchanged; otherwise its content is compared, so a rewrite with the same
    /// bytes (a sync tool touching it) is not a change.
    pub fn changed_elsewhere(&mut self) -> bool {
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

    fn write_file(&mut self, session: &mut Session) -> Result<(), StoreError> {
        if std::fs::metadata(&self.real).is_ok_and(|m| m.permissions().readonly()) {
            return Err(StoreError::Io {
                path: self.shown.display().to_string(),
                message: "has been made read-only; nothing was written over it (every edit is kept in its journal)".into(),
            });
        }
        let saves = self.saves.max(session.saves) + 1;
        let before = session.saves;
        session.saves = saves;
        let text = to_ron(session);
        session.saves = before;
        if text.len() as u64 > MAX_FILE_BYTES {
            return Err(StoreError::Io {
                path: self.shown.display().to_string(),
                message: format!(
                    "the session has grown past {} MB, more than awayday opens",
                    MAX_FILE_BYTES / 1024 / 1024
                ),
            });
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

    /// Empties the journal and writes its header for the file as it now is, and the form
    /// being typed, if any.
    fn restart_journal(&mut self) -> Result<(), StoreError> {
        self.journal_bytes = 0;
        self.journal_tail_dirty = true;
        self.pending_edits = 0;
        self.pending_since = None;
        if let Some(draft) = self.draft.clone() {
            self.unwritten.insert(
                0,
                Record {
                    selected: None,
                    entries: vec![Entry::Draft(Some(draft))],
                },
            );
            self.write_unwritten()?;
        } else {
            let header = self.header_line();
            self.write_journal_at_end(header.as_bytes())
                .map_err(|e| io_err(&self.journal_path, &e))?;
        }
        Ok(())
    }

    fn header_line(&self) -> String {
        journal::encode_line(&Header::new(
            &self.real.display().to_string(),
            &self.digest,
            self.saves,
        ))
    }

    /// Keeps `session` (this window's state) in a new file beside the session, for a
    /// conflict; returns its path.
    pub fn keep_aside(&self, session: &Session, side: &str) -> Result<PathBuf, StoreError> {
        let path = fresh_sibling(&self.real, side);
        files::write_atomic(&path, to_ron(session).as_bytes()).map_err(|e| io_err(&path, &e))?;
        Ok(path)
    }

    /// The other program's version of the file.
    pub fn theirs(&self) -> Result<Session, StoreError> {
        let bytes = read_session_bytes(&self.real, &self.shown)?;
        let text = String::from_utf8_lossy(&bytes);
        Ok(parse(&text, &self.shown.display().to_string())?)
    }

    /// Conflict resolved by taking the other program's file: it becomes the session.
    pub fn take_theirs(&mut self) -> Result<Session, StoreError> {
        let bytes = read_session_bytes(&self.real, &self.shown)?;
        let session = parse(
            &String::from_utf8_lossy(&bytes),
            &self.shown.display().to_string(),
        )?;
        self.digest = journal::digest(&bytes);
        self.saves = session.saves;
        self.stamp = stamp(&self.real);
        self.written_selection.clone_from(&session.selected);
        self.conflict = false;
        self.file_error = None;
        self.restart_journal()?;
        Ok(session)
    }

    /// Conflict resolved by writing `session` over the file; theirs is kept beside it first.
    pub fn write_over_theirs(
        &mut self,
        session: &mut Session,
    ) -> Result<Option<PathBuf>, StoreError> {
        let kept = match files::read_limited(&self.real, MAX_FILE_BYTES) {
            Ok(bytes) => {
                let path = fresh_sibling(&self.real, "theirs");
                files::write_atomic(&path, &bytes).map_err(|e| io_err(&path, &e))?;
                Some(path)
            }
            Err(_) => None,
        };
        self.conflict = false;
        // Theirs may have been saved more often than ours: go past both.
        if let Ok(theirs) = self.theirs() {
            self.saves = self.saves.max(theirs.saves);
        }
        self.write_file(session)?;
        Ok(kept)
    }

    /// Conflict resolved by merging: theirs and ours united as `awayday merge` does, ours
    /// winning where both scored the same statement differently.
    pub fn merge_with_theirs(&self, ours: &Session) -> Result<Session, String> {
        let theirs = self.theirs().map_err(|e| e.to_string())?;
        let mut merged = merge(
            &[
                ("theirs".to_owned(), theirs),
                ("ours".to_owned(), ours.clone()),
            ],
            Some(Prefer::Last),
        )
        .map_err(|e| e.to_string())?;
        merged.selected.clone_from(&ours.selected);
        Ok(merged)
    }
}

/// Writes the session file: renamed over atomically, or, when it has hard links (a rename
/// would split it from its other names), rewritten in place with a durable copy beside it
/// first, so a crash half-way loses nothing.
fn write_session_file(real: &Path, bytes: &[u8]) -> std::io::Result<()> {
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

fn read_session_bytes(real: &Path, shown: &Path) -> Result<Vec<u8>, StoreError> {
    files::read_limited(real, MAX_FILE_BYTES).map_err(|e| StoreError::Io {
        path: shown.display().to_string(),
        message: e.to_string(),
    })
}

/// `s.ours.ron`, or `s.ours-2.ron`… : a name beside the session that is not taken.
fn fresh_sibling(real: &Path, side: &str) -> PathBuf {
    let stem = real.file_stem().unwrap_or_default().to_string_lossy();
    let mut n = 1;
    loop {
        let name = if n == 1 {
            format!("{stem}.{side}.ron")
        } else {
            format!("{stem}.{side}-{n}.ron")
        };
        let p = real.with_file_name(name);
        if std::fs::symlink_metadata(&p).is_err() {
            return p;
        }
        n += 1;
    }
}

/// Replaces a companion file (backup, swap) by renaming a new file over its name: a link
/// planted there is replaced, never written through, and something that is not a regular
/// file of this user's is left alone and reported.
fn replace_companion(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    if let Ok(m) = std::fs::symlink_metadata(path) {
        let ours = files::is_yours(&m);
        if !m.file_type().is_file() || !ours {
            return Err(std::io::Error::new(
                std::io::ErrorKind::InvalidInput,
                format!(
                    "{} is not a regular file of yours; remove it and open the session again",
                    path.display()
                ),
            ));
        }
    }
    // The real folder, then the companion's own name: write_atomic resolves the folder only.
    files::write_atomic_at(path, bytes)
}

/// Writes `s.ron.bak` as the file was found, then reads it back: a backup cut short by a
/// full disk is reported, not trusted.
fn keep_backup(real: &Path, bytes: &[u8], notices: &mut Vec<String>) {
    let bak = backup_path(real);
    let verified = replace_companion(&bak, bytes).and_then(|()| {
        let read_back = files::read_limited(&bak, MAX_FILE_BYTES)
            .map_err(|e| std::io::Error::other(e.to_string()))?;
        if read_back == bytes {
            Ok(())
        } else {
            Err(std::io::Error::other(
                "what was read back differs from what was written",
            ))
        }
    });
    if let Err(e) = verified {
        notices.push(format!(
            "No backup of the session could be kept ({}: {e}). Your work is still saved as you go.",
            bak.display()
        ));
    }
}

/// A hard-linked session rewritten in place: if awayday was stopped half-way, the swap copy
/// holds what was being written.
fn restore_swap(real: &Path, shown: &Path, notices: &mut Vec<String>) -> Result<(), StoreError> {
    let swap = swap_path(real);
    let Ok(saved) = files::read_limited(&swap, MAX_FILE_BYTES) else {
        return Ok(());
    };
    let current = files::read_limited(real, MAX_FILE_BYTES).unwrap_or_default();
    if current != saved {
        let parses = std::str::from_utf8(&current)
            .ok()
            .is_some_and(|t| parse(t, "").is_ok());
        if parses {
            // The file is whole and differs: someone wrote it since. Keep both; say so.
            notices.push(format!(
                "{} holds a copy from an interrupted save; the session file itself is whole and was kept.",
                swap.display()
            ));
            return Ok(());
        }
        files::write_in_place(real, &saved).map_err(|e| io_err(shown, &e))?;
        notices.push(
            "The last save was interrupted half-way; the session was restored from its copy."
                .into(),
        );
    }
    let _ = std::fs::remove_file(&swap);
    Ok(())
}

/// Sets a journal that must not be replayed aside, and says where and why.
fn set_journal_aside(path: &Path, why: &Unused) -> String {
    match why {
        Unused::NotAJournal => format!(
            "{} was not an awayday journal; it was set aside as {} and not used.",
            path.display(),
            set_aside(path, "unreadable").display()
        ),
        Unused::Foreign { session } => format!(
            "The journal beside this session belongs to another session ({session}); it was not replayed and was set aside as {}.",
            set_aside(path, "refused").display()
        ),
        Unused::Older => format!(
            "The journal beside this session is older than the file (the file has been saved since: an old copy put back beside it?); it was not replayed over the newer work and was set aside as {}.",
            set_aside(path, "older").display()
        ),
    }
}

/// Edits in a record (form text and fold markers are not edits of the session).
fn edit_count(record: &Record) -> usize {
    record
        .entries
        .iter()
        .filter(|e| !matches!(e, Entry::Draft(_) | Entry::Fold { .. }))
        .count()
}

/// Moves a file out of the way under a name that says why; returns where it went.
fn set_aside(path: &Path, why: &str) -> PathBuf {
    let mut n = 1;
    loop {
        let p = files::with_suffix(path, &format!(".{why}-{n}"));
        if std::fs::symlink_metadata(&p).is_err() {
            let _ = std::fs::rename(path, &p);
            return p;
        }
        n += 1;
    }
}
