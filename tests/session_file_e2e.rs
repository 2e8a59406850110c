//! The session file, trusted, end to end: the real binary in tmux, killed, hung up on,
//! terminated, raced by another program, run without a terminal, under a strict umask and a
//! file-size limit. Each test names the item of the guarantees table it checks.
#![allow(clippy::unwrap_used)] // tests may unwrap: a panic is a failure

mod common;

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use awayday::session::{self, Column, Score};
use common::reopened;
use common::tmux::Tmux;

const BIN: &str = env!("CARGO_BIN_EXE_awayday");

fn new_session(dir: &Path, name: &str, groups: &str) -> PathBuf {
    let path = dir.join(name);
    let out = Command::new(BIN)
        .args(["new", "--no-open", "--groups", groups])
        .arg(&path)
        .env("AWAYDAY_DATA_DIR", dir)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    path
}

/// Sends `signal` to `pid` and waits until the process is gone (its locks with it).
fn kill(pid: u32, signal: &str) {
    let status = Command::new("kill")
        .args([signal, &pid.to_string()])
        .status()
        .unwrap();
    assert!(status.success());
    wait_gone(pid);
}

fn wait_gone(pid: u32) {
    for _ in 0..200 {
        let state = std::fs::read_to_string(format!("/proc/{pid}/stat")).unwrap_or_default();
        // Gone, or a zombie: either way its files are closed.
        if state.is_empty() || state.contains(") Z ") {
            return;
        }
        std::thread::sleep(Duration::from_millis(25));
    }
    panic!("process {pid} did not end");
}

// 1. A link splits the session.
#[cfg(unix)]
#[test]
fn a_session_opened_through_a_symlink_is_saved_into_the_real_file() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("real")).unwrap();
    let real = new_session(&dir.path().join("real"), "s.ron", "Red,Blue");
    let link = dir.path().join("cur.ron");
    std::os::unix::fs::symlink("real/s.ron", &link).unwrap();
    let Some(t) = Tmux::start("link", &format!("exec {BIN} open cur.ron"), dir.path()) else {
        return;
    };
    t.wait_for("[saved]", 10);
    // A second awayday by the real name is refused while the first is open.
    let second = Command::new("script")
        .args(["-qec", &format!("{BIN} open real/s.ron"), "/dev/null"])
        .current_dir(dir.path())
        .output();
    if let Ok(out) = second {
        let text = String::from_utf8_lossy(&out.stdout);
        assert!(text.contains("is open in another awayday"), "{text}");
    }
    t.keys(&["j", "j", "3", "q"]);
    t.wait_exit(10);
    assert!(
        std::fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink()
    );
    let s = session::load(&real).unwrap();
    assert_eq!(s.score("1.2", Column::Group(0)), Some(Score::Level(3)));
}

// 2. Another program's change is overwritten without a word.
#[test]
fn a_change_by_another_program_is_caught_and_both_versions_kept() {
    let dir = tempfile::tempdir().unwrap();
    let path = new_session(dir.path(), "s.ron", "Red");
    let Some(t) = Tmux::start("sync", &format!("exec {BIN} open s.ron"), dir.path()) else {
        return;
    };
    t.wait_for("[saved]", 10);
    t.keys(&["j", "4"]);
    t.wait_for("Red      4  Strong", 5);
    // A sync tool replaces the file.
    let theirs = std::fs::read_to_string(&path)
        .unwrap()
        .replace("title: \"\"", "title: \"From the other laptop\"");
    let tmp = dir.path().join("sync.tmp");
    std::fs::write(&tmp, &theirs).unwrap();
    std::fs::rename(&tmp, &path).unwrap();
    t.wait_for("changed elsewhere", 10);
    // Nothing has been written over theirs; ours is beside it.
    assert_eq!(std::fs::read_to_string(&path).unwrap(), theirs);
    let ours = session::load(&dir.path().join("s.ours.ron")).unwrap();
    assert_eq!(ours.score("1.1", Column::Group(0)), Some(Score::Level(4)));
    t.keys(&["k"]);
    t.wait_for("Kept yours", 5);
    t.keys(&["q"]);
    t.wait_exit(10);
    let s = session::load(&path).unwrap();
    assert_eq!(s.score("1.1", Column::Group(0)), Some(Score::Level(4)));
    assert_eq!(
        std::fs::read_to_string(dir.path().join("s.theirs.ron")).unwrap(),
        theirs
    );
}

