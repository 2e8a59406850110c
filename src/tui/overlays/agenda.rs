//! The day's plan (`t`): the working time shared among the areas, each area's slot on the
//! clock and the time spent in it; the day, the breaks and any area's minutes can be changed
//! here. Every change is one undoable edit of the session.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Paragraph};

use super::form::{self, EscGuard, Fields, Step};
use super::plan_form::{self, saved_text};
use super::{Reaction, popup_block};
use crate::session::Edit;
use crate::session::agenda::{Agenda, PlanField as Field, format_time};
use crate::session::journal::Draft;
use crate::tui::action::Action;
use crate::tui::keymap::Context;
use crate::tui::view::View;
use crate::tui::view::ViewContext;
use crate::tui::view::{Opened, Registered};

/// What the plan does (for the test that each has a key and appears in help).
pub(super) const ACTIONS: &[Action] = &[
    Action::ListUp,
    Action::ListDown,
    Action::MoreTime,
    Action::LessTime,
    Action::ResetTime,
    Action::ToggleToday,
    Action::EditItem,
    Action::EditBreaks,
    Action::DeleteItem,
    Action::Close,
];

pub struct AgendaOverlay {
    cursor: usize,
    /// The line being typed (the day, or the breaks), journalled as a draft as it is typed.
    editing: Option<(Field, Fields)>,
    error: Option<String>,
}

/// The day's plan.
pub(super) const VIEW: Registered = Registered {
    name: "agenda",
    opens_on: &[Action::Agenda],
    keys: &[
        (Context::Agenda, ACTIONS),
        (Context::Form, super::form::FORM_ACTIONS),
        (Context::Confirm, super::form::CONFIRM_ACTIONS),
    ],
    open: |cx, _| Opened::new(AgendaOverlay::open(cx)),
    restore: |cx, draft| Some(Box::new(AgendaOverlay::restore(cx, draft)?)),
};

impl View for AgendaOverlay {
    fn context(&self) -> Context {
        AgendaOverlay::context(self)
    }

    fn react(&mut self, cx: &ViewContext<'_>, action: &Action) -> Reaction {
        AgendaOverlay::react(self, cx, action)
    }

    fn render(&self, cx: &ViewContext<'_>, frame: &mut Frame) {
        AgendaOverlay::render(self, cx, frame);
    }
}

impl AgendaOverlay {
    /// Opens on the area the selection is in; with no plan yet, straight into the day.
    pub fn open(app: &ViewContext<'_>) -> Self {
        let area = crate::session::agenda::area_of(app.framework, app.selected());
        let cursor = crate::session::summary::scoring_areas(app.framework)
            .iter()
            .position(|&a| Some(a) == area)
            .unwrap_or(0);
        let mut overlay = AgendaOverlay {
            cursor,
            editing: None,
            error: None,
        };
        if app.session.agenda.is_none() {
            overlay.edit(app, Field::Day);
        }
        overlay
    }

    /// Opens a line of the plan for typing, holding what it holds now.
    fn edit(&mut self, app: &ViewContext<'_>, which: Field) {
        let text = saved_text(app.session.agenda.as_ref(), which);
        self.editing = Some((which, plan_form::fields(&text)));
        self.error = None;
    }

    /// The plan with the line that was being typed when awayday was stopped (its saved text
    /// stays what `Esc` compares with, so the restored text is not lost unasked).
    pub fn restore(app: &ViewContext<'_>, draft: &Draft) -> Option<Self> {
        let Draft::Plan {
            field: which,
            value,
        } = draft
        else {
            return None;
        };
        // Breaks need a day to go in.
        if *which == Field::Breaks && app.session.agenda.is_none() {
            return None;
        }
        let mut overlay = Self::open(app);
        let saved = saved_text(app.session.agenda.as_ref(), *which);
        let typed = plan_form::restored(&saved, value);
        overlay.editing = Some((*which, typed));
        Some(overlay)
    }

    pub fn context(&self) -> Context {
        self.editing
            .as_ref()
            .map_or(Context::Agenda, |(_, editor)| editor.context())
    }

