//! The score row of a statement: each group's score, the agreed score, the spread, and the
//! scale's levels with their meanings.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph, Widget, Wrap};

use crate::session::summary;
use crate::session::{Column, Score};
use crate::tui::app::App;

pub struct ScoresPane<'a> {
    pub app: &'a App,
}

/// Below this terminal height the scale is shown on one line, not level by level.
const FULL_SCALE_MIN_HEIGHT: u16 = 32;

/// What a click in the scores pane lands on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PaneHit {
    Column(Column),
    Score(Score),
}

impl ScoresPane<'_> {
    /// Lines the pane wants for a screen whose detail pane is `detail_height` tall.
    pub fn height(app: &App, width: u16) -> u16 {
        // Lines wrap inside the border, so count each as the rows it will take.
        let inner = usize::from(width.saturating_sub(2)).max(1);
        let scale_rows: usize = Self::scale_lines(app, width)
            .iter()
            .map(|l| l.width().div_ceil(inner).max(1))
            .sum();
        let columns = app.session.groups.len() + 1;
        u16::try_from(columns + 1 + 1 + scale_rows + 2).unwrap_or(u16::MAX)
    }

    /// What a click at (`x`, `y`) in a pane drawn in `area` lands on: a column's row (make
    /// it active) or a level of the scale (score it), laid out as `render` draws them.
    pub fn hit(app: &App, area: Rect, x: u16, y: u16) -> Option<PaneHit> {
        let inner = Rect::new(
            area.x + 1,
            area.y + 1,
            area.width.saturating_sub(2),
            area.height.saturating_sub(2),
        );
        if !inner.contains(ratatui::layout::Position::new(x, y)) {
            return None;
        }
        let row = usize::from(y - inner.y);
        let columns = app.columns();
        if let Some(&c) = columns.get(row) {
            return Some(PaneHit::Column(c));
        }
        // After the columns: the spread line and a blank line, then the scale.
        let mut at = columns.len() + 2;
        let scale = &app.framework.scale;
        if app.size.1 >= FULL_SCALE_MIN_HEIGHT {
            let text_width = usize::from(area.width.saturating_sub(4)).max(20);
            for level in &scale.levels {
                let hang = format!("{} {} ", level.value, level.label).chars().count();
                let rows =
                    crate::text::wrap(&level.meaning, text_width.saturating_sub(hang).max(10))
                        .len()
                        .max(1);
                if (at..at + rows).contains(&row) {
                    return Some(PaneHit::Score(Score::Level(level.value)));
                }
                at += rows;
            }
            return (row == at).then_some(PaneHit::Score(Score::NotApplicable));
        }
        if row != at {
            return None;
        }
        let mut left = usize::from(x - inner.x);
        for level in &scale.levels {
            let w = format!("{} {}  ", level.value, level.label).chars().count();
            if left < w {
                return Some(PaneHit::Score(Score::Level(level.value)));
            }
            left -= w;
        }
        (left < 5).then_some(PaneHit::Score(Score::NotApplicable))
    }

    fn scale_lines(app: &App, width: u16) -> Vec<Line<'static>> {
        let t = app.theme;
        let scale = &app.framework.scale;
        if app.size.1 >= FULL_SCALE_MIN_HEIGHT {
            let text_width = usize::from(width.saturating_sub(4)).max(20);
            let mut lines = Vec::new();
            for level in &scale.levels {
                let head = format!("{} {} ", level.value, level.label);
                let hang = head.chars().count();
                let wrapped =
                    crate::text::wrap(&level.meaning, text_width.saturating_sub(hang).max(10));
                for (i, w) in wrapped.into_iter().enumerate() {
                    if i == 0 {
                        lines.push(Line::from(vec![
                            Span::styled(head.clone(), t.key()),
                            Span::styled(w, t.dim()),
                        ]));
                    } else {
                        lines.push(Line::styled(format!("{}{w}", " ".repeat(hang)), t.dim()));
                    }
                }
            }
            lines.push(Line::from(vec![
                Span::styled("- ", t.key()),
                Span::styled(scale.not_applicable.clone(), t.dim()),
            ]));
            lines
        } else {
            let mut spans = Vec::new();
            for level in &scale.levels {
                spans.push(Span::styled(format!("{} ", level.value), t.key()));
                spans.push(Span::raw(format!("{}  ", level.label)));
            }
            spans.push(Span::styled("- ", t.key()));
            spans.push(Span::raw("n/a"));
            // The meaning of what the active column has given, or of nothing yet.
            let meaning = match app.session.score(app.selected_id(), app.column) {
                Some(Score::Level(v)) => scale
                    .level(v)
                    .map(|l| format!("{}: {}", l.label, l.meaning)),
                _ => None,
            };
            let mut lines = vec![Line::from(spans)];
            if let Some(m) = meaning {
                lines.push(Line::styled(m, t.dim()));
            }
            lines
        }
    }
}
/// The columns' names' width in the pane: the longest name, but a long group name is
/// shortened with a marker so each column keeps one row with its score beside it ("▶ ", two
/// gaps, the two-digit value): wrapped rows would push the scale, and the statement above,
/// off a small screen.
fn name_width(app: &App, id: &str, inner_width: u16) -> usize {
    let longest = app
        .columns()
        .iter()
        .map(|&c| app.column_name(c).chars().count())
        .max()
        .unwrap_or(6)
        .max(6);
    let label_width = app
        .columns()
        .iter()
        .map(|&c| {
            let hidden = c != Column::Agreed && app.round.hides_from_facilitator(&app.session, id);
            cell(app, app.session.score(id, c), hidden)
                .1
                .chars()
                .count()
        })
        .max()
        .unwrap_or(0);
    let room = usize::from(inner_width)
        .saturating_sub(2 + 2 + 4 + label_width)
        .max(6);
    longest.min(room)
}

