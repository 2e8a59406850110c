//! Writes the sessions the print check (`scripts/check-html-report.sh`) prints: the issue's
//! council session (`awayday::report::sample`) with 1, 4, 6 and 8 groups, as `gN.ron` in the
//! directory given. With `--big`, writes instead `big.ron` and `big-framework.ron`: a
//! synthetic framework of 128 copies of the benchmark (25,088 statements), fully scored by 6
//! groups, for timing `awayday report` (docs/performance.md).
//!
//! `cargo run --release --example report_sessions -- DIR [--big]`

use std::path::PathBuf;

use awayday::{demo, framework, report, session};

fn main() -> anyhow::Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let dir = PathBuf::from(
        args.first()
            .map_or("target/report-sessions", String::as_str),
    );
    std::fs::create_dir_all(&dir)?;
    let base = framework::resolve(None)?;
    if args.iter().any(|a| a == "--big") {
        let file = demo::synthetic_file(&base, 128);
        let fw_path = dir.join("big-framework.ron");
        std::fs::write(&fw_path, ron::ser::to_string(&file)?)?;
        let fw = framework::resolve(Some(fw_path.to_string_lossy().as_ref()))?;
        let mut s = demo::session(&fw, 6, None);
        s.framework.path = Some("big-framework.ron".into());
        session::save(&dir.join("big.ron"), &s)?;
        println!(
            "{} statements: {}",
            fw.statement_count(),
            dir.join("big.ron").display()
        );
        return Ok(());
    }
    for groups in [1, 4, 6, 8] {
        let s = report::sample::session(&base, groups);
        let path = dir.join(format!("g{groups}.ron"));
        session::save(&path, &s)?;
        println!("{}", path.display());
    }
    Ok(())
}
