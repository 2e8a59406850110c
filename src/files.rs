//! Files as the user means them: the real file behind any name, whether two names are one
//! file, reading only regular files of bounded size, creating files beside a session without
//! following links, and atomic replacement that keeps links, permissions and the umask.
//!
//! This is the one place that knows which system it runs on: `unix` (Linux, macOS) and
//! `windows` hold what differs, behind the same few functions; the rest of awayday calls
//! only what is here.

use std::fs::{File, OpenOptions};
use std::io::{self, Read};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU32, Ordering};
use std::time::Duration;

use crate::failpoint;

#[cfg(unix)]
mod unix;
#[cfg(unix)]
use unix as os;
#[cfg(windows)]
mod windows;
#[cfg(windows)]
use windows as os;

/// A file's identity on this machine: two names with the same identity are one file (device
/// and inode on Linux and macOS, volume serial number and file index on Windows).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct FileId {
    volume: u64,
    index: u64,
}

/// Whether a lock keeps every other handle off the locked file, reads and writes included
/// (Windows), rather than only other lockers (Linux, macOS).
pub const LOCKS_ARE_MANDATORY: bool = os::LOCKS_ARE_MANDATORY;

/// The identity of the file `path` names, following links; `None` if there is none.
pub fn file_id(path: &Path) -> Option<FileId> {
    os::file_id(path)
}

/// How many names (hard links) the file at `path` has, following links; `None` if unknown.
pub fn link_count(path: &Path) -> Option<u64> {
    os::link_count(path)
}

/// Whether a file found beside a session counts as the user's own: owned by this user on
/// Linux and macOS; on Windows, which has no owning user id, any regular file (the folder's
/// access list already decides who could have put it there).
pub fn is_yours(meta: &std::fs::Metadata) -> bool {
    os::is_yours(meta)
}

/// Whether this user may create files in the folder `dir` (for the lock, the journal and the
/// atomic rename); the error says why not.
pub fn folder_writable(dir: &Path) -> io::Result<()> {
    os::folder_writable(dir)
}

/// Whether two names are the same file (after links, `..`, hard links).
pub fn same_file(a: &Path, b: &Path) -> bool {
    matches!((file_id(a), file_id(b)), (Some(x), Some(y)) if x == y)
}

/// Refuses to write `output` when it is one of `inputs` by identity (a symlink, a hard link
/// or `..` to it count): the error names both. Whatever flags say, an output never lands on
/// an input.
pub fn refuse_output_on_input(output: &Path, inputs: &[&Path]) -> Result<(), String> {
    let Some(out) = file_id(output) else {
        return Ok(()); // a new file cannot be an input
    };
    for input in inputs {
        if file_id(input) == Some(out) {
            return Err(format!(
                "{} is {} itself (the same file by another name); choose another output",
                output.display(),
                input.display()
            ));
        }
    }
    Ok(())
}

/// The real path behind `path`: every symlink and `..` resolved. A file that does not exist
/// yet resolves through its folder, so writing to the result writes where the user meant.
pub fn real_path(path: &Path) -> io::Result<PathBuf> {
    // dunce: on Windows, `C:\…` rather than `\\?\C:\…`, which users would see in messages
    // and which other programs given the path may not open.
    match dunce::canonicalize(path) {
        Ok(p) => Ok(p),
        Err(e) if e.kind() == io::ErrorKind::NotFound => {
            // A dangling symlink is written through: its target is the file meant.
            if let Ok(target) = std::fs::read_link(path) {
                let base = parent_dir(path);
                return real_path(&base.join(target));
            }
            let name = path
                .file_name()
                .ok_or_else(|| io::Error::new(io::ErrorKind::InvalidInput, "not a file name"))?;
            Ok(dunce::canonicalize(parent_dir(path))?.join(name))
        }
        Err(e) => Err(e),
    }
}

/// The folder a path is in (`.` for a bare name).
pub fn parent_dir(path: &Path) -> &Path {
    match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    }
}

