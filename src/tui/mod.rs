//! The workshop screen: terminal set-up and restore around its loop (`main_loop`:
//! draw → event → update → effects (save, quit); draws only after an event), and what is kept
//! however it ends.

/// The screen's parts: crate-private in the program; opened to the tests, benches and
/// examples by the `test-support` feature, which only they turn on. Written out, not made by
/// a macro, so tools that read the source (cargo-mutants) see every module.
#[cfg(feature = "test-support")]
pub mod action;
#[cfg(not(feature = "test-support"))]
pub(crate) mod action;
#[cfg(feature = "test-support")]
pub mod app;
#[cfg(not(feature = "test-support"))]
pub(crate) mod app;
#[cfg(feature = "test-support")]
pub mod input;
#[cfg(not(feature = "test-support"))]
pub(crate) mod input;
#[cfg(feature = "test-support")]
pub mod keyfile;
#[cfg(not(feature = "test-support"))]
pub(crate) mod keyfile;
#[cfg(feature = "test-support")]
pub mod keymap;
#[cfg(not(feature = "test-support"))]
pub(crate) mod keymap;
#[cfg(feature = "test-support")]
pub mod layout;
#[cfg(not(feature = "test-support"))]
pub(crate) mod layout;
#[cfg(feature = "test-support")]
pub mod overlays;
#[cfg(not(feature = "test-support"))]
pub(crate) mod overlays;
#[cfg(feature = "test-support")]
pub mod panes;
#[cfg(not(feature = "test-support"))]
pub(crate) mod panes;
#[cfg(feature = "test-support")]
pub mod persist;
#[cfg(not(feature = "test-support"))]
pub(crate) mod persist;
#[cfg(feature = "test-support")]
pub mod theme;
#[cfg(not(feature = "test-support"))]
pub(crate) mod theme;
#[cfg(feature = "test-support")]
pub mod tree_view;
#[cfg(not(feature = "test-support"))]
pub(crate) mod tree_view;
#[cfg(feature = "test-support")]
pub mod ui;
#[cfg(not(feature = "test-support"))]
pub(crate) mod ui;
#[cfg(feature = "test-support")]
pub mod update;
#[cfg(not(feature = "test-support"))]
pub(crate) mod update;
#[cfg(feature = "test-support")]
pub mod view;
#[cfg(not(feature = "test-support"))]
pub(crate) mod view;

mod console;
mod main_loop;
mod pace;
mod round;

#[cfg(feature = "test-support")]
pub mod serving;
#[cfg(not(feature = "test-support"))]
pub(crate) mod serving;
mod voting;

/// Demo scenes and their drawing to SVG, for screenshots and snapshot tests only.
#[cfg(feature = "test-support")]
pub mod scenes;
#[cfg(feature = "test-support")]
pub mod svg;

use std::io::stdout;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use anyhow::Result;
use ratatui::crossterm::event::{
    DisableBracketedPaste, DisableMouseCapture, EnableBracketedPaste, EnableMouseCapture,
};
use ratatui::crossterm::execute;

use crate::session::Store;
use app::App;

/// Runs the workshop screen until the user quits. The terminal is restored however it ends
/// (a quit, an error, SIGTERM, SIGHUP when the window closes, the Windows console closing or
/// Ctrl-Break, a panic); every edit is already in the journal, and what can be folded into
/// the file is.
pub(crate) fn run(mut app: App, mut store: Store) -> Result<()> {
    let stop = Arc::new(AtomicBool::new(false));
    let done = Arc::new(AtomicBool::new(false));
    let watchdog = watch_signals(store.path().to_owned(), &stop, &done)?;
    let mut terminal = ratatui::init();
    // No keyboard enhancement flags: nothing here needs key releases or the extra keys they
    // report, and older Windows consoles refuse them. (The Windows console ignores bracketed
    // paste and sends a paste as keys; see `input::paste_in_burst`.)
    let _ = execute!(stdout(), EnableMouseCapture, EnableBracketedPaste);
    let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        main_loop::event_loop(&mut terminal, &mut app, &mut store, &stop)
    }));
    let _ = execute!(stdout(), DisableMouseCapture, DisableBracketedPaste);
    ratatui::restore();
    let outcome = match result {
        Ok(result) => {
            // However the loop ended, put what the journal holds into the readable file.
            persist::journal(&mut app, &mut store);
            if !store.in_conflict() && (store.pending() > 0 || store.selection_moved(&app.session))
            {
                persist::fold(&mut app, &mut store);
            }
            if store.in_conflict() {
                eprintln!(
                    "awayday: {} was changed by another program and nothing was written over it. Your version is kept beside it (*.ours.ron) and in its journal; open the session again to choose what to keep.",
                    store.shown().display()
                );
            }
            result
        }
        Err(_) => Err(anyhow::anyhow!(rescue(&app))),
    };
    done.store(true, Ordering::SeqCst);
    watchdog.close();
    outcome
}

/// A request to stop from outside (see [`console`]) asks the loop to stop; it saves, restores
/// the terminal and returns. But a terminal that has gone can leave the input reader spinning
/// where the loop never gets control back, so if the loop has not finished within a second,
/// the watcher folds the journal into the file from disk (every edit is already there),
/// restores what it can of the terminal, and exits.
fn watch_signals(
    real: std::path::PathBuf,
    stop: &Arc<AtomicBool>,
    done: &Arc<AtomicBool>,
) -> Result<console::Watch> {
    let (stop, done) = (Arc::clone(stop), Arc::clone(done));
    let watch = console::watch(move || {
        stop.store(true, Ordering::SeqCst);
        let deadline = Instant::now() + Duration::from_secs(1);
        while Instant::now() < deadline {
            if done.load(Ordering::SeqCst) {
                return;
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        let _ = crate::session::fold_on_disk(&real);
        // Not through `stdout()`: its lock may be held by the stuck thread.
        if let Ok(mut tty) = std::fs::OpenOptions::new()
            .write(true)
            .open(console::TERMINAL_DEVICE)
        {
            let _ = execute!(
                tty,
                DisableMouseCapture,
                DisableBracketedPaste,
                ratatui::crossterm::terminal::LeaveAlternateScreen,
                ratatui::crossterm::cursor::Show
            );
            let _ = ratatui::crossterm::terminal::disable_raw_mode();
        }
        std::process::exit(0);
    })?;
    Ok(watch)
}

/// After a panic: keep the in-memory session as an emergency copy beside the file (never over
/// it: every edit before the error is already in the file or its journal), and say where.
fn rescue(app: &App) -> String {
    let emergency = crate::session::emergency_path(&app.path);
    let saved =
        crate::session::write_atomic(&emergency, crate::session::to_ron(&app.session).as_bytes());
    match saved {
        Ok(()) => format!(
            "awayday stopped on an internal error. Your session, saved up to the last change, is {} (reopen it to recover every edit); the state at the moment of the error is in {}.",
            app.path.display(),
            emergency.display()
        ),
        Err(e) => format!(
            "awayday stopped on an internal error. Your session, saved up to the last change, is {} (reopen it to recover every edit; an emergency copy could not be written: {e}).",
            app.path.display()
        ),
    }
}
