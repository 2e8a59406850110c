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
        Action::Tick { minute, seconds } => {
            tick(app, minute, seconds);
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
        Action::SummaryAt(cursor) => {
            app.summary_cursor = cursor;
            return None;
        }
        // Votes arrive while any view is open; the voting view's keys come here too.
        Action::Voting(voting) => return super::serving::update(app, voting),
        _ => {}
    }
    // The presenter view runs the round: scoring and moving work there as on the main screen.
    if matches!(app.overlay, Some(Overlay::Presenter(_)))
        && super::overlays::presenter::passes_to_main(&action)
    {
        return main_screen(app, &action);
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
        Action::NextDisagreement => next_disagreement(app, true),
        Action::PrevDisagreement => next_disagreement(app, false),
        Action::ToggleGrid => {
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
        Action::ToggleFastEntry => {
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
        Action::Reveal => super::round::reveal(app),
        ref a if super::round::SETTINGS.contains(a) => room_setting(app, a),
        Action::NextColumn => cycle_column(app, 1),
        Action::PrevColumn => cycle_column(app, -1),
        Action::Score(v) => score(app, Some(Score::Level(v))),
        Action::NotApplicable => score(app, Some(Score::NotApplicable)),
        Action::Clear => score(app, None),
        Action::EditNotes => app.overlay = Some(Overlay::notes(app)),
        Action::Actions => app.overlay = Some(Overlay::actions(app)),
        Action::Summary => app.overlay = Some(Overlay::dashboard(app)),
        Action::Agenda => app.overlay = Some(Overlay::agenda(app)),
        Action::Findings => {
            app.overlay = Some(Overlay::Findings(super::overlays::FindingsOverlay::open(
                app,
                Some(app.selected()),
            )));
        }
        Action::Conclusions => {
            app.overlay = Some(Overlay::Findings(super::overlays::FindingsOverlay::open(
                app, None,
            )));
        }
        Action::Presenter => {
            // The room sees a statement: from a heading, its first one.
            let first = app.framework.statements_under(app.selected()).next();
            if !app.framework.node(app.selected()).is_statement()
                && let Some(first) = first
            {
                app.reveal(first);
                app.select(first);
            }
            app.overlay = Some(Overlay::presenter());
        }
        Action::NextStatement | Action::PrevStatement => {
            let forward = *action == Action::NextStatement;
            if let Some(&ix) = statements_from(app, forward).first() {
                let wrapped = if forward {
                    ix < app.selected()
                } else {
                    ix > app.selected()
                };
                if !wrapped {
                    app.reveal(ix);
                    app.select(ix);
                    super::round::moved_on(app);
                }
            }
        }
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
        Action::DetailUp => app.scroll_detail(-3),
        Action::DetailDown => app.scroll_detail(3),
        Action::Click(x, y) => click(app, x, y),
        Action::Wheel { column, row, down } => wheel(app, column, row, down),
        // Actions of views and raw input mean nothing on the main screen; a stray paste must
        // never score statements.
        _ => {}
    }
    None
}

/// Room mode on or off, or the facilitator's grid hidden: remembered with the session.
fn room_setting(app: &mut App, action: &Action) {
    if let Some((edit, message)) = super::round::setting(app, action) {
        live(app, edit);
        app.message = Some(message);
        // Solo review has one column; leaving it starts at the first group.
        if *action == Action::ToggleSolo || !app.columns().contains(&app.column) {
            app.column = app.columns()[0];
        }
    }
}

/// Idle longer than this, and the time is not counted as spent in the area.
const IDLE_SECONDS: u64 = 5 * 60;

/// The clock moved: the pacing line's time, and the seconds since the last tick counted to
/// the area the selection is in, unless nobody has pressed a key for five minutes. Written
/// into the session a minute at a time.
fn tick(app: &mut App, minute: u16, seconds: u64) {
    app.now = Some(minute);
    let last = app.clock.last_tick.replace(seconds);
    if app.clock.last_key.is_none() {
        app.clock.last_key = Some(seconds);
    }
    let Some(agenda) = &app.session.agenda else {
        return;
    };
    let (Some(last), Some(key)) = (last, app.clock.last_key) else {
        return;
    };
    let step = seconds.saturating_sub(last);
    if step == 0 || step > IDLE_SECONDS || seconds.saturating_sub(key) > IDLE_SECONDS {
        return;
    }
    let Some(area) = crate::session::agenda::area_of(&app.framework, app.selected()) else {
        return;
    };
    let id = app.framework.node(area).id.clone();
    let pending = app.clock.pending.entry(id).or_default();
    *pending += u32::try_from(step).unwrap_or(u32::MAX);
    if app.clock.pending.values().sum::<u32>() >= 60 {
        let mut after = agenda.clone();
        for (id, secs) in std::mem::take(&mut app.clock.pending) {
            *after.spent.entry(id).or_default() += secs;
        }
        let before = app.session.agenda.clone();
        live(
            app,
            Edit::Agenda {
                before,
                after: Some(after),
            },
        );
    }
}

/// Changes the session as one undoable step. Every change a person makes comes through here
/// (or through [`live`] for text as it is typed, or [`undo_redo`]).
fn commit(app: &mut App, edit: Edit) {
    if app.history.apply(&mut app.session, edit) {
        app.mark_changed();
    }
    // A removed group takes its column with it.
    if !column_exists(app, app.column) {
        app.column = Column::Group(0);
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

/// The statements in outline order from the one after the selection, wrapping round
/// (backwards when `forward` is false), for the jumps.
fn statements_from(app: &App, forward: bool) -> Vec<usize> {
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
fn next_unscored(app: &mut App, forward: bool) {
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
fn next_disagreement(app: &mut App, forward: bool) {
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
        app.message = super::round::wrapped(forward, from, ix);
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
    if app.column == Column::Agreed && score.is_some() {
        // The room settled it: an agreed score is no secret.
        app.round.reveal();
    } else if app.session.room.reveal && !app.round.revealed() && app.round.all_in(&app.session) {
        let key = app
            .keymap
            .key_for(super::keymap::Context::Main, &Action::Reveal)
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
                .key_for(super::keymap::Context::Presenter, &Action::NextStatement)
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

fn click(app: &mut App, x: u16, y: u16) {
    let Some(areas) = layout::areas(
        ratatui::layout::Rect::new(0, 0, app.size.0, app.size.1),
        app.grid_columns(),
    ) else {
        return;
    };
    if let (_, Some(scores)) = super::panes::detail::split(app, areas.detail) {
        match super::panes::scores::ScoresPane::hit(app, scores, x, y) {
            Some(super::panes::scores::PaneHit::Column(c)) => {
                app.column = c;
                return;
            }
            Some(super::panes::scores::PaneHit::Score(s)) => {
                score(app, Some(s));
                return;
            }
            None => {}
        }
    }
    let t = areas.tree;
    let inside =
        x > t.x && x < t.right().saturating_sub(1) && y > t.y && y < t.bottom().saturating_sub(1);
    if !inside {
        return;
    }
    if let Some(ix) = app.tree.row_at(&app.framework, usize::from(y - t.y - 1)) {
        // In the room grid, a click on a score cell also makes its column active.
        if let Some(columns) = app.grid_columns() {
            let cell = layout::GRID_CELL;
            let cells = u16::try_from(columns).unwrap_or(0) * cell + 2;
            let start = t.right().saturating_sub(1).saturating_sub(cells);
            if x >= start {
                let i = usize::from((x - start) / cell);
                if let Some(&c) = app.columns().get(i) {
                    app.column = c;
                }
                app.select(ix);
                return;
            }
        }
        if ix == app.selected() {
            let height = layout::tree_rows(app.size);
            app.tree.toggle(&app.framework, height);
        } else {
            app.select(ix);
        }
    }
}

fn wheel(app: &mut App, x: u16, y: u16, down: bool) {
    let Some(areas) = layout::areas(
        ratatui::layout::Rect::new(0, 0, app.size.0, app.size.1),
        app.grid_columns(),
    ) else {
        return;
    };
    if areas.detail.contains(ratatui::layout::Position::new(x, y)) {
        app.scroll_detail(if down { 2 } else { -2 });
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
