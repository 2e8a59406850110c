//! What awayday reads besides its arguments (folders, files, environment variables), told
//! once here for `--help`, which names this system's folders, and for the man page, which
//! names every system's.

use std::fmt::Write;

/// The environment variables awayday reads, and what each does. Variables only the tests
/// use are left out: they are not for users.
pub const VARIABLES: &[(&str, &str)] = &[
    (
        "AWAYDAY_DATA_DIR",
        "The data folder, instead of the system's: where sessions made without a path go, the record of the most recent session, and installed frameworks (frameworks/*.ron).",
    ),
    (
        "AWAYDAY_CONFIG_DIR",
        "The config folder, instead of the system's: where keys.ron is read from.",
    ),
    (
        "AWAYDAY_CACHE_DIR",
        "The cache folder, instead of the system's: where large sessions and frameworks are kept as read, to open them faster.",
    ),
    (
        "NO_COLOR",
        "Set to anything but empty, turns colour off: on the workshop screen and in lookup's highlights.",
    ),
    (
        "TERM",
        "The kind of terminal. The workshop screen refuses TERM=dumb, which cannot move its cursor; the shell commands work anywhere.",
    ),
    (
        "COLUMNS",
        "The width show and lookup wrap their text to when their output is not a terminal (80 when unset).",
    ),
];

/// A folder or file awayday uses, where it is on each system, and what is in it.
pub(crate) struct Place {
    pub name: &'static str,
    pub linux: &'static str,
    pub macos: &'static str,
    pub windows: &'static str,
    pub holds: &'static str,
}

/// The folders and files awayday reads and writes outside the session's own folder; the
/// defaults are those the `directories` crate gives for awayday on each system.
pub(crate) const PLACES: &[Place] = &[
    Place {
        name: "Data folder",
        linux: "$XDG_DATA_HOME/awayday (~/.local/share/awayday)",
        macos: "~/Library/Application Support/awayday",
        windows: r"%APPDATA%\awayday\data",
        holds: "Sessions made without a path, recent (the most recent session, for a bare awayday), and frameworks/ (framework files offered in every session). AWAYDAY_DATA_DIR replaces it.",
    },
    Place {
        name: "keys.ron",
        linux: "$XDG_CONFIG_HOME/awayday/keys.ron (~/.config/awayday/keys.ron)",
        macos: "~/Library/Application Support/awayday/keys.ron",
        windows: r"%APPDATA%\awayday\config\keys.ron",
        holds: "Your own keys, naming only what changes (awayday keys prints the names). AWAYDAY_CONFIG_DIR replaces its folder.",
    },
    Place {
        name: "Cache folder",
        linux: "$XDG_CACHE_HOME/awayday/parsed (~/.cache/awayday/parsed)",
        macos: "~/Library/Caches/awayday/parsed",
        windows: r"%LOCALAPPDATA%\awayday\cache\parsed",
        holds: "Large sessions and frameworks as last read (a dozen at most), so they open faster; only a speed-up, safe to delete at any time. AWAYDAY_CACHE_DIR replaces the cache folder.",
    },
];

/// Beside a session s.ron, in the folder of the real file.
pub(crate) const BESIDE_A_SESSION: &str = ".s.ron.journal (edits not yet folded into s.ron), .s.ron.lock (keeps a second awayday out), s.ron.bak (the file as it was when last opened).";

/// What the exit status means, for every command.
pub(crate) const EXIT_STATUS: &[(&str, &str)] = &[
    (
        "0",
        "Done (also when the reader of the output stopped early, as `awayday tree | head` does).",
    ),
    (
        "1",
        "An error, said on standard error; or lookup found nothing.",
    ),
    (
        "2",
        "The workshop screen cannot start here: no terminal, TERM=dumb, or a window too small. Nothing was created or changed.",
    ),
];

/// The end of `awayday --help`: the folders as they are on this system, then the variables.
pub(crate) fn help_text() -> String {
    let data = crate::places::data_dir();
    let keys = crate::tui::keyfile::path();
    let shown = |p: Option<std::path::PathBuf>, var: &str| match p {
        Some(p) if std::env::var_os(var).is_some_and(|v| !v.is_empty()) => {
            format!("{} (from {var})", p.display())
        }
        Some(p) => p.display().to_string(),
        None => "(this system has none; give session paths)".to_owned(),
    };
    let mut text = String::from("Folders and files on this system:\n");
    let _ = writeln!(
        text,
        "  Data folder  {}\n      {}",
        shown(data, "AWAYDAY_DATA_DIR"),
        PLACES[0].holds
    );
    let _ = writeln!(
        text,
        "  Keys         {}\n      {}",
        shown(keys, "AWAYDAY_CONFIG_DIR"),
        PLACES[1].holds
    );
    let _ = writeln!(
        text,
        "  Cache        {}\n      {}",
        shown(crate::places::cache_dir(), "AWAYDAY_CACHE_DIR"),
        PLACES[2].holds
    );
    let _ = writeln!(text, "  Beside a session s.ron:\n      {BESIDE_A_SESSION}");
    text.push_str("\nEnvironment:\n");
    for (name, meaning) in VARIABLES {
        let _ = writeln!(text, "  {name}\n      {meaning}");
    }
    text.push_str("\nExit status:\n");
    for (code, meaning) in EXIT_STATUS {
        let _ = writeln!(text, "  {code}  {meaning}");
    }
    text
}
