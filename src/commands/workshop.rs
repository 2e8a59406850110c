//! Starting the workshop screen: `awayday new`, `awayday open`, and bare `awayday`, which
//! reopens the most recent session or starts one in the data folder.

use std::path::{Path, PathBuf};

use anyhow::{Context, Result, bail};

use crate::framework::{self, Framework};
use crate::session::{self, Session};
use crate::tui::{self, app::App};

/// The options of `awayday new`.
pub struct NewSession {
    pub path: Option<PathBuf>,
    pub framework: Option<String>,
    pub title: Option<String>,
    pub organisation: Option<String>,
    pub facilitator: Option<String>,
    pub groups: Option<String>,
}

/// Where sessions live when no path is given: `AWAYDAY_DATA_DIR`, else the platform's data
/// folder (`~/.local/share/awayday` on Linux).
pub fn data_dir() -> Result<PathBuf> {
    if let Some(dir) = std::env::var_os("AWAYDAY_DATA_DIR").filter(|d| !d.is_empty()) {
        return Ok(PathBuf::from(dir));
    }
    directories::ProjectDirs::from("", "", "awayday")
        .map(|p| p.data_dir().to_owned())
        .context("cannot tell where this system keeps application data; give a session path")
}

fn recent_file() -> Result<PathBuf> {
    Ok(data_dir()?.join("recent"))
}

/// Remembers the session last opened, for bare `awayday`.
fn remember(path: &Path) {
    let Ok(file) = recent_file() else { return };
    let full = std::path::absolute(path).unwrap_or_else(|_| path.to_owned());
    if let Some(dir) = file.parent() {
        let _ = std::fs::create_dir_all(dir);
    }
    let _ = session::write_atomic(&file, full.display().to_string().as_bytes());
}

/// Creates a session file (refusing to overwrite one) and returns it with its path.
pub fn create(opts: NewSession) -> Result<(PathBuf, Session, Framework)> {
    let fw = framework::resolve(opts.framework.as_deref())?;
    let groups: Vec<String> = opts
        .groups
        .as_deref()
        .unwrap_or("")
        .split(',')
        .map(str::trim)
        .filter(|g| !g.is_empty())
        .map(str::to_owned)
        .collect();
    for (i, g) in groups.iter().enumerate() {
        if groups[..i].contains(g) {
            bail!("group \"{g}\" is named twice");
        }
    }
    let mut s = Session::new(&fw, groups, session::today());
    s.title = opts.title.unwrap_or_default();
    s.organisation = opts.organisation.unwrap_or_default();
    s.facilitator = opts.facilitator.unwrap_or_default();
    if framework::builtin(&fw.id).is_none()
        && let Some(spec) = &opts.framework
    {
        let abs = std::path::absolute(spec).unwrap_or_else(|_| PathBuf::from(spec));
        s.framework.path = Some(abs.display().to_string());
    }
    let path = match opts.path {
        Some(p) => {
            if p.exists() {
                bail!(
                    "{} already exists; open it with `awayday open {}`, or choose another name",
                    p.display(),
                    p.display()
                );
            }
            p
        }
        None => fresh_path(&data_dir()?, &s.date)?,
    };
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir).with_context(|| format!("cannot create {}", dir.display()))?;
    }
    session::save(&path, &s)?;
    remember(&path);
    Ok((path, s, fw))
}

/// `session-2026-11-23.ron`, or `-2`, `-3`… if taken.
fn fresh_path(dir: &Path, date: &str) -> Result<PathBuf> {
    std::fs::create_dir_all(dir).with_context(|| format!("cannot create {}", dir.display()))?;
    let mut n = 1;
    loop {
        let name = if n == 1 {
            format!("session-{date}.ron")
        } else {
            format!("session-{date}-{n}.ron")
        };
        let p = dir.join(name);
        if !p.exists() {
            return Ok(p);
        }
        n += 1;
    }
}

/// Loads a session and its framework.
pub fn load(path: &Path) -> Result<(Session, Framework)> {
    let s = session::load(path)?;
    let fw = session::framework_for(&s, Some(path))?;
    Ok((s, fw))
}

/// Opens the workshop screen on a session.
pub fn open(path: &Path, message: Option<String>) -> Result<()> {
    // Lock before reading, so what is loaded is what no one else is changing.
    let _lock = session::SessionLock::acquire(path)?;
    let (s, fw) = load(path)?;
    // Every change is saved at once, so a file that cannot be written is refused now, not at
    // the first keystroke. Opening for writing without truncating changes nothing.
    if let Err(e) = std::fs::OpenOptions::new().write(true).open(path) {
        bail!(
            "{}: cannot be written ({e}); awayday saves every change as it is made. Fix the file's permissions, or copy it somewhere you can write.",
            path.display()
        );
    }
    remember(path);
    let mut app = App::new(fw, s, path.to_owned());
    if app.framework.digest != app.session.framework.digest {
        app.message = Some(format!(
            "The framework has changed since this session was scored (edition {}); scores of statements that still exist are kept.",
            app.framework.edition
        ));
    }
    if message.is_some() {
        app.message = message;
    }
    let orphans = crate::session::summary::orphans(&app.framework, &app.session).len();
    if orphans > 0 {
        app.message = Some(format!(
            "{orphans} records are for statements this framework no longer has: kept, and listed in the summary (s)."
        ));
    }
    tui::run(app)
}

/// Bare `awayday`: the most recent session, or a new one in the data folder.
pub fn start() -> Result<()> {
    if let Ok(file) = recent_file()
        && let Ok(text) = std::fs::read_to_string(file)
    {
        let path = PathBuf::from(text.trim());
        if path.is_file() {
            return open(&path, Some(format!("Reopened {}.", path.display())));
        }
    }
    let (path, _, _) = create(NewSession {
        path: None,
        framework: None,
        title: None,
        organisation: None,
        facilitator: None,
        groups: None,
    })?;
    open(
        &path,
        Some(format!(
            "New session: saved as {} (e edits its details and groups).",
            path.display()
        )),
    )
}
