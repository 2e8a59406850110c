//! Views drawn over the main screen. An open view has the keys (its own context in the
//! keymap); it turns its actions into changes of its own state and into further actions
//! (an edit, a jump) that `update` applies. It may read the app, never change it.

mod actions;
mod agenda;
mod conflict;
mod dashboard;
mod findings;
mod form;
mod help;
mod notes;
pub mod presenter;
mod search;
mod settings;
mod voting;

use ratatui::Frame;

use super::action::{Action, Effect};
use super::app::App;
use super::keymap::Context;
use crate::session::journal::Draft;

pub use actions::{ActionsOverlay, action_line};
pub use agenda::AgendaOverlay;
pub use conflict::ConflictOverlay;
pub use dashboard::DashboardOverlay;
pub use findings::FindingsOverlay;
pub use help::HelpOverlay;
pub use notes::NotesOverlay;
pub use presenter::PresenterOverlay;
pub use search::SearchOverlay;
pub use settings::SettingsOverlay;
pub use voting::VotingOverlay;

/// The overlay that is open, with its own state. Only one exists at a time, so the size
/// difference between variants costs nothing worth a box.
#[allow(clippy::large_enum_variant)]
pub enum Overlay {
    Dashboard(DashboardOverlay),
    Actions(ActionsOverlay),
    Search(SearchOverlay),
    Help(HelpOverlay),
    Notes(NotesOverlay),
    Settings(SettingsOverlay),
    Conflict(ConflictOverlay),
    Agenda(AgendaOverlay),
    Presenter(PresenterOverlay),
    Findings(FindingsOverlay),
    Voting(VotingOverlay),
}

impl Overlay {
    pub fn dashboard(app: &App) -> Self {
        Overlay::Dashboard(DashboardOverlay::open(app))
    }
    pub fn actions(app: &App) -> Self {
        Overlay::Actions(ActionsOverlay::open(app))
    }
    pub fn search() -> Self {
        Overlay::Search(SearchOverlay::default())
    }
    pub fn help() -> Self {
        Overlay::Help(HelpOverlay::default())
    }
    pub fn notes(app: &App) -> Self {
        Overlay::Notes(NotesOverlay::open(app))
    }
    pub fn settings() -> Self {
        Overlay::Settings(SettingsOverlay::default())
    }
    pub fn agenda(app: &App) -> Self {
        Overlay::Agenda(AgendaOverlay::open(app))
    }
    pub fn presenter() -> Self {
        Overlay::Presenter(PresenterOverlay::default())
    }
    pub fn conflict(file: &str, ours: &str) -> Self {
        Overlay::Conflict(ConflictOverlay::new(file, ours))
    }

    /// The form a draft was typed in, reopened with its text.
    pub fn restore(app: &App, draft: &Draft) -> Option<Self> {
        match draft {
            Draft::Action { .. } => ActionsOverlay::restore(app, draft).map(Overlay::Actions),
            Draft::Meta { .. } | Draft::Group { .. } => {
                SettingsOverlay::restore(app, draft).map(Overlay::Settings)
            }
            Draft::Findings { .. } => FindingsOverlay::restore(app, draft).map(Overlay::Findings),
            Draft::Plan { .. } => AgendaOverlay::restore(app, draft).map(Overlay::Agenda),
        }
    }
}

/// Longest text one paste may put into a note. Far beyond any note a workshop writes, and
/// small enough to be handled at once; a bigger paste is refused whole, with a message.
pub const MAX_PASTE_CHARS: usize = 1_000_000;

/// Text for a one-line field: line breaks become spaces, control characters go, and no more
/// than `max` characters are kept in all (`room` is what the field still has).
pub(crate) fn one_line(text: &str, room: usize) -> String {
    text.chars()
        .map(|c| if c == '\n' || c == '\t' { ' ' } else { c })
        .filter(|c| !c.is_control())
        .take(room)
        .collect()
}

