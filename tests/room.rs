//! Running the room: the grid, fast entry, walking the disagreements, statements awaiting
//! agreement, search over what people wrote, group names, removal and order, the text pane's
//! scrolling, and the mouse on the scores. Driven through actions and keys, without a terminal.
#![allow(clippy::unwrap_used)] // tests may unwrap: a panic is a failure

mod common;

use awayday::session::{Column, Score};
use awayday::tui::action::Action;
use awayday::tui::overlays::*;
use awayday::tui::update::update;
use common::{app_with, benchmark, feed, key, mini, select, type_text};
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

fn press(c: char) -> Action {
    Action::Key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE))
}

#[test]
fn v_toggles_the_grid_and_the_session_remembers_it() {
    let mut app = app_with(mini(), &["Red", "Blue"]);
    assert!(!app.session().room.grid);
    feed(&mut app, &[press('v')]);
    assert!(app.session().room.grid);
    // Written with the session, and not an undo step.
    assert!(!app.history_mut().take_applied().is_empty());
    feed(&mut app, &[press('u')]);
    assert!(app.session().room.grid, "undo undoes scores, not the view");
    feed(&mut app, &[press('v')]);
    assert!(!app.session().room.grid);
}

#[test]
fn fast_entry_scores_a_statement_for_four_groups_and_agreed_in_five_keys() {
    let mut app = app_with(benchmark(), &["Red", "Blue", "Green", "Yellow"]);
    select(&mut app, "1.1");
    feed(&mut app, &[press('f')]);
    assert!(app.session().room.fast_entry);
    feed(
        &mut app,
        &[press('3'), press('2'), press('4'), press('3'), press('3')],
    );
    for (g, v) in [(0, 3), (1, 2), (2, 4), (3, 3)] {
        assert_eq!(
            app.session().score("1.1", Column::Group(g)),
            Some(Score::Level(v))
        );
    }
    assert_eq!(
        app.session().score("1.1", Column::Agreed),
        Some(Score::Level(3))
    );
    // On to the next statement, first group.
    assert_eq!(app.selected_id(), "1.2");
    assert_eq!(app.column(), Column::Group(0));
    // Off, a score stays where it is.
    feed(&mut app, &[press('f'), press('2')]);
    assert_eq!(app.selected_id(), "1.2");
    assert_eq!(app.column(), Column::Group(0));
}

#[test]
fn d_walks_the_disagreements_at_the_sessions_spread() {
    let mut app = app_with(benchmark(), &["Red", "Blue"]);
    for (id, a, b) in [("1.2", 1, 2), ("1.4", 1, 3), ("1.7", 4, 1)] {
        select(&mut app, id);
        app.set_column(Column::Group(0));
        feed(
            &mut app,
            &[Action::Score(a), Action::NextColumn, Action::Score(b)],
        );
    }
    select(&mut app, "1.1");
    feed(&mut app, &[press('d')]);
    assert_eq!(app.selected_id(), "1.4", "1.2 is only one level apart");
    feed(&mut app, &[press('d')]);
    assert_eq!(app.selected_id(), "1.7");
    feed(&mut app, &[press('D')]);
    assert_eq!(app.selected_id(), "1.4");
    // The same threshold makes the summary's list.
    feed(&mut app, &[Action::Summary]);
    let Some(_) = app.view::<DashboardOverlay>() else {
        panic!("summary open")
    };
}

#[test]
fn in_the_agreed_column_brackets_find_statements_awaiting_agreement() {
    let mut app = app_with(benchmark(), &["Red", "Blue"]);
    // 1.3: both groups scored, no agreed score; 1.2: only Red.
    select(&mut app, "1.2");
    app.set_column(Column::Group(0));
    feed(&mut app, &[Action::Score(2)]);
    select(&mut app, "1.3");
    feed(
        &mut app,
        &[Action::Score(2), Action::NextColumn, Action::Score(3)],
    );
    select(&mut app, "1.1");
    app.set_column(Column::Agreed);
    feed(&mut app, &[press(']')]);
    assert_eq!(app.selected_id(), "1.3");
}

#[test]
fn the_summary_keeps_its_place() {
    let mut app = app_with(benchmark(), &["Red", "Blue"]);
    for id in ["1.2", "1.4", "1.7"] {
        select(&mut app, id);
        app.set_column(Column::Group(0));
        feed(
            &mut app,
            &[Action::Score(1), Action::NextColumn, Action::Score(4)],
        );
    }
    feed(
        &mut app,
        &[Action::Summary, key(KeyCode::Down), key(KeyCode::Enter)],
    );
    let chosen = app.selected_id().to_owned();
    feed(&mut app, &[Action::Summary, key(KeyCode::Enter)]);
    assert_eq!(app.selected_id(), chosen, "opened again on the same line");
}

