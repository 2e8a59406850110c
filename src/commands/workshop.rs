//! The workshop screen opened on a session file (`awayday open`, and after `awayday new`),
//! the session last opened remembered, and sessions read for every other command with what
//! their journal added.

use std::path::{Path, PathBuf};

use anyhow::{Context, Result};

use crate::framework::Framework;
use crate::session::{self, Session};
use crate::tui::{self, action::Action, app::App, keymap::Context as Keys};

/// Where sessions live when no path is given: `AWAYDAY_DATA_DIR`, else the platform's data
/// folder (`~/.local/share/awayday` on Linux).
pub fn data_dir() -> Result<PathBuf> {
    crate::places::data_dir()
        .context("cannot tell where this system keeps application data; give a session path")
}

pub(super) fn recent_file() -> Result<PathBuf> {
    Ok(data_dir()?.join("recent"))
}

/// Remembers the session last opened, for bare `awayday`.
pub(super) fn remember(path: &Path) {
    let Ok(file) = recent_file() else { return };
    let full = std::path::absolute(path).unwrap_or_else(|_| path.to_owned());
    if let Some(dir) = file.parent() {
        let _ = std::fs::create_dir_all(dir);
    }
    let _ = session::write_atomic(&file, full.display().to_string().as_bytes());
}

/// Loads a session with every edit its journal holds, and its framework (read only: for
/// reports, exports and every other shell command). Says once, on stderr, what came from
/// the journal.
pub fn load(path: &Path) -> Result<(Session, Framework)> {
    let s = read_session(path)?;
    let fw = session::framework_for(&s, Some(path))?;
    Ok((s, fw))
}

/// [`session::read`], telling the user on stderr what the journal added or why it was not
/// used: a report made after a crash must never silently miss the afternoon.
pub fn read_session(path: &Path) -> Result<Session> {
    let read = session::read(path)?;
    for line in journal_notes(path, &read) {
        eprintln!("awayday: {}", crate::text::printable(&line));
    }
    Ok(read.session)
}

/// What a reader says about the journal it read.
pub fn journal_notes(path: &Path, read: &session::SessionRead) -> Vec<String> {
    let name = path.display();
    let mut notes = Vec::new();
    if read.from_journal > 0 {
        notes.push(format!(
            "{name}: {} read from its journal (made in awayday and not yet written into the file).",
            crate::text::edits(read.from_journal)
        ));
    }
    match &read.unused {
        Some(session::Unused::Older) => notes.push(format!(
            "{name}: the journal beside it is older than the file (the file has been saved since); it was not read."
        )),
        Some(session::Unused::Foreign { session }) => notes.push(format!(
            "{name}: the journal beside it belongs to another session ({session}); it was not read."
        )),
        Some(session::Unused::NotAJournal) => notes.push(format!(
            "{name}: the file beside it named as its journal is not an awayday journal; it was not read."
        )),
        None => {}
    }
    notes.extend(read.notices.iter().map(|n| format!("{name}: {n}")));
    notes
}

/// Every change is written at once, so a session that cannot be written is refused up front,
/// not at the first keystroke: the file itself, and its folder (for the lock, the journal and
/// the atomic rename).
fn writable(path: &Path) -> Result<()> {
    let real = crate::files::real_path(path)?;
    let dir = crate::files::parent_dir(&real);
    let refused = |what: &str, e: &dyn std::fmt::Display| {
        anyhow::anyhow!(
            "{}: {what} cannot be written ({e}); awayday saves every change as it is made. Fix the permissions, or keep a copy somewhere you can write with: awayday save-as \"{}\" COPY.ron (it includes every edit in the journal beside it; copying the .ron alone would not).",
            path.display(),
            path.display()
        )
    };
    // Opening for writing without truncating changes nothing.
    if let Err(e) = std::fs::OpenOptions::new().write(true).open(&real) {
        return Err(refused("the file", &e));
    }
    if let Err(e) = crate::files::folder_writable(dir) {
        return Err(refused("its folder", &e));
    }
    Ok(())
}

/// The workshop screen needs a terminal to draw on and read keys from, one that can move its
/// cursor and is big enough for the screen.
#[derive(Debug, thiserror::Error)]
pub enum NoTerminal {
    #[error(
        "the workshop screen needs a terminal: standard input and output must both be one (run awayday in a terminal window, not from a pipe, a file or cron). Nothing was created or changed."
    )]
    Missing,
    /// `TERM=dumb`, or a window too small: the reason, in words.
    #[error("{0}")]
    Unfit(String),
}

/// Refuses, before anything is created or drawn, to start the screen without a terminal that
/// can show it.
pub fn require_terminal() -> Result<()> {
    use std::io::IsTerminal;
    if !(std::io::stdin().is_terminal() && std::io::stdout().is_terminal()) {
        return Err(NoTerminal::Missing.into());
    }
    match crate::terminal::unfit_for_screen(tui::layout::MIN_WIDTH, tui::layout::MIN_HEIGHT) {
        Some(reason) => Err(NoTerminal::Unfit(reason).into()),
        None => Ok(()),
    }
}

