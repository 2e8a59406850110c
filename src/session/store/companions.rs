//! The files beside a session the store keeps: the backup, the swap copy of an interrupted
//! in-place rewrite, and journals set aside under a name that says why.

use std::path::{Path, PathBuf};

use super::StoreError;
use crate::files;
use crate::framework::MAX_FILE_BYTES;
use crate::session::file::{backup_path, parse};
use crate::session::reader::{Unused, swap_path};
use crate::session::store_error::io_err;

/// Replaces a companion file (backup, swap) by renaming a new file over its name: a link
/// planted there is replaced, never written through, and something that is not a regular
/// file of this user's is left alone and reported.
pub(super) fn replace_companion(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    if let Ok(m) = std::fs::symlink_metadata(path) {
        let ours = files::is_yours(&m);
        if !m.file_type().is_file() || !ours {
            return Err(std::io::Error::new(
                std::io::ErrorKind::InvalidInput,
                format!(
                    "{} is not a regular file of yours; remove it and open the session again",
                    path.display()
                ),
            ));
        }
    }
    // The real folder, then the companion's own name: write_atomic resolves the folder only.
    files::write_atomic_at(path, bytes)
}

/// Writes `s.ron.bak` as the file was found, then reads it back: a backup cut short by a
/// full disk is reported, not trusted. A backup that already holds exactly these bytes (the
/// file has not changed since it was last opened) is kept as it is: reading and comparing
/// costs a fraction of writing and flushing a large session again on every open.
pub(super) fn keep_backup(real: &Path, bytes: &[u8], notices: &mut Vec<String>) {
    let bak = backup_path(real);
    if backup_holds(&bak, bytes) {
        return;
    }
    let verified = replace_companion(&bak, bytes).and_then(|()| {
        let read_back = files::read_limited(&bak, MAX_FILE_BYTES)
            .map_err(|e| std::io::Error::other(e.to_string()))?;
        if read_back == bytes {
            Ok(())
        } else {
            Err(std::io::Error::other(
                "what was read back differs from what was written",
            ))
        }
    });
    if let Err(e) = verified {
        notices.push(format!(
            "No backup of the session could be kept ({}: {e}). Your work is still saved as you go.",
            bak.display()
        ));
    }
}

/// [`keep_backup`] on a worker thread, which gives back what it has to say; `None` if no
/// thread could be started.
pub(super) fn backup_on_a_worker(
    real: &Path,
    bytes: &[u8],
) -> Option<std::thread::JoinHandle<Vec<String>>> {
    let (real, bytes) = (real.to_owned(), bytes.to_vec());
    std::thread::Builder::new()
        .name("awayday backup".into())
        .spawn(move || {
            let mut said = Vec::new();
            keep_backup(&real, &bytes, &mut said);
            said
        })
        .ok()
}

/// Whether the backup at `bak` is a regular file of the user's own holding exactly `bytes`.
fn backup_holds(bak: &Path, bytes: &[u8]) -> bool {
    let Ok(mut file) = files::open_private_read(bak) else {
        return false;
    };
    if file.metadata().map(|m| m.len()).ok() != Some(bytes.len() as u64) {
        return false;
    }
    let mut held = Vec::with_capacity(bytes.len());
    std::io::Read::read_to_end(&mut file, &mut held).is_ok() && held == bytes
}

/// A hard-linked session rewritten in place: if awayday was stopped half-way, the swap copy
/// holds what was being written.
pub(super) fn restore_swap(
    real: &Path,
    shown: &Path,
    notices: &mut Vec<String>,
) -> Result<(), StoreError> {
    let swap = swap_path(real);
    let Ok(saved) = files::read_limited(&swap, MAX_FILE_BYTES) else {
        return Ok(());
    };
    let current = files::read_limited(real, MAX_FILE_BYTES).unwrap_or_default();
    if current != saved {
        let parses = std::str::from_utf8(&current)
            .ok()
            .is_some_and(|t| parse(t, "").is_ok());
        if parses {
            // The file is whole and differs: someone wrote it since. Keep both; say so.
            notices.push(format!(
                "{} holds a copy from an interrupted save; the session file itself is whole and was kept.",
                swap.display()
            ));
            return Ok(());
        }
        files::write_in_place(real, &saved).map_err(|e| io_err(shown, &e))?;
        notices.push(
            "The last save was interrupted half-way; the session was restored from its copy."
                .into(),
        );
    }
    let _ = std::fs::remove_file(&swap);
    Ok(())
}

/// Sets a journal that must not be replayed aside, and says where and why.
pub(super) fn set_journal_aside(path: &Path, why: &Unused) -> String {
    match why {
        Unused::NotAJournal => format!(
            "{} was not an awayday journal; it was set aside as {} and not used.",
            path.display(),
            set_aside(path, "unreadable").display()
        ),
        Unused::Foreign { session } => format!(
            "The journal beside this session belongs to another session ({session}); it was not replayed and was set aside as {}.",
            set_aside(path, "refused").display()
        ),
        Unused::Older => format!(
            "The journal beside this session is older than the file (the file has been saved since: an old copy put back beside it?); it was not replayed over the newer work and was set aside as {}.",
            set_aside(path, "older").display()
        ),
    }
}

/// Moves a file out of the way under a name that says why; returns where it went.
pub(super) fn set_aside(path: &Path, why: &str) -> PathBuf {
    let mut n = 1;
    loop {
        let p = files::with_suffix(path, &format!(".{why}-{n}"));
        if std::fs::symlink_metadata(&p).is_err() {
            let _ = std::fs::rename(path, &p);
            return p;
        }
        n += 1;
    }
}
