//! The shell commands attacked: outputs aimed at their inputs by other names, devices and
//! FIFOs where files should be, merges too big to open or with a relative framework, files
//! with repeated keys or a byte-order mark, and terminal escapes in any text they print.
//! Each test names the item of the guarantees table it checks.
#![allow(clippy::unwrap_used)] // tests may unwrap: a panic is a failure

mod common;

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
#[cfg(unix)]
use std::time::{Duration, Instant};

const BIN: &str = env!("CARGO_BIN_EXE_awayday");

fn run(args: &[&str], dir: &Path) -> Output {
    Command::new(BIN)
        .args(args)
        .current_dir(dir)
        .env("AWAYDAY_DATA_DIR", dir)
        .env("NO_COLOR", "1")
        .stdin(Stdio::null())
        .output()
        .unwrap()
}

fn text(o: &Output) -> String {
    format!(
        "{}{}",
        String::from_utf8_lossy(&o.stdout),
        String::from_utf8_lossy(&o.stderr)
    )
}

/// The scored fixture session and its framework, copied into `dir`.
fn fixture_session(dir: &Path) -> PathBuf {
    for name in ["mini-session.ron", "mini-framework.ron"] {
        std::fs::copy(common::fixture(name), dir.join(name)).unwrap();
    }
    dir.join("mini-session.ron")
}

