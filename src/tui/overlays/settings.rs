//! The session settings overlay: title, organisation, facilitator, and the groups (rename, add).
//! Every change goes through the undo history like any other.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Paragraph};

use super::form::{self, EscGuard, Fields, Step};
use super::{Reaction, popup_block};
use crate::session::journal::Draft;
use crate::session::{Edit, MetaField};
use crate::tui::action::Action;
use crate::tui::keymap::Context;
use crate::tui::view::View;
use crate::tui::view::ViewContext;
use crate::tui::view::{Opened, Registered};

const META: [MetaField; 3] = [
    MetaField::Title,
    MetaField::Organisation,
    MetaField::Facilitator,
];

/// One editable row.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Row {
    Meta(MetaField),
    Group(usize),
    AddGroup,
}

/// What the rows do (a field being edited is a form: see the actions view's).
pub(super) const ACTIONS: &[Action] = &[
    Action::ListUp,
    Action::ListDown,
    Action::EditItem,
    Action::DeleteItem,
    Action::MoveEarlier,
    Action::MoveLater,
    Action::Close,
];

#[derive(Default)]
pub struct SettingsOverlay {
    cursor: usize,
    /// A group with scores waiting for a second `d` before it is removed.
    confirm_remove: Option<usize>,
    /// The field being edited, if any.
    editing: Option<Fields>,
    error: Option<String>,
}

fn rows(app: &ViewContext<'_>) -> Vec<Row> {
    META.iter()
        .map(|&f| Row::Meta(f))
        .chain((0..app.session.groups.len()).map(Row::Group))
        .chain(std::iter::once(Row::AddGroup))
        .collect()
}

fn value(app: &ViewContext<'_>, row: Row) -> String {
    match row {
        Row::Meta(field) => field.value(app.session).to_owned(),
        Row::Group(g) => app.session.groups[g].clone(),
        Row::AddGroup => String::new(),
    }
}

/// Longest text a session detail or group name takes.
const MAX_FIELD_CHARS: usize = 500;

/// The row being edited as a draft for the journal.
fn draft(row: Row, editor: &Fields) -> Draft {
    let value = editor.raw(0);
    match row {
        Row::Meta(field) => Draft::Meta { field, value },
        Row::Group(g) => Draft::Group {
            index: Some(g),
            value,
        },
        Row::AddGroup => Draft::Group { index: None, value },
    }
}

/// The session details and groups.
pub(super) const VIEW: Registered = Registered {
    name: "settings",
    opens_on: &[Action::Settings],
    keys: &[
        (Context::Settings, ACTIONS),
        (Context::Form, super::form::FORM_ACTIONS),
        (Context::Confirm, super::form::CONFIRM_ACTIONS),
    ],
    open: |_, _| Opened::new(SettingsOverlay::default()),
    restore: |cx, draft| Some(Box::new(SettingsOverlay::restore(cx, draft)?)),
};

impl View for SettingsOverlay {
    fn context(&self) -> Context {
        SettingsOverlay::context(self)
    }

    fn react(&mut self, cx: &ViewContext<'_>, action: &Action) -> Reaction {
        SettingsOverlay::react(self, cx, action)
    }

    fn render(&self, cx: &ViewContext<'_>, frame: &mut Frame) {
        SettingsOverlay::render(self, cx, frame);
    }
}

impl SettingsOverlay {
    /// The overlay with the field that was being typed when awayday was stopped.
    pub fn restore(app: &ViewContext<'_>, draft: &Draft) -> Option<Self> {
        let rows = rows(app);
        let (row, value) = match draft {
            Draft::Meta { field, value } => (Row::Meta(*field), value),
            Draft::Group {
                index: Some(g),
                value,
            } => (Row::Group(*g), value),
            Draft::Group { index: None, value } => (Row::AddGroup, value),
            Draft::Action { .. }
            | Draft::Findings { .. }
            | Draft::Plan { .. }
            | Draft::Frame { .. } => return None,
        };
        let cursor = rows.iter().position(|&r| r == row)?;
        Some(SettingsOverlay {
            cursor,
            confirm_remove: None,
            editing: Some(Fields::restored(
                &[self::value(app, row)],
                std::slice::from_ref(value),
                MAX_FIELD_CHARS,
                false,
            )),
            error: None,
        })
    }

    /// The rows' keys, or a form's while a field is edited.
    pub fn context(&self) -> Context {
        self.editing
            .as_ref()
            .map_or(Context::Settings, Fields::context)
    }

    pub fn react(&mut self, app: &ViewContext<'_>, action: &Action) -> Reaction {
        let rows = rows(app);
        let row = rows[self.cursor.min(rows.len() - 1)];
        if let Some(editor) = &mut self.editing {
            return match editor.react(action) {
                Step::Submit => {
                    let text = editor.value(0);
                    self.commit(app, row, &text)
                }
                Step::Discard => {
                    self.editing = None;
                    self.error = None;
                    Reaction::then(vec![form::forget()])
                }
                Step::Typed => form::journal(draft(row, editor)),
                Step::Stay => Reaction::stay(),
            };
        }
        let confirming = self.confirm_remove.take();
        match action {
            Action::Close => return Reaction::close(),
            Action::ListDown => self.cursor = (self.cursor + 1).min(rows.len() - 1),
            Action::ListUp => self.cursor = self.cursor.saturating_sub(1),
            Action::EditItem => {
                self.editing = Some(Fields::new(&[value(app, row)], MAX_FIELD_CHARS, false));
                self.error = None;
            }
            Action::DeleteItem => {
                if let Row::Group(index) = row {
                    return self.remove(app, index, confirming == Some(index));
                }
            }
            Action::MoveEarlier | Action::MoveLater => {
                if let Row::Group(from) = row {
                    let to = if *action == Action::MoveEarlier {
                        from.checked_sub(1)
                    } else {
                        Some(from + 1).filter(|&t| t < app.session.groups.len())
                    };
                    if let Some(to) = to {
                        self.cursor = rows
                            .iter()
                            .position(|&r| r == Row::Group(to))
                            .unwrap_or(self.cursor);
                        return Reaction::then(vec![Action::Edit(Edit::MoveGroup { from, to })]);
                    }
                }
            }
            _ => {}
        }
        Reaction::stay()
    }

