//! Notes of any size and script edit and render without a panic or a broken layout.
#![allow(clippy::unwrap_used)] // tests may unwrap: a panic is a failure

mod common;

use awayday::session;
use awayday::tui::action::Action;
use awayday::tui::scenes;
use awayday::tui::svg;
use common::{app_with, feed, key, mini, select, type_text};
use ratatui::crossterm::event::KeyCode;

const SAMPLES: &[&str] = &[
    "日本語のメモ、全角文字",
    "emoji 👍🏽👩‍👩‍👧‍👦🇬🇧 and ZWJ",
    "combining: e\u{301}e\u{301} a\u{308}\u{304} Z\u{335}\u{31b}",
    "right to left: مراجعة الأداء والعمل שלום",
    "tabs\tand\u{200b}zero-width\u{feff}marks",
];

/// Every row's last cell is the detail pane's right border: nothing pushed it out of place.
fn assert_borders_intact(app: &awayday::tui::app::App) {
    let buf = scenes::draw(app);
    let text = svg::to_text(&buf);
    let (w, h) = app.size();
    for y in 1..h - 1 {
        let last = buf[(w - 1, y)].symbol();
        assert!(
            ["│", "┐", "┘", "╮", "╯"].contains(&last),
            "row {y} ends with {last:?}:\n{text}"
        );
    }
}

#[test]
fn wide_emoji_combining_and_rtl_notes_render_inside_their_pane() {
    for (w, h) in [(80, 24), (120, 40)] {
        let mut app = app_with(mini(), &["Red", "Blue"]);
        feed(&mut app, &[Action::Resize(w, h)]);
        select(&mut app, "2.1.a.1");
        feed(&mut app, &[Action::EditNotes]);
        for s in SAMPLES {
            type_text(&mut app, s);
            feed(&mut app, &[key(KeyCode::Enter)]);
        }
        assert_borders_intact(&app);
        feed(&mut app, &[key(KeyCode::Esc)]);
        assert_borders_intact(&app);
        assert!(app.session().notes("2.1.a.1").contains("שלום"));
    }
}

#[test]
fn a_100_kb_note_edits_renders_and_round_trips() {
    let mut app = app_with(mini(), &["Red"]);
    select(&mut app, "1.1");
    let line = "Evidence from the leisure review: call-in used twice, both upheld – 日本 👍🏽. ";
    let big: String = line.repeat(100 * 1024 / line.len() + 1);
    assert!(big.len() > 100 * 1024);
    common::set_notes(app.session_mut(), "1.1", big.clone());
    assert_borders_intact(&app);
    feed(&mut app, &[Action::EditNotes, key(KeyCode::End)]);
    type_text(&mut app, " end");
    assert_borders_intact(&app);
    feed(
        &mut app,
        &[key(KeyCode::Esc), Action::DetailDown, Action::DetailDown],
    );
    assert_borders_intact(&app);
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("big.ron");
    session::save(&path, app.session()).unwrap();
    assert_eq!(
        session::load(&path).unwrap().notes("1.1"),
        format!("{big} end").trim_end()
    );
}
