//! awayday as a command-line tool: a closed pipe, an empty lookup, the man page, `--help`,
//! terminals that cannot show the screen, and the release archive.
#![allow(clippy::unwrap_used)] // tests may unwrap: a panic is a failure

mod common;

use std::path::Path;
use std::process::{Command, Output, Stdio};

use common::tmux::Tmux;

const BIN: &str = env!("CARGO_BIN_EXE_awayday");

/// The binary with a clean environment of its own: no awayday variables from the caller, and
/// the data folder in `dir`.
fn awayday(dir: &Path) -> Command {
    let mut cmd = Command::new(BIN);
    cmd.current_dir(dir)
        .env_remove("AWAYDAY_CONFIG_DIR")
        .env_remove("NO_COLOR")
        .env("AWAYDAY_DATA_DIR", dir.join("data"))
        .stdin(Stdio::null());
    cmd
}

fn run(dir: &Path, args: &[&str]) -> Output {
    awayday(dir).args(args).output().unwrap()
}

/// A session with one score, for the commands that read one.
fn session(dir: &Path) -> String {
    let out = run(dir, &["new", "s.ron", "--groups", "Red,Blue", "--no-open"]);
    assert!(out.status.success(), "{out:?}");
    "s.ron".to_owned()
}

// A reader that stops early (`| head`) ends every command quietly with success. The pipe's
// reading end is closed before the command starts, so its first write meets the closed pipe
// whatever the size of its output.
#[test]
fn a_closed_pipe_ends_every_command_quietly_with_success() {
    let dir = tempfile::tempdir().unwrap();
    let s = session(dir.path());
    let commands: &[&[&str]] = &[
        &["completions", "bash"],
        &["completions", "powershell"],
        &["tree", "--json"],
        &["tree"],
        &["frameworks"],
        &["show", "2"],
        &["lookup", "call", "in"],
        &["keys"],
        &["man"],
        &["report", &s],
        &["report", &s, "--format", "html"],
        &["export", &s],
        &["compare", &s, &s],
        &["save-as", &s, "copy.ron", "--force"],
        &["--help"],
    ];
    for args in commands {
        let (reader, writer) = std::io::pipe().unwrap();
        drop(reader);
        let out = awayday(dir.path())
            .args(*args)
            .stdout(writer)
            .stderr(Stdio::piped())
            .output()
            .unwrap();
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(
            out.status.success(),
            "awayday {}: {:?}, stderr: {err}",
            args.join(" "),
            out.status
        );
        assert!(err.is_empty(), "awayday {}: stderr: {err}", args.join(" "));
    }
}

// An error that is not a closed pipe is still reported: a full disk loses no output silently.
#[cfg(target_os = "linux")]
#[test]
fn output_that_cannot_be_written_is_an_error() {
    let dir = tempfile::tempdir().unwrap();
    let full = std::fs::OpenOptions::new()
        .write(true)
        .open("/dev/full")
        .unwrap();
    let out = awayday(dir.path())
        .args(["tree", "--json"])
        .stdout(full)
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(err.contains("No space left"), "{err}");
}

#[test]
fn lookup_with_no_match_exits_1_and_says_so_on_standard_error() {
    let dir = tempfile::tempdir().unwrap();
    let out = run(dir.path(), &["lookup", "qqqzzzxxy"]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(out.stdout.is_empty(), "nothing on standard output");
    assert!(
        err.contains("no match for \"qqqzzzxxy\" in Corporate peer review benchmark"),
        "{err}"
    );
    // A match is still a success, printed on standard output.
    let out = run(dir.path(), &["lookup", "call", "in"]);
    assert_eq!(out.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&out.stdout).contains("2.3"));
}

/// `name` as roff writes a `.SS` heading: quoted when it holds a space.
fn subsection(name: &str) -> String {
    format!(".SS \"{name}\"")
}

