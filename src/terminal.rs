//! Questions about the terminal the shell commands write to: its width, and whether to use
//! colour; and the ANSI styles they use.

use std::io::IsTerminal;

/// Width of the terminal on stdout, or 80 when it is not a terminal.
pub fn terminal_width() -> usize {
    if std::io::stdout().is_terminal()
        && let Ok((w, _)) = ratatui::crossterm::terminal::size()
    {
        return usize::from(w).max(20);
    }
    std::env::var("COLUMNS")
        .ok()
        .and_then(|c| c.parse().ok())
        .unwrap_or(80)
}

/// Whether to colour output: stdout is a terminal and `NO_COLOR` is not set.
pub fn use_colour() -> bool {
    std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
}

/// ANSI styling for the shell commands; every method is a no-op when colour is off.
#[derive(Debug, Clone, Copy)]
pub struct Ansi {
    pub on: bool,
}

impl Ansi {
    pub fn bold(self, s: &str) -> String {
        self.wrap(s, "1")
    }
    pub fn dim(self, s: &str) -> String {
        self.wrap(s, "2")
    }
    /// The style of a matched character: bold, underlined, yellow.
    pub fn hit(self, s: &str) -> String {
        self.wrap(s, "1;4;33")
    }
    fn wrap(self, s: &str, code: &str) -> String {
        if self.on && !s.is_empty() {
            format!("\x1b[{code}m{s}\x1b[0m")
        } else {
            s.to_owned()
        }
    }
}

/// A writer that passes text through [`crate::text::printable`]: for the shell commands whose
/// output is plain text, so no title, statement or note can carry a terminal escape out.
pub struct Printable<'a>(pub &'a mut dyn std::io::Write);

impl std::io::Write for Printable<'_> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        // `write!` hands over whole `str` pieces, so a chunk is valid UTF-8; anything else is
        // passed on as it is rather than corrupted.
        match std::str::from_utf8(buf) {
            Ok(text) => self
                .0
                .write_all(crate::text::printable(text).as_bytes())
                .map(|()| buf.len()),
            Err(_) => self.0.write(buf),
        }
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.0.flush()
    }
}
