//! One writer per session: a kernel lock (`flock`) on a small file beside the session's real
//! path, whatever name it was opened by.
//!
//! The lock is the kernel's, not the file's existence, so when a process dies, even by
//! `kill -9`, its lock goes with it and the next awayday simply takes over. The lock file is
//! never deleted: deleting it would let one process lock the deleted file while another
//! creates a new one, and both would write. It is opened without following links and must be
//! a regular file of this user's. A session with hard links is also locked on its own inode,
//! so a second awayday reaching it by another name is refused too.
//!
//! Where locks are mandatory (Windows), a lock keeps every other handle off the file, so only
//! the lock file is locked (the session must stay writable by the rename and the in-place
//! write), and the holder's process id, which no other handle can read, is not shown.

use std::fs::{File, TryLockError};
use std::io::{Read, Seek, Write};
use std::path::{Path, PathBuf};

use crate::files;

/// Held while a session is open; dropping it releases the lock (the file stays).
#[derive(Debug)]
pub struct SessionLock {
    _file: File,
    _inode: Option<File>,
}

/// Why a session could not be locked.
#[derive(Debug, thiserror::Error)]
pub enum LockError {
    #[error(
        "{session} is open in another awayday{holder}. Close it there first (or work on a copy): two windows writing one session would lose changes."
    )]
    Held { session: String, holder: String },
    #[error("{path}: cannot use this lock file beside the session: {source}")]
    Io {
        path: String,
        source: std::io::Error,
    },
}

/// `.<name>.lock` beside the session's real path.
pub fn lock_path(session: &Path) -> PathBuf {
    files::companion(session, ".lock")
}

impl SessionLock {
    /// Takes the lock for the session whose real path is `real`, or says who holds it.
    /// `shown` is the name the user gave, for messages.
    pub fn acquire(real: &Path, shown: &Path) -> Result<SessionLock, LockError> {
        let path = lock_path(real);
        let io = |source| LockError::Io {
            path: path.display().to_string(),
            source,
        };
        let held = |file: &mut File| {
            let mut pid = String::new();
            if !files::LOCKS_ARE_MANDATORY {
                let _ = file.read_to_string(&mut pid);
            }
            let pid = pid.trim();
            LockError::Held {
                session: shown.display().to_string(),
                holder: if pid.is_empty() || pid.len() > 12 {
                    String::new()
                } else {
                    format!(" (process {pid})")
                },
            }
        };
        let mut file = files::open_private(&path).map_err(io)?;
        match try_lock_briefly(&file) {
            Ok(()) => {}
            Err(TryLockError::WouldBlock) => return Err(held(&mut file)),
            Err(TryLockError::Error(e)) => return Err(io(e)),
        }
        // Hard links: the other names have other lock files, so lock the inode itself too.
        let inode = match files::link_count(real) {
            Some(n) if n > 1 && !files::LOCKS_ARE_MANDATORY => {
                let f = File::open(real).map_err(io)?;
                match try_lock_briefly(&f) {
                    Ok(()) => Some(f),
                    Err(TryLockError::WouldBlock) => return Err(held(&mut file)),
                    Err(TryLockError::Error(e)) => return Err(io(e)),
                }
            }
            _ => None,
        };
        // Record who holds it, for the message another process shows.
        let _ = file.set_len(0);
        let _ = file.rewind();
        let _ = write!(file, "{}", std::process::id());
        let _ = file.flush();
        Ok(SessionLock {
            _file: file,
            _inode: inode,
        })
    }
}

/// Takes a lock, waiting a moment if it is held: a process that has just ended (killed and
/// restarted at once) can hold it for a few milliseconds more while the system closes its
/// files, as can a child process started at that moment, which holds a copy of every open
/// file until it starts its own program. Another awayday really holding it is still refused
/// in a fifth of a second.
fn try_lock_briefly(file: &File) -> Result<(), TryLockError> {
    const WAITS: [u64; 4] = [10, 30, 60, 100];
    for wait in WAITS {
        match file.try_lock() {
            Err(TryLockError::WouldBlock) => {
                std::thread::sleep(std::time::Duration::from_millis(wait));
            }
            done => return done,
        }
    }
    file.try_lock()
}
