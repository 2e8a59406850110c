//! Draws the README's screenshots from the real rendering code: `cargo run --example screenshots`.
//! Writes `screenshots/<scene>.svg` at 120×40; `tests/screenshots.rs` fails when they are stale.

use std::path::Path;

use awayday::framework;
use awayday::tui::{scenes, svg};

fn main() -> anyhow::Result<()> {
    let fw = framework::resolve(None)?;
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("screenshots");
    std::fs::create_dir_all(&dir)?;
    for name in scenes::NAMES {
        let app = scenes::scene(&fw, name, 120, 40, true);
        let path = dir.join(format!("{name}.svg"));
        std::fs::write(&path, svg::to_svg(&scenes::draw(&app)))?;
        println!("wrote {}", path.display());
    }
    Ok(())
}
