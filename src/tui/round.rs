//! Room mode's keys on the workshop screen: reveal (or hide) the open statement's scores, and
//! the two settings remembered with the session (room mode, and whether the facilitator's own
//! grid hides the scores too). The round itself is domain state (`session/reveal.rs`).

use crate::session::{Edit, RoomSettings};

use super::action::Action;
use super::app::App;
use super::keymap::Context;

/// The room settings a key turns on and off, remembered with the session.
pub(super) const SETTINGS: [Action; 3] = [
    Action::ToggleRoomMode,
    Action::ToggleGridHidden,
    Action::ToggleSolo,
];

/// `r`: shows the room the scores on the open statement, or hides them again.
pub(super) fn reveal(app: &mut App) {
    let key = |a: &Action| app.keymap.key_for(Context::Main, a).unwrap_or_default();
    if !app.session.room.reveal {
        app.message = Some(format!(
            "Scores are shown as they are typed; room mode ({}) hides them until revealed.",
            key(&Action::ToggleRoomMode)
        ));
        return;
    }
    if app.round.revealed() {
        app.round.hide();
        app.message = Some("Scores hidden from the room again.".into());
    } else {
        app.round.reveal();
        let waiting = app.round.waiting(&app.session);
        app.message = Some(match crate::session::reveal::waiting_words(&waiting) {
            Some(w) => format!("Revealed, before every group scored ({w})."),
            None => "Revealed.".into(),
        });
    }
}

/// The facilitator moved to another statement with `j`/`k`: in room mode with fast entry
/// (which held the last one on screen), the new one starts with the first group.
pub(super) fn moved_on(app: &mut App) {
    if app.session.room.reveal && app.session.room.fast_entry {
        app.column = app.columns()[0];
    }
}

/// The room settings after `action` (room mode, or hiding in the grid), with a message saying
/// what they now do; `None` for any other action.
pub(super) fn setting(app: &App, action: &Action) -> Option<(Edit, String)> {
    let before = app.session.room;
    let mut after: RoomSettings = before;
    let key = app
        .keymap
        .key_for(Context::Main, &Action::Reveal)
        .unwrap_or_default();
    let message = match action {
        Action::ToggleRoomMode => {
            after.reveal = !after.reveal;
            if after.reveal {
                format!(
                    "Room mode: the presenter view shows who has scored, not what, until {key} reveals."
                )
            } else {
                "Room mode off: scores are shown as they are typed.".to_owned()
            }
        }
        Action::ToggleGridHidden => {
            after.hide_in_grid = !after.hide_in_grid;
            match (after.hide_in_grid, after.reveal) {
                (true, true) => format!("Your grid hides the scores too until {key} reveals."),
                (true, false) => {
                    "Your grid will hide the scores too once room mode is on.".to_owned()
                }
                (false, _) => "Your grid shows every score as it is typed.".to_owned(),
            }
        }
        Action::ToggleSolo => {
            after.solo = !after.solo;
            if after.solo {
                "Solo review: one column, Score; fast entry moves on after each score, and the report reads it as the agreed score.".to_owned()
            } else {
                "Solo review off: each group's column, then Agreed.".to_owned()
            }
        }
        _ => return None,
    };
    Some((Edit::Room { before, after }, message))
}

/// What `d`/`D` say when the jump went round from the last disagreement to the first (or back):
/// `None` when it did not, or when the only one is where the selection already is.
pub(super) fn wrapped(forward: bool, from: usize, to: usize) -> Option<String> {
    if forward && to < from {
        Some("Back to the first disagreement: that was the last one.".into())
    } else if !forward && to > from {
        Some("Round to the last disagreement: that was the first one.".into())
    } else if to == from {
        Some("This is the only disagreement.".into())
    } else {
        None
    }
}
