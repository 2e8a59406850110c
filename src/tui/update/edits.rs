//! Session edits in `update`: scores, the room's view settings, undo and redo. The session
//! changes only here, through the undo history ([`commit`], [`live`], [`undo_redo`]).

use crate::session::{Column, Edit, Score};
use crate::tui::action::Action;
use crate::tui::app::App;

use super::navigate::statements_from;

/// Changes the session as one undoable step. Every change a person makes comes through here
/// (or through [`live`] for text as it is typed, or [`undo_redo`]).
pub(super) fn commit(app: &mut App, edit: Edit) {
    if app.history.apply(&mut app.session, edit) {
        app.mark_changed();
    }
    // A removed group takes its column with it.
    if !column_exists(app, app.column) {
        app.column = Column::Group(0);
    }
}

/// Changes the session as text is typed: journalled at once, made an undo step on close.
pub(super) fn live(app: &mut App, edit: Edit) {
    app.history.apply_live(&mut app.session, edit);
    app.mark_changed();
}

/// `g`: the room grid on or off, kept in the session (journalled, not an undo step).
pub(super) fn toggle_grid(app: &mut App) {
    let mut room = app.session.room;
    room.grid = !room.grid;
    live(
        app,
        Edit::Room {
            before: app.session.room,
            after: room,
        },
    );
}

/// Room mode on or off, the facilitator's grid hidden, or solo review: remembered with the
/// session (journalled, not an undo step).
pub(super) fn room_setting(app: &mut App, action: &Action) {
    if let Some((edit, message)) = crate::tui::round::setting(app, action) {
        live(app, edit);
        app.message = Some(message);
        // Solo review has one column; leaving it starts at the first group.
        if *action == Action::ToggleSolo || !app.columns().contains(&app.column) {
            app.column = app.columns()[0];
        }
    }
}

/// Fast entry on or off, saying what it does.
pub(super) fn toggle_fast_entry(app: &mut App) {
    let mut room = app.session.room;
    room.fast_entry = !room.fast_entry;
    live(
        app,
        Edit::Room {
            before: app.session.room,
            after: room,
        },
    );
    app.message = Some(
        if room.fast_entry {
            "Fast entry: each score moves on to the next column, and after Agreed to the next statement."
        } else {
            "Fast entry off."
        }
        .into(),
    );
}

pub(super) fn score(app: &mut App, score: Option<Score>) {
    let node = app.framework.node(app.selected());
    if !node.is_statement() {
        let open = app
            .keymap
            .key_for(crate::tui::keymap::Context::Main, &Action::Right)
            .unwrap_or_default();
        app.message = Some(format!(
            "Scores go on statements: open {} and pick one ({open}).",
            node.id
        ));
        return;
    }
    if let Some(Score::Level(v)) = score
        && app.framework.scale.level(v).is_none()
    {
        let levels: Vec<String> = app
            .framework
            .scale
            .levels
            .iter()
            .map(|l| l.value.to_string())
            .collect();
        app.message = Some(format!(
            "The scale has no level {v}; its levels are {}.",
            levels.join(", ")
        ));
        return;
    }
    let id = node.id.clone();
    let before = app.session.score(&id, app.column);
    commit(
        app,
        Edit::Score {
            node: id,
            column: app.column,
            before,
            after: score,
        },
    );
    if app.column == Column::Agreed && score.is_some() {
        // The room settled it: an agreed score is no secret.
        app.round.reveal();
    } else if app.session.room.reveal && !app.round.revealed() && app.round.all_in(&app.session) {
        let key = app
            .keymap
            .key_for(crate::tui::keymap::Context::Main, &Action::Reveal)
            .unwrap_or_default();
        app.message = Some(format!("Every group has scored: {key} shows the room."));
    }
    if app.session.room.fast_entry {
        advance(app);
    }
}

/// Fast entry: on to the next column; after Agreed, to the next statement and the first
/// group.
fn advance(app: &mut App) {
    match app.column {
        Column::Group(g) if g + 1 < app.session.groups.len() => app.column = Column::Group(g + 1),
        Column::Group(_) => app.column = Column::Agreed,
        // Room mode holds the agreed score on screen until the facilitator moves on.
        Column::Agreed if app.session.room.reveal => {
            let next = app
                .keymap
                .key_for(
                    crate::tui::keymap::Context::Presenter,
                    &Action::NextStatement,
                )
                .unwrap_or_default();
            app.message = Some(format!("Agreed. {next}: the next statement."));
        }
        Column::Agreed => {
            if let Some(&next) = statements_from(app, true).first()
                && next > app.selected()
            {
                app.reveal(next);
                app.select(next);
            }
            app.column = app.columns()[0];
        }
    }
}

pub(super) fn undo_redo(app: &mut App, undo: bool) {
    let edit = if undo {
        app.history.undo(&mut app.session)
    } else {
        app.history.redo(&mut app.session)
    };
    let Some(edit) = edit.cloned() else {
        app.message = Some(
            if undo {
                "Nothing to undo."
            } else {
                "Nothing to redo."
            }
            .into(),
        );
        return;
    };
    // Show the room what changed back.
    if let Some(ix) = edit.node().and_then(|id| app.framework.find(id)) {
        app.reveal(ix);
        app.select(ix);
    }
    if let Edit::Score { column, .. } = edit
        && column_exists(app, column)
    {
        app.column = column;
    }
    app.message = Some(format!(
        "{} {}.",
        if undo { "Undone:" } else { "Redone:" },
        describe(app, &edit)
    ));
    if !column_exists(app, app.column) {
        app.column = Column::Group(0);
    }
    app.mark_changed();
}

pub(super) fn column_exists(app: &App, column: Column) -> bool {
    match column {
        Column::Group(g) => g < app.session.groups.len(),
        Column::Agreed => true,
    }
}

/// A short description of an edit, for undo/redo messages.
fn describe(app: &App, edit: &Edit) -> String {
    match edit {
        Edit::Score { node, column, .. } => {
            format!("{}'s score on {node}", app.column_name(*column))
        }
        Edit::Notes { node, .. } => format!("notes on {node}"),
        Edit::Actions { node, .. } => format!("actions on {node}"),
        Edit::RenameGroup { before, after, .. } => format!("rename {before} → {after}"),
        Edit::AddGroup { name } => format!("add group {name}"),
        Edit::Meta { field, .. } => format!("{} change", field.label().to_lowercase()),
        Edit::Room { .. } => "view change".to_owned(),
        Edit::RemoveGroup { name, .. } => format!("remove group {name}"),
        Edit::MoveGroup { .. } => "group order".to_owned(),
        Edit::Agenda { .. } => "the day's plan".to_owned(),
        Edit::Findings {
            node: Some(node), ..
        } => format!("findings on {node}"),
        Edit::Findings { node: None, .. } => "the main conclusions".to_owned(),
    }
}
