//! The help overlay: every key of every context, generated from the keymap in effect.

use ratatui::Frame;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Paragraph};

use super::{Reaction, popup_block};
use crate::tui::action::Action;
use crate::tui::app::App;
use crate::tui::keymap::{Binding, Context};
use crate::tui::layout::centred;

/// What help does.
#[cfg(test)]
pub const ACTIONS: &[Action] = &[
    Action::ListUp,
    Action::ListDown,
    Action::ListPageUp,
    Action::ListPageDown,
    Action::Close,
];

#[derive(Debug, Default)]
pub struct HelpOverlay {
    scroll: u16,
}

impl HelpOverlay {
    pub fn react(&mut self, action: &Action) -> Reaction {
        match action {
            Action::Close => return Reaction::close(),
            Action::ListDown => self.scroll = self.scroll.saturating_add(1),
            Action::ListUp => self.scroll = self.scroll.saturating_sub(1),
            Action::ListPageDown => self.scroll = self.scroll.saturating_add(10),
            Action::ListPageUp => self.scroll = self.scroll.saturating_sub(10),
            _ => {}
        }
        Reaction::stay()
    }

    pub fn render(&self, app: &App, frame: &mut Frame) {
        let lines = help_lines(app);
        let area = centred(
            frame.area(),
            84,
            u16::try_from(lines.len() + 2).unwrap_or(u16::MAX),
        );
        frame.render_widget(Clear, area);
        let max_scroll = u16::try_from(lines.len())
            .unwrap_or(0)
            .saturating_sub(area.height.saturating_sub(2));
        let hint = app.keymap.hints(
            Context::Help,
            &[Action::ListDown, Action::ListPageDown, Action::Close],
        );
        let para = Paragraph::new(lines)
            .block(popup_block(app, "Keys", &hint))
            .scroll((self.scroll.min(max_scroll), 0));
        frame.render_widget(para, area);
    }
}

/// Whether help lists a binding: a score key only for a level the scale has.
fn listed(app: &App, b: &Binding) -> bool {
    match b.action {
        Action::Score(v) => app.framework.scale.level(v).is_some(),
        _ => true,
    }
}

/// One line per binding, under a heading per context; score keys as one line with the levels.
pub fn help_lines(app: &App) -> Vec<Line<'static>> {
    let t = app.theme;
    let mut lines = Vec::new();
    for context in Context::ALL {
        if !lines.is_empty() {
            lines.push(Line::default());
        }
        lines.push(Line::styled(context.title(), t.title()));
        if context.takes_text() {
            lines.push(Line::styled("  other keys type into the text", t.dim()));
        }
        let mut scores: Vec<String> = Vec::new();
        for b in app.keymap.context(context).filter(|b| listed(app, b)) {
            let keys: Vec<String> = b.keys.iter().map(|k| k.label()).collect();
            if let Action::Score(v) = b.action {
                let meaning = app
                    .framework
                    .scale
                    .level(v)
                    .map(|l| l.label.clone())
                    .unwrap_or_default();
                scores.push(format!("{} {meaning}", keys.join("/")));
                continue;
            }
            if !scores.is_empty() {
                lines.push(score_line(app, &std::mem::take(&mut scores)));
            }
            lines.push(Line::from(vec![
                Span::styled(format!("  {:<24}", keys.join(" ")), t.key()),
                Span::raw(b.help),
            ]));
        }
        if !scores.is_empty() {
            lines.push(score_line(app, &scores));
        }
    }
    lines.push(Line::default());
    lines.push(Line::styled("Mouse", t.title()));
    lines.push(Line::raw(
        "  click a row to select it (again to open it); the wheel scrolls",
    ));
    lines
}

fn score_line(app: &App, scores: &[String]) -> Line<'static> {
    Line::from(vec![
        Span::styled(format!("  {:<24}", "score"), app.theme.key()),
        Span::raw(scores.join(" · ")),
    ])
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tui::overlays::reachable;

    #[test]
    fn every_action_of_every_view_has_a_key_and_is_in_help() {
        let fw = crate::framework::resolve(None).unwrap();
        let session = crate::session::Session::new(&fw, vec!["Red".into()], "2026-11-24".into());
        let app = App::new(fw, session, std::path::PathBuf::from("s.ron"));
        let help: String = help_lines(&app)
            .iter()
            .map(ToString::to_string)
            .collect::<Vec<_>>()
            .join("\n");
        for context in Context::ALL {
            for action in reachable(context) {
                let binding = app
                    .keymap
                    .context(context)
                    .find(|b| b.action == *action)
                    .unwrap_or_else(|| panic!("{action:?} has no key in {}", context.name()));
                let shown = if matches!(action, Action::Score(_)) {
                    "1 Underdeveloped"
                } else {
                    binding.help
                };
                assert!(
                    help.contains(shown),
                    "{action:?} ({}) is not in help",
                    context.name()
                );
            }
        }
        // Only the levels the scale has.
        assert!(!help.contains("5 "), "{help}");
    }
}
