//! A framework's content digest: SHA-256 of its canonical JSON form, first 8 bytes as hex.
//! Sessions record it to notice a framework whose content changed; reformatting the file
//! changes nothing. Shared with `build.rs`, which works out the built-ins' at build time.

use sha2::{Digest, Sha256};

use super::file::FrameworkFile;

/// The digest of a parsed framework file.
pub(super) fn digest_of(file: &FrameworkFile) -> String {
    // Hashed as it is written, in blocks: a large framework's JSON is megabytes never
    // needed whole.
    let mut hasher = Hashing(Sha256::new());
    {
        let mut buffered = std::io::BufWriter::with_capacity(64 * 1024, &mut hasher);
        let _ = serde_json::to_writer(&mut buffered, file);
        let _ = std::io::Write::flush(&mut buffered);
    }
    let hash = hasher.0.finalize();
    hash.iter().take(8).fold(String::new(), |mut hex, b| {
        use std::fmt::Write as _;
        let _ = write!(hex, "{b:02x}");
        hex
    })
}

/// Feeds what is written to it to a hash.
struct Hashing(Sha256);

impl std::io::Write for Hashing {
    fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
        self.0.update(bytes);
        Ok(bytes.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)] // tests may unwrap: a panic is a failure
    use super::*;

    /// Hashing as it is written gives the digest of the JSON written whole, which sessions
    /// already hold: a byte lost in the buffering would make every session's framework look
    /// changed.
    #[test]
    fn the_digest_is_that_of_the_whole_canonical_json() {
        let src = include_str!("../../data/corporate-peer-review-benchmark.ron");
        let file: FrameworkFile = ron::from_str(src).unwrap();
        let whole = Sha256::digest(serde_json::to_vec(&file).unwrap());
        let first8 = u64::from_be_bytes(whole[..8].try_into().unwrap());
        assert_eq!(digest_of(&file), format!("{first8:016x}"));
        let len = serde_json::to_vec(&file).unwrap().len();
        assert!(len > 64 * 1024, "spans more than one buffer: {len} bytes");
    }
}
