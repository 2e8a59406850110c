//! A framework's content digest: SHA-256 of its canonical JSON form, first 8 bytes as hex.
//! Sessions record it to notice a framework whose content changed; reformatting the file
//! changes nothing. Shared with `build.rs`, which works out the built-ins' at build time.

use sha2::{Digest, Sha256};

use super::file::FrameworkFile;

/// The digest of a parsed framework file.
pub(super) fn digest_of(file: &FrameworkFile) -> String {
    let canonical = serde_json::to_vec(file).unwrap_or_default();
    let hash = Sha256::digest(&canonical);
    hash.iter().take(8).fold(String::new(), |mut hex, b| {
        use std::fmt::Write as _;
        let _ = write!(hex, "{b:02x}");
        hex
    })
}
