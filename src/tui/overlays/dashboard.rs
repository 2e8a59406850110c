//! The summary dashboard (`s`): coverage per theme, each area's mean per group and agreed as
//! bars, and the statements the groups disagree on most, where Enter jumps to the statement.
//! Every figure comes from `session::summary`.

use ratatui::Frame;
use ratatui::crossterm::event::{KeyCode, KeyEvent};
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph};
use unicode_width::UnicodeWidthStr;

use super::{Outcome, popup_block};
use crate::framework::NodeKind;
use crate::session::Column;
use crate::session::summary::{self, format_mean, format_score};
use crate::text::shorten;
use crate::tui::app::App;
use crate::tui::update::Effect;

/// Spread from which a statement is listed as a disagreement.
const LIST_SPREAD: u8 = 1;
const EIGHTHS: [&str; 8] = ["▏", "▎", "▍", "▌", "▋", "▊", "▉", "█"];

#[derive(Debug, Default)]
pub struct DashboardOverlay {
    cursor: usize,
}

impl DashboardOverlay {
    pub fn handle(&mut self, app: &mut App, key: KeyEvent) -> (Outcome, Option<Effect>) {
        let list = summary::disagreements(&app.framework, &app.session, LIST_SPREAD);
        match key.code {
            KeyCode::Esc | KeyCode::Char('s' | 'q') => return (Outcome::Close, None),
            KeyCode::Down | KeyCode::Char('j') => {
                self.cursor = (self.cursor + 1).min(list.len().saturating_sub(1));
            }
            KeyCode::Up | KeyCode::Char('k') => self.cursor = self.cursor.saturating_sub(1),
            KeyCode::Enter => {
                if let Some(d) = list.get(self.cursor) {
                    app.reveal(d.node);
                    app.select(d.node);
                    return (Outcome::Close, None);
                }
            }
            _ => {}
        }
        (Outcome::Stay, None)
    }

    pub fn render(&self, app: &App, frame: &mut Frame) {
        let area = frame.area();
        frame.render_widget(Clear, area);
        let block = popup_block(
            app,
            "Summary",
            "↑↓ choose · Enter go to statement · Esc back",
        );
        let inner = block.inner(area);
        frame.render_widget(block, area);
        let coverage = coverage_lines(app, inner.width);
        let chart = chart_lines(app, inner.width);
        let orphans = summary::orphans(&app.framework, &app.session);
        let [cov_area, chart_area, list_area, orphan_area] = Layout::vertical([
            Constraint::Length(u16::try_from(coverage.len()).unwrap_or(0)),
            Constraint::Length(u16::try_from(chart.len() + 1).unwrap_or(0)),
            Constraint::Min(4),
            Constraint::Length(u16::from(!orphans.is_empty())),
        ])
        .areas(inner);
        frame.render_widget(Paragraph::new(coverage), cov_area);
        frame.render_widget(Paragraph::new(chart), chart_area);
        self.render_list(app, frame, list_area);
        if !orphans.is_empty() {
            let line = Line::from(vec![
                Span::styled(
                    "Kept for ids no longer in the framework: ",
                    app.theme.warn(),
                ),
                Span::raw(orphans.join(", ")),
            ]);
            frame.render_widget(Paragraph::new(line), orphan_area);
        }
    }

    fn render_list(&self, app: &App, frame: &mut Frame, area: Rect) {
        let t = app.theme;
        let list = summary::disagreements(&app.framework, &app.session, LIST_SPREAD);
        let block = Block::new()
            .borders(ratatui::widgets::Borders::TOP)
            .border_style(t.border())
            .title(Line::styled(
                " Where the groups disagree (widest spread first) ",
                t.title(),
            ));
        let inner = block.inner(area);
        frame.render_widget(block, area);
        if list.is_empty() {
            frame.render_widget(
                Paragraph::new(Line::styled(
                    "No statement has group scores that differ yet.",
                    t.dim(),
                )),
                inner,
            );
            return;
        }
        let visible = usize::from(inner.height);
        let first = self.cursor.saturating_sub(visible.saturating_sub(1));
        let width = usize::from(inner.width);
        let mut lines = Vec::new();
        for (i, d) in list.iter().enumerate().skip(first).take(visible) {
            let node = app.framework.node(d.node);
            let scores: Vec<String> = app
                .columns()
                .into_iter()
                .map(|c| {
                    let initial: String = app.column_name(c).chars().take(1).collect();
                    let v = format_score(app.session.score(&node.id, c));
                    format!("{initial}{}", if v.is_empty() { "·".to_owned() } else { v })
                })
                .collect();
            let scores = scores.join(" ");
            let head = format!("{:>2}  {:<10} ", d.spread, node.id);
            let room = width.saturating_sub(head.width() + scores.width() + 2);
            let base = if i == self.cursor {
                t.selected()
            } else {
                Style::default()
            };
            let spread_style = if d.spread >= 2 { t.warn() } else { t.title() };
            let text = shorten(&node.text, room);
            let pad = room.saturating_sub(text.width());
            lines.push(Line::from(vec![
                Span::styled(head, base.patch(spread_style)),
                Span::styled(text, base),
                Span::styled(" ".repeat(pad + 2), base),
                Span::styled(scores, base.patch(t.key())),
            ]));
        }
        frame.render_widget(Paragraph::new(lines), inner);
    }
}

