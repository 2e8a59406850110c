//! Views drawn over the main screen, one file each, listed in [`registry`]. An open view has
//! the keys (its own context in the keymap); it turns its actions into changes of its own
//! state and into further actions (an edit, a jump) that `update` applies. It reads a
//! [`ViewContext`], never the app.

mod action_form;
mod actions;
mod agenda;
mod checks;
mod conflict;
mod dashboard;
mod findings;
mod form;
mod frame_form;
mod help;
mod notes;
mod plan_form;
pub mod presenter;
mod search;
mod settings;
mod voting;

pub mod registry;

pub use super::view::Reaction;
use super::view::{View, ViewContext};
use ratatui::text::{Line, Span};

pub use actions::action_line;
use conflict::ConflictOverlay;
#[cfg(test)]
pub(crate) use help::help_lines;
/// Each view's type, for tests to look at the open one (`App::view`).
#[cfg(feature = "test-support")]
pub use {
    actions::ActionsOverlay, agenda::AgendaOverlay, dashboard::DashboardOverlay,
    findings::FindingsOverlay, help::HelpOverlay, notes::NotesOverlay, presenter::PresenterOverlay,
    search::SearchOverlay, settings::SettingsOverlay, voting::VotingOverlay,
};

/// The view the loop opens when another program changed the session file.
pub fn conflict(file: &str, ours: &str) -> Box<dyn View> {
    Box::new(ConflictOverlay::new(file, ours))
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

/// A line of styled spans shortened to `width` columns at a word, marked with `…` in the
/// style of the span it ends in, so a line longer than its box never ends mid-word.
pub(crate) fn fit_line(line: Line<'static>, width: usize) -> Line<'static> {
    if line.width() <= width {
        return line;
    }
    let text: String = line.spans.iter().map(|s| s.content.as_ref()).collect();
    let short = crate::text::shorten(&text, width);
    // What is kept of the text, without the marker: a prefix of it.
    let mut keep = short.trim_end_matches('…').chars().count();
    let style = line.style;
    let alignment = line.alignment;
    let mut spans = Vec::new();
    let mut last = ratatui::style::Style::default();
    for span in line.spans {
        if keep == 0 {
            break;
        }
        let n = span.content.chars().count();
        last = span.style;
        if n <= keep {
            keep -= n;
            spans.push(span);
        } else {
            let cut: String = span.content.chars().take(keep).collect();
            keep = 0;
            spans.push(Span::styled(cut, span.style));
        }
    }
    spans.push(Span::styled("…", last));
    let mut fitted = Line::from(spans).style(style);
    fitted.alignment = alignment;
    fitted
}

/// A bordered popup block with a title and a key hint on its bottom edge.
pub(crate) fn popup_block<'a>(
    app: &ViewContext<'_>,
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
