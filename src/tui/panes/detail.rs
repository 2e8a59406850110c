//! The right side: the selected node in full (path, title, text, notes), and for a statement
//! its scores below; for a heading or element, each column's progress and mean.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph, Widget, Wrap};

use super::scores::ScoresPane;
use crate::session::summary;
use crate::tui::action::Action;
use crate::tui::app::App;
use crate::tui::keymap::Context;

pub struct DetailPane<'a> {
    pub app: &'a App,
}

/// The text pane always keeps at least this many lines when scores are shown below it.
const MIN_TEXT_HEIGHT: u16 = 5;

/// The text pane's and (for a statement) the scores pane's areas within the detail `area`.
pub fn split(app: &App, area: Rect) -> (Rect, Option<Rect>) {
    if !app.framework.node(app.selected()).is_statement() {
        return (area, None);
    }
    let wanted = ScoresPane::height(app, area.width);
    let scores_height = wanted.min(area.height.saturating_sub(MIN_TEXT_HEIGHT));
    let [text_area, scores_area] =
        Layout::vertical([Constraint::Fill(1), Constraint::Length(scores_height)]).areas(area);
    (text_area, Some(scores_area))
}

impl Widget for DetailPane<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let app = self.app;
        let (text_area, scores_area) = split(app, area);
        if let Some(scores_area) = scores_area {
            ScoresPane { app }.render(scores_area, buf);
        }
        self.render_text(text_area, buf);
    }
}

impl DetailPane<'_> {
    #[allow(clippy::too_many_lines)] // one pane, drawn top to bottom
    fn render_text(&self, area: Rect, buf: &mut Buffer) {
        let app = self.app;
        let t = app.theme;
        let ix = app.selected();
        let node = app.framework.node(ix);
        let block = Block::bordered()
            .border_style(t.border())
            .title(Line::styled(
                format!(
                    " {} ",
                    crate::text::shorten(
                        &format!("{} · {}", node.id, node.kind.label()),
                        crate::text::title_room(area.width)
                    )
                ),
                t.title(),
            ));
        let inner = block.inner(area);
        block.render(area, buf);

        let mut lines: Vec<Line> = Vec::new();
        let crumb = app.framework.breadcrumb(ix);
        if !crumb.is_empty() {
            // In a short pane the path gives way to the text being scored: one line, shortened
            // with a marker, and no blank line after it.
            let width = usize::from(inner.width).max(1);
            let wanted = crate::text::wrap(&crumb, width).len()
                + 1
                + crate::text::wrap(&node.text, width).len();
            if wanted > usize::from(inner.height) {
                lines.push(Line::styled(crate::text::shorten(&crumb, width), t.dim()));
            } else {
                lines.push(Line::styled(crumb, t.dim()));
                lines.push(Line::default());
            }
        }
        if !node.title.is_empty() {
            lines.push(Line::styled(node.title.clone(), t.header()));
        }
        for para in node.text.split('\n') {
            lines.push(Line::raw(para.to_owned()));
        }
        if !node.is_statement() {
            lines.push(Line::default());
            lines.extend(progress_lines(app));
        }
        lines.push(Line::default());
        let notes = app.session.notes(&node.id);
        lines.push(Line::styled("Notes", t.title()));
        if notes.is_empty() {
            let key = app
                .keymap
                .key_for(Context::Main, &Action::EditNotes)
                .unwrap_or_default();
            lines.push(Line::styled(
                format!("none yet: press {key} to write"),
                t.dim(),
            ));
        } else {
            for l in notes.lines() {
                lines.push(Line::raw(l.to_owned()));
            }
        }
        let actions = app.session.actions(&node.id);
        if !actions.is_empty() {
            lines.push(Line::default());
            lines.push(Line::styled("Actions", t.title()));
            for a in actions {
                lines.push(crate::tui::overlays::action_line(
                    a,
                    t,
                    ratatui::style::Style::default(),
                ));
            }
        }
        lines.extend(findings_lines(app, &node.id));
        // Say when the text runs past the pane, so nothing is missed on a small screen. Only
        // what can be on screen is wrapped: a row holds at most `width` characters, so no line
        // needs more than `shown × width` of its characters, and counting stops once the
        // pane is full. A very long note costs what the pane shows, not its length.
        let width = usize::from(inner.width).max(1);
        let shown = usize::from(app.detail_scroll) + usize::from(inner.height);
        let budget = (shown + 1).saturating_mul(width);
        let mut total = 0;
        let mut visible = Vec::new();
        for line in lines {
            if total > shown {
                break;
            }
            let text = line.to_string();
            let long = text.chars().nth(budget).is_some();
            let line = if long {
                let cut: String = text.chars().take(budget).collect();
                Line::styled(cut, line.style)
            } else {
                line
            };
            total += crate::text::wrap(&line.to_string(), width).len().max(1);
            visible.push(line);
        }
        // When the whole text was counted (it ends on screen), never scroll past its end: a
        // resize or a shorter text pulls the view back rather than showing blank space.
        let height = usize::from(inner.height);
        let scroll = if total <= shown {
            usize::from(app.detail_scroll).min(total.saturating_sub(height))
        } else {
            usize::from(app.detail_scroll)
        };
        let scroll = u16::try_from(scroll).unwrap_or(u16::MAX);
        let more_below = total > shown;
        app.detail_view.set((scroll, more_below));
        Paragraph::new(visible)
            .wrap(Wrap { trim: false })
            .scroll((scroll, 0))
            .render(inner, buf);
        if scroll > 0 && area.height > 2 {
            let key = app
                .keymap
                .key_for(Context::Main, &Action::DetailUp)
                .unwrap_or_default();
            Line::styled(format!(" more above: {key} "), t.key())
                .right_aligned()
                .render(
                    Rect::new(area.x + 1, area.y, area.width.saturating_sub(2), 1),
                    buf,
                );
        }
        if more_below && area.height > 2 {
            let key = app
                .keymap
                .key_for(Context::Main, &Action::DetailDown)
                .unwrap_or_default();
            let hint = Line::styled(format!(" more below: {key} "), t.key()).right_aligned();
            hint.render(
                Rect::new(
                    area.x + 1,
                    area.bottom() - 1,
                    area.width.saturating_sub(2),
                    1,
                ),
                buf,
            );
        }
    }
}

