//! The main screen's panes, one file each.

pub mod detail;
pub mod header;
pub mod scores;
pub mod status;
pub mod tree;
