//! The mouse over the outline: a click inside its border selects the row under it, a click
//! on the border or outside it selects nothing, and the wheel moves the selection.
#![allow(clippy::unwrap_used)] // tests may unwrap: a panic is a failure

mod common;

use awayday::session::Column;
use awayday::tui::action::Action;
use awayday::tui::update::update;
use common::{app_with, benchmark, feed, mini, select};

#[test]
fn a_click_inside_the_outline_selects_its_row_and_on_its_border_or_beside_it_nothing() {
    // 120×20: the outline's pane is columns 0–47 and lines 1–18, its border included; the
    // benchmark's themes and elements fill every line of it.
    let mut app = app_with(benchmark(), &["Red"]);
    update(&mut app, Action::Resize(120, 20));
    let rows = app.visible_rows();
    assert!(rows.len() > 20, "{} rows", rows.len());
    let first = app.selected_id().to_owned();
    for (x, y) in [(0, 10), (47, 10), (10, 1), (10, 18), (80, 10)] {
        feed(&mut app, &[Action::Click(x, y)]);
        assert_eq!(app.selected_id(), first, "a click at {x},{y}");
    }
    // The fourth line inside the border is the fourth row; the last line, the 16th.
    feed(&mut app, &[Action::Click(10, 5)]);
    assert_eq!(app.selected(), rows[3]);
    feed(&mut app, &[Action::Click(46, 17)]);
    assert_eq!(app.selected(), rows[15]);
}

#[test]
fn the_wheel_over_the_outline_moves_the_selection() {
    let mut app = app_with(mini(), &["Red"]);
    select(&mut app, "1.1");
    let wheel = |down| Action::Wheel {
        column: 10,
        row: 10,
        down,
    };
    feed(&mut app, &[wheel(true)]);
    assert_eq!(app.selected_id(), "1.2");
    feed(&mut app, &[wheel(false)]);
    assert_eq!(app.selected_id(), "1.1");
}

#[test]
fn in_the_room_grid_a_click_on_a_score_picks_its_column_and_its_row() {
    let mut app = app_with(mini(), &["Red", "Blue"]);
    feed(&mut app, &[Action::ToggleGrid]);
    let screen = awayday::tui::svg::to_text(&awayday::tui::scenes::draw(&app));
    // The outline's top border names the grid's columns over their cells.
    let border = screen.lines().nth(1).unwrap();
    let at = |label: &str| {
        let byte = border
            .find(label)
            .unwrap_or_else(|| panic!("{label}: {border}"));
        u16::try_from(border[..byte].chars().count()).unwrap()
    };
    // On the last letter of a heading, so a cell counted from its other edge shows.
    feed(&mut app, &[Action::Click(at("Blu") + 2, 3)]);
    assert_eq!((app.column(), app.selected_id()), (Column::Group(1), "1.1"));
    feed(&mut app, &[Action::Click(at("Agr") + 2, 4)]);
    assert_eq!((app.column(), app.selected_id()), (Column::Agreed, "1.2"));
    feed(&mut app, &[Action::Click(at("Red"), 3)]);
    assert_eq!((app.column(), app.selected_id()), (Column::Group(0), "1.1"));
}