    /// Removes a group: at once when it has no scores, else on the second press, saying
    /// how many scores go with it (undo brings them back).
    fn remove(&mut self, app: &ViewContext<'_>, index: usize, confirmed: bool) -> Reaction {
        let name = app.session.groups[index].clone();
        if app.session.groups.len() < 2 {
            self.error = Some("A session needs at least one group.".into());
            return Reaction::stay();
        }
        let scores = app.session.scores_of_group(index);
        if !scores.is_empty() && !confirmed {
            self.confirm_remove = Some(index);
            self.error = Some(format!(
                "{name} has {} scores. Press {} again to remove it with them ({} brings them back).",
                scores.len(),
                app.keymap
                    .key_for(Context::Settings, &Action::DeleteItem)
                    .unwrap_or_default(),
                app.keymap
                    .key_for(Context::Main, &Action::Undo)
                    .unwrap_or_default()
            ));
            return Reaction::stay();
        }
        self.error = None;
        Reaction::then(vec![
            Action::Edit(Edit::RemoveGroup {
                index,
                name: name.clone(),
                scores,
            }),
            Action::Say(format!("Removed group {name}.")),
        ])
    }

    /// The edited field kept: validated here (a group's name), applied as one edit.
    fn commit(&mut self, app: &ViewContext<'_>, row: Row, text: &str) -> Reaction {
        let edit = match row {
            Row::Meta(field) => Edit::Meta {
                field,
                before: value(app, row),
                after: text.to_owned(),
            },
            Row::Group(index) => match app.session.check_group_name(Some(index), text) {
                Ok(name) => Edit::RenameGroup {
                    index,
                    before: value(app, row),
                    after: name,
                },
                Err(e) => {
                    self.error = Some(e.to_string());
                    return Reaction::stay();
                }
            },
            Row::AddGroup => match app.session.check_group_name(None, text) {
                Ok(name) => Edit::AddGroup { name },
                Err(e) => {
                    self.error = Some(e.to_string());
                    return Reaction::stay();
                }
            },
        };
        self.editing = None;
        self.error = None;
        Reaction::then(vec![form::forget(), Action::Edit(edit)])
    }

    pub fn render(&self, app: &ViewContext<'_>, frame: &mut Frame) {
        let rows = rows(app);
        let height = u16::try_from(rows.len() + 6).unwrap_or(u16::MAX);
        let area = crate::tui::layout::centred(frame.area(), 64, height);
        frame.render_widget(Clear, area);
        let hint = if self.editing.is_some() {
            app.keymap
                .hints(Context::Form, &[Action::Submit, Action::Close])
        } else {
            app.keymap.hints(
                Context::Settings,
                &[Action::ListDown, Action::EditItem, Action::Close],
            )
        };
        let block = popup_block(app, "Session", &hint);
        let inner = block.inner(area);
        frame.render_widget(block, area);
        let t = app.theme;
        for (i, &row) in rows.iter().enumerate() {
            let y = inner.y + u16::try_from(i + usize::from(i >= META.len())).unwrap_or(0);
            if y >= inner.bottom() {
                break;
            }
            let line_area = Rect::new(inner.x, y, inner.width, 1);
            let [label_area, value_area] =
                Layout::horizontal([Constraint::Length(16), Constraint::Fill(1)]).areas(line_area);
            let label = match row {
                Row::Meta(f) => f.label().to_owned(),
                Row::Group(g) => format!("Group {}", g + 1),
                Row::AddGroup => "+ Add a group".to_owned(),
            };
            let selected = i == self.cursor;
            let style = if selected {
                t.selected()
            } else {
                Style::default()
            };
            frame.render_widget(
                Span::styled(format!(" {label:<15}"), style.patch(t.title())),
                label_area,
            );
            match (&self.editing, selected) {
                (Some(editor), true) => {
                    if let Some(field) = editor.field(0) {
                        frame.render_widget(field, value_area);
                    }
                }
                _ => frame.render_widget(
                    Span::styled(format!(" {}", value(app, row)), style),
                    value_area,
                ),
            }
        }
        let foot_y = inner.bottom().saturating_sub(1);
        let asked =
            (self.editing.as_ref().is_some_and(Fields::asking)).then(|| EscGuard::question(app));
        if let Some(err) = asked.or_else(|| self.error.clone()) {
            frame.render_widget(
                Paragraph::new(Line::styled(err, t.warn())),
                Rect::new(inner.x, foot_y, inner.width, 1),
            );
        } else {
            frame.render_widget(
                Paragraph::new(Line::styled("A renamed group keeps its scores.", t.dim())),
                Rect::new(inner.x, foot_y, inner.width, 1),
            );
        }
    }
}
