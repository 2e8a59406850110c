//! Writing files so a crash never leaves half of one: a temporary file beside the target,
//! renamed over it (tried again while Windows holds the target for a moment), or written in
//! place to keep hard links; and the temporary files a killed run left, found and removed.

use std::fs::{File, OpenOptions};
use std::io;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU32, Ordering};
use std::time::Duration;

use super::{os, parent_dir, real_path};
use crate::failpoint;

/// How [`write_atomic`] treats the file it replaces.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Replace {
    /// Rename a new file over the old one (the usual, crash-proof way).
    Rename,
    /// Write into the existing file (to keep hard links to it).
    InPlace,
}

/// Writes `bytes` to `path` so that a crash leaves the old content or the new, never half:
/// a temporary file beside the target, flushed to disk, renamed over it, and the rename made
/// durable. A symlink is written through (the link stays a link). A new file gets the
/// umask's permissions; a replaced one keeps its own.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> io::Result<()> {
    write_atomic_at(&real_path(path)?, bytes)
}

/// [`write_atomic`] to exactly `target`: whatever is at that name (a file, or a link someone
/// planted) is replaced by the rename, never written through.
pub fn write_atomic_at(target: &Path, bytes: &[u8]) -> io::Result<()> {
    write_atomic_with_at(target, &mut |tmp| {
        failpoint::write_all("temp.write", tmp, bytes)
    })
}

/// [`write_atomic`] of whatever `write` writes, as it writes it: a large report need not
/// be held in memory whole before it reaches the disk.
pub fn write_atomic_with(
    path: &Path,
    write: &mut dyn FnMut(&mut File) -> io::Result<()>,
) -> io::Result<()> {
    write_atomic_with_at(&real_path(path)?, write)
}

fn write_atomic_with_at(
    target: &Path,
    write: &mut dyn FnMut(&mut File) -> io::Result<()>,
) -> io::Result<()> {
    let dir = parent_dir(target);
    let (tmp_path, mut tmp) = create_temp(target)?;
    let result = (|| {
        write(&mut tmp)?;
        if let Ok(old) = std::fs::symlink_metadata(target)
            && old.is_file()
        {
            failpoint::hit("temp.permissions")?;
            os::keep_permissions(&tmp, &old)?;
        }
        failpoint::hit("temp.sync")?;
        tmp.sync_all()?;
        failpoint::hit("rename")?;
        rename_over(&tmp_path, target)?;
        // Flushing the folder cannot fail in a way that matters (see sync_dir), but the
        // process can die here, with the rename done and not yet durable.
        let _ = failpoint::hit("folder.sync");
        sync_dir(dir);
        Ok(())
    })();
    if result.is_err() {
        let _ = std::fs::remove_file(&tmp_path);
    }
    result
}

/// How long to wait before each new try of a refused rename: five tries over about a second.
const RENAME_WAITS: [Duration; 4] = [
    Duration::from_millis(50),
    Duration::from_millis(100),
    Duration::from_millis(250),
    Duration::from_millis(500),
];

/// Renames `from` over `to`. On Windows an antivirus, OneDrive or Excel holding `to` open
/// refuses the rename for a moment; it is tried again a few times before the refusal stands.
pub fn rename_over(from: &Path, to: &Path) -> io::Result<()> {
    retry(
        || std::fs::rename(from, to),
        os::is_transient,
        &RENAME_WAITS,
    )
}

/// Runs `op`, and again after each of `waits` while it fails with an error `transient`
/// accepts; the last error stands.
fn retry<T>(
    mut op: impl FnMut() -> io::Result<T>,
    transient: impl Fn(&io::Error) -> bool,
    waits: &[Duration],
) -> io::Result<T> {
    let mut waits = waits.iter();
    loop {
        match op() {
            Err(e) if transient(&e) => match waits.next() {
                Some(wait) => std::thread::sleep(*wait),
                None => return Err(e),
            },
            done => return done,
        }
    }
}

/// Writes `bytes` into the existing file at `path`, keeping its identity (and so its hard
/// links). Not atomic on its own: callers keep a durable copy first.
pub fn write_in_place(path: &Path, bytes: &[u8]) -> io::Result<()> {
    failpoint::hit("in-place.open")?;
    let mut file = OpenOptions::new().write(true).open(path)?;
    failpoint::hit("in-place.truncate")?;
    file.set_len(0)?;
    failpoint::write_all("in-place.write", &mut file, bytes)?;
    failpoint::hit("in-place.sync")?;
    file.sync_all()
}

/// Flushes a folder so a rename in it survives a power cut. Best effort: some filesystems
/// cannot sync a folder, and the data itself is already on disk.
pub fn sync_dir(dir: &Path) {
    if let Ok(d) = File::open(dir) {
        let _ = d.sync_all();
    }
}

/// The prefix of every temporary file made for `target`, so a later run can find and remove
/// the ones a killed run left.
pub fn temp_prefix(target: &Path) -> String {
    let name = target.file_name().unwrap_or_default().to_string_lossy();
    format!(".{name}.")
}

