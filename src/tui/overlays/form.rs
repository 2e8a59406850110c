//! What `Esc` means in every form, in one place: a form whose text is what is saved closes
//! at once; a form holding text not yet kept asks "Keep the changes?" (`y` keeps, `n`
//! throws it away, `Esc` goes on editing), so nothing typed is lost without the facilitator
//! saying so. The notes editor needs no question: its text is kept as it is typed.

use ratatui_textarea::TextArea;

use crate::tui::action::Action;
use crate::tui::keymap::Context;
use crate::tui::view::ViewContext;

/// The text a form started from, and whether it is asking about leaving.
#[derive(Debug, Clone, Default)]
pub struct EscGuard {
    /// Each field's saved text, trimmed as the form keeps it: typed text that comes back to
    /// this is nothing to ask about.
    saved: Vec<String>,
    asking: bool,
}

/// What the form does with an action once the guard has seen it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Guarded {
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
pub fn texts(fields: &[TextArea<'_>]) -> Vec<String> {
    fields
        .iter()
        .map(|f| f.lines().join(" ").trim().to_owned())
        .collect()
}

impl EscGuard {
    /// A guard for a form whose fields hold `saved` when nothing has been typed (for a
    /// restored draft: the saved values, not the draft, so the draft counts as typed).
    pub fn new(saved: Vec<String>) -> Self {
        EscGuard {
            saved: saved.into_iter().map(|s| s.trim().to_owned()).collect(),
            asking: false,
        }
    }

    /// Whether "Keep the changes?" is on screen (the keys are then [`Context::Confirm`]'s).
    pub fn asking(&self) -> bool {
        self.asking
    }

    /// The keys' context: the question's while it is asked, else the form's.
    pub fn context(&self) -> Context {
        if self.asking {
            Context::Confirm
        } else {
            Context::Form
        }
    }

    /// Sees `action` first, for a form whose fields now hold `fields`.
    pub fn react(&mut self, action: &Action, fields: &[TextArea<'_>]) -> Guarded {
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
    pub fn question(app: &ViewContext<'_>) -> String {
        format!(
            "Keep the changes? {}",
            app.keymap.hints(
                Context::Confirm,
                &[Action::Submit, Action::Discard, Action::Close]
            )
        )
    }
}

/// What every form does with keys that are not text: the same in each form.
pub const FORM_ACTIONS: &[Action] = &[
    Action::NextField,
    Action::PrevField,
    Action::Submit,
    Action::Close,
];

/// What the question does.
pub const CONFIRM_ACTIONS: &[Action] = &[Action::Submit, Action::Discard, Action::Close];

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
