//! The session settings overlay: title, organisation, facilitator, and the groups (rename, add).
//! Every change goes through the undo history like any other.

use ratatui::Frame;
use ratatui::crossterm::event::{KeyCode, KeyEvent};
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Paragraph};
use ratatui_textarea::TextArea;

use super::{Outcome, popup_block};
use crate::session::journal::Draft;
use crate::session::{Edit, MetaField};
use crate::tui::app::App;
use crate::tui::update::Effect;

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

#[derive(Default)]
pub struct SettingsOverlay {
    cursor: usize,
    /// The field being edited, if any.
    editing: Option<TextArea<'static>>,
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
        Row::Meta(MetaField::Title) => app.session.title.clone(),
        Row::Meta(MetaField::Organisation) => app.session.organisation.clone(),
        Row::Meta(MetaField::Facilitator) => app.session.facilitator.clone(),
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
            Draft::Action { .. } => return None,
        };
        let cursor = rows.iter().position(|&r| r == row)?;
        Some(SettingsOverlay {
            cursor,
            editing: Some(editor_with(value)),
            error: None,
        })
    }

    /// Pasted text goes into the field being edited, on one line.
    pub fn paste(&mut self, app: &mut App, text: &str) -> Option<Effect> {
        let editor = self.editing.as_mut()?;
        let room = MAX_FIELD_CHARS.saturating_sub(editor.lines().join(" ").chars().count());
        let text = super::one_line(text, room);
        if text.is_empty() || !editor.insert_str(&text) {
            return None;
        }
        let row = rows(app)[self.cursor];
        let kept = draft(row, editor);
        app.keep_draft(Some(kept));
        Some(Effect::Save)
    }

    pub fn handle(&mut self, app: &mut App, key: KeyEvent) -> (Outcome, Option<Effect>) {
        let rows = rows(app);
        if let Some(editor) = &mut self.editing {
            match key.code {
                KeyCode::Esc => {
                    self.editing = None;
                    self.error = None;
                    app.keep_draft(None);
                }
                KeyCode::Enter => {
                    let text = editor.lines().join(" ").trim().to_owned();
                    return self.commit(app, rows[self.cursor], text);
                }
                _ => {
                    let full = editor.lines().join(" ").chars().count() >= MAX_FIELD_CHARS;
                    let typing = matches!(key.code, KeyCode::Char(_));
                    if !(full && typing) && editor.input(key) {
                        let kept = draft(rows[self.cursor], editor);
                        app.keep_draft(Some(kept));
                        return (Outcome::Stay, Some(Effect::Save));
                    }
                }
            }
            return (Outcome::Stay, None);
        }
        match key.code {
            KeyCode::Esc | KeyCode::Char('q' | 'e') => return (Outcome::Close, None),
            KeyCode::Down | KeyCode::Char('j') | KeyCode::Tab => {
                self.cursor = (self.cursor + 1).min(rows.len() - 1);
            }
            KeyCode::Up | KeyCode::Char('k') | KeyCode::BackTab => {
                self.cursor = self.cursor.saturating_sub(1);
            }
            KeyCode::Enter | KeyCode::Char('r' | 'a') => {
                self.editing = Some(editor_with(&value(app, rows[self.cursor])));
                self.error = None;
            }
            _ => {}
        }
        (Outcome::Stay, None)
    }

    fn commit(&mut self, app: &mut App, row: Row, text: String) -> (Outcome, Option<Effect>) {
        let edit = match row {
            Row::Meta(field) => Edit::Meta {
                field,
                before: value(app, row),
                after: text,
            },
            Row::Group(index) => {
                let before = value(app, row);
                if let Err(e) = app.session.clone().rename_group(index, &text) {
                    self.error = Some(e);
                    return (Outcome::Stay, None);
                }
                Edit::RenameGroup {
                    index,
                    before,
                    after: text,
                }
            }
            Row::AddGroup => {
                if let Err(e) = app.session.clone().add_group(&text) {
                    self.error = Some(e);
                    return (Outcome::Stay, None);
                }
                Edit::AddGroup { name: text }
            }
        };
        self.editing = None;
        self.error = None;
        app.keep_draft(None);
        if app.history.apply(&mut app.session, edit) {
            app.mark_changed();
            return (Outcome::Stay, Some(Effect::Save));
        }
        (Outcome::Stay, None)
    }

    pub fn render(&self, app: &App, frame: &mut Frame) {
        let rows = rows(app);
        let height = u16::try_from(rows.len() + 6).unwrap_or(u16::MAX);
        let area = crate::tui::layout::centred(frame.area(), 64, height);
        frame.render_widget(Clear, area);
        let hint = if self.editing.is_some() {
            "Enter keep · Esc cancel"
        } else {
            "↑↓ choose · Enter edit · Esc close"
        };
        let block = popup_block(app, "Session", hint);
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
        if let Some(err) = &self.error {
            frame.render_widget(
                Paragraph::new(Line::styled(err.clone(), t.warn())),
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
