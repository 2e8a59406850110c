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
use std::io::{Read, Seek, Write};
use std::path::{Path, PathBuf};
use std::time::SystemTime;

use super::file::{SessionError, backup_path, parse, to_ron};
use super::journal::{self, Draft, Entry, Header, Record};
use super::lock::{LockError, SessionLock};
use super::merge::{Prefer, merge};
use super::model::Session;
use crate::files::{self, FileId};
use crate::framework::MAX_FILE_BYTES;

/// A journal longer than this is folded even while keys keep coming, so it stays quick to
/// replay and never outgrows the file it describes by much.
pub const FOLD_BYTES: u64 = 4 * 1024 * 1024;

/// Why the session file could not be opened or written.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error(transparent)]
    Session(#[from] SessionError),
    #[error(transparent)]
    Lock(#[from] LockError),
    #[error("{path}: {message}")]
    Io { path: String, message: String },
    #[error(
        "{path} was changed by another program since awayday last wrote it; nothing was written over it"
    )]
    ChangedElsewhere { path: String },
}

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

/// The open session's files.
#[derive(Debug)]
pub struct Store {
    real: PathBuf,
    shown: PathBuf,
    _lock: SessionLock,
    journal: File,
    journal_path: PathBuf,
    journal_bytes: u64,
    /// Records since the last fold.
    pending: usize,
    /// SHA-256 of the session file as awayday last read or wrote it.
    digest: String,
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
        let bytes = read_session_bytes(&real, &shown)?;
        let text = String::from_utf8(bytes.clone()).map_err(|e| StoreError::Io {
            path: shown.display().to_string(),
            message: format!(
                "is not UTF-8 text (invalid byte at offset {})",
                e.utf8_error().valid_up_to()
            ),
        })?;
        let mut session = parse(&text, &shown.display().to_string())?;
        // Every change is written at once, so a file that cannot be written is refused now.
        if let Err(e) = std::fs::OpenOptions::new().write(true).open(&real) {
            return Err(StoreError::Io {
                path: shown.display().to_string(),
                message: format!(
                    "cannot be written ({e}); awayday saves every change as it is made. Fix the file's permissions, or copy it somewhere you can write."
                ),
            });
        }
        let digest = journal::digest(&bytes);
        let journal_path = files::companion(&real, ".journal");
        let recovered = recover_journal(&journal_path, &real, &digest, &mut session)?;
        notices.extend(recovered.notices);
        keep_backup(&real, &bytes, &mut notices);
        let journal = files::open_private(&journal_path).map_err(|e| io_err(&journal_path, &e))?;
        let mut store = Store {
            written_selection: session.selected.clone(),
            real: real.clone(),
            shown,
            _lock: lock,
            journal,
            journal_path,
            journal_bytes: 0,
            pending: 0,
            digest,
            stamp: stamp(&real),
            conflict: false,
            draft: recovered.draft.clone(),
        };
        if recovered.edits > 0 {
            // Put the recovered edits into the readable file now.
            store.fold(&session)?;
        } else {
            store.restart_journal()?;
        }
        Ok(Opened {
            store,
            session,
            notices,
            draft: recovered.draft,
        })
    }

    /// The session's real path.
    pub fn path(&self) -> &Path {
        &self.real
    }

    /// The name the session was opened by.
    pub fn shown(&self) -> &Path {
        &self.shown
    }

    /// Edits journalled but not yet folded into the file.
    pub fn pending(&self) -> usize {
        self.pending
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

    /// Appends one record to the journal and makes it durable before returning.
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
        let line = journal::encode_line(&Record { selected, entries });
        let io = |e: std::io::Error| io_err(&self.journal_path, &e);
        self.journal.write_all(line.as_bytes()).map_err(io)?;
        self.journal.sync_data().map_err(io)?;
        self.pending += 1;
        self.journal_bytes += line.len() as u64;
        Ok(line.len())
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
    pub fn fold(&mut self, session: &Session) -> Result<(), StoreError> {
        if self.conflict || self.changed_elsewhere() {
            self.conflict = true;
            return Err(StoreError::ChangedElsewhere {
                path: self.shown.display().to_string(),
            });
        }
        self.write_file(session)
    }

    fn write_file(&mut self, session: &Session) -> Result<(), StoreError> {
        let text = to_ron(session);
        if text.len() as u64 > MAX_FILE_BYTES {
            return Err(StoreError::Io {
                path: self.shown.display().to_string(),
                message: format!(
                    "the session has grown past {} MB, more than awayday opens; your edits are kept in {}",
                    MAX_FILE_BYTES / 1024 / 1024,
                    self.journal_path.display()
                ),
            });
        }
        let digest = journal::digest(text.as_bytes());
        // Say where these records are going before they go, so a crash in between is told
        // apart from another program's change when the journal is next read.
        self.append(
            vec![Entry::Fold {
                digest: digest.clone(),
            }],
            None,
        )?;
        write_session_file(&self.real, text.as_bytes()).map_err(|e| io_err(&self.shown, &e))?;
        self.digest = digest;
        self.stamp = stamp(&self.real);
        self.written_selection.clone_from(&session.selected);
        self.restart_journal()
    }

    /// Empties the journal and writes its header for the file as it now is.
    fn restart_journal(&mut self) -> Result<(), StoreError> {
        let header =
            journal::encode_line(&Header::new(&self.real.display().to_string(), &self.digest));
        let io = |e: std::io::Error| io_err(&self.journal_path, &e);
        self.journal.set_len(0).map_err(io)?;
        self.journal.rewind().map_err(io)?;
        self.journal.write_all(header.as_bytes()).map_err(io)?;
        self.journal.sync_data().map_err(io)?;
        self.journal_bytes = header.len() as u64;
        if let Some(draft) = self.draft.clone() {
            self.append(vec![Entry::Draft(Some(draft))], None)?;
        }
        self.pending = 0;
        Ok(())
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
        self.stamp = stamp(&self.real);
        self.written_selection.clone_from(&session.selected);
        self.conflict = false;
        self.restart_journal()?;
        Ok(session)
    }

    /// Conflict resolved by writing `session` over the file; theirs is kept beside it first.
    pub fn write_over_theirs(&mut self, session: &Session) -> Result<Option<PathBuf>, StoreError> {
        let kept = match files::read_limited(&self.real, MAX_FILE_BYTES) {
            Ok(bytes) => {
                let path = fresh_sibling(&self.real, "theirs");
                files::write_atomic(&path, &bytes).map_err(|e| io_err(&path, &e))?;
                Some(path)
            }
            Err(_) => None,
        };
        self.conflict = false;
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
        files::write_in_place(real, bytes)?;
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
    let bytes = read_session_bytes(real, real)?;
    let mut session = parse(
        &String::from_utf8_lossy(&bytes),
        &real.display().to_string(),
    )?;
    let journal_path = files::companion(real, ".journal");
    let recovered = recover_journal(&journal_path, real, &journal::digest(&bytes), &mut session)?;
    if recovered.edits == 0 {
        return Ok(0);
    }
    let text = to_ron(&session);
    let marker = journal::encode_line(&Record {
        selected: None,
        entries: vec![Entry::Fold {
            digest: journal::digest(text.as_bytes()),
        }],
    });
    let io = |e: std::io::Error| io_err(&journal_path, &e);
    let mut file = files::open_private(&journal_path).map_err(io)?;
    file.seek(std::io::SeekFrom::End(0)).map_err(io)?;
    file.write_all(marker.as_bytes()).map_err(io)?;
    file.sync_data().map_err(io)?;
    write_session_file(real, text.as_bytes()).map_err(|e| io_err(real, &e))?;
    Ok(recovered.edits)
}

fn io_err(path: &Path, e: &std::io::Error) -> StoreError {
    StoreError::Io {
        path: path.display().to_string(),
        message: e.to_string(),
    }
}

fn read_session_bytes(real: &Path, shown: &Path) -> Result<Vec<u8>, StoreError> {
    files::read_limited(real, MAX_FILE_BYTES).map_err(|e| StoreError::Io {
        path: shown.display().to_string(),
        message: e.to_string(),
    })
}

fn swap_path(real: &Path) -> PathBuf {
    files::companion(real, ".swap")
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

/// What reading the journal gave back.
struct Recovered {
    edits: usize,
    draft: Option<Draft>,
    notices: Vec<String>,
}

/// Reads the journal beside the session and replays what the file does not hold yet.
fn recover_journal(
    path: &Path,
    real: &Path,
    file_digest: &str,
    session: &mut Session,
) -> Result<Recovered, StoreError> {
    let mut out = Recovered {
        edits: 0,
        draft: None,
        notices: Vec::new(),
    };
    if std::fs::symlink_metadata(path).is_err() {
        return Ok(out);
    }
    let mut text = String::new();
    files::open_private(path)
        .and_then(|f| {
            f.take(MAX_FILE_BYTES * 2)
                .read_to_string(&mut text)
                .map(|_| ())
        })
        .map_err(|e| io_err(path, &e))?;
    if text.is_empty() {
        return Ok(out);
    }
    let parsed = journal::parse(&text);
    let Some(header) = parsed.header else {
        let aside = set_aside(path, "unreadable");
        out.notices.push(format!(
            "{} was not an awayday journal; it was set aside as {} and not used.",
            path.display(),
            aside.display()
        ));
        return Ok(out);
    };
    let records = &parsed.records;
    // A form's text is not an edit of the file: the last draft stands wherever it is.
    out.draft = journal::last_draft(records);
    let start = if header.base == file_digest {
        Some(0)
    } else {
        records
            .iter()
            .rposition(|r| {
                r.entries
                    .iter()
                    .any(|e| matches!(e, Entry::Fold { digest } if digest == file_digest))
            })
            .map(|i| i + 1)
    };
    let same_session = header.session == real.display().to_string();
    let start = match start {
        Some(s) => s,
        None if !same_session => {
            let aside = set_aside(path, "refused");
            out.notices.push(format!(
                "The journal beside this session belongs to another session ({}); it was not replayed and was set aside as {}.",
                header.session,
                aside.display()
            ));
            return Ok(out);
        }
        None => {
            let replayed = journal::replay(session, records);
            if replayed.edits > 0 {
                out.notices.push(format!(
                    "The session file had been changed by another program after your last {} edits here; they were applied on top of it. The file as found is kept as {}.",
                    replayed.edits,
                    backup_path(real).display()
                ));
            }
            out.edits = replayed.edits;
            return Ok(out);
        }
    };
    let replayed = journal::replay(session, &records[start..]);
    if parsed.torn {
        out.notices.push(
            "The journal ended in the middle of an edit (awayday was stopped while writing it): everything up to the last whole edit was recovered.".into(),
        );
    }
    if replayed.edits > 0 {
        out.notices.push(format!(
            "Recovered {} edits made since the last save (awayday was stopped before writing them into the file).",
            replayed.edits
        ));
    }
    out.edits = replayed.edits;
    Ok(out)
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