#[test]
fn search_finds_notes_and_actions_and_ctrl_u_clears() {
    let mut app = app_with(benchmark(), &["Red"]);
    select(&mut app, "2.2");
    feed(&mut app, &[Action::EditNotes]);
    type_text(&mut app, "Blue cited the quarterly dashboard");
    // The actions open on their list; `a` adds.
    feed(
        &mut app,
        &[key(KeyCode::Esc), Action::Actions, Action::AddItem],
    );
    type_text(&mut app, "Rebuild the dashboard");
    feed(&mut app, &[key(KeyCode::Enter), key(KeyCode::Esc)]);
    select(&mut app, "1.1");
    feed(&mut app, &[Action::Search]);
    type_text(&mut app, "quarterly dash");
    let screen = awayday::tui::svg::to_text(&awayday::tui::scenes::draw(&app));
    assert!(screen.contains("note on 2.2"), "{screen}");
    feed(&mut app, &[key(KeyCode::Enter)]);
    assert_eq!(app.selected_id(), "2.2");
    feed(&mut app, &[Action::Search]);
    type_text(&mut app, "rebuild");
    let screen = awayday::tui::svg::to_text(&awayday::tui::scenes::draw(&app));
    assert!(screen.contains("action on 2.2"), "{screen}");
    update(
        &mut app,
        Action::Key(KeyEvent::new(KeyCode::Char('u'), KeyModifiers::CONTROL)),
    );
    let Some(s) = app.view::<SearchOverlay>() else {
        panic!("search open")
    };
    assert_eq!(s.query(), "");
}

#[test]
fn group_names_are_unique_ignoring_case_and_never_agreed() {
    let mut app = app_with(mini(), &["Red", "Blue"]);
    feed(&mut app, &[Action::Settings]);
    // The rows: title, organisation, facilitator, Red, Blue, add.
    for _ in 0..5 {
        feed(&mut app, &[key(KeyCode::Down)]);
    }
    for name in ["red", "Agreed", "  "] {
        feed(&mut app, &[key(KeyCode::Enter)]);
        type_text(&mut app, name);
        feed(&mut app, &[key(KeyCode::Enter)]);
        assert_eq!(
            app.session().groups,
            ["Red", "Blue"],
            "{name:?} was accepted"
        );
        // Esc asks before typed text goes; n lets it go.
        feed(&mut app, &[key(KeyCode::Esc), press('n')]);
    }
}

#[test]
fn a_group_is_removed_after_a_second_press_and_undo_brings_its_scores_back() {
    let mut app = app_with(mini(), &["Red", "Blue", "Green"]);
    select(&mut app, "2.1.a.1");
    app.set_column(Column::Group(1));
    feed(&mut app, &[Action::Score(4)]);
    feed(&mut app, &[Action::Settings]);
    for _ in 0..4 {
        feed(&mut app, &[key(KeyCode::Down)]);
    }
    feed(&mut app, &[press('d')]);
    assert_eq!(
        app.session().groups.len(),
        3,
        "asks first: Blue has a score"
    );
    feed(&mut app, &[press('d')]);
    assert_eq!(app.session().groups, ["Red", "Green"]);
    feed(&mut app, &[key(KeyCode::Esc), press('u')]);
    assert_eq!(app.session().groups, ["Red", "Blue", "Green"]);
    assert_eq!(
        app.session().score("2.1.a.1", Column::Group(1)),
        Some(Score::Level(4))
    );
    // Reordered: Green first; Blue's score stays Blue's.
    feed(&mut app, &[Action::Settings]);
    for _ in 0..5 {
        feed(&mut app, &[key(KeyCode::Down)]);
    }
    feed(&mut app, &[press('K'), press('K')]);
    assert_eq!(app.session().groups, ["Green", "Red", "Blue"]);
    assert_eq!(
        app.session().score("2.1.a.1", Column::Group(2)),
        Some(Score::Level(4))
    );
}

#[test]
fn the_text_pane_stops_at_the_end_of_the_text() {
    let mut app = app_with(benchmark(), &["Red"]);
    update(&mut app, Action::Resize(80, 24));
    select(&mut app, "2.3.c.4");
    let first = awayday::tui::svg::to_text(&awayday::tui::scenes::draw(&app));
    assert!(
        first.contains("more below"),
        "the text overflows at 80×24:\n{first}"
    );
    for _ in 0..50 {
        feed(&mut app, &[Action::DetailDown]);
        let _ = awayday::tui::scenes::draw(&app);
    }
    let screen = awayday::tui::svg::to_text(&awayday::tui::scenes::draw(&app));
    assert!(
        screen.contains("none yet: press n to write"),
        "the end of the text is still on screen:\n{screen}"
    );
}

#[test]
fn a_click_on_a_score_row_picks_the_column_and_on_a_level_scores_it() {
    let mut app = app_with(benchmark(), &["Red", "Blue"]);
    select(&mut app, "1.1");
    let buffer = awayday::tui::scenes::draw(&app);
    let screen = awayday::tui::svg::to_text(&buffer);
    let find = |needle: &str| -> (u16, u16) {
        for (y, line) in screen.lines().enumerate() {
            if let Some(x) = line.find(needle) {
                let col = line[..x].chars().count();
                return (u16::try_from(col).unwrap(), u16::try_from(y).unwrap());
            }
        }
        panic!("{needle} not on screen:\n{screen}")
    };
    let (x, y) = find("Blue     ·");
    feed(&mut app, &[Action::Click(x, y)]);
    assert_eq!(app.column(), Column::Group(1));
    let (x, y) = find("3 Good");
    feed(&mut app, &[Action::Click(x, y)]);
    assert_eq!(
        app.session().score("1.1", Column::Group(1)),
        Some(Score::Level(3))
    );
}
