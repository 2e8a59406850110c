//! A fold on a worker thread, so a key pressed while the readable file is rewritten waits for
//! nothing: the screen's thread takes a copy of the session (cheap: the copy shares every
//! node's record with the session, see [`crate::session::Nodes`]), the worker turns it into
//! text, the screen's thread puts the fold's marker into the journal, and only then does the
//! worker write the file. The journal stays the guarantee throughout: every key is journalled as
//! usual while the worker writes.
//!
//! A record journalled after the copy was taken is not in the file being written, but sits
//! before the marker in the journal, where a reader replaying "after the marker" would miss
//! it. So the marker is followed by a copy of each such record. Each entry is an absolute
//! value (see [`super::super::journal`]), so a reader that replays the journal from its
//! start, over the old file, and meets those records twice gets the same session.

use std::sync::mpsc::{self, Receiver, SyncSender, TryRecvError};
use std::time::Instant;

use super::folding::{too_big, unwritable, write_session_file};
use super::{Store, StoreError, stamp};
use crate::files;
use crate::framework::MAX_FILE_BYTES;
use crate::session::file::to_ron;
use crate::session::journal::{self, Entry, Record};
use crate::session::model::Session;
use crate::session::store_error::io_err;

/// A fold under way.
#[derive(Debug)]
pub(super) struct InFlight {
    from_worker: Receiver<Stage>,
    /// Tells the worker to write the file (`true`), once the marker is in the journal, or to
    /// give up (`false`).
    go: SyncSender<bool>,
    saves: u64,
    selected: Option<String>,
    /// Edits pending when the copy was taken: the file being written holds them.
    edits_in_copy: usize,
    /// Records journalled since the copy was taken: not in the file being written.
    pub(super) later: Vec<Record>,
    /// The digest of the text being written, once its marker is in the journal.
    marked: Option<String>,
    /// Tests only: hold the worker back after the marker, to look at the files then.
    #[cfg(feature = "test-support")]
    pub(super) hold: bool,
}

/// What the worker says.
#[derive(Debug)]
enum Stage {
    /// The text is ready; this is its digest.
    Ready(String),
    TooBig,
    Written(std::io::Result<()>),
}

impl Store {
    /// Whether a fold is running on the worker.
    pub fn folding(&self) -> bool {
        self.in_flight.is_some()
    }

    /// Starts folding `session`, as it is now, into the readable file on a worker thread;
    /// [`Store::fold_progress`] moves it on. Returns whether one was started: not while one
    /// runs, nor while records wait for the journal (a retry folds those). Refuses, as
    /// [`Store::fold`] does, a file another program changed.
    pub fn fold_in_background(&mut self, session: &Session) -> Result<bool, StoreError> {
        // A record whose flush fails waits for the journal, and so does the fold.
        let _ = self.settle();
        if self.in_flight.is_some() || !self.unwritten.is_empty() {
            return Ok(false);
        }
        self.settle_backup();
        if self.conflict || self.changed_elsewhere() {
            self.conflict = true;
            return Err(StoreError::ChangedElsewhere {
                path: self.shown.display().to_string(),
            });
        }
        if let Some(e) = unwritable(&self.real, &self.shown) {
            self.file_error = Some(e.to_string());
            self.failed();
            return Err(e);
        }
        let saves = self.saves.max(session.saves) + 1;
        // Shares the records rather than copying them: under a millisecond at 25,088
        // statements, where copying each one took 20–40 ms of the screen's thread.
        let mut copy = session.clone();
        copy.saves = saves;
        let (to_screen, from_worker) = mpsc::channel();
        let (go, go_rx) = mpsc::sync_channel(1);
        let real = self.real.clone();
        let worker = std::thread::Builder::new()
            .name("awayday fold".into())
            .spawn(move || {
                let text = to_ron(&copy);
                if text.len() as u64 > MAX_FILE_BYTES {
                    let _ = to_screen.send(Stage::TooBig);
                    return;
                }
                if to_screen
                    .send(Stage::Ready(journal::digest(text.as_bytes())))
                    .is_ok()
                    && go_rx.recv() == Ok(true)
                {
                    let written = write_session_file(&real, text.as_bytes());
                    // The copy is this text parsed: the next open of the file reads it back.
                    if written.is_ok() {
                        crate::cache::put_text(text.as_bytes(), &copy);
                    }
                    let _ = to_screen.send(Stage::Written(written));
                }
            });
        if let Err(e) = worker {
            let e = io_err(&self.real, &e);
            self.file_error = Some(e.to_string());
            self.failed();
            return Err(e);
        }
        self.in_flight = Some(InFlight {
            from_worker,
            go,
            saves,
            selected: session.selected.clone(),
            edits_in_copy: self.pending_edits,
            later: Vec::new(),
            marked: None,
            #[cfg(feature = "test-support")]
            hold: false,
        });
        Ok(true)
    }