    fn change(app: &ViewContext<'_>, after: Option<Agenda>) -> Action {
        Action::Edit(Edit::Agenda {
            before: app.session.agenda.clone(),
            after,
        })
    }

    /// A field being typed: the day or the breaks.
    fn react_in_form(&mut self, app: &ViewContext<'_>, action: &Action) -> Reaction {
        let Some((which, editor)) = &mut self.editing else {
            return Reaction::stay();
        };
        match editor.react(action) {
            Step::Submit => self.submit(app),
            Step::Discard => {
                self.editing = None;
                self.error = None;
                let forget = vec![form::forget()];
                // With no plan, there is no list to go back to.
                if app.session.agenda.is_none() {
                    return Reaction::close_then(forget);
                }
                Reaction::then(forget)
            }
            Step::Typed => form::journal(plan_form::draft(*which, editor)),
            Step::Stay => Reaction::stay(),
        }
    }

    /// The line kept: the plan remade with it, keeping the minutes set by hand and the time
    /// spent.
    fn submit(&mut self, app: &ViewContext<'_>) -> Reaction {
        let Some((which, editor)) = &self.editing else {
            return Reaction::stay();
        };
        let result = plan_form::plan(app.session.agenda.as_ref(), *which, &editor.raw(0));
        match result {
            Ok(fresh) => {
                self.editing = None;
                self.error = None;
                Reaction::then(vec![form::forget(), Self::change(app, Some(fresh))])
            }
            Err(e) => {
                self.error = Some(e.to_string());
                Reaction::stay()
            }
        }
    }

    pub fn react(&mut self, app: &ViewContext<'_>, action: &Action) -> Reaction {
        if self.editing.is_some() {
            return self.react_in_form(app, action);
        }
        let Some(agenda) = app.session.agenda.clone() else {
            if *action == Action::Close {
                return Reaction::close();
            }
            self.edit(app, Field::Day);
            return Reaction::stay();
        };
        let slots = agenda.slots(app.framework);
        let chosen = slots.get(self.cursor.min(slots.len().saturating_sub(1)));
        match action {
            Action::Close => return Reaction::close(),
            Action::ListDown => self.cursor = (self.cursor + 1).min(slots.len().saturating_sub(1)),
            Action::ListUp => self.cursor = self.cursor.saturating_sub(1),
            Action::EditItem => self.edit(app, Field::Day),
            Action::EditBreaks => self.edit(app, Field::Breaks),
            Action::MoreTime | Action::LessTime | Action::ResetTime => {
                let Some(slot) = chosen else {
                    return Reaction::stay();
                };
                let mut after = agenda.clone();
                match action {
                    Action::MoreTime => {
                        after
                            .minutes
                            .insert(slot.id.clone(), slot.minutes.saturating_add(5));
                    }
                    Action::LessTime => {
                        after
                            .minutes
                            .insert(slot.id.clone(), slot.minutes.saturating_sub(5));
                    }
                    _ => {
                        after.minutes.remove(&slot.id);
                    }
                }
                // Minutes set for an area left out of today take none of the day.
                let fixed: u16 = after
                    .minutes
                    .iter()
                    .filter(|(id, _)| !after.not_today.contains(*id))
                    .map(|(_, m)| m)
                    .sum();
                if fixed > after.working_minutes() {
                    self.error = Some("The areas set by hand already fill the day.".into());
                    return Reaction::stay();
                }
                self.error = None;
                return Reaction::then(vec![Self::change(app, Some(after))]);
            }
            Action::ToggleToday => {
                let Some(slot) = chosen else {
                    return Reaction::stay();
                };
                let mut after = agenda.clone();
                if !after.not_today.remove(&slot.id) {
                    after.not_today.insert(slot.id.clone());
                }
                self.error = None;
                return Reaction::then(vec![Self::change(app, Some(after))]);
            }
            Action::DeleteItem => {
                return Reaction::close_then(vec![
                    Self::change(app, None),
                    Action::Say("The plan for the day is removed (u brings it back).".into()),
                ]);
            }
            _ => {}
        }
        Reaction::stay()
    }

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
            let pacing = agenda.pacing(app.framework, app.session, now, area);
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
