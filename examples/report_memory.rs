//! Where `awayday report --format html` spends its memory at 25,088 statements: the
//! process's resident memory (`VmRSS`, `VmHWM`, Linux) after each stage. Make the session
//! with `cargo run --release --example report_sessions -- target/big --big`, then
//! `cargo run --release --example report_memory -- target/big/big.ron`.

use std::path::PathBuf;

use awayday::{report, session};

fn status(stage: &str) {
    let text = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    let field = |name: &str| {
        text.lines()
            .find(|l| l.starts_with(name))
            .map_or("?", |l| l[name.len()..].trim())
            .to_owned()
    };
    println!(
        "{stage:>10}: now {}, peak {}",
        field("VmRSS:"),
        field("VmHWM:")
    );
}

fn main() -> anyhow::Result<()> {
    let path = PathBuf::from(
        std::env::args()
            .nth(1)
            .unwrap_or_else(|| "target/big/big.ron".into()),
    );
    status("start");
    let s = session::read(&path)?.session;
    let fw = session::framework_for(&s, Some(&path))?;
    status("loaded");
    let r = report::model::build(&fw, &s);
    status("model");
    let d = report::layout::document(&r);
    status("document");
    drop(d);
    // As `awayday report --format html -o FILE` writes it: section by section.
    report::write_html(&r, &mut std::io::sink())?;
    status("html");
    Ok(())
}
