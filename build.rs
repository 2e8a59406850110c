//! Reads each built-in framework when the crate is built, so that reading one at run time
//! (every `awayday lookup`, `tree`, `show`) costs as little as it can: its content digest is
//! worked out here, and its content is stored as the canonical JSON the digest is taken of,
//! which parses several times faster than RON. Both come from the same code as at run time
//! (`src/framework/file.rs` and `digest.rs`, shared), and tests check they agree.

// Shared with the crate, whose API they are part of: public there, so not "unreachable" here.
#[path = "src/framework/digest.rs"]
#[allow(unreachable_pub)]
mod digest;
#[path = "src/framework/file.rs"]
#[allow(dead_code, unreachable_pub)]
mod file;

use std::fmt::Write as _;

/// The files that define what the parse cache keeps (a session, a framework as built). Their
/// bytes name the cache's layout: a build that changes any of them (a field, its serde
/// attributes, or only a comment) passes over entries other builds wrote, rather than read
/// them as something they are not.
const CACHED_TYPES: &[&str] = &[
    "src/cache.rs",
    "src/session/model.rs",
    "src/session/nodes.rs",
    "src/session/plan.rs",
    "src/session/frame.rs",
    "src/session/tokens.rs",
    "src/session/unique_keys.rs",
    "src/framework/model.rs",
    "src/framework/file.rs",
    "src/framework/load.rs",
];

const BUILTINS: &[&str] = &[
    "data/corporate-peer-review-benchmark.ron",
    "data/performance-management-kloes.ron",
    "data/effective-performance-management.ron",
];

fn main() {
    let out_dir = std::env::var("OUT_DIR").expect("OUT_DIR");
    let mut out = String::from(
        "/// The built-in frameworks, by id, read at build time: content digest, canonical JSON.\n\
         pub const BUILTIN_PARSED: &[(&str, &str, &str)] = &[\n",
    );
    for path in BUILTINS {
        println!("cargo::rerun-if-changed={path}");
        let src = std::fs::read_to_string(path).expect("a built-in framework file");
        // A file that does not parse is reported by the crate's own tests, with its location.
        let Ok(parsed) = ron::Options::default().from_str::<file::FrameworkFile>(&src) else {
            continue;
        };
        let json = serde_json::to_string(&parsed).expect("serialise");
        let json_path = std::path::Path::new(&out_dir).join(format!("{}.json", parsed.id));
        std::fs::write(&json_path, json).expect("write the JSON");
        let _ = writeln!(
            out,
            "    ({:?}, {:?}, include_str!({:?})),",
            parsed.id,
            digest::digest_of(&parsed),
            json_path.display().to_string()
        );
    }
    out.push_str("];\n");
    println!("cargo::rerun-if-changed=src/framework/file.rs");
    println!("cargo::rerun-if-changed=src/framework/digest.rs");
    let dest = std::path::Path::new(&out_dir).join("builtin_parsed.rs");
    std::fs::write(dest, out).expect("write the digests");
    cache_layout();
}

/// `PARSE_CACHE_TYPES`: a hash of [`CACHED_TYPES`], for the parse cache's entries.
fn cache_layout() {
    use std::hash::Hasher as _;
    // A fixed-key hash: the same files give the same name from one build to the next.
    #[allow(deprecated)]
    let mut hash = std::hash::SipHasher::new();
    for path in CACHED_TYPES {
        println!("cargo::rerun-if-changed={path}");
        hash.write(&std::fs::read(path).expect("a source file"));
    }
    println!("cargo::rustc-env=PARSE_CACHE_TYPES={:016x}", hash.finish());
}
