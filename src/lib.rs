//! awayday: a keyboard-driven terminal app for facilitated review workshops.
//!
//! The library holds everything; `main.rs` only parses the command line and dispatches.
//! The domain (`framework`, `search`, `session`, `report`) knows nothing of the terminal, nor
//! does the voting server (`serve`).

pub mod cache;
pub mod cli;
pub mod commands;
#[cfg(feature = "test-support")]
pub mod demo;
pub mod failpoint;
pub mod files;
pub mod framework;
pub mod import;
pub mod places;
pub mod report;
pub mod search;
pub mod serve;
pub mod session;
pub mod terminal;
pub mod text;
pub mod tui;