#[test]
fn the_man_page_holds_every_command_the_environment_and_the_files() {
    let dir = tempfile::tempdir().unwrap();
    let out = run(dir.path(), &["man"]);
    assert!(out.status.success());
    let page = String::from_utf8(out.stdout).unwrap();
    assert!(page.starts_with(".ie") || page.starts_with(".TH"), "roff");
    assert!(page.contains(".TH awayday 1"), "a section 1 page");
    let cli = awayday::cli::command();
    let visible: Vec<&str> = cli
        .get_subcommands()
        .filter(|s| !s.is_hide_set())
        .map(clap::Command::get_name)
        .collect();
    assert!(visible.len() >= 15, "{visible:?}");
    for name in &visible {
        assert!(
            page.contains(&subsection(&format!("awayday {name}"))),
            "the page has no section for `awayday {name}`"
        );
    }
    // Each command's options are there too, not only its name.
    for flag in [r"\-\-agenda", r"\-\-excel", r"\-\-prefer", r"\-\-update"] {
        assert!(page.contains(flag), "{flag}");
    }
    for section in [".SH ENVIRONMENT", ".SH FILES", ".SH \"EXIT STATUS\""] {
        assert!(page.contains(section), "{section}");
    }
    for (name, _) in awayday::cli::about::VARIABLES {
        assert!(page.contains(&format!("\\fB{name}\\fR")), "{name}");
    }
    // Each system's folders, not only this one's.
    assert!(page.contains("~/.local/share/awayday"));
    assert!(page.contains("~/Library/Application Support/awayday"));
    assert!(page.contains(r"%APPDATA%\\awayday\\data"));
    assert!(page.contains("keys.ron"));

    // Where groff is installed, the page must also typeset without a single warning.
    if Command::new("groff").arg("-v").output().is_ok() {
        let file = dir.path().join("awayday.1");
        std::fs::write(&file, &page).unwrap();
        let typeset = Command::new("groff")
            .args(["-man", "-Tutf8", "-ww", "-z"])
            .arg(&file)
            .output()
            .unwrap();
        let warnings = String::from_utf8_lossy(&typeset.stderr);
        assert!(
            typeset.status.success() && warnings.is_empty(),
            "{warnings}"
        );
    }
}

#[test]
fn help_names_the_folders_files_and_variables_awayday_reads() {
    let dir = tempfile::tempdir().unwrap();
    let home = dir.path().join("home");
    let help = |data_dir: Option<&Path>| {
        let mut cmd = awayday(dir.path());
        cmd.arg("--help")
            .env("HOME", &home)
            .env_remove("XDG_DATA_HOME")
            .env_remove("XDG_CONFIG_HOME");
        match data_dir {
            Some(d) => cmd.env("AWAYDAY_DATA_DIR", d),
            None => cmd.env_remove("AWAYDAY_DATA_DIR"),
        };
        let out = cmd.output().unwrap();
        assert!(out.status.success());
        String::from_utf8(out.stdout).unwrap()
    };
    let text = help(None);
    for word in [
        "AWAYDAY_DATA_DIR",
        "AWAYDAY_CONFIG_DIR",
        "keys.ron",
        "NO_COLOR",
        "TERM",
        "Exit status",
    ] {
        assert!(text.contains(word), "--help names {word}:\n{text}");
    }
    // This system's folders, as `directories` gives them for awayday.
    #[cfg(target_os = "linux")]
    {
        let data = home.join(".local/share/awayday");
        let keys = home.join(".config/awayday/keys.ron");
        assert!(text.contains(&data.display().to_string()), "{text}");
        assert!(text.contains(&keys.display().to_string()), "{text}");
    }
    // A data folder given by the variable is the one named.
    let mine = dir.path().join("my data");
    let text = help(Some(&mine));
    assert!(
        text.contains(&format!("{} (from AWAYDAY_DATA_DIR)", mine.display())),
        "{text}"
    );

    // Every AWAYDAY_ variable the program reads is told, except those only the tests use.
    let test_only = ["AWAYDAY_CRASH_ON_KEY", "AWAYDAY_REQUIRE_TMUX"];
    for var in variables_read(Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/src"))) {
        if test_only.contains(&var.as_str()) {
            assert!(!text.contains(&var), "{var} is for the tests only");
        } else {
            assert!(text.contains(&var), "--help does not name {var}");
        }
    }
}

