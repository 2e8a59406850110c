//! The terminal as each system gives it, the only part of the screen that knows which system
//! it runs on: requests from outside to stop (SIGTERM and SIGHUP when the terminal window
//! closes on Linux and macOS; on Windows the console's close, Ctrl-Break, log-off and
//! shut-down events), the device to restore it through, and how a paste arrives.

/// Whether a paste may arrive as typed keys. The Windows console sends no paste event, only
/// the pasted text as keys; terminals on Linux and macOS send a paste whole (bracketed paste),
/// and a burst of keys there is typing (or a script typing, as the tests do through tmux).
#[cfg(unix)]
pub(crate) const PASTE_ARRIVES_AS_KEYS: bool = false;
#[cfg(windows)]
pub(crate) const PASTE_ARRIVES_AS_KEYS: bool = true;

/// The terminal itself, opened to restore it when standard output may be held by a stuck
/// thread.
#[cfg(unix)]
pub(crate) const TERMINAL_DEVICE: &str = "/dev/tty";
#[cfg(windows)]
pub(crate) const TERMINAL_DEVICE: &str = "CONOUT$";

/// Listening for stop requests; [`Watch::close`] ends it.
pub(crate) struct Watch {
    #[cfg(unix)]
    handle: signal_hook::iterator::Handle,
}

impl Watch {
    /// Stops listening: on Linux and macOS the signals' thread ends without calling back. On
    /// Windows a console handler cannot be taken back once set; the callback must then find
    /// nothing to do (the screen's own is a no-op once the screen has ended).
    pub(crate) fn close(&self) {
        #[cfg(unix)]
        self.handle.close();
    }
}

/// Calls `on_stop` once, on a thread of its own, when awayday is asked from outside to stop.
#[cfg(unix)]
pub(crate) fn watch(on_stop: impl FnOnce() + Send + 'static) -> std::io::Result<Watch> {
    use signal_hook::consts::{SIGHUP, SIGTERM};
    let mut signals = signal_hook::iterator::Signals::new([SIGTERM, SIGHUP])?;
    let handle = signals.handle();
    std::thread::spawn(move || {
        if signals.forever().next().is_some() {
            on_stop();
        }
    });
    Ok(Watch { handle })
}

/// Calls `on_stop` once, on a thread of its own, when awayday is asked from outside to stop.
/// Windows gives a closing console only a few seconds, and ends the process as soon as the
/// console's handler returns; the journal already holds every edit, so an end before the fold
/// loses nothing, and the next open folds it.
#[cfg(windows)]
pub(crate) fn watch(on_stop: impl FnOnce() + Send + 'static) -> std::io::Result<Watch> {
    let mut once = Some(on_stop);
    ctrlc::set_handler(move || {
        if let Some(f) = once.take() {
            f();
        }
    })
    .map_err(std::io::Error::other)?;
    Ok(Watch {})
}
