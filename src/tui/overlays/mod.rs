//! Overlays drawn over the main screen. An open overlay gets every key first.

mod actions;
mod dashboard;
mod help;
mod notes;
mod search;
mod settings;

use ratatui::Frame;

use super::action::Action;
use super::app::App;
use super::update::Effect;

pub use actions::{ActionsOverlay, action_line};
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