// 5. Text typed in a form dies with the terminal.
#[test]
fn an_action_being_typed_survives_kill_9() {
    let dir = tempfile::tempdir().unwrap();
    let path = new_session(dir.path(), "s.ron", "Red");
    let Some(t) = Tmux::start("draft", &format!("exec {BIN} open s.ron"), dir.path()) else {
        return;
    };
    t.keep_dead_panes();
    t.wait_for("[saved]", 10);
    // `a` opens the actions list, `a` again the form.
    t.keys(&["j", "a", "a"]);
    t.wait_for("Tab next field", 5);
    t.text("Ask HR for the survey");
    t.wait_for("Ask HR for the survey", 5);
    kill(t.pid(), "-9");
    drop(t);
    let t = Tmux::start("draft2", &format!("exec {BIN} open s.ron"), dir.path()).unwrap();
    t.wait_for("Recovered the text you were typing", 10);
    t.wait_for("Ask HR for the survey", 5);
    t.keys(&["Enter"]);
    t.wait_for("1 open, 0 done", 5);
    // The list closed before `q`: sent with the Escape unread, it would arrive as Alt+q.
    t.keys(&["Escape"]);
    t.wait_gone("1 open, 0 done", 5);
    t.keys(&["q"]);
    t.wait_exit(10);
    assert_eq!(
        session::load(&path).unwrap().actions("1.1")[0].text,
        "Ask HR for the survey"
    );
}

#[test]
fn a_title_being_edited_survives_the_window_closing() {
    let dir = tempfile::tempdir().unwrap();
    let path = new_session(dir.path(), "s.ron", "Red");
    let Some(t) = Tmux::start("title", &format!("exec {BIN} open s.ron"), dir.path()) else {
        return;
    };
    t.wait_for("[saved]", 10);
    t.keys(&["e", "Enter"]);
    t.text("Leadership away");
    t.wait_for("Leadership away", 5);
    // Closing the window sends SIGHUP.
    let pid = t.pid();
    drop(t);
    wait_gone(pid);
    let opened = reopened(&path);
    assert!(
        matches!(&opened.draft, Some(session::journal::Draft::Meta { value, .. }) if value == "Leadership away"),
        "{:?}",
        opened.draft
    );
}

// 5. SIGTERM and SIGHUP save, restore the terminal and exit cleanly.
#[test]
fn sigterm_saves_restores_the_terminal_and_exits() {
    let dir = tempfile::tempdir().unwrap();
    let path = new_session(dir.path(), "s.ron", "Red");
    let command = format!("{BIN} open s.ron; echo EXIT=$?; sleep 30");
    let Some(t) = Tmux::start("term", &command, dir.path()) else {
        return;
    };
    t.wait_for("[saved]", 10);
    t.keys(&["j", "2"]);
    t.wait_for("Red      2  Reasonable", 5);
    // The app is the shell's child in this window.
    let app = Command::new("pgrep")
        .args(["-P", &t.pid().to_string()])
        .output()
        .unwrap();
    let pid: u32 = String::from_utf8_lossy(&app.stdout)
        .lines()
        .next()
        .unwrap()
        .trim()
        .parse()
        .unwrap();
    let status = Command::new("kill")
        .args(["-TERM", &pid.to_string()])
        .status()
        .unwrap();
    assert!(status.success());
    t.wait_for("EXIT=0", 10);
    let screen = t.screen();
    assert!(
        !screen.contains("[saved]"),
        "the app's screen is gone: {screen}"
    );
    assert_eq!(
        t.format("#{mouse_any_flag}#{alternate_on}"),
        "00",
        "mouse and screen restored"
    );
    // Folded into the readable file itself, not only the journal.
    let s = session::load(&path).unwrap();
    assert_eq!(s.score("1.1", Column::Group(0)), Some(Score::Level(2)));
}

