//! Moving in the outline from the keyboard: a row up or down, a page (the rows on screen but
//! one) up or down, and to the first or last row.
#![allow(clippy::unwrap_used)] // tests may unwrap: a panic is a failure

mod common;

use awayday::tui::action::Action;
use awayday::tui::app::App;
use awayday::tui::update::update;
use common::{app_with, benchmark, feed};

#[test]
fn the_outline_moves_by_row_by_page_and_to_its_ends() {
    // 120×16: 12 rows of the outline on screen, so a page is 11.
    let mut app = app_with(benchmark(), &["Red"]);
    update(&mut app, Action::Resize(120, 16));
    let rows = app.visible_rows();
    assert!(rows.len() > 25, "{} rows", rows.len());
    let row = |app: &App| rows.iter().position(|&r| r == app.selected()).unwrap();
    assert_eq!(row(&app), 0);
    let steps = [
        (Action::Down, 1),
        (Action::Down, 2),
        (Action::Down, 3),
        (Action::Up, 2),
        (Action::PageDown, 13),
        (Action::PageDown, 24),
        (Action::PageUp, 13),
        (Action::Bottom, rows.len() - 1),
        (Action::Top, 0),
    ];
    for (action, want) in steps {
        feed(&mut app, std::slice::from_ref(&action));
        assert_eq!(row(&app), want, "after {action:?}");
    }
}
