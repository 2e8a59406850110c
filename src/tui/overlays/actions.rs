//! The actions overlay: the selected node's actions (what, owner, due, open/done), added,
//! edited, ticked off and deleted here. Every change is one undoable edit.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Paragraph, Wrap};

use super::action_form::{Form, link_text};
use super::form::{self, EscGuard, Step};
use super::{Reaction, popup_block};
use crate::framework::NodeIx;
use crate::session::journal::Draft;
use crate::session::{ActionItem, ActionStatus, Edit};
use crate::tui::action::Action;
use crate::tui::keymap::Context;
use crate::tui::view::View;
use crate::tui::view::ViewContext;
use crate::tui::view::{Opened, Registered};

/// What the list does (for the test that each has a key and appears in help).
pub(super) const LIST_ACTIONS: &[Action] = &[
    Action::ListUp,
    Action::ListDown,
    Action::AddItem,
    Action::EditItem,
    Action::ToggleDone,
    Action::DeleteItem,
    Action::Close,
];

pub struct ActionsOverlay {
    node: NodeIx,
    cursor: usize,
    form: Option<Form>,
    error: Option<String>,
    /// A due date in the past that was pointed out once: `Enter` again keeps it.
    asked_past: Option<String>,
}

/// The actions of the selected node, and the form that writes one.
pub(super) const VIEW: Registered = Registered {
    name: "actions",
    opens_on: &[Action::Actions],
    keys: &[
        (Context::Form, super::form::FORM_ACTIONS),
        (Context::Confirm, super::form::CONFIRM_ACTIONS),
        (Context::Actions, LIST_ACTIONS),
    ],
    open: |cx, _| Opened::new(ActionsOverlay::open(cx)),
    restore: |cx, draft| Some(Box::new(ActionsOverlay::restore(cx, draft)?)),
};

impl View for ActionsOverlay {
    fn context(&self) -> Context {
        ActionsOverlay::context(self)
    }

    fn react(&mut self, cx: &ViewContext<'_>, action: &Action) -> Reaction {
        ActionsOverlay::react(self, cx, action)
    }

    fn render(&self, cx: &ViewContext<'_>, frame: &mut Frame) {
        ActionsOverlay::render(self, cx, frame);
    }
}

impl ActionsOverlay {
    /// Opens on the list, even an empty one: the key that adds is the one that opened it,
    /// so a second press never lands in the form as text.
    pub fn open(app: &ViewContext<'_>) -> Self {
        ActionsOverlay {
            node: app.selected(),
            cursor: 0,
            form: None,
            error: None,
            asked_past: None,
        }
    }

    /// The overlay with the form that was being typed when awayday was stopped. The action's
    /// saved values are what the form started from: a field the draft does not carry (the
    /// link, in a draft from before drafts carried it) keeps its saved value, so `Enter`
    /// clears nothing, and `Esc` asks before the restored text goes.
    pub fn restore(app: &ViewContext<'_>, draft: &Draft) -> Option<Self> {
        let Draft::Action {
            node,
            index,
            text,
            owner,
            due,
            recommendation,
            priority,
        } = draft
        else {
            return None;
        };
        let ix = app.framework.find(node)?;
        let list = app.session.actions(node);
        let index = index.filter(|&i| i < list.len());
        let saved = index.and_then(|i| list.get(i).cloned()).unwrap_or_default();
        let link = recommendation.clone().unwrap_or_else(|| link_text(&saved));
        let priority = priority.clone().unwrap_or_else(|| saved.priority.clone());
        let typed = [text.clone(), owner.clone(), due.clone(), link, priority];
        let form = Form::restored(index, &saved, &typed);
        Some(ActionsOverlay {
            node: ix,
            cursor: index.unwrap_or(0),
            form: Some(form),
            error: None,
            asked_past: None,
        })
    }

    /// The list's keys, or the form's while one is open.
    pub fn context(&self) -> Context {
        self.form
            .as_ref()
            .map_or(Context::Actions, |f| f.fields.context())
    }

