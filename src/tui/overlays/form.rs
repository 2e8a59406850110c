//! The form component every form is made of ([`Fields`]): the same keys everywhere (Tab and
//! Shift-Tab between fields, Enter keeps, Esc keeps-or-asks), the focused field shown, and
//! each change to the text a [`Step::Typed`] the form journals as its draft.
//!
//! What `Esc` means in every form, in one place ([`EscGuard`]): a form whose text is what is
//! saved closes at once; a form holding text not yet kept asks "Keep the changes?" (`y`
//! keeps, `n` throws it away, `Esc` goes on editing), so nothing typed is lost without the
//! facilitator saying so. The notes editor needs no question: its text is kept as it is typed.

use ratatui::crossterm::event::KeyCode;
use ratatui::style::Style;
use ratatui_textarea::{TextArea, WrapMode};

use super::Reaction;
use crate::session::journal::Draft;
use crate::tui::action::Action;
use crate::tui::keymap::Context;
use crate::tui::view::ViewContext;

/// The text a form started from, and whether it is asking about leaving.
#[derive(Debug, Clone, Default)]
pub(super) struct EscGuard {
    /// Each field's saved text, trimmed as the form keeps it: typed text that comes back to
    /// this is nothing to ask about.
    saved: Vec<String>,
    asking: bool,
}

/// What the form does with an action once the guard has seen it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Guarded {
    /// Not about leaving: the form handles the action as it always does.
    Form,
    /// Keep the text: whatever the form's `Enter` does (it may refuse, and stay open).
    Keep,
    /// Close the form without keeping its text: nothing was typed, or the user said so.
    Discard,
    /// The question opened, or closed to go on editing; or a key while it is asked.
    Stay,
}

/// The text of each field, as the form would keep it.
fn texts(fields: &[TextArea<'_>]) -> Vec<String> {
    fields
        .iter()
        .map(|f| f.lines().join(" ").trim().to_owned())
        .collect()
}

impl EscGuard {
    /// A guard for a form whose fields hold `saved` when nothing has been typed (for a
    /// restored draft: the saved values, not the draft, so the draft counts as typed).
    pub(super) fn new(saved: Vec<String>) -> Self {
        EscGuard {
            saved: saved.into_iter().map(|s| s.trim().to_owned()).collect(),
            asking: false,
        }
    }

    /// Whether "Keep the changes?" is on screen (the keys are then [`Context::Confirm`]'s).
    pub(super) fn asking(&self) -> bool {
        self.asking
    }

    /// The keys' context: the question's while it is asked, else the form's.
    pub(super) fn context(&self) -> Context {
        if self.asking {
            Context::Confirm
        } else {
            Context::Form
        }
    }

    /// Sees `action` first, for a form whose fields now hold `fields`.
    pub(super) fn react(&mut self, action: &Action, fields: &[TextArea<'_>]) -> Guarded {
        if self.asking {
            // Only the answer counts: a stray key or paste while asked changes nothing.
            let answer = match action {
                Action::Submit => Guarded::Keep,
                Action::Discard => Guarded::Discard,
                Action::Close => Guarded::Stay,
                _ => return Guarded::Stay,
            };
            self.asking = false;
            return answer;
        }
        match action {
            Action::Close if texts(fields) != self.saved => {
                self.asking = true;
                Guarded::Stay
            }
            Action::Close => Guarded::Discard,
            _ => Guarded::Form,
        }
    }

    /// The question, with its keys, for the form's message line.
    pub(super) fn question(app: &ViewContext<'_>) -> String {
        format!(
            "Keep the changes? {}",
            app.keymap.hints(
                Context::Confirm,
                &[Action::Submit, Action::Discard, Action::Close]
            )
        )
    }
}

/// A form's fields: their text, which has the cursor, and what `Esc` does.
#[derive(Debug, Clone)]
pub(super) struct Fields {
    texts: Vec<TextArea<'static>>,
    focus: usize,
    guard: EscGuard,
    /// Longest text one field takes, typed or pasted.
    max_chars: usize,
}

/// What a key did to the fields, for the form to act on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Step {
    /// The text changed: journal the form's draft.
    Typed,
    /// Nothing for the form to do (the focus moved, the question opened or closed).
    Stay,
    /// Keep the text: `Enter`, or `y` at the question. The form checks it, and may refuse.
    Submit,
    /// Leave without keeping: nothing was typed, or `n` at the question.
    Discard,
}

/// One field holding `text`, the cursor at its end; long text wraps when `wrap`.
fn field(text: &str, wrap: bool) -> TextArea<'static> {
    let mut t = TextArea::new(vec![text.to_owned()]);
    t.set_cursor_line_style(Style::default());
    if wrap {
        t.set_wrap_mode(WrapMode::WordOrGlyph);
    }
    t.move_cursor(ratatui_textarea::CursorMove::End);
    t
}

impl Fields {
    /// Fields holding `saved`, nothing typed yet.
    pub(super) fn new(saved: &[String], max_chars: usize, wrap: bool) -> Self {
        Self::restored(saved, saved, max_chars, wrap)
    }

