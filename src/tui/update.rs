//! `update`: the one place the workshop screen's state changes. Every action (from a key
//! through the keymap, from a view, from a test) comes here; the session itself changes only
//! in [`commit`], [`live`] and [`undo_redo`], through the undo history. No IO: the loop does
//! the journalling and the folds, so tests drive this directly.

use crate::session::journal::Entry;
use crate::session::{Column, Edit, Score};

use super::action::{Action, Effect};
use super::app::App;
use super::layout;
use super::overlays::Overlay;

/// Applies one action and returns what the loop must do outside the app, if anything.
pub fn update(app: &mut App, action: Action) -> Option<Effect> {
    match action {
        Action::Resize(w, h) => {
            app.size = (w, h);
            app.keep_selection_visible();
            return None;
        }
        Action::Key(key) => {
            app.message = None;
            let routed = app.keymap.route(app.context(), key)?;
            return update(app, routed);
        }
        // What views ask for: applied as asked, the status message left as they set it.
        Action::Edit(edit) => {
            commit(app, edit);
            return None;
        }
        Action::Live(edit) => {
            live(app, edit);
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
        _ => {}
    }
    if app.overlay.is_some() {
        return in_view(app, &action);
    }
    app.message = None;
    main_screen(app, &action)
}

/// An action for the open view: the view reacts (it may only read the app), then what it
/// asks for is applied here.
fn in_view(app: &mut App, action: &Action) -> Option<Effect> {
    let mut overlay = app.overlay.take()?;
    let reaction = overlay.react(app, action);
    if !reaction.close {
        app.overlay = Some(overlay);
    }
    let mut effect = reaction.effect;
    for follow_up in reaction.then {
        effect = update(app, follow_up).or(effect);
    }
    effect
}

fn main_screen(app: &mut App, action: &Action) -> Option<Effect> {
    let height = layout::tree_rows(app.size);
    let fw = &app.framework;
    let moved = match *action {
        Action::Up => app.tree.move_by(fw, -1, height),
        Action::Down => app.tree.move_by(fw, 1, height),
        Action::PageUp => app.tree.move_by(fw, -page(height), height),
        Action::PageDown => app.tree.move_by(fw, page(height), height),
        Action::Top => app.tree.move_to_row(fw, 0, height),
        Action::Bottom => app.tree.move_to_row(fw, usize::MAX, height),
        Action::Left => app.tree.left(fw, height),
        Action::Right => app.tree.right(fw, height),
        Action::Toggle => {
            app.tree.toggle(fw, height);
            false
        }
        _ => return other(app, action),
    };
    if moved {
        app.selection_moved();
    }
    None
}

fn other(app: &mut App, action: &Action) -> Option<Effect> {
    match *action {
        Action::NextUnscored => next_unscored(app, true),
        Action::PrevUnscored => next_unscored(app, false),
        Action::NextColumn => cycle_column(app, 1),
        Action::PrevColumn => cycle_column(app, -1),
        Action::Score(v) => score(app, Some(Score::Level(v))),
        Action::NotApplicable => score(app, Some(Score::NotApplicable)),
        Action::Clear => score(app, None),
        Action::EditNotes => app.overlay = Some(Overlay::notes(app)),
        Action::Actions => app.overlay = Some(Overlay::actions(app)),
        Action::Summary => app.overlay = Some(Overlay::dashboard(app)),
        Action::Search => app.overlay = Some(Overlay::search()),
        Action::Settings => app.overlay = Some(Overlay::settings()),
        Action::Help => app.overlay = Some(Overlay::help()),
        Action::Undo => undo_redo(app, true),
        Action::Redo => undo_redo(app, false),
        Action::Save => {
            app.message = Some("Saved.".into());
            return Some(Effect::Flush);
        }
        Action::Quit => return Some(Effect::Quit),
        Action::DetailUp => app.detail_scroll = app.detail_scroll.saturating_sub(3),
        Action::DetailDown => app.detail_scroll = app.detail_scroll.saturating_add(3),
        Action::Click(x, y) => click(app, x, y),
        Action::Wheel { column, row, down } => wheel(app, column, row, down),
        // Actions of views and raw input mean nothing on the main screen; a stray paste must
        // never score statements.
        _ => {}
    }
    None
}

/// Changes the session as one undoable step. Every change a person makes comes through here
/// (or through [`live`] for text as it is typed, or [`undo_redo`]).
fn commit(app: &mut App, edit: Edit) {
    if app.history.apply(&mut app.session, edit) {
        app.mark_changed();
    }
}

/// Changes the session as text is typed: journalled at once, made an undo step on close.
fn live(app: &mut App, edit: Edit) {
    app.history.apply_live(&mut app.session, edit);
    app.mark_changed();
}

fn page(height: usize) -> isize {
    isize::try_from(height.saturating_sub(1).max(1)).unwrap_or(1)
}

fn next_unscored(app: &mut App, forward: bool) {
    let n = app.framework.nodes().len();
    let column = app.column;
    let start = app.selected();
    let found = (1..=n)
        .map(|step| {
            if forward {
                (start + step) % n
            } else {
                (start + n - step % n) % n
            }
        })
        .find(|&ix| {
            let node = app.framework.node(ix);
            node.is_statement() && app.session.score(&node.id, column).is_none()
        });
    match found {
        Some(ix) => {
            app.reveal(ix);
            app.select(ix);
        }
        None => {
            app.message = Some(format!(
                "Every statement has a score in {}.",
                app.column_name(column)
            ));
        }
    }
}

fn cycle_column(app: &mut App, delta: isize) {
    let columns = app.columns();
    let pos = columns.iter().position(|&c| c == app.column).unwrap_or(0);
    let len = isize::try_from(columns.len()).unwrap_or(1);
    let pos = isize::try_from(pos).unwrap_or(0);
    let next = usize::try_from((pos + delta).rem_euclid(len)).unwrap_or(0);
    app.column = columns[next];
}

fn score(app: &mut App, score: Option<Score>) {
    let node = app.framework.node(app.selected());
    if !node.is_statement() {
        let open = app
            .keymap
            .key_for(super::keymap::Context::Main, &Action::Right)
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
}

fn undo_redo(app: &mut App, undo: bool) {
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

fn column_exists(app: &App, column: Column) -> bool {
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
    }
}

fn click(app: &mut App, x: u16, y: u16) {
    let Some(areas) = layout::areas(ratatui::layout::Rect::new(0, 0, app.size.0, app.size.1))
    else {
        return;
    };
    let t = areas.tree;
    let inside =
        x > t.x && x < t.right().saturating_sub(1) && y > t.y && y < t.bottom().saturating_sub(1);
    if !inside {
        return;
    }
    if let Some(ix) = app.tree.row_at(&app.framework, usize::from(y - t.y - 1)) {
        if ix == app.selected() {
            let height = layout::tree_rows(app.size);
            app.tree.toggle(&app.framework, height);
        } else {
            app.select(ix);
        }
    }
}

fn wheel(app: &mut App, x: u16, y: u16, down: bool) {
    let Some(areas) = layout::areas(ratatui::layout::Rect::new(0, 0, app.size.0, app.size.1))
    else {
        return;
    };
    if areas.detail.contains(ratatui::layout::Position::new(x, y)) {
        app.detail_scroll = if down {
            app.detail_scroll.saturating_add(2)
        } else {
            app.detail_scroll.saturating_sub(2)
        };
    } else {
        let height = layout::tree_rows(app.size);
        if app
            .tree
            .scroll(&app.framework, if down { 1 } else { -1 }, height)
        {
            app.selection_moved();
        }
    }
}
