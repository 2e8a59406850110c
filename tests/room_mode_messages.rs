//! What the screen says as scores go in, in room mode: once every group has scored the open
//! statement, that the reveal key shows the room; not before, not once shown, and never
//! outside room mode (where the scores are shown as they are typed).
#![allow(clippy::unwrap_used)] // tests may unwrap: a panic is a failure

mod common;

use awayday::tui::action::Action;
use common::{app_with, feed, mini, select};

const ALL_IN: &str = "Every group has scored: ";

fn said(app: &awayday::tui::app::App) -> &str {
    app.message().unwrap_or("")
}

#[test]
fn in_room_mode_the_screen_says_when_every_group_has_scored_and_not_before() {
    let mut app = app_with(mini(), &["Red", "Blue"]);
    select(&mut app, "1.1");
    feed(&mut app, &[Action::ToggleRoomMode]);
    assert!(app.session().room.reveal);
    feed(&mut app, &[Action::Score(3)]);
    assert!(
        !said(&app).starts_with(ALL_IN),
        "Blue has not scored: {}",
        said(&app)
    );
    feed(&mut app, &[Action::NextColumn, Action::Score(2)]);
    assert!(said(&app).starts_with(ALL_IN), "{}", said(&app));
    // Once the room has seen the scores, a change to one is not news.
    feed(&mut app, &[Action::Reveal, Action::Score(1)]);
    assert!(!said(&app).starts_with(ALL_IN), "{}", said(&app));
}

#[test]
fn outside_room_mode_every_group_scoring_says_nothing() {
    let mut app = app_with(mini(), &["Red", "Blue"]);
    select(&mut app, "1.1");
    feed(
        &mut app,
        &[Action::Score(3), Action::NextColumn, Action::Score(2)],
    );
    assert!(!said(&app).starts_with(ALL_IN), "{}", said(&app));
    assert_eq!(
        app.session()
            .score("1.1", awayday::session::Column::Group(1)),
        Some(awayday::session::Score::Level(2))
    );
}
