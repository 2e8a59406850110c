//! Every screen, drawn with the real rendering code at 80×24 and 120×40, pinned by insta.
//! After an intended change: `cargo insta review` (or `INSTA_UPDATE=always cargo test`).
#![allow(clippy::unwrap_used)] // tests may unwrap: a panic is a failure

mod common;

use awayday::tui::{scenes, svg};

fn check_scene(name: &str, width: u16, height: u16) {
    let fw = common::benchmark();
    let app = scenes::scene(&fw, name, width, height, false);
    let text = svg::to_text(&scenes::draw(&app));
    insta::assert_snapshot!(format!("{name}_{width}x{height}"), text);
}

macro_rules! scene_tests {
    ($($fn_name:ident => $scene:literal),* $(,)?) => {
        $(
            #[test]
            fn $fn_name() {
                check_scene($scene, 80, 24);
                check_scene($scene, 120, 40);
            }
        )*
    };
}

scene_tests! {
    main_screen => "main",
    room_grid => "grid",
    heading_screen => "heading",
    search_overlay => "search",
    notes_editor => "notes",
    actions_overlay => "actions",
    summary_dashboard => "dashboard",
    settings_overlay => "settings",
    help_overlay => "help",
    too_small_message => "too-small",
}

#[test]
fn every_scene_has_its_snapshots() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/snapshots");
    for name in scenes::NAMES {
        for size in ["80x24", "120x40"] {
            let file = dir.join(format!("snapshots__{name}_{size}.snap"));
            assert!(
                file.exists(),
                "no snapshot for scene {name} at {size}: add it to scene_tests!"
            );
        }
    }
}

#[test]
fn tiny_and_huge_terminals_draw_without_panicking() {
    let fw = common::benchmark();
    for (w, h) in [(1, 1), (2, 40), (200, 1), (59, 15), (60, 16), (500, 200)] {
        for name in scenes::NAMES {
            let app = scenes::scene(&fw, name, w, h, true);
            let _ = scenes::draw(&app);
        }
    }
}

/// The grid uses a wide screen's width.
#[test]
fn room_grid_wide() {
    check_scene("grid", 160, 45);
}
