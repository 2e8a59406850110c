//! Why a session could not be read, opened or written: shared by the reader every command
//! uses and by the app's store, which both report it.

use std::path::Path;

use super::file::SessionError;
use super::lock::LockError;

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

/// An I/O failure on `path`, in the store's words.
pub(super) fn io_err(path: &Path, e: &std::io::Error) -> StoreError {
    StoreError::Io {
        path: path.display().to_string(),
        message: e.to_string(),
    }
}