    /// Fields holding `typed` (a draft brought back after a stop) over `saved`: `Esc`
    /// compares with the saved text, so the draft is not lost unasked.
    pub(super) fn restored(
        saved: &[String],
        typed: &[String],
        max_chars: usize,
        wrap: bool,
    ) -> Self {
        Fields {
            texts: typed.iter().map(|t| field(t, wrap)).collect(),
            focus: 0,
            guard: EscGuard::new(saved.to_vec()),
            max_chars,
        }
    }

    /// Sees an action first: the guard's answer, the focus moves, and the typing.
    pub(super) fn react(&mut self, action: &Action) -> Step {
        match self.guard.react(action, &self.texts) {
            Guarded::Keep => return Step::Submit,
            Guarded::Discard => return Step::Discard,
            Guarded::Stay => return Step::Stay,
            Guarded::Form => {}
        }
        let count = self.texts.len();
        match action {
            Action::NextField => self.focus = (self.focus + 1) % count,
            Action::PrevField => self.focus = (self.focus + count - 1) % count,
            Action::Submit => return Step::Submit,
            Action::Input(key) => {
                let field = &mut self.texts[self.focus];
                let full = field.lines().join(" ").chars().count() >= self.max_chars;
                let typing = matches!(key.code, KeyCode::Char(_));
                // A field is one line: a line break is never typed into it.
                let newline = matches!(key.code, KeyCode::Enter);
                if !(newline || full && typing) && field.input(*key) {
                    return Step::Typed;
                }
            }
            Action::Paste(text) => {
                let field = &mut self.texts[self.focus];
                let room = self
                    .max_chars
                    .saturating_sub(field.lines().join(" ").chars().count());
                let text = super::one_line(text, room);
                if !text.is_empty() && field.insert_str(&text) {
                    return Step::Typed;
                }
            }
            _ => {}
        }
        Step::Stay
    }

    /// Field `i`'s text as kept: trimmed.
    pub(super) fn value(&self, i: usize) -> String {
        self.raw(i).trim().to_owned()
    }

    /// Field `i`'s text as typed, for a draft.
    pub(super) fn raw(&self, i: usize) -> String {
        self.texts
            .get(i)
            .map_or_else(String::new, |f| f.lines().join(" "))
    }

    /// The field with the cursor.
    pub(super) fn focus(&self) -> usize {
        self.focus
    }

    /// Puts the cursor in field `i` (the one a check refused).
    pub(super) fn focus_on(&mut self, i: usize) {
        self.focus = i.min(self.texts.len().saturating_sub(1));
    }

    /// Field `i`, to draw.
    pub(super) fn field(&self, i: usize) -> Option<&TextArea<'static>> {
        self.texts.get(i)
    }

    /// The keys' context: the question's while it is asked, else the form's.
    pub(super) fn context(&self) -> Context {
        self.guard.context()
    }

    /// Whether "Keep the changes?" is on screen.
    pub(super) fn asking(&self) -> bool {
        self.guard.asking()
    }

    /// The style of field `i`'s label: the focused field stands out.
    pub(super) fn label_style(&self, i: usize, theme: crate::tui::theme::Theme) -> Style {
        if i == self.focus {
            theme.key()
        } else {
            theme.title()
        }
    }
}

/// The draft of a form, journalled as it is typed (one mechanism for every form).
pub(super) fn journal(draft: Draft) -> Reaction {
    Reaction::then(vec![Action::Draft(Some(draft))])
}

/// The draft forgotten: the form was kept or left.
pub(super) fn forget() -> Action {
    Action::Draft(None)
}

/// What every form does with keys that are not text: the same in each form.
pub(super) const FORM_ACTIONS: &[Action] = &[
    Action::NextField,
    Action::PrevField,
    Action::Submit,
    Action::Close,
];

/// What the question does.
pub(super) const CONFIRM_ACTIONS: &[Action] = &[Action::Submit, Action::Discard, Action::Close];

#[cfg(test)]
mod tests {
    use super::*;

    fn field(text: &str) -> TextArea<'static> {
        TextArea::new(vec![text.to_owned()])
    }

    #[test]
    fn esc_asks_only_when_the_text_differs_from_what_is_saved() {
        let mut guard = EscGuard::new(vec!["Leadership".into()]);
        assert_eq!(
            guard.react(&Action::Close, &[field("Leadership ")]),
            Guarded::Discard
        );
        assert_eq!(
            guard.react(&Action::Close, &[field("Leaders")]),
            Guarded::Stay
        );
        assert!(guard.asking());
        assert_eq!(
            guard.react(&Action::NextField, &[field("Leaders")]),
            Guarded::Stay
        );
        assert!(guard.asking(), "a stray key leaves the question up");
        assert_eq!(
            guard.react(&Action::Close, &[field("Leaders")]),
            Guarded::Stay
        );
        assert!(!guard.asking(), "Esc again goes on editing");
        guard.react(&Action::Close, &[field("Leaders")]);
        assert_eq!(
            guard.react(&Action::Discard, &[field("Leaders")]),
            Guarded::Discard
        );
        guard.react(&Action::Close, &[field("Leaders")]);
        assert_eq!(
            guard.react(&Action::Submit, &[field("Leaders")]),
            Guarded::Keep
        );
        assert_eq!(
            guard.react(&Action::Submit, &[field("Leaders")]),
            Guarded::Form
        );
    }
}
