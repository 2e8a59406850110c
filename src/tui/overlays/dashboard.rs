//! The summary dashboard (`s`): coverage per theme, each area's mean per group and agreed as
//! bars, and the statements the groups disagree on most, where Enter jumps to the statement.
//! Every figure comes from `session::summary`.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph};
use unicode_width::UnicodeWidthStr;

use super::{Reaction, popup_block};
use crate::framework::{NodeIx, NodeKind};
use crate::session::Column;
use crate::session::summary::{self, Disagreement, NodeFigures, format_mean, format_score};
use crate::text::shorten;
use crate::tui::action::Action;
use crate::tui::keymap::Context;
use crate::tui::view::View;
use crate::tui::view::ViewContext;
use crate::tui::view::{Opened, Registered};

const EIGHTHS: [&str; 8] = ["▏", "▎", "▍", "▌", "▋", "▊", "▉", "█"];

/// What the summary does.
pub(super) const ACTIONS: &[Action] = &[
    Action::ListUp,
    Action::ListDown,
    Action::Choose,
    Action::Close,
];

/// The summary, with its figures worked out when it opened: the screen redraws on every key,
/// and at 25,000 statements the figures take longer than a frame.
pub struct DashboardOverlay {
    cursor: usize,
    figures: Vec<(NodeIx, NodeFigures)>,
    disagreements: Vec<Disagreement>,
    orphans: Vec<String>,
}

/// The summary.
pub(super) const VIEW: Registered = Registered {
    name: "dashboard",
    opens_on: &[Action::Summary],
    keys: &[(Context::Summary, ACTIONS)],
    open: |cx, _| Opened::new(DashboardOverlay::open(cx)),
    restore: crate::tui::view::no_draft,
};

impl View for DashboardOverlay {
    fn context(&self) -> Context {
        Context::Summary
    }

    fn react(&mut self, cx: &ViewContext<'_>, action: &Action) -> Reaction {
        DashboardOverlay::react(self, cx, action)
    }

    fn render(&self, cx: &ViewContext<'_>, frame: &mut Frame) {
        DashboardOverlay::render(self, cx, frame);
    }
}

impl DashboardOverlay {
    pub fn open(app: &ViewContext<'_>) -> Self {
        let fw = &app.framework;
        let mut wanted: Vec<NodeIx> = fw.roots().collect();
        wanted.extend(summary::scoring_areas(fw));
        wanted.sort_unstable();
        wanted.dedup();
        let disagreements = summary::disagreements(fw, app.session, app.session.room.spread());
        DashboardOverlay {
            // Back where it was, so the room walks the list across several openings.
            cursor: app
                .summary_cursor
                .min(disagreements.len().saturating_sub(1)),
            figures: wanted
                .into_iter()
                .map(|ix| (ix, summary::figures(fw, app.session, ix)))
                .collect(),
            disagreements,
            orphans: summary::orphans(fw, app.session)
                .into_iter()
                .map(str::to_owned)
                .collect(),
        }
    }

    fn figures_of(&self, ix: NodeIx) -> Option<&NodeFigures> {
        self.figures
            .binary_search_by_key(&ix, |(i, _)| *i)
            .ok()
            .map(|i| &self.figures[i].1)
    }

    pub fn react(&mut self, _app: &ViewContext<'_>, action: &Action) -> Reaction {
        let list = &self.disagreements;
        match action {
            Action::Close => return Reaction::close_then(vec![Action::SummaryAt(self.cursor)]),
            Action::ListDown => self.cursor = (self.cursor + 1).min(list.len().saturating_sub(1)),
            Action::ListUp => self.cursor = self.cursor.saturating_sub(1),
            Action::Choose => {
                if let Some(d) = list.get(self.cursor) {
                    return Reaction::close_then(vec![
                        Action::Select(d.node),
                        Action::SummaryAt(self.cursor),
                    ]);
                }
            }
            _ => {}
        }
        Reaction::stay()
    }

