//! The top line: the session's title and organisation, and the framework; with a plan for the
//! day, the clock and the pacing instead ("14:05 · 2.3 · 6 min left · 12 min behind").

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

use crate::tui::app::App;

pub struct Header<'a> {
    pub app: &'a App,
}

impl Widget for Header<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let app = self.app;
        let t = app.theme;
        let s = &app.session;
        let title = if s.title.is_empty() {
            "Untitled session"
        } else {
            &s.title
        };
        let mut spans = vec![Span::styled(format!(" {title}"), t.header())];
        if !s.organisation.is_empty() {
            spans.push(Span::styled(format!(" · {}", s.organisation), t.title()));
        }
        let right = match (&s.agenda, app.now) {
            (Some(agenda), Some(now)) => {
                let area = crate::session::agenda::area_of(&app.framework, app.selected());
                let pacing = app.pace.pacing(agenda, &app.framework, s, now, area);
                format!(
                    "{} · {} ",
                    crate::session::agenda::format_time(now),
                    crate::session::agenda::describe(&pacing)
                )
            }
            _ => format!("{} · {} ", app.framework.title, s.date),
        };
        let width = usize::from(area.width);
        let mut used: usize = spans.iter().map(Span::width).sum();
        // The clock and the pace matter more than the organisation's name: it goes first,
        // then the title is cut (with a marker) to make room.
        let clock = s.agenda.is_some() && app.now.is_some();
        if clock && used + right.chars().count() >= width && spans.len() > 1 {
            spans.truncate(1);
            used = spans[0].width();
        }
        if clock && used + right.chars().count() >= width {
            let room = width.saturating_sub(right.chars().count() + 2);
            spans[0] = Span::styled(
                format!(" {}", crate::text::shorten(title, room.saturating_sub(1))),
                t.header(),
            );
            used = spans[0].width();
        }
        let gap = width.saturating_sub(used + right.chars().count());
        if gap > 0 {
            spans.push(Span::raw(" ".repeat(gap)));
            // The clock and the pace are for the facilitator to read at a glance: never dim.
            spans.push(Span::styled(right, t.title()));
        }
        Line::from(spans).render(area, buf);
    }
}
