//! The file layer on Linux and macOS: identity is device and inode, links are refused by
//! `O_NOFOLLOW`, "yours" means owned by this user, and locks are advisory.

use std::fs::{File, Metadata, OpenOptions};
use std::io;
use std::os::unix::fs::{MetadataExt, OpenOptionsExt, PermissionsExt};
use std::path::Path;

use super::FileId;

/// `flock` locks stop other lockers only: the holder's process id can be read from the lock
/// file, and the session file itself can be locked and still written by any handle.
pub(super) const LOCKS_ARE_MANDATORY: bool = false;

pub(super) fn file_id(path: &Path) -> Option<FileId> {
    let m = std::fs::metadata(path).ok()?;
    Some(FileId {
        volume: m.dev(),
        index: m.ino(),
    })
}

pub(super) fn link_count(path: &Path) -> Option<u64> {
    std::fs::metadata(path).ok().map(|m| m.nlink())
}

/// Opens a file known to be regular for reading. `O_NONBLOCK`: if the name was swapped for a
/// FIFO since the check, opening does not hang.
pub(super) fn open_for_reading(path: &Path) -> io::Result<File> {
    OpenOptions::new()
        .read(true)
        .custom_flags(rustix::fs::OFlags::NONBLOCK.bits().cast_signed())
        .open(path)
}

/// Opens `path` without following a link at its name: for reading and writing (creating it
/// if needed), or for reading only (it must exist).
pub(super) fn open_no_follow(path: &Path, write: bool) -> io::Result<File> {
    let mut options = OpenOptions::new();
    options.read(true);
    if write {
        options.write(true).create(true).truncate(false).mode(0o666);
    }
    options
        .custom_flags(rustix::fs::OFlags::NOFOLLOW.bits().cast_signed())
        .open(path)
        .map_err(|e| {
            if e.raw_os_error() == Some(rustix::io::Errno::LOOP.raw_os_error()) {
                super::link_refused()
            } else {
                e
            }
        })
}

/// Owned by the user awayday runs as.
pub(super) fn is_yours(meta: &Metadata) -> bool {
    meta.uid() == rustix::process::geteuid().as_raw()
}

/// Options for a new file: mode 0666, so the umask alone decides who may read it.
pub(super) fn new_file() -> OpenOptions {
    let mut o = OpenOptions::new();
    o.mode(0o666);
    o
}

/// A replacement keeps the permissions of the file it replaces.
pub(super) fn keep_permissions(new: &File, old: &Metadata) -> io::Result<()> {
    new.set_permissions(std::fs::Permissions::from_mode(old.mode() & 0o7777))
}

/// Whether this user may create files in `dir` (`access(W_OK)`: asks, creates nothing).
pub(super) fn folder_writable(dir: &Path) -> io::Result<()> {
    rustix::fs::access(dir, rustix::fs::Access::WRITE_OK)
        .map_err(|e| io::Error::from_raw_os_error(e.raw_os_error()))
}

/// A refused rename is final here: nothing on these systems holds a file open against it.
pub(super) fn is_transient(_: &io::Error) -> bool {
    false
}