/// Every action each context's view reacts to, so a test can check each has a key there
/// and appears in help.
#[cfg(test)]
pub fn reachable(context: Context) -> &'static [Action] {
    match context {
        Context::Main => super::action::MAIN_ACTIONS,
        Context::Notes => notes::ACTIONS,
        Context::Form => actions::FORM_ACTIONS,
        Context::Confirm => form::CONFIRM_ACTIONS,
        Context::Actions => actions::LIST_ACTIONS,
        Context::Summary => dashboard::ACTIONS,
        Context::Search => search::ACTIONS,
        Context::Settings => settings::ACTIONS,
        Context::Help => help::ACTIONS,
        Context::Conflict => conflict::ACTIONS,
        Context::Agenda => agenda::ACTIONS,
        Context::Presenter => presenter::ACTIONS,
        Context::Voting => voting::ACTIONS,
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

impl Overlay {
    /// The keymap context this view's keys are in.
    pub fn context(&self) -> Context {
        match self {
            Overlay::Actions(a) => a.context(),
            Overlay::Dashboard(_) => Context::Summary,
            Overlay::Search(_) => Context::Search,
            Overlay::Help(_) => Context::Help,
            Overlay::Notes(_) => Context::Notes,
            Overlay::Settings(s) => s.context(),
            Overlay::Conflict(_) => Context::Conflict,
            Overlay::Agenda(a) => a.context(),
            Overlay::Presenter(_) => Context::Presenter,
            Overlay::Findings(f) => f.context(),
            Overlay::Voting(_) => Context::Voting,
        }
    }

    /// The view's answer to an action. Mouse actions are ignored while a view is open.
    pub fn react(&mut self, app: &App, action: &Action) -> Reaction {
        match self {
            Overlay::Actions(a) => a.react(app, action),
            Overlay::Dashboard(d) => d.react(app, action),
            Overlay::Search(s) => s.react(app, action),
            Overlay::Help(h) => h.react(action),
            Overlay::Notes(n) => n.react(app, action),
            Overlay::Settings(s) => s.react(app, action),
            Overlay::Conflict(c) => c.react(action),
            Overlay::Agenda(a) => a.react(app, action),
            Overlay::Presenter(p) => p.react(action),
            Overlay::Findings(f) => f.react(app, action),
            Overlay::Voting(v) => v.react(app, action),
        }
    }
}

/// Draws the open overlay, if any.
pub fn render(app: &App, frame: &mut Frame) {
    match &app.overlay {
        Some(Overlay::Actions(a)) => a.render(app, frame),
        Some(Overlay::Dashboard(d)) => d.render(app, frame),
        Some(Overlay::Search(s)) => s.render(app, frame),
        Some(Overlay::Help(h)) => h.render(app, frame),
        Some(Overlay::Notes(n)) => n.render(app, frame),
        Some(Overlay::Settings(s)) => s.render(app, frame),
        Some(Overlay::Conflict(c)) => c.render(app, frame),
        Some(Overlay::Agenda(a)) => a.render(app, frame),
        Some(Overlay::Presenter(p)) => p.render(app, frame),
        Some(Overlay::Findings(f)) => f.render(app, frame),
        Some(Overlay::Voting(v)) => v.render(app, frame),
        None => {}
    }
}

/// A bordered popup block with a title and a key hint on its bottom edge.
pub(crate) fn popup_block<'a>(
    app: &App,
    title: &'a str,
    hint: &str,
) -> ratatui::widgets::Block<'a> {
    use ratatui::text::Line;
    use ratatui::widgets::{Block, BorderType};
    Block::bordered()
        .border_type(BorderType::Rounded)
        .border_style(app.theme.border_focus())
        .title(Line::styled(format!(" {title} "), app.theme.title()))
        .title_bottom(Line::styled(format!(" {hint} "), app.theme.dim()).right_aligned())
}
