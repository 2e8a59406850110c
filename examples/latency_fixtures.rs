//! The sessions `scripts/latency.py` opens in a real terminal: the built-in benchmark (196
//! statements) and frameworks of 6,272 and 25,088 statements (32 and 128 copies of it), each
//! with a fully scored 6-group session, written as files the app opens like any other.
//! `cargo run --release --example latency_fixtures -- DIR` writes `DIR/<size>/s.ron` (and the
//! framework beside it when it is not built in).

use std::path::PathBuf;

use awayday::{demo, framework, session};

fn main() -> anyhow::Result<()> {
    let dir = PathBuf::from(
        std::env::args()
            .nth(1)
            .ok_or_else(|| anyhow::anyhow!("usage: latency_fixtures DIR"))?,
    );
    let base = framework::resolve(None)?;
    for copies in [1, 32, 128] {
        let size = dir.join((base.statement_count() * copies).to_string());
        std::fs::create_dir_all(&size)?;
        let fw = if copies == 1 {
            base.clone()
        } else {
            // Written to disk and read back, so the session records the digest the app finds.
            let path = size.join("framework.ron");
            std::fs::write(
                &path,
                ron::ser::to_string(&demo::synthetic_file(&base, copies))?,
            )?;
            framework::load_path(&path)?
        };
        let mut s = demo::session(&fw, 6, None);
        if copies > 1 {
            s.framework.path = Some("framework.ron".into());
        }
        // The screen opens on a statement half-way down, where scores and notes apply.
        let middle = fw.statements().nth(fw.statement_count() / 2).unwrap_or(0);
        s.selected = Some(fw.node(middle).id.clone());
        session::save(&size.join("s.ron"), &s)?;
        println!("{}", size.display());
    }
    Ok(())
}
