//! Drawing the day's plan: the day and where it stands by the clock, each area's row with its
//! slot and the time spent, the breaks among them, and the line under them.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Paragraph};

use super::AgendaOverlay;
use crate::session::agenda::{Agenda, PlanField as Field, format_time};
use crate::tui::action::Action;
use crate::tui::keymap::Context;
use crate::tui::overlays::form::EscGuard;
use crate::tui::overlays::popup_block;
use crate::tui::view::ViewContext;

impl AgendaOverlay {
    #[allow(clippy::too_many_lines)] // one view, drawn top to bottom
    pub fn render(&self, app: &ViewContext<'_>, frame: &mut Frame) {
        let area =
            crate::tui::layout::centred(frame.area(), 96, frame.area().height.saturating_sub(2));
        frame.render_widget(Clear, area);
        let hint = if self.editing.is_some() {
            app.keymap
                .hints(Context::Form, &[Action::Submit, Action::Close])
        } else {
            app.keymap.hints(
                Context::Agenda,
                &[
                    Action::MoreTime,
                    Action::LessTime,
                    Action::ResetTime,
                    Action::ToggleToday,
                    Action::EditItem,
                    Action::EditBreaks,
                    Action::Close,
                ],
            )
        };
        let block = popup_block(app, "The day's plan", &hint);
        let inner = block.inner(area);
        frame.render_widget(block, area);
        let t = app.theme;
        let [top, list, foot] = Layout::vertical([
            Constraint::Length(2),
            Constraint::Fill(1),
            Constraint::Length(2),
        ])
        .areas(inner);
        if let Some((which, editor)) = &self.editing {
            let label = match which {
                Field::Day => "The day (start-end):  ",
                Field::Breaks => "Breaks (comma-separated):  ",
            };
            let [l, f] = Layout::horizontal([
                Constraint::Length(u16::try_from(label.len()).unwrap_or(20)),
                Constraint::Fill(1),
            ])
            .areas(top);
            frame.render_widget(Span::styled(label, t.title()), l);
            if let Some(field) = editor.field(0) {
                frame.render_widget(field, f);
            }
        }
        let Some(agenda) = &app.session.agenda else {
            frame.render_widget(
                // Wrapped: the sentence is longer than a narrow window is wide.
                Paragraph::new("No plan yet: give the day's start and end; awayday shares the time among the areas by their statements.")
                    .wrap(ratatui::widgets::Wrap { trim: true }),
                list,
            );
            self.render_foot(app, frame, foot);
            return;
        };
        if self.editing.is_none() {
            frame.render_widget(Paragraph::new(Self::day_lines(app, agenda)), top);
        }
        // The area's name gives way to the figures in a narrow window (cut with a marker).
        let lw = usize::from(list.width).saturating_sub(38).clamp(16, 44);
        let mut lines = vec![Line::styled(
            format!(
                "{:<lw$} {:>5} {:>13} {:>8} {:>8}",
                "area", "stmts", "on the clock", "planned", "spent"
            ),
            t.title(),
        )];
        let slots = agenda.slots(app.framework);
        // Breaks are rows of the day, where they fall among the areas.
        let mut breaks = agenda.breaks.iter().peekable();
        let mut cursor_line = 0;
        for (i, s) in slots.iter().enumerate() {
            while let Some(&&(a, z)) = breaks.peek() {
                if s.from < a && s.to <= a {
                    break;
                }
                lines.push(Self::break_row(a, z, lw));
                breaks.next();
            }
            if i == self.cursor {
                cursor_line = lines.len();
            }
            let node = app.framework.node(s.area);
            let spent = agenda.spent.get(&s.id).copied().unwrap_or(0) / 60;
            let set = if agenda.minutes.contains_key(&s.id) {
                "*"
            } else {
                " "
            };
            let label = crate::text::shorten(&format!("{} {}", s.id, node.title), lw);
            let style = if i == self.cursor && self.editing.is_none() {
                t.selected()
            } else {
                Style::default()
            };
            if !s.today {
                lines.push(Line::styled(
                    format!(
                        "{label:<lw$} {:>5} {:>13} {:>8} {:>6} m",
                        s.statements, "not today", "", spent
                    ),
                    if i == self.cursor && self.editing.is_none() {
                        style
                    } else {
                        t.dim()
                    },
                ));
                continue;
            }
            lines.push(Line::styled(
                format!(
                    "{label:<lw$} {:>5} {:>13} {:>6}{set} {:>6} m",
                    s.statements,
                    format!("{}-{}", format_time(s.from), format_time(s.to)),
                    format!("{} m", s.minutes),
                    spent
                ),
                style,
            ));
        }
        for &(a, z) in breaks {
            lines.push(Self::break_row(a, z, lw));
        }
        // Scrolled so the chosen area's line (after the column names) is in view.
        let skip = (cursor_line + 1).saturating_sub(usize::from(list.height));
        let mut rows = lines.into_iter();
        let shown: Vec<Line> = rows.next().into_iter().chain(rows.skip(skip)).collect();
        frame.render_widget(Paragraph::new(shown), list);
        self.render_foot(app, frame, foot);
    }

    /// A break, as a row among the areas.
    fn break_row(from: u16, to: u16, lw: usize) -> Line<'static> {
        Line::raw(format!(
            "{:<lw$} {:>5} {:>13} {:>8}",
            "— break —",
            "",
            format!("{}-{}", format_time(from), format_time(to)),
            format!("{} m", to - from),
        ))
    }

    /// The day's span and breaks, and where the day stands by the clock.
    fn day_lines(app: &ViewContext<'_>, agenda: &Agenda) -> Vec<Line<'static>> {
        let t = app.theme;
        let breaks: Vec<String> = agenda
            .breaks
            .iter()
            .map(|(a, z)| format!("{}-{}", format_time(*a), format_time(*z)))
            .collect();
        let mut lines = vec![Line::from(vec![
            Span::styled(
                format!("{}-{}", format_time(agenda.start), format_time(agenda.end)),
                t.title(),
            ),
            Span::raw(format!(
                "   {} working minutes   breaks: {}",
                agenda.working_minutes(),
                if breaks.is_empty() {
                    "none".to_owned()
                } else {
                    breaks.join(", ")
                }
            )),
        ])];
        if let Some(now) = app.now {
            let area = crate::session::agenda::area_of(app.framework, app.selected());
            let pacing = app
                .pace
                .pacing(agenda, app.framework, app.session, now, area);
            lines.push(Line::from(vec![
                Span::styled(format!("{}  ", format_time(now)), t.key()),
                Span::styled(crate::session::agenda::describe(&pacing), t.title()),
            ]));
        }
        lines
    }

    /// The line under the plan: the question `Esc` asks, a refusal, or what the columns mean.
    fn render_foot(&self, app: &ViewContext<'_>, frame: &mut Frame, foot: ratatui::layout::Rect) {
        let t = app.theme;
        let asked = (self.editing.as_ref().is_some_and(|(_, e)| e.asking()))
            .then(|| EscGuard::question(app));
        let warn = asked.is_some() || self.error.is_some();
        let note = asked.or_else(|| self.error.clone()).unwrap_or_else(|| {
            "* set by hand; the rest share the day by their statements; areas not today get none. Spent: time on the area with awayday open, idle gaps over 5 min left out.".into()
        });
        frame.render_widget(
            Paragraph::new(Line::styled(note, if warn { t.warn() } else { t.dim() }))
                .wrap(ratatui::widgets::Wrap { trim: true }),
            foot,
        );
    }
}
