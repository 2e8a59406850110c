//! `update`: the one place the workshop screen's state changes. Every action (from a key
//! through the keymap, from a view, from a test) comes here and is routed by job: to the open
//! view, to [`navigate`] (moving), [`edits`] (the session, through the undo history: the
//! only place it changes), [`tick`] (the clock) or [`mouse`]. No IO: the loop does the
//! journalling and the folds, so tests drive this directly.

mod edits;
mod mouse;
mod navigate;
mod tick;
pub(crate) mod voting;

use crate::session::Score;
use crate::session::journal::Entry;

use super::action::{Action, Effect};
use super::app::App;
use super::overlays::registry;
use super::voting::VotingAction;

/// Applies one action and returns what the loop must do outside the app, if anything.
pub fn update(app: &mut App, action: Action) -> Option<Effect> {
    match action {
        Action::Resize(w, h) => {
            app.size = (w, h);
            app.keep_selection_visible();
            return None;
        }
        Action::Tick { minute, seconds } => {
            tick::tick(app, minute, seconds);
            return None;
        }
        Action::Key(key) => {
            app.message = None;
            app.clock.last_key = app.clock.last_tick;
            let routed = app.keymap.route(app.context(), key)?;
            return update(app, routed);
        }
        // What views ask for: applied as asked, the status message left as they set it.
        Action::Edit(edit) => {
            edits::commit(app, edit);
            return None;
        }
        Action::Live(edit) => {
            edits::live(app, edit);
            return None;
        }
        Action::Record(edit) => {
            app.history.record(edit);
            return None;
        }
        Action::Draft(draft) => {
            app.outbox.push(Entry::Draft(draft));
            return None;
        }
        Action::Select(ix) => {
            app.reveal(ix);
            app.select(ix);
            return None;
        }
        Action::Say(message) => {
            app.message = Some(message);
            return None;
        }
        Action::SummaryAt(cursor) => {
            app.summary_cursor = cursor;
            return None;
        }
        // Votes arrive while any view is open; starting and stopping the server, and a new
        // link (which the voting view asks for, naming its chosen group), are the app's.
        // Opening the view is the registry's, and `Rotate` is the open voting view's key.
        Action::Voting(
            voting @ (VotingAction::Vote { .. } | VotingAction::Toggle | VotingAction::NewLink(_)),
        ) => return voting::update(app, voting),
        _ => {}
    }
    // A view may run the round (the presenter's): scoring and moving work there as on the
    // main screen.
    if app.view_passes(&action) {
        return main_screen(app, &action);
    }
    if app.has_view() {
        return in_view(app, &action);
    }
    app.message = None;
    main_screen(app, &action)
}

/// An action for the open view: the view reacts (it reads a context, never the app), then
/// what it asks for is applied here.
fn in_view(app: &mut App, action: &Action) -> Option<Effect> {
    let mut view = app.take_view()?;
    let reaction = view.react(&app.view_context(), action);
    if !reaction.close {
        app.open_view(view);
    }
    let mut effect = reaction.effect;
    for follow_up in reaction.then {
        effect = update(app, follow_up).or(effect);
    }
    effect
}

/// An action on the main screen: a move, an edit, or a view to open.
fn main_screen(app: &mut App, action: &Action) -> Option<Effect> {
    if navigate::tree_move(app, action).is_some() {
        return None;
    }
    match *action {
        Action::NextUnscored => navigate::next_unscored(app, true),
        Action::PrevUnscored => navigate::next_unscored(app, false),
        Action::NextDisagreement => navigate::next_disagreement(app, true),
        Action::PrevDisagreement => navigate::next_disagreement(app, false),
        Action::NextStatement => navigate::next_statement(app, true),
        Action::PrevStatement => navigate::next_statement(app, false),
        Action::NextColumn => navigate::cycle_column(app, 1),
        Action::PrevColumn => navigate::cycle_column(app, -1),
        Action::ToggleGrid => edits::toggle_grid(app),
        Action::ToggleFastEntry => edits::toggle_fast_entry(app),
        Action::Reveal => super::round::reveal(app),
        ref a if super::round::SETTINGS.contains(a) => edits::room_setting(app, a),
        Action::Score(v) => edits::score(app, Some(Score::Level(v))),
        Action::NotApplicable => edits::score(app, Some(Score::NotApplicable)),
        Action::Clear => edits::score(app, None),
        Action::Undo => edits::undo_redo(app, true),
        Action::Redo => edits::undo_redo(app, false),
        Action::Save => {
            app.message = Some("Saved.".into());
            return Some(Effect::Flush);
        }
        Action::Quit => return Some(Effect::Quit),
        Action::DetailUp => app.scroll_detail(-3),
        Action::DetailDown => app.scroll_detail(3),
        Action::Click(x, y) => mouse::click(app, x, y),
        Action::Wheel { column, row, down } => mouse::wheel(app, column, row, down),
        // A view's key: the registry makes the view, and what it asks first is applied once
        // it is open. Anything else (a view's action, raw input) means nothing here; a stray
        // paste must never score statements.
        _ => {
            let opened = registry::open(&app.view_context(), action)?;
            app.open_view(opened.view);
            for first in opened.then {
                update(app, first);
            }
        }
    }
    None
}
