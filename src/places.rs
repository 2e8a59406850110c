//! Where awayday keeps things on this computer: the data folder (sessions made without a
//! path, the recent session, installed frameworks) and the config folder (keys).

use std::path::PathBuf;

/// The data folder: `AWAYDAY_DATA_DIR`, else the platform's (`~/.local/share/awayday`).
pub fn data_dir() -> Option<PathBuf> {
    if let Some(dir) = std::env::var_os("AWAYDAY_DATA_DIR").filter(|d| !d.is_empty()) {
        return Some(PathBuf::from(dir));
    }
    directories::ProjectDirs::from("", "", "awayday").map(|p| p.data_dir().to_owned())
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
