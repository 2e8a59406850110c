//! A cache of parsed files, so a large session or framework opens without parsing its RON
//! again: after a file is parsed and checked, its value is kept in the cache folder, named
//! by a 128-bit hash (XXH3) of the file's exact bytes; the next read of the same bytes reads
//! the value back in `MessagePack`, several times faster than RON. Any other bytes are another
//! name, so a changed file is never served from the cache.
//!
//! The cache is only ever a speed-up: an entry that is missing, unreadable, cut short,
//! damaged (each carries a checksum of its value), of another version of awayday or of
//! another layout (the files defining the kept types are hashed at build time) is passed
//! over in silence and the file is parsed, and nothing that goes
//! wrong writing one is ever reported. Entries are written on a worker, atomically, and
//! the folder is kept to a few of them.
//!
//! Off until [`configure`] names a folder: the binary does, with the platform's cache
//! folder ([`crate::places::cache_dir`]); the library's own callers and tests do not.

use std::io::Read as _;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Mutex, PoisonError, RwLock};
use std::thread::JoinHandle;

use serde::Serialize;
use serde::de::DeserializeOwned;
use xxhash_rust::xxh3::{xxh3_64, xxh3_128};

/// Files smaller than this are parsed every time: they parse in a few milliseconds, less than
/// keeping them would cost.
pub const MIN_BYTES: usize = 256 * 1024;

/// At most this many entries are kept: a session and its framework each take one.
const MAX_ENTRIES: usize = 12;

/// At most this many bytes of entries are kept.
const MAX_TOTAL_BYTES: u64 = 256 * 1024 * 1024;

/// No entry is read past this size (the largest file awayday reads, several times over).
const MAX_ENTRY_BYTES: u64 = 256 * 1024 * 1024;

/// The first bytes of every entry.
const MAGIC: &[u8; 8] = b"awdcache";

/// The layout of an entry itself. Raised whenever it changes: an entry written by a build
/// with another number is passed over.
const LAYOUT: u32 = 3;

/// The layout of the values in an entry: a hash of the files that define them, worked out by
/// `build.rs`, so that a build whose types differ in any way never decodes another's entry.
const TYPES: &str = env!("PARSE_CACHE_TYPES");

/// What an entry holds a parse of.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Session,
    Framework,
}

impl Kind {
    fn tag(self) -> &'static str {
        match self {
            Kind::Session => "session",
            Kind::Framework => "framework",
        }
    }
}

/// The name of a file's exact bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Key(u128);

impl Key {
    /// The key of `bytes`.
    pub fn of(bytes: &[u8]) -> Key {
        Key(xxh3_128(bytes))
    }
}

struct Settings {
    dir: Option<PathBuf>,
    min_bytes: usize,
    /// Whether entries wait for [`write_pending`] (the screen: its first frame comes first)
    /// rather than being written at once on a worker (shell commands).
    deferred: bool,
}

static SETTINGS: RwLock<Settings> = RwLock::new(Settings {
    dir: None,
    min_bytes: MIN_BYTES,
    deferred: false,
});

type Job = Box<dyn FnOnce() + Send>;

/// Values read back from the cache so far (see [`hits`]).
static HITS: AtomicUsize = AtomicUsize::new(0);

/// Entries waiting for [`write_pending`].
static PENDING: Mutex<Vec<Job>> = Mutex::new(Vec::new());

/// Workers writing entries, for [`settle`] to wait for.
static WORKERS: Mutex<Vec<JoinHandle<()>>> = Mutex::new(Vec::new());

/// Turns the cache on in `dir` (off with `None`) for files of at least `min_bytes`.
pub fn configure(dir: Option<PathBuf>, min_bytes: usize) {
    let mut s = SETTINGS.write().unwrap_or_else(PoisonError::into_inner);
    s.dir = dir;
    s.min_bytes = min_bytes;
}

/// Entries found from now on wait for [`write_pending`]: the screen calls it once its first
/// frame is drawn, so that writing them does not delay it.
pub fn defer_writes() {
    SETTINGS
        .write()
        .unwrap_or_else(PoisonError::into_inner)
        .deferred = true;
}

/// The folder, when the cache is on and `bytes` are worth keeping.
fn folder_for(len: usize) -> Option<PathBuf> {
    let s = SETTINGS.read().unwrap_or_else(PoisonError::into_inner);
    s.dir.clone().filter(|_| len >= s.min_bytes)
}

