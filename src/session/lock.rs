//! One writer per session: an OS lock on a small file beside the session.
//!
//! The lock is the kernel's (`flock`), not the file's existence, so when a process dies, even
//! by `kill -9`, its lock goes with it and the next awayday simply takes over.

use std::fs::{File, OpenOptions, TryLockError};
use std::io::{Read, Seek, Write};
use std::path::{Path, PathBuf};

/// Held while a session is open; dropping it releases the lock.
#[derive(Debug)]
pub struct SessionLock {
    _file: File,
    path: PathBuf,
}

/// Why a session could not be locked.
#[derive(Debug, thiserror::Error)]
pub enum LockError {
    #[error(
        "{session} is open in another awayday{holder}. Close it there first (or work on a copy): two windows writing one session would lose changes."
    )]
    Held { session: String, holder: String },
    #[error("{path}: cannot create the lock file beside the session: {source}")]
    Io {
        path: String,
        source: std::io::Error,
    },
}

/// `.<name>.lock` beside the session.
pub fn lock_path(session: &Path) -> PathBuf {
    let name = session.file_name().unwrap_or_default().to_string_lossy();
    session.with_file_name(format!(".{name}.lock"))
}

impl SessionLock {
    /// Takes the lock for `session`, or says who holds it.
    pub fn acquire(session: &Path) -> Result<SessionLock, LockError> {
        let path = lock_path(session);
        let io = |source| LockError::Io {
            path: path.display().to_string(),
            source,
        };
        let mut file = OpenOptions::new()
            .read(true)
            .write(true)
            .create(true)
            .truncate(false)
            .open(&path)
            .map_err(io)?;
        match file.try_lock() {
            Ok(()) => {}
            Err(TryLockError::WouldBlock) => {
                let mut pid = String::new();
                let _ = file.read_to_string(&mut pid);
                let pid = pid.trim();
                return Err(LockError::Held {
                    session: session.display().to_string(),
                    holder: if pid.is_empty() {
                        String::new()
                    } else {
                        format!(" (process {pid})")
                    },
                });
            }
            Err(TryLockError::Error(e)) => return Err(io(e)),
        }
        // Record who holds it, for the message another process shows.
        let _ = file.set_len(0);
        let _ = file.rewind();
        let _ = write!(file, "{}", std::process::id());
        let _ = file.flush();
        Ok(SessionLock { _file: file, path })
    }
}

impl Drop for SessionLock {
    fn drop(&mut self) {
        // Tidy up; if this fails the stale file is harmless (the lock is the kernel's).
        let _ = std::fs::remove_file(&self.path);
    }
}
