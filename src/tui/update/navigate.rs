//! Moving in `update`: the outline, the jumps to the next unscored statement or
//! disagreement, and the active column.

use crate::session::Column;
use crate::tui::action::Action;
use crate::tui::app::App;
use crate::tui::layout;

/// A move in the outline, or `None` if `action` is not one.
pub(super) fn tree_move(app: &mut App, action: &Action) -> Option<()> {
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
        _ => return None,
    };
    if moved {
        app.selection_moved();
    }
    Some(())
}

/// The next or previous statement, skipping headings, stopping at the ends.
pub(super) fn next_statement(app: &mut App, forward: bool) {
    if let Some(&ix) = statements_from(app, forward).first() {
        let wrapped = if forward {
            ix < app.selected()
        } else {
            ix > app.selected()
        };
        if !wrapped {
            app.reveal(ix);
            app.select(ix);
            crate::tui::round::moved_on(app);
        }
    }
}

fn page(height: usize) -> isize {
    isize::try_from(height.saturating_sub(1).max(1)).unwrap_or(1)
}

/// The statements in outline order from the one after the selection, wrapping round
/// (backwards when `forward` is false), for the jumps.
pub(super) fn statements_from(app: &App, forward: bool) -> Vec<usize> {
    let n = app.framework.nodes().len();
    let start = app.selected();
    (1..=n)
        .map(|step| {
            if forward {
                (start + step) % n
            } else {
                (start + n - step % n) % n
            }
        })
        .filter(|&ix| app.framework.node(ix).is_statement())
        .collect()
}

fn jump(app: &mut App, found: Option<usize>, none: String) {
    match found {
        Some(ix) => {
            app.reveal(ix);
            app.select(ix);
        }
        None => app.message = Some(none),
    }
}

/// `]` / `[`: the next statement the active column has not scored; in the Agreed column,
/// the next one every group has scored and the room has not yet agreed.
pub(super) fn next_unscored(app: &mut App, forward: bool) {
    let column = app.column;
    let groups = app.session.groups.len();
    let found = statements_from(app, forward).into_iter().find(|&ix| {
        let id = &app.framework.node(ix).id;
        match column {
            Column::Agreed if app.session.room.solo => app.session.score(id, column).is_none(),
            Column::Agreed => {
                app.session.score(id, Column::Agreed).is_none()
                    && (0..groups).all(|g| app.session.score(id, Column::Group(g)).is_some())
            }
            Column::Group(_) => app.session.score(id, column).is_none(),
        }
    });
    let none = match column {
        Column::Agreed if app.session.room.solo => "Every statement has a score.".to_owned(),
        Column::Agreed => {
            "No statement is waiting for an agreed score (every group scored, not yet agreed)."
                .to_owned()
        }
        Column::Group(_) => format!(
            "Every statement has a score in {}.",
            app.column_name(column)
        ),
    };
    jump(app, found, none);
}

/// `d` / `D`: the next statement whose groups' scores are the session's spread or more
/// apart.
pub(super) fn next_disagreement(app: &mut App, forward: bool) {
    let spread = app.session.room.spread();
    let from = app.selected();
    let found = statements_from(app, forward).into_iter().find(|&ix| {
        crate::session::summary::spread(&app.session, &app.framework.node(ix).id)
            .is_some_and(|s| s >= spread)
    });
    jump(
        app,
        found,
        format!("No statement has groups {spread} or more levels apart."),
    );
    // Going round the circle is said, so the room knows it has seen them all.
    if let Some(ix) = found {
        app.message = crate::tui::round::wrapped(forward, from, ix);
    }
}

pub(super) fn cycle_column(app: &mut App, delta: isize) {
    let columns = app.columns();
    let pos = columns.iter().position(|&c| c == app.column).unwrap_or(0);
    let len = isize::try_from(columns.len()).unwrap_or(1);
    let pos = isize::try_from(pos).unwrap_or(0);
    let next = usize::try_from((pos + delta).rem_euclid(len)).unwrap_or(0);
    app.column = columns[next];
}
