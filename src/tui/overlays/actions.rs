//! The actions overlay: the selected node's actions (what, owner, due, open/done), added,
//! edited, ticked off and deleted here. Every change is one undoable edit.

use ratatui::Frame;
use ratatui::crossterm::event::KeyCode;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Paragraph, Wrap};
use ratatui_textarea::TextArea;

use super::form::{EscGuard, Guarded};
use super::{Reaction, popup_block};
use crate::framework::NodeIx;
use crate::session::journal::Draft;
use crate::session::{ActionItem, ActionStatus, Edit};
use crate::tui::action::Action;
use crate::tui::app::App;
use crate::tui::keymap::Context;

const FIELDS: [&str; 4] = ["What", "Owner", "Due", "For rec."];

/// What the list does (for the test that each has a key and appears in help).
#[cfg(test)]
pub const LIST_ACTIONS: &[Action] = &[
    Action::ListUp,
    Action::ListDown,
    Action::AddItem,
    Action::EditItem,
    Action::ToggleDone,
    Action::DeleteItem,
    Action::Close,
];

/// What a form does, here and in the session details.
#[cfg(test)]
pub const FORM_ACTIONS: &[Action] = &[
    Action::NextField,
    Action::PrevField,
    Action::Submit,
    Action::Close,
];

/// The form for one action being written.
struct Form {
    /// Which action is edited; `None` for a new one.
    index: Option<usize>,
    fields: [TextArea<'static>; 4],
    focus: usize,
    /// What `Esc` does: asks first when the fields hold text not yet kept.
    guard: EscGuard,
}

fn field(text: &str) -> TextArea<'static> {
    let mut t = TextArea::new(vec![text.to_owned()]);
    t.set_cursor_line_style(Style::default());
    t.move_cursor(ratatui_textarea::CursorMove::End);
    t
}

/// An action's link, as the "For rec." field shows it.
fn link_text(item: &ActionItem) -> String {
    item.recommendation
        .map_or_else(String::new, |n| n.to_string())
}

impl Form {
    fn new(index: Option<usize>, item: &ActionItem) -> Self {
        let fields = [
            field(&item.text),
            field(&item.owner),
            field(&item.due),
            field(&link_text(item)),
        ];
        Form {
            index,
            guard: EscGuard::new(super::form::texts(&fields)),
            fields,
            focus: 0,
        }
    }

    fn value(&self, i: usize) -> String {
        self.fields[i].lines().join(" ").trim().to_owned()
    }

    /// The form's text as a draft for the journal, every field with it.
    fn draft(&self, node: &str) -> Draft {
        let raw = |i: usize| self.fields[i].lines().join(" ");
        Draft::Action {
            node: node.to_owned(),
            index: self.index,
            text: raw(0),
            owner: raw(1),
            due: raw(2),
            recommendation: Some(raw(3)),
        }
    }
}

/// Longest text one field of an action takes.
const MAX_FIELD_CHARS: usize = 2000;

pub struct ActionsOverlay {
    node: NodeIx,
    cursor: usize,
    form: Option<Form>,
    error: Option<String>,
    /// A due date in the past that was pointed out once: `Enter` again keeps it.
    asked_past: Option<String>,
}

