//! The bottom line: the file, whether it is saved, a message, and key hints from the keymap.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

use crate::tui::action::Action;
use crate::tui::app::{App, SaveState};
use crate::tui::keymap::key_for;

pub struct StatusBar<'a> {
    pub app: &'a App,
}

/// The hints shown when there is room, most useful first.
const HINTS: &[(Action, &str)] = &[
    (Action::Help, "help"),
    (Action::Search, "search"),
    (Action::NextColumn, "column"),
    (Action::EditNotes, "notes"),
    (Action::NextUnscored, "next unscored"),
    (Action::Undo, "undo"),
    (Action::Quit, "quit"),
];

impl Widget for StatusBar<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let app = self.app;
        let t = app.theme;
        let (state, state_style) = match &app.save_state {
            SaveState::Saved => ("saved".to_owned(), t.ok()),
            SaveState::Unsaved => ("saving…".to_owned(), t.dim()),
            SaveState::Failed(why) => (format!("NOT SAVED: {why}"), t.warn()),
        };
        let file = home_relative(&app.path);
        let mut spans = vec![
            Span::styled(format!(" {file} "), t.dim()),
            Span::styled(format!("[{state}]"), state_style),
        ];
        let mut used: usize = spans.iter().map(Span::width).sum();
        let width = usize::from(area.width);
        if let Some(msg) = &app.message {
            spans.push(Span::styled(format!("  {msg}"), t.title()));
        } else {
            for (action, label) in HINTS {
                let Some(key) = key_for(*action) else {
                    continue;
                };
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
