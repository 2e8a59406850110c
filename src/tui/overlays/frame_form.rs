//! The report's frame, written in the app: its six parts (introduction to next steps) in one
//! form, each part kept as its own undoable, journalled edit, the text typed journalled as a
//! draft so a crash loses none of it.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Paragraph};

use super::form::{self, EscGuard, Fields, Step};
use super::{Reaction, popup_block};
use crate::session::frame::FramePart;
use crate::session::journal::Draft;
use crate::session::{Edit, MetaField};
use crate::tui::action::Action;
use crate::tui::keymap::Context;
use crate::tui::view::{Opened, Registered, View, ViewContext};

/// Longest text one part takes: a few paragraphs of a report.
const MAX_PART_CHARS: usize = 4000;

/// Most rows each part's text is given on screen; longer text wraps and scrolls within them.
const PART_ROWS: u16 = 3;

/// The report frame's form, opened from the main screen.
pub(super) const VIEW: Registered = Registered {
    name: "report frame",
    opens_on: &[Action::ReportFrame],
    keys: &[
        (Context::Form, form::FORM_ACTIONS),
        (Context::Confirm, form::CONFIRM_ACTIONS),
    ],
    open: |cx, _| Opened::new(FrameForm::open(cx)),
    restore: |cx, draft| match draft {
        Draft::Frame { parts } => Some(Box::new(FrameForm::restored(cx, parts))),
        _ => None,
    },
};

/// The six parts being written.
pub(super) struct FrameForm {
    fields: Fields,
}

/// Each part's saved text, as one line: a field is one line, so paragraphs show joined.
fn saved(cx: &ViewContext<'_>) -> Vec<String> {
    FramePart::ALL
        .iter()
        .map(|&p| flat(cx.session.frame.get(p)))
        .collect()
}

/// Text as a one-line field holds it: line breaks as spaces.
fn flat(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

impl FrameForm {
    pub(super) fn open(cx: &ViewContext<'_>) -> Self {
        FrameForm {
            fields: Fields::new(&saved(cx), MAX_PART_CHARS, true),
        }
    }

    /// The form holding `typed` (a draft brought back after a stop) over the saved parts.
    pub(super) fn restored(cx: &ViewContext<'_>, typed: &[String]) -> Self {
        let mut typed = typed.to_vec();
        typed.resize(FramePart::ALL.len(), String::new());
        FrameForm {
            fields: Fields::restored(&saved(cx), &typed, MAX_PART_CHARS, true),
        }
    }

    /// The text typed, every part, as a draft for the journal.
    fn draft(&self) -> Draft {
        Draft::Frame {
            parts: (0..FramePart::ALL.len())
                .map(|i| self.fields.raw(i))
                .collect(),
        }
    }

    /// One edit for each part whose text changed; a part left as it was keeps its saved
    /// text (with its paragraphs) untouched.
    fn keep(&self, cx: &ViewContext<'_>) -> Vec<Action> {
        let mut actions = vec![form::forget()];
        for (i, &part) in FramePart::ALL.iter().enumerate() {
            let before = cx.session.frame.get(part);
            let after = self.fields.value(i);
            if after != flat(before) {
                actions.push(Action::Edit(Edit::Meta {
                    field: MetaField::Frame(part),
                    before: before.to_owned(),
                    after,
                }));
            }
        }
        actions
    }
}

impl View for FrameForm {
    fn context(&self) -> Context {
        self.fields.context()
    }

    fn react(&mut self, cx: &ViewContext<'_>, action: &Action) -> Reaction {
        match self.fields.react(action) {
            Step::Typed => form::journal(self.draft()),
            Step::Submit => Reaction::close_then(self.keep(cx)),
            Step::Discard => Reaction::close_then(vec![form::forget()]),
            Step::Stay => Reaction::stay(),
        }
    }

    fn render(&self, cx: &ViewContext<'_>, frame: &mut Frame) {
        let parts = u16::try_from(FramePart::ALL.len()).unwrap_or(6);
        let area = crate::tui::layout::centred(frame.area(), 84, parts * (PART_ROWS + 1) + 4);
        frame.render_widget(Clear, area);
        let hint = cx.keymap.hints(
            Context::Form,
            &[Action::NextField, Action::Submit, Action::Close],
        );
        let block = popup_block(cx, "Report frame", &hint);
        let inner = block.inner(area);
        frame.render_widget(block, area);
        // On a small screen each part gets fewer rows, so every part stays in view.
        let per_part = (inner.height.saturating_sub(1) / parts).clamp(2, PART_ROWS + 1);
        let mut y = inner.y;
        for (i, part) in FramePart::ALL.iter().enumerate() {
            if y + 1 >= inner.bottom() {
                break;
            }
            let style = self.fields.label_style(i, cx.theme);
            frame.render_widget(
                Span::styled(part.heading(), style),
                Rect::new(inner.x, y, inner.width, 1),
            );
            let rows = (per_part - 1).min(inner.bottom().saturating_sub(y + 2));
            if let Some(text) = self.fields.field(i) {
                frame.render_widget(text, Rect::new(inner.x + 2, y + 1, inner.width - 2, rows));
            }
            y += per_part;
        }
        let foot = if self.fields.asking() {
            Line::styled(EscGuard::question(cx), cx.theme.warn())
        } else {
            Line::styled(
                "Each part is printed under its heading; an empty part is left out.",
                cx.theme.dim(),
            )
        };
        frame.render_widget(
            Paragraph::new(foot),
            Rect::new(inner.x, inner.bottom().saturating_sub(1), inner.width, 1),
        );
    }
}