    /// The actions of the node replaced by `after`, as one undoable edit.
    fn change(app: &ViewContext<'_>, id: &str, after: Vec<ActionItem>) -> Action {
        Action::Edit(Edit::Actions {
            node: id.to_owned(),
            before: app.session.actions(id).to_vec(),
            after,
        })
    }

    pub fn react(&mut self, app: &ViewContext<'_>, action: &Action) -> Reaction {
        let id = app.framework.node(self.node).id.clone();
        let mut list = app.session.actions(&id).to_vec();
        if self.form.is_some() {
            return self.react_in_form(app, &id, list, action);
        }
        match action {
            Action::Close => return Reaction::close(),
            Action::ListDown => {
                self.cursor = (self.cursor + 1).min(list.len().saturating_sub(1));
            }
            Action::ListUp => self.cursor = self.cursor.saturating_sub(1),
            Action::AddItem => self.form = Some(Form::new(None, &ActionItem::default())),
            Action::EditItem => {
                if let Some(item) = list.get(self.cursor) {
                    self.form = Some(Form::new(Some(self.cursor), item));
                }
            }
            Action::ToggleDone => {
                if let Some(item) = list.get_mut(self.cursor) {
                    item.status = match item.status {
                        ActionStatus::Open => ActionStatus::Done,
                        ActionStatus::Done => ActionStatus::Open,
                    };
                    return Reaction::then(vec![Self::change(app, &id, list)]);
                }
            }
            Action::DeleteItem if self.cursor < list.len() => {
                list.remove(self.cursor);
                self.cursor = self.cursor.min(list.len().saturating_sub(1));
                let undo = app
                    .keymap
                    .key_for(Context::Main, &Action::Undo)
                    .unwrap_or_default();
                return Reaction::then(vec![
                    Self::change(app, &id, list),
                    Action::Say(format!("Action deleted ({undo} undoes).")),
                ]);
            }
            _ => {}
        }
        Reaction::stay()
    }

    fn react_in_form(
        &mut self,
        app: &ViewContext<'_>,
        id: &str,
        list: Vec<ActionItem>,
        action: &Action,
    ) -> Reaction {
        let Some(form) = self.form.as_mut() else {
            return Reaction::stay();
        };
        match form.fields.react(action) {
            Step::Submit => self.submit(app, id, list),
            Step::Discard => {
                // Back to the list, or out, if there is no list to go back to.
                self.form = None;
                self.error = None;
                let forget = vec![form::forget()];
                if list.is_empty() {
                    return Reaction::close_then(forget);
                }
                Reaction::then(forget)
            }
            Step::Typed => form::journal(form.draft(id)),
            Step::Stay => Reaction::stay(),
        }
    }

    /// The form kept: checked, then applied as one edit over the action's saved values
    /// (its status stays as it was).
    fn submit(&mut self, app: &ViewContext<'_>, id: &str, mut list: Vec<ActionItem>) -> Reaction {
        let Some(form) = self.form.as_mut() else {
            return Reaction::stay();
        };
        let saved = form
            .index
            .and_then(|i| list.get(i).cloned())
            .unwrap_or_default();
        // The recommendation (a number) of the area's findings it carries out.
        let area = crate::session::agenda::area_of(app.framework, self.node)
            .map(|a| app.framework.node(a).id.clone());
        let count = app.session.findings(area.as_deref()).recommendations.len();
        // "C1": the main conclusions' first recommendation, which actions can carry out too.
        let conclusions = app.session.conclusions.recommendations.len();
        let item = match form.item(&saved, count, conclusions) {
            Ok(item) => item,
            Err(e) => {
                self.error = Some(e);
                return Reaction::stay();
            }
        };
        // A date already past is most likely a typo: said once, kept on the second Enter.
        if !item.due.is_empty()
            && item.due < crate::session::today()
            && item.due != saved.due
            && self.asked_past.as_deref() != Some(item.due.as_str())
        {
            form.fields.focus_on(2);
            self.error = Some(format!(
                "{} is in the past: Enter again keeps it, or change it.",
                crate::session::in_words(&item.due)
            ));
            self.asked_past = Some(item.due);
            return Reaction::stay();
        }
        match form.index {
            Some(i) if i < list.len() => list[i] = item,
            _ => {
                list.push(item);
                self.cursor = list.len() - 1;
            }
        }
        self.form = None;
        self.error = None;
        Reaction::then(vec![form::forget(), Self::change(app, id, list)])
    }