/// `path` with `suffix` added to its file name: `s.ron` → `s.ron.bak`.
pub fn with_suffix(path: &Path, suffix: &str) -> PathBuf {
    let mut name = path.file_name().unwrap_or_default().to_os_string();
    name.push(suffix);
    path.with_file_name(name)
}

/// A hidden companion beside `path`: `s.ron` → `.s.ron.lock`.
pub fn companion(path: &Path, suffix: &str) -> PathBuf {
    let name = path.file_name().unwrap_or_default().to_string_lossy();
    path.with_file_name(format!(".{name}{suffix}"))
}

/// Why a file was not read.
#[derive(Debug, thiserror::Error)]
pub enum ReadError {
    #[error(transparent)]
    Io(#[from] io::Error),
    #[error("is a folder, not a file")]
    Folder,
    #[error("is not a regular file (a device, pipe or socket); awayday reads only files")]
    NotRegular,
    #[error("is over {} MB; files over {} MB are refused", .0 / 1024 / 1024, .0 / 1024 / 1024)]
    TooBig(u64),
}

/// Reads a regular file of at most `max` bytes. A device or FIFO is refused before it is
/// opened (opening a FIFO blocks; reading `/dev/zero` never ends), and the limit is enforced
/// while reading, so a file that grows after the check still cannot exhaust memory.
pub fn read_limited(path: &Path, max: u64) -> Result<Vec<u8>, ReadError> {
    let meta = std::fs::metadata(path)?;
    if meta.is_dir() {
        return Err(ReadError::Folder);
    }
    if !meta.is_file() {
        return Err(ReadError::NotRegular);
    }
    if meta.len() > max {
        return Err(ReadError::TooBig(max));
    }
    let file = os::open_for_reading(path)?;
    if !file.metadata()?.is_file() {
        return Err(ReadError::NotRegular);
    }
    let mut bytes = Vec::with_capacity(usize::try_from(meta.len()).unwrap_or(0));
    file.take(max + 1).read_to_end(&mut bytes)?;
    if bytes.len() as u64 > max {
        return Err(ReadError::TooBig(max));
    }
    Ok(bytes)
}

/// Opens (creating if needed) a companion file of the user's own, never following a link:
/// a symlink or anything but a regular file owned by this user is refused, so another user of
/// a shared folder cannot make awayday write through a planted link. (On Windows a link is a
/// reparse point, opened as itself and refused; "of the user's own" is explained at
/// [`is_yours`].)
pub fn open_private(path: &Path) -> io::Result<File> {
    open_own(path, true)
}

/// [`open_private`] for reading only: an existing companion, never created or changed, with
/// the same refusals (a link, not a regular file, another user's).
pub fn open_private_read(path: &Path) -> io::Result<File> {
    open_own(path, false)
}

fn open_own(path: &Path, write: bool) -> io::Result<File> {
    let file = os::open_no_follow(path, write)?;
    let meta = file.metadata()?;
    if !meta.is_file() {
        return Err(io::Error::new(
            io::ErrorKind::InvalidInput,
            "it is not a regular file; remove it",
        ));
    }
    if !is_yours(&meta) {
        return Err(io::Error::new(
            io::ErrorKind::PermissionDenied,
            "it belongs to another user; remove it",
        ));
    }
    Ok(file)
}

/// The error for a link found where awayday was to create or open its own file.
fn link_refused() -> io::Error {
    io::Error::new(
        io::ErrorKind::InvalidInput,
        "it is a symbolic link; awayday will not write through it (remove it)",
    )
}

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

    #[cfg(unix)]
    #[test]
    fn real_path_resolves_links_and_dotdot() {
        let dir = tempfile::tempdir().unwrap();
        let real = dir.path().join("real");
        std::fs::create_dir(&real).unwrap();
        std::fs::write(real.join("s.ron"), "x").unwrap();
        std::os::unix::fs::symlink(real.join("s.ron"), dir.path().join("cur.ron")).unwrap();
        let want = std::fs::canonicalize(real.join("s.ron")).unwrap();
        assert_eq!(real_path(&dir.path().join("cur.ron")).unwrap(), want);
        assert_eq!(
            real_path(&real.join("..").join("real").join("s.ron")).unwrap(),
            want
        );
        assert_eq!(
            real_path(&real.join("new.ron")).unwrap(),
            want.with_file_name("new.ron")
        );
    }

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