// 11. No terminal.
#[test]
fn without_a_terminal_awayday_says_so_and_creates_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let path = new_session(dir.path(), "s.ron", "Red");
    let before = std::fs::read_dir(dir.path()).unwrap().count();
    let run = |args: &[&str]| {
        Command::new(BIN)
            .args(args)
            .current_dir(dir.path())
            .env("AWAYDAY_DATA_DIR", &data)
            .stdin(std::process::Stdio::null())
            .output()
            .unwrap()
    };
    for args in [&["open", "s.ron"][..], &[][..], &["new", "fresh.ron"][..]] {
        let out = run(args);
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {err}");
        assert!(err.contains("needs a terminal"), "{args:?}: {err}");
    }
    assert!(
        !data.exists(),
        "nothing in the data folder, not even a recent file"
    );
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), before);
    assert!(session::load(&path).is_ok());
}

// 10. New files honour the umask.
#[cfg(unix)]
#[test]
fn new_sessions_and_reports_honour_the_umask() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let script = format!(
        "umask 077; {BIN} new s.ron --no-open && {BIN} report s.ron -o r.md && {BIN} export s.ron -o e.csv"
    );
    let out = Command::new("sh")
        .args(["-c", &script])
        .current_dir(dir.path())
        .env("AWAYDAY_DATA_DIR", dir.path())
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    for name in ["s.ron", "r.md", "e.csv"] {
        let mode = std::fs::metadata(dir.path().join(name))
            .unwrap()
            .permissions()
            .mode();
        assert_eq!(mode & 0o777, 0o600, "{name}");
    }
}

// 10. With little room, the backup is cut short silently.
#[test]
fn a_backup_that_cannot_be_written_whole_is_reported() {
    let dir = tempfile::tempdir().unwrap();
    let path = new_session(dir.path(), "s.ron", "Red");
    // Make the file bigger than the size limit below.
    let mut s = session::load(&path).unwrap();
    common::set_notes(&mut s, "1.1", "note ".repeat(1000));
    session::save(&path, &s).unwrap();
    // bash counts `ulimit -f` in KiB; a write past it fails (SIGXFSZ ignored, as a full disk).
    let command = format!("trap '' XFSZ; ulimit -f 4; exec {BIN} open s.ron");
    let Some(t) = Tmux::start("bak", &format!("bash -c \"{command}\""), dir.path()) else {
        return;
    };
    t.wait_for("No backup of the session could be kept", 10);
    let bak = session::backup_path(&path);
    assert!(
        !bak.exists() || std::fs::read(&bak).unwrap() == std::fs::read(&path).unwrap(),
        "no half backup is left"
    );
}

