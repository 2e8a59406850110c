//! Writers that turn a session and its framework into files for reporting: pure functions,
//! no IO. Every figure comes from `session::summary`.

mod csv;

pub use self::csv::to_csv;
