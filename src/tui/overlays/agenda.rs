//! The day's plan (`t`): the working time shared among the areas, each area's slot on the
//! clock and the time spent in it; the day, the breaks and any area's minutes can be changed
//! here. Every change is one undoable edit of the session.

mod draw;

use ratatui::Frame;

use super::Reaction;
use super::form::{self, Fields, Step};
use super::plan_form::{self, saved_text};
use crate::session::Edit;
use crate::session::agenda::{Agenda, PlanField as Field};
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
}
