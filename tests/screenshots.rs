//! The README's screenshots must show what the code draws today.
#![allow(clippy::unwrap_used)] // tests may unwrap: a panic is a failure

mod common;

use std::path::Path;

use awayday::tui::{scenes, svg};

#[test]
fn screenshots_are_up_to_date() {
    let fw = common::benchmark();
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("screenshots");
    for name in scenes::NAMES {
        let app = scenes::scene(&fw, name, 120, 40, true);
        let expected = svg::to_svg(&scenes::draw(&app));
        let path = dir.join(format!("{name}.svg"));
        let actual = std::fs::read_to_string(&path).unwrap_or_default();
        assert!(
            actual == expected,
            "{} is stale or missing: run `cargo run --example screenshots`",
            path.display()
        );
    }
}
