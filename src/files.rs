//! Files as the user means them: the real file behind any name, whether two names are one
//! file, reading only regular files of bounded size, creating files beside a session without
//! following links, and (in `files/write.rs`) atomic replacement that keeps links,
//! permissions and the umask.
//!
//! This is the one place that knows which system it runs on: `unix` (Linux, macOS) and
//! `windows` hold what differs, behind the same few functions; the rest of awayday calls
//! only what is here.

use std::fs::File;
use std::io::{self, Read};
use std::path::{Path, PathBuf};

#[cfg(unix)]
mod unix;
#[cfg(unix)]
use unix as os;
#[cfg(windows)]
mod windows;
#[cfg(windows)]
use windows as os;
mod write;

pub use write::{
    Replace, remove_stale_temps, rename_over, sync_dir, temp_prefix, write_atomic, write_atomic_at,
    write_atomic_with, write_in_place,
};

/// A file's identity on this machine: two names with the same identity are one file (device
/// and inode on Linux and macOS, volume serial number and file index on Windows).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct FileId {
    volume: u64,
    index: u64,
}

/// Whether a lock keeps every other handle off the locked file, reads and writes included
/// (Windows), rather than only other lockers (Linux, macOS).
pub(crate) const LOCKS_ARE_MANDATORY: bool = os::LOCKS_ARE_MANDATORY;

/// The identity of the file `path` names, following links; `None` if there is none.
pub fn file_id(path: &Path) -> Option<FileId> {
    os::file_id(path)
}

/// How many names (hard links) the file at `path` has, following links; `None` if unknown.
pub(crate) fn link_count(path: &Path) -> Option<u64> {
    os::link_count(path)
}

/// Whether a file found beside a session counts as the user's own: owned by this user on
/// Linux and macOS; on Windows, which has no owning user id, any regular file (the folder's
/// access list already decides who could have put it there).
pub(crate) fn is_yours(meta: &std::fs::Metadata) -> bool {
    os::is_yours(meta)
}

/// Whether this user may create files in the folder `dir` (for the lock, the journal and the
/// atomic rename); the error says why not.
pub(crate) fn folder_writable(dir: &Path) -> io::Result<()> {
    os::folder_writable(dir)
}

/// Whether two names are the same file (after links, `..`, hard links).
pub fn same_file(a: &Path, b: &Path) -> bool {
    matches!((file_id(a), file_id(b)), (Some(x), Some(y)) if x == y)
}

/// An output that is one of the inputs, by another name.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error(
    "{} is {} itself (the same file by another name); choose another output",
    output.display(),
    input.display()
)]
pub(crate) struct OutputIsInput {
    pub output: PathBuf,
    pub input: PathBuf,
}

/// Refuses to write `output` when it is one of `inputs` by identity (a symlink, a hard link
/// or `..` to it count): the error names both. Whatever flags say, an output never lands on
/// an input.
pub(crate) fn refuse_output_on_input(output: &Path, inputs: &[&Path]) -> Result<(), OutputIsInput> {
    let Some(out) = file_id(output) else {
        return Ok(()); // a new file cannot be an input
    };
    match inputs.iter().find(|input| file_id(input) == Some(out)) {
        Some(input) => Err(OutputIsInput {
            output: output.to_path_buf(),
            input: input.to_path_buf(),
        }),
        None => Ok(()),
    }
}

/// The real path behind `path`: every symlink and `..` resolved. A file that does not exist
/// yet resolves through its folder, so writing to the result writes where the user meant.
pub(crate) fn real_path(path: &Path) -> io::Result<PathBuf> {
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
pub(crate) fn parent_dir(path: &Path) -> &Path {
    match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    }
}

/// `path` with `suffix` added to its file name: `s.ron` → `s.ron.bak`.
pub(crate) fn with_suffix(path: &Path, suffix: &str) -> PathBuf {
    let mut name = path.file_name().unwrap_or_default().to_os_string();
    name.push(suffix);
    path.with_file_name(name)
}

/// A hidden companion beside `path`: `s.ron` → `.s.ron.lock`.
pub(crate) fn companion(path: &Path, suffix: &str) -> PathBuf {
    let name = path.file_name().unwrap_or_default().to_string_lossy();
    path.with_file_name(format!(".{name}{suffix}"))
}

/// Why a file was not read.
#[derive(Debug, thiserror::Error)]
pub(crate) enum ReadError {
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
pub(crate) fn read_limited(path: &Path, max: u64) -> Result<Vec<u8>, ReadError> {
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
pub(crate) fn open_private(path: &Path) -> io::Result<File> {
    open_own(path, true)
}

/// [`open_private`] for reading only: an existing companion, never created or changed, with
/// the same refusals (a link, not a regular file, another user's).
pub(crate) fn open_private_read(path: &Path) -> io::Result<File> {
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
        let refused = refuse_output_on_input(&b, &[&a]).unwrap_err().to_string();
        assert_eq!(
            refused,
            format!(
                "{} is {} itself (the same file by another name); choose another output",
                b.display(),
                a.display()
            )
        );
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
