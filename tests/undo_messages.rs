//! Undo and redo say what they changed back, for every kind of change, and bring the room to
//! the statement it was on; a change that changes nothing is no undo step.
#![allow(clippy::unwrap_used)] // tests may unwrap: a panic is a failure

mod common;

use awayday::session::agenda::Agenda;
use awayday::session::frame::FramePart;
use awayday::session::{ActionItem, Column, Edit, Findings, MetaField, Score};
use awayday::tui::action::Action;
use common::{app_with, feed, mini, select};

/// Makes `edit` as the screen's forms do, then undoes and redoes it: the two messages.
fn undo_then_redo(edit: Edit) -> (String, String) {
    let mut app = app_with(mini(), &["Red", "Blue", "Green"]);
    feed(&mut app, &[Action::Edit(edit)]);
    feed(&mut app, &[Action::Undo]);
    let undone = app.message().unwrap_or_default().to_owned();
    feed(&mut app, &[Action::Redo]);
    let redone = app.message().unwrap_or_default().to_owned();
    (undone, redone)
}

fn findings(strengths: &str) -> Findings {
    Findings {
        strengths: strengths.to_owned(),
        ..Findings::default()
    }
}

fn agenda() -> Agenda {
    Agenda::new("09:30-16:30", &[]).unwrap()
}

#[test]
#[allow(clippy::too_many_lines)] // one table of changes and their words, read top to bottom
fn undo_and_redo_name_every_kind_of_change() {
    let cases: Vec<(Edit, &str)> = vec![
        (
            Edit::Score {
                node: "1.2".into(),
                column: Column::Group(1),
                before: None,
                after: Some(Score::Level(3)),
            },
            "Blue's score on 1.2",
        ),
        (
            Edit::Score {
                node: "1.1".into(),
                column: Column::Agreed,
                before: None,
                after: Some(Score::NotApplicable),
            },
            "Agreed's score on 1.1",
        ),
        (
            Edit::Notes {
                node: "2.1".into(),
                before: String::new(),
                after: "Quick".into(),
            },
            "notes on 2.1",
        ),
        (
            Edit::Actions {
                node: "1".into(),
                before: vec![],
                after: vec![ActionItem {
                    text: "Train scrutiny chairs".into(),
                    ..ActionItem::default()
                }],
            },
            "actions on 1",
        ),
        (
            Edit::RenameGroup {
                index: 0,
                before: "Red".into(),
                after: "Crimson".into(),
            },
            "rename Red → Crimson",
        ),
        (
            Edit::AddGroup {
                name: "Purple".into(),
            },
            "add group Purple",
        ),
        (
            Edit::Meta {
                field: MetaField::Title,
                before: String::new(),
                after: "Away day".into(),
            },
            "title change",
        ),
        (
            Edit::Meta {
                field: MetaField::Organisation,
                before: String::new(),
                after: "Council".into(),
            },
            "organisation change",
        ),
        (
            Edit::Meta {
                field: MetaField::Facilitator,
                before: String::new(),
                after: "Sam".into(),
            },
            "facilitator change",
        ),
        (
            Edit::Meta {
                field: MetaField::Frame(FramePart::Scope),
                before: String::new(),
                after: "Two days".into(),
            },
            "scope and objectives change",
        ),
        (
            Edit::Room {
                before: awayday::session::RoomSettings::default(),
                after: awayday::session::RoomSettings {
                    spread: Some(3),
                    ..awayday::session::RoomSettings::default()
                },
            },
            "view change",
        ),
        (
            Edit::RemoveGroup {
                index: 2,
                name: "Green".into(),
                scores: vec![],
            },
            "remove group Green",
        ),
        (Edit::MoveGroup { from: 0, to: 2 }, "group order"),
        (
            Edit::Agenda {
                before: None,
                after: Some(agenda()),
            },
            "the day's plan",
        ),
        (
            Edit::Findings {
                node: Some("2.1".into()),
                before: Findings::default(),
                after: findings("Clear"),
            },
            "findings on 2.1",
        ),
        (
            Edit::Findings {
                node: None,
                before: Findings::default(),
                after: findings("Clear"),
            },
            "the main conclusions",
        ),
    ];
    for (edit, said) in cases {
        let (undone, redone) = undo_then_redo(edit);
        assert_eq!(undone, format!("Undone: {said}."));
        assert_eq!(redone, format!("Redone: {said}."));
    }
}

