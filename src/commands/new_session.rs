//! Starting a session: `awayday new` makes its file from the options (a framework, groups,
//! the day's plan, last year's session to start from), never over an existing file; bare
//! `awayday` reopens the most recent session or starts one in the data folder.

use std::path::{Path, PathBuf};

use anyhow::{Context, Result, bail};

use super::workshop::{data_dir, load, open, recent_file, remember, require_terminal};
use crate::framework::{self, Framework};
use crate::session::{self, Session};
use crate::tui::{action::Action, keymap::Context as Keys};

/// The options of `awayday new`.
pub struct NewSession {
    pub path: Option<PathBuf>,
    pub framework: Option<String>,
    pub title: Option<String>,
    pub organisation: Option<String>,
    pub facilitator: Option<String>,
    pub groups: Option<String>,
    /// The day, "09:30-16:00", and its breaks.
    pub agenda: Option<String>,
    pub breaks: Vec<String>,
    /// Last year's session, to start this one from.
    pub from: Option<PathBuf>,
    /// Solo review: one column, the reviewer's score.
    pub solo: bool,
}

/// Creates a session file (refusing to overwrite one) and returns it with its path.
pub fn create(opts: NewSession) -> Result<(PathBuf, Session, Framework)> {
    let last = match &opts.from {
        Some(p) => Some(load(p).with_context(|| format!("cannot start from {}", p.display()))?),
        None => None,
    };
    // Last year's framework as it is now (its newer version, if it was updated), unless
    // another is named.
    let fw = match (&opts.framework, &last) {
        (None, Some((_, fw))) => fw.clone(),
        _ => framework::resolve(opts.framework.as_deref())?,
    };
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
        if groups[..i]
            .iter()
            .any(|h| h.to_lowercase() == g.to_lowercase())
        {
            bail!("group \"{g}\" is named twice (names differing only in case are one group)");
        }
        if g.eq_ignore_ascii_case("agreed") {
            bail!("\"{g}\" is the room's own column; call the group something else");
        }
    }
    let agenda = match &opts.agenda {
        Some(day) => {
            Some(session::agenda::Agenda::new(day, &opts.breaks).map_err(anyhow::Error::msg)?)
        }
        None => None,
    };
    let mut s = match (&last, &opts.from) {
        (Some((prev, _)), Some(from)) => {
            let mut s = session::carry::next_year(prev, &fw, session::today());
            if !groups.is_empty() {
                s.groups = groups;
            }
            if opts.framework.is_none() {
                s.framework.path = session::framework_file(prev, Some(from))
                    .map(|f| std::path::absolute(&f).unwrap_or(f).display().to_string());
            }
            s
        }
        _ => Session::new(&fw, groups, session::today()),
    };
    s.agenda = agenda;
    s.room.solo = opts.solo;
    if let Some(t) = opts.title {
        s.title = t;
    }
    if let Some(o) = opts.organisation {
        s.organisation = o;
    }
    if let Some(f) = opts.facilitator {
        s.facilitator = f;
    }
    if framework::builtin(&fw.id).is_none()
        && let Some(spec) = &opts.framework
    {
        // A file named on the command line, or an installed framework found by its id.
        let file = if Path::new(spec).exists() {
            PathBuf::from(spec)
        } else {
            crate::places::installed_frameworks()
                .into_iter()
                .find(|f| framework::load_path(f).is_ok_and(|x| x.id == fw.id))
                .unwrap_or_else(|| PathBuf::from(spec))
        };
        let abs = std::path::absolute(&file).unwrap_or(file);
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

/// Bare `awayday`: the most recent session, or a new one in the data folder.
pub fn start() -> Result<()> {
    require_terminal()?;
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
        agenda: None,
        breaks: Vec::new(),
        from: None,
        solo: false,
    })?;
    open(
        &path,
        Some(format!(
            "New session: saved as {} ({} edits its details and groups).",
            path.display(),
            crate::tui::keyfile::load()
                .0
                .key_for(Keys::Main, &Action::Settings)
                .unwrap_or_default()
        )),
    )
}
