//! The main screen's keys that hand work to the loop (save, quit) or move without a view (the
//! previous statement, the text pane scrolled back up), and a message a view asks the screen
//! to show.
#![allow(clippy::unwrap_used)] // tests may unwrap: a panic is a failure

mod common;

use awayday::tui::action::{Action, Effect};
use awayday::tui::update::update;
use common::{app_with, benchmark, feed, mini, select, type_text};

/// The screen as text.
fn screen(app: &awayday::tui::app::App) -> String {
    awayday::tui::svg::to_text(&awayday::tui::scenes::draw(app))
}

#[test]
fn save_asks_the_loop_to_write_and_says_so_and_quit_asks_it_to_end() {
    let mut app = app_with(mini(), &["Red"]);
    assert_eq!(feed(&mut app, &[Action::Save]), Some(Effect::Flush));
    assert_eq!(app.message(), Some("Saved."));
    assert_eq!(feed(&mut app, &[Action::Quit]), Some(Effect::Quit));
}

#[test]
fn the_next_and_previous_statement_skip_headings_and_stop_at_the_ends() {
    let mut app = app_with(mini(), &["Red"]);
    select(&mut app, "1.2");
    feed(&mut app, &[Action::NextStatement]);
    assert_eq!(app.selected_id(), "2.1.a.1");
    feed(&mut app, &[Action::NextStatement, Action::NextStatement]);
    assert_eq!(app.selected_id(), "2.1.b.1");
    feed(&mut app, &[Action::NextStatement]);
    assert_eq!(
        app.selected_id(),
        "2.1.b.1",
        "the last statement: no wrapping round"
    );
    select(&mut app, "2.1.a.1");
    feed(&mut app, &[Action::PrevStatement]);
    assert_eq!(app.selected_id(), "1.2");
    feed(&mut app, &[Action::PrevStatement, Action::PrevStatement]);
    assert_eq!(
        app.selected_id(),
        "1.1",
        "the first statement: no wrapping round"
    );
}

#[test]
fn the_text_pane_scrolls_back_up_to_its_start_by_key_and_by_wheel() {
    let mut app = app_with(benchmark(), &["Red"]);
    update(&mut app, Action::Resize(80, 24));
    select(&mut app, "2.3.c.4");
    let first = screen(&app);
    assert!(first.contains("more below"), "the text overflows:\n{first}");
    // Each scroll reads what the last drawing showed, as on screen.
    for _ in 0..50 {
        feed(&mut app, &[Action::DetailDown]);
        screen(&app);
    }
    assert_ne!(screen(&app), first, "the text scrolled down");
    for _ in 0..50 {
        feed(&mut app, &[Action::DetailUp]);
        screen(&app);
    }
    assert_eq!(screen(&app), first);
    // The mouse wheel over the text pane (the right three fifths) does the same.
    let wheel = |down| Action::Wheel {
        column: 60,
        row: 5,
        down,
    };
    for _ in 0..50 {
        feed(&mut app, &[wheel(true)]);
        screen(&app);
    }
    assert_ne!(screen(&app), first, "the wheel scrolled the text down");
    assert_eq!(app.selected_id(), "2.3.c.4", "and left the outline alone");
    for _ in 0..50 {
        feed(&mut app, &[wheel(false)]);
        screen(&app);
    }
    assert_eq!(screen(&app), first);
}

#[test]
fn a_message_a_view_asks_for_is_shown() {
    let mut app = app_with(mini(), &["Red"]);
    feed(&mut app, &[Action::Search]);
    type_text(&mut app, &"a".repeat(201));
    assert_eq!(app.message(), Some("A search is at most 200 characters."));
}
