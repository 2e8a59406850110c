//! What a view over the main screen sees and how it answers: a read-only [`ViewContext`]
//! that the app builds for each key and each frame, the [`View`] every open view is, and the
//! [`Reaction`] it answers with. Views never see the app itself, so no view imports it and
//! the app names no view (they are listed once, in `overlays/registry.rs`).

use std::any::Any;

use ratatui::Frame;

use crate::framework::{Framework, NodeIx};
use crate::search::SearchIndex;
use crate::session::{Column, Session};

use crate::session::journal::Draft;
use crate::session::reveal::Round;

use super::action::{Action, Effect};
use super::keymap::{Context, Keymap};
use super::theme::Theme;
use super::voting::Voting;

/// What a view may read: the session, its framework, and the screen state views need.
/// Built by `App::view_context`; borrowed, so a view cannot change anything through it.
pub struct ViewContext<'a> {
    pub framework: &'a Framework,
    pub session: &'a Session,
    /// The keys in effect, for hints and for help.
    pub keymap: &'a Keymap,
    pub theme: Theme,
    /// The search index over the framework's text.
    pub index: &'a SearchIndex,
    /// The active score column.
    pub column: Column,
    /// Where the summary's list of disagreements was when it last closed.
    pub summary_cursor: usize,
    /// The selected node.
    pub selection: NodeIx,
    /// Every registered view, for help.
    pub views: &'static [Registered],
    /// The time, as the loop last told it (minutes since local midnight), for the pace.
    pub now: Option<u16>,
    /// The status bar's message (the presenter view shows it in place of its keys).
    pub message: Option<&'a str>,
    /// The round on the statement open to the room: revealed or not (room mode).
    pub round: &'a Round,
    /// Voting from the groups' devices: whether it is on, where, and who is connected.
    pub voting: &'a Voting,
    /// The day plan's pace, kept between frames.
    pub pace: &'a super::pace::Pace,
}

impl<'a> ViewContext<'a> {
    /// The selected node.
    pub fn selected(&self) -> NodeIx {
        self.selection
    }

    /// The selected node's id.
    pub fn selected_id(&self) -> &'a str {
        &self.framework.node(self.selection).id
    }

    /// The columns in Tab order: each group, then Agreed.
    pub fn columns(&self) -> Vec<Column> {
        // Solo review: the reviewer's score is the agreed one, the only column.
        if self.session.room.solo {
            return vec![Column::Agreed];
        }
        (0..self.session.groups.len())
            .map(Column::Group)
            .chain(std::iter::once(Column::Agreed))
            .collect()
    }

    /// A column's name: the group's, or "Agreed".
    pub fn column_name(&self, column: Column) -> &'a str {
        match column {
            Column::Group(g) => self.session.groups.get(g).map_or("?", String::as_str),
            Column::Agreed if self.session.room.solo => "Score",
            Column::Agreed => "Agreed",
        }
    }

    /// How many score columns the room grid shows, when it is on.
    pub fn grid_columns(&self) -> Option<usize> {
        self.session.room.grid.then(|| self.columns().len())
    }
}

/// A view drawn over the main screen. While it is open it has the keys (its [`Context`]'s);
/// it turns actions into changes of its own state and into a [`Reaction`] that `update`
/// applies. `Any` lets tests and the loop look at a particular view's state.
pub trait View: Any {
    /// The keymap context its keys are in now (a form's while it edits a field, say).
    fn context(&self) -> Context;

    /// Its answer to an action. Mouse actions never reach an open view.
    fn react(&mut self, cx: &ViewContext<'_>, action: &Action) -> Reaction;

    /// Draws it over the main screen.
    fn render(&self, cx: &ViewContext<'_>, frame: &mut Frame);

    /// Whether `action` does, with this view open, what it does on the main screen (the
    /// presenter view runs the round: scoring and moving work there too).
    fn passes_to_main(&self, _action: &Action) -> bool {
        false
    }
}

/// What a view decided: whether it closes, what `update` should apply next, and what the
/// loop should do.
#[derive(Debug, Default)]
pub struct Reaction {
    pub close: bool,
    pub then: Vec<Action>,
    pub effect: Option<Effect>,
}

impl Reaction {
    /// Stay open, nothing else.
    pub fn stay() -> Self {
        Reaction::default()
    }

    /// Close, nothing else.
    pub fn close() -> Self {
        Reaction {
            close: true,
            ..Reaction::default()
        }
    }

    /// Stay open, and apply these.
    pub fn then(then: Vec<Action>) -> Self {
        Reaction {
            then,
            ..Reaction::default()
        }
    }

    /// Close, and apply these.
    pub fn close_then(then: Vec<Action>) -> Self {
        Reaction {
            close: true,
            then,
            effect: None,
        }
    }
}

/// A view as the registry knows it.
pub struct Registered {
    /// The view's name, for tests' messages.
    #[cfg_attr(not(test), allow(dead_code))]
    pub name: &'static str,
    /// The main-screen actions that open it (none for a view the loop opens itself).
    pub opens_on: &'static [Action],
    /// Its key contexts, each with the actions it reacts to there, in the order help lists
    /// them.
    pub keys: &'static [(Context, &'static [Action])],
    /// Makes the view, for one of `opens_on`.
    pub open: fn(&ViewContext<'_>, &Action) -> Opened,
    /// Reopens the form a draft was typed in, if the draft is this view's.
    pub restore: fn(&ViewContext<'_>, &Draft) -> Option<Box<dyn View>>,
}

/// A view just made, and what `update` applies once it is open (a jump, say).
pub struct Opened {
    pub view: Box<dyn View>,
    pub then: Vec<Action>,
}

impl Opened {
    /// The view, with nothing more to do.
    pub fn new(view: impl View) -> Self {
        Opened {
            view: Box::new(view),
            then: Vec::new(),
        }
    }
}

/// For views that no draft belongs to.
pub fn no_draft(_: &ViewContext<'_>, _: &Draft) -> Option<Box<dyn View>> {
    None
}

/// The key contexts help lists, in order: the main screen's, then each view's in `views`,
/// each once.
pub fn help_contexts(views: &[Registered]) -> Vec<Context> {
    let mut contexts = vec![Context::Main];
    for (context, _) in views.iter().flat_map(|v| v.keys) {
        if !contexts.contains(context) {
            contexts.push(*context);
        }
    }
    contexts
}