#[test]
fn undo_brings_the_room_to_the_node_it_changed_back() {
    let edits = [
        (
            Edit::Notes {
                node: "2.1.a.1".into(),
                before: String::new(),
                after: "Slow".into(),
            },
            "2.1.a.1",
        ),
        (
            Edit::Actions {
                node: "2.1".into(),
                before: vec![],
                after: vec![ActionItem {
                    text: "Publish the log".into(),
                    ..ActionItem::default()
                }],
            },
            "2.1",
        ),
        (
            Edit::Findings {
                node: Some("2.1.b".into()),
                before: Findings::default(),
                after: findings("Open"),
            },
            "2.1.b",
        ),
    ];
    for (edit, node) in edits {
        let mut app = app_with(mini(), &["Red"]);
        select(&mut app, "1.1");
        feed(&mut app, &[Action::Edit(edit)]);
        assert_eq!(
            app.selected_id(),
            "1.1",
            "a change made elsewhere stays put"
        );
        feed(&mut app, &[Action::Undo]);
        assert_eq!(app.selected_id(), node);
        select(&mut app, "1.1");
        feed(&mut app, &[Action::Redo]);
        assert_eq!(app.selected_id(), node);
    }
    // The conclusions and the session's own fields are on no node: undo stays where it is.
    for edit in [
        Edit::Findings {
            node: None,
            before: Findings::default(),
            after: findings("Open"),
        },
        Edit::Meta {
            field: MetaField::Title,
            before: String::new(),
            after: "Away day".into(),
        },
    ] {
        let mut app = app_with(mini(), &["Red"]);
        select(&mut app, "1.2");
        feed(&mut app, &[Action::Edit(edit), Action::Undo]);
        assert_eq!(app.selected_id(), "1.2");
    }
}

#[test]
fn undoing_a_removed_group_brings_back_its_scores_in_its_place() {
    let mut app = app_with(mini(), &["Red", "Blue", "Green"]);
    let scores = vec![
        ("1.1".to_owned(), Score::Level(2)),
        ("2.1.a.2".to_owned(), Score::NotApplicable),
    ];
    feed(
        &mut app,
        &[Action::Edit(Edit::RemoveGroup {
            index: 1,
            name: "Blue".into(),
            scores: scores.clone(),
        })],
    );
    assert_eq!(app.session().groups, ["Red", "Green"]);
    feed(&mut app, &[Action::Undo]);
    assert_eq!(app.session().groups, ["Red", "Blue", "Green"]);
    for (node, score) in &scores {
        assert_eq!(app.session().score(node, Column::Group(1)), Some(*score));
        assert_eq!(app.session().score(node, Column::Group(0)), None);
        assert_eq!(app.session().score(node, Column::Group(2)), None);
    }
}

#[test]
fn a_change_that_changes_nothing_is_no_undo_step() {
    let room = awayday::session::RoomSettings::default();
    let same = [
        Edit::Score {
            node: "1.1".into(),
            column: Column::Group(0),
            before: None,
            after: None,
        },
        Edit::Notes {
            node: "1.1".into(),
            before: "a".into(),
            after: "a".into(),
        },
        Edit::Actions {
            node: "1.1".into(),
            before: vec![],
            after: vec![],
        },
        Edit::RenameGroup {
            index: 0,
            before: "Red".into(),
            after: "Red".into(),
        },
        Edit::Meta {
            field: MetaField::Title,
            before: String::new(),
            after: String::new(),
        },
        Edit::Room {
            before: room,
            after: room,
        },
        Edit::Agenda {
            before: None,
            after: None,
        },
        Edit::Findings {
            node: None,
            before: Findings::default(),
            after: Findings::default(),
        },
        Edit::MoveGroup { from: 1, to: 1 },
    ];
    for edit in same {
        let mut app = app_with(mini(), &["Red", "Blue"]);
        feed(&mut app, &[Action::Edit(edit.clone())]);
        assert!(
            app.history_mut().take_applied().is_empty(),
            "{edit:?} journalled"
        );
        feed(&mut app, &[Action::Undo]);
        assert_eq!(app.message(), Some("Nothing to undo."), "{edit:?}");
    }
}
