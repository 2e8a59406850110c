//! The workshop screen's behaviour, driven by feeding actions to `update` with no terminal.
#![allow(clippy::unwrap_used)] // tests may unwrap: a panic is a failure

mod common;

use awayday::session::{self, Column, Score};
use awayday::tui::action::Action;
use awayday::tui::overlays::*;
use common::{app_with, feed, key, mini, select, type_text};
use ratatui::crossterm::event::KeyCode;

#[test]
fn scoring_each_group_and_the_agreed_column() {
    let mut app = app_with(mini(), &["Red", "Blue"]);
    select(&mut app, "2.1.a.1");
    assert_eq!(feed(&mut app, &[Action::Score(3)]), None);
    // The score is an edit for the journal.
    assert_eq!(app.history_mut().take_applied().len(), 1);
    feed(
        &mut app,
        &[
            Action::NextColumn,
            Action::Score(1),
            Action::NextColumn,
            Action::Score(2),
        ],
    );
    let s = app.session();
    assert_eq!(s.score("2.1.a.1", Column::Group(0)), Some(Score::Level(3)));
    assert_eq!(s.score("2.1.a.1", Column::Group(1)), Some(Score::Level(1)));
    assert_eq!(s.score("2.1.a.1", Column::Agreed), Some(Score::Level(2)));
    assert_eq!(session::summary::spread(s, "2.1.a.1"), Some(2));
}

#[test]
fn clearing_and_not_applicable() {
    let mut app = app_with(mini(), &["Red"]);
    select(&mut app, "1.1");
    feed(&mut app, &[Action::Score(4), Action::NotApplicable]);
    assert_eq!(
        app.session().score("1.1", Column::Group(0)),
        Some(Score::NotApplicable)
    );
    feed(&mut app, &[Action::Clear]);
    assert_eq!(app.session().score("1.1", Column::Group(0)), None);
    // Nothing left for the node: the file holds no entry for it.
    assert!(app.session().record("1.1").is_none());
}

#[test]
fn levels_outside_the_scale_and_non_statements_are_refused_with_a_message() {
    let mut app = app_with(mini(), &["Red"]);
    select(&mut app, "1.1");
    assert_eq!(feed(&mut app, &[Action::Score(7)]), None);
    assert!(app.message().unwrap_or("").contains("no level 7"));
    select(&mut app, "2.1");
    assert_eq!(feed(&mut app, &[Action::Score(2)]), None);
    assert!(app.message().unwrap_or("").contains("statements"));
    assert!(app.session().nodes.is_empty());
}

#[test]
fn tab_cycles_groups_then_agreed_and_back() {
    let mut app = app_with(mini(), &["Red", "Blue", "Green"]);
    assert_eq!(app.column(), Column::Group(0));
    feed(
        &mut app,
        &[Action::NextColumn, Action::NextColumn, Action::NextColumn],
    );
    assert_eq!(app.column(), Column::Agreed);
    feed(&mut app, &[Action::NextColumn]);
    assert_eq!(app.column(), Column::Group(0));
    feed(&mut app, &[Action::PrevColumn]);
    assert_eq!(app.column(), Column::Agreed);
}

#[test]
fn undo_and_redo_every_kind_of_change() {
    let mut app = app_with(mini(), &["Red", "Blue"]);
    select(&mut app, "1.2");
    feed(&mut app, &[Action::Score(2), Action::Score(4)]);
    feed(&mut app, &[Action::Undo]);
    assert_eq!(
        app.session().score("1.2", Column::Group(0)),
        Some(Score::Level(2))
    );
    feed(&mut app, &[Action::Undo]);
    assert_eq!(app.session().score("1.2", Column::Group(0)), None);
    feed(&mut app, &[Action::Undo]);
    assert_eq!(app.message(), Some("Nothing to undo."));
    feed(&mut app, &[Action::Redo, Action::Redo]);
    assert_eq!(
        app.session().score("1.2", Column::Group(0)),
        Some(Score::Level(4))
    );

    // Undo shows the room what changed back: it selects that statement.
    select(&mut app, "2.1.b.1");
    feed(&mut app, &[Action::Undo]);
    assert_eq!(app.selected_id(), "1.2");

    // Notes are one undoable change per editing session.
    feed(&mut app, &[Action::EditNotes]);
    type_text(&mut app, "Agreed quickly");
    feed(&mut app, &[key(KeyCode::Esc)]);
    assert_eq!(app.session().notes("1.2"), "Agreed quickly");
    feed(&mut app, &[Action::Undo]);
    assert_eq!(app.session().notes("1.2"), "");
    feed(&mut app, &[Action::Redo]);
    assert_eq!(app.session().notes("1.2"), "Agreed quickly");
}

