//! Sessions: the workshop's record, its file format, undo history, and summary figures.

pub mod agenda;
pub mod carry;
mod date;
mod file;
pub mod frame;
mod group_names;
mod groups;
mod history;
pub mod journal;
mod locate;
mod lock;
mod merge;
mod model;
mod nodes;
mod plan;
mod reader;
pub mod reveal;
mod store;
mod store_error;
pub mod summary;
mod tokens;
mod unique_keys;

pub use date::{in_words, parse_due, today};
pub use file::{
    SessionError, backup_path, emergency_path, framework_ahead, framework_file, framework_for,
    framework_named, load, parse, save, to_ron, write_atomic,
};
pub use groups::GroupNameError;
pub use history::{Edit, History, MetaField};
pub use lock::{LockError, SessionLock, lock_path};
pub use merge::{Conflict, Joined, MergeError, Merged, Prefer, Settled, merge, merge_reported};
pub use model::{
    ActionItem, ActionStatus, Column, DEFAULT_SPREAD, FORMAT_VERSION, Findings, FrameworkRef,
    NodeRecord, RoomSettings, Score, Session,
};
pub use nodes::{Nodes, Stamp};
pub use reader::{SessionRead, Unused, journal_path, read};
pub use store::{FOLD_AT_LEAST_EVERY, Health, Opened, Store, StoreError, fold_on_disk};
pub use tokens::{GroupTokens, TokenError, same_token};
