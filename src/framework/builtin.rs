//! The frameworks compiled into the binary, and choosing a framework by id or path.

use std::path::Path;

use super::load::{self, LoadError};
use super::model::Framework;

/// A framework shipped inside the binary.
pub struct Builtin {
    pub id: &'static str,
    pub source: &'static str,
}

/// The built-in frameworks; the first is the default.
pub const BUILTINS: &[Builtin] = &[
    Builtin {
        id: "corporate-peer-review-benchmark",
        source: include_str!("../../data/corporate-peer-review-benchmark.ron"),
    },
    Builtin {
        id: "performance-management-kloes",
        source: include_str!("../../data/performance-management-kloes.ron"),
    },
    Builtin {
        id: "effective-performance-management",
        source: include_str!("../../data/effective-performance-management.ron"),
    },
];

/// The id used when no framework is named.
pub const DEFAULT_ID: &str = "corporate-peer-review-benchmark";

include!(concat!(env!("OUT_DIR"), "/builtin_parsed.rs"));

/// Loads a built-in framework by id: from what the build read, else (never, unless the
/// build could not parse it) from its RON.
pub fn builtin(id: &str) -> Option<Result<Framework, LoadError>> {
    let b = BUILTINS.iter().find(|b| b.id == id)?;
    let origin = format!("built-in framework {}", b.id);
    Some(match BUILTIN_PARSED.iter().find(|(i, _, _)| *i == id) {
        Some((_, digest, json)) => load::parse_prebuilt(json, b.source, &origin, digest),
        None => load::parse(b.source, &origin),
    })
}

/// Resolves `--framework ID|PATH`: a built-in id first, else a file path.
pub fn resolve(spec: Option<&str>) -> Result<Framework, LoadError> {
    let spec = spec.unwrap_or(DEFAULT_ID);
    if let Some(found) = builtin(spec) {
        return found;
    }
    let path = Path::new(spec);
    if path.exists() {
        return load::load_path(path);
    }
    // A framework installed in the data folder, by its id.
    for file in crate::places::installed_frameworks() {
        if let Ok(fw) = load::load_path(&file)
            && fw.id == spec
        {
            return Ok(fw);
        }
    }
    let ids: Vec<&str> = BUILTINS.iter().map(|b| b.id).collect();
    Err(LoadError::Refused {
        origin: spec.to_owned(),
        message: format!(
            "is neither a built-in framework, an installed one (`awayday frameworks` lists them) nor a file; built-in frameworks are: {}",
            ids.join(", ")
        ),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_digests_worked_out_at_build_time_are_the_digests() {
        for b in BUILTINS {
            let built = builtin(b.id).unwrap().unwrap();
            let fresh = load::parse(b.source, "test").unwrap();
            assert_eq!(built.digest, fresh.digest, "{}", b.id);
            assert!(
                BUILTIN_PARSED.iter().any(|(i, _, _)| *i == b.id),
                "{}",
                b.id
            );
            let text = |f: &Framework| -> Vec<(String, String, String)> {
                f.nodes()
                    .iter()
                    .map(|n| (n.id.clone(), n.title.clone(), n.text.clone()))
                    .collect()
            };
            assert_eq!(
                text(&built),
                text(&fresh),
                "{}: the build read the file",
                b.id
            );
            assert_eq!(built.scale, fresh.scale, "{}", b.id);
        }
    }
}
