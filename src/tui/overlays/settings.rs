//! The session settings overlay: title, organisation, facilitator, and the groups (rename, add).
//! Every change goes through the undo history like any other.

use ratatui::Frame;
use ratatui::crossterm::event::KeyCode;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Paragraph};
use ratatui_textarea::TextArea;

use super::form::{EscGuard, Guarded};
use super::{Reaction, popup_block};
use crate::session::journal::Draft;
use crate::session::{Edit, MetaField};
use crate::tui::action::Action;
use crate::tui::app::App;
use crate::tui::keymap::Context;

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
#[cfg(test)]
pub const ACTIONS: &[Action] = &[
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
    editing: Option<TextArea<'static>>,
    /// What `Esc` does in the field: asks first when it holds text not yet kept.
    guard: EscGuard,
    error: Option<String>,
}

fn rows(app: &App) -> Vec<Row> {
    META.iter()
        .map(|&f| Row::Meta(f))
        .chain((0..app.session.groups.len()).map(Row::Group))
        .chain(std::iter::once(Row::AddGroup))
        .collect()
}

fn value(app: &App, row: Row) -> String {
    match row {
        Row::Meta(field) => field.value(&app.session).to_owned(),
        Row::Group(g) => app.session.groups[g].clone(),
        Row::AddGroup => String::new(),
    }
}

/// Longest text a session detail or group name takes.
const MAX_FIELD_CHARS: usize = 500;

fn editor_with(text: &str) -> TextArea<'static> {
    let mut editor = TextArea::new(vec![text.to_owned()]);
    editor.set_cursor_line_style(Style::default());
    editor.move_cursor(ratatui_textarea::CursorMove::End);
    editor
}

/// The row being edited as a draft for the journal.
fn draft(row: Row, editor: &TextArea<'static>) -> Draft {
    let value = editor.lines().join(" ");
    match row {
        Row::Meta(field) => Draft::Meta { field, value },
        Row::Group(g) => Draft::Group {
            index: Some(g),
            value,
        },
        Row::AddGroup => Draft::Group { index: None, value },
    }
}

impl SettingsOverlay {
    /// The overlay with the field that was being typed when awayday was stopped.
    pub fn restore(app: &App, draft: &Draft) -> Option<Self> {
        let rows = rows(app);
        let (row, value) = match draft {
            Draft::Meta { field, value } => (Row::Meta(*field), value),
            Draft::Group {
                index: Some(g),
                value,
            } => (Row::Group(*g), value),
            Draft::Group { index: None, value } => (Row::AddGroup, value),
            Draft::Action { .. } | Draft::Findings { .. } | Draft::Plan { .. } => return None,
        };
        let cursor = rows.iter().position(|&r| r == row)?;
        Some(SettingsOverlay {
            cursor,
            confirm_remove: None,
            editing: Some(editor_with(value)),
            // The saved value, so the restored text is not lost unasked.
            guard: EscGuard::new(vec![self::value(app, row)]),
            error: None,
        })
    }

    /// The rows' keys, or a form's while a field is edited.
    pub fn context(&self) -> Context {
        if self.editing.is_some() {
            self.guard.context()
        } else {
            Context::Settings
        }
    }

    /// Pasted text goes into the field being edited, on one line.
    fn paste(&mut self, row: Row, text: &str) -> Reaction {
        let Some(editor) = self.editing.as_mut() else {
            return Reaction::stay();
        };
        let room = MAX_FIELD_CHARS.saturating_sub(editor.lines().join(" ").chars().count());
        let text = super::one_line(text, room);
        if text.is_empty() || !editor.insert_str(&text) {
            return Reaction::stay();
        }
        Reaction::then(vec![Action::Draft(Some(draft(row, editor)))])
    }

    pub fn react(&mut self, app: &App, action: &Action) -> Reaction {
        let rows = rows(app);
        let row = rows[self.cursor.min(rows.len() - 1)];
        if let Some(editor) = &mut self.editing {
            match self.guard.react(action, std::slice::from_ref(editor)) {
                Guarded::Keep => {
                    let text = editor.lines().join(" ").trim().to_owned();
                    return self.commit(app, row, &text);
                }
                Guarded::Discard => {
                    self.editing = None;
                    self.error = None;
                    return Reaction::then(vec![Action::Draft(None)]);
                }
                Guarded::Stay => return Reaction::stay(),
                Guarded::Form => {}
            }
            return match action {
                Action::Submit => {
                    let text = editor.lines().join(" ").trim().to_owned();
                    self.commit(app, row, &text)
                }
                Action::Input(key) => {
                    let full = editor.lines().join(" ").chars().count() >= MAX_FIELD_CHARS;
                    let typing = matches!(key.code, KeyCode::Char(_));
                    if !(full && typing) && editor.input(*key) {
                        Reaction::then(vec![Action::Draft(Some(draft(row, editor)))])
                    } else {
                        Reaction::stay()
                    }
                }
                Action::Paste(text) => self.paste(row, text),
                _ => Reaction::stay(),
            };
        }
        let confirming = self.confirm_remove.take();
        match action {
            Action::Close => return Reaction::close(),
            Action::ListDown => self.cursor = (self.cursor + 1).min(rows.len() - 1),
            Action::ListUp => self.cursor = self.cursor.saturating_sub(1),
            Action::EditItem => {
                self.editing = Some(editor_with(&value(app, row)));
                self.guard = EscGuard::new(vec![value(app, row)]);
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
    fn remove(&mut self, app: &App, index: usize, confirmed: bool) -> Reaction {
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
    fn commit(&mut self, app: &App, row: Row, text: &str) -> Reaction {
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
                    self.error = Some(e);
                    return Reaction::stay();
                }
            },
            Row::AddGroup => match app.session.check_group_name(None, text) {
                Ok(name) => Edit::AddGroup { name },
                Err(e) => {
                    self.error = Some(e);
                    return Reaction::stay();
                }
            },
        };
        self.editing = None;
        self.error = None;
        Reaction::then(vec![Action::Draft(None), Action::Edit(edit)])
    }

    pub fn render(&self, app: &App, frame: &mut Frame) {
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
                (Some(editor), true) => frame.render_widget(editor, value_area),
                _ => frame.render_widget(
                    Span::styled(format!(" {}", value(app, row)), style),
                    value_area,
                ),
            }
        }
        let foot_y = inner.bottom().saturating_sub(1);
        let asked =
            (self.editing.is_some() && self.guard.asking()).then(|| EscGuard::question(app));
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
