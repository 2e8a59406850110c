//! `]` in the Agreed column: in solo review the next statement with no score; with groups, the
//! next one every group has scored and the room has not agreed; and what each says when there
//! is none.
#![allow(clippy::unwrap_used)] // tests may unwrap: a panic is a failure

mod common;

use awayday::session::Column;
use awayday::tui::action::Action;
use common::{app_with, feed, mini, select};

#[test]
fn in_solo_review_the_next_unscored_is_the_next_without_a_score_and_then_none() {
    let mut app = app_with(mini(), &["Reviewer"]);
    feed(&mut app, &[Action::ToggleSolo]);
    assert_eq!(app.column(), Column::Agreed);
    select(&mut app, "1.1");
    feed(&mut app, &[Action::Score(3)]);
    select(&mut app, "1.1");
    feed(&mut app, &[Action::NextUnscored]);
    assert_eq!(app.selected_id(), "1.2");
    for id in ["1.2", "2.1.a.1", "2.1.a.2", "2.1.b.1"] {
        select(&mut app, id);
        feed(&mut app, &[Action::Score(2)]);
    }
    feed(&mut app, &[Action::NextUnscored]);
    assert_eq!(app.message(), Some("Every statement has a score."));
}

#[test]
fn with_groups_the_agreed_column_waits_for_every_group() {
    let mut app = app_with(mini(), &["Red"]);
    app.set_column(Column::Agreed);
    feed(&mut app, &[Action::NextUnscored]);
    assert_eq!(
        app.message(),
        Some("No statement is waiting for an agreed score (every group scored, not yet agreed).")
    );
}
