//! The awayday binary: parse the command line and dispatch to the library.

use std::io::Write;
use std::process::ExitCode;

use clap::Parser;

use awayday::cli::Cli;

fn main() -> ExitCode {
    let cli = Cli::parse();
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    let result = match cli.command {
        Some(command) => awayday::commands::run(command, &mut out),
        None => awayday::commands::workshop::start(),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            let _ = out.flush();
            // A closed pipe (`awayday tree | head`) is not an error worth reporting.
            if e.downcast_ref::<std::io::Error>()
                .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
            {
                return ExitCode::SUCCESS;
            }
            // A message can quote a file's text: made printable like every other output.
            eprintln!("awayday: {}", awayday::text::printable(&e.to_string()));
            if e.downcast_ref::<awayday::commands::workshop::NoTerminal>()
                .is_some()
            {
                return ExitCode::from(2);
            }
            ExitCode::FAILURE
        }
    }
}