/// Whether a file of `len` bytes would be looked up and kept: callers skip copying a value
/// that would not be.
pub fn wanted(len: usize) -> bool {
    folder_for(len).is_some()
}

/// The entry file for `key`.
fn entry_path(dir: &Path, kind: Kind, key: Key) -> PathBuf {
    dir.join(format!("{}-{:032x}.bin", kind.tag(), key.0))
}

/// The header every entry starts with: which awayday, which layout, what it is a parse of.
fn header(kind: Kind, key: Key) -> Vec<u8> {
    let mut h = Vec::with_capacity(64);
    h.extend_from_slice(MAGIC);
    h.extend_from_slice(&LAYOUT.to_le_bytes());
    let version = env!("CARGO_PKG_VERSION").as_bytes();
    h.push(u8::try_from(version.len()).unwrap_or(u8::MAX));
    h.extend_from_slice(version);
    h.extend_from_slice(TYPES.as_bytes());
    h.extend_from_slice(kind.tag().as_bytes());
    h.extend_from_slice(&key.0.to_le_bytes());
    h
}

/// The value kept for the file whose bytes have `key`, if there is a good one.
pub fn get<T: DeserializeOwned>(kind: Kind, key: Key, len: usize) -> Option<T> {
    let dir = folder_for(len)?;
    let raw = read_entry(&entry_path(&dir, kind, key))?;
    let head = header(kind, key);
    let rest = raw.strip_prefix(head.as_slice())?;
    let (sum, value) = rest.split_at_checked(8)?;
    if u64::from_le_bytes(sum.try_into().ok()?) != xxh3_64(value) {
        return None;
    }
    let value = rmp_serde::from_slice(value).ok()?;
    HITS.fetch_add(1, Ordering::Relaxed);
    Some(value)
}

/// How many values have been read back from the cache in this process: for the measures
/// and tests, to tell a hit from a parse that gives the same.
pub fn hits() -> usize {
    HITS.load(Ordering::Relaxed)
}

fn read_entry(path: &Path) -> Option<Vec<u8>> {
    // Not through a link, nor another user's file: what is read here is trusted as parsed.
    let file = crate::files::open_private_read(path).ok()?;
    let mut raw = Vec::new();
    file.take(MAX_ENTRY_BYTES).read_to_end(&mut raw).ok()?;
    Some(raw)
}

/// The bytes of an entry for `value`, the parse of the file whose bytes have `key`.
fn encode<T: Serialize + ?Sized>(kind: Kind, key: Key, value: &T) -> Option<Vec<u8>> {
    // Named fields: the types skip empty fields when written and check maps' keys when
    // read, which a format that counts on every field being there in order cannot follow.
    let body = rmp_serde::to_vec_named(value).ok()?;
    let mut out = header(kind, key);
    out.reserve(8 + body.len());
    out.extend_from_slice(&xxh3_64(&body).to_le_bytes());
    out.extend_from_slice(&body);
    Some(out)
}

/// Keeps `value` as the parse of a file of `len` bytes with `key`: encoded and written on a
/// worker, now or (see [`defer_writes`]) once the screen asks, so neither the encoding nor
/// the write holds up the first frame. `value` is the caller's to make cheap to hand over
/// (the session's and the framework's records are shared, not copied).
pub fn put_later<T: Serialize + Send + 'static>(kind: Kind, key: Key, len: usize, value: T) {
    let Some(dir) = folder_for(len) else {
        return;
    };
    let job: Job = Box::new(move || {
        if let Some(bytes) = encode(kind, key, &value) {
            write_entry(&dir, &entry_path(&dir, kind, key), &bytes);
        }
    });
    let deferred = SETTINGS
        .read()
        .unwrap_or_else(PoisonError::into_inner)
        .deferred;
    if deferred {
        PENDING
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .push(job);
    } else {
        spawn(vec![job]);
    }
}

/// Keeps `session` as the parse of `text`, awayday's own writing of it, so that the next
/// open of the file it was written to reads it back.
pub fn put_text(text: &[u8], session: &crate::session::Session) {
    if wanted(text.len()) {
        put_later(Kind::Session, Key::of(text), text.len(), session.clone());
    }
}

fn write_entry(dir: &Path, path: &Path, bytes: &[u8]) {
    if std::fs::create_dir_all(dir).is_ok() && crate::files::write_atomic_at(path, bytes).is_ok() {
        prune(dir, path);
    }
}