impl ActionsOverlay {
    /// Opens on the list, even an empty one: the key that adds is the one that opened it,
    /// so a second press never lands in the form as text.
    pub fn open(app: &App) -> Self {
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
    pub fn restore(app: &App, draft: &Draft) -> Option<Self> {
        let Draft::Action {
            node,
            index,
            text,
            owner,
            due,
            recommendation,
        } = draft
        else {
            return None;
        };
        let ix = app.framework.find(node)?;
        let list = app.session.actions(node);
        let index = index.filter(|&i| i < list.len());
        let saved = index.and_then(|i| list.get(i).cloned()).unwrap_or_default();
        let mut form = Form::new(index, &saved);
        let link = recommendation.clone().unwrap_or_else(|| link_text(&saved));
        form.fields = [field(text), field(owner), field(due), field(&link)];
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
            .map_or(Context::Actions, |f| f.guard.context())
    }

    /// Pasted text goes into the focused field, on one line.
    fn paste(&mut self, id: &str, text: &str) -> Reaction {
        let Some(form) = self.form.as_mut() else {
            return Reaction::stay();
        };
        let field = &mut form.fields[form.focus];
        let room = MAX_FIELD_CHARS.saturating_sub(field.lines().join(" ").chars().count());
        let text = super::one_line(text, room);
        if text.is_empty() || !field.insert_str(&text) {
            return Reaction::stay();
        }
        Reaction::then(vec![Action::Draft(Some(form.draft(id)))])
    }

    /// The actions of the node replaced by `after`, as one undoable edit.
    fn change(app: &App, id: &str, after: Vec<ActionItem>) -> Action {
        Action::Edit(Edit::Actions {
            node: id.to_owned(),
            before: app.session.actions(id).to_vec(),
            after,
        })
    }

    pub fn react(&mut self, app: &App, action: &Action) -> Reaction {
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
        app: &App,
        id: &str,
        list: Vec<ActionItem>,
        action: &Action,
    ) -> Reaction {
        let Some(form) = self.form.as_mut() else {
            return Reaction::stay();
        };
        match form.guard.react(action, &form.fields) {
            Guarded::Keep => return self.submit(app, id, list),
            Guarded::Discard => {
                // Back to the list, or out, if there is no list to go back to.
                self.form = None;
                self.error = None;
                let forget = vec![Action::Draft(None)];
                if list.is_empty() {
                    return Reaction::close_then(forget);
                }
                return Reaction::then(forget);
            }
            Guarded::Stay => return Reaction::stay(),
            Guarded::Form => {}
        }
        match action {
            Action::NextField => {
                form.focus = (form.focus + 1) % FIELDS.len();
                Reaction::stay()
            }
            Action::PrevField => {
                form.focus = (form.focus + FIELDS.len() - 1) % FIELDS.len();
                Reaction::stay()
            }
            Action::Submit => self.submit(app, id, list),
            Action::Input(key) => {
                let field = &mut form.fields[form.focus];
                let full = field.lines().join(" ").chars().count() >= MAX_FIELD_CHARS;
                let typing = matches!(key.code, KeyCode::Char(_));
                if !(full && typing) && field.input(*key) {
                    return Reaction::then(vec![Action::Draft(Some(form.draft(id)))]);
                }
                Reaction::stay()
            }
            Action::Paste(text) => self.paste(id, text),
            _ => Reaction::stay(),
        }
    }

    /// The form kept: checked, then applied as one edit over the action's saved values
    /// (its status stays as it was).
    fn submit(&mut self, app: &App, id: &str, mut list: Vec<ActionItem>) -> Reaction {
        let Some(form) = self.form.as_mut() else {
            return Reaction::stay();
        };
        let text = form.value(0);
        if text.is_empty() {
            self.error = Some("An action needs to say what will be done.".into());
            return Reaction::stay();
        }
        let mut item = form
            .index
            .and_then(|i| list.get(i).cloned())
            .unwrap_or_default();
        // A due date is a date (ISO or day first), kept as ISO so plans sort by it.
        let due = match crate::session::parse_due(&form.value(2)) {
            Ok(due) => due.unwrap_or_default(),
            Err(e) => {
                form.focus = 2;
                self.error = Some(e);
                return Reaction::stay();
            }
        };
        // A date already past is most likely a typo: said once, kept on the second Enter.
        if !due.is_empty()
            && due < crate::session::today()
            && due != item.due
            && self.asked_past.as_deref() != Some(due.as_str())
        {
            form.focus = 2;
            self.error = Some(format!(
                "{} is in the past: Enter again keeps it, or change it.",
                crate::session::in_words(&due)
            ));
            self.asked_past = Some(due);
            return Reaction::stay();
        }
        // The recommendation (a number) of the area's findings it carries out.
        let area = crate::session::agenda::area_of(&app.framework, self.node)
            .map(|a| app.framework.node(a).id.clone());
        let count = app.session.findings(area.as_deref()).recommendations.len();
        let recommendation = match form.value(3).as_str() {
            "" => None,
            text => match text.parse::<usize>() {
                Ok(n) if (1..=count).contains(&n) => Some(n),
                _ => {
                    form.focus = 3;
                    self.error = Some(if count == 0 {
                        "This area has no recommendations yet (F writes them).".to_owned()
                    } else {
                        format!("The area's recommendations are numbered 1 to {count}.")
                    });
                    return Reaction::stay();
                }
            },
        };
        item.text = text;
        item.owner = form.value(1);
        item.due = due;
        item.recommendation = recommendation;
        match form.index {
            Some(i) if i < list.len() => list[i] = item,
            _ => {
                list.push(item);
                self.cursor = list.len() - 1;
            }
        }
        self.form = None;
        self.error = None;
        Reaction::then(vec![Action::Draft(None), Self::change(app, id, list)])
    }

    pub fn render(&self, app: &App, frame: &mut Frame) {
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
        let block = popup_block(app, &title, &hint);
        let inner = block.inner(area);
        frame.render_widget(block, area);
        let t = app.theme;
        let list = app.session.actions(&node.id);
        let form_height = if self.form.is_some() { 6 } else { 0 };
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
            for (i, name) in FIELDS.iter().enumerate() {
                let y = form_area.y + 1 + u16::try_from(i).unwrap_or(0);
                if y >= form_area.bottom() {
                    break;
                }
                let row = Rect::new(form_area.x, y, form_area.width, 1);
                let [label, field] =
                    Layout::horizontal([Constraint::Length(8), Constraint::Fill(1)]).areas(row);
                let style = if i == form.focus { t.key() } else { t.dim() };
                frame.render_widget(Span::styled(format!("{name:>6}: "), style), label);
                frame.render_widget(&form.fields[i], field);
            }
        }
        let asked = self
            .form
            .as_ref()
            .is_some_and(|f| f.guard.asking())
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
