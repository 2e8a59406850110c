//! The scale at the foot of the presenter: each level with what it means, or the labels on one
//! line when the window is short.

use ratatui::text::{Line, Span};

use crate::tui::view::ViewContext;

/// The scale: each level and what it means, wrapped, when there is room; else the labels
/// on one line.
pub(super) fn lines(app: &ViewContext<'_>, width: u16, room: bool) -> Vec<Line<'static>> {
    let t = app.theme;
    let scale = &app.framework.scale;
    if !room {
        let mut spans = Vec::new();
        for l in &scale.levels {
            spans.push(Span::styled(format!("{} ", l.value), t.key()));
            spans.push(Span::raw(format!("{}   ", l.label)));
        }
        spans.push(Span::styled("- ", t.key()));
        spans.push(Span::raw(scale.not_applicable.clone()));
        let line = Line::from(spans);
        if line.width() > usize::from(width) {
            // Too narrow for every label: cut with a marker, never silently.
            let text = line.to_string();
            let cut = crate::text::shorten(text.trim_end(), usize::from(width));
            return vec![Line::raw(cut).centered()];
        }
        return vec![line.centered()];
    }
    let mut lines = Vec::new();
    for l in &scale.levels {
        let head = format!("{} {}  ", l.value, l.label);
        let hang = head.chars().count();
        for (i, w) in crate::text::wrap(&l.meaning, usize::from(width).saturating_sub(hang))
            .into_iter()
            .enumerate()
        {
            lines.push(if i == 0 {
                Line::from(vec![Span::styled(head.clone(), t.key()), Span::raw(w)])
            } else {
                Line::raw(format!("{}{w}", " ".repeat(hang)))
            });
        }
    }
    lines
}
