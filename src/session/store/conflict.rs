//! When another program changed the session file: this window's version kept beside it, and
//! the facilitator's choice of theirs, ours, or the two merged.

use std::path::{Path, PathBuf};

use super::{Store, StoreError, stamp};
use crate::files;
use crate::framework::MAX_FILE_BYTES;
use crate::session::file::{parse, to_ron};
use crate::session::journal;
use crate::session::merge::{Prefer, merge};
use crate::session::model::Session;
use crate::session::store_error::io_err;

impl Store {
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