/// Opens the workshop screen on a session.
pub fn open(path: &Path, message: Option<String>) -> Result<()> {
    open_as(path, message, false, None)
}

/// The address `--serve` was given, or this machine's network address if none.
pub fn serve_address(text: &str) -> Result<std::net::SocketAddr> {
    if text.is_empty() {
        return Ok(crate::serve::lan::default_bind());
    }
    text.parse().map_err(|_| {
        anyhow::anyhow!(
            "--serve takes an address and port, like 192.168.1.20:8377 or 0.0.0.0:8377; got '{text}'"
        )
    })
}

/// Opens the workshop screen on a session, turning solo review on first when `solo`, and
/// with voting from the groups' devices on at `serve` (the voting view open, so the groups
/// can scan their links).
pub fn open_as(
    path: &Path,
    message: Option<String>,
    solo: bool,
    serve: Option<std::net::SocketAddr>,
) -> Result<()> {
    // What the parse cache keeps of this opening is written once the first frame is drawn.
    crate::cache::defer_writes();
    // A broken or unwritable file is reported first, with or without a terminal, and before
    // anything (lock, backup, journal) is created beside it.
    let (read, ahead) = read_with_its_framework(path);
    let read = read?;
    let early = match ahead {
        Some((named, Ok(fw))) if named == read.session.framework => fw,
        _ => session::framework_for(&read.session, Some(path))?,
    };
    let early_from = (
        read.session.framework.clone(),
        session::framework_file(&read.session, Some(path)),
    );
    writable(path)?;
    require_terminal()?;
    // Lock, recover and back up before anything is shown, so what is on screen is what is
    // on disk and no one else is changing it. The read above is used again if nothing has
    // changed since, and so is its framework if it comes from the same place.
    let opened = session::Store::open_after(path, Some(read))?;
    let from = (
        opened.session.framework.clone(),
        session::framework_file(&opened.session, Some(opened.store.path())),
    );
    let fw = if from == early_from {
        early
    } else {
        session::framework_for(&opened.session, Some(opened.store.path()))?
    };
    remember(path);
    let mut app = App::new(fw, opened.session, path.to_owned());
    if solo && !app.session().room.solo {
        // An edit like any other, so the journal has it before the first key.
        crate::tui::update::update(&mut app, Action::ToggleSolo);
    }
    let (keymap, key_problem) = crate::tui::keyfile::load();
    app.set_keymap(keymap);
    let mut messages: Vec<String> = message.into_iter().collect();
    messages.extend(key_problem);
    if app.framework().digest != app.session().framework.digest {
        messages.push(format!(
            "The framework has changed since this session was scored (edition {}); scores of statements that still exist are kept.",
            app.framework().edition
        ));
    }
    let orphans = crate::session::summary::orphans(app.framework(), app.session()).len();
    if orphans > 0 {
        let summary = app
            .keymap()
            .key_for(Keys::Main, &Action::Summary)
            .unwrap_or_default();
        messages.push(format!(
            "{orphans} records are for statements this framework no longer has: kept, and listed in the summary ({summary})."
        ));
    }
    // What happened to the file itself matters most: say it first.
    let mut all = opened.notices;
    all.extend(messages);
    if !all.is_empty() {
        let _ = app.set_message(Some(all.join(" ")));
    }
    if let Some(draft) = opened.draft {
        let told = app.set_message(None);
        app.restore_draft(draft);
        let recovered = app.set_message(None);
        let _ = app.set_message(match (told, recovered) {
            (Some(a), Some(b)) => Some(format!("{a} {b}")),
            (a, b) => a.or(b),
        });
    }
    if let Some(bind) = serve {
        crate::tui::serving::start(&mut app, bind);
        if !app.has_view() {
            crate::tui::update::update(
                &mut app,
                Action::Voting(crate::tui::serving::VotingAction::Open),
            );
        }
    }
    tui::run(app, opened.store)
}

/// A framework loaded ahead, with the reference it was loaded by.
type Ahead = Option<(
    session::FrameworkRef,
    Result<Framework, session::SessionError>,
)>;

/// Reads the session and, meanwhile on another thread, the framework its first lines name
/// (checked against the session once it is read): for a large session on a framework file
/// of its own, each takes about as long as the other, and the screen waits for both.
fn read_with_its_framework(
    path: &Path,
) -> (Result<session::SessionRead, session::StoreError>, Ahead) {
    let mut head = Vec::new();
    if let Ok(file) = std::fs::File::open(path) {
        let _ = std::io::Read::read_to_end(&mut std::io::Read::take(file, 4096), &mut head);
    }
    let named = session::framework_ahead(&String::from_utf8_lossy(&head));
    std::thread::scope(|scope| {
        let loading = named.map(|named| {
            scope.spawn(move || {
                let fw = session::framework_named(&named, Some(path));
                (named, fw)
            })
        });
        let read = session::read(path);
        (read, loading.and_then(|worker| worker.join().ok()))
    })
}
