//! The list of views: each view's file says, in one [`Registered`], what opens it, which key
//! contexts it has (and so what help lists under it), and how it is made; [`VIEWS`] names
//! each once. `update` opens views and help lists keys from here, so a view missing from the
//! list opens on no key and has no keys in help.

use super::{actions, agenda, conflict, dashboard, findings, help, notes, presenter};
use super::{frame_form, search, settings, voting};
use crate::session::journal::Draft;
use crate::tui::action::Action;
#[cfg(test)]
use crate::tui::keymap::Context;
use crate::tui::view::{Opened, Registered, View, ViewContext};

/// Every view, each once; help lists their keys in this order.
pub const VIEWS: &[Registered] = &[
    presenter::VIEW,
    notes::VIEW,
    findings::VIEW,
    actions::VIEW,
    dashboard::VIEW,
    search::VIEW,
    settings::VIEW,
    frame_form::VIEW,
    help::VIEW,
    conflict::VIEW,
    agenda::VIEW,
    voting::VIEW,
];

/// The view `action` opens from the main screen, made.
pub fn open(cx: &ViewContext<'_>, action: &Action) -> Option<Opened> {
    VIEWS
        .iter()
        .find(|v| v.opens_on.contains(action))
        .map(|v| (v.open)(cx, action))
}

/// The form a draft was typed in, reopened with its text.
pub fn restore(cx: &ViewContext<'_>, draft: &Draft) -> Option<Box<dyn View>> {
    VIEWS.iter().find_map(|v| (v.restore)(cx, draft))
}

/// The key contexts help lists, in order: the main screen's, then each view's, each once.
#[cfg(test)]
pub fn help_contexts() -> Vec<Context> {
    crate::tui::view::help_contexts(VIEWS)
}

#[cfg(test)]
/// Every action the views of `context` react to (the main screen's for [`Context::Main`]),
/// so a test can check each has a key there and appears in help.
pub fn reacts_to(context: Context) -> Vec<&'static Action> {
    if context == Context::Main {
        return crate::tui::action::MAIN_ACTIONS.iter().collect();
    }
    let mut actions: Vec<&'static Action> = Vec::new();
    for (_, list) in VIEWS
        .iter()
        .flat_map(|v| v.keys)
        .filter(|(c, _)| *c == context)
    {
        for action in *list {
            if !actions.contains(&action) {
                actions.push(action);
            }
        }
    }
    actions
}