    /// Moves a running fold on, waiting for it to end if `wait`: the marker goes into the
    /// journal when the text is ready, and the journal starts afresh once the file is
    /// written. Returns the fold's outcome when it has ended, `None` while it runs (or when
    /// none runs).
    pub fn fold_progress(
        &mut self,
        session: &mut Session,
        wait: bool,
    ) -> Option<Result<(), StoreError>> {
        loop {
            #[cfg(feature = "test-support")]
            if wait {
                self.release_hold();
            }
            let flight = self.in_flight.as_mut()?;
            let stage = if wait {
                flight.from_worker.recv().ok()
            } else {
                match flight.from_worker.try_recv() {
                    Ok(stage) => Some(stage),
                    Err(TryRecvError::Empty) => return None,
                    Err(TryRecvError::Disconnected) => None,
                }
            };
            match stage {
                Some(Stage::Ready(digest)) => {
                    if let Err(e) = self.mark(digest) {
                        return Some(self.fold_failed(e));
                    }
                }
                Some(Stage::TooBig) => {
                    let e = too_big(&self.shown);
                    return Some(self.fold_failed(e));
                }
                Some(Stage::Written(Ok(()))) => {
                    self.fold_done(session);
                    return Some(Ok(()));
                }
                Some(Stage::Written(Err(e))) => {
                    let e = io_err(&self.shown, &e);
                    return Some(self.fold_failed(e));
                }
                None => {
                    let e = StoreError::Io {
                        path: self.shown.display().to_string(),
                        message: "the save stopped before it was written".into(),
                    };
                    return Some(self.fold_failed(e));
                }
            }
        }
    }

    /// Tests only: keeps the worker from writing the file after the marker until
    /// [`Store::fold_progress`] is called with `wait`, to look at the files in between.
    #[cfg(feature = "test-support")]
    pub fn hold_fold_write(&mut self) {
        if let Some(flight) = &mut self.in_flight {
            flight.hold = true;
        }
    }

    /// Notes a record just journalled: one taken after the copy is not in the file being
    /// written.
    pub(super) fn journalled_during_fold(&mut self, records: &[Record]) {
        if let Some(flight) = &mut self.in_flight {
            flight.later.extend_from_slice(records);
        }
    }

    /// Puts the fold's marker into the journal, with a copy of each record journalled since
    /// the session was copied, and lets the worker write.
    fn mark(&mut self, digest: String) -> Result<(), StoreError> {
        let Some(flight) = &self.in_flight else {
            return Ok(());
        };
        let mut text = journal::encode_line(&Record {
            selected: None,
            entries: vec![Entry::Fold {
                digest: digest.clone(),
                saves: flight.saves,
            }],
        });
        text.extend(flight.later.iter().map(journal::encode_line));
        self.write_journal_at_end(text.as_bytes())
            .map_err(|e| io_err(&self.journal_path, &e))?;
        if let Some(flight) = &mut self.in_flight {
            flight.marked = Some(digest);
            #[cfg(feature = "test-support")]
            if flight.hold {
                return Ok(());
            }
            let _ = flight.go.send(true);
        }
        Ok(())
    }

    /// Tests only: lets a held worker write.
    #[cfg(feature = "test-support")]
    fn release_hold(&mut self) {
        if let Some(flight) = &mut self.in_flight
            && flight.hold
            && flight.marked.is_some()
        {
            flight.hold = false;
            let _ = flight.go.send(true);
        }
    }

    fn fold_failed(&mut self, e: StoreError) -> Result<(), StoreError> {
        if let Some(flight) = self.in_flight.take() {
            let _ = flight.go.send(false);
        }
        // A marker left in the journal names a file that was never written: no file has its
        // digest, so no reader acts on it.
        self.file_error = Some(e.to_string());
        self.failed();
        Err(e)
    }

    /// The file is written: it is now the file the journal's records apply to.
    fn fold_done(&mut self, session: &mut Session) {
        let Some(flight) = self.in_flight.take() else {
            return;
        };
        let digest = flight.marked.unwrap_or_default();
        session.saves = flight.saves;
        self.saves = flight.saves;
        self.digest = digest;
        self.stamp = stamp(&self.real);
        self.written_selection = flight.selected;
        self.file_error = None;
        self.succeeded();
        if flight.later.is_empty() && self.unwritten.is_empty() {
            if let Err(e) = self.restart_journal() {
                self.journal_error = Some(e.to_string());
                self.failed();
            }
        } else {
            self.pending_edits = self.pending_edits.saturating_sub(flight.edits_in_copy);
            self.pending_since = Some(Instant::now());
            self.restart_journal_with(&flight.later);
        }
    }

    /// Starts the journal afresh with the records the file does not hold yet, by writing
    /// the new journal beside the old one and renaming it over, so a crash leaves one or
    /// the other. If that fails, the journal stays as it is, which is as good: its marker
    /// names the file just written, and the records after it are replayed over it.
    fn restart_journal_with(&mut self, later: &[Record]) {
        let _ = self.settle();
        if !self.unwritten.is_empty() {
            return;
        }
        let mut text = self.header_line();
        if let Some(draft) = &self.draft {
            text.push_str(&journal::encode_line(&Record {
                selected: None,
                entries: vec![Entry::Draft(Some(draft.clone()))],
            }));
        }
        text.extend(later.iter().map(journal::encode_line));
        let replaced = super::companions::replace_companion(&self.journal_path, text.as_bytes())
            .and_then(|()| files::open_private(&self.journal_path));
        if let Ok(journal) = replaced {
            self.journal = journal;
            self.journal_bytes = text.len() as u64;
            self.journal_tail_dirty = false;
        }
    }
}

#[cfg(feature = "test-support")]
impl Store {
    /// Tests only: whether the running fold's marker is in the journal.
    pub fn fold_marked(&self) -> bool {
        self.in_flight.as_ref().is_some_and(|f| f.marked.is_some())
    }
}
