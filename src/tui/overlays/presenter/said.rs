//! The line under the presenter's blocks: who the room is waiting for, or once revealed the
//! spread in words (marked when it is wide).

use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};

use crate::session::reveal;
use crate::session::summary;
use crate::tui::action::Action;
use crate::tui::keymap::Context;
use crate::tui::view::ViewContext;

/// Under the blocks: who the room is waiting for, or once revealed the spread in words.
pub(super) fn line(app: &ViewContext<'_>, hidden: bool) -> Line<'static> {
    let t = app.theme;
    let strong = Style::default().add_modifier(Modifier::BOLD);
    let id = app.selected_id();
    let waiting = app.round.waiting(app.session);
    let waiting_words = reveal::waiting_words(&waiting);
    if hidden {
        if let Some(w) = waiting_words {
            return Line::styled(w, strong);
        }
        let key = app
            .keymap
            .key_for(Context::Presenter, &Action::Reveal)
            .unwrap_or_default();
        return Line::styled(
            format!("Every group has scored · {key} reveals"),
            t.ok().patch(strong),
        );
    }
    let spread_at = app.session.room.spread();
    let mut spans = Vec::new();
    if let Some(words) = reveal::spread_words(app.session, id) {
        if summary::spread(app.session, id).is_some_and(|s| s >= spread_at) {
            spans.push(Span::styled(format!("▲ {words}"), t.warn().patch(strong)));
        } else {
            spans.push(Span::styled(words, strong));
        }
    }
    if let Some(w) = waiting_words {
        if !spans.is_empty() {
            spans.push(Span::raw("  ·  "));
        }
        spans.push(Span::styled(w, strong));
    }
    Line::from(spans)
}