    pub fn render(&self, app: &ViewContext<'_>, frame: &mut Frame) {
        let area = frame.area();
        frame.render_widget(Clear, area);
        let hint = app.keymap.hints(
            Context::Summary,
            &[Action::ListDown, Action::Choose, Action::Close],
        );
        let block = popup_block(app, "Summary", &hint);
        let inner = block.inner(area);
        frame.render_widget(block, area);
        let coverage = self.coverage_lines(app, inner.width);
        let mut chart = self.chart_lines(app, inner.width);
        if let Some(agenda) = &app.session.agenda {
            // Planned against spent, per area, when the day has a plan.
            let parts: Vec<String> = agenda
                .slots(app.framework)
                .iter()
                .map(|s| {
                    let spent = agenda.spent.get(&s.id).copied().unwrap_or(0) / 60;
                    format!("{} {}/{}", s.id, spent, s.minutes)
                })
                .collect();
            chart.push(Line::default());
            chart.push(Line::from(vec![
                Span::styled("Minutes spent/planned: ", app.theme.title()),
                Span::raw(parts.join(" · ")),
            ]));
        }
        chart.extend(findings_lines(app, inner.width));
        let orphans = &self.orphans;
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

    fn render_list(&self, app: &ViewContext<'_>, frame: &mut Frame, area: Rect) {
        let t = app.theme;
        let list = &self.disagreements;
        let block = Block::new()
            .borders(ratatui::widgets::Borders::TOP)
            .border_style(t.border())
            .title(Line::styled(
                " Where the groups disagree (widest spread first) ",
                t.title(),
            ));
        let inner = block.inner(area);
        frame.render_widget(block, area);
        // The session's spread, as `d`, the grid and the report use it.
        let spread_at = app.session.room.spread();
        if list.is_empty() {
            frame.render_widget(
                Paragraph::new(Line::styled(
                    format!("No statement has groups {spread_at} or more levels apart."),
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
            let spread_style = if d.spread >= spread_at {
                t.warn()
            } else {
                t.title()
            };
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

impl DashboardOverlay {
    /// "1 Achievements…  ██████░░░░ 8/11" for each theme, as many to a line as fit.
    fn coverage_lines(&self, app: &ViewContext<'_>, width: u16) -> Vec<Line<'static>> {
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
                let Some(f) = self.figures_of(ix) else {
                    continue;
                };
                let name = shorten(&format!("{} {}", fw.node(ix).id, fw.node(ix).title), 16);
                spans.push(Span::raw(format!("{name:<17}")));
                spans.push(Span::styled(bar(f.covered, f.total, 10), t.ok()));
                spans.push(Span::raw(format!(" {:>3}/{:<4} ", f.covered, f.total)));
            }
            lines.push(Line::from(spans));
        }
        lines
    }
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

impl DashboardOverlay {
    /// Each area's mean per column, as a bar on the scale, with the figure beside it.
    fn chart_lines(&self, app: &ViewContext<'_>, width: u16) -> Vec<Line<'static>> {
        let t = app.theme;
        let fw = &app.framework;
        let columns = app.columns();
        let max_level = fw.scale.levels.iter().map(|l| l.value).max().unwrap_or(4);
        let label_width = 22usize;
        let per_column =
            (usize::from(width).saturating_sub(label_width) / columns.len()).clamp(6, 16);
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
            let Some(f) = self.figures_of(ix) else {
                continue;
            };
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
}

/// The areas and headings the review has written findings on, with the judgement given, so
/// the summary shows them without opening each: "Findings: 2.1 judged 2 · 2.3 · 4.1 judged 3".
fn findings_lines(app: &ViewContext<'_>, width: u16) -> Vec<Line<'static>> {
    let fw = app.framework;
    let parts: Vec<String> = fw
        .nodes()
        .iter()
        .filter_map(|n| {
            let f = app.session.findings(Some(&n.id));
            if f.is_empty() {
                return None;
            }
            Some(match f.judgement {
                Some(v) => format!("{} judged {v}", n.id),
                None => n.id.clone(),
            })
        })
        .collect();
    if parts.is_empty() {
        return Vec::new();
    }
    let text = format!("Findings: {}", parts.join(" · "));
    let mut lines = vec![Line::default()];
    lines.extend(
        crate::text::wrap(&text, usize::from(width).max(20))
            .into_iter()
            .enumerate()
            .map(|(i, l)| {
                if i == 0 {
                    let rest = l.strip_prefix("Findings: ").unwrap_or(&l).to_owned();
                    Line::from(vec![
                        Span::styled("Findings: ", app.theme.title()),
                        Span::raw(rest),
                    ])
                } else {
                    Line::raw(l)
                }
            }),
    );
    lines
}
