//! `update`: the workshop screen's state transition. It changes the `App` and returns what
//! the loop must do outside it (save, quit); it does no IO, so tests drive it directly.

use crate::session::{Column, Edit, Score};

use super::action::Action;
use super::app::App;
use super::layout;
use super::overlays::{self, Overlay};

/// What the loop must do after an update.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Effect {
    /// The session changed (the loop journals every change after each batch of keys).
    Save,
    /// Write the readable file now (Ctrl-s), not only the journal.
    Flush,
    /// Save, then leave.
    Quit,
    /// The facilitator chose what to keep after another program changed the file.
    Resolve(super::persist::Resolution),
}

/// Applies one action. Keys go to an open overlay first.
pub fn update(app: &mut App, action: Action) -> Option<Effect> {
    if let Action::Resize(w, h) = action {
        app.size = (w, h);
        app.keep_selection_visible();
        return None;
    }
    app.message = None;
    if app.overlay.is_some() {
        return overlays::handle(app, action);
    }
    match action {
        Action::Up => move_by(app, -1),
        Action::Down => move_by(app, 1),
        Action::PageUp => move_by(app, -page(app)),
        Action::PageDown => move_by(app, page(app)),
        Action::Top => move_to_row(app, 0),
        Action::Bottom => move_to_row(app, usize::MAX),
        Action::Left => left(app),
        Action::Right => right(app),
        Action::Toggle => toggle(app),
        Action::NextUnscored => next_unscored(app, true),
        Action::PrevUnscored => next_unscored(app, false),
        Action::NextColumn => cycle_column(app, 1),
        Action::PrevColumn => cycle_column(app, -1),
        Action::Score(v) => score(app, Some(Score::Level(v))),
        Action::NotApplicable => score(app, Some(Score::NotApplicable)),
        Action::Clear => score(app, None),
        Action::EditNotes => {
            app.overlay = Some(Overlay::notes(app));
            None
        }
        Action::Actions => {
            app.overlay = Some(Overlay::actions(app));
            None
        }
        Action::Summary => {
            app.overlay = Some(Overlay::dashboard());
            None
        }
        Action::Search => {
            app.overlay = Some(Overlay::search());
            None
        }
        Action::Settings => {
            app.overlay = Some(Overlay::settings());
            None
        }
        Action::Help => {
            app.overlay = Some(Overlay::help());
            None
        }
        Action::Undo => undo_redo(app, true),
        Action::Redo => undo_redo(app, false),
        Action::Save => {
            app.message = Some("Saved.".into());
            Some(Effect::Flush)
        }
        Action::Quit => Some(Effect::Quit),
        Action::DetailUp => {
            app.detail_scroll = app.detail_scroll.saturating_sub(3);
            None
        }
        Action::DetailDown => {
            app.detail_scroll = app.detail_scroll.saturating_add(3);
            None
        }
        Action::Click(x, y) => click(app, x, y),
        Action::Wheel { column, row, down } => wheel(app, column, row, down),
        Action::Key(_) | Action::Resize(..) => None,
    }
}

fn page(app: &App) -> isize {
    isize::try_from(layout::tree_rows(app.size).saturating_sub(1).max(1)).unwrap_or(1)
}

fn move_by(app: &mut App, delta: isize) -> Option<Effect> {
    let rows = app.visible_rows();
    let pos = rows.iter().position(|&r| r == app.selected).unwrap_or(0);
    let target = pos.saturating_add_signed(delta).min(rows.len() - 1);
    app.select(rows[target]);
    None
}

fn move_to_row(app: &mut App, row: usize) -> Option<Effect> {
    let rows = app.visible_rows();
    app.select(rows[row.min(rows.len() - 1)]);
    None
}

fn left(app: &mut App) -> Option<Effect> {
    let ix = app.selected;
    let node = app.framework.node(ix);
    if !node.children.is_empty() && app.expanded[ix] {
        app.expanded[ix] = false;
        app.keep_selection_visible();
    } else if let Some(parent) = node.parent {
        app.select(parent);
    }
    None
}

fn right(app: &mut App) -> Option<Effect> {
    let ix = app.selected;
    let first = app.framework.node(ix).children.first().copied();
    if let Some(child) = first {
        if app.expanded[ix] {
            app.select(child);
        } else {
            app.expanded[ix] = true;
            app.keep_selection_visible();
        }
    }
    None
}

fn toggle(app: &mut App) -> Option<Effect> {
    let ix = app.selected;
    if app.framework.node(ix).children.is_empty() {
        return None;
    }
    app.expanded[ix] = !app.expanded[ix];
    app.keep_selection_visible();
    None
}

fn next_unscored(app: &mut App, forward: bool) -> Option<Effect> {
    let n = app.framework.nodes().len();
    let column = app.column;
    let start = app.selected;
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
    None
}

fn cycle_column(app: &mut App, delta: isize) -> Option<Effect> {
    let columns = app.columns();
    let pos = columns.iter().position(|&c| c == app.column).unwrap_or(0);
    let len = isize::try_from(columns.len()).unwrap_or(1);
    let pos = isize::try_from(pos).unwrap_or(0);
    let next = usize::try_from((pos + delta).rem_euclid(len)).unwrap_or(0);
    app.column = columns[next];
    None
}

fn score(app: &mut App, score: Option<Score>) -> Option<Effect> {
    let node = app.framework.node(app.selected);
    if !node.is_statement() {
        app.message = Some(format!(
            "Scores go on statements: open {} and pick one (→ or l).",
            node.id
        ));
        return None;
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
        return None;
    }
    let id = node.id.clone();
    let before = app.session.score(&id, app.column);
    let edit = Edit::Score {
        node: id,
        column: app.column,
        before,
        after: score,
    };
    if app.history.apply(&mut app.session, edit) {
        app.mark_changed();
        Some(Effect::Save)
    } else {
        None
    }
}

fn undo_redo(app: &mut App, undo: bool) -> Option<Effect> {
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
        return None;
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
    if app.column_name(app.column) == "?" {
        app.column = Column::Group(0);
    }
    app.mark_changed();
    Some(Effect::Save)
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

fn click(app: &mut App, x: u16, y: u16) -> Option<Effect> {
    let areas = layout::areas(ratatui::layout::Rect::new(0, 0, app.size.0, app.size.1))?;
    let t = areas.tree;
    if x > t.x && x < t.right().saturating_sub(1) && y > t.y && y < t.bottom().saturating_sub(1) {
        let row = app.tree_offset + usize::from(y - t.y - 1);
        let rows = app.visible_rows();
        if let Some(&ix) = rows.get(row) {
            if ix == app.selected {
                return toggle(app);
            }
            app.select(ix);
        }
    }
    None
}

fn wheel(app: &mut App, x: u16, y: u16, down: bool) -> Option<Effect> {
    let areas = layout::areas(ratatui::layout::Rect::new(0, 0, app.size.0, app.size.1))?;
    let pos = ratatui::layout::Position::new(x, y);
    if areas.detail.contains(pos) {
        app.detail_scroll = if down {
            app.detail_scroll.saturating_add(2)
        } else {
            app.detail_scroll.saturating_sub(2)
        };
        None
    } else {
        move_by(app, if down { 1 } else { -1 })
    }
}
