//! The presenter view as a projector screen in room mode: before the reveal it says who has
//! scored and who the room is waiting for, never what; after it, the scores, the spread in
//! words and the agreed score. Pinned by insta at the sizes projectors give (120×30, 200×50),
//! and the reduced screen at 80×24.
#![allow(clippy::unwrap_used)] // tests may unwrap: a panic is a failure

mod common;

use awayday::session::agenda::Agenda;
use awayday::session::{Column, Score};
use awayday::tui::action::Action;
use awayday::tui::app::App;
use awayday::tui::update::update;
use awayday::tui::{scenes, svg};
use common::feed;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

fn press(c: char) -> Action {
    Action::Key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE))
}

/// The presenter scene (five groups, three of them scored on the call-in statement) at 10:12
/// of a morning planned 09:30-12:30, in room mode.
fn room(width: u16, height: u16) -> App {
    let fw = common::benchmark();
    let mut app = scenes::scene(&fw, "presenter", width, height, false);
    app.session_mut().agenda = Some(Agenda::new("09:30-12:30", &[]).unwrap());
    update(
        &mut app,
        Action::Tick {
            minute: 10 * 60 + 12,
            seconds: 0,
        },
    );
    feed(&mut app, &[press('R')]);
    let _ = app.set_message(None);
    app
}

fn screen(app: &App) -> String {
    svg::to_text(&scenes::draw(app))
}

/// Every group scores the open statement, then the facilitator reveals.
fn score_the_rest_and_reveal(app: &mut App) {
    let id = app.selected_id().to_owned();
    app.set_column(Column::Group(3));
    feed(app, &[press('4')]);
    app.set_column(Column::Group(4));
    feed(app, &[press('2'), press('r')]);
    app.set_column(Column::Agreed);
    feed(app, &[press('3')]);
    assert_eq!(
        app.session().score(&id, Column::Agreed),
        Some(Score::Level(3))
    );
    let _ = app.set_message(None);
}

fn snapshot(name: &str, app: &App) {
    let (w, h) = app.size();
    insta::assert_snapshot!(format!("room_{name}_{w}x{h}"), screen(app));
}

#[test]
fn before_and_after_the_reveal_on_a_projector() {
    for (w, h) in [(120, 30), (200, 50)] {
        let mut app = room(w, h);
        snapshot("hidden", &app);
        score_the_rest_and_reveal(&mut app);
        snapshot("revealed", &app);
    }
    // The reduced screen of a small laptop still runs the round.
    let mut app = room(80, 24);
    score_the_rest_and_reveal(&mut app);
    snapshot("revealed", &app);
}

#[test]
fn before_the_reveal_the_room_sees_who_has_scored_not_what() {
    let mut app = room(120, 30);
    let before = screen(&app);
    assert!(before.contains("Waiting for Yellow, Purple"), "{before}");
    assert_eq!(before.matches("✓ scored").count(), 3, "{before}");
    assert!(!before.contains("levels apart"), "{before}");
    // Every group in: the room is told the reveal is next, and still sees no score.
    app.set_column(Column::Group(3));
    feed(&mut app, &[press('4')]);
    app.set_column(Column::Group(4));
    feed(&mut app, &[press('2')]);
    assert!(!app.round().revealed());
    let all_in = screen(&app);
    assert!(all_in.contains("Every group has scored"), "{all_in}");
    assert!(!all_in.contains("levels apart"), "{all_in}");
    feed(&mut app, &[press('r')]);
    assert!(app.round().revealed());
    let after = screen(&app);
    assert!(
        after.contains("▲ 3 levels apart: Blue 1, Yellow 4"),
        "{after}"
    );
    assert!(!after.contains("✓ scored"), "{after}");
    // r again hides them (a reveal pressed too early).
    feed(&mut app, &[press('r')]);
    assert!(!app.round().revealed());
}

#[test]
fn without_room_mode_scores_show_as_they_are_typed() {
    let mut app = room(120, 30);
    feed(&mut app, &[press('R')]);
    assert!(!app.session().room.reveal);
    let text = screen(&app);
    assert!(!text.contains("✓ scored"), "{text}");
    assert!(
        text.contains("2 levels apart: Blue 1, Red, Green 3"),
        "{text}"
    );
    assert!(text.contains("Waiting for Yellow, Purple"), "{text}");
}

#[test]
fn fast_entry_holds_the_agreed_score_until_the_facilitator_moves_on() {
    let mut app = room(120, 30);
    let id = app.selected_id().to_owned();
    app.set_column(Column::Group(3));
    feed(&mut app, &[press('f'), press('4'), press('2')]);
    assert_eq!(app.column(), Column::Agreed, "fast entry reached Agreed");
    feed(&mut app, &[press('r'), press('3')]);
    assert_eq!(app.selected_id(), id, "held on screen");
    assert!(app.round().revealed());
    let held = screen(&app);
    assert!(held.contains("Agreed. j: the next statement."), "{held}");
    feed(&mut app, &[press('j')]);
    assert_ne!(app.selected_id(), id, "moved on");
    assert_eq!(
        app.column(),
        Column::Group(0),
        "the next one starts with the first group"
    );
    assert!(!app.round().revealed(), "the next statement starts hidden");
    assert_eq!(app.round().statement(), Some(app.selected_id()));
}

#[test]
fn an_agreed_score_reveals_the_round() {
    let mut app = room(120, 30);
    app.set_column(Column::Agreed);
    feed(&mut app, &[press('2')]);
    assert!(app.round().revealed(), "the room settled it");
}

