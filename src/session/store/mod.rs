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
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant, SystemTime};

use super::journal::{self, Draft, Record};
use super::lock::SessionLock;
use super::model::Session;
use super::reader::{self, SessionRead};
pub use super::store_error::StoreError;
use super::store_error::io_err;
use crate::files::{self, FileId};
use appending::edit_count;
use companions::{backup_on_a_worker, keep_backup, restore_swap, set_journal_aside};

mod appending;
mod background;
mod companions;
mod conflict;
mod folding;

pub use folding::fold_on_disk;

/// A journal longer than this is folded even while keys keep coming, so it stays quick to
/// replay and never outgrows the file it describes by much.
pub(super) const FOLD_BYTES: u64 = 4 * 1024 * 1024;

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
    /// Records written to the journal whose flush to the disk is still to come.
    unflushed: Option<appending::Unflushed>,
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
    /// A fold running on a worker thread.
    in_flight: Option<background::InFlight>,
    /// The backup being written on a worker (see [`Store::open_after`]), with what it will
    /// have to say, and what it has said that the screen has not shown yet.
    backup: Option<std::thread::JoinHandle<Vec<String>>>,
    backup_notices: Vec<String>,
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
        Self::open_inner(path, None, false)
    }

    /// [`Store::open`] for the screen, after a read of the session moments before (to report
    /// a broken file before anything is locked): that read is used again if the files have
    /// not changed. The backup is written on a worker, so the first frame does not wait for
    /// a large file to be written, flushed and read back: the file is not written until the
    /// backup is done (every fold waits for it), and what it has to say comes from
    /// [`Store::backup_notices`].
    pub fn open_after(path: &Path, earlier: Option<SessionRead>) -> Result<Opened, StoreError> {
        Self::open_inner(path, earlier, true)
    }

    fn open_inner(
        path: &Path,
        earlier: Option<SessionRead>,
        backup_on_worker: bool,
    ) -> Result<Opened, StoreError> {
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
        let found = reader::read_again(&real, &shown, earlier)?;
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
        let backup = if backup_on_worker {
            backup_on_a_worker(&real, &found.bytes)
        } else {
            None
        };
        if backup.is_none() {
            keep_backup(&real, &found.bytes, &mut notices);
        }
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
            unflushed: None,
            pending_edits: 0,
            pending_since: None,
            digest: found
                .digest
                .clone()
                .unwrap_or_else(|| journal::digest(&found.bytes)),
            saves: found.session.saves,
            journal_error: None,
            file_error: None,
            failures: 0,
            retry_at: None,
            stamp: stamp(&real),
            conflict: false,
            draft: found.draft.clone(),
            in_flight: None,
            backup,
            backup_notices: Vec::new(),
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

    /// Whether a write failed and its next try is due (tries back off from half a second
    /// to four seconds).
    pub fn retry_due(&self, now: Instant) -> bool {
        self.retry_at.is_some_and(|at| now >= at)
    }

    /// Whether edits have waited in the journal long enough that the file should have them
    /// even though the keys keep coming.
    pub fn fold_overdue(&self, now: Instant) -> bool {
        self.file_error.is_none()
            && self
                .pending_since
                .is_some_and(|t| now.duration_since(t) >= FOLD_AT_LEAST_EVERY)
    }

    /// What the backup written on a worker had to say (that it could not be kept), once it
    /// is done; waits for it if `wait`.
    pub fn backup_notices(&mut self, wait: bool) -> Vec<String> {
        if wait
            || self
                .backup
                .as_ref()
                .is_some_and(std::thread::JoinHandle::is_finished)
        {
            self.settle_backup();
        }
        std::mem::take(&mut self.backup_notices)
    }

    /// Waits for the backup being written on a worker: before the file is first written,
    /// so that a crash after it always finds the backup whole.
    fn settle_backup(&mut self) {
        if let Some(worker) = self.backup.take() {
            let said = worker.join().unwrap_or_else(|_| {
                vec!["No backup of the session could be kept (it stopped half-way). Your work is still saved as you go.".to_owned()]
            });
            self.backup_notices.extend(said);
        }
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
}

impl Drop for Store {
    /// A backup still being written is finished, and the journal flushed, before the session
    /// is let go.
    fn drop(&mut self) {
        let _ = self.settle();
        self.settle_backup();
    }
}