#[test]
fn a_new_change_clears_redo() {
    let mut app = app_with(mini(), &["Red"]);
    select(&mut app, "1.1");
    feed(
        &mut app,
        &[
            Action::Score(1),
            Action::Undo,
            Action::Score(3),
            Action::Redo,
        ],
    );
    assert_eq!(
        app.session().score("1.1", Column::Group(0)),
        Some(Score::Level(3))
    );
    assert_eq!(app.message(), Some("Nothing to redo."));
}

#[test]
fn search_jumps_to_the_node_and_expands_the_tree() {
    let mut app = app_with(mini(), &["Red"]);
    // Collapse everything first: the jump must open the way.
    feed(&mut app, &[Action::Top, Action::Left]);
    assert!(!app.tree().is_expanded(0));
    feed(&mut app, &[Action::Search]);
    type_text(&mut app, "call in");
    let Some(s) = app.view::<SearchOverlay>() else {
        panic!("search is open");
    };
    assert_eq!(app.framework().node(s.hits()[0].node).id, "2.1.a.1");
    assert_eq!(feed(&mut app, &[key(KeyCode::Enter)]), None);
    assert!(!app.has_view());
    assert_eq!(app.selected_id(), "2.1.a.1");
    assert!(app.visible_rows().contains(&app.selected()));
}

#[test]
fn escape_leaves_search_where_you_were() {
    let mut app = app_with(mini(), &["Red"]);
    select(&mut app, "1.2");
    feed(&mut app, &[Action::Search]);
    type_text(&mut app, "scrutiny");
    feed(&mut app, &[key(KeyCode::Down), key(KeyCode::Esc)]);
    assert!(!app.has_view());
    assert_eq!(app.selected_id(), "1.2");
}

#[test]
fn notes_on_any_node_with_unicode_and_several_lines() {
    let mut app = app_with(mini(), &["Red"]);
    select(&mut app, "2.1");
    feed(&mut app, &[Action::EditNotes]);
    type_text(&mut app, "Élan – 日本語 👍🏽");
    feed(&mut app, &[key(KeyCode::Enter)]);
    type_text(&mut app, "second line");
    // Typed text reaches the session before the editor closes (a crash loses nothing).
    assert_eq!(app.session().notes("2.1"), "Élan – 日本語 👍🏽\nsecond line");
    feed(&mut app, &[key(KeyCode::Backspace), key(KeyCode::Esc)]);
    assert_eq!(app.session().notes("2.1"), "Élan – 日本語 👍🏽\nsecond lin");
    // Keys typed in the editor never score.
    assert!(
        app.session()
            .record("2.1")
            .is_some_and(|r| r.scores.is_empty())
    );
}

