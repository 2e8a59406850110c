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

/// Loads a built-in framework by id.
pub fn builtin(id: &str) -> Option<Result<Framework, LoadError>> {
    BUILTINS
        .iter()
        .find(|b| b.id == id)
        .map(|b| load::parse(b.source, &format!("built-in framework {}", b.id)))
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
    let ids: Vec<&str> = BUILTINS.iter().map(|b| b.id).collect();
    Err(LoadError::Refused {
        origin: spec.to_owned(),
        message: format!(
            "is neither a built-in framework nor a file; built-in frameworks are: {}",
            ids.join(", ")
        ),
    })
}
