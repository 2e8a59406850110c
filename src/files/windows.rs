//! The file layer on Windows: identity is volume serial and file index (from the handle),
//! links (reparse points) are opened as themselves and refused, there is no owner to check
//! (folders' access lists decide who may write), and locks are mandatory.

use std::fs::{File, Metadata, OpenOptions};
use std::io;
use std::os::windows::fs::{MetadataExt, OpenOptionsExt};
use std::path::Path;

use super::FileId;

/// `CreateFileW` flag: open a symbolic link or junction itself, not what it points to.
const FILE_FLAG_OPEN_REPARSE_POINT: u32 = 0x0020_0000;
/// `CreateFileW` flag: lets a folder be opened, for its identity.
const FILE_FLAG_BACKUP_SEMANTICS: u32 = 0x0200_0000;
/// The attribute every link-like file (symbolic link, junction, mount point) carries.
const FILE_ATTRIBUTE_REPARSE_POINT: u32 = 0x0400;

/// `LockFileEx` locks are enforced on every other handle: while a lock is held, its file
/// cannot be read through another handle (so the holder's process id cannot be shown), and a
/// locked session could not be written by the rename or in-place write.
pub(super) const LOCKS_ARE_MANDATORY: bool = true;

fn open_handle(path: &Path) -> io::Result<File> {
    OpenOptions::new()
        .read(true)
        .custom_flags(FILE_FLAG_BACKUP_SEMANTICS)
        .open(path)
}

pub(super) fn file_id(path: &Path) -> Option<FileId> {
    let info = winapi_util::file::information(&open_handle(path).ok()?).ok()?;
    Some(FileId {
        volume: info.volume_serial_number(),
        index: info.file_index(),
    })
}

pub(super) fn link_count(path: &Path) -> Option<u64> {
    let info = winapi_util::file::information(&open_handle(path).ok()?).ok()?;
    Some(info.number_of_links())
}

/// Opens a file known to be regular for reading (Windows has no FIFOs at ordinary paths).
pub(super) fn open_for_reading(path: &Path) -> io::Result<File> {
    File::open(path)
}

/// Opens (creating) `path` for reading and writing without following a link at its name:
/// the reparse point is opened as itself, then refused.
pub(super) fn open_no_follow(path: &Path, write: bool) -> io::Result<File> {
    // Asked by name first as well: the handle's attributes are the guard against a link
    // planted between the two, the name's answer the guard where a file system (or Wine)
    // does not mark an opened link as one.
    if std::fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink()) {
        return Err(super::link_refused());
    }
    let mut options = OpenOptions::new();
    options.read(true);
    if write {
        options.write(true).create(true).truncate(false);
    }
    let file = options
        .custom_flags(FILE_FLAG_OPEN_REPARSE_POINT)
        .open(path)?;
    let meta = file.metadata()?;
    if meta.file_attributes() & FILE_ATTRIBUTE_REPARSE_POINT != 0 || meta.file_type().is_symlink() {
        return Err(super::link_refused());
    }
    Ok(file)
}

/// Windows files have no owning user id to compare; who may write a file is decided by the
/// folder's access list, which a file created there inherits. Every regular file counts.
pub(super) fn is_yours(_: &Metadata) -> bool {
    true
}

/// Options for a new file: it takes the folder's access list, as every Windows program's do.
pub(super) fn new_file() -> OpenOptions {
    OpenOptions::new()
}

/// A replacement takes the folder's access list; the read-only flag is not carried over,
/// since a rename over a read-only file is refused anyway.
pub(super) fn keep_permissions(_: &File, _: &Metadata) -> io::Result<()> {
    Ok(())
}

/// Whether this user may create files in `dir`. Folder permissions are access lists (the
/// read-only flag on a folder means nothing), so the only true answer is to try: a probe
/// file is created and removed at once.
pub(super) fn folder_writable(dir: &Path) -> io::Result<()> {
    tempfile::Builder::new()
        .prefix(".awayday-probe")
        .tempfile_in(dir)
        .map(drop)
}

/// An antivirus scan, OneDrive's sync or Excel holding the file open refuses a rename over it
/// for a moment with "access denied"; that is worth another try.
pub(super) fn is_transient(e: &io::Error) -> bool {
    e.kind() == io::ErrorKind::PermissionDenied
}