/// Keeps the folder to [`MAX_ENTRIES`] of each kind (sessions, frameworks) and
/// [`MAX_TOTAL_BYTES`], the oldest going first, and never `keep`, the entry just written. Kinds
/// count apart: a session's folds each leave an entry, and a day of them must not push out
/// the framework every open needs.
fn prune(dir: &Path, keep: &Path) {
    let Ok(list) = std::fs::read_dir(dir) else {
        return;
    };
    let mut entries: Vec<(std::time::SystemTime, u64, PathBuf)> = list
        .flatten()
        .filter(|e| e.file_name().to_string_lossy().ends_with(".bin"))
        .filter_map(|e| {
            let meta = e.metadata().ok()?;
            Some((meta.modified().ok()?, meta.len(), e.path()))
        })
        .collect();
    entries.sort_by_key(|e| std::cmp::Reverse(e.0));
    let mut total = 0;
    let mut seen: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
    for (_, len, path) in &entries {
        total += len;
        let name = path.file_name().map(|n| n.to_string_lossy().into_owned());
        let kind = name
            .as_deref()
            .and_then(|n| n.split('-').next())
            .unwrap_or("");
        let of_kind = seen.entry(kind.to_owned()).or_default();
        *of_kind += 1;
        if path != keep && (*of_kind > MAX_ENTRIES || total > MAX_TOTAL_BYTES) {
            let _ = std::fs::remove_file(path);
        }
    }
}

fn spawn(jobs: Vec<Job>) {
    if jobs.is_empty() {
        return;
    }
    let worker = std::thread::Builder::new()
        .name("awayday cache".into())
        .spawn(move || jobs.into_iter().for_each(|job| job()));
    if let Ok(worker) = worker {
        let mut workers = WORKERS.lock().unwrap_or_else(PoisonError::into_inner);
        // A day of folds starts one writer each: forget those that have ended.
        workers.retain(|w| !w.is_finished());
        workers.push(worker);
    }
}

/// Ends [`defer_writes`]: starts writing the entries waiting since, on a worker, and lets
/// later ones (a fold's, from its own worker) be written at once.
pub fn write_pending() {
    SETTINGS
        .write()
        .unwrap_or_else(PoisonError::into_inner)
        .deferred = false;
    let jobs = std::mem::take(&mut *PENDING.lock().unwrap_or_else(PoisonError::into_inner));
    spawn(jobs);
}

/// Writes every waiting entry and waits for every worker: before the program ends, which
/// would cut them off (an entry cut off is never seen, but is not kept either).
pub fn settle() {
    write_pending();
    let workers = std::mem::take(&mut *WORKERS.lock().unwrap_or_else(PoisonError::into_inner));
    for worker in workers {
        let _ = worker.join();
    }
}

/// Where the entry for `bytes` would be, for tests that damage one.
#[cfg(feature = "test-support")]
pub fn entry_for(kind: Kind, bytes: &[u8]) -> Option<PathBuf> {
    folder_for(bytes.len()).map(|dir| entry_path(&dir, kind, Key::of(bytes)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::{Duration, SystemTime};

    /// An entry file of `kind`, last written `age` seconds ago.
    fn entry(dir: &Path, kind: &str, n: usize, age: u64) -> PathBuf {
        let path = dir.join(format!("{kind}-{n:032x}.bin"));
        let file = std::fs::File::create(&path).unwrap();
        file.set_modified(SystemTime::now() - Duration::from_secs(age))
            .unwrap();
        path
    }

    #[test]
    fn a_day_of_folds_never_pushes_out_the_framework() {
        let dir = tempfile::tempdir().unwrap();
        // The framework's entry, older than every session entry after it.
        let framework = entry(dir.path(), "framework", 0, 10_000);
        let sessions: Vec<PathBuf> = (0..MAX_ENTRIES + 3)
            .map(|n| entry(dir.path(), "session", n, 1_000 - n as u64))
            .collect();
        let newest = sessions.last().unwrap();
        prune(dir.path(), newest);
        assert!(framework.exists(), "the framework's entry was pruned");
        let kept: Vec<&PathBuf> = sessions.iter().filter(|p| p.exists()).collect();
        assert_eq!(kept.len(), MAX_ENTRIES);
        // The oldest went first.
        assert!(!sessions[0].exists() && !sessions[2].exists());
        assert!(sessions[3].exists() && newest.exists());
    }
}