/// Every `"AWAYDAY_…"` string in the sources under `dir`.
fn variables_read(dir: &Path) -> Vec<String> {
    let mut found = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            found.extend(variables_read(&path));
        } else if path.extension().is_some_and(|e| e == "rs") {
            let text = std::fs::read_to_string(&path).unwrap();
            for (at, _) in text.match_indices("\"AWAYDAY_") {
                let name: String = text[at + 1..]
                    .chars()
                    .take_while(|c| c.is_ascii_uppercase() || *c == '_')
                    .collect();
                found.push(name);
            }
        }
    }
    found.sort();
    found.dedup();
    found
}

/// Runs `awayday new s.ron` in a real terminal after `setup` (shell words), and returns the
/// screen once it has exited, or `None` without tmux.
fn new_session_in_terminal(name: &str, setup: &str, dir: &Path) -> Option<String> {
    let command = format!("{setup} {BIN} new s.ron; echo EXIT=$?; sleep 30");
    let t = Tmux::start(name, &command, dir)?;
    t.wait_for("EXIT=", 10);
    Some(t.screen())
}

#[test]
fn a_dumb_terminal_is_told_why_and_nothing_is_created() {
    let dir = tempfile::tempdir().unwrap();
    let Some(screen) = new_session_in_terminal("dumb", "TERM=dumb", dir.path()) else {
        return;
    };
    assert!(screen.contains("EXIT=2"), "{screen}");
    assert!(screen.contains("TERM=dumb"), "{screen}");
    assert!(screen.contains("Nothing was created"), "{screen}");
    assert!(!dir.path().join("s.ron").exists());
    assert!(!dir.path().join("recent").exists());
}

#[test]
fn a_window_too_small_is_told_its_size_and_nothing_is_created() {
    let dir = tempfile::tempdir().unwrap();
    // The terminal's own size, as a window dragged small would report it.
    let Some(screen) = new_session_in_terminal("small", "stty cols 50 rows 12;", dir.path()) else {
        return;
    };
    assert!(screen.contains("EXIT=2"), "{screen}");
    assert!(screen.contains("at least 60×16"), "{screen}");
    assert!(screen.contains("50×12"), "{screen}");
    assert!(!dir.path().join("s.ron").exists());
    assert!(!dir.path().join("recent").exists());
}

// The release script's archive for this system holds every file, and what it holds works:
// the binary runs, the completions and the man page are the program's own.
#[cfg(target_os = "linux")]
#[test]
fn the_linux_release_archive_holds_every_file() {
    let dir = tempfile::tempdir().unwrap();
    let script = concat!(env!("CARGO_MANIFEST_DIR"), "/scripts/release.sh");
    let target = "x86_64-unknown-linux-gnu";
    let out = Command::new("bash")
        .arg(script)
        .args(["--binary", BIN, "--out"])
        .arg(dir.path())
        .arg(target)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let version = env!("CARGO_PKG_VERSION");
    let name = format!("awayday-{version}-{target}");
    let archive = dir.path().join(format!("{name}.tar.gz"));
    let unpacked = dir.path().join("unpacked");
    std::fs::create_dir(&unpacked).unwrap();
    let status = Command::new("tar")
        .arg("-xzf")
        .arg(&archive)
        .arg("-C")
        .arg(&unpacked)
        .status()
        .unwrap();
    assert!(status.success());
    let top = unpacked.join(&name);
    for file in [
        "awayday",
        "README.md",
        "LICENSE",
        "awayday.1",
        "completions/awayday.bash",
        "completions/_awayday",
        "completions/awayday.fish",
        "completions/_awayday.ps1",
    ] {
        let path = top.join(file);
        assert!(
            path.metadata().is_ok_and(|m| m.len() > 0),
            "{name} lacks {file}"
        );
    }
    let version_out = Command::new(top.join("awayday"))
        .arg("--version")
        .output()
        .unwrap();
    assert_eq!(
        String::from_utf8_lossy(&version_out.stdout).trim(),
        format!("awayday {version}")
    );
    let read = |f: &str| std::fs::read_to_string(top.join(f)).unwrap();
    assert!(read("completions/awayday.bash").contains("_awayday()"));
    assert!(read("completions/_awayday").starts_with("#compdef awayday"));
    assert!(read("completions/awayday.fish").contains("complete -c awayday"));
    assert!(read("completions/_awayday.ps1").contains("Register-ArgumentCompleter"));
    assert!(read("awayday.1").contains(".SH ENVIRONMENT"));
    assert!(read("LICENSE").contains("MIT License"));
}
