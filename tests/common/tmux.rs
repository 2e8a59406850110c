//! Driving the real binary inside tmux, for end-to-end tests.
//!
//! Each test gets its own tmux server (`-L`), so tests never see each other's windows. Without
//! tmux the tests are skipped with a message, unless `AWAYDAY_REQUIRE_TMUX` is set (CI sets
//! it), in which case they fail.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

pub struct Tmux {
    socket: String,
}

impl Tmux {
    /// Starts `command` in a detached 120×40 tmux window, in `data_dir` (which is also the
    /// data folder), or `None` when tmux is missing.
    pub fn start(name: &str, command: &str, data_dir: &Path) -> Option<Tmux> {
        if Command::new("tmux").arg("-V").output().is_err() {
            assert!(
                std::env::var_os("AWAYDAY_REQUIRE_TMUX").is_none(),
                "tmux is required (AWAYDAY_REQUIRE_TMUX is set) but not installed"
            );
            eprintln!("skipping {name}: tmux is not installed (apt-get install tmux)");
            return None;
        }
        let socket = format!("awayday-test-{name}-{}", std::process::id());
        let status = Command::new("tmux")
            .args([
                "-L",
                &socket,
                "-f",
                "/dev/null",
                "new-session",
                "-d",
                "-s",
                "t",
                "-x",
                "120",
                "-y",
                "40",
            ])
            .arg("-c")
            .arg(data_dir)
            .arg("-e")
            .arg(format!("AWAYDAY_DATA_DIR={}", data_dir.display()))
            .args(["-e", "NO_COLOR=1", "-e", "TERM=xterm-256color"])
            .arg(command)
            .status()
            .expect("tmux runs");
        assert!(status.success(), "tmux could not start");
        Some(Tmux { socket })
    }

    /// `awayday new FILE ARGS` in a fresh folder, in its own window: the folder (removed when
    /// dropped, so keep it while the test runs), the session's path and the window; `None`
    /// when tmux is missing.
    pub fn new_session(
        name: &str,
        file: &str,
        args: &str,
    ) -> Option<(tempfile::TempDir, PathBuf, Tmux)> {
        let dir = tempfile::tempdir().expect("a temporary folder");
        let path = dir.path().join(file);
        let command = format!(
            "{} new {} {args}",
            env!("CARGO_BIN_EXE_awayday"),
            path.display()
        );
        let t = Tmux::start(name, &command, dir.path())?;
        Some((dir, path, t))
    }

    /// Sends keys (tmux key names: `j`, `Tab`, `Escape`, `Enter`), one at a time, with a pause
    /// so each is read as its own key press.
    pub fn keys(&self, keys: &[&str]) {
        for k in keys {
            let status = Command::new("tmux")
                .args(["-L", &self.socket, "send-keys", "-t", "t", k])
                .status()
                .expect("tmux send-keys");
            assert!(status.success());
            std::thread::sleep(Duration::from_millis(60));
        }
    }

    /// Sends one key (a tmux key name) at once, without the pause of [`Tmux::keys`]: for tests
    /// that pace their own keys.
    pub fn send(&self, key: &str) {
        let status = Command::new("tmux")
            .args(["-L", &self.socket, "send-keys", "-t", "t", key])
            .status()
            .expect("tmux send-keys");
        assert!(status.success(), "tmux send-keys {key:?}");
    }

    /// Sends literal text at once, without the pause of [`Tmux::text`].
    pub fn send_literal(&self, text: &str) {
        let status = Command::new("tmux")
            .args(["-L", &self.socket, "send-keys", "-t", "t", "-l", text])
            .status()
            .expect("tmux send-keys");
        assert!(status.success(), "tmux send-keys -l {text:?}");
    }

    /// Whether the program in a window kept by [`Tmux::keep_dead_panes`] has ended, and with
    /// what exit status.
    pub fn dead_status(&self) -> Option<i32> {
        if self.format("#{pane_dead}") == "1" {
            Some(self.format("#{pane_dead_status}").parse().unwrap_or(-1))
        } else {
            None
        }
    }

