//! Where awayday keeps things on this computer: the data folder (sessions made without a
//! path, the recent session, installed frameworks), the config folder (keys) and the cache
//! folder (large files as parsed, to open them faster).

use std::path::PathBuf;

/// The data folder: `AWAYDAY_DATA_DIR`, else the platform's (`~/.local/share/awayday`).
pub fn data_dir() -> Option<PathBuf> {
    if let Some(dir) = std::env::var_os("AWAYDAY_DATA_DIR").filter(|d| !d.is_empty()) {
        return Some(PathBuf::from(dir));
    }
    directories::ProjectDirs::from("", "", "awayday").map(|p| p.data_dir().to_owned())
}

/// The cache folder's `parsed/`, where large sessions and frameworks are kept as parsed:
/// `AWAYDAY_CACHE_DIR`, else the platform's (`~/.cache/awayday`). Only a speed-up: anything
/// in it can be deleted at any time.
pub fn cache_dir() -> Option<PathBuf> {
    let base = match std::env::var_os("AWAYDAY_CACHE_DIR").filter(|d| !d.is_empty()) {
        Some(dir) => PathBuf::from(dir),
        None => directories::ProjectDirs::from("", "", "awayday")?
            .cache_dir()
            .to_owned(),
    };
    Some(base.join("parsed"))
}

/// Framework files installed once for every session: `frameworks/` in the data folder.
pub fn frameworks_dir() -> Option<PathBuf> {
    data_dir().map(|d| d.join("frameworks"))
}

/// The installed framework files (`*.ron`), sorted by name.
pub fn installed_frameworks() -> Vec<PathBuf> {
    let Some(dir) = frameworks_dir() else {
        return Vec::new();
    };
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut files: Vec<PathBuf> = entries
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "ron") && p.is_file())
        .collect();
    files.sort();
    files
}
