//! The benchmark tree: file format, validated model, loading, and the built-in set.

mod builtin;
mod by_id;
mod digest;
mod file;
mod load;
mod model;
mod validate;

pub use builtin::{BUILTINS, Builtin, DEFAULT_ID, builtin, resolve};
pub use by_id::find_by_id;
pub use file::{FrameworkFile, LevelFile, NodeFile, NodeKind, ScaleFile};
pub use load::{LoadError, MAX_FILE_BYTES, Problem, build, load_path, parse, parse_ron, read_text};
pub use model::{Framework, Level, Node, NodeIx, Scale, natural_cmp};
