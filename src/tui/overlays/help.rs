//! The help overlay: every key, generated from the keymap.

use ratatui::Frame;
use ratatui::crossterm::event::{KeyCode, KeyEvent};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Paragraph};

use super::{Outcome, popup_block};
use crate::tui::app::App;
use crate::tui::keymap::SECTIONS;
use crate::tui::layout::centred;
use crate::tui::update::Effect;

#[derive(Debug, Default)]
pub struct HelpOverlay {
    scroll: u16,
}

impl HelpOverlay {
    pub fn handle(&mut self, _app: &mut App, key: KeyEvent) -> (Outcome, Option<Effect>) {
        match key.code {
            KeyCode::Esc | KeyCode::Char('?' | 'q') | KeyCode::F(1) | KeyCode::Enter => {
                return (Outcome::Close, None);
            }
            KeyCode::Down | KeyCode::Char('j') => self.scroll = self.scroll.saturating_add(1),
            KeyCode::Up | KeyCode::Char('k') => self.scroll = self.scroll.saturating_sub(1),
            KeyCode::PageDown | KeyCode::Char(' ') => self.scroll = self.scroll.saturating_add(10),
            KeyCode::PageUp => self.scroll = self.scroll.saturating_sub(10),
            _ => {}
        }
        (Outcome::Stay, None)
    }

    pub fn render(&self, app: &App, frame: &mut Frame) {
        let lines = help_lines(app);
        let area = centred(
            frame.area(),
            76,
            u16::try_from(lines.len() + 2).unwrap_or(u16::MAX),
        );
        frame.render_widget(Clear, area);
        let max_scroll = u16::try_from(lines.len())
            .unwrap_or(0)
            .saturating_sub(area.height.saturating_sub(2));
        let para = Paragraph::new(lines)
            .block(popup_block(app, "Keys", "↑↓ scroll · Esc close"))
            .scroll((self.scroll.min(max_scroll), 0));
        frame.render_widget(para, area);
    }
}

fn help_lines(app: &App) -> Vec<Line<'static>> {
    let t = app.theme;
    let mut lines = Vec::new();
    for section in SECTIONS {
        if !lines.is_empty() {
            lines.push(Line::default());
        }
        lines.push(Line::styled(section.title, t.title()));
        for b in section.bindings {
            let keys: Vec<String> = b.keys.iter().map(|k| k.label()).collect();
            lines.push(Line::from(vec![
                Span::styled(format!("  {:<22}", keys.join(" ")), t.key()),
                Span::raw(b.help),
            ]));
        }
    }
    lines.push(Line::default());
    lines.push(Line::styled("Mouse", t.title()));
    lines.push(Line::raw(
        "  click a row to select it (again to open it); the wheel scrolls",
    ));
    lines
}
