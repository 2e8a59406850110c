//! The bottom line: the file, whether it is saved, a message, and key hints from the keymap.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

use crate::tui::action::Action;
use crate::tui::app::{App, SaveState};
use crate::tui::keymap::Context;

pub struct StatusBar<'a> {
    pub app: &'a App,
}

/// The main screen's hints when there is room, most useful first. An open view shows its own
/// keys instead, every one of them, from the keymap.
const MAIN_HINTS: &[Action] = &[
    Action::Help,
    Action::Search,
    Action::NextColumn,
    Action::EditNotes,
    Action::NextUnscored,
    Action::Undo,
    Action::Quit,
];

impl Widget for StatusBar<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let app = self.app;
        let t = app.theme;
        let (state, state_style) = match &app.save_state {
            SaveState::Saved => ("saved".to_owned(), t.ok()),
            SaveState::Unsaved => ("saving…".to_owned(), t.dim()),
            SaveState::JournalOnly { edits } => {
                let s = if *edits == 1 { "" } else { "s" };
                (format!("{edits} edit{s} in the journal only"), t.warn())
            }
            SaveState::Failed(why) => (format!("NOT SAVED: {why}"), t.warn()),
        };
        let file = home_relative(&app.path);
        let mut spans = vec![
            Span::styled(format!(" {file} "), t.dim()),
            Span::styled(format!("[{state}]"), state_style),
        ];
        if app.session.room.fast_entry {
            spans.push(Span::styled(" [fast entry]", t.key()));
        }
        // Room mode and solo review change what a score does on screen: always said.
        if app.session.room.solo {
            spans.push(Span::styled(" [solo]", t.key()));
        } else if app.session.room.reveal {
            let shown = if app.round.revealed() {
                " [room: revealed]"
            } else {
                " [room: hidden]"
            };
            spans.push(Span::styled(shown, t.key()));
        }
        let mut used: usize = spans.iter().map(Span::width).sum();
        let width = usize::from(area.width);
        if let Some(msg) = &app.message {
            spans.push(Span::styled(format!("  {msg}"), t.title()));
        } else {
            let context = app.context();
            let hints: Vec<(String, &str)> = if context == Context::Main {
                MAIN_HINTS
                    .iter()
                    .filter_map(|a| {
                        let b = app.keymap.context(context).find(|b| b.action == *a)?;
                        Some((b.keys.first()?.label(), b.hint))
                    })
                    .collect()
            } else {
                // Every key of the view but the obvious way back and the page moves.
                app.keymap
                    .context(context)
                    .filter(|b| {
                        !matches!(
                            b.action,
                            Action::ListUp
                                | Action::ListPageUp
                                | Action::ListPageDown
                                | Action::PrevField
                        )
                    })
                    .filter_map(|b| Some((b.keys.first()?.label(), b.hint)))
                    .collect()
            };
            for (key, label) in hints {
                let hint_width = key.chars().count() + label.chars().count() + 3;
                if used + hint_width > width {
                    break;
                }
                spans.push(Span::raw("  "));
                spans.push(Span::styled(key, t.key()));
                spans.push(Span::raw(format!(" {label}")));
                used += hint_width;
            }
        }
        Line::from(spans).render(area, buf);
    }
}

/// A path with the home folder written as `~`, as people read it.
fn home_relative(path: &std::path::Path) -> String {
    if let Some(home) = directories::BaseDirs::new().map(|b| b.home_dir().to_owned())
        && let Ok(rest) = path.strip_prefix(&home)
    {
        return format!("~/{}", rest.display());
    }
    path.display().to_string()
}
