//! The awayday binary: parse the command line and dispatch to the library.

use std::io::Write;
use std::process::ExitCode;

use awayday::terminal::Pipe;

fn main() -> ExitCode {
    let cli = awayday::cli::parse();
    awayday::cache::configure(awayday::places::cache_dir(), awayday::cache::MIN_BYTES);
    let mut out = Pipe::new(std::io::stdout().lock());
    let result = match cli.command {
        // Flushed here so a full disk or a closed pipe is noticed, not lost at exit.
        Some(command) => awayday::commands::run(command, &mut out)
            .and_then(|()| out.flush().map_err(anyhow::Error::from)),
        None => awayday::commands::new_session::start(),
    };
    // Entries still being written are finished, not cut off (they would be lost, not harmful).
    awayday::cache::settle();
    // A reader that stopped early (`awayday tree | head`) is not an error worth reporting,
    // whatever error its closed pipe became on the way up.
    if out.closed() {
        return ExitCode::SUCCESS;
    }
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            let _ = out.flush();
            // A message can quote a file's text: made printable like every other output.
            // Written, not `eprintln!`ed, so a closed standard error cannot panic.
            let _ = writeln!(
                std::io::stderr(),
                "awayday: {}",
                awayday::text::printable(&e.to_string())
            );
            if e.downcast_ref::<awayday::commands::workshop::NoTerminal>()
                .is_some()
            {
                return ExitCode::from(2);
            }
            ExitCode::FAILURE
        }
    }
}