/// "1 Achievements…  ██████░░░░ 8/11" for each theme, as many to a line as fit.
fn coverage_lines(app: &App, width: u16) -> Vec<Line<'static>> {
    let t = app.theme;
    let fw = &app.framework;
    let cell = 38usize;
    let per_line = (usize::from(width) / cell).max(1);
    let mut lines = vec![Line::styled(
        "Coverage: statements with any score",
        t.title(),
    )];
    let themes: Vec<usize> = fw.roots().collect();
    for chunk in themes.chunks(per_line) {
        let mut spans = Vec::new();
        for &ix in chunk {
            let f = summary::figures(fw, &app.session, ix);
            let name = shorten(&format!("{} {}", fw.node(ix).id, fw.node(ix).title), 16);
            spans.push(Span::raw(format!("{name:<17}")));
            spans.push(Span::styled(bar(f.covered, f.total, 10), t.ok()));
            spans.push(Span::raw(format!(" {:>3}/{:<4} ", f.covered, f.total)));
        }
        lines.push(Line::from(spans));
    }
    lines
}

/// A bar of `width` cells filled in proportion, with eighth blocks for the remainder.
fn bar(part: usize, whole: usize, width: usize) -> String {
    if whole == 0 {
        return " ".repeat(width);
    }
    let eighths = part * width * 8 / whole;
    let full = eighths / 8;
    let rest = eighths % 8;
    let mut s = "█".repeat(full);
    if rest > 0 && full < width {
        s.push_str(EIGHTHS[rest - 1]);
    }
    let used = full + usize::from(rest > 0 && full < width);
    s.push_str(&"░".repeat(width.saturating_sub(used)));
    s
}

/// Each area's mean per column, as a bar on the scale, with the figure beside it.
fn chart_lines(app: &App, width: u16) -> Vec<Line<'static>> {
    let t = app.theme;
    let fw = &app.framework;
    let columns = app.columns();
    let max_level = fw.scale.levels.iter().map(|l| l.value).max().unwrap_or(4);
    let label_width = 22usize;
    let per_column = (usize::from(width).saturating_sub(label_width) / columns.len()).clamp(6, 16);
    let bar_width = per_column - 5;
    let mut header = vec![Span::styled(
        format!("{:<label_width$}", "Mean score by area"),
        t.title(),
    )];
    for &c in &columns {
        let name = shorten(app.column_name(c), per_column - 1);
        header.push(Span::styled(
            format!("{name:<per_column$}"),
            if c == Column::Agreed {
                t.title()
            } else {
                t.key()
            },
        ));
    }
    let mut lines = vec![Line::from(header)];
    for ix in summary::scoring_areas(fw) {
        let node = fw.node(ix);
        let f = summary::figures(fw, &app.session, ix);
        let indent = if node.kind == NodeKind::Theme {
            ""
        } else {
            " "
        };
        let label = shorten(
            &format!("{indent}{} {}", node.id, node.title),
            label_width - 1,
        );
        let mut spans = vec![Span::raw(format!("{label:<label_width$}"))];
        for (i, &c) in columns.iter().enumerate() {
            let mean = match c {
                Column::Group(_) => f.groups[i].mean(),
                Column::Agreed => f.agreed.mean(),
            };
            #[allow(
                clippy::cast_possible_truncation,
                clippy::cast_sign_loss,
                clippy::cast_precision_loss
            )]
            let filled = mean.map_or(0, |m| {
                (m * 8.0 * bar_width as f64 / f64::from(max_level)).round() as usize
            });
            let bar = bar(filled, 8 * bar_width, bar_width).replace('░', " ");
            let style = if c == Column::Agreed {
                t.title()
            } else {
                t.ok()
            };
            spans.push(Span::styled(bar, style));
            spans.push(Span::raw(format!(" {:<4}", format_mean(mean))));
        }
        lines.push(Line::from(spans));
    }
    lines
}