    #[cfg(unix)]
    #[test]
    fn open_private_refuses_a_planted_symlink() {
        let dir = tempfile::tempdir().unwrap();
        let victim = dir.path().join("victim");
        std::fs::write(&victim, "precious").unwrap();
        let planted = dir.path().join(".s.ron.lock");
        std::os::unix::fs::symlink(&victim, &planted).unwrap();
        let err = open_private(&planted).unwrap_err();
        assert!(err.to_string().contains("symbolic link"), "{err}");
        assert_eq!(std::fs::read_to_string(&victim).unwrap(), "precious");
    }

    #[cfg(unix)]
    #[test]
    fn read_limited_refuses_devices() {
        assert!(matches!(
            read_limited(Path::new("/dev/zero"), 10),
            Err(ReadError::NotRegular)
        ));
    }

    #[test]
    fn read_limited_refuses_big_files() {
        let dir = tempfile::tempdir().unwrap();
        let f = dir.path().join("big");
        std::fs::write(&f, vec![b'a'; 11]).unwrap();
        assert!(matches!(read_limited(&f, 10), Err(ReadError::TooBig(10))));
        assert_eq!(read_limited(&f, 11).unwrap().len(), 11);
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

    #[test]
    fn real_path_of_a_new_file_is_in_the_real_folder_without_a_verbatim_prefix() {
        let dir = tempfile::tempdir().unwrap();
        let got = real_path(&dir.path().join(".").join("new.ron")).unwrap();
        assert_eq!(got.file_name().unwrap(), "new.ron");
        assert!(same_file(got.parent().unwrap(), dir.path()));
        // Windows' own canonicalize gives `\\?\C:\…`, which users would see in messages.
        assert!(
            !got.to_string_lossy().starts_with(r"\\?\"),
            "{}",
            got.display()
        );
    }

    #[test]
    fn same_file_knows_a_hard_link_and_tells_two_files_apart() {
        let dir = tempfile::tempdir().unwrap();
        let a = dir.path().join("a.ron");
        let b = dir.path().join("b.ron");
        std::fs::write(&a, "x").unwrap();
        std::fs::write(&b, "x").unwrap();
        assert!(!same_file(&a, &b));
        assert_eq!(link_count(&a), Some(1));
        std::fs::remove_file(&b).unwrap();
        std::fs::hard_link(&a, &b).unwrap();
        assert!(same_file(&a, &b));
        assert_eq!(link_count(&a), Some(2));
        assert!(refuse_output_on_input(&b, &[&a]).is_err());
    }

    #[test]
    fn own_new_files_are_opened_privately_and_counted_as_yours() {
        let dir = tempfile::tempdir().unwrap();
        let lock = dir.path().join(".s.ron.lock");
        let file = open_private(&lock).unwrap();
        assert!(is_yours(&file.metadata().unwrap()));
        assert!(folder_writable(dir.path()).is_ok());
        // Asking leaves nothing behind.
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
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

    /// Creating a symbolic link on Windows needs Developer Mode or an administrator; where it
    /// cannot be made, there is nothing to refuse and the test says so.
    #[cfg(windows)]
    #[test]
    fn open_private_refuses_a_planted_symlink_on_windows() {
        let dir = tempfile::tempdir().unwrap();
        let victim = dir.path().join("victim");
        std::fs::write(&victim, "precious").unwrap();
        let planted = dir.path().join(".s.ron.lock");
        if let Err(e) = std::os::windows::fs::symlink_file(&victim, &planted) {
            eprintln!("symbolic links cannot be made here ({e}); nothing to check");
            return;
        }
        let err = open_private(&planted).unwrap_err();
        assert!(err.to_string().contains("symbolic link"), "{err}");
        assert_eq!(std::fs::read_to_string(&victim).unwrap(), "precious");
    }
}