    pub fn render(&self, app: &ViewContext<'_>, frame: &mut Frame) {
        let area = crate::tui::layout::centred(
            frame.area(),
            90,
            frame.area().height.saturating_sub(4).min(24),
        );
        frame.render_widget(Clear, area);
        let node = app.framework.node(self.node);
        let title = format!(
            "Actions · {} {}",
            node.id,
            crate::text::shorten(node.label(), 40)
        );
        let hint = if self.form.is_some() {
            app.keymap.hints(
                Context::Form,
                &[Action::NextField, Action::Submit, Action::Close],
            )
        } else {
            app.keymap.hints(
                Context::Actions,
                &[
                    Action::AddItem,
                    Action::EditItem,
                    Action::ToggleDone,
                    Action::DeleteItem,
                    Action::Close,
                ],
            )
        };
        let title = crate::text::shorten(&title, crate::text::title_room(area.width));
        let block = popup_block(app, &title, &hint);
        let inner = block.inner(area);
        frame.render_widget(block, area);
        let t = app.theme;
        let list = app.session.actions(&node.id);
        let form_height = if self.form.is_some() { 7 } else { 0 };
        let [list_area, form_area, foot] = Layout::vertical([
            Constraint::Fill(1),
            Constraint::Length(form_height),
            Constraint::Length(1),
        ])
        .areas(inner);
        let mut lines = Vec::new();
        if list.is_empty() {
            let add = app
                .keymap
                .key_for(Context::Actions, &Action::AddItem)
                .unwrap_or_default();
            lines.push(Line::styled(
                format!("No actions yet: {add} adds one."),
                t.dim(),
            ));
        }
        for (i, item) in list.iter().enumerate() {
            let selected = i == self.cursor && self.form.is_none();
            let base = if selected {
                t.selected()
            } else {
                Style::default()
            };
            lines.push(action_line(item, t, base));
        }
        frame.render_widget(Paragraph::new(lines).wrap(Wrap { trim: false }), list_area);
        if let Some(form) = &self.form {
            form.render(t, frame, form_area);
        }
        let asked = self
            .form
            .as_ref()
            .is_some_and(|f| f.fields.asking())
            .then(|| EscGuard::question(app));
        let foot_text = asked.or_else(|| self.error.clone()).map_or_else(
            || {
                Line::styled(
                    format!(
                        "{} open, {} done",
                        list.iter()
                            .filter(|a| a.status == ActionStatus::Open)
                            .count(),
                        list.iter()
                            .filter(|a| a.status == ActionStatus::Done)
                            .count()
                    ),
                    t.dim(),
                )
            },
            |e| Line::styled(e, t.warn()),
        );
        frame.render_widget(Paragraph::new(foot_text), foot);
    }
}

/// One action as a line: `[x] what  (owner, by due)`.
pub fn action_line(item: &ActionItem, t: crate::tui::theme::Theme, base: Style) -> Line<'static> {
    let tick = if item.status == ActionStatus::Done {
        "[x]"
    } else {
        "[ ]"
    };
    let mut who = Vec::new();
    if !item.owner.is_empty() {
        who.push(item.owner.clone());
    }
    if !item.due.is_empty() {
        who.push(format!("by {}", item.due));
    }
    let who = if who.is_empty() {
        String::new()
    } else {
        format!("  ({})", who.join(", "))
    };
    Line::from(vec![
        Span::styled(format!("{tick} "), base.patch(t.key())),
        Span::styled(item.text.clone(), base),
        Span::styled(who, base.patch(t.dim())),
    ])
}
