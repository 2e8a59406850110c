//! The form that writes one action (what, owner, due, the recommendation it carries out, its
//! priority):
//! its fields, its draft, and the checks made before it is kept.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::Span;

use super::checks;
use super::form::Fields;
use crate::session::ActionItem;
use crate::session::journal::Draft;
use crate::tui::theme::Theme;

const FIELDS: [&str; 5] = ["What", "Owner", "Due", "For rec.", "Priority"];

/// Longest text one field of an action takes.
const MAX_FIELD_CHARS: usize = 2000;

/// The form for one action being written.
pub(super) struct Form {
    /// Which action is edited; `None` for a new one.
    pub index: Option<usize>,
    /// What, owner, due, the recommendation it carries out, its priority.
    pub fields: Fields,
}

/// An action as the form shows it when nothing has been typed.
fn saved(item: &ActionItem) -> Vec<String> {
    vec![
        item.text.clone(),
        item.owner.clone(),
        item.due.clone(),
        link_text(item),
        item.priority.clone(),
    ]
}

/// An action's link, as the "For rec." field shows it: "2" for the area's second
/// recommendation, "C1" for the main conclusions' first.
pub(super) fn link_text(item: &ActionItem) -> String {
    item.recommendation.map_or_else(String::new, |n| {
        if item.conclusion {
            format!("C{n}")
        } else {
            n.to_string()
        }
    })
}

impl Form {
    /// The form for action `index` (`None` for a new one), holding `item`.
    pub(super) fn new(index: Option<usize>, item: &ActionItem) -> Self {
        Form {
            index,
            fields: Fields::new(&saved(item), MAX_FIELD_CHARS, false),
        }
    }

    /// The form holding `typed` (a draft brought back), over the action's saved values.
    pub(super) fn restored(index: Option<usize>, item: &ActionItem, typed: &[String]) -> Self {
        Form {
            index,
            fields: Fields::restored(&saved(item), typed, MAX_FIELD_CHARS, false),
        }
    }

    /// The form's text as a draft for the journal, every field with it.
    pub(super) fn draft(&self, node: &str) -> Draft {
        let raw = |i: usize| self.fields.raw(i);
        Draft::Action {
            node: node.to_owned(),
            index: self.index,
            text: raw(0),
            owner: raw(1),
            due: raw(2),
            recommendation: Some(raw(3)),
            priority: Some(raw(4)),
        }
    }

    /// The action as the form says, over `saved` (its status stays as it was), when every
    /// field passes its check; else what is wrong, with the cursor put in that field. Its
    /// area has `recommendations` recommendations to link to, the main conclusions
    /// `conclusions`.
    pub(super) fn item(
        &mut self,
        saved: &ActionItem,
        recommendations: usize,
        conclusions: usize,
    ) -> Result<ActionItem, String> {
        let text = checks::action_text(&self.fields.value(0))?;
        // A due date is a date (ISO or day first), kept as ISO so plans sort by it.
        let due = crate::session::parse_due(&self.fields.value(2)).inspect_err(|_| {
            self.fields.focus_on(2);
        })?;
        let link = checks::recommendation(&self.fields.value(3), recommendations, conclusions)
            .inspect_err(|_| self.fields.focus_on(3))?;
        let priority = self.fields.value(4);
        // A priority written another way in an older file stays as it is unless retyped.
        let priority = if priority == saved.priority {
            priority
        } else {
            checks::priority(&priority).inspect_err(|_| self.fields.focus_on(4))?
        };
        Ok(ActionItem {
            text,
            owner: self.fields.value(1),
            due: due.unwrap_or_default(),
            recommendation: link.map(|(n, _)| n),
            conclusion: link.is_some_and(|(_, conclusion)| conclusion),
            priority,
            ..saved.clone()
        })
    }

    /// The fields, one a line, the focused one's label standing out.
    pub(super) fn render(&self, t: Theme, frame: &mut Frame, area: Rect) {
        for (i, name) in FIELDS.iter().enumerate() {
            let y = area.y + 1 + u16::try_from(i).unwrap_or(0);
            if y >= area.bottom() {
                break;
            }
            let row = Rect::new(area.x, y, area.width, 1);
            let [label, field] =
                Layout::horizontal([Constraint::Length(10), Constraint::Fill(1)]).areas(row);
            let style = if i == self.fields.focus() {
                t.key()
            } else {
                t.dim()
            };
            frame.render_widget(Span::styled(format!("{name:>8}: "), style), label);
            if let Some(text) = self.fields.field(i) {
                frame.render_widget(text, field);
            }
        }
    }
}
