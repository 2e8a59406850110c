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
    presenter_view => "presenter",
    room_mode_before_the_reveal => "room",
    agenda_overlay => "agenda",
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

/// The presenter view at the sizes a projector gives: 120×30 and 200×50, five groups.
#[test]
fn presenter_view_on_a_projector() {
    check_scene("presenter", 120, 30);
    check_scene("presenter", 200, 50);
}

/// The pacing line in the header, on and off track.
#[test]
fn pacing_line_on_and_off_track() {
    use awayday::tui::action::Action;
    use awayday::tui::update::update;
    let fw = common::benchmark();
    let agenda =
        awayday::session::agenda::Agenda::new("09:30-16:00", &["12:30-13:15".into()]).unwrap();
    let probe = scenes::scene(&fw, "main", 120, 40, false);
    // The minute at which the plan expected as many statements agreed as the scene has.
    let on_track = (570..960)
        .find(|&m| agenda.pacing(&fw, probe.session(), m, None).ahead <= 0)
        .unwrap();
    for (name, minute) in [("behind", on_track + 20), ("on_track", on_track)] {
        let mut app = scenes::scene(&fw, "main", 120, 40, false);
        app.session_mut().agenda = Some(agenda.clone());
        update(&mut app, Action::Tick { minute, seconds: 0 });
        let text = svg::to_text(&scenes::draw(&app));
        let header = text.lines().next().unwrap().to_owned();
        insta::assert_snapshot!(format!("pacing_{name}"), header);
    }
}
