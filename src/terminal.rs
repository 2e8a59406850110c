//! Questions about the terminal: its width and whether to use colour (for the shell
//! commands, with the ANSI styles they use), and whether it can show the workshop screen; and
//! standard output that notices a reader gone away.

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

/// Why this terminal cannot show the workshop screen, if it cannot: `TERM=dumb` (no cursor
/// movement, so every frame would be printed one after another), or a window smaller than the
/// screen's minimum. Asked before anything is drawn or created.
pub fn unfit_for_screen(min_width: u16, min_height: u16) -> Option<String> {
    // Only `dumb` is refused: Windows consoles have no TERM at all and draw the screen well.
    if std::env::var_os("TERM").is_some_and(|t| t == "dumb") {
        return Some(
            "this terminal (TERM=dumb) cannot draw the workshop screen: run awayday in a terminal window such as Terminal, iTerm2, Windows Terminal or xterm. Nothing was created or changed."
                .to_owned(),
        );
    }
    // A size the terminal does not know (0×0, as a fresh pseudo-terminal reports) is not
    // refused: the screen adapts once it is given one, and says so itself meanwhile.
    let (width, height) = ratatui::crossterm::terminal::size().unwrap_or((0, 0));
    let known = width > 0 && height > 0;
    (known && (width < min_width || height < min_height)).then(|| {
        format!(
            "the workshop screen needs a window of at least {min_width}×{min_height} characters; this one is {width}×{height}. Make the window bigger (or the font smaller) and run awayday again. Nothing was created or changed."
        )
    })
}

/// Standard output that notices when its reader has gone (`awayday tree | head`), so `main`
/// can end quietly with success, as other Unix tools do, however the error was wrapped on its
/// way up.
pub struct Pipe<W> {
    inner: W,
    closed: bool,
}

impl<W: std::io::Write> Pipe<W> {
    pub fn new(inner: W) -> Self {
        Pipe {
            inner,
            closed: false,
        }
    }

    /// Whether a write or flush found the reading end closed.
    pub fn closed(&self) -> bool {
        self.closed
    }

    fn note<T>(&mut self, result: std::io::Result<T>) -> std::io::Result<T> {
        if let Err(e) = &result
            && e.kind() == std::io::ErrorKind::BrokenPipe
        {
            self.closed = true;
        }
        result
    }
}

impl<W: std::io::Write> std::io::Write for Pipe<W> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        let result = self.inner.write(buf);
        self.note(result)
    }

    fn flush(&mut self) -> std::io::Result<()> {
        let result = self.inner.flush();
        self.note(result)
    }
}