/// A column's score and what it means; in room mode, when the facilitator chose to hide their
/// own grid too, only whether it was given until the reveal.
fn cell(app: &App, score: Option<Score>, hidden: bool) -> (String, String) {
    match score {
        Some(_) if hidden => ("✓".to_owned(), "scored, not yet revealed".to_owned()),
        Some(Score::Level(v)) => (
            v.to_string(),
            app.framework
                .scale
                .level(v)
                .map_or(String::new(), |l| l.label.clone()),
        ),
        Some(Score::NotApplicable) => ("–".to_owned(), app.framework.scale.not_applicable.clone()),
        None => ("·".to_owned(), "not scored".to_owned()),
    }
}

impl Widget for ScoresPane<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let app = self.app;
        let t = app.theme;
        let id = app.selected_id();
        let block = Block::bordered()
            .border_style(t.border())
            .title(Line::styled(" Scores ", t.title()));
        let inner = block.inner(area);
        block.render(area, buf);
        let name_width = name_width(app, id, inner.width);
        let mut lines = Vec::new();
        for column in app.columns() {
            let active = column == app.column;
            let score = app.session.score(id, column);
            let hidden =
                column != Column::Agreed && app.round.hides_from_facilitator(&app.session, id);
            let (value, label) = cell(app, score, hidden);
            let style = if active {
                t.active_column()
            } else {
                Style::default()
            };
            let name_style = if column == Column::Agreed {
                style.patch(t.title())
            } else {
                style
            };
            lines.push(Line::from(vec![
                Span::styled(if active { "▶ " } else { "  " }, style),
                Span::styled(
                    format!(
                        "{:<name_width$}  ",
                        crate::text::shorten(app.column_name(column), name_width)
                    ),
                    name_style,
                ),
                Span::styled(format!("{value:>2}  "), style.patch(t.title())),
                Span::styled(
                    label,
                    if score.is_none() && !active {
                        t.dim()
                    } else {
                        style
                    },
                ),
            ]));
        }
        let hidden = app.round.hides_from_facilitator(&app.session, id);
        let spread = summary::spread(&app.session, id).filter(|_| !hidden);
        let mean = if hidden {
            String::new()
        } else {
            summary::format_mean(summary::statement_mean(&app.session, id))
        };
        let spread_text = spread.map_or("–".to_owned(), |s| s.to_string());
        let wide = spread.is_some_and(|s| s >= app.session.room.spread());
        let mean = if mean.is_empty() {
            "–".to_owned()
        } else {
            mean
        };
        let full = Line::from(vec![
            Span::styled("  spread ", t.dim()),
            Span::styled(spread_text.clone(), if wide { t.warn() } else { t.title() }),
            Span::styled(if wide { "  groups disagree" } else { "" }, t.warn()),
            Span::styled("   groups' mean ", t.dim()),
            Span::styled(mean.clone(), t.title()),
        ]);
        // A narrow pane gets the short form rather than a line that wraps into what looks
        // like another score row.
        if full.width() <= usize::from(inner.width) {
            lines.push(full);
        } else {
            lines.push(Line::from(vec![
                Span::styled("  spread ", t.dim()),
                Span::styled(
                    format!("{spread_text}{}", if wide { "!" } else { "" }),
                    if wide { t.warn() } else { t.title() },
                ),
                Span::styled(" mean ", t.dim()),
                Span::styled(mean, t.title()),
            ]));
        }
        lines.push(Line::default());
        lines.extend(Self::scale_lines(app, area.width));
        Paragraph::new(lines)
            .wrap(Wrap { trim: false })
            .render(inner, buf);
    }
}
