//! Overlays drawn over the main screen. An open overlay gets every key first.

mod actions;
mod conflict;
mod dashboard;
mod help;
mod notes;
mod search;
mod settings;

use ratatui::Frame;

use super::action::Action;
use super::app::App;
use super::update::Effect;
use crate::session::journal::Draft;

pub use actions::{ActionsOverlay, action_line};
pub use conflict::ConflictOverlay;
pub use dashboard::DashboardOverlay;
pub use help::HelpOverlay;
pub use notes::NotesOverlay;
pub use search::SearchOverlay;
pub use settings::SettingsOverlay;

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
}

impl Overlay {
    pub fn dashboard() -> Self {
        Overlay::Dashboard(DashboardOverlay::default())
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
        }
    }
}

/// Longest text one paste may put into a note. Far beyond any note a workshop writes, and
/// small enough to be handled at once; a bigger paste is refused whole, with a message.
pub const MAX_PASTE_CHARS: usize = 1_000_000;

/// Pasted text goes to the open form or editor in one piece (one edit, one search), never
/// as thousands of keys. On the main screen it is ignored: a stray paste must never score.
pub fn paste(app: &mut App, text: &str) -> Option<Effect> {
    let mut overlay = app.overlay.take()?;
    let effect = match &mut overlay {
        Overlay::Notes(n) => n.paste(app, text),
        Overlay::Search(s) => s.paste(app, text),
        Overlay::Actions(a) => a.paste(app, text),
        Overlay::Settings(s) => s.paste(app, text),
        _ => None,
    };
    app.overlay = Some(overlay);
    effect
}

/// Text for a one-line field: line breaks become spaces, control characters go, and no more
/// than `max` characters are kept in all (`room` is what the field still has).
pub(crate) fn one_line(text: &str, room: usize) -> String {
    text.chars()
        .map(|c| if c == '\n' || c == '\t' { ' ' } else { c })
        .filter(|c| !c.is_control())
        .take(room)
        .collect()
}

/// What an overlay decided to do with a key.
pub enum Outcome {
    /// Stay open.
    Stay,
    /// Close.
    Close,
}

/// Routes an action to the open overlay. Only keys (and resizes, handled before) matter here;
/// mouse actions are ignored while an overlay is open.
pub fn handle(app: &mut App, action: Action) -> Option<Effect> {
    let Action::Key(key) = action else {
        return None;
    };
    let mut overlay = app.overlay.take()?;
    let (outcome, effect) = match &mut overlay {
        Overlay::Actions(a) => a.handle(app, key),
        Overlay::Dashboard(d) => d.handle(app, key),
        Overlay::Search(s) => s.handle(app, key),
        Overlay::Help(h) => h.handle(app, key),
        Overlay::Notes(n) => n.handle(app, key),
        Overlay::Settings(s) => s.handle(app, key),
        Overlay::Conflict(c) => c.handle(app, key),
    };
    if matches!(outcome, Outcome::Stay) {
        app.overlay = Some(overlay);
    }
    effect
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
        None => {}
    }
}

/// A bordered popup block with a title and a key hint on its bottom edge.
pub(crate) fn popup_block<'a>(
    app: &App,
    title: &'a str,
    hint: &'a str,
) -> ratatui::widgets::Block<'a> {
    use ratatui::text::Line;
    use ratatui::widgets::{Block, BorderType};
    Block::bordered()
        .border_type(BorderType::Rounded)
        .border_style(app.theme.border_focus())
        .title(Line::styled(format!(" {title} "), app.theme.title()))
        .title_bottom(Line::styled(format!(" {hint} "), app.theme.dim()).right_aligned())
}