#[test]
fn room_mode_and_the_hidden_grid_are_remembered_with_the_session() {
    let mut app = room(120, 30);
    assert!(app.session().room.reveal);
    feed(&mut app, &[Action::Close, press('V')]);
    assert!(app.session().room.hide_in_grid);
    let main = screen(&app);
    assert!(
        main.contains("[room: hidden]"),
        "the status bar says so: {main}"
    );
    let text = awayday::session::to_ron(app.session());
    let back = awayday::session::parse(&text, "test").unwrap();
    assert!(back.room.reveal && back.room.hide_in_grid, "{text}");
    // Older files, without the fields, open with room mode off.
    let plain = text
        .replace("reveal: true,", "")
        .replace("hide_in_grid: true,", "");
    let old = awayday::session::parse(&plain, "test").unwrap();
    assert!(!old.room.reveal && !old.room.hide_in_grid);
}

#[test]
fn the_facilitators_grid_hides_the_open_statement_only_when_they_choose() {
    let mut app = room(120, 30);
    feed(&mut app, &[Action::Close, press('v')]);
    let shown = screen(&app);
    assert!(shown.contains("▶ Agreed") || shown.contains("Agreed"));
    assert!(
        !shown.contains('✓'),
        "the facilitator sees everything: {shown}"
    );
    feed(&mut app, &[press('V')]);
    let hidden = screen(&app);
    assert!(hidden.contains('✓'), "{hidden}");
    assert!(hidden.contains("scored, not yet revealed"), "{hidden}");
    feed(&mut app, &[press('r')]);
    assert!(!screen(&app).contains("scored, not yet revealed"));
}

#[test]
fn long_notes_are_paged_never_cut() {
    let mut app = room(120, 30);
    let id = app.selected_id().to_owned();
    let notes: Vec<String> = (1..=30)
        .map(|n| format!("Point {n} made by the room."))
        .collect();
    common::set_notes(app.session_mut(), &id, notes.join("\n"));
    feed(&mut app, &[press('n')]);
    let first = screen(&app);
    assert!(first.contains("Point 1 made"), "{first}");
    let page = first
        .lines()
        .find(|l| l.contains("page 1 of"))
        .unwrap_or_else(|| panic!("no page marker: {first}"));
    assert!(page.contains('J'), "how to turn the page is said: {page}");
    let mut seen = std::collections::BTreeSet::new();
    for _ in 0..30 {
        let text = screen(&app);
        seen.extend((1..=30).filter(|n| text.contains(&format!("Point {n} made"))));
        feed(&mut app, &[press('J')]);
    }
    let last = screen(&app);
    assert!(last.contains("Point 30 made"), "{last}");
    assert_eq!(seen.len(), 30, "every point is on some page");
}

/// The presenter with six groups, each with a fixed link (the same drawing every run), two
/// of them connected, voting on or off.
fn join_room(serving: bool) -> App {
    let names = ["Red", "Blue", "Green", "Amber", "Violet", "Teal"];
    let mut app = common::app_with(common::benchmark(), &names);
    let tokens: Vec<String> = names
        .iter()
        .enumerate()
        .map(|(i, n)| format!("\"{n}\": \"{}\"", format!("{i:x}").repeat(32)))
        .collect();
    app.session_mut().tokens = ron::from_str(&format!("{{{}}}", tokens.join(", "))).unwrap();
    if serving {
        app.voting_mut().shown = Some("192.168.1.20:8377".parse().unwrap());
        app.voting_mut().connected = vec!["Blue".into(), "Teal".into()];
    }
    feed(&mut app, &[Action::Resize(200, 50), Action::Presenter]);
    app
}

#[test]
fn the_join_page_shows_every_groups_link_and_code_and_w_hides_it_again() {
    let mut app = join_room(true);
    let link = |i: usize| format!("http://192.168.1.20:8377/g/{}", format!("{i:x}").repeat(32));
    assert!(!screen(&app).contains(&link(0)), "the statement first");
    feed(&mut app, &[press('W')]);
    let page = screen(&app);
    for i in 0..6 {
        assert!(
            page.contains(&link(i)),
            "group {i}'s link on the page:\n{page}"
        );
    }
    assert!(page.contains("Blue  connected ✓"), "{page}");
    assert!(page.contains("Teal  connected ✓"), "{page}");
    assert!(!page.contains("Red  connected"), "{page}");
    assert!(page.contains('▀'), "the codes are drawn");
    insta::assert_snapshot!("join_200x50", page);
    feed(&mut app, &[press('W')]);
    let back = screen(&app);
    assert!(!back.contains(&link(0)), "W hides the page again:\n{back}");
    assert!(!back.contains("Each group scans"), "{back}");
}

#[test]
fn the_join_page_says_how_to_start_voting_when_it_is_off_and_pages_a_small_window() {
    let mut app = join_room(false);
    feed(&mut app, &[press('W')]);
    assert!(
        screen(&app).contains("Voting is off: W in the main screen starts it"),
        "{}",
        screen(&app)
    );
    // A laptop screen holds fewer codes: the rest are on the next page, and it says so.
    let mut app = join_room(true);
    feed(&mut app, &[Action::Resize(120, 30), press('W')]);
    let first = screen(&app);
    assert!(first.contains("page 1 of "), "{first}");
    assert!(!first.contains("Teal"), "{first}");
    for _ in 0..6 {
        feed(&mut app, &[press('J')]);
    }
    let last = screen(&app);
    assert!(last.contains("Teal"), "{last}");
    assert!(!last.contains("Red"), "{last}");
}
