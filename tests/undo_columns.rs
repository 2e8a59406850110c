//! The active column after a change to the groups and after undo and redo: undo brings the
//! column whose score changed back; a column that no longer exists (its group removed, or
//! the group's adding undone) gives way to the first group.
#![allow(clippy::unwrap_used)] // tests may unwrap: a panic is a failure

mod common;

use awayday::session::{Column, Edit};
use awayday::tui::action::Action;
use common::{app_with, feed, mini, select};

#[test]
fn undo_and_redo_bring_the_column_whose_score_changed_back() {
    let mut app = app_with(mini(), &["Red", "Blue"]);
    select(&mut app, "1.1");
    feed(
        &mut app,
        &[Action::NextColumn, Action::Score(3), Action::PrevColumn],
    );
    assert_eq!(app.column(), Column::Group(0));
    feed(&mut app, &[Action::Undo]);
    assert_eq!(app.column(), Column::Group(1), "Blue's score was undone");
    feed(&mut app, &[Action::PrevColumn, Action::Redo]);
    assert_eq!(app.column(), Column::Group(1), "Blue's score was redone");
}

#[test]
fn a_column_whose_group_is_gone_gives_way_to_the_first_group() {
    let mut app = app_with(mini(), &["Red", "Blue"]);
    feed(
        &mut app,
        &[Action::Edit(Edit::AddGroup {
            name: "Green".into(),
        })],
    );
    app.set_column(Column::Group(2));
    // Undoing the adding takes Green's column away.
    feed(&mut app, &[Action::Undo]);
    assert_eq!(app.session().groups, ["Red", "Blue"]);
    assert_eq!(app.column(), Column::Group(0));
    // So does removing the group whose column is active.
    app.set_column(Column::Group(1));
    feed(
        &mut app,
        &[Action::Edit(Edit::RemoveGroup {
            index: 1,
            name: "Blue".into(),
            scores: Vec::new(),
        })],
    );
    assert_eq!(app.session().groups, ["Red"]);
    assert_eq!(app.column(), Column::Group(0));
    // The Agreed column is always there.
    app.set_column(Column::Agreed);
    feed(&mut app, &[Action::Undo]);
    assert_eq!(app.column(), Column::Agreed);
}