/// Runs a command that must finish within `secs`, killing it otherwise.
#[cfg(unix)]
fn run_bounded(args: &[&str], dir: &Path, secs: u64) -> Output {
    let mut child = Command::new(BIN)
        .args(args)
        .current_dir(dir)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let start = Instant::now();
    while child.try_wait().unwrap().is_none() {
        if start.elapsed() > Duration::from_secs(secs) {
            child.kill().unwrap();
            panic!("{args:?} hung for {secs} s");
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    child.wait_with_output().unwrap()
}

// 3. Outputs never land on an input.
#[cfg(unix)]
#[test]
fn a_report_or_export_never_overwrites_the_session_by_any_name() {
    let dir = tempfile::tempdir().unwrap();
    let session = fixture_session(dir.path());
    let original = std::fs::read(&session).unwrap();
    std::fs::create_dir(dir.path().join("sub")).unwrap();
    std::os::unix::fs::symlink("mini-session.ron", dir.path().join("lnk.ron")).unwrap();
    std::fs::hard_link(&session, dir.path().join("hard.ron")).unwrap();
    for args in [
        &[
            "report",
            "mini-session.ron",
            "-o",
            "sub/../mini-session.ron",
        ][..],
        &["export", "lnk.ron", "-o", "mini-session.ron"][..],
        &["report", "mini-session.ron", "-o", "hard.ron"][..],
        &[
            "report",
            "mini-session.ron",
            "--format",
            "html",
            "-o",
            "lnk.ron",
        ][..],
        // Nor over the framework the session reads.
        &["export", "mini-session.ron", "-o", "mini-framework.ron"][..],
    ] {
        let out = run(args, dir.path());
        assert!(!out.status.success(), "{args:?} succeeded");
        assert!(text(&out).contains("itself"), "{args:?}: {}", text(&out));
    }
    assert_eq!(std::fs::read(&session).unwrap(), original);
}

#[cfg(unix)]
#[test]
fn merge_force_never_overwrites_an_input() {
    let dir = tempfile::tempdir().unwrap();
    let a = fixture_session(dir.path());
    std::fs::copy(&a, dir.path().join("b.ron")).unwrap();
    std::os::unix::fs::symlink("b.ron", dir.path().join("out.ron")).unwrap();
    let before = std::fs::read(dir.path().join("b.ron")).unwrap();
    let out = run(
        &[
            "merge",
            "mini-session.ron",
            "b.ron",
            "-o",
            "out.ron",
            "--force",
        ],
        dir.path(),
    );
    assert!(!out.status.success(), "{}", text(&out));
    assert!(text(&out).contains("itself"), "{}", text(&out));
    assert_eq!(std::fs::read(dir.path().join("b.ron")).unwrap(), before);
}

// 8. Merge: a relative framework path, and an output too big to open.
#[test]
fn a_merged_session_finds_its_framework_from_another_folder() {
    let dir = tempfile::tempdir().unwrap();
    let a = fixture_session(dir.path());
    std::fs::copy(&a, dir.path().join("b.ron")).unwrap();
    std::fs::create_dir(dir.path().join("elsewhere")).unwrap();
    let out = run(
        &[
            "merge",
            "mini-session.ron",
            "b.ron",
            "-o",
            "elsewhere/panel.ron",
        ],
        dir.path(),
    );
    assert!(out.status.success(), "{}", text(&out));
    let check = run(&["check", "elsewhere/panel.ron"], dir.path());
    assert!(check.status.success(), "{}", text(&check));
}

#[test]
fn a_merge_bigger_than_awayday_opens_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let fw = awayday::framework::resolve(None).unwrap();
    let limit = usize::try_from(awayday::framework::MAX_FILE_BYTES).unwrap();
    // Two sessions a little over half the limit each, in notes: each opens, their merge would
    // not. The session is saved once with a short note on every node and the long notes are
    // written into its text, since putting 60 MB through the serializer of a debug build was
    // most of this test's time.
    let mut s = awayday::session::Session::new(&fw, vec!["Red".into()], "2026-11-24".into());
    for n in fw.nodes() {
        common::set_notes(&mut s, &n.id, "NOTE".into());
    }
    awayday::session::save(&dir.path().join("small.ron"), &s).unwrap();
    let small = std::fs::read_to_string(dir.path().join("small.ron")).unwrap();
    let marker = "notes: \"NOTE\"";
    assert_eq!(small.matches(marker).count(), fw.nodes().len());
    let words = limit / 2 / fw.nodes().len() / 2 + 64;
    for (name, who) in [("a.ron", "A"), ("b.ron", "B")] {
        let text = small.replace(
            marker,
            &format!("notes: \"{}\"", format!("{who} ").repeat(words)),
        );
        // Under the limit, so the refusal below is the merge's and not a reader's.
        assert!(
            text.len() < limit && 2 * text.len() > limit,
            "{}",
            text.len()
        );
        std::fs::write(dir.path().join(name), text).unwrap();
    }
    let out = run(&["merge", "a.ron", "b.ron", "-o", "both.ron"], dir.path());
    assert!(!out.status.success());
    assert!(
        text(&out).contains("more than awayday opens"),
        "{}",
        text(&out)
    );
    assert!(!dir.path().join("both.ron").exists());
}

// 7. Devices and FIFOs where a file should be.
#[cfg(unix)]
#[test]
fn devices_and_fifos_are_refused_at_once() {
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("pipe.ron");
    assert!(
        Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .unwrap()
            .success()
    );
    let session = fixture_session(dir.path());
    for target in ["/dev/zero", fifo.to_str().unwrap()] {
        let text_with = std::fs::read_to_string(&session)
            .unwrap()
            .replace("Some(\"mini-framework.ron\")", &format!("Some({target:?})"))
            .replace("id: \"mini\"", "id: \"not-built-in\"");
        let path = dir.path().join("pointing.ron");
        std::fs::write(&path, text_with).unwrap();
        for args in [
            &["check", "pointing.ron"][..],
            &["report", "pointing.ron"][..],
            &["check", target][..],
        ] {
            let out = run_bounded(args, dir.path(), 10);
            assert!(!out.status.success(), "{args:?}");
            assert!(
                text(&out).contains("not a regular file"),
                "{args:?}: {}",
                text(&out)
            );
        }
    }
}

// 10. Repeated keys and a byte-order mark.
#[test]
fn repeated_keys_and_a_byte_order_mark_are_located() {
    let dir = tempfile::tempdir().unwrap();
    let session = fixture_session(dir.path());
    let src = std::fs::read_to_string(&session).unwrap();
    let dup = src.replacen(
        "\"Blue\": Level(1)",
        "\"Blue\": Level(1), \"Blue\": Level(4)",
        1,
    );
    assert_ne!(dup, src, "the fixture has Blue's score to repeat");
    std::fs::write(dir.path().join("dup.ron"), &dup).unwrap();
    let out = run(&["check", "dup.ron"], dir.path());
    assert!(!out.status.success());
    let said = text(&out);
    assert!(
        said.contains("dup.ron:") && said.contains("\"Blue\" appears twice"),
        "{said}"
    );
    std::fs::write(dir.path().join("bom.ron"), format!("\u{feff}{src}")).unwrap();
    let out = run(&["check", "bom.ron"], dir.path());
    assert!(!out.status.success());
    assert!(
        text(&out).contains("bom.ron:1:1: the file starts with a byte-order mark"),
        "{}",
        text(&out)
    );
}

// 12. Terminal escapes through the shell commands.
#[test]
fn no_escape_in_a_title_or_framework_reaches_the_terminal() {
    let dir = tempfile::tempdir().unwrap();
    let session = fixture_session(dir.path());
    let osc_title = "\u{1b}]0;pwned\u{7}";
    let osc_clipboard = "\u{1b}]52;c;ZXZpbA==\u{7}";
    let src = std::fs::read_to_string(&session).unwrap().replace(
        "title: \"Scrutiny review\"",
        &format!("title: \"Review {osc_title}\""),
    );
    std::fs::write(&session, src).unwrap();
    let fw_src = std::fs::read_to_string(dir.path().join("mini-framework.ron")).unwrap();
    let hostile_fw = dir.path().join("hostile.ron");
    let first_text = fw_src.find("text: \"").unwrap() + "text: \"".len();
    let mut fw_text = fw_src.clone();
    fw_text.insert_str(first_text, &format!("escape {osc_clipboard} "));
    std::fs::write(&hostile_fw, fw_text).unwrap();
    let fw = hostile_fw.to_str().unwrap();
    for args in [
        &["report", "mini-session.ron"][..],
        &["report", "mini-session.ron", "--format", "csv"][..],
        &["tree", "--framework", fw][..],
        &["show", "1", "--framework", fw][..],
        &["lookup", "escape", "--framework", fw][..],
    ] {
        let out = run(args, dir.path());
        assert!(out.status.success(), "{args:?}: {}", text(&out));
        let printed = text(&out);
        assert!(
            !printed.contains('\u{1b}') && !printed.contains('\u{7}'),
            "{args:?} printed an escape: {printed:?}"
        );
    }
    // And written to a file, the report holds none either.
    let out = run(&["report", "mini-session.ron", "-o", "r.md"], dir.path());
    assert!(out.status.success(), "{}", text(&out));
    assert!(
        !std::fs::read_to_string(dir.path().join("r.md"))
            .unwrap()
            .contains('\u{1b}')
    );
}

#[test]
fn markdown_escapes_every_user_field() {
    let dir = tempfile::tempdir().unwrap();
    let session = fixture_session(dir.path());
    let src = std::fs::read_to_string(&session)
        .unwrap()
        .replace(
            "title: \"Scrutiny review\"",
            "title: \"# Not a heading | [link](http://x) <b>bold</b> *em*\"",
        )
        .replace(
            "organisation: \"Example District Council\"",
            "organisation: \"- not a list _under_\"",
        );
    std::fs::write(&session, src).unwrap();
    let out = run(&["report", "mini-session.ron"], dir.path());
    assert!(out.status.success(), "{}", text(&out));
    let md = String::from_utf8_lossy(&out.stdout);
    let first = md.lines().next().unwrap();
    assert_eq!(
        first,
        "# \\# Not a heading \\| \\[link\\](http://x) &lt;b&gt;bold&lt;/b&gt; \\*em\\*"
    );
    assert!(
        md.contains("- **Organisation:** \\- not a list \\_under\\_"),
        "{md}"
    );
}