#[test]
fn renaming_a_group_keeps_its_scores_and_adding_one_works() {
    let mut app = app_with(mini(), &["Red", "Blue"]);
    select(&mut app, "1.1");
    feed(&mut app, &[Action::NextColumn, Action::Score(3)]);
    feed(&mut app, &[Action::Settings]);
    // Rows: Title, Organisation, Facilitator, Group 1, Group 2, + Add.
    feed(&mut app, &vec![key(KeyCode::Down); 4]);
    feed(&mut app, &[key(KeyCode::Enter)]);
    for _ in 0..4 {
        feed(&mut app, &[key(KeyCode::Backspace)]);
    }
    type_text(&mut app, "Azure");
    feed(&mut app, &[key(KeyCode::Enter)]);
    assert_eq!(app.session().groups, ["Red", "Azure"]);
    assert_eq!(
        app.session().score("1.1", Column::Group(1)),
        Some(Score::Level(3))
    );

    // A taken name is refused, nothing changes.
    feed(&mut app, &[key(KeyCode::Enter), key(KeyCode::End)]);
    for _ in 0..5 {
        feed(&mut app, &[key(KeyCode::Backspace)]);
    }
    type_text(&mut app, "Red");
    // Esc asks before typed text goes; n lets it go.
    feed(
        &mut app,
        &[
            key(KeyCode::Enter),
            key(KeyCode::Esc),
            key(KeyCode::Char('n')),
        ],
    );
    assert_eq!(app.session().groups, ["Red", "Azure"]);

    feed(&mut app, &[key(KeyCode::Down), key(KeyCode::Enter)]);
    type_text(&mut app, "Green");
    feed(
        &mut app,
        &[
            key(KeyCode::Enter),
            key(KeyCode::Up),
            key(KeyCode::Up),
            key(KeyCode::Up),
            key(KeyCode::Up),
            key(KeyCode::Up),
        ],
    );
    feed(&mut app, &[key(KeyCode::Enter)]);
    type_text(&mut app, "Away day");
    feed(&mut app, &[key(KeyCode::Enter), key(KeyCode::Esc)]);
    assert!(!app.has_view());
    assert_eq!(app.session().groups, ["Red", "Azure", "Green"]);
    assert_eq!(app.session().title, "Away day");

    feed(&mut app, &[Action::Undo, Action::Undo, Action::Undo]);
    assert_eq!(app.session().groups, ["Red", "Blue"]);
    assert_eq!(app.session().title, "");
    assert_eq!(
        app.session().score("1.1", Column::Group(1)),
        Some(Score::Level(3))
    );
}

#[test]
fn next_unscored_skips_scored_statements_and_wraps() {
    let mut app = app_with(mini(), &["Red"]);
    select(&mut app, "1.1");
    feed(&mut app, &[Action::Score(1)]);
    select(&mut app, "2.1.a.1");
    feed(&mut app, &[Action::Score(2)]);
    select(&mut app, "1");
    feed(&mut app, &[Action::NextUnscored]);
    assert_eq!(app.selected_id(), "1.2");
    feed(&mut app, &[Action::NextUnscored]);
    assert_eq!(app.selected_id(), "2.1.a.2");
    feed(&mut app, &[Action::PrevUnscored]);
    assert_eq!(app.selected_id(), "1.2");
}

#[test]
fn tree_navigation_collapses_expands_and_goes_to_parent() {
    let mut app = app_with(mini(), &["Red"]);
    // Themes start open, elements closed.
    let rows: Vec<&str> = app
        .visible_rows()
        .iter()
        .map(|&i| app.framework().node(i).id.as_str())
        .collect();
    assert_eq!(rows, ["1", "1.1", "1.2", "2", "2.1"]);
    feed(&mut app, &[Action::Bottom, Action::Right, Action::Right]);
    assert_eq!(app.selected_id(), "2.1.a");
    // ← on a closed heading goes to its parent; ← again closes that.
    feed(&mut app, &[Action::Left]);
    assert_eq!(app.selected_id(), "2.1");
    assert_eq!(app.visible_rows().len(), 7);
    feed(&mut app, &[Action::Left]);
    assert_eq!(app.visible_rows().len(), 5);
    feed(&mut app, &[Action::Toggle]);
    assert_eq!(app.visible_rows().len(), 7);
}

#[test]
fn the_session_file_round_trips_exactly() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("s.ron");
    let mut app = app_with(mini(), &["Red", "Blue"]);
    select(&mut app, "2.1.a.2");
    feed(
        &mut app,
        &[
            Action::Score(2),
            Action::NextColumn,
            Action::NotApplicable,
            Action::EditNotes,
        ],
    );
    type_text(&mut app, "a \"quoted\" note, with\\backslash");
    feed(&mut app, &[key(KeyCode::Esc)]);
    session::save(&path, app.session()).unwrap();
    let loaded = session::load(&path).unwrap();
    assert_eq!(loaded, *app.session());
    assert_eq!(loaded.selected.as_deref(), Some("2.1.a.2"));
    let text = std::fs::read_to_string(&path).unwrap();
    // Readable: statement ids as keys, nothing for untouched nodes.
    assert!(text.contains("\"2.1.a.2\": ("), "{text}");
    assert!(!text.contains("\"1.1\""), "{text}");
}
