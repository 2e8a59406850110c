//! The help overlay: every key of every context, generated from the keymap in effect, in
//! the order the views are registered.

use ratatui::Frame;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Paragraph};

use super::{Reaction, popup_block};
use crate::tui::action::Action;
use crate::tui::keymap::{Binding, Context};
use crate::tui::layout::centred;
use crate::tui::view::View;
use crate::tui::view::ViewContext;
use crate::tui::view::{Opened, Registered};

/// What help does.
pub(super) const ACTIONS: &[Action] = &[
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

/// Every key of every context.
pub(super) const VIEW: Registered = Registered {
    name: "help",
    opens_on: &[Action::Help],
    keys: &[(Context::Help, ACTIONS)],
    open: |_, _| Opened::new(HelpOverlay::default()),
    restore: crate::tui::view::no_draft,
};

impl View for HelpOverlay {
    fn context(&self) -> Context {
        Context::Help
    }

    fn react(&mut self, _cx: &ViewContext<'_>, action: &Action) -> Reaction {
        HelpOverlay::react(self, action)
    }

    fn render(&self, cx: &ViewContext<'_>, frame: &mut Frame) {
        HelpOverlay::render(self, cx, frame);
    }
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

    pub fn render(&self, app: &ViewContext<'_>, frame: &mut Frame) {
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
        // A line wider than the box is shortened with a marker, not cut mid-word.
        let room = usize::from(area.width.saturating_sub(2));
        let lines: Vec<Line<'static>> = lines
            .into_iter()
            .map(|l| super::fit_line(l, room))
            .collect();
        let para = Paragraph::new(lines)
            .block(popup_block(app, "Keys", &hint))
            .scroll((self.scroll.min(max_scroll), 0));
        frame.render_widget(para, area);
    }
}

/// Whether help lists a binding: a score key only for a level the scale has.
fn listed(app: &ViewContext<'_>, b: &Binding) -> bool {
    match b.action {
        Action::Score(v) => app.framework.scale.level(v).is_some(),
        _ => true,
    }
}

/// One line per binding, under a heading per context; score keys as one line with the levels.
pub(crate) fn help_lines(app: &ViewContext<'_>) -> Vec<Line<'static>> {
    let t = app.theme;
    let mut lines = Vec::new();
    for context in crate::tui::view::help_contexts(app.views) {
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

fn score_line(app: &ViewContext<'_>, scores: &[String]) -> Line<'static> {
    Line::from(vec![
        Span::styled(format!("  {:<24}", "score"), app.theme.key()),
        Span::raw(scores.join(" · ")),
    ])
}