// Every keystroke kept: kill -9 at random moments of a burst of scores, notes and actions.
#[test]
fn kill_9_in_a_burst_loses_nothing_that_was_on_screen() {
    let mut seed = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .subsec_nanos();
    eprintln!("random timings from seed {seed}");
    let mut random = move |below: u32| {
        seed = seed.wrapping_mul(1_103_515_245).wrapping_add(12_345);
        (seed >> 8) % below
    };
    for round in 0..3 {
        let dir = tempfile::tempdir().unwrap();
        let path = new_session(dir.path(), "s.ron", "Red,Blue");
        let name = format!("burst{round}");
        let Some(t) = Tmux::start(&name, &format!("exec {BIN} open s.ron"), dir.path()) else {
            return;
        };
        t.keep_dead_panes();
        t.wait_for("[saved]", 10);
        // Scores, as fast as tmux sends them.
        t.keys(&["j", "3", "Tab", "1", "Tab", "4", "j"]);
        // A note, typed in pieces with random pauses.
        t.keys(&["n"]);
        t.wait_for("Esc keeps the notes", 5);
        let note = "Evidence: survey, appraisals, the board minutes";
        let cut = 10 + random(30) as usize;
        for piece in note.as_bytes()[..cut].chunks(4) {
            t.text(std::str::from_utf8(piece).unwrap());
            std::thread::sleep(Duration::from_millis(u64::from(random(40))));
        }
        // The moment of the kill: whatever the screen shows must come back.
        std::thread::sleep(Duration::from_millis(u64::from(random(60))));
        let screen = t.screen();
        kill(t.pid(), "-9");
        let shown = (0..=cut)
            .rev()
            .find(|&n| screen.contains(&note[..n]))
            .unwrap_or(0);
        let s = reopened(&path).session;
        assert_eq!(
            s.score("1.1", Column::Group(0)),
            Some(Score::Level(3)),
            "round {round}"
        );
        assert_eq!(s.score("1.1", Column::Group(1)), Some(Score::Level(1)));
        assert_eq!(s.score("1.1", Column::Agreed), Some(Score::Level(4)));
        let kept = s.notes("1.2");
        assert!(note.starts_with(kept), "round {round}: {kept:?}");
        assert!(
            kept.len() >= shown,
            "round {round}: the screen showed {:?}, the file kept {kept:?}",
            &note[..shown]
        );
        drop(t);

        // Then an action, killed as soon as its text is on screen.
        let t = Tmux::start(
            &format!("{name}b"),
            &format!("exec {BIN} open s.ron"),
            dir.path(),
        )
        .unwrap();
        t.keep_dead_panes();
        t.wait_for("[saved]", 10);
        t.keys(&["a", "a"]);
        t.wait_for("Tab next field", 5);
        t.text("Board to see the plan");
        t.keys(&["Enter"]);
        t.wait_for("Board to see the plan", 5);
        std::thread::sleep(Duration::from_millis(u64::from(random(50))));
        let screen = t.screen();
        kill(t.pid(), "-9");
        let s = reopened(&path);
        let actions = s.session.actions("1.2");
        let kept = actions.first().map(|a| a.text.as_str()).or(match &s.draft {
            Some(session::journal::Draft::Action { text, .. }) => Some(text.as_str()),
            _ => None,
        });
        assert_eq!(
            kept,
            Some("Board to see the plan"),
            "round {round}: {screen}"
        );
    }
}

// Issue 19, item 2: typing that never pauses for two seconds still reaches the readable file
// within a few seconds, so a copy of the `.ron` alone is never far behind.
#[test]
fn steady_work_reaches_the_readable_file_without_a_pause() {
    let dir = tempfile::tempdir().unwrap();
    let path = new_session(dir.path(), "s.ron", "Red");
    let Some(t) = Tmux::start("steady", &format!("exec {BIN} open s.ron"), dir.path()) else {
        return;
    };
    t.keep_dead_panes();
    t.wait_for("[saved]", 10);
    t.keys(&["]"]);
    let start = Instant::now();
    let mut folded_after = None;
    let mut n = 0;
    while start.elapsed() < Duration::from_secs(12) {
        // A score every 0.4 s: never the two idle seconds the idle fold waits for.
        n += 1;
        t.keys(&[&((n % 4) + 1).to_string()]);
        std::thread::sleep(Duration::from_millis(340));
        if !session::load(&path).unwrap().nodes.is_empty() {
            folded_after = Some(start.elapsed());
            break;
        }
    }
    let folded_after = folded_after.expect("the file never got the steady edits");
    assert!(
        folded_after < Duration::from_secs(8),
        "folded only after {folded_after:?}"
    );
    kill(t.pid(), "-9");
}