const TEMP_SUFFIX: &str = ".awayday-tmp";

fn create_temp(target: &Path) -> io::Result<(PathBuf, File)> {
    static COUNTER: AtomicU32 = AtomicU32::new(0);
    let dir = parent_dir(target);
    let prefix = temp_prefix(target);
    failpoint::hit("temp.create")?;
    loop {
        let n = COUNTER.fetch_add(1, Ordering::Relaxed);
        let path = dir.join(format!("{prefix}{}-{n}{TEMP_SUFFIX}", std::process::id()));
        // create_new never follows or reuses a planted name; on Linux and macOS mode 0666
        // lets the umask decide.
        match os::new_file().write(true).create_new(true).open(&path) {
            Ok(f) => return Ok((path, f)),
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists => {}
            Err(e) => return Err(e),
        }
    }
}

/// Removes temporary files a killed run left beside `target`. Call only while holding the
/// session's lock, so no other awayday is writing one.
pub fn remove_stale_temps(target: &Path) -> usize {
    let prefix = temp_prefix(target);
    let Ok(entries) = std::fs::read_dir(parent_dir(target)) else {
        return 0;
    };
    let mut removed = 0;
    for entry in entries.flatten() {
        let name = entry.file_name();
        let name = name.to_string_lossy();
        if name.starts_with(&prefix)
            && name.ends_with(TEMP_SUFFIX)
            && entry.file_type().is_ok_and(|t| t.is_file())
            && std::fs::remove_file(entry.path()).is_ok()
        {
            removed += 1;
        }
    }
    removed
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::files::LOCKS_ARE_MANDATORY;

    #[cfg(unix)]
    #[test]
    fn write_atomic_keeps_a_symlink_a_symlink() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("t.txt");
        std::fs::write(&target, "old").unwrap();
        let link = dir.path().join("l.txt");
        std::os::unix::fs::symlink(&target, &link).unwrap();
        write_atomic(&link, b"new").unwrap();
        assert!(
            std::fs::symlink_metadata(&link)
                .unwrap()
                .file_type()
                .is_symlink()
        );
        assert_eq!(std::fs::read_to_string(&target).unwrap(), "new");
    }

    #[test]
    fn stale_temps_are_removed_and_others_kept() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("s.ron");
        let stale = dir.path().join(format!(".s.ron.123-0{TEMP_SUFFIX}"));
        let other = dir.path().join(format!(".t.ron.123-0{TEMP_SUFFIX}"));
        std::fs::write(&stale, "").unwrap();
        std::fs::write(&other, "").unwrap();
        assert_eq!(remove_stale_temps(&target), 1);
        assert!(!stale.exists() && other.exists());
    }

    fn denied() -> io::Error {
        io::Error::from(io::ErrorKind::PermissionDenied)
    }

    #[test]
    fn a_transient_refusal_is_tried_again_until_it_passes() {
        let mut calls = 0;
        let waits = [Duration::from_millis(1); 4];
        let got = retry(
            || {
                calls += 1;
                if calls < 3 { Err(denied()) } else { Ok(calls) }
            },
            |_| true,
            &waits,
        );
        assert_eq!(got.unwrap(), 3);
    }

    #[test]
    fn retries_are_bounded_and_a_lasting_refusal_stands() {
        let mut calls = 0;
        let waits = [Duration::from_millis(1); 4];
        let got: io::Result<()> = retry(
            || {
                calls += 1;
                Err(denied())
            },
            |_| true,
            &waits,
        );
        assert_eq!(got.unwrap_err().kind(), io::ErrorKind::PermissionDenied);
        assert_eq!(calls, 5, "one try and one per wait");
        let total: Duration = RENAME_WAITS.iter().sum();
        assert!(total <= Duration::from_millis(1200), "{total:?}");
    }

    #[test]
    fn an_error_that_is_not_transient_is_not_tried_again() {
        let mut calls = 0;
        let got: io::Result<()> = retry(
            || {
                calls += 1;
                Err(io::Error::from(io::ErrorKind::NotFound))
            },
            |e| e.kind() == io::ErrorKind::PermissionDenied,
            &[Duration::from_millis(1); 4],
        );
        assert!(got.is_err());
        assert_eq!(calls, 1);
    }

    /// On Linux and macOS a refused rename is a real refusal (permissions), not a file held
    /// open by another program: waiting a second for it would only slow the error down.
    #[cfg(unix)]
    #[test]
    fn on_unix_a_refused_rename_is_final() {
        assert!(!os::is_transient(&denied()));
        const { assert!(!LOCKS_ARE_MANDATORY) };
    }

    #[cfg(windows)]
    #[test]
    fn on_windows_a_refused_rename_is_tried_again_and_locks_are_mandatory() {
        assert!(os::is_transient(&denied()));
        assert!(!os::is_transient(&io::Error::from(io::ErrorKind::NotFound)));
        const { assert!(LOCKS_ARE_MANDATORY) };
    }
}