/// For a theme, element or heading: each column's progress and mean under it.
fn progress_lines(app: &App) -> Vec<Line<'static>> {
    let t = app.theme;
    let name_width = app
        .columns()
        .iter()
        .map(|&c| app.column_name(c).chars().count())
        .max()
        .unwrap_or(6);
    let mut lines = vec![Line::styled("Progress", t.title())];
    for column in app.columns() {
        let p = summary::progress(&app.framework, &app.session, app.selected(), column);
        let mean = summary::format_mean(p.mean());
        let marker = if column == app.column { "▶ " } else { "  " };
        lines.push(Line::from(vec![
            Span::styled(marker, t.key()),
            Span::raw(format!("{:<name_width$}  ", app.column_name(column))),
            Span::raw(format!("{:>3}/{:<3} scored", p.scored, p.total)),
            Span::styled(
                if mean.is_empty() {
                    String::new()
                } else {
                    format!("   mean {mean}")
                },
                t.title(),
            ),
        ]));
    }
    lines
}

/// The review's findings on this node (an area or heading), once written: seen where the node
/// is, not only in `F` or the report.
fn findings_lines(app: &App, id: &str) -> Vec<Line<'static>> {
    let t = app.theme;
    let f = app.session.findings(Some(id));
    if f.is_empty() {
        return Vec::new();
    }
    let mut lines = vec![Line::default(), Line::styled("Findings", t.title())];
    let mut field = |label: &str, text: String| {
        if !text.trim().is_empty() {
            lines.push(Line::from(vec![
                Span::styled(format!("{label}: "), t.title()),
                Span::raw(text),
            ]));
        }
    };
    field("Strengths", f.strengths.clone());
    field("To improve", f.improvements.clone());
    field(
        "Judgement",
        f.judgement.map_or_else(String::new, |v| {
            let label = app
                .framework
                .scale
                .level(v)
                .map_or(String::new(), |l| l.label.clone());
            format!("{v} {label}")
        }),
    );
    let recs: Vec<String> = f
        .recommendations
        .iter()
        .enumerate()
        .map(|(i, r)| format!("{}. {r}", i + 1))
        .collect();
    field("Recommendations", recs.join("; "));
    lines
}