    /// Types literal text.
    pub fn text(&self, text: &str) {
        let status = Command::new("tmux")
            .args(["-L", &self.socket, "send-keys", "-t", "t", "-l", text])
            .status()
            .expect("tmux send-keys");
        assert!(status.success());
        std::thread::sleep(Duration::from_millis(100));
    }

    pub fn screen(&self) -> String {
        let out = Command::new("tmux")
            .args(["-L", &self.socket, "capture-pane", "-p", "-t", "t"])
            .output()
            .expect("tmux capture-pane");
        String::from_utf8_lossy(&out.stdout).into_owned()
    }

    /// Waits until the screen shows `text`; panics with the screen after `secs`.
    pub fn wait_for(&self, text: &str, secs: u64) {
        let start = Instant::now();
        while start.elapsed() < Duration::from_secs(secs) {
            if self.screen().contains(text) {
                return;
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        panic!("timed out waiting for {text:?}; screen:\n{}", self.screen());
    }

    /// Waits until the screen no longer shows `text` (a view closed); panics with the screen
    /// after `secs`. A key sent right after `Escape`, before the app has read it, arrives as
    /// Alt+key, so a test waits here for what the Escape closes before its next key.
    pub fn wait_gone(&self, text: &str, secs: u64) {
        let start = Instant::now();
        while start.elapsed() < Duration::from_secs(secs) {
            if !self.screen().contains(text) {
                return;
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        panic!(
            "timed out waiting for {text:?} to go; screen:\n{}",
            self.screen()
        );
    }

    /// Waits until the program in the window has ended (with `keep_dead_panes`, the window
    /// stays, marked dead), so its files are closed.
    pub fn wait_dead(&self, secs: u64) {
        let start = Instant::now();
        while self.format("#{pane_dead}") != "1" {
            assert!(
                start.elapsed() < Duration::from_secs(secs),
                "the program did not end; screen:\n{}",
                self.screen()
            );
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    /// The pid of the program in the window (start it with `exec` so it is not a shell's child).
    pub fn pid(&self) -> u32 {
        let out = Command::new("tmux")
            .args([
                "-L",
                &self.socket,
                "display-message",
                "-p",
                "-t",
                "t",
                "#{pane_pid}",
            ])
            .output()
            .expect("tmux display-message");
        String::from_utf8_lossy(&out.stdout)
            .trim()
            .parse()
            .expect("a pid")
    }

    /// A tmux format read off the window, e.g. `#{mouse_any_flag}`.
    pub fn format(&self, format: &str) -> String {
        let out = Command::new("tmux")
            .args([
                "-L",
                &self.socket,
                "display-message",
                "-p",
                "-t",
                "t",
                format,
            ])
            .output()
            .expect("tmux display-message");
        String::from_utf8_lossy(&out.stdout).trim().to_owned()
    }

    /// Keeps the window open after its program dies, so a test can kill it and look.
    pub fn keep_dead_panes(&self) {
        let _ = Command::new("tmux")
            .args([
                "-L",
                &self.socket,
                "set-option",
                "-g",
                "remain-on-exit",
                "on",
            ])
            .status();
    }

    /// Whether the program in the window is still running.
    pub fn alive(&self) -> bool {
        Command::new("tmux")
            .args(["-L", &self.socket, "has-session", "-t", "t"])
            .output()
            .is_ok_and(|o| o.status.success())
    }

    /// Waits for the program to exit.
    pub fn wait_exit(&self, secs: u64) {
        let start = Instant::now();
        while self.alive() {
            assert!(
                start.elapsed() < Duration::from_secs(secs),
                "the app did not exit; screen:\n{}",
                self.screen()
            );
            std::thread::sleep(Duration::from_millis(50));
        }
    }
}

impl Drop for Tmux {
    fn drop(&mut self) {
        let _ = Command::new("tmux")
            .args(["-L", &self.socket, "kill-server"])
            .output();
    }
}
